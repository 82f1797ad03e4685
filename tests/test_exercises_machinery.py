"""The machinery added for the build track: fresh inputs at every check, nnlib's own switched off and put back,
differences described without the right values, the formula hint after two wrong tries, progress(), and two
tutor bugs (a mean where 01.3 asks for one loss per sample crashed it; a (1, k) row was refused for (k,))."""

import re

import numpy as np
import pytest
from exercise_checks import verdict

from nnlib import activations
from nnlib.exercises import Exercise, build, check, hint, progress, record, tutor
from nnlib.exercises.describe import difference
from nnlib.exercises.forbid import UsedNnlib, forbidding, is_one_of


@pytest.fixture(autouse=True)
def fresh_record(monkeypatch):
    monkeypatch.setattr(tutor, "_hints_given", {})
    monkeypatch.setattr(record, "_correct", set())
    monkeypatch.setattr(record, "_wrong", {})


def test_every_check_draws_new_inputs_unless_the_seed_is_fixed(monkeypatch):
    key = tutor._key("04.4")
    shapes = {tuple(c.args[1].shape for c in key.cases(np.random.default_rng(build.SEED))) for _ in range(20)}
    assert len(shapes) > 5                                # fresh sizes at each check
    first = key.cases(np.random.default_rng(7))
    again = key.cases(np.random.default_rng(7))
    assert all(np.array_equal(a.args[1], b.args[1]) for a, b in zip(first, again))
    assert {c.what.split(",")[0] for c in first} >= {"a 2-2-1 network"}   # the notebook's network, and others
    assert any(not c.what.startswith("a 2-2-1") for c in first)


def test_nnlibs_own_code_is_switched_off_during_the_call_and_put_back_afterwards():
    original = activations.sigmoid.__code__
    with pytest.raises(UsedNnlib, match="sigmoid"), forbidding([activations.sigmoid]):
        activations.sigmoid(0.0)
    assert activations.sigmoid.__code__ is original and activations.sigmoid(0.0) == 0.5
    assert is_one_of(activations.sigmoid, [activations.sigmoid])
    assert not is_one_of(lambda z: z, [activations.sigmoid])


def test_a_difference_is_described_without_the_right_values():
    right = np.array([[0.123456, -2.5], [3.75, 0.5]])
    said = [difference("dW", got, right, 1e-9, 1e-12) for got in
            (right.T, 3 * right, -right, right + np.array([[0, 0], [0, 1e-3]]), np.where(right > 1, np.nan, right))]
    assert said[0] == "your dW looks like the transpose of the right matrix"
    assert said[1].startswith("your dW is 3 times the right value in 4 of 4 entries")
    assert said[2].startswith("your dW has the opposite sign")
    assert said[3] == "your dW differs in 1 of 4 entries, the first at entry (1, 1); there it is larger than " \
                      "the right value (relative difference about 1e-03)"
    assert said[4] == "your dW is inf or nan in 1 of 4 entries, the first at entry (1, 0)"
    for text in said:
        assert not re.search(r"0\.12|2\.5|3\.75|0\.5", text), text


def test_the_formula_hint_waits_for_two_wrong_tries(capsys):
    stages = tutor._key("04.4").hints
    assert len(stages) == 3
    for k in (1, 2):
        hint("04.4")
        assert capsys.readouterr().out == f"hint {k} of 3: {stages[k - 1]}\n"
    hint("04.4")
    out = capsys.readouterr().out
    assert out.startswith("hint 3 of 3 (the formula) comes after 2 wrong tries at check (so far: 0)")
    assert stages[2] not in out
    for _ in range(2):
        verdict(capsys, "04.4", lambda p, X, y: [np.zeros_like(q) for q in p])
    hint("04.4")
    assert capsys.readouterr().out == f"hint 3 of 3 (the last one): {stages[2]}\n"


def test_progress_says_what_this_kernel_has_seen(capsys):
    verdict(capsys, "01.1", 0.25)                      # tried, wrong
    verdict(capsys, "01.4", tutor._key("01.4").solution)   # correct
    verdict(capsys, "01.2", ...)                       # not attempted stays not attempted
    progress("01")
    out = capsys.readouterr().out.splitlines()
    assert out == ["notebook 01: 1 of 5 correct", "  correct:        01.4",
                   "  not yet correct:01.1 (1×)", "  not attempted:  01.2, 01.3, 01.5"]
    progress()
    series = capsys.readouterr().out
    assert series.count("notebook ") == 15 and max(len(line) for line in series.splitlines()) <= 90
    with pytest.raises(ValueError, match="notebook must be one of"):
        progress("99")


def test_a_mean_where_one_loss_per_sample_is_asked_is_a_verdict_not_a_crash(capsys):
    out = verdict(capsys, "01.3", lambda z, y: np.mean(np.logaddexp(0, z) - y * z))
    assert out.startswith("not yet: your answer does not have the shape of the cross-entropy")


def test_a_row_is_accepted_where_a_vector_is_asked_but_not_a_column_for_a_row():
    vector = Exercise(asks="p", answer=np.array([0.2, 0.3, 0.5]))
    assert tutor._verdict("99.1", vector, np.array([[0.2, 0.3, 0.5]]), {}).startswith("correct")
    row = Exercise(asks="p", answer=np.array([[0.2, 0.3, 0.5]]))
    assert tutor._verdict("99.1", row, np.array([[0.2], [0.3], [0.5]]), {}).startswith("not yet")


def test_check_records_its_verdicts(capsys):
    check("01.1", 0.25)
    check("01.1", 0.3)
    capsys.readouterr()
    assert record.wrong_tries("01.1") == 2 and "01.1" not in record._correct
