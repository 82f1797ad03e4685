"""nnlib.autograd: every operation's gradient against central differences, a 2-2-1 network against nnlib's
layer-wise backprop, gradients that add up when a value is used twice, the topological order, the errors."""

import math

import numpy as np
import pytest

import nnlib
from nnlib.autograd import Value

# Each operation as a function of two plain floats built through Values, and where to draw its inputs
# (log needs a > 0; a power of a negative base needs a whole exponent; division keeps away from 0).
OPERATIONS = {
    "a + b": (lambda a, b: a + b, (-3, 3), (-3, 3)),
    "a - b": (lambda a, b: a - b, (-3, 3), (-3, 3)),
    "a * b": (lambda a, b: a * b, (-3, 3), (-3, 3)),
    "a / b": (lambda a, b: a / b, (-3, 3), (0.5, 3)),
    "-a": (lambda a, b: -a, (-3, 3), (0, 1)),
    "a ** 3": (lambda a, b: a**3, (-2, 2), (0, 1)),
    "a ** -2": (lambda a, b: a**-2, (0.5, 2), (0, 1)),
    "a ** 0.5": (lambda a, b: a**0.5, (0.5, 4), (0, 1)),
    "a.tanh()": (lambda a, b: a.tanh(), (-2, 2), (0, 1)),
    "a.exp()": (lambda a, b: a.exp(), (-2, 2), (0, 1)),
    "a.log()": (lambda a, b: a.log(), (0.2, 4), (0, 1)),
    "a.relu() (a > 0)": (lambda a, b: a.relu(), (0.1, 3), (0, 1)),
    "a.relu() (a < 0)": (lambda a, b: a.relu(), (-3, -0.1), (0, 1)),
    "a.relu() * b": (lambda a, b: a.relu() * b, (-3, 3), (-3, 3)),
    "2 + a": (lambda a, b: 2 + a, (-3, 3), (0, 1)),
    "2 - a": (lambda a, b: 2 - a, (-3, 3), (0, 1)),
    "2 * a": (lambda a, b: 2 * a, (-3, 3), (0, 1)),
    "2 / a": (lambda a, b: 2 / a, (0.5, 3), (0, 1)),
    "a + 2, a - 2, a * 2, a / 2": (lambda a, b: (a + 2) * (a - 2) + a * 2 + a / 2, (-3, 3), (0, 1)),
    "(a * b + a).tanh() * b": (lambda a, b: (a * b + a).tanh() * b, (-2, 2), (-2, 2)),
}


def value_of(f, a, b):
    return f(Value(a), Value(b)).data


@pytest.mark.parametrize("name", OPERATIONS)
def test_every_operation_s_gradient_matches_central_differences(name):
    f, a_range, b_range = OPERATIONS[name]
    rng = np.random.default_rng(sum(map(ord, name)))
    eps = 1e-6
    for _ in range(5):
        a_data, b_data = rng.uniform(*a_range), rng.uniform(*b_range)
        a, b = Value(a_data), Value(b_data)
        out = f(a, b)
        out.backward()
        numeric_a = (value_of(f, a_data + eps, b_data) - value_of(f, a_data - eps, b_data)) / (2 * eps)
        numeric_b = (value_of(f, a_data, b_data + eps) - value_of(f, a_data, b_data - eps)) / (2 * eps)
        assert a.grad == pytest.approx(numeric_a, rel=1e-6, abs=1e-8), (name, a_data, b_data)
        assert b.grad == pytest.approx(numeric_b, rel=1e-6, abs=1e-8), (name, a_data, b_data)


def test_values_are_the_plain_maths():
    # The gradient checks above compare the code with itself; these pin the values to the maths.
    a, b = Value(1.5), Value(-0.5)
    assert (a + b).data == 1.0 and (a - b).data == 2.0 and (a * b).data == -0.75 and (a / b).data == -3.0
    assert (a**2).data == 2.25 and (-a).data == -1.5
    assert (2 + a).data == 3.5 and (3 - a).data == 1.5 and (2 * a).data == 3.0 and (3 / a).data == 2.0
    assert (a + 2).data == 3.5 and (a - 2).data == -0.5 and (a * 2).data == 3.0 and (a / 2).data == 0.75
    assert a.tanh().data == math.tanh(1.5) and a.exp().data == math.exp(1.5) and a.log().data == math.log(1.5)
    assert Value(0.5).log().data == math.log(0.5)
    assert b.relu().data == 0.0 and a.relu().data == 1.5
    assert (a * b)._op == "*" and a.tanh()._op == "tanh" and (a**2)._op == "**2" and a._op == ""


def test_edges_of_powers_and_relu():
    assert (Value(0.25) ** 0.5).data == 0.5 and (Value(0.0) ** 0.5).data == 0.0 and (Value(-2.0) ** 2).data == 4.0
    zero = Value(0.0)
    out = zero**0  # a constant: 1, with gradient 0 (not k·a^(k−1) = 0 · 0^−1)
    out.backward()
    assert out.data == 1.0 and zero.grad == 0.0
    a = Value(2.0)
    (a**0).backward()
    assert a.grad == 0.0
    for x, expected in ((0.0, 0.0), (1e-9, 3.0), (-1e-9, 0.0)):  # relu' is 0 at 0 (as in nnlib.activations)
        a = Value(x)
        (a.relu() * 3).backward()
        assert a.grad == expected


def test_repr_shows_data_and_grad():
    a = Value(2.0)
    (a * a).backward()
    assert repr(a) == "Value(data=2, grad=4)"


def test_a_value_used_twice_gets_both_contributions():
    a = Value(3.0)
    (a * a).backward()
    assert a.grad == 6.0  # d(a²)/da = 2a: one a from each factor; "=" instead of "+=" would give 3
    a = Value(3.0)
    (a + a).backward()
    assert a.grad == 2.0
    a = Value(0.5)
    out = a.tanh() * a.exp() + a  # a feeds three operations
    out.backward()
    expected = (1 - math.tanh(0.5) ** 2) * math.exp(0.5) + math.tanh(0.5) * math.exp(0.5) + 1
    assert a.grad == pytest.approx(expected, rel=1e-14)


def test_backward_visits_a_diamond_in_topological_order():
    # a feeds b and c, both feed d: d must come after b and c, and a after neither.
    a = Value(2.0)
    b, c = a * 3, a + 1
    d = b * c
    order = d.topological_order()
    assert len(order) == len({id(v) for v in order}) == 6  # a, the constants 3 and 1, b, c, d: each once
    position = {id(v): i for i, v in enumerate(order)}
    assert position[id(a)] < position[id(b)] < position[id(d)]
    assert position[id(a)] < position[id(c)] < position[id(d)]
    assert order[-1] is d
    d.backward()
    # d = 3a (a + 1): ∂d/∂a = 6a + 3 = 15. Visiting a before c has passed its part gives 9 (or 6).
    assert a.grad == 15.0 and b.grad == c.data and c.grad == b.data


def test_backward_of_a_long_chain_needs_no_recursion():
    x = Value(0.0)
    total = x
    for _ in range(5000):  # deeper than Python's recursion limit
        total = total + x
    total.backward()
    assert x.grad == 5001.0


def test_a_graph_of_shared_values_is_walked_once_per_value():
    # y = y + y fifty times: 2^50 paths from the output to x, but 51 values. Walking every path would not end.
    x = Value(1.0)
    y = x
    for _ in range(50):
        y = y + y
    assert len(y.topological_order()) == 51
    y.backward()
    assert x.grad == 2.0**50
    y.zero_grad()
    assert x.grad == 0.0


def test_gradients_add_up_until_zero_grad():
    a = Value(2.0)
    out = a * a
    out.backward()
    out.backward()
    assert a.grad == 8.0  # two passes, both added
    out.zero_grad()
    assert a.grad == 0.0 and out.grad == 0.0
    out.backward()
    assert a.grad == 4.0


def mlp_of_values(parameters, X, y):
    """A 2-2-1 tanh network of Values: the mean squared error over the samples of (X, y)."""
    W1, b1, W2, b2 = parameters
    total = 0
    for x, t in zip(X, y):
        hidden = [(sum(W1[j][i] * x[i] for i in range(2)) + b1[j]).tanh() for j in range(2)]
        output = (sum(W2[0][j] * hidden[j] for j in range(2)) + b2[0]).tanh()
        total = total + (output - t[0]) ** 2
    return total / len(X)


def test_a_2_2_1_network_of_values_equals_nnlib_s_layer_wise_backprop():
    rng = np.random.default_rng(7)
    X, y = rng.normal(size=(6, 2)), rng.uniform(-1, 1, size=(6, 1))
    net = nnlib.mlp([2, 2, 1], hidden="tanh", output="tanh", seed=3)
    expected_loss = net.compute_gradients(X, y, "mse")
    values = [[[Value(w) for w in row] for row in p] if p.ndim == 2 else [Value(w) for w in p]
              for p in net.get_parameters()]
    loss = mlp_of_values(values, X.tolist(), y.tolist())
    loss.backward()
    assert loss.data == pytest.approx(expected_loss, abs=1e-12)
    for value, gradient in zip(values, net.gradients()):
        got = np.array([[v.grad for v in row] for row in value] if gradient.ndim == 2 else [v.grad for v in value])
        np.testing.assert_allclose(got, gradient, rtol=0, atol=1e-12)
    assert np.abs(net.gradients()[0]).max() > 1e-3  # a real gradient, not zeros on both sides


@pytest.mark.parametrize(("make", "error", "message"), [
    (lambda: Value(-1.0).log(), ValueError, "log needs a positive number; got -1.0"),
    (lambda: Value(0.0).log(), ValueError, "log needs a positive number; got 0.0"),
    (lambda: Value(2.0) ** Value(3.0), TypeError, "only to a plain number, not to a Value"),
    (lambda: Value(-8.0) ** 0.5, ValueError, "a negative number has no real power 0.5"),
    (lambda: Value(0.0) ** -1, ZeroDivisionError, "0 cannot be raised to the negative power -1"),
    (lambda: Value(1.0) / 0, ZeroDivisionError, "0 cannot be raised"),
    (lambda: Value(1.0) + "2", TypeError, "the other operand of + must be a Value or a real number; got str '2'"),
    (lambda: Value(1.0) * None, TypeError, "the other operand of * must be a Value or a real number; got NoneType"),
    (lambda: "2" - Value(1.0), TypeError, "the other operand of - must be a Value or a real number; got str"),
    (lambda: Value(1.0) / [2], TypeError, "the other operand of / must be a Value or a real number; got list"),
    (lambda: Value("1"), TypeError, "data must be a real number (int or float); got str '1'"),
    (lambda: Value(True), TypeError, "data must be a real number (int or float); got bool"),
    (lambda: Value(float("nan")), ValueError, "data must be finite; got nan"),
    (lambda: Value(2.0) ** "2", TypeError, "the exponent must be a real number"),
])
def test_bad_operands_are_named(make, error, message):
    with pytest.raises(error) as caught:
        make()
    assert message in str(caught.value)
