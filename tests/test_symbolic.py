"""nnlib.symbolic: derivatives, lambdify (including relu's Max) and the identity checks the notebooks rely on.

These run under the pinned SymPy and under Colab's 1.13 (`.venv-colab/bin/python -m pytest --noconftest
tests/test_symbolic.py`), where lambdify once turned max(0, z) into numpy.amax over the stacked arguments.
"""

import numpy as np
import pytest

import nnlib

sp = pytest.importorskip("sympy")
symbolic = pytest.importorskip("nnlib.symbolic")

z = sp.Symbol("z", real=True)
SIGMA = 1 / (1 + sp.exp(-z))
POINTS = np.linspace(-6, 6, 25)


def test_derive_gives_the_textbook_derivatives():
    assert symbolic.derive(z**3 - 2 * z, z) == 3 * z**2 - 2
    assert symbolic.is_identity(symbolic.derive(SIGMA, z), SIGMA * (1 - SIGMA))
    assert symbolic.is_identity(symbolic.derive(sp.tanh(z), z), 1 - sp.tanh(z) ** 2)
    assert symbolic.derive(sp.Max(0, z), z) == sp.Heaviside(z)


def test_derivatives_match_nnlib_at_many_points():
    activations = nnlib.activations
    for expression, derivative in ((SIGMA, activations.sigmoid_derivative),
                                   (sp.tanh(z), activations.tanh_derivative)):
        assert symbolic.max_abs_difference(symbolic.derive(expression, z), z, derivative, POINTS) < 1e-12
    # and a wrong "derivative" is far off: the comparison can fail
    wrong = symbolic.max_abs_difference(symbolic.derive(SIGMA, z), z, activations.sigmoid, POINTS)
    assert wrong > 0.5


def test_relu_lambdified_is_element_wise_on_arrays_of_any_shape():
    relu = symbolic.to_numpy(sp.Max(0, z), z)
    values = np.array([-2.0, -0.5, 0.0, 0.5, 2.0])
    assert np.array_equal(relu(values), [0.0, 0.0, 0.0, 0.5, 2.0])
    grid = values.reshape(1, 5) * np.array([[1.0], [-1.0]])  # a 2-D array
    assert np.array_equal(relu(grid), np.maximum(grid, 0))
    assert relu(-3.0) == 0.0 and relu(1.5) == 1.5
    assert symbolic.max_abs_difference(sp.Max(0, z), z, nnlib.activations.relu, POINTS) == 0.0


def test_max_and_min_of_several_arguments_and_variables():
    x, y = sp.symbols("x y", real=True)
    f = symbolic.to_numpy(sp.Max(x, y, 1) + sp.Min(x, -y), x, y)
    a = np.array([-2.0, 0.5, 3.0])
    b = np.array([2.0, -1.0, 0.0])
    assert np.allclose(f(a, b), np.maximum(np.maximum(a, b), 1) + np.minimum(a, -b))


def test_step_and_its_derivative_lambdified():
    step = symbolic.to_numpy(sp.Heaviside(z), z)
    assert np.array_equal(step(np.array([-1.0, 0.0, 2.0])), [0.0, 0.5, 1.0])  # SymPy's value at 0 is 1/2
    relu_derivative = symbolic.to_numpy(symbolic.derive(sp.Max(0, z), z), z)
    assert np.array_equal(relu_derivative(np.array([-1.0, 1.0])), [0.0, 1.0])
    delta = symbolic.to_numpy(sp.DiracDelta(z), z)
    assert np.array_equal(delta(np.array([-1.0, 0.0, 1.0])), [0.0, np.inf, 0.0])  # loud at the kink


def test_is_identity_proves_true_identities_and_not_false_ones():
    assert symbolic.is_identity(SIGMA, (1 + sp.tanh(z / 2)) / 2)
    assert symbolic.is_identity(sp.cosh(z) ** 2 - sp.sinh(z) ** 2, sp.Integer(1))
    assert not symbolic.is_identity(symbolic.derive(SIGMA, z), SIGMA * (1 + SIGMA))
    assert not symbolic.is_identity(sp.tanh(z), SIGMA)


def test_in_terms_of_output_rewrites_derivatives_in_the_output():
    s, t = sp.symbols("s t", real=True)
    assert sp.expand(symbolic.in_terms_of_output(symbolic.derive(SIGMA, z), SIGMA, z, s) - s * (1 - s)) == 0
    assert sp.expand(symbolic.in_terms_of_output(symbolic.derive(sp.tanh(z), z), sp.tanh(z), z, t) - (1 - t**2)) == 0
    with pytest.raises(ValueError, match="could not write"):
        symbolic.in_terms_of_output(z, sp.Integer(3), z, s)  # z cannot be told from a constant


def test_inputs_may_be_plain_lists_and_numbers():
    # The notebooks pass lists of points now and then, and a derivative can be a plain number (identity' = 1).
    delta = symbolic.to_numpy(sp.DiracDelta(z), z)
    assert np.array_equal(delta([-1.0, 0.0]), [0.0, np.inf])
    assert symbolic.max_abs_difference(sp.tanh(z), z, nnlib.activations.tanh, [-1.0, 0.0, 2.0]) < 1e-15
    a = sp.Symbol("a", real=True)
    assert symbolic.in_terms_of_output(1, z, z, a) == 1


def test_is_identity_answers_true_or_false():
    # True and False themselves, also when the cheap expand already proves it (z(1 + z) = z + z²).
    assert symbolic.is_identity(z * (1 + z), z + z**2) is True
    assert symbolic.is_identity(SIGMA, (1 + sp.tanh(z / 2)) / 2) is True
    assert symbolic.is_identity(sp.tanh(z), SIGMA) is False
