"""The exercises of notebook 14 (nnlib/exercises/nb14.py): wrong answers get "not yet" and the mistake named,
never the answer; the solutions get "correct"; the keys agree with what the playground really does."""

import numpy as np
import pytest

from nnlib.exercises import check, hint, nb14, solution, tutor
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
IDS = sorted(nb14.EXERCISES)


def verdict(capsys, exercise_id, answer):
    check(exercise_id, answer, **CONTEXT.get(exercise_id, {}))
    return capsys.readouterr().out.strip()


@pytest.mark.parametrize(("exercise_id", "answer", "name"), WRONG,
                         ids=[f"{i}-{n or 'plain'}-{k}" for k, (i, _, n) in enumerate(WRONG)])
def test_a_wrong_answer_gets_not_yet_names_the_mistake_and_gives_nothing_away(capsys, exercise_id, answer, name):
    out = verdict(capsys, exercise_id, answer)
    assert out.startswith("not yet: "), out
    if name is not None:
        [misconception] = [c for c in tutor._key(exercise_id).misconceptions if c.name == name]
        assert misconception.message in out
    else:
        assert 'hint("' in out
    right = solution(exercise_id, **CONTEXT.get(exercise_id, {}))
    if exercise_id == "14.1":
        assert "x1sq" not in out and "x2sq" not in out and "hidden=none;lr" not in out
    else:
        for form in {f"{right:.2f}", f"{right:.3g}", f"{right:.4f}", repr(right), str(right)}:
            assert form not in out, (form, out)


@pytest.mark.parametrize("exercise_id", IDS)
def test_every_exercise_has_three_wrong_answers_covering_each_of_its_misconceptions(exercise_id):
    tried = [name for i, _, name in WRONG if i == exercise_id]
    assert len(tried) >= 3
    assert None in tried or exercise_id == "14.1"  # 14.1's three conditions name every wrong run
    assert {c.name for c in tutor._key(exercise_id).misconceptions} <= set(tried)


@pytest.mark.parametrize("exercise_id", IDS)
def test_the_solution_is_correct_and_the_hints_never_give_it(capsys, exercise_id):
    right = solution(exercise_id, **CONTEXT.get(exercise_id, {}))
    assert verdict(capsys, exercise_id, right).startswith("correct: ")
    assert verdict(capsys, exercise_id, ...).startswith("not attempted yet")
    hints = tutor._key(exercise_id).hints
    assert len(hints) >= 2
    for _ in hints:
        hint(exercise_id)
    text = capsys.readouterr().out
    if exercise_id == "14.3":
        assert "13" not in text
    if exercise_id == "14.2":
        assert f"{right:.2f}" not in text


def test_other_right_answers_are_correct_too(capsys):
    # any settings string that does it, not only the instructors' one
    other = "dataset=circles;noise=0.05;features=x1,x1sq,x2sq;hidden=none;lr=2;epochs=400;seed=3"
    assert verdict(capsys, "14.1", other).startswith("correct: ")
    assert verdict(capsys, "14.1", "dataset=circles;hidden=4,,").startswith("not yet: that settings string does not")
    assert verdict(capsys, "14.1", 42).startswith("not yet: give a settings string")


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
