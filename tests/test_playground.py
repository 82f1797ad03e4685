"""Tests of nnlib.playground (settings strings, the Playground core, the widget app) and of data.circles/moons."""

import threading

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from nnlib import data
from nnlib.playground import (
    ACTIVATIONS,
    DATASETS,
    Playground,
    PlaygroundApp,
    Settings,
    format_settings,
    parse_settings,
    time_retrain,
)

DEFAULT = "dataset=xor;n=200;noise=0.2;train=0.5;hidden=4;act=tanh;cross=0;lr=0.3;batch=full;epochs=300;seed=0"


# -- settings strings ------------------------------------------------------------------------


def test_default_settings_string():
    assert format_settings(Settings()) == DEFAULT
    assert parse_settings(DEFAULT) == Settings()
    assert parse_settings("") == Settings()


@pytest.mark.parametrize("text", [
    DEFAULT,
    "dataset=circles;n=300;noise=0.05;train=0.7;hidden=8,8,2;act=relu;cross=1;lr=0.01;batch=10;epochs=1000;seed=42",
    "dataset=threshold;n=40;noise=0.0;train=0.1;hidden=none;act=identity;cross=0;lr=100.0;batch=1;epochs=1;seed=0",
])
def test_canonical_strings_round_trip(text):
    assert format_settings(parse_settings(text)) == text


settings_strategy = st.builds(
    Settings,
    dataset=st.sampled_from(DATASETS),
    n=st.integers(40, 2000),
    noise=st.floats(0, 1),
    train=st.floats(0.1, 0.9),
    hidden=st.lists(st.integers(1, 64), max_size=6).map(tuple),
    act=st.sampled_from(ACTIVATIONS),
    cross=st.booleans(),
    lr=st.floats(1e-6, 100),
    batch=st.none() | st.integers(1, 2000),
    epochs=st.integers(1, 100_000),
    seed=st.integers(0, 2**32 - 1),
)


@given(settings_strategy)
def test_any_settings_round_trip_exactly(settings):
    text = format_settings(settings)
    assert parse_settings(text) == settings
    assert format_settings(parse_settings(text)) == text


def test_parse_is_forgiving_about_order_spaces_case_and_missing_keys():
    settings = parse_settings(" seed = 3 ;\n hidden = 4, 4 ; Dataset=moons; cross=on; batch=FULL;")
    assert settings == Settings(dataset="moons", hidden=(4, 4), cross=True, seed=3)
    assert parse_settings("lr=1e-2").lr == 0.01


@pytest.mark.parametrize("text, words", [
    ("dataset=spiral", ["dataset", "spiral", "xor"]),
    ("colour=red", ["unknown key", "colour", "dataset"]),
    ("dataset", ["key=value"]),
    ("seed=1;seed=2", ["seed", "twice"]),
    ("hidden=4,,4", ["hidden", "4,,4"]),
    ("hidden=4,x", ["hidden"]),
    ("hidden=4,0", ["hidden", "from 1 to 64"]),
    ("hidden=1,1,1,1,1,1,1", ["hidden", "at most 6"]),
    ("act=softmax", ["act", "softmax"]),
    ("lr=-1", ["lr", "-1"]),
    ("lr=0", ["lr", "> 0"]),
    ("lr=nan", ["lr"]),
    ("lr=fast", ["lr", "a number", "fast"]),
    ("epochs=1.5", ["epochs", "whole number", "1.5"]),
    ("epochs=0", ["epochs"]),
    ("batch=big", ["batch", "full"]),
    ("train=1.5", ["train", "0.9"]),
    ("noise=-0.1", ["noise"]),
    ("n=10", ["n", "40"]),
    ("cross=maybe", ["cross", "maybe"]),
    ("seed=-1", ["seed"]),
])
def test_bad_settings_strings_raise_a_clear_value_error(text, words):
    with pytest.raises(ValueError) as error:
        parse_settings(text)
    for word in words:
        assert word in str(error.value)


def test_bad_settings_objects_and_types():
    with pytest.raises(TypeError, match="settings must be a str"):
        parse_settings(42)
    with pytest.raises(ValueError, match="lr"):
        Settings(lr="0.1")
    with pytest.raises(ValueError, match="hidden"):
        Settings(hidden="4")
    with pytest.raises(ValueError, match="cross"):
        Settings(cross=1)
    with pytest.raises(TypeError, match="settings must be"):
        Playground(3)


# -- the Playground core -------------------------------------------------------------------


@pytest.mark.parametrize("dataset", DATASETS)
def test_every_dataset_builds_with_the_split_and_shapes_expected(dataset):
    pg = Playground(f"dataset={dataset};n=100;train=0.6;cross=1")
    n_inputs = 1 if dataset == "threshold" else 3  # cross adds x1·x2 to 2-D data only
    assert len(pg.X_train) == 60 and len(pg.X_test) == 40
    assert pg.F_train.shape == (60, n_inputs) and pg.net.n_inputs == n_inputs
    assert set(np.unique(np.concatenate([pg.y_train, pg.y_test]))) == {0.0, 1.0}
    assert pg.epoch == 0 and len(pg.train_loss) == 0


@pytest.mark.parametrize("text, accuracy", [
    ("dataset=xor", 0.95),
    ("dataset=circles;noise=0.1;hidden=8;lr=1;epochs=500", 0.9),
    ("dataset=xor;hidden=none;cross=1;lr=1", 0.95),
])
def test_a_short_training_improves_accuracy(text, accuracy):
    pg = Playground(text)
    before_loss, before = pg.net.loss(pg.F_test, pg.y_test, "bce"), pg.test_accuracy
    pg.train()
    assert pg.epoch == pg.settings.epochs and len(pg.train_loss) == len(pg.test_loss) == pg.epoch
    assert pg.test_loss[-1] < before_loss
    assert pg.test_accuracy > before and pg.test_accuracy >= accuracy


@pytest.mark.parametrize("batch", ["full", "7"])
def test_training_in_chunks_gives_the_numbers_of_one_run(batch):
    one = Playground(f"dataset=moons;batch={batch}").step(60)
    chunked = Playground(f"dataset=moons;batch={batch}").step(25).step(5).step(30)
    for a, b in zip(one.net.parameters(), chunked.net.parameters()):
        np.testing.assert_array_equal(a, b)
    np.testing.assert_array_equal(one.train_loss, chunked.train_loss)
    np.testing.assert_array_equal(one.test_loss, chunked.test_loss)


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
    pg.apply(pg.settings.replace(lr=0.1), keep_training=True)
    assert pg.epoch == 20
    pg.apply(pg.settings.replace(hidden=(3,)), keep_training=True)
    assert pg.epoch == 0 and pg.net.layers[0].n_outputs == 3


def test_divergence_is_reported_not_raised():
    pg = Playground("epochs=20")
    pg.net.parameters()[0][0, 0] = np.inf  # what a far too large learning rate would end in
    pg.train()
    assert pg.diverged and "diverged" in pg.summary()
    assert pg.to_png().startswith(b"\x89PNG")
    pg.step(10)
    assert pg.epoch == 20  # a diverged network is not trained further
    pg.reset()
    assert not pg.diverged


@pytest.mark.parametrize("text", ["dataset=xor", "dataset=threshold", "dataset=moons;cross=1"])
def test_render_and_png(text):
    pg = Playground(text)
    first = pg.to_png()
    assert first.startswith(b"\x89PNG")
    pg.step(30)
    assert pg.to_png() != first
    fig = pg.render()
    assert len(fig.axes) == 2
    assert "epoch 30" in fig.axes[0].get_title()
    assert len(fig.axes[1].lines) == 2 and len(fig.axes[1].lines[0].get_xdata()) == 30


def test_time_retrain_returns_seconds():
    seconds = time_retrain(repeats=1)
    assert 0 < seconds < 60  # speed is measured by the bench, not asserted here


# -- the widget app, driven without a browser (no event loop: Train runs to the end) ----------


def test_app_buttons_controls_and_settings_box():
    app = PlaygroundApp("epochs=40")
    assert app.settings_box.value == app.playground.settings_string
    app.train_button.click()
    assert app.playground.epoch == 40 and "epoch 40" in app.status.value
    assert not app.train_button.disabled and app.pause_button.disabled
    app.lr.value = 1.0  # a training setting: training is kept
    assert app.playground.epoch == 40 and "lr=1.0" in app.settings_box.value
    app.dataset.value = "circles"  # a data setting: rebuilt
    assert app.playground.epoch == 0 and app.settings_box.value.startswith("dataset=circles")
    app.reset_button.click()
    assert app.playground.epoch == 0
    app.train(background=False)
    assert app.playground.epoch == 40


def test_a_click_from_another_thread_waits_for_the_chunk_under_way(monkeypatch):
    # ipykernel 7 + ipywidgets 8 deliver clicks on a second thread while a chunk trains.
    app = PlaygroundApp("epochs=400", redraws=4)
    step = app.playground.step
    clicks = []

    def step_with_clicks(epochs):
        if not clicks:  # during the first chunk: Pause, then Reset, from another thread
            app.pause()
            assert app.pause_button.disabled and app.train_button.disabled  # pausing, not yet paused
            clicks.append(threading.Thread(target=app.reset))
            clicks[0].start()
            clicks[0].join(timeout=0.2)
            assert clicks[0].is_alive(), "Reset did not wait for the chunk under way"
        return step(epochs)

    monkeypatch.setattr(app.playground, "step", step_with_clicks)
    app.train(background=False)
    clicks[0].join(timeout=30)
    assert app.playground.epoch == 0  # the first chunk finished, no second began, then Reset ran
    assert not app.train_button.disabled and app.pause_button.disabled
    app.train(background=False)
    assert app.playground.epoch == 400


def test_app_apply_restores_a_configuration_and_reports_bad_strings():
    app = PlaygroundApp()
    text = "dataset=moons;n=300;noise=0.1;train=0.7;hidden=8,8;act=relu;cross=1;lr=0.05;batch=37;epochs=20;seed=250"
    app.settings_box.value = text
    app.apply_button.click()
    assert app.playground.settings_string == text and app.settings_box.value == text
    assert (app.hidden.value, app.batch.value, app.seed.value, app.cross.value) == ("8,8", 37, 250, True)
    assert app._settings_from_widgets() == parse_settings(text)
    assert app.apply("dataset=spiral") is False
    assert "dataset" in app.status.value and app.playground.settings_string == text
    app.hidden.value = "4,,"
    assert "hidden" in app.status.value and app.playground.settings.hidden == (8, 8)


# -- data.circles and data.moons ----------------------------------------------------------------


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


@pytest.mark.parametrize("make", [data.circles, data.moons])
def test_two_class_sets_reject_bad_input(make):
    with pytest.raises(ValueError, match="n must be at least 2"):
        make(1)
    with pytest.raises(TypeError, match="n must be a positive int"):
        make(10.0)
    with pytest.raises(ValueError, match="noise"):
        make(10, -0.1)
    with pytest.raises(TypeError, match="noise"):
        make(10, "0.1")
    with pytest.raises(TypeError, match="seed"):
        make(10, 0.1, seed=1.5)
