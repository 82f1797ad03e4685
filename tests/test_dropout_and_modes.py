"""Dropout and the training/evaluation mode: a plain numpy reference, what fit, predict, loss and the
gradient check do in each mode, and the bad arguments named."""

import numpy as np
import pytest

import nnlib
from nnlib import Network
from nnlib.gradcheck import gradient_check
from nnlib.layers import ActivationLayer, Dense, Dropout, ParameterFree


def test_dropout_in_training_follows_a_plain_numpy_reference():
    X = np.random.default_rng(1).normal(size=(50, 6))
    dA = np.random.default_rng(2).normal(size=(50, 6))
    layer = Dropout(0.3, seed=4)
    layer.training = True
    reference = np.random.default_rng(4)
    for _ in range(3):  # a new mask at every forward
        keep = reference.random(X.shape) >= 0.3
        np.testing.assert_allclose(layer.forward(X), np.where(keep, X / 0.7, 0.0), rtol=1e-15, atol=0)
        np.testing.assert_allclose(layer.backward(dA), np.where(keep, dA / 0.7, 0.0), rtol=1e-15, atol=0)


def test_dropout_drops_a_fraction_p_and_keeps_the_mean():
    layer = Dropout(0.25, seed=0)
    layer.training = True
    A = layer.forward(np.ones((400, 500)))
    assert np.mean(A == 0) == pytest.approx(0.25, abs=0.005)
    assert set(np.unique(A)) == {0.0, 1 / 0.75}  # the kept ones scaled by 1/(1 − p)
    assert np.mean(A) == pytest.approx(1.0, abs=0.01)  # E[A] = X: evaluation needs no rescaling


def test_dropout_in_evaluation_and_at_p_0_is_the_identity():
    X = np.random.default_rng(0).normal(size=(5, 3))
    layer = Dropout(0.5, seed=0)
    assert layer.mask is None and not layer.training
    np.testing.assert_array_equal(layer.backward(2 * X), 2 * X)  # before any forward too
    np.testing.assert_array_equal(layer.forward(X), X)  # evaluation until told otherwise
    np.testing.assert_array_equal(layer.backward(2 * X), 2 * X)
    layer.training = True
    layer.forward(X)
    layer.training = False  # the mask of the training forward must not leak into evaluation's backward
    np.testing.assert_array_equal(layer.forward(X), X)
    np.testing.assert_array_equal(layer.backward(2 * X), 2 * X)
    layer = Dropout(0.0, seed=0)
    layer.training = True
    state = layer.state()
    np.testing.assert_array_equal(layer.forward(X), X)
    assert layer.state() == state  # p = 0 draws no random numbers
    assert layer.parameters() == [] and repr(layer) == "Dropout(p=0.0)"


def dropout_net(p=0.5, seed=3):
    return Network([Dense(2, 8, seed=seed), ActivationLayer("tanh"), Dropout(p, seed=seed + 1),
                    Dense(8, 1, seed=seed + 2), ActivationLayer("sigmoid")])


def test_a_network_starts_in_evaluation_and_train_and_eval_switch_every_layer():
    X, _ = nnlib.moons(40, seed=0)
    net = dropout_net()
    assert net.training is False and net.layers[2].training is False
    np.testing.assert_array_equal(net.predict(X), net.predict(X))  # deterministic
    assert net.train() is net and net.training and net.layers[2].training
    assert not np.array_equal(net.predict(X), net.predict(X))  # two masks
    assert net.eval() is net and not net.layers[2].training
    np.testing.assert_array_equal(net.predict(X), net.predict(X))
    y = (net.predict(X) > 0.5).astype(float)  # the network's own evaluation answers
    assert net.accuracy(X, y) == 1.0  # accuracy computes in evaluation mode too
    assert net.train().accuracy(X, y) < 1.0  # and in training mode with dropout's noise


class ModeSpy(ParameterFree):
    """The identity, recording the mode of every forward."""

    def __init__(self):
        self.training, self.modes = False, []

    def forward(self, X):
        self.modes.append(self.training)
        return X

    def backward(self, dA):
        return dA


def test_fit_trains_in_training_mode_validates_in_evaluation_and_ends_in_evaluation():
    X, y = nnlib.moons(60, seed=1)
    spy = ModeSpy()
    net = Network([Dense(2, 4, seed=0), spy, ActivationLayer("tanh"), Dense(4, 1, seed=1),
                   ActivationLayer("sigmoid")])
    net.train()
    net.fit(X[:40], y[:40], epochs=3, lr=0.1, loss="bce", batch_size=20, validation_data=(X[40:], y[40:]))
    # per epoch: two training batches, then the validation loss
    assert spy.modes == [True, True, False] * 3
    assert net.training is False and spy.training is False


def test_fit_leaves_evaluation_mode_even_when_training_fails():
    class Failing(ModeSpy):
        def forward(self, X):
            if len(self.modes) == 2:
                raise RuntimeError("stop")
            return super().forward(X)

    X, y = nnlib.moons(20, seed=1)
    failing = Failing()
    net = Network([Dense(2, 1, seed=0), failing, ActivationLayer("sigmoid")])
    with pytest.raises(RuntimeError, match="stop"):
        net.fit(X, y, epochs=5, lr=0.1)
    assert failing.modes == [True, True] and not net.training and not failing.training


def test_fit_with_dropout_follows_a_plain_numpy_reference():
    X, y = nnlib.moons(30, seed=2)
    y = y.reshape(-1, 1)
    net = dropout_net(p=0.4, seed=5)
    W1, b1, W2, b2 = net.get_parameters()
    history = net.fit(X, y, epochs=4, lr=0.5, loss="mse", validation_data=(X, y))
    masks = np.random.default_rng(6)  # Dropout(seed=6): one mask per training step, none for validation
    losses, val_losses = [], []
    for _ in range(4):
        H = np.tanh(X @ W1.T + b1)
        M = (masks.random(H.shape) >= 0.4) / 0.6
        P = 1 / (1 + np.exp(-((H * M) @ W2.T + b2)))
        losses.append(np.mean((P - y) ** 2))
        dZ2 = 2 * (P - y) / len(X) * P * (1 - P)
        dZ1 = (dZ2 @ W2) * M * (1 - H**2)
        W2, b2 = W2 - 0.5 * dZ2.T @ (H * M), b2 - 0.5 * dZ2.sum(axis=0)
        W1, b1 = W1 - 0.5 * dZ1.T @ X, b1 - 0.5 * dZ1.sum(axis=0)
        P_val = 1 / (1 + np.exp(-(np.tanh(X @ W1.T + b1) @ W2.T + b2)))  # evaluation: no dropout
        val_losses.append(np.mean((P_val - y) ** 2))
    np.testing.assert_allclose(history.loss, losses, rtol=1e-12)
    np.testing.assert_allclose(history.val_loss, val_losses, rtol=1e-12)
    for got, want in zip(net.get_parameters(), [W1, b1, W2, b2]):
        np.testing.assert_allclose(got, want, rtol=1e-12)
    assert net.loss(X, y) == pytest.approx(val_losses[-1], rel=1e-12)  # fit left it in evaluation


@pytest.mark.parametrize("mode", ["train", "eval"])
def test_the_gradient_check_passes_in_either_mode_and_leaves_the_random_stream_alone(mode):
    X, y = nnlib.moons(12, seed=3)
    net = getattr(dropout_net(p=0.5), mode)()
    before = net.get_state()
    assert gradient_check(net, X, y, "bce") < 1e-7
    assert net.get_state() == before


def test_without_holding_the_masks_the_check_in_training_would_be_noise():
    # What the gradient check guards against: central differences of losses computed with new masks.
    X, y = nnlib.moons(12, seed=3)
    net = dropout_net(p=0.5).train()
    net.compute_gradients(X, y, "bce")
    analytic = net.gradients()[0].copy()
    W = net.parameters()[0]
    W[0, 0] += 1e-6
    plus = net.loss(X, y, "bce")
    W[0, 0] -= 2e-6
    minus = net.loss(X, y, "bce")
    W[0, 0] += 1e-6
    assert abs((plus - minus) / 2e-6 - analytic[0, 0]) > 1.0  # nothing like the derivative


def test_get_and_set_state_put_the_random_stream_back():
    X = np.ones((3, 2))
    net = dropout_net().train()
    state = net.get_state()
    first = net.predict(X)
    net.set_state(state)
    np.testing.assert_array_equal(net.predict(X), first)
    assert Network([Dense(2, 1, seed=0)]).get_state() == []
    expected = r"state must be a list of 1 layer states, as get_state\(\) gives; got "
    with pytest.raises(ValueError, match=expected + "a list of 0"):
        net.set_state([])
    with pytest.raises(ValueError, match=expected + "dict"):
        net.set_state({})


@pytest.mark.parametrize(("p", "error", "message"), [
    (1.0, ValueError, r"p, the probability of dropping a unit, must be in \[0, 1\); got 1.0"),
    (-0.1, ValueError, r"must be in \[0, 1\); got -0.1"),
    ("0.5", TypeError, r"p, the probability of dropping a unit, must be a number in \[0, 1\); got str '0.5'"),
    (True, TypeError, "must be a number in .*; got bool"),
])
def test_bad_dropout_probabilities_are_named(p, error, message):
    with pytest.raises(error, match=message):
        Dropout(p, seed=0)


def test_dropout_needs_a_seed():
    with pytest.raises(TypeError, match="seed must be an int or a numpy.random.Generator; got float"):
        Dropout(0.5, seed=1.5)
    with pytest.raises(TypeError, match="seed"):
        Dropout(0.5)
