"""The exercises of notebook 14 (nnlib/exercises/nb14.py): their wrong answers, other right answers, and the
keys checked against what the playground really does.

The table below is held to the rules every notebook's exercises follow in test_exercises_tables.py.
"""

import numpy as np
import pytest
from exercise_checks import ExerciseTable

from nnlib.exercises import nb14, solution
from nnlib.playground import PRESETS, Playground, parse_settings

CIRCLES = next(p.settings for p in PRESETS if p.name == "Circles from x1² and x2²")
TRAINED = Playground(CIRCLES).train()
W, B = TRAINED.net.layers[0].W[0], float(TRAINED.net.layers[0].b[0])
CONTEXT = {"14.2": {"w": W, "b": B}}

WRONG = [
    ("14.1", "dataset=moons;features=x1sq,x2sq;hidden=none;lr=1;epochs=500", "not circles"),
    ("14.1", "dataset=circles;noise=0.1;hidden=8;lr=1;epochs=500", "hidden layer"),
    ("14.1", "dataset=circles;noise=0.1;hidden=none;lr=1;epochs=500", "a line"),
    ("14.1", "dataset=circles;features=x1,x2,x1x2;hidden=none;lr=1;epochs=500", "a line"),
    ("14.1", "dataset=xor;hidden=4", "not circles"),
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
# every wrong run fails one of its three conditions, each a misconception: there is no plain wrong run.
TABLE = ExerciseTable(notebooks=(14,), wrong=WRONG, context=CONTEXT,
                      forbidden={"14.1": ["x1sq", "x2sq", "hidden=none;lr"]}, every_mistake_named=frozenset({"14.1"}))


def test_other_right_answers_are_correct_too(capsys):
    # any settings string that does it, not only the instructors' one
    other = "dataset=circles;noise=0.05;features=x1,x1sq,x2sq;hidden=none;lr=2;epochs=400;seed=3"
    assert TABLE.verdict(capsys, "14.1", other).startswith("correct: ")
    assert TABLE.verdict(capsys, "14.1", "dataset=circles;hidden=4,,").startswith(
        "not yet: that settings string does not")
    assert TABLE.verdict(capsys, "14.1", 42).startswith("not yet: give a settings string")


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
    assert parse_settings(solution("14.1")) == parse_settings(CIRCLES)
