"""Every preset of the playground shows what its text claims, with the numbers the text gives."""

from pathlib import Path

import numpy as np
import pytest

from nnlib.playground import PRESETS, Playground, parse_settings

BY_NAME = {preset.name: preset for preset in PRESETS}


def trained(name, **changes):
    settings = parse_settings(BY_NAME[name].settings)
    return Playground(settings.replace(**changes)).train()


def dead(pg):
    return sum(int(layer.sum()) for layer in pg.dead_units())


def test_xor_needs_a_hidden_layer():
    line = trained("XOR needs a hidden layer")
    assert line.train_accuracy <= 0.75 and line.test_accuracy <= 0.75
    hidden = trained("XOR needs a hidden layer", hidden=(4,))
    assert hidden.train_accuracy == hidden.test_accuracy == 1.0


def test_x1x2_replaces_the_hidden_layer():
    pg = trained("x1·x2 replaces the hidden layer")
    assert pg.settings.hidden == () and pg.test_accuracy == 1.0


def test_circles_from_squares():
    assert trained("Circles from x1² and x2²").test_accuracy >= 0.95
    assert trained("Circles from x1² and x2²", features=("x1", "x2")).test_accuracy < 0.7


def test_l1_keeps_only_the_features_it_needs():
    pg = trained("L1 keeps only the features it needs")
    weights = dict(zip(pg.settings.features, np.abs(pg.net.layers[0].W[0])))
    assert weights["x1sq"] > 5 and weights["x2sq"] > 5
    assert max(weights[k] for k in ("x1", "x2", "x1x2", "sinx1", "sinx2")) < 0.15
    free = trained("L1 keeps only the features it needs", reg="none")
    assert abs(free.net.layers[0].W[0, free.settings.features.index("x1x2")]) > 1


def test_overfitting_and_l2_against_it():
    pg = trained("Overfitting: little data, a wide network")
    assert len(pg.X_train) == 30 and sum(p.size for p in pg.net.parameters()) > 1000
    assert pg.train_loss[-1] < 0.1 and pg.test_loss[-1] > 2 * pg.test_loss.min()
    l2 = trained("L2 against overfitting")
    assert l2.settings.replace(reg="none", rate=0.0) == pg.settings.replace(show_test=True)  # the same run otherwise
    assert l2.test_loss[-1] < 0.5 * pg.test_loss[-1]


def test_dead_relus_at_a_large_learning_rate():
    pg = trained("Dead ReLUs at a large learning rate")
    assert dead(pg) >= 8 and abs(pg.test_accuracy - 0.5) <= 0.05
    calm = trained("Dead ReLUs at a large learning rate", lr=0.1)
    assert dead(calm) <= 2 and calm.test_accuracy > 0.85


def test_the_spiral_needs_depth():
    assert trained("The spiral needs depth").test_accuracy < 0.9
    assert trained("The spiral needs depth", hidden=(8, 8)).test_accuracy >= 0.95


def test_three_classes_with_softmax():
    pg = trained("Three classes: softmax")
    assert pg.net.n_outputs == 3 and pg.test_accuracy >= 0.9


def test_every_preset_is_tested_and_its_string_is_canonical_and_parses():
    source = Path(__file__).read_text(encoding="utf-8")
    tested = {name for name in BY_NAME if source.count(f'"{name}"') >= 1}
    assert tested == set(BY_NAME)
    for preset in PRESETS:
        assert parse_settings(preset.settings)  # parses
        assert preset.claim.endswith(".")


@pytest.mark.parametrize("preset", PRESETS, ids=lambda p: p.name)
def test_presets_stay_quick_to_train(preset):
    # A preset is a demonstration: its Train must not take minutes (epochs × points is a fair proxy).
    s = parse_settings(preset.settings)
    assert s.epochs * s.n <= 600_000
