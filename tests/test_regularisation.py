"""L1 and L2 weight penalties: value, gradient against central differences, and their effect in fit."""

import numpy as np
import pytest

import nnlib
from nnlib.gradcheck import gradient_check
from nnlib.regularisation import add_penalty_gradient, penalty

rng = np.random.default_rng(5)


def network():
    net = nnlib.mlp([3, 4, 2], hidden="tanh", output="sigmoid", seed=1)
    net.set_parameters([rng.normal(size=p.shape) for p in net.parameters()])  # weights away from 0, biases nonzero
    return net


def test_penalty_value_counts_weights_not_biases():
    net = network()
    W1, b1, W2, b2 = net.parameters()
    expected = 0.3 * (np.abs(W1).sum() + np.abs(W2).sum()) + 0.5 * 0.2 * ((W1**2).sum() + (W2**2).sum())
    assert penalty(net.parameters(), l1=0.3, l2=0.2) == pytest.approx(expected, rel=1e-14)
    assert penalty(net.parameters()) == 0.0


@pytest.mark.parametrize(("l1", "l2"), [(0.0, 0.1), (0.05, 0.0), (0.05, 0.1)])
@pytest.mark.parametrize("loss", ["mse", "bce"])
def test_penalty_gradient_matches_central_differences(l1, l2, loss):
    net = network()
    X = rng.normal(size=(6, 3))
    y = (rng.uniform(size=(6, 2)) > 0.5).astype(float)
    assert gradient_check(net, X, y, loss, l1=l1, l2=l2) < 1e-7
    # and the penalty really is in the gradient: without it the check against the penalised loss fails
    analytic = net.compute_gradients(X, y, loss)
    with_penalty = net.compute_gradients(X, y, loss, l1=l1, l2=l2)
    assert with_penalty == pytest.approx(analytic + penalty(net.parameters(), l1, l2), rel=1e-12)


def test_one_step_of_weight_decay():
    X, y = nnlib.logic_gate("xor")
    net = nnlib.mlp([2, 3, 1], seed=0)
    before = net.get_parameters()
    net.compute_gradients(X, y, "mse")
    data_gradients = [g.copy() for g in net.gradients()]
    net.fit(X, y, epochs=1, lr=0.5, loss="mse", l2=0.1)
    for theta, theta0, g in zip(net.parameters(), before, data_gradients):
        decay = 0.1 * theta0 if theta0.ndim == 2 else 0.0  # biases are not decayed
        np.testing.assert_allclose(theta, theta0 - 0.5 * (g + decay), rtol=0, atol=1e-14)


def test_l2_shrinks_the_weights_and_history_records_the_penalty():
    X, y = nnlib.moons(100, noise=0.2, seed=0)
    norms, histories = {}, {}
    for l2 in (0.0, 0.01):
        net = nnlib.mlp([2, 16, 1], hidden="tanh", seed=0)
        histories[l2] = net.fit(X, y, epochs=300, lr=0.5, loss="bce", l2=l2)
        norms[l2] = sum(float(np.sum(p**2)) for p in net.parameters() if p.ndim == 2)
    assert norms[0.01] < 0.7 * norms[0.0]
    assert histories[0.0].penalty is None
    assert histories[0.01].penalty.shape == (300,) and np.all(histories[0.01].penalty > 0)


def test_l1_sets_weights_to_zero_more_than_l2():
    X, y = nnlib.blobs(100, noise=0.5, seed=0)
    small = {}
    for kind in ("l1", "l2"):
        net = nnlib.mlp([2, 16, 1], hidden="tanh", seed=0)
        net.fit(X, y, epochs=400, lr=0.3, loss="bce", **{kind: 0.01})
        small[kind] = np.mean(np.abs(net.parameters()[0]) < 1e-2)
    assert small["l1"] > small["l2"]


@pytest.mark.parametrize(("kwargs", "error", "message"), [
    ({"l2": -0.1}, ValueError, "l2 must be a finite number >= 0; got -0.1"),
    ({"l1": float("nan")}, ValueError, "l1 must be a finite number >= 0"),
    ({"l2": "0.1"}, TypeError, "l2 must be a number >= 0; got str"),
])
def test_bad_rates_are_named(kwargs, error, message):
    X, y = nnlib.logic_gate("xor")
    with pytest.raises(error, match=message):
        nnlib.mlp([2, 2, 1], seed=0).fit(X, y, epochs=1, lr=0.1, **kwargs)


def test_the_penalty_gradient_of_a_weight_at_zero_is_zero_and_no_rates_add_nothing():
    # sign(0) = 0: L1's subgradient at w = 0 is taken as 0, so a weight already at 0 feels no pull.
    W, b = np.array([[0.0, 2.0, -3.0]]), np.array([1.0])
    gW, gb = np.zeros_like(W), np.zeros_like(b)
    add_penalty_gradient([W, b], [gW, gb], l1=0.5)
    np.testing.assert_array_equal(gW, [[0.0, 0.5, -0.5]])
    np.testing.assert_array_equal(gb, [0.0])
    add_penalty_gradient([W, b], [gW, gb])  # rates default to 0
    np.testing.assert_array_equal(gW, [[0.0, 0.5, -0.5]])
