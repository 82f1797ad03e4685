"""nnlib.playground.model: data, features, training that is nnlib's fit, in chunks that end on time."""

import numpy as np
import pytest

from nnlib import data
from nnlib.optimisers import get_optimiser
from nnlib.playground.model import FEATURE_FUNCTIONS, GRID, Playground, features, make_data
from nnlib.playground.settings import DATASETS, FEATURES, Settings


@pytest.mark.parametrize("dataset", [name for name in DATASETS if name != "own"])  # own: test_playground_own.py
def test_every_dataset_builds_with_the_split_and_shapes_expected(dataset):
    pg = Playground(f"dataset={dataset};n=100;train=0.6;features=x1,x2,x1x2")
    classes = 3 if dataset == "spiral3" else 2
    assert len(pg.X_train) == 60 and len(pg.X_test) == 40
    assert pg.F_train.shape == (60, 3) and pg.net.n_inputs == 3
    assert pg.net.n_outputs == (3 if classes == 3 else 1)
    targets = np.concatenate([pg.y_train, pg.y_test])
    if dataset in ("plane", "gaussians"):  # regression: numbers, about within the colour scale's ±1
        assert len(np.unique(targets)) == 100 and np.abs(targets).max() < 1.8
    else:
        assert set(np.unique(targets)) == set(range(classes))
    assert pg.epoch == 0 and len(pg.train_loss) == 0
    assert pg.F_grid.shape == (GRID * GRID, 3)
    # the grid covers every point
    assert pg.xs[0] <= pg.X_train[:, 0].min() and pg.X_train[:, 0].max() <= pg.xs[-1]
    assert pg.ys[0] <= pg.X_test[:, 1].min() and pg.X_test[:, 1].max() <= pg.ys[-1]


def test_the_data_sets_are_what_their_names_say():
    X, y = make_data(Settings(dataset="xor", noise=0.0, n=40))
    np.testing.assert_array_equal(y, (X[:, 0] * X[:, 1] < 0).astype(float))  # corners (±1, ±1)
    X, y = make_data(Settings(dataset="threshold", noise=0.0))
    np.testing.assert_array_equal(y, (X[:, 0] > 0).astype(float))
    assert np.abs(X).max() <= 1
    X, y = make_data(Settings(dataset="implies", noise=0.0, n=40))
    np.testing.assert_array_equal(y, ((X[:, 0] < 0) | (X[:, 1] > 0)).astype(float))
    X3, y3 = make_data(Settings(dataset="spiral3", n=300))
    assert np.bincount(y3.astype(int)).tolist() == [100, 100, 100]


def test_features_are_computed_from_the_point():
    X = np.array([[0.5, -2.0], [1.0, 3.0]])
    F = features(Settings(features=tuple(FEATURES)), X)
    expected = np.column_stack([X[:, 0], X[:, 1], X[:, 0] ** 2, X[:, 1] ** 2, X[:, 0] * X[:, 1],
                                np.sin(X[:, 0]), np.sin(X[:, 1])])
    np.testing.assert_array_equal(F, expected)
    assert list(FEATURE_FUNCTIONS) == list(FEATURES)


@pytest.mark.parametrize("text, accuracy", [
    ("dataset=xor", 1.0),
    ("dataset=circles;noise=0.1;hidden=8;lr=1;epochs=500", 0.9),
    ("dataset=xor;hidden=none;features=x1,x2,x1x2;lr=1", 1.0),
    ("dataset=moons;hidden=8;optimiser=adam;lr=0.03;epochs=200", 0.9),
])
def test_a_short_training_improves_accuracy(text, accuracy):
    pg = Playground(text)
    before_loss, before = pg.net.loss(pg.F_test, pg.y_test, "bce"), pg.test_accuracy
    pg.train()
    assert pg.epoch == pg.settings.epochs and len(pg.train_loss) == len(pg.test_loss) == pg.epoch
    assert pg.test_loss[-1] < before_loss
    assert pg.test_accuracy > before and pg.test_accuracy >= accuracy


@pytest.mark.parametrize("text", [
    "dataset=moons;batch=full",
    "dataset=moons;batch=7;optimiser=momentum;lr=0.05",
    "dataset=circles;batch=16;optimiser=adam;lr=0.01;reg=l2;rate=0.01",
    "dataset=xor;features=x1,x2,sinx1;reg=l1;rate=0.003",
    "dataset=spiral3;n=90;batch=20;hidden=6;optimiser=adam;lr=0.01;reg=l2;rate=0.001",
])
def test_the_playground_trains_exactly_as_network_fit_does(text):
    # The playground's batch-by-batch loop must be nnlib's training, not a copy that drifts from it.
    pg = Playground(text).step(12)
    twin = Playground(text)
    s = twin.settings
    history = twin.net.fit(twin.F_train, twin.T_train, epochs=12, lr=s.lr, loss=twin.loss_name,
                           optimiser=get_optimiser(s.optimiser), batch_size=s.batch, l1=s.l1, l2=s.l2,
                           validation_data=(twin.F_test, twin.T_test), seed=twin._shuffle)
    for a, b in zip(pg.net.parameters(), twin.net.parameters()):
        np.testing.assert_array_equal(a, b)
    np.testing.assert_array_equal(pg.train_loss, history.loss)
    np.testing.assert_array_equal(pg.test_loss, history.val_loss)


@pytest.mark.parametrize("batch", ["full", "7", "1"])
def test_chunks_of_any_size_give_the_numbers_of_one_run(batch):
    text = f"dataset=moons;n=60;batch={batch};optimiser=adam;lr=0.01;reg=l2;rate=0.01"
    one = Playground(text).step(6)
    chunked = Playground(text)
    sizes = iter([1, 5, 2, 13, 1, 40] * 100)
    while chunked.epoch < 6:  # chunks that end in the middle of epochs
        chunked.advance(1.0, max_epochs=6 - chunked.epoch, clock=_CountingClock(next(sizes)).time)
    assert chunked.batches == one.batches
    for a, b in zip(one.net.parameters(), chunked.net.parameters()):
        np.testing.assert_array_equal(a, b)
    np.testing.assert_array_equal(one.train_loss, chunked.train_loss)
    np.testing.assert_array_equal(one.test_loss, chunked.test_loss)


class _CountingClock:
    """A fake clock that reaches the deadline after ``batches`` readings (one per batch, plus the start)."""

    def __init__(self, batches):
        self.readings, self.batches = 0, batches

    def time(self):
        self.readings += 1
        return 0.0 if self.readings <= self.batches else 1e9


class FakeClock:
    """Time that passes only when the playground trains: each batch costs ``cost(batch number)`` seconds."""

    def __init__(self, pg, cost):
        self.now, self.pg = 100.0, pg
        train_batch = pg._train_batch

        def timed_batch():
            train_batch()
            self.now += cost(pg.batches)

        pg._train_batch = timed_batch

    def time(self):
        return self.now


@pytest.mark.parametrize("text, cost", [
    ("dataset=xor", lambda b: 0.0001),                                   # tiny batches: a thousand per chunk
    ("dataset=moons;batch=10", lambda b: 0.002 + 0.003 * (b % 10 == 0)),  # the epoch's last batch costs more
    ("dataset=circles;batch=1", lambda b: 0.001 * (1 + b % 7)),           # uneven costs
    ("dataset=spiral;n=2000;hidden=64,64,64,64,64,64;batch=1", lambda b: 0.03),  # the heaviest setting
])
def test_a_chunk_ends_on_time(text, cost):
    pg = Playground(text)
    clock = FakeClock(pg, cost)
    budget = 0.05
    for _ in range(3):
        start, batches = clock.now, pg.batches
        done = pg.advance(budget, clock=clock.time)
        elapsed = clock.now - start
        slowest = max(cost(b) for b in range(batches + 1, batches + done + 1))
        assert done == pg.batches - batches >= 1
        assert elapsed <= budget + 1e-12, "the chunk ran past its deadline"
        assert elapsed > budget - 2 * slowest, "the chunk stopped long before its deadline"


def test_one_batch_longer_than_the_budget_still_makes_progress():
    pg = Playground("dataset=moons;batch=full")
    clock = FakeClock(pg, lambda b: 0.3)
    assert pg.advance(0.05, clock=clock.time) == 1 and pg.epoch == 1


def test_advance_stops_when_asked_and_at_max_epochs():
    pg = Playground("dataset=moons;batch=10")
    asked = iter([False, False, False, True])
    assert pg.advance(np.inf, stop=lambda: next(asked)) == 3
    assert pg.epoch == 0 and pg.batches == 3  # stopped in the middle of an epoch; the next call continues
    assert pg.summary().startswith("epoch 0 + 3 of 10 batches · ")
    pg.advance(np.inf, max_epochs=2)
    assert pg.epoch == 2 and pg.batches == 20


def test_the_same_settings_string_gives_the_same_run():
    a = Playground("dataset=circles;seed=5;batch=10;epochs=50").train()
    b = Playground(a.settings_string).train()
    np.testing.assert_array_equal(a.test_loss, b.test_loss)
    c = Playground("dataset=circles;seed=6;batch=10;epochs=50").train()
    assert not np.array_equal(a.X_train, c.X_train)


def test_reset_restarts_from_the_same_weights_and_apply_keeps_training_if_asked():
    pg = Playground()
    start = pg.net.get_parameters()
    pg.step(20)
    pg.reset()
    assert pg.epoch == 0 and len(pg.train_loss) == 0
    for a, b in zip(start, pg.net.parameters()):
        np.testing.assert_array_equal(a, b)
    pg.step(20)
    net = pg.net
    for change in [{"lr": 0.1}, {"reg": "l2", "rate": 0.01}, {"optimiser": "adam"}, {"batch": 10},
                   {"show_test": True}, {"discrete": True}, {"epochs": 50}]:
        pg.apply(pg.settings.replace(**change), keep_training=True)
        assert pg.epoch == 20 and pg.net is net, change
    pg.apply(pg.settings.replace(hidden=(3,)), keep_training=True)
    assert pg.epoch == 0 and pg.net.layers[0].n_outputs == 3
    pg.apply(pg.settings.replace(features=("x1", "x2", "x1sq")), keep_training=True)
    assert pg.net.n_inputs == 3 and pg.F_grid.shape[1] == 3
    with pytest.raises(TypeError, match="settings must be"):
        Playground(3)


def test_divergence_is_reported_not_raised():
    pg = Playground("epochs=20")
    pg.net.parameters()[0][0, 0] = np.inf  # what a far too large learning rate ends in
    pg.train()
    assert pg.diverged and "diverged" in pg.summary()
    assert pg.epoch == 1
    pg.step(10)
    assert pg.epoch == 1  # a diverged network is not trained further
    assert all(np.isnan(v).any() or np.isfinite(v).all() for v in pg.grid_values())  # drawable, no warning
    pg.reset()
    assert not pg.diverged


def test_grid_values_are_every_layer_on_the_plane():
    pg = Playground("dataset=moons;hidden=5,3;features=x1,x2,x1sq").step(5)
    values = pg.grid_values()
    assert [v.shape for v in values] == [(GRID * GRID, 3), (GRID * GRID, 5), (GRID * GRID, 3), (GRID * GRID, 1)]
    np.testing.assert_allclose(values[-1][:, 0], pg.net.forward(pg.F_grid)[:, 0])
    np.testing.assert_allclose(values[1], np.tanh(pg.F_grid @ pg.net.layers[0].W.T + pg.net.layers[0].b))
    np.testing.assert_allclose(pg.probabilities(np.array([[0.3, -0.2]])),
                               pg.net.forward(np.array([[0.3, -0.2, 0.09]]))[:, 0])


def test_dead_relus_are_those_zero_on_every_training_point():
    pg = Playground("dataset=circles;hidden=4,3;act=relu")
    first = np.maximum(pg.F_train @ pg.net.layers[0].W.T + pg.net.layers[0].b, 0)
    second = np.maximum(first @ pg.net.layers[2].W.T + pg.net.layers[2].b, 0)
    dead = pg.dead_units()
    assert [d.tolist() for d in dead] == [np.all(first == 0, axis=0).tolist(), np.all(second == 0, axis=0).tolist()]
    assert not dead[0][1]
    pg.net.layers[0].b[1] = -100.0  # unit 2 of layer 1: below 0 everywhere
    assert pg.dead_units()[0][1]
    assert f"dead ReLUs {sum(int(d.sum()) for d in pg.dead_units())} of 7" in pg.summary()
    assert Playground("act=tanh").dead_units() is None


def test_accuracy_for_three_classes_is_the_argmax():
    pg = Playground("dataset=spiral3;n=90;hidden=8").step(3)
    predicted = np.argmax(pg.net.forward(pg.F_test), axis=1)
    assert pg.test_accuracy == np.mean(predicted == pg.y_test)
    assert pg.loss_name == "cce" and pg.T_train.shape == (len(pg.y_train), 3)


# -- data.circles and data.moons, which the first playground brought to nnlib.data --------------


@pytest.mark.parametrize("make", [data.circles, data.moons])
@pytest.mark.parametrize("n", [2, 7, 200])
def test_two_class_sets_are_balanced_and_reproducible(make, n):
    X, y = make(n, 0.1, seed=3)
    assert X.shape == (n, 2) and y.shape == (n,) and X.dtype == float
    assert set(np.unique(y)) == {0.0, 1.0} and abs(2 * y.sum() - n) <= 1
    X2, y2 = make(n, 0.1, seed=3)
    np.testing.assert_array_equal(X, X2)
    np.testing.assert_array_equal(y, y2)
    assert not np.array_equal(X, make(n, 0.1, seed=4)[0])


def test_noise_free_shapes():
    X, y = data.circles(100, 0.0, seed=0)
    np.testing.assert_allclose(np.hypot(X[:, 0], X[:, 1]), np.where(y == 0, 1.0, 0.5))
    X, y = data.moons(100, 0.0, seed=0)
    centre = np.where(y[:, None] == 0, [-0.5, -0.25], [0.5, 0.25])
    np.testing.assert_allclose(np.hypot(*(X - centre).T), 1.0)
    assert np.all(X[y == 0, 1] >= -0.25) and np.all(X[y == 1, 1] <= 0.25)
