"""Network and fit: the exact training trajectory, logic gates, mini-batches, validation, snapshots, shapes."""

import numpy as np
import pytest

import nnlib
from nnlib import Network
from nnlib.layers import ActivationLayer, Dense, ParameterFree

# Fixed start for the 2-4-1 network: W1 (4, 2), b1 (4,), W2 (1, 4), b2 (1,).
START = [
    np.array([[0.5, -0.4], [0.3, 0.8], [-0.7, 0.2], [0.1, -0.6]]),
    np.array([0.1, -0.2, 0.05, 0.3]),
    np.array([[0.6, -0.5, 0.4, -0.3]]),
    np.array([0.05]),
]


def reference_training(X, y, params, epochs, lr):
    """Full-batch gradient descent on MSE for a 2-4-1 sigmoid network, in plain numpy.

    Written independently of nnlib: samples as columns, the textbook sigmoid.
    Returns the parameters before training and after every epoch, and the loss
    of every epoch (computed before that epoch's update).
    """
    def sigmoid(z):
        return 1.0 / (1.0 + np.exp(-z))

    W1, b1, W2, b2 = (p.copy() for p in params)
    x, t = X.T, y.reshape(1, -1)  # columns: x (2, n), t (1, n)
    n = x.shape[1]
    trajectory, losses = [[W1.copy(), b1.copy(), W2.copy(), b2.copy()]], []
    for _ in range(epochs):
        a1 = sigmoid(W1 @ x + b1[:, None])
        a2 = sigmoid(W2 @ a1 + b2[:, None])
        losses.append(np.sum((a2 - t) ** 2) / n)
        delta2 = 2 * (a2 - t) / n * a2 * (1 - a2)  # ∂L/∂z2
        delta1 = (W2.T @ delta2) * a1 * (1 - a1)  # ∂L/∂z1
        W2 = W2 - lr * delta2 @ a1.T
        b2 = b2 - lr * delta2.sum(axis=1)
        W1 = W1 - lr * delta1 @ x.T
        b1 = b1 - lr * delta1.sum(axis=1)
        trajectory.append([W1.copy(), b1.copy(), W2.copy(), b2.copy()])
    return trajectory, np.array(losses)


def test_training_follows_a_plain_numpy_reference_at_every_epoch():
    X, y = nnlib.logic_gate("xor")
    net = nnlib.mlp([2, 4, 1], hidden="sigmoid", output="sigmoid", seed=0)
    net.set_parameters(START)
    history = net.fit(X, y, epochs=1000, lr=0.5, loss="mse", snapshot_every=1)
    trajectory, losses = reference_training(X, y, START, epochs=1000, lr=0.5)

    assert [s.epoch for s in history.snapshots] == list(range(1001))
    np.testing.assert_allclose(history.loss, losses, rtol=0, atol=1e-10)
    for snapshot, expected in zip(history.snapshots, trajectory):
        for got, want in zip(snapshot.parameters, expected):
            np.testing.assert_allclose(got, want, rtol=0, atol=1e-10, err_msg=f"epoch {snapshot.epoch}")
    assert history.loss[-1] < history.loss[0]  # and it did learn something on the way


# -- logic gates ------------------------------------------------------------------------
def test_xor_is_learned_with_a_hidden_layer():
    X, y = nnlib.logic_gate("xor")
    net = nnlib.mlp([2, 4, 1], hidden="sigmoid", output="sigmoid", seed=0)
    history = net.fit(X, y, epochs=5000, lr=2.0, loss="bce")
    assert net.accuracy(X, y) == 1.0
    assert history.loss[-1] < 0.05


def test_xor_bipolar_with_tanh():
    X, y = nnlib.logic_gate("xor", encoding="bipolar")
    net = nnlib.mlp([2, 3, 1], hidden="tanh", output="tanh", seed=1)
    net.fit(X, y, epochs=2000, lr=0.2, loss="mse")
    assert net.accuracy(X, y, threshold=0) == 1.0


@pytest.mark.parametrize("gate", ["and", "or"])
def test_and_or_are_learned_by_one_neuron(gate):
    X, y = nnlib.logic_gate(gate)
    net = nnlib.mlp([2, 1], output="sigmoid", seed=0)
    net.fit(X, y, epochs=2000, lr=1.0, loss="bce")
    assert net.accuracy(X, y) == 1.0
    np.testing.assert_array_equal(net.predict(X)[:, 0] > 0.5, y == 1)


def test_one_neuron_cannot_learn_xor():
    X, y = nnlib.logic_gate("xor")
    net = nnlib.mlp([2, 1], output="sigmoid", seed=0)
    net.fit(X, y, epochs=2000, lr=1.0, loss="bce")
    assert net.accuracy(X, y) <= 0.75  # no line separates XOR


def test_two_outputs_at_once():
    X, y = nnlib.logic_gate(["xor", "implies"])
    assert y.shape == (4, 2)
    net = nnlib.mlp([2, 4, 2], hidden="sigmoid", output="sigmoid", seed=0)
    net.fit(X, y, epochs=5000, lr=2.0, loss="bce")
    assert net.predict(X).shape == (4, 2)
    assert net.accuracy(X, y) == 1.0


# -- mini-batches ------------------------------------------------------------------------
def test_mini_batch_epoch_matches_a_manual_loop():
    X, y = nnlib.threshold(n=10)
    fitted = nnlib.mlp([1, 3, 1], hidden="tanh", seed=0)
    manual = nnlib.mlp([1, 3, 1], hidden="tanh", seed=0)
    history = fitted.fit(X, y, epochs=2, lr=0.3, batch_size=4, seed=7)

    rng = np.random.default_rng(7)
    mse = nnlib.get_loss("mse")
    for epoch in range(2):
        order, total = rng.permutation(10), 0.0
        for batch in (order[:4], order[4:8], order[8:]):  # the last batch has only 2 samples
            out = manual.forward(X[batch])
            total += mse.value(out, y[batch, None]) * len(batch)
            manual.backward(mse.gradient(out, y[batch, None]))
            manual.update(0.3)
        assert history.loss[epoch] == pytest.approx(total / 10, rel=1e-12)
    for a, b in zip(fitted.parameters(), manual.parameters()):
        np.testing.assert_allclose(a, b, rtol=1e-12)


def test_mini_batch_is_reproducible_and_learns():
    X, y = nnlib.threshold(n=40)

    def train(seed):
        net = nnlib.mlp([1, 1], seed=0)
        return net.fit(X, y, epochs=50, lr=0.5, loss="bce", batch_size=8, seed=seed), net

    (h1, net), (h2, _), (h3, _) = train(1), train(1), train(2)
    np.testing.assert_array_equal(h1.loss, h2.loss)
    assert not np.array_equal(h1.loss, h3.loss)  # another shuffle, another path
    assert h1.loss[-1] < h1.loss[0] / 2 and net.accuracy(X, y) == 1.0


def test_batch_size_at_least_n_is_full_batch():
    X, y = nnlib.logic_gate("or")
    histories = []
    for batch_size in (None, 4, 100):
        net = nnlib.mlp([2, 1], seed=3)
        histories.append((net.fit(X, y, epochs=20, lr=0.5, batch_size=batch_size).loss, net.get_parameters()))
    for loss, params in histories[1:]:
        np.testing.assert_array_equal(loss, histories[0][0])
        for a, b in zip(params, histories[0][1]):
            np.testing.assert_array_equal(a, b)


# -- validation and snapshots ---------------------------------------------------------------
def test_validation_history():
    X, y = nnlib.threshold(n=60)
    (X_tr, y_tr), (X_va, y_va) = nnlib.split(X, y, (0.5, 0.5), seed=0)
    net = nnlib.mlp([1, 1], seed=0)
    history = net.fit(X_tr, y_tr, epochs=30, lr=0.5, loss="bce", validation_data=(X_va, y_va), snapshot_every=10)
    assert history.val_loss.shape == (30,) and history.loss.shape == (30,)
    # val_loss[e] is the validation loss after epoch e + 1: recompute it from the snapshots.
    probe = nnlib.mlp([1, 1], seed=0)
    for snapshot in history.snapshots[1:]:
        probe.set_parameters(snapshot.parameters)
        assert history.val_loss[snapshot.epoch - 1] == pytest.approx(probe.loss(X_va, y_va, "bce"), rel=1e-12)
    assert history.val_loss[-1] == pytest.approx(net.loss(X_va, y_va, "bce"), rel=1e-12)
    assert net.fit(X_tr, y_tr, epochs=2, lr=0.5).val_loss is None


@pytest.mark.parametrize(("epochs", "every", "expected"), [
    (10, 3, [0, 3, 6, 9, 10]),  # the last epoch is always kept
    (10, 5, [0, 5, 10]),  # but not twice
    (4, 10, [0, 4]),
    (3, 1, [0, 1, 2, 3]),
])
def test_snapshot_epochs(epochs, every, expected):
    X, y = nnlib.logic_gate("and")
    history = nnlib.mlp([2, 1], seed=0).fit(X, y, epochs=epochs, lr=0.5, snapshot_every=every)
    assert [s.epoch for s in history.snapshots] == expected


def test_snapshots_are_copies_not_views():
    X, y = nnlib.logic_gate("and")
    net = nnlib.mlp([2, 1], seed=0)
    start = net.get_parameters()
    history = net.fit(X, y, epochs=6, lr=0.5, snapshot_every=2)
    first, last = history.snapshots[0].parameters, history.snapshots[-1].parameters
    for s, p, live in zip(first, start, net.parameters()):
        np.testing.assert_array_equal(s, p)  # epoch 0 is the start, not the end
        assert not np.shares_memory(s, live)
    for s, live in zip(last, net.parameters()):
        np.testing.assert_array_equal(s, live)
        assert not np.shares_memory(s, live)
    assert not np.array_equal(history.snapshots[1].parameters[0], history.snapshots[2].parameters[0])
    net.fit(X, y, epochs=3, lr=0.5)  # training on must not move the stored snapshots
    for s, p in zip(history.snapshots[0].parameters, start):
        np.testing.assert_array_equal(s, p)
    assert nnlib.mlp([2, 1]).fit(X, y, epochs=2, lr=0.1).snapshots == []


def test_progress_bar(capsys):
    X, y = nnlib.logic_gate("and")
    history = nnlib.mlp([2, 1], seed=0).fit(X, y, epochs=5, lr=0.5, progress=True)
    assert len(history.loss) == 5
    err = capsys.readouterr().err
    assert "training" in err
    assert "5/5" in err  # the bar is closed at the end, which draws it full


# -- parameters --------------------------------------------------------------------------------
def test_parameters_are_live_and_get_parameters_are_copies():
    net = nnlib.mlp([2, 3, 1], seed=0)
    live, copies = net.parameters(), net.get_parameters()
    assert [p.shape for p in live] == [(3, 2), (3,), (1, 3), (1,)]
    live[0][0, 0] = 42.0
    assert net.layers[0].W[0, 0] == 42.0 and copies[0][0, 0] != 42.0


def test_set_parameters():
    net = nnlib.mlp([2, 4, 1], seed=0)
    live = net.parameters()
    net.set_parameters(START)
    assert all(a is b for a, b in zip(net.parameters(), live))  # the same arrays, new values
    for a, b in zip(net.parameters(), START):
        np.testing.assert_array_equal(a, b)
    START[0][0, 0] += 1  # the network holds copies of the values it was given
    assert net.parameters()[0][0, 0] == 0.5
    START[0][0, 0] -= 1


def test_set_parameters_shape_errors():
    net = nnlib.mlp([2, 4, 1], seed=0)
    with pytest.raises(ValueError, match=r"values must hold 4 arrays \(W and b of each Dense layer\); got 3"):
        net.set_parameters(START[:3])
    wrong = [START[0].T, *START[1:]]
    with pytest.raises(ValueError, match=r"values\[0\] must have shape \(4, 2\); got \(2, 4\)"):
        net.set_parameters(wrong)
    with pytest.raises(ValueError, match=r"values\[3\] must have shape \(1,\); got \(\)"):
        net.set_parameters([*START[:3], 0.05])
    with pytest.raises(TypeError, match=r"values\[1\] must hold real numbers"):
        net.set_parameters([START[0], ["a", "b", "c", "d"], *START[2:]])
    for a, b in zip(net.parameters(), nnlib.mlp([2, 4, 1], seed=0).parameters()):
        np.testing.assert_array_equal(a, b)  # a failed set changes nothing


# -- shapes: never an (n, n) broadcast ----------------------------------------------------------
def test_y_of_shape_n_and_n1_give_the_same_results():
    X, y = nnlib.threshold(n=20)
    results = []
    for target in (y, y.reshape(-1, 1)):
        net = nnlib.mlp([1, 2, 1], seed=0)
        history = net.fit(X, target, epochs=10, lr=0.5, loss="bce")
        results.append((history.loss, net.loss(X, target, "bce"), net.accuracy(X, target)))
    np.testing.assert_array_equal(results[0][0], results[1][0])
    assert results[0][1:] == results[1][1:]


def test_loss_is_per_sample_not_an_n_by_n_broadcast():
    X = np.array([[0.0], [1.0], [2.0]])
    y = np.array([0.0, 1.0, 0.0])
    net = Network([Dense(1, 1, seed=0), ActivationLayer("identity")])
    net.set_parameters([np.array([[1.0]]), np.array([0.0])])  # output = x
    assert net.loss(X, y, "mse") == pytest.approx((0 + 0 + 4) / 3)  # (n, n) broadcasting would give 10/9
    assert net.accuracy(X, y, threshold=0.5) == pytest.approx(2 / 3)
    history = net.fit(X, y, epochs=1, lr=0.1)
    assert history.loss[0] == pytest.approx(4 / 3)
    with pytest.raises(ValueError, match=r"y must have shape \(3, 1\) or \(3,\).*got shape \(1, 3\)"):
        net.loss(X, y.reshape(1, -1))


def test_predict_does_not_change_its_input_and_keeps_floats():
    net = nnlib.mlp([2, 2, 1], seed=0)
    X = np.array([[0.4, -0.6], [1.5, 2.5]])
    before = X.copy()
    out = net.predict(X)
    np.testing.assert_array_equal(X, before)
    assert out.shape == (2, 1)
    # Inputs are never cast to int (seed 001's bug turned -4.9 into -4).
    assert not np.allclose(net.predict([[0.4, -0.6]]), net.predict([[0, 0]]))
    np.testing.assert_array_equal(net.predict([[1, 2]]), net.predict(np.array([[1.0, 2.0]])))


def test_network_structure():
    net = nnlib.mlp([3, 5, 2], hidden="relu", output="identity", seed=0)
    assert repr(net) == "Network([Dense(3, 5), ActivationLayer('relu'), Dense(5, 2), ActivationLayer('identity')])"
    assert (net.n_inputs, net.n_outputs) == (3, 2)
    assert nnlib.mlp([3, 5, 2], seed=0).get_parameters()[0].tolist() == net.get_parameters()[0].tolist()
    assert nnlib.mlp([3, 5, 2], seed=1).get_parameters()[0].tolist() != net.get_parameters()[0].tolist()
    assert np.all(net.layers[0].b == 0)
    w = nnlib.mlp([400, 1], seed=0, init_scale=0.01).parameters()[0]
    assert np.std(w) == pytest.approx(0.01, rel=0.2)
    assert np.std(nnlib.mlp([400, 1], seed=0).parameters()[0]) == pytest.approx(1 / 20, rel=0.2)  # 1/√n_in


def test_a_layer_of_your_own_needs_no_subclassing():
    """Any object with the layer methods works in a Network (notebooks build broken variants this way)."""

    class Doubling:
        def forward(self, X):
            return 2 * X

        def backward(self, dOut):
            return 2 * dOut

        def update(self, lr):
            pass

        def parameters(self):
            return []

        def gradients(self):
            return []

    X, y = nnlib.logic_gate("and")
    net = nnlib.Network([Doubling(), nnlib.Dense(2, 1, seed=0), nnlib.ActivationLayer("sigmoid")])
    assert (net.n_inputs, net.n_outputs) == (2, 1)
    assert nnlib.gradient_check(net, X, y) < 1e-6


# -- best epoch and early stopping ------------------------------------------------------------
def overfitting_run(**kwargs):
    """A wide network on 30 noisy points: the validation loss falls, then rises."""
    X, y = nnlib.moons(60, noise=0.35, seed=2)
    (X_train, y_train), (X_val, y_val) = nnlib.split(X, y, (0.5, 0.5), seed=0)
    net = nnlib.mlp([2, 64, 64, 1], hidden="tanh", seed=0)
    history = net.fit(X_train, y_train, epochs=600, lr=0.05, loss="bce", optimiser="adam",
                      validation_data=(X_val, y_val), snapshot_every=1, **kwargs)
    return net, history, (X_val, y_val)


def test_best_epoch_is_where_the_validation_loss_is_lowest():
    net, history, _ = overfitting_run()
    assert history.epochs_run == 600 and len(history.loss) == 600
    assert history.best_epoch == int(np.argmin(history.val_loss)) + 1
    assert history.val_loss[-1] > history.val_loss[history.best_epoch - 1] * 1.2  # it did overfit afterwards


def test_early_stopping_stops_after_patience_and_restores_the_best_parameters():
    _, full, _ = overfitting_run()
    net, history, (X_val, y_val) = overfitting_run(early_stopping=20)
    best = history.best_epoch
    assert best == full.best_epoch  # the same run up to there
    assert history.epochs_run == best + 20 and len(history.loss) == len(history.val_loss) == best + 20
    np.testing.assert_array_equal(history.val_loss, full.val_loss[:best + 20])
    assert history.snapshots[-1].epoch == best + 20
    for got, want in zip(net.parameters(), history.snapshots[best].parameters):
        np.testing.assert_array_equal(got, want)
    assert net.loss(X_val, y_val, "bce") == pytest.approx(history.val_loss[best - 1], rel=1e-12)


def test_no_validation_no_best_epoch():
    X, y = nnlib.logic_gate("and")
    history = nnlib.mlp([2, 1], seed=0).fit(X, y, epochs=5, lr=1.0)
    assert history.best_epoch is None and history.epochs_run == 5 and history.penalty is None


def test_without_early_stopping_the_network_keeps_its_last_parameters():
    # best_epoch is only reported: the parameters of the best epoch are put back only with early_stopping.
    net, history, _ = overfitting_run()
    assert history.best_epoch < history.epochs_run
    for got, want in zip(net.parameters(), history.snapshots[-1].parameters):
        np.testing.assert_array_equal(got, want)


def test_a_validation_loss_that_never_falls_stops_training_after_the_patience():
    # A step output has zero gradient everywhere, so nothing changes: the validation loss is the same at every
    # epoch. The first epoch stays the best (a tie is not an improvement), and training stops `patience` later.
    X, y = nnlib.logic_gate("and")
    net = nnlib.mlp([2, 1], output="step", seed=0)
    history = net.fit(X, y, epochs=50, lr=0.5, validation_data=(X, y), early_stopping=3)
    assert np.all(history.val_loss == history.val_loss[0])
    assert history.best_epoch == 1 and history.epochs_run == 4


# -- mini-batches with a weight penalty --------------------------------------------------------
def test_mini_batch_penalty_is_the_mean_over_the_epoch_like_the_loss():
    # With a tiny rate the weights hardly move, so every batch sees (almost) the starting weights: the epoch's
    # penalty must then be the penalty of the start, and its loss the full-batch loss of the start.
    X, y = nnlib.moons(30, noise=0.1, seed=0)
    net = nnlib.mlp([2, 4, 1], hidden="tanh", seed=0)
    start_loss = net.loss(X, y, "bce")
    start_penalty = nnlib.regularisation.penalty(net.parameters(), 0.01, 0.1)
    history = net.fit(X, y, epochs=1, lr=1e-12, loss="bce", batch_size=7, l1=0.01, l2=0.1)
    assert history.penalty[0] == pytest.approx(start_penalty, rel=1e-9)
    assert history.loss[0] == pytest.approx(start_loss, rel=1e-9)


# -- losses of your own ------------------------------------------------------------------------
def test_a_loss_without_value_and_gradient_trains_like_the_built_in_one():
    # A Loss needs only a value and a gradient; fit then calls them one after the other.
    X, y = nnlib.logic_gate("xor")
    plain_mse = nnlib.losses.Loss("plain mse", nnlib.losses.mse, nnlib.losses.mse_gradient)
    histories = []
    for loss in ("mse", plain_mse):
        net = nnlib.mlp([2, 3, 1], seed=0)
        histories.append(net.fit(X, y, epochs=20, lr=0.5, loss=loss).loss)
    np.testing.assert_allclose(histories[1], histories[0], rtol=1e-14)


def test_history_starts_empty():
    history = nnlib.History(loss=np.zeros(0))
    assert history.epochs_run == 0 and history.best_epoch is None and history.snapshots == []


def test_logits_are_the_input_of_the_last_layer():
    net = nnlib.mlp([2, 3, 1], hidden="tanh", output="sigmoid", seed=0)
    X = np.array([[0.5, -1.0], [2.0, 0.25]])
    W1, b1, W2, b2 = net.parameters()
    z = np.tanh(X @ W1.T + b1) @ W2.T + b2
    np.testing.assert_allclose(net.logits(X), z, rtol=1e-14)
    np.testing.assert_allclose(nnlib.activations.sigmoid(net.logits(X)), net.predict(X), rtol=1e-14)
    with pytest.raises(ValueError, match=r"X must have shape \(n_samples, 2\)"):
        net.logits(np.zeros((2, 3)))


def test_a_deep_network_fuses_its_output_activation_with_the_loss():
    # Output weights 0 and bias −50, every label 1: z = −50 for every sample. From the logits the loss is
    # exactly 50; through a clipped p = σ(−50) it would be −log(1e-12) ≈ 27.6. The fusion looks at the
    # last layer, whatever the depth.
    X, y = nnlib.logic_gate("xor")[0], np.ones(4)
    net = nnlib.mlp([2, 3, 1], hidden="tanh", output="sigmoid", seed=0)
    net.layers[2].W[...] = 0.0
    net.layers[2].b[...] = -50.0
    assert net.loss(X, y, "bce") == pytest.approx(50.0, rel=1e-12)


def test_layers_can_come_from_any_iterable():
    layers = (layer for layer in [Dense(2, 3, seed=0), ActivationLayer("tanh"), Dense(3, 1, seed=1)])
    net = Network(layers)
    assert len(net.layers) == 3 and (net.n_inputs, net.n_outputs) == (2, 1)


def test_only_a_layer_with_both_widths_fixes_the_widths():
    # A layer of your own may keep an n_inputs for its own use; without n_outputs too it is not a Dense.
    class Scaling(ParameterFree):
        n_inputs = 2

        def forward(self, X):
            return 0.5 * X

        def backward(self, dOut):
            return 0.5 * dOut

    net = Network([Scaling(), Dense(2, 1, seed=0)])
    assert (net.n_inputs, net.n_outputs) == (2, 1)


def test_the_repr_of_every_layer():
    net = nnlib.mlp([2, 3, 2], hidden="tanh", output="softmax", seed=0)
    assert repr(net) == "Network([Dense(2, 3), ActivationLayer('tanh'), Dense(3, 2), Softmax()])"


def test_set_parameters_takes_any_iterable():
    net = nnlib.mlp([2, 4, 1], seed=0)
    net.set_parameters(p for p in START)
    for a, b in zip(net.parameters(), START):
        np.testing.assert_array_equal(a, b)


def test_fit_defaults_shuffle_with_seed_0_and_draw_no_progress_bar(capsys):
    # The notebooks' stored numbers rely on the default seed; a bar nobody asked for would fill their outputs.
    X, y = nnlib.threshold(n=10)
    default, seeded = nnlib.mlp([1, 1], seed=0), nnlib.mlp([1, 1], seed=0)
    np.testing.assert_array_equal(default.fit(X, y, epochs=3, lr=0.5, batch_size=3).loss,
                                  seeded.fit(X, y, epochs=3, lr=0.5, batch_size=3, seed=0).loss)
    assert capsys.readouterr().err == ""


def test_mlp_defaults_to_seed_0_and_takes_sizes_from_any_iterable():
    expected = nnlib.mlp([2, 3, 1], seed=0).get_parameters()
    for net in (nnlib.mlp([2, 3, 1]), nnlib.mlp(size for size in (2, 3, 1))):
        for a, b in zip(net.get_parameters(), expected):
            np.testing.assert_array_equal(a, b)


def test_softmax_accuracy_takes_class_numbers_as_a_list():
    net = nnlib.mlp([2, 3, 3], output="softmax", seed=0)
    X = np.array([[0.0, 1.0], [1.0, 0.0], [2.0, -1.0]])
    predicted = np.argmax(net.predict(X), axis=1)
    assert net.accuracy(X, predicted.tolist()) == 1.0


def test_each_epoch_records_the_penalty_of_the_weights_it_started_from():
    # Full batch: epoch e + 1 computes its loss and penalty at the parameters of snapshot e, before its update.
    X, y = nnlib.logic_gate("xor")
    net = nnlib.mlp([2, 3, 1], seed=0)
    history = net.fit(X, y, epochs=3, lr=1.0, l2=0.1, snapshot_every=1)
    for epoch in range(3):
        weights = history.snapshots[epoch].parameters
        assert history.penalty[epoch] == pytest.approx(nnlib.regularisation.penalty(weights, l2=0.1), rel=1e-12)
    assert history.penalty[0] > history.penalty[2]  # and weight decay did shrink the weights
