"""Momentum and Adam follow a plain numpy reference to 1e-10; state, chunks and bad settings."""

import numpy as np
import pytest

import nnlib
from nnlib.optimisers import SGD, Adam, Momentum, get_optimiser

X, Y = nnlib.logic_gate("xor")


def reference_gradients(params, X, y):
    """MSE gradients of a 2-4-1 sigmoid network, samples as columns, written without nnlib."""
    W1, b1, W2, b2 = params
    x, t = X.T, y.reshape(1, -1)
    n = x.shape[1]
    a1 = 1 / (1 + np.exp(-(W1 @ x + b1[:, None])))
    a2 = 1 / (1 + np.exp(-(W2 @ a1 + b2[:, None])))
    d2 = 2 * (a2 - t) / n * a2 * (1 - a2)
    d1 = (W2.T @ d2) * a1 * (1 - a1)
    return [d1 @ x.T, d1.sum(axis=1), d2 @ a1.T, d2.sum(axis=1)]


def reference_momentum(params, steps, lr, mu):
    params = [p.copy() for p in params]
    v = [np.zeros_like(p) for p in params]
    for _ in range(steps):
        g = reference_gradients(params, X, Y)
        v = [mu * vi + gi for vi, gi in zip(v, g)]
        params = [p - lr * vi for p, vi in zip(params, v)]
    return params


def reference_adam(params, steps, lr, b1, b2, eps):
    params = [p.copy() for p in params]
    m = [np.zeros_like(p) for p in params]
    s = [np.zeros_like(p) for p in params]
    for t in range(1, steps + 1):
        g = reference_gradients(params, X, Y)
        m = [b1 * mi + (1 - b1) * gi for mi, gi in zip(m, g)]
        s = [b2 * si + (1 - b2) * gi**2 for si, gi in zip(s, g)]
        params = [p - lr * (mi / (1 - b1**t)) / (np.sqrt(si / (1 - b2**t)) + eps) for p, mi, si in zip(params, m, s)]
    return params


def start():
    net = nnlib.mlp([2, 4, 1], hidden="sigmoid", output="sigmoid", seed=3)
    return net, net.get_parameters()


@pytest.mark.parametrize("mu", [0.0, 0.5, 0.9])
def test_momentum_follows_the_reference(mu):
    net, params = start()
    net.fit(X, Y, epochs=300, lr=0.5, loss="mse", optimiser=Momentum(momentum=mu))
    for got, want in zip(net.parameters(), reference_momentum(params, 300, 0.5, mu)):
        np.testing.assert_allclose(got, want, rtol=0, atol=1e-10)


@pytest.mark.parametrize(("b1", "b2"), [(0.9, 0.999), (0.5, 0.9), (0.0, 0.0)])
def test_adam_follows_the_reference(b1, b2):
    # 100 steps: Adam divides by √s, so once saturated units make g tiny, the last-bit differences between
    # nnlib's sigmoid and the textbook one grow; with β = (0.5, 0.9) they reach 1e-7 by step 150.
    net, params = start()
    net.fit(X, Y, epochs=100, lr=0.05, loss="mse", optimiser=Adam(beta1=b1, beta2=b2, eps=1e-8))
    for got, want in zip(net.parameters(), reference_adam(params, 100, 0.05, b1, b2, 1e-8)):
        np.testing.assert_allclose(got, want, rtol=0, atol=1e-10)


def test_adam_first_step_has_size_lr_for_every_parameter():
    # With bias correction, step 1 is lr · g / (|g| + ε): every parameter moves by lr, whatever its gradient.
    net, params = start()
    net.fit(X, Y, epochs=1, lr=0.01, loss="mse", optimiser=Adam(eps=1e-14))
    moved = np.concatenate([np.abs(a - b).ravel() for a, b in zip(net.parameters(), params)])
    np.testing.assert_allclose(moved, 0.01, rtol=1e-5)


def test_momentum_zero_is_plain_descent_and_names_work():
    a, _ = start()
    b, _ = start()
    a.fit(X, Y, epochs=100, lr=1.0, optimiser="sgd")
    b.fit(X, Y, epochs=100, lr=1.0, optimiser=Momentum(momentum=0.0))
    for p, q in zip(a.parameters(), b.parameters()):
        np.testing.assert_allclose(p, q, rtol=0, atol=1e-13)
    assert isinstance(get_optimiser("momentum"), Momentum) and get_optimiser("momentum").momentum == 0.9
    assert isinstance(get_optimiser("adam"), Adam) and isinstance(get_optimiser("sgd"), SGD)


@pytest.mark.parametrize("make", [lambda: Momentum(0.9), lambda: Adam()])
def test_an_optimiser_object_carries_its_state_between_fit_calls(make):
    one, _ = start()
    chunks, _ = start()
    one.fit(X, Y, epochs=100, lr=0.1, optimiser=make())
    optimiser = make()
    for _ in range(4):
        chunks.fit(X, Y, epochs=25, lr=0.1, optimiser=optimiser)
    for p, q in zip(one.parameters(), chunks.parameters()):
        np.testing.assert_array_equal(p, q)
    # A name starts afresh each call, so chunks differ from one long run.
    fresh, _ = start()
    for _ in range(4):
        fresh.fit(X, Y, epochs=25, lr=0.1, optimiser=make().name)
    assert not np.allclose(fresh.parameters()[0], one.parameters()[0])


def test_adam_and_momentum_learn_xor_faster_than_plain_descent():
    losses = {}
    for name, lr in (("sgd", 0.5), ("momentum", 0.5), ("adam", 0.05)):
        net, _ = start()
        losses[name] = net.fit(X, Y, epochs=500, lr=lr, loss="bce", optimiser=name).loss[-1]
    assert losses["momentum"] < losses["sgd"] and losses["adam"] < losses["sgd"]


def test_a_state_made_for_another_network_is_refused():
    optimiser = Momentum()
    net, _ = start()
    net.fit(X, Y, epochs=1, lr=0.1, optimiser=optimiser)
    other = nnlib.mlp([2, 3, 1], seed=0)
    with pytest.raises(ValueError, match="call reset"):
        other.fit(X, Y, epochs=1, lr=0.1, optimiser=optimiser)
    optimiser.reset()
    other.fit(X, Y, epochs=1, lr=0.1, optimiser=optimiser)


@pytest.mark.parametrize(("make", "error", "message"), [
    (lambda: Momentum(-0.1), ValueError, r"momentum must be in \[0, 1\); got -0.1"),
    (lambda: Momentum(1.0), ValueError, r"momentum must be in \[0, 1\); got 1.0"),
    (lambda: Momentum("0.9"), TypeError, "momentum must be a number"),
    (lambda: Adam(beta1=1.0), ValueError, r"beta1 must be in \[0, 1\)"),
    (lambda: Adam(beta2=-0.5), ValueError, r"beta2 must be in \[0, 1\)"),
    (lambda: Adam(eps=0.0), ValueError, "eps must be a small positive number"),
    (lambda: get_optimiser("rmsprop"), ValueError, r"optimiser must be one of \['adam', 'momentum', 'sgd'\]"),
    (lambda: get_optimiser(0.9), TypeError, "optimiser must be a name"),
])
def test_bad_settings_are_named(make, error, message):
    with pytest.raises(error, match=message):
        make()


def test_fit_rejects_a_bad_optimiser_before_training():
    net, params = start()
    with pytest.raises(ValueError, match="optimiser must be one of"):
        net.fit(X, Y, epochs=10, lr=0.1, optimiser="Adam")
    for p, q in zip(net.parameters(), params):
        np.testing.assert_array_equal(p, q)


def test_names_reprs_and_the_defaults_of_kingma_and_ba():
    for kind in (SGD, Momentum, Adam):
        assert type(get_optimiser(kind().name)) is kind
    assert repr(SGD()) == "SGD()" and repr(Momentum()) == "Momentum(momentum=0.9)"
    assert repr(Adam()) == "Adam(beta1=0.9, beta2=0.999, eps=1e-08)"


def test_an_optimiser_object_needs_both_step_and_reset():
    class StepOnly:
        def step(self, network, lr):
            pass

    with pytest.raises(TypeError, match="optimiser must be a name.*step\\(network, lr\\) and reset\\(\\)"):
        get_optimiser(StepOnly())
