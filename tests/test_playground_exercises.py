"""The exercises of notebook 14 (nnlib/exercises/nb14.py): their wrong answers, other right answers, and the
keys checked against what the playground really does.

The table below is held to the rules every notebook's exercises follow in test_exercises_tables.py.
"""

import json
import re
from pathlib import Path

import numpy as np
import pytest
from exercise_checks import ExerciseTable

from nnlib.exercises import nb14, solution
from nnlib.playground import PRESETS, Playground, parse_settings

CIRCLES = next(p.settings for p in PRESETS if p.name == "Circles without a hidden layer")
TRAINED = Playground(CIRCLES).train()
W, B = TRAINED.net.layers[0].W[0], float(TRAINED.net.layers[0].b[0])
CONTEXT = {"14.2": {"w": W, "b": B}}
# A straight line on 40 points with train=0.9: its own 4 test points are all right, by luck (seed 7).
LUCKY_LINE = "dataset=circles;n=40;train=0.9;hidden=none;seed=7"

WRONG = [
    ("14.1", "dataset=moons;features=x1sq,x2sq;hidden=none;lr=1;epochs=500", "not circles"),
    ("14.1", "dataset=xor;hidden=4", "not circles"),
    ("14.1", "dataset=circles;hidden=8;lr=1;epochs=500", "hidden layer"),
    ("14.1", "dataset=circles;features=x1sq,x2sq;hidden=2", "hidden layer"),
    ("14.1", "dataset=circles;hidden=none;lr=1;epochs=500", "a line"),
    ("14.1", "dataset=circles;features=x1,x2,x1x2;hidden=none;lr=1;epochs=500", "a line"),
    ("14.1", "dataset=circles;features=x1sq;hidden=none;lr=1;epochs=500", "a line"),
    ("14.1", "dataset=circles;features=x1,x2sq,sinx1;hidden=none;lr=1;epochs=500", "a line"),
    ("14.1", LUCKY_LINE, "a line"),
    ("14.1", "dataset=circles;features=x1sq,x2sq;hidden=none;lr=0.01;epochs=20", "not trained"),
    ("14.1", "dataset=circles;noise=0.5;features=x1sq,x2sq;hidden=none;lr=1;epochs=500", "not trained"),
    ("14.1", "dataset=circles;features=x1sq,x2sq;hidden=none;reg=l1;rate=1", "not trained"),
    ("14.1", "dataset=circles;features=x1sq,x2sq;hidden=none;epochs=3", "not trained"),
    ("14.2", -B / W[0], "no square root"),
    ("14.2", np.sqrt((0.5 - B) / W[0]), "z = 0.5"),
    ("14.2", np.sqrt(-B / W[1]), "x2 axis"),
    ("14.2", -np.sqrt(-B / W[0]), "sign flip"),
    ("14.2", 1.0, None),
    ("14.3", 14, "past the deadline"),
    ("14.3", 40 / 3, "a fraction"),
    ("14.3", 12, "off by one"),
    ("14.3", 20, None),
]

# 14.1's answer is a settings string: no text may show the features or the missing hidden layer it needs. And
# every wrong run fails one of its four conditions, each a misconception: there is no plain wrong run.
TABLE = ExerciseTable(notebooks=(14,), wrong=WRONG, context=CONTEXT,
                      forbidden={"14.1": ["x1sq", "x2sq", "hidden=none;lr"]}, every_mistake_named=frozenset({"14.1"}))


def test_other_right_answers_are_correct_too(capsys):
    # any settings string that does it at the default noise, not only the instructors' one: the playground's
    # defaults with the right features, all seven features, training on less noise, another seed
    for other in ("dataset=circles;features=x1sq,x2sq;hidden=none",
                  "dataset=circles;features=x1,x2,x1sq,x2sq,x1x2,sinx1,sinx2;hidden=none;lr=1;epochs=1000",
                  "dataset=circles;noise=0.05;features=x1,x1sq,x2sq;hidden=none;lr=2;epochs=400;seed=3"):
        assert TABLE.verdict(capsys, "14.1", other).startswith("correct: "), other
    assert TABLE.verdict(capsys, "14.1", "dataset=circles;hidden=4,,").startswith(
        "not yet: that settings string does not")
    assert TABLE.verdict(capsys, "14.1", 42).startswith("not yet: give a settings string")


def test_14_1_is_reached_at_the_default_noise_and_judged_on_enough_points():
    right = parse_settings(solution("14.1"))
    assert right.noise == parse_settings("").noise == nb14.NOISE  # the default noise, not an easier one
    assert nb14.fresh_accuracy(Playground(right).train()) >= nb14.ENOUGH
    # the lucky line: perfect on its own 4 test points, a coin toss on the fresh ones
    lucky = Playground(LUCKY_LINE).train()
    assert len(lucky.X_test) == 4 and lucky.test_accuracy == 1.0
    assert nb14.fresh_accuracy(lucky) < 0.6


def test_14_1_does_not_blame_right_features_that_were_trained_badly():
    for text in ("dataset=circles;features=x1sq,x2sq;hidden=none;lr=0.01;epochs=20",
                 "dataset=circles;noise=0.5;features=x1sq,x2sq;hidden=none;lr=1;epochs=500"):
        assert nb14.circles_run(text) == [1, 1, 1, 0]


NOTEBOOK = Path(__file__).resolve().parents[1] / "notebooks" / "14_playground.ipynb"


def test_no_cell_above_14_1_gives_its_features_away():
    cells = json.loads(NOTEBOOK.read_text(encoding="utf-8"))["cells"]
    where = next(i for i, cell in enumerate(cells) if 'check("14.1"' in "".join(cell["source"]))
    for cell in cells[:where]:
        shown = "".join(cell["source"]) + "".join(
            "".join(out.get("text", "")) + "".join(out.get("data", {}).get("text/plain", ""))
            for out in cell.get("outputs", ()))
        assert not re.search(r"x1sq|x2sq|x[₁₂]²|x_[12]\^2|Circles from", shown), shown[:300]


def test_the_keys_agree_with_the_playground():
    # 14.2: the network's output is 0.5 at the answer on the x1 axis
    x1 = solution("14.2", w=W, b=B)
    assert TRAINED.probabilities(np.array([[x1, 0.0]]))[0] == pytest.approx(0.5, abs=1e-9)
    # 14.3: Playground.advance with a fake clock runs exactly that many batches
    pg = Playground("dataset=moons;batch=1")
    clock = {"now": 0.0}
    train_batch = pg._train_batch

    def batch():
        train_batch()
        clock["now"] += nb14.BATCH

    pg._train_batch = batch
    assert pg.advance(nb14.BUDGET, clock=lambda: clock["now"]) == solution("14.3")
