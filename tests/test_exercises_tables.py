"""Every exercise of the series, answered wrongly on purpose and then rightly, by the same rules.

The wrong answers are in each notebook's table (test_exercises_keys.py for notebooks 01, 02 and 04,
test_exercises_nb00_03_06_07.py, test_exercises_nb05_08.py for 05 and 08, test_exercises_nb09_nb10.py,
test_exercises_nb11_nb12.py, test_exercises_nb13.py,
test_playground_exercises.py for 14), with the tests specific to those notebooks; the checks are in
exercise_checks.py. For each exercise: at least three wrong answers, among them every misconception its key
names and one plain mistake. Each must get "not yet", name the misconception where it is one (and none where
it is not), and show no expected value in any usual format (nor a matrix answer's shape); the instructors'
solution must get "correct"; the hints come in stages and, like the misconceptions' messages, never give the
answer.
"""

from pathlib import Path

import pytest
import test_exercises_keys
import test_exercises_nb00_03_06_07
import test_exercises_nb05_08
import test_exercises_nb09_nb10
import test_exercises_nb11_nb12
import test_exercises_nb13
import test_playground_exercises
from exercise_checks import assert_gives_nothing_away

import nnlib.exercises
from nnlib.exercises import hint, tutor

TABLES = [test_exercises_keys.TABLE, test_exercises_nb00_03_06_07.TABLE, test_exercises_nb05_08.TABLE,
          test_exercises_nb09_nb10.TABLE, test_exercises_nb11_nb12.TABLE, test_exercises_nb13.TABLE,
          test_playground_exercises.TABLE]


def _range(table):
    first, last = table.notebooks[0], table.notebooks[-1]
    return f"{first:02d}" if first == last else f"{first:02d}-{last:02d}"


WRONG = [pytest.param(table, *row, id=f"{row[0]}-{row[2] or 'plain'}-{k}")
         for table in TABLES for k, row in enumerate(table.wrong)]
IDS = [(table, exercise_id) for table in TABLES for exercise_id in table.ids]


@pytest.fixture(autouse=True)
def fresh_hints(monkeypatch):
    monkeypatch.setattr(tutor, "_hints_given", {})


@pytest.mark.parametrize(("table", "exercise_id", "answer", "name"), WRONG)
def test_a_wrong_answer_gets_not_yet_names_the_mistake_and_gives_nothing_away(capsys, table, exercise_id, answer,
                                                                              name):
    out = table.verdict(capsys, exercise_id, answer)
    assert out.startswith("not yet: "), out
    misconceptions = tutor._key(exercise_id).misconceptions
    if name == "rounded":  # not a misconception of the exercise: the tutor tells any rounded answer so
        assert "looks rounded; give it unrounded" in out, out
    elif name is not None:
        [misconception] = [c for c in misconceptions if c.name == name]
        assert misconception.message in out, out
    else:
        assert 'hint("' in out, out   # a plain wrong answer points to the hints
        assert not any(c.message in out for c in misconceptions), out
    assert_gives_nothing_away(table, exercise_id, out)


@pytest.mark.parametrize(("table", "exercise_id"), IDS, ids=[i for _, i in IDS])
def test_every_exercise_has_three_wrong_answers_covering_each_of_its_misconceptions(table, exercise_id):
    tried = [name for i, _, name in table.wrong if i == exercise_id]
    assert len(tried) >= 3
    if exercise_id not in table.every_mistake_named:
        assert None in tried   # and one wrong answer that is no known mistake
    assert {c.name for c in tutor._key(exercise_id).misconceptions} <= set(tried)


@pytest.mark.parametrize("table", TABLES, ids=_range)
def test_a_table_tries_exactly_the_exercises_of_its_notebooks(table):
    assert table.ids
    assert {i for i, _, _ in table.wrong} == set(table.ids)
    named = set(table.context) | set(table.right) | set(table.forbidden) | set(table.every_mistake_named)
    assert named <= set(table.ids)


def test_every_notebook_with_exercises_has_one_table():
    keys = sorted(int(path.stem[2:]) for path in Path(nnlib.exercises.__file__).parent.glob("nb[0-9][0-9].py"))
    assert sorted(nn for table in TABLES for nn in table.notebooks) == keys


@pytest.mark.parametrize(("table", "exercise_id"), IDS, ids=[i for _, i in IDS])
def test_the_solution_is_correct_and_no_hint_or_message_gives_the_answer(capsys, table, exercise_id):
    assert table.verdict(capsys, exercise_id, table.right_answer(exercise_id)).startswith("correct: ")
    assert table.verdict(capsys, exercise_id, ...).startswith("not attempted yet")
    exercise = tutor._key(exercise_id)
    assert len(exercise.hints) >= 2
    for text in (*exercise.hints, *(m.message for m in exercise.misconceptions)):
        assert_gives_nothing_away(table, exercise_id, text)


@pytest.mark.parametrize(("table", "exercise_id"), IDS, ids=[i for _, i in IDS])
def test_the_hints_come_in_stages_and_the_last_one_repeats(capsys, table, exercise_id):
    stages = tutor._key(exercise_id).hints
    for k, stage in enumerate(stages, start=1):
        hint(exercise_id)
        last = " (the last one)" if k == len(stages) else ""
        assert capsys.readouterr().out == f"hint {k} of {len(stages)}{last}: {stage}\n"
    hint(exercise_id)
    out = capsys.readouterr().out
    assert out.startswith(f"hint {len(stages)} of {len(stages)} (the last one): ")
    assert_gives_nothing_away(table, exercise_id, out)
