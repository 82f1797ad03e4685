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


def test_circles_without_a_hidden_layer():
    squares = trained("Circles without a hidden layer")
    assert squares.test_accuracy >= 0.95 and sum(p.size for p in squares.net.parameters()) == 3
    assert trained("Circles without a hidden layer", features=("x1", "x2")).test_accuracy < 0.7
    hidden = trained("Circles without a hidden layer", features=("x1", "x2"), hidden=(8,))
    assert hidden.test_accuracy > 0.95 and sum(p.size for p in hidden.net.parameters()) == 33


def near_zero(pg):
    """How many first-layer weights end within one step of the L1 penalty (η·λ) of zero."""
    return int(np.sum(np.abs(pg.net.layers[0].W) <= pg.settings.lr * pg.settings.rate))


def test_l1_switches_off_the_features_it_does_not_need():
    pg = trained("L1 switches off the features it does not need")
    weights = dict(zip(pg.settings.features, np.abs(pg.net.layers[0].W[0])))
    assert weights["x1sq"] > 5 and weights["x2sq"] > 5
    assert max(weights[k] for k in ("x1", "x2", "x1x2", "sinx1", "sinx2")) <= 0.02 == pg.settings.lr * pg.settings.rate
    assert near_zero(pg) == 5
    l2 = trained("L1 switches off the features it does not need", reg="l2")
    squares = [pg.settings.features.index(k) for k in ("x1sq", "x2sq")]
    ratio = np.abs(l2.net.layers[0].W[0, squares]) / np.abs(pg.net.layers[0].W[0, squares])
    assert near_zero(l2) == 0 and np.all((ratio > 0.35) & (ratio < 0.65))  # shrinks "to about half", no zero


def test_overfitting_and_l2_against_it():
    pg = trained("Overfitting: little data, a wide network")
    assert len(pg.X_train) == 30 and sum(p.size for p in pg.net.parameters()) > 1000
    assert pg.train_loss[-1] < 0.1 and pg.test_loss[-1] > 2 * pg.test_loss.min()
    l2 = trained("L2 against overfitting")
    assert l2.settings.replace(reg="none", rate=0.0) == pg.settings.replace(show_test=True)  # the same run otherwise
    assert l2.test_loss[-1] < 0.5 * pg.test_loss[-1]


def test_a_learning_rate_too_large():
    pg = trained("A learning rate too large")
    rises = int(np.sum(np.diff(pg.train_loss) > 0))
    assert rises > len(pg.train_loss) / 3 and pg.train_loss.min() > np.log(2)
    hidden = pg.grid_values()[1]
    assert np.mean(np.abs(hidden) > 0.99) > 0.9  # hard two-colour steps
    calm = trained("A learning rate too large", lr=1.0)
    assert np.all(np.diff(calm.train_loss) < 0)


def test_dead_relus_at_a_large_learning_rate():
    pg = trained("Dead ReLUs at a large learning rate")
    assert dead(pg) >= 8 and abs(pg.test_accuracy - 0.5) <= 0.05
    calm = trained("Dead ReLUs at a large learning rate", lr=0.1)
    assert dead(calm) <= 2 and calm.test_accuracy > 0.85


def test_capacity_the_spiral_needs_enough_units():
    assert trained("Capacity: the spiral needs enough units").test_accuracy < 0.9
    assert trained("Capacity: the spiral needs enough units", hidden=(16,)).test_accuracy >= 0.95
    assert trained("Capacity: the spiral needs enough units", hidden=(8, 8)).test_accuracy >= 0.95


def test_depth_or_width_at_105_parameters():
    wide, deep = trained("Depth or width at 105 parameters"), trained("Depth or width at 105 parameters",
                                                                      hidden=(8, 8))
    assert sum(p.size for p in wide.net.parameters()) == sum(p.size for p in deep.net.parameters()) == 105
    assert wide.test_accuracy >= 0.95 and deep.test_accuracy >= 0.95
    gaps = [trained("Depth or width at 105 parameters", hidden=(8, 8), seed=seed).test_accuracy
            - trained("Depth or width at 105 parameters", seed=seed).test_accuracy for seed in range(5)]
    assert 0.01 <= np.mean(gaps) <= 0.03  # "about 2 points", on average over five seeds


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
