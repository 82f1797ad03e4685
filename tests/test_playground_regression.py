"""The playground's regression sets: a number per point, a linear output, squared error, a diverging colour scale."""

import numpy as np
import pytest

from nnlib.playground import Playground, PlaygroundApp, Settings, draw, parse_settings
from nnlib.playground.datasets import BUMPS, PLANE, gaussians, make_data, plane
from nnlib.playground.frame import frame, legend, points


def test_the_regression_sets_are_what_their_names_say():
    X, y = make_data(Settings(dataset="plane", noise=0.0))
    np.testing.assert_allclose(y, PLANE[0] * X[:, 0] + PLANE[1] * X[:, 1])
    X, y = make_data(Settings(dataset="gaussians", noise=0.0))
    for (centre, height, _) in BUMPS[:4]:  # each corner bump's top: close to its height, of its sign
        assert np.sign(gaussians(np.array([centre]))[0]) == np.sign(height)
    np.testing.assert_allclose(y, gaussians(X))
    X, noisy = make_data(Settings(dataset="plane", noise=0.3, seed=5))
    assert 0.25 < np.std(noisy - plane(X)) < 0.35  # the noise is on the value, of the standard deviation asked


@pytest.mark.parametrize("dataset", ["plane", "gaussians"])
def test_a_regression_network_has_a_linear_output_and_squared_error(dataset):
    pg = Playground(f"dataset={dataset};hidden=8")
    assert Settings(dataset=dataset).regression and not Settings().regression
    assert pg.loss_name == "mse" and pg.output_name == "identity" and pg.net.n_outputs == 1
    assert pg.train_accuracy is None and pg.test_accuracy is None
    assert "accuracy" not in pg.summary() and "regression" in pg.summary()
    out = pg.probabilities(pg.X_test)
    assert out.shape == (len(pg.X_test),)
    np.testing.assert_allclose(pg.net.loss(pg.F_test, pg.y_test, "mse"), np.mean((out - pg.y_test) ** 2))


def test_regression_learns_the_plane_and_the_bumps():
    plane_run = Playground("dataset=plane;noise=0;hidden=none;lr=0.1;epochs=300").train()
    assert plane_run.test_loss[-1] < 1e-3  # a linear output fits a plane exactly
    np.testing.assert_allclose(plane_run.net.layers[0].W.ravel(), PLANE, atol=0.02)
    bumps = Playground("dataset=gaussians;noise=0.05;hidden=8,8;optimiser=adam;lr=0.03;epochs=500").train()
    start = Playground("dataset=gaussians;noise=0.05;hidden=8,8").net.loss(bumps.F_test, bumps.y_test, "mse")
    assert bumps.test_loss[-1] < 0.05 < start  # from about the variance of the target to a small fraction of it
    assert "loss train" in bumps.summary() and "accuracy" not in bumps.summary()


def test_the_split_keeps_each_point_with_its_number():
    pg = Playground("dataset=plane;noise=0;n=101;train=0.3")
    assert (len(pg.X_train), len(pg.X_test)) == (30, 71)
    np.testing.assert_allclose(pg.y_train, plane(pg.X_train))
    np.testing.assert_allclose(pg.y_test, plane(pg.X_test))


def test_the_output_is_drawn_on_a_diverging_scale_with_its_legend():
    pg = Playground("dataset=plane;noise=0;hidden=none;lr=0.1;epochs=300").train()
    png = frame(pg)["regions"]
    output = pg.grid_values()[-1].reshape(49, 49)
    assert png == draw.values_png(output, draw.VALUE_SCALE)
    # the corners: the lowest value (x1 = −, x2 = +: top left) in class 0's colour, the highest in class 1's
    colours = draw.value_colours([output[-1, 0], 0.0, output[0, -1]], draw.VALUE_SCALE)
    low, middle, high = (np.array([int(c[i:i + 2], 16) for i in (1, 3, 5)]) for c in colours)
    assert tuple(middle) == tuple(draw.NEURON_TABLE[len(draw.NEURON_TABLE) // 2])
    assert low[0] > low[2] and high[2] > high[0]  # vermillion (red > blue) and blue
    assert draw.value_colours([-5.0], 1.5) == draw.value_colours([-1.5], 1.5)  # beyond the scale: its end
    assert ">-1<" in legend(parse_settings("dataset=plane")) and ">-0.5<" in legend(parse_settings("dataset=plane"))
    assert ">0.5<" in legend(parse_settings("dataset=gaussians")) and "linearGradient" in legend(
        parse_settings("dataset=gaussians"))
    assert "regions of each class" in legend(Settings()) and "linearGradient" not in legend(Settings())
    dots = points(pg)
    assert "<rect" not in dots.split("<g")[0] and dots.count("<circle") == len(pg.X_train)  # circles, by value


def test_the_app_switches_between_classification_and_regression():
    app = PlaygroundApp("epochs=20")
    assert "regions of each class" in app.legend.value
    app.controls.fields["dataset"].value = "gaussians"
    assert app.playground.settings.regression and "linearGradient" in app.legend.value
    assert app.settings_box.value.startswith("dataset=gaussians;")
    app.train(background=False)
    assert app.playground.epoch == 20 and "loss train" in app.status.value and "accuracy" not in app.status.value
    app.controls.fields["dataset"].value = "circles"
    assert "accuracy" in app.status.value and "regions of each class" in app.legend.value
    assert app.apply("dataset=plane;hidden=none") and app.playground.net.n_outputs == 1
    assert app.neuron.options[-1] == ("output", (1, 0))
