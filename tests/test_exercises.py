"""The exercise machinery (nnlib/exercises/tutor.py and misconceptions.py): verdicts, hints, solutions, errors.

The answer keys of the notebooks are tested one exercise at a time in test_exercises_tables.py, on the tables of
wrong answers in test_exercises_keys.py (notebooks 00-04), test_exercises_nb05_08.py, ... .
"""

import numpy as np
import pytest
from exercise_checks import verdict

from nnlib.activations import sigmoid
from nnlib.exercises import NOT_ATTEMPTED, Exercise, NotYet, check, hint, solution, tutor
from nnlib.exercises import misconceptions as m


def judge(exercise, answer, **context):
    """The verdict of an ad-hoc key (not filed under an id)."""
    return tutor._verdict("99.1", exercise, answer, context)


@pytest.fixture(autouse=True)
def fresh_hints(monkeypatch):
    monkeypatch.setattr(tutor, "_hints_given", {})


def test_not_attempted_in_every_form(capsys):
    def stub(z):
        ...

    def raises(z):
        raise NotImplementedError

    assert verdict(capsys, "00.2", ...) == NOT_ATTEMPTED
    assert verdict(capsys, "00.2", None) == NOT_ATTEMPTED
    assert verdict(capsys, "03.2", (1, ..., -2, 0)) == NOT_ATTEMPTED     # a tuple with a ... left in it
    assert verdict(capsys, "01.2", stub) == NOT_ATTEMPTED
    assert verdict(capsys, "01.2", raises) == NOT_ATTEMPTED


def test_a_verdict_is_one_of_three_kinds(capsys):
    assert verdict(capsys, "00.2", 17).startswith("correct: ")
    assert verdict(capsys, "00.2", 1000).startswith("not yet: ")
    assert verdict(capsys, "00.2", ...).startswith("not attempted yet: ")


def test_correct_means_within_about_1e_minus_6_and_there_is_no_close(capsys):
    right = solution("01.1")
    assert verdict(capsys, "01.1", right * (1 + 5e-7)).startswith("correct")
    for off in (1e-5, 1e-3, 0.05):                  # the old checks said "close" within 10 %
        out = verdict(capsys, "01.1", right * (1 + off))
        assert out.startswith("not yet") and "close" not in out


def test_answers_of_the_wrong_kind_are_explained(capsys):
    assert "asks for a function" in verdict(capsys, "01.2", 0.25)
    assert "not a function" in verdict(capsys, "01.1", np.tanh)
    assert "not a str" in verdict(capsys, "01.1", "0.46")
    assert "raised ZeroDivisionError" in verdict(capsys, "01.2", lambda a: 1 / 0)
    out = verdict(capsys, "04.2", [1.0, 2.0, 3.0], dZ=np.ones((4, 2)), X=np.ones((4, 2)))
    assert out.startswith("not yet: your answer does not have the shape of dW")
    assert "(3,)" not in out and "(2, 2)" not in out   # neither the student's shape nor the right one


def test_a_function_is_judged_at_the_keys_points_and_told_where_it_differs(capsys):
    out = verdict(capsys, "03.1", lambda x1: (3 * x1 + 1) / 2 + (x1 == 1.0))
    assert out == 'not yet: your function differs from the decision line at 1 of 9 test points, the first at 1. ' \
                  'hint("03.1") gives a nudge.'


def test_a_rounded_number_is_not_correct_and_is_told_so(capsys):
    right = solution("01.1")
    for typed in (round(right, 2), round(right, 4), np.floor(right * 1e5) / 1e5):
        assert verdict(capsys, "01.1", typed) == "not yet: your answer looks rounded; give it unrounded " \
                                                 "(let Python compute it, do not retype it)."
    assert "rounded" not in verdict(capsys, "01.1", 1.0)   # a whole number is not a rounded 0.46
    assert "rounded" not in verdict(capsys, "01.1", 0.5)   # nor is one digit: a guess, not a rounding
    assert "rounded" not in verdict(capsys, "01.1", round(right, 2) + 0.01)   # off by a digit: wrong, not rounded


def test_rounding_is_recognised_in_scientific_notation_and_across_an_array(capsys):
    tiny = solution("10.3")   # a few millionths: rounded to 2 significant digits it has 7 decimals
    assert "looks rounded" in verdict(capsys, "10.3", float(f"{tiny:.2g}"))
    assert "looks rounded" not in verdict(capsys, "10.3", 2 * float(f"{tiny:.2g}"))
    # np.round(a, 2) writes 1.0012 as 1.0: an entry with fewer decimals is rounded to the array's precision
    right = np.array([1.0012, 0.2534, -0.0031])
    assert tutor._looks_rounded(np.round(right, 2), right)            # [1.0, 0.25, -0.0]
    assert tutor._looks_rounded(np.array([1.001, 0.253, -0.003]), right)  # cut off at 3 decimals
    assert not tutor._looks_rounded(np.array([1.0, 0.26, 0.0]), right)  # one entry off by a digit
    assert not tutor._looks_rounded(np.array([1.0, 0.3, 0.0]), right)   # no entry shows two digits


def test_warnings_inside_a_students_function_are_not_shown(capsys):
    # pytest runs with -W error: an overflow warning from the student's exp would fail this test
    def textbook(z, y):
        p = 1 / (1 + np.exp(-z))
        return -(y * np.log(p) + (1 - y) * np.log(1 - p))

    out = verdict(capsys, "01.3", textbook)
    assert out.startswith("not yet: your answer has inf or nan")


def test_unknown_or_malformed_ids_raise_a_clear_error():
    with pytest.raises(ValueError, match=r"'04\.9' does not exist; notebook 04 has \"04\.1\", \"04\.2\", \"04\.3\""):
        check("04.9", 1.0)
    with pytest.raises(ValueError, match="must be a string like \"04.2\""):
        check("4.2", 1.0)
    with pytest.raises(ValueError, match="must be a string like"):
        hint(4.2)
    with pytest.raises(ValueError, match="notebook 99 has no exercises"):
        solution("99.1")


def test_the_context_is_checked_by_name():
    with pytest.raises(TypeError, match=r'needs the data of the exercise; missing \[\'dZ\', \'X\'\]'):
        check("04.2", np.zeros((2, 2)))
    with pytest.raises(TypeError, match="takes no keyword argument 'X'"):
        check("00.2", 17, X=np.ones((4, 2)))


def test_hints_come_in_stages_and_the_last_one_repeats(capsys):
    stages = tutor._key("04.1").hints
    assert len(stages) >= 2
    for k in range(len(stages)):
        hint("04.1")
        out = capsys.readouterr().out.strip()
        assert out.startswith(f"hint {k + 1} of {len(stages)}") and out.endswith(stages[k])
    hint("04.1")
    assert capsys.readouterr().out.strip().startswith(f"hint {len(stages)} of {len(stages)} (the last one)")
    hint("00.1")  # each exercise has its own stage
    assert capsys.readouterr().out.startswith("hint 1 of")


def test_solution_returns_the_instructors_answer(capsys):
    assert solution("00.2") == 17
    assert solution("03.2") == (-1.0, -1.0, 2.0, 0.5)         # the weights, not the outputs they produce
    assert callable(solution("01.2"))
    dZ, X = np.arange(8.0).reshape(4, 2), np.ones((4, 3))
    assert np.array_equal(solution("04.2", dZ=dZ.T, X=X.T), dZ.T @ X)   # samples as columns


# -- the shared misconception detectors, each on an ad-hoc key ------------------------------------------

A = np.array([[1.0, 2.0, 3.0], [4.0, 5.0, 6.5]])


@pytest.mark.parametrize(("detector", "answer", "name"), [
    (m.transposed(), A.T, "transposed"),
    (m.missing_factor_2(), A / 2, "missing factor 2"),
    (m.extra_factor_2(), 2 * A, "extra factor 2"),
    (m.sign_flip(), -A, "sign flip"),
    (m.mean_instead_of_sum(4), A / 4, "mean instead of sum"),
    (m.sum_instead_of_mean(lambda n: n), 3 * A, "sum instead of mean"),
    (m.off_by_one(), A + 1, "off by one"),
    (m.off_by_one(), A - 1, "off by one"),
    (m.labels_swapped(), -A, "labels and predictions swapped"),
])
def test_each_shared_detector_names_its_mistake(detector, answer, name):
    exercise = Exercise(asks="the matrix", answer=A, misconceptions=(detector,), needs=("n",))
    assert detector.name == name
    assert judge(exercise, answer, n=3) == f"not yet: {detector.message}."
    assert judge(exercise, A, n=3).startswith("correct")
    assert judge(exercise, A + 0.25, n=3).startswith("not yet: that is not the matrix")


def test_detectors_take_the_exercises_reason():
    assert m.missing_factor_2("the square brings down a 2").message == \
        "a factor 2 seems to be missing: the square brings down a 2"


def test_derivative_of_the_output_and_not_finite_detectors_on_functions():
    slope = Exercise(asks="σ'", answer=lambda a: a * (1 - a), points=np.linspace(0.1, 0.9, 9),
                     misconceptions=(m.derivative_of_output(lambda a: sigmoid(a) * (1 - sigmoid(a))),))
    assert "σ'(σ(z)) instead of σ'(z)" in judge(slope, lambda a: sigmoid(a) * (1 - sigmoid(a)))
    log = Exercise(asks="log σ", answer=lambda z: -np.logaddexp(0, -z), points=[-800.0, 0.0],
                   misconceptions=(m.not_finite_where_right_is(),))
    assert judge(log, lambda z: np.where(z < -100, -np.inf, -np.logaddexp(0, -z))).startswith(
        "not yet: your answer has inf or nan")


def test_a_key_can_say_what_is_wrong_with_the_form_of_an_answer():
    def observe(answer):
        if len(answer) != 2:
            raise NotYet("give two numbers")
        return np.sum(answer)

    pair = Exercise(asks="the pair", answer=3.0, observe=observe)
    assert judge(pair, (1, 2, 3)) == "not yet: give two numbers."
    assert judge(pair, (1, 2)).startswith("correct")


def test_functions_of_several_arrays_are_called_once_per_case():
    calls = []

    def count_ones(a, b):
        calls.append((a.copy(), b.copy()))
        return int(a.sum() + b.sum())

    exercise = Exercise(asks="the count", answer=count_ones, cases=[([1, 0], [1, 1]), ([0], [0])])
    assert judge(exercise, count_ones).startswith("correct")
    # a mask instead of its count, for inputs of different lengths: said so, not a numpy error about sequences
    assert judge(exercise, lambda a, b: a + b) == "not yet: your function's results have different shapes for " \
        "different inputs ((2,) and (1,)); this exercise asks for a number."
    assert all(isinstance(a, np.ndarray) for a, _ in calls)   # the student's function gets numpy arrays
