"""What every exercise of the series is held to, shared by the tests of all notebooks' answer keys.

Each notebook's test file (test_exercises_keys.py for notebooks 00-04, test_exercises_nb05_08.py, ...) holds
an ``ExerciseTable``: its wrong answers, each with the misconception it shows (or None for a plain mistake),
and the data its checks are given. test_exercises_tables.py holds every table to the same rules: a wrong
answer gets "not yet" and names its misconception; every exercise has at least three wrong answers covering
each of its misconceptions; the instructors' solution gets "correct"; hints come in stages; and no verdict,
hint or misconception message gives the answer away, in any format a number may be written in, nor the
shape of a matrix answer.
"""

import importlib
import re
from dataclasses import dataclass, field

import numpy as np

from nnlib.exercises import check, solution, tutor


@dataclass(frozen=True)
class ExerciseTable:
    """The wrong answers of one or more notebooks' exercises, and what their checks need.

    wrong:    (exercise id, wrong answer, the misconception it shows, or None for a plain wrong answer).
    context:  exercise id -> the keyword data the notebook passes to check() (never the answer).
    right:    exercise id -> a right answer to hand in where solution() alone is not one (e.g. a layer class).
    forbidden: exercise id -> regular expressions that no verdict, hint or message of that exercise may match
              (what gives away an answer that is no number, e.g. a settings string's features).
    every_mistake_named: exercises whose misconceptions between them cover every wrong answer, so that no plain
              wrong answer exists.
    """

    notebooks: tuple
    wrong: list
    context: dict = field(default_factory=dict)
    right: dict = field(default_factory=dict)
    forbidden: dict = field(default_factory=dict)
    every_mistake_named: frozenset = frozenset()

    @property
    def ids(self):
        """The ids of the notebooks' exercises, as filed in nnlib/exercises/nbNN.py; build exercises (the student
        writes a piece of the network, graded on inputs made at check time) have their own tests."""
        keys = {nn: importlib.import_module(f"nnlib.exercises.nb{nn:02d}").EXERCISES for nn in self.notebooks}
        return [i for nn in self.notebooks for i, key in keys[nn].items() if not hasattr(key, "judge")]

    def context_of(self, exercise_id):
        return self.context.get(exercise_id, {})

    def verdict(self, capsys, exercise_id, answer):
        """check()'s verdict on an answer to one of the table's exercises, given the exercise's data."""
        return verdict(capsys, exercise_id, answer, **self.context_of(exercise_id))

    def right_answer(self, exercise_id):
        """What a student who has it right hands in: the instructors' solution, unless the table says otherwise."""
        if exercise_id in self.right:
            return self.right[exercise_id]
        return solution(exercise_id, **self.context_of(exercise_id))


def verdict(capsys, exercise_id, answer, **context):
    """The one line check() prints (it returns None, so a notebook shows no Out[])."""
    assert check(exercise_id, answer, **context) is None
    out = capsys.readouterr().out
    assert out.count("\n") == 1, out   # one verdict, one line
    return out.strip()


def number_forms(value, digits=2):
    """The ways a number may be written, with at least ``digits`` significant digits and with or without its
    sign: 0.2679, -0.26792, 0.27, 0.2679000, 2.68e-01, 26.8 %, 26.79%, ...; 17, 17.0, 1.7e+01 for a whole 17.

    Left out: a short form that is a bare whole number under 10 ("1" for 1.01 to two digits, "2" for 2.0: "1"
    is in "t = 1" and "1 − β₁", "2" in "factor 2"); its longer forms ("1.0", "2.00") count. With ``digits`` > 2
    (a function's values at many points, where a short form turns up by chance: the "0.01" of a test point is
    not σ'(0.01) = 0.0099 rounded) only forms that show ``digits`` or more digits count, and no percentages.
    """
    value = float(value)
    forms = {repr(value), f"{value:.8g}"} | {f"{value:{alt}.{k}g}" for k in range(digits, 9) for alt in ("", "#")}
    forms |= {f"{value:.{k - 1}e}" for k in range(digits, 7)}
    if digits <= 2:
        forms |= {str(round(value, 8)), str(round(value, 4))} | {f"{value:.{k}f}" for k in range(2, 9)}
        forms |= {f"{100 * value:g} %", f"{100 * value:g}%", f"{100 * value:.1f} %", f"{100 * value:.1f}%",
                  f"{100 * value:.0f} %"}
    forms = {form.lstrip("-") for form in forms} | forms
    forms = {form for form in forms if not form.endswith(".")}   # "17." is the "17" of a sentence's end

    def bare(form):   # a whole number, as a non-integer value's short form
        return form.lstrip("-").isdigit() and (digits > 2 or abs(float(form)) < 10)

    forms = {form for form in forms if not bare(form)}
    if value.is_integer() and abs(value) >= 10:   # a whole answer, such as 17 or 36 samples
        forms |= {f"{value:.0f}", f"{value:.1f}"}
    return forms


def key_answer(table, exercise_id):
    """The key's right answer as an array: a function exercise's at its points, an observed one as observed."""
    exercise = tutor._key(exercise_id)
    return tutor._evaluate(exercise.answer, exercise, table.context_of(exercise_id))


def _numbers(value):
    """The numbers in a value, an array or a list of arrays of different shapes (05.2's weights), in order."""
    if isinstance(value, (list, tuple)) and any(np.ndim(part) > 0 for part in value):
        return [number for part in value for number in _numbers(part)]
    return list(np.ravel(np.asarray(value, dtype=float)))


def expected_values(table, exercise_id):
    """Every number a text must not show: the key's answer and the instructors' solution, if that is numbers.

    A function's values at its points that are whole numbers the exercise itself names are left out: the counts
    13 and 10 in 13.1's confusion matrices are no secret, they are in "13.1" and "a 10 × 10 array".
    """
    exercise = tutor._key(exercise_id)
    named = set(re.findall(r"\d+", " ".join((exercise_id, exercise.asks, exercise.form))))
    values = [v for v in key_answer(table, exercise_id).ravel()
              if not (exercise.wants_function and float(v).is_integer() and f"{abs(v):.0f}" in named)]
    sol = solution(exercise_id, **table.context_of(exercise_id))
    if not callable(sol) and not isinstance(sol, str):
        values += _numbers(sol)
    return values


def assert_gives_nothing_away(table, exercise_id, text):
    """No expected value in any format, no matrix answer's shape, no solution text, nothing the table forbids."""
    exercise = tutor._key(exercise_id)
    digits = 4 if exercise.wants_function else 2
    for value in expected_values(table, exercise_id):
        for form in number_forms(value, digits):
            assert form not in text, (exercise_id, form, text)
    right = key_answer(table, exercise_id)
    if right.ndim == 2:   # an answer that is a matrix: its shape would give it away too
        rows, columns = right.shape
        assert not re.search(rf"\({rows}, ?{columns}\)|{rows} ?[×x] ?{columns}", text), ("a shape", text)
    sol = solution(exercise_id, **table.context_of(exercise_id))
    if isinstance(sol, str):
        assert sol not in text, (exercise_id, "the solution", text)
    for pattern in table.forbidden.get(exercise_id, ()):
        assert not re.search(pattern, text), (exercise_id, pattern, text)
