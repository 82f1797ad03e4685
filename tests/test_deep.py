"""BatchNorm and Residual: against plain numpy references, against central differences, in networks that
train, and their bad arguments named."""

import numpy as np
import pytest

import nnlib
from nnlib import Network
from nnlib.deep import BatchNorm, Residual
from nnlib.gradcheck import gradient_check, network_gradients, numerical_gradient, relative_error
from nnlib.layers import ActivationLayer, Dense, Dropout


def reference_batchnorm_backward(X, gamma, dY, eps):
    """The staged textbook backward of batch norm: through x̂, then σ², then μ (each a step of the chain rule)."""
    n = len(X)
    mu = X.mean(axis=0)
    var = ((X - mu) ** 2).mean(axis=0)
    x_hat = (X - mu) / np.sqrt(var + eps)
    dx_hat = dY * gamma
    dvar = np.sum(dx_hat * (X - mu), axis=0) * -0.5 * (var + eps) ** -1.5
    dmu = -np.sum(dx_hat, axis=0) / np.sqrt(var + eps) + dvar * np.mean(-2 * (X - mu), axis=0)
    dX = dx_hat / np.sqrt(var + eps) + dvar * 2 * (X - mu) / n + dmu / n
    return dX, np.sum(dY * x_hat, axis=0), dY.sum(axis=0)


def batch(seed, shape=(16, 3), scale=3.0, shift=2.0):
    return np.random.default_rng(seed).normal(shift, scale, size=shape)


def test_batchnorm_in_training_normalises_with_the_batch_and_moves_the_running_averages():
    bn = BatchNorm(3, momentum=0.8)
    bn.training = True
    bn.gamma[:] = [1.0, 2.0, 0.5]
    bn.beta[:] = [0.0, -1.0, 3.0]
    running_mean, running_var = np.zeros(3), np.ones(3)
    for seed in range(3):
        X = batch(seed)
        mu, var = X.mean(axis=0), X.var(axis=0)
        expected = bn.gamma * (X - mu) / np.sqrt(var + 1e-5) + bn.beta
        np.testing.assert_allclose(bn.forward(X), expected, rtol=1e-12, atol=1e-12)
        running_mean = 0.8 * running_mean + 0.2 * mu
        running_var = 0.8 * running_var + 0.2 * var
        np.testing.assert_allclose(bn.running_mean, running_mean, rtol=1e-12)
        np.testing.assert_allclose(bn.running_var, running_var, rtol=1e-12)
    Y = bn.forward(batch(9))
    np.testing.assert_allclose(((Y - bn.beta) / bn.gamma).mean(axis=0), 0.0, atol=1e-12)
    np.testing.assert_allclose(((Y - bn.beta) / bn.gamma).var(axis=0), 1.0, rtol=1e-5)


def test_batchnorm_in_evaluation_uses_the_running_averages_and_leaves_them_alone():
    bn = BatchNorm(3)
    bn.running_mean[:], bn.running_var[:] = [1.0, -2.0, 0.5], [4.0, 0.25, 1.0]
    bn.gamma[:], bn.beta[:] = [2.0, 1.0, -1.0], [0.5, 0.0, 1.0]
    X = batch(1)
    expected = bn.gamma * (X - bn.running_mean) / np.sqrt(bn.running_var + 1e-5) + bn.beta
    np.testing.assert_allclose(bn.forward(X), expected, rtol=1e-12)
    np.testing.assert_allclose(bn.forward(X[:1]), expected[:1], rtol=1e-12)  # one sample: its own output
    assert bn.running_mean.tolist() == [1.0, -2.0, 0.5]


def test_batchnorm_backward_in_training_matches_the_staged_reference_and_central_differences():
    bn = BatchNorm(3)
    bn.training = True
    bn.gamma[:], bn.beta[:] = [1.5, -0.5, 2.0], [0.1, 0.2, -0.3]
    X, dY = batch(2, shape=(7, 3)), batch(3, shape=(7, 3), scale=1.0, shift=0.0)
    bn.forward(X)
    dX = bn.backward(dY)
    ref_dX, ref_dgamma, ref_dbeta = reference_batchnorm_backward(X, bn.gamma, dY, 1e-5)
    np.testing.assert_allclose(dX, ref_dX, rtol=1e-10, atol=1e-12)
    np.testing.assert_allclose(bn.dgamma, ref_dgamma, rtol=1e-12)
    np.testing.assert_allclose(bn.dbeta, ref_dbeta, rtol=1e-12)

    def loss():  # L = Σ dY ⊙ Y, so ∂L/∂Y = dY
        return float(np.sum(dY * bn.forward(X)))

    for analytic, theta in ((dX, X), (bn.dgamma, bn.gamma), (bn.dbeta, bn.beta)):
        assert relative_error(analytic, numerical_gradient(loss, theta)) < 1e-8
    # The mean and variance depend on X: leaving that out (the evaluation formula) is measurably wrong.
    assert relative_error(dY * bn.gamma * bn.inv_std, numerical_gradient(loss, X)) > 0.1


def test_batchnorm_backward_in_evaluation_matches_central_differences():
    bn = BatchNorm(3)
    bn.running_mean[:], bn.running_var[:] = [0.5, -1.0, 2.0], [2.0, 0.5, 3.0]
    bn.gamma[:] = [1.5, -0.5, 2.0]
    X, dY = batch(4, shape=(5, 3)), batch(5, shape=(5, 3), scale=1.0, shift=0.0)
    bn.forward(X)
    dX = bn.backward(dY)

    def loss():
        return float(np.sum(dY * bn.forward(X)))

    for analytic, theta in ((dX, X), (bn.dgamma, bn.gamma), (bn.dbeta, bn.beta)):
        assert relative_error(analytic, numerical_gradient(loss, theta)) < 1e-8


def check_gradients(net, X, y, loss):
    """Every parameter's gradient agrees with central differences, or both are zero (to rounding).

    In training mode the bias of a Dense layer right before a BatchNorm has gradient exactly 0: subtracting
    the batch mean removes any shift. Its central differences are rounding noise (1e-10), whose relative
    error against 0 is 1, so there the check is absolute. Returns which parameters had a zero gradient.
    """
    zero = []
    for i, (analytic, numeric) in enumerate(zip(*network_gradients(net, X, y, loss))):
        if max(np.abs(analytic).max(), np.abs(numeric).max()) < 1e-8:
            zero.append(i)
        else:
            assert relative_error(analytic, numeric) < 1e-7, f"parameter {i}"
    return zero


def bn_net(seed=0):
    return Network([Dense(2, 6, seed=seed), BatchNorm(6), ActivationLayer("tanh"),
                    Dense(6, 1, seed=seed + 1), ActivationLayer("sigmoid")])


@pytest.mark.parametrize("mode", ["train", "eval"])
def test_a_network_with_batchnorm_passes_the_gradient_check_and_keeps_its_running_averages(mode):
    X, y = nnlib.moons(10, seed=0)
    net = bn_net()
    net.layers[1].running_mean[:] = 0.3  # evaluation then differs from a fresh start
    net = getattr(net, mode)()
    before = net.get_state()
    assert check_gradients(net, X, y, "bce") == ([1] if mode == "train" else [])  # b1, before the BatchNorm
    if mode == "eval":
        assert gradient_check(net, X, y, "bce") < 1e-7
    after = net.get_state()
    assert all(np.array_equal(a, b) for a, b in zip(before[0], after[0]))


def test_batchnorm_is_neither_penalised_nor_part_of_the_weights():
    X, y = nnlib.moons(10, seed=0)
    net = bn_net().train()
    net.compute_gradients(X, y, "bce")
    plain = [g.copy() for g in net.gradients()]
    net.compute_gradients(X, y, "bce", l2=0.5)
    np.testing.assert_array_equal(net.gradients()[2], plain[2])  # γ
    np.testing.assert_array_equal(net.gradients()[3], plain[3])  # β
    assert not np.array_equal(net.gradients()[0], plain[0])  # W1 is penalised


def test_fit_with_batchnorm_learns_and_leaves_the_running_averages_for_evaluation():
    X, y = nnlib.moons(200, noise=0.1, seed=1)
    X = 5.0 * X + 3.0  # far from mean 0, variance 1: what batch norm removes
    net = bn_net(seed=2)
    net.fit(X, y, epochs=300, lr=0.5, loss="bce", optimiser="adam", batch_size=50)
    bn = net.layers[1]
    assert not net.training and not bn.training
    assert net.accuracy(X, y) > 0.95
    Z = X @ net.layers[0].W.T + net.layers[0].b
    np.testing.assert_allclose(bn.running_mean, Z.mean(axis=0), rtol=0.05, atol=0.05)
    np.testing.assert_allclose(bn.running_var, Z.var(axis=0), rtol=0.1, atol=0.05)
    one = net.predict(X[:1])  # evaluation: one sample is fine, and it does not depend on the others
    np.testing.assert_allclose(one, net.predict(X)[:1], rtol=1e-12)


def test_early_stopping_puts_back_the_running_averages_of_the_best_epoch():
    X, y = nnlib.moons(60, noise=0.3, seed=3)
    X_val, y_val = nnlib.moons(60, noise=0.3, seed=4)
    net = Network([Dense(2, 32, seed=0), BatchNorm(32), ActivationLayer("relu"), Dense(32, 1, seed=1),
                   ActivationLayer("sigmoid")])
    history = net.fit(X, y, epochs=400, lr=0.05, loss="bce", optimiser="adam", validation_data=(X_val, y_val),
                      early_stopping=10)
    assert history.epochs_run < 400 and history.best_epoch < history.epochs_run
    # With the parameters and the running averages of the best epoch, the validation loss is the best one.
    assert net.loss(X_val, y_val, "bce") == pytest.approx(history.val_loss[history.best_epoch - 1], rel=1e-12)


def test_batchnorm_defaults_edges_and_its_own_update():
    bn = BatchNorm(3)
    assert (bn.momentum, bn.eps) == (0.9, 1e-5)
    assert [g.tolist() for g in bn.gradients()] == [[0.0] * 3, [0.0] * 3]  # before any backward
    bn = BatchNorm(2, momentum=0.0)  # the running averages are the last batch's statistics
    bn.training = True
    X = np.array([[1.0, 4.0], [3.0, 0.0]])  # a batch of two is enough
    np.testing.assert_allclose(bn.forward(X), [[-1, 1], [1, -1]], rtol=1e-5)
    assert bn.running_mean.tolist() == [2.0, 2.0] and bn.running_var.tolist() == [1.0, 4.0]
    bn.backward(np.array([[1.0, 2.0], [3.0, -1.0]]))
    gamma, beta = bn.gamma - 0.1 * bn.dgamma, bn.beta - 0.1 * bn.dbeta
    bn.update(0.1)  # plain gradient descent, as Dense.update
    np.testing.assert_array_equal(bn.gamma, gamma)
    np.testing.assert_array_equal(bn.beta, beta)
    assert not np.array_equal(gamma, np.ones(2)) and not np.array_equal(beta, np.zeros(2))


def test_batchnorm_in_training_refuses_a_batch_of_one_and_bad_settings():
    bn = BatchNorm(2)
    bn.training = True
    with pytest.raises(ValueError, match=r"BatchNorm in training needs a batch of at least 2 samples; got shape "
                                         r"\(1, 2\)"):
        bn.forward(np.ones((1, 2)))
    with pytest.raises(ValueError, match=r"X must have shape \(n_samples, 1\); got shape \(4, 3\)"):
        BatchNorm(1).forward(np.ones((4, 3)))
    with pytest.raises(ValueError, match="n_features must be a positive int; got 0"):
        BatchNorm(0)
    with pytest.raises(TypeError, match="n_features must be a positive int; got float 2.0"):
        BatchNorm(2.0)
    with pytest.raises(ValueError, match=r"momentum must be in \[0, 1\); got 1.0"):
        BatchNorm(2, momentum=1.0)
    with pytest.raises(TypeError, match=r"momentum must be a number in \[0, 1\); got str"):
        BatchNorm(2, momentum="0.9")
    with pytest.raises(ValueError, match="eps must be a small positive number such as 1e-5; got 0"):
        BatchNorm(2, eps=0)
    assert repr(BatchNorm(4)) == "BatchNorm(4)"


# -- residual blocks --------------------------------------------------------------------------------------
def test_a_residual_block_follows_a_plain_numpy_reference():
    rng = np.random.default_rng(0)
    block = Residual([Dense(3, 5, seed=1), ActivationLayer("tanh"), Dense(5, 3, seed=2)])
    W1, b1, W2, b2 = (p.copy() for p in block.parameters())
    X, dY = rng.normal(size=(4, 3)), rng.normal(size=(4, 3))
    H = np.tanh(X @ W1.T + b1)
    np.testing.assert_allclose(block.forward(X), X + H @ W2.T + b2, rtol=1e-12)
    dH = dY @ W2 * (1 - H**2)
    np.testing.assert_allclose(block.backward(dY), dY + dH @ W1, rtol=1e-12)  # both paths
    for got, want in zip(block.gradients(), [dH.T @ X, dH.sum(axis=0), dY.T @ H, dY.sum(axis=0)]):
        np.testing.assert_allclose(got, want, rtol=1e-12)
    block.update(0.1)
    np.testing.assert_allclose(block.parameters()[0], W1 - 0.1 * dH.T @ X, rtol=1e-12)
    assert repr(block) == "Residual([Dense(3, 5), ActivationLayer('tanh'), Dense(5, 3)])"


def res_net(seed=0):
    inner = [Dense(4, 4, seed=seed + 1), BatchNorm(4), ActivationLayer("relu"), Dropout(0.3, seed=seed + 2),
             Dense(4, 4, seed=seed + 3)]
    return Network([Dense(2, 4, seed=seed), ActivationLayer("tanh"), Residual(inner), ActivationLayer("tanh"),
                    Dense(4, 1, seed=seed + 4), ActivationLayer("sigmoid")])


@pytest.mark.parametrize("mode", ["train", "eval"])
def test_a_network_with_a_residual_block_passes_the_gradient_check(mode):
    X, y = nnlib.moons(10, seed=5)
    net = getattr(res_net(), mode)()
    assert len(net.parameters()) == 10  # W, b; W, b, γ, β, W, b inside; W, b
    assert check_gradients(net, X, y, "bce") == ([3] if mode == "train" else [])  # the bias before BatchNorm


def test_modes_and_state_reach_the_layers_inside_a_block():
    net = res_net().train()
    block = net.layers[2]
    assert block.layers[1].training and block.layers[3].training
    assert len(net.get_state()) == 2  # BatchNorm's averages and Dropout's stream, inside the block
    net.eval()
    assert not block.layers[1].training and not block.layers[3].training


def test_a_residual_network_trains_with_fit():
    X, y = nnlib.circles(100, seed=0)
    net = res_net(seed=3)
    history = net.fit(X, y, epochs=200, lr=0.02, loss="bce", optimiser="adam", batch_size=25)
    assert history.loss[-1] < 0.5 * history.loss[0]
    assert net.accuracy(X, y) > 0.9


def test_bad_residual_blocks_are_named():
    with pytest.raises(ValueError, match="its layers must keep the width; they take 3 inputs and give 2 outputs"):
        Residual([Dense(3, 2, seed=0)])
    with pytest.raises(ValueError, match="layers must contain at least one layer with weights"):
        Residual([ActivationLayer("relu")])
    with pytest.raises(ValueError, match="layers must contain at least one layer with weights"):
        Residual([])
    with pytest.raises(TypeError, match=r"layers\[0\] must be a layer with forward, .*; str has no forward"):
        Residual(["dense"])
    with pytest.raises(ValueError, match=r"layers do not fit together: Dense\(2, 3\) gives 3 outputs, but the next "
                                         r"Residual\(\[Dense\(4, 4\)\]\) expects 4 inputs"):
        Network([Dense(2, 3, seed=0), Residual([Dense(4, 4, seed=1)])])
