"""Activations: values, derivatives against central differences, overflow, look-up errors."""

import warnings

import numpy as np
import pytest

from nnlib import activations
from nnlib.activations import get_activation

NAMES = ["sigmoid", "tanh", "relu", "leaky_relu", "identity", "step"]


def textbook_sigmoid(z):
    return 1.0 / (1.0 + np.exp(-z))


def test_sigmoid_matches_the_textbook_formula():
    z = np.linspace(-700, 700, 20001)  # where 1 / (1 + e^(−z)) does not overflow
    # Relative agreement, also in the tails where σ(z) is tiny (σ(−700) ≈ 1e-304).
    np.testing.assert_allclose(activations.sigmoid(z), textbook_sigmoid(z), rtol=1e-14, atol=0)
    assert activations.sigmoid(0.0) == 0.5
    assert activations.sigmoid(-745.0) > 0  # the smallest subnormal, not 0


def test_sigmoid_has_no_overflow_warning_up_to_1e4():
    z = np.sort(np.concatenate([-np.logspace(0, 4, 200), [0.0], np.logspace(0, 4, 200)]))
    # Underflow to 0 is fine (numpy ignores it by default); overflow or a NaN is not.
    with warnings.catch_warnings(), np.errstate(over="raise", invalid="raise", divide="raise"):
        warnings.simplefilter("error")
        s = activations.sigmoid(z)
        d = activations.sigmoid_derivative(z)
    assert np.all(np.isfinite(s)) and np.all((s >= 0) & (s <= 1))
    assert activations.sigmoid(-1e4) == 0.0 and activations.sigmoid(1e4) == 1.0
    assert np.all(np.isfinite(d)) and np.all(d >= 0)
    assert np.all(np.diff(s) >= 0)  # monotone, even in the saturated tails


def test_sigmoid_symmetry():
    z = np.linspace(-40, 40, 801)
    np.testing.assert_allclose(activations.sigmoid(z) + activations.sigmoid(-z), 1.0, atol=1e-15)


@pytest.mark.parametrize("name", NAMES)
def test_derivative_matches_central_differences(name):
    act = get_activation(name)
    # No z near 0, where relu has a kink and step jumps.
    z = np.concatenate([np.linspace(-4, -0.05, 40), np.linspace(0.05, 4, 40)])
    eps = 1e-6
    numeric = (act.function(z + eps) - act.function(z - eps)) / (2 * eps)
    np.testing.assert_allclose(act.derivative(z), numeric, rtol=1e-7, atol=1e-9)
    # fz = f(z) is a shortcut: it must give the same derivative.
    np.testing.assert_allclose(act.derivative(z, act.function(z)), act.derivative(z), rtol=0, atol=1e-15)


@pytest.mark.parametrize(("name", "expected"), [
    ("sigmoid", [0.11920292202211755, 0.5, 0.8807970779778823]),
    ("tanh", [np.tanh(-2.0), 0.0, np.tanh(2.0)]),
    ("relu", [0.0, 0.0, 2.0]),
    ("leaky_relu", [-0.02, 0.0, 2.0]),
    ("identity", [-2.0, 0.0, 2.0]),
    ("step", [0.0, 0.0, 1.0]),
])
def test_known_values(name, expected):
    np.testing.assert_allclose(get_activation(name).function(np.array([-2.0, 0.0, 2.0])), expected, rtol=1e-15)


def test_known_derivatives():
    z = np.array([-2.0, 0.0, 2.0])
    np.testing.assert_allclose(activations.sigmoid_derivative(z), [0.104993585403507, 0.25, 0.104993585403507])
    np.testing.assert_allclose(activations.tanh_derivative(z), 1 - np.tanh(z) ** 2)
    np.testing.assert_array_equal(activations.relu_derivative(z), [0.0, 0.0, 1.0])  # 0 at the kink, by choice
    np.testing.assert_array_equal(activations.leaky_relu_derivative(z), [0.01, 0.01, 1.0])  # the kink goes left
    np.testing.assert_array_equal(activations.identity_derivative(z), [1.0, 1.0, 1.0])
    np.testing.assert_array_equal(activations.step_derivative(z), [0.0, 0.0, 0.0])


def test_derivative_is_taken_at_z_not_at_the_activation():
    # σ'(σ(z)) instead of σ'(z) is seed 000's bug; the derivative must use z.
    z = np.array([1.5])
    assert activations.sigmoid_derivative(z)[0] == pytest.approx(0.14914645207033284, rel=1e-12)
    assert activations.sigmoid_derivative(z)[0] != pytest.approx(
        activations.sigmoid_derivative(activations.sigmoid(z))[0], rel=1e-3)


def test_outputs_are_float_and_shaped_like_the_input():
    z = np.array([[-1, 0, 2]])  # ints in, floats out
    for name in NAMES:
        act = get_activation(name)
        for out in (act.function(z), act.derivative(z)):
            assert out.shape == z.shape and out.dtype == np.float64, name


def test_get_activation_rejects_unknown_names():
    with pytest.raises(ValueError, match=r"activation must be one of \['identity', 'leaky_relu', 'relu', "
                                         r"'sigmoid', 'step', 'tanh'\]; got 'softmax'"):
        get_activation("softmax")
    with pytest.raises(TypeError, match="activation must be a name .*got int"):
        get_activation(3)


def test_softmax_rows_are_probabilities_and_large_logits_are_finite():
    z = np.array([[1.0, 2.0, 3.0], [1000.0, 0.0, -1000.0], [-1000.0, -1000.0, -1000.0]])
    with warnings.catch_warnings(), np.errstate(over="raise", invalid="raise", divide="raise"):
        warnings.simplefilter("error")
        p = activations.softmax(z)
    np.testing.assert_allclose(p.sum(axis=1), 1.0, rtol=0, atol=1e-15)
    e = np.exp([1.0, 2.0, 3.0])
    np.testing.assert_allclose(p[0], e / e.sum(), rtol=1e-14)
    np.testing.assert_array_equal(p[1], [1.0, 0.0, 0.0])
    np.testing.assert_allclose(p[2], 1 / 3, rtol=1e-15)
    # Adding a constant to a row changes nothing: the shift by the maximum is exact maths.
    np.testing.assert_allclose(activations.softmax(z[:1] + 50.0), p[:1], rtol=1e-14)


def test_every_activation_takes_a_plain_list():
    z = [-2.0, 0.5, 3.0]
    for name in NAMES:
        act = get_activation(name)
        np.testing.assert_array_equal(act.function(z), act.function(np.array(z)), err_msg=name)
        np.testing.assert_array_equal(act.derivative(z), act.derivative(np.array(z)), err_msg=name)
    np.testing.assert_array_equal(activations.softmax([0.0, 0.0]), [0.5, 0.5])


def test_step_switches_at_0_and_its_derivative_prints_as_plain_zeros():
    np.testing.assert_array_equal(activations.step(np.array([-0.5, 0.5])), [0.0, 1.0])
    assert str(activations.step_derivative(np.array([-1.0, 1.0]))) == "[0. 0.]"  # not [-0. -0.]


def test_softmax_of_one_vector_of_logits():
    # A 1-D z is one row: its last axis holds the classes.
    z = np.array([1.0, 2.0, 1000.0])
    p = activations.softmax(z)
    assert p.shape == (3,) and p.sum() == pytest.approx(1.0, abs=1e-15) and p[2] == 1.0
    np.testing.assert_allclose(activations.softmax(z[:2]), np.exp([1.0, 2.0]) / np.exp([1.0, 2.0]).sum(), rtol=1e-14)
