"""Export and read-outs: the weights as arrays, Python that rebuilds the network, accuracy, a weight on hover."""

import re

import numpy as np
import pytest

from nnlib.playground import Playground, PlaygroundApp
from nnlib.playground.curves import accuracy_svg
from nnlib.playground.datasets import FEATURE_FUNCTIONS
from nnlib.playground.diagram import MAX_HOVER
from nnlib.playground.export import FEATURE_SOURCE, predictions, run
from nnlib.playground.frame import frame, static_svg
from nnlib.playground.model import ACCURACY_POINTS


def test_the_feature_source_computes_what_the_playground_computes():
    X = np.random.default_rng(0).normal(size=(50, 2))
    assert FEATURE_SOURCE.keys() == FEATURE_FUNCTIONS.keys()
    for token, source in FEATURE_SOURCE.items():
        np.testing.assert_array_equal(eval(source, {"np": np, "X": X}), FEATURE_FUNCTIONS[token](X))


def test_the_weights_are_copies_named_by_layer():
    pg = Playground("hidden=4,3").train()
    weights = pg.weights()
    assert list(weights) == ["W1", "b1", "W2", "b2", "W3", "b3"]
    assert [w.shape for w in weights.values()] == [(4, 2), (4,), (3, 4), (3,), (1, 3), (1,)]
    for value, live in zip(weights.values(), pg.net.parameters()):
        np.testing.assert_array_equal(value, live)
    weights["W1"][:] = 0  # a copy: the network is untouched
    assert np.abs(pg.net.parameters()[0]).sum() > 0


@pytest.mark.parametrize("text", [
    "dataset=circles;features=x1,x2,x1sq,x2sq,x1x2,sinx1,sinx2;hidden=5,3;act=relu;epochs=50",
    "dataset=spiral3;hidden=6;act=leaky_relu;optimiser=adam;lr=0.02;epochs=40",
    "dataset=gaussians;hidden=none;features=x1sq,sinx2;epochs=30",
    "dataset=xor;hidden=none;act=sigmoid;epochs=1",
])
def test_the_snippet_rebuilds_the_network_exactly(text):
    pg = Playground(text).train()
    source = pg.snippet()
    assert "nnlib.mlp(" in source and "net.set_parameters([" in source and str(pg.settings) in source
    X = np.vstack([pg.X_test, np.random.default_rng(1).uniform(-3, 3, size=(40, 2))])
    np.testing.assert_array_equal(predictions(source, X), pg.probabilities(X))  # bit for bit
    assert run(source)["net"].n_outputs == pg.net.n_outputs


def test_accuracy_is_recorded_per_epoch_and_drawn_beside_the_loss():
    pg = Playground("dataset=circles;features=x1sq,x2sq;hidden=none;lr=1;epochs=60").train()
    assert pg.accuracies.shape == (60, 3) and list(pg.accuracies[:, 0]) == list(range(1, 61))
    assert tuple(pg.accuracies[-1]) == (60, pg.train_accuracy, pg.test_accuracy) and pg.accuracies[-1, 2] > 0.9
    pictures = frame(pg)
    assert f"test acc. {pg.test_accuracy:.0%}" in pictures["accuracy"]
    assert "<polyline" in pictures["accuracy"] and "training and test accuracy" in static_svg(pg)
    assert accuracy_svg([], 10).count("<polyline") == 0 and "train acc. –" in accuracy_svg([], 10)
    regression = Playground("dataset=plane;epochs=5").train()
    assert regression.accuracies.shape == (0, 3) and frame(regression)["accuracy"] == ""


def test_a_long_run_measures_accuracy_ever_less_often_but_keeps_its_curve():
    pg = Playground("dataset=xor;epochs=1000").train()
    epochs = pg.accuracies[:, 0]
    assert ACCURACY_POINTS <= len(epochs) < 2 * ACCURACY_POINTS
    stride = epochs[1] - epochs[0]
    assert stride == 8 and np.all(np.diff(epochs) == stride) and epochs[-1] == 1000 - 1000 % stride
    again = Playground("dataset=xor").step(200).step(800)  # in steps: the same rows
    np.testing.assert_array_equal(again.accuracies, pg.accuracies)
    svg = accuracy_svg(pg.accuracies, 1000)
    assert svg.count("<polyline") == 2 and "1000 epochs" in svg


def test_hovering_a_connection_shows_its_weight():
    pg = Playground("hidden=4")
    diagram = frame(pg)["diagram"]
    titles = re.findall(r"data-weight='([^']+)'><title>weight ([^:]+): ([^<]+)</title>", diagram)
    assert len(titles) == 4 * 2 + 1 * 4  # every connection
    W1 = pg.net.layers[0].W
    expected = {f"{W1[j, i]:.3g}: input {'x₁x₂'[2 * i:2 * i + 2]} → layer 1, neuron {j + 1}"
                for j in range(4) for i in range(2)}
    assert expected <= {f"{shown}: {where}" for _, shown, where in titles}
    big = Playground("hidden=64,64")
    assert MAX_HOVER < 64 * 64 and "class='weight'" not in frame(big)["diagram"]  # too many to title


def test_the_export_button_shows_the_snippet():
    app = PlaygroundApp("epochs=10")
    assert app.export_area.layout.display == "none"
    app.train(background=False)
    app.export_button.click()
    assert app.export_area.layout.display == "" and app.export_area.value == app.playground.snippet()
    assert "after 10 epochs" in app.export_note.value and "app.playground.weights()" in app.export_note.value
    np.testing.assert_array_equal(predictions(app.export_area.value, app.playground.X_test),
                                  app.playground.probabilities(app.playground.X_test))
    app.controls.fields["dataset"].value = "moons"  # a new network: the export of the old one goes away
    assert app.export_area.layout.display == "none" and app.export_note.layout.display == "none"
