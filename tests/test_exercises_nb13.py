"""Notebook 13's exercises, answered wrongly on purpose (every named misconception among them) and rightly.

Each wrong answer must get "not yet", name its misconception where it is one, and show no expected value;
the instructors' solution must get "correct". The data are made like the notebook's: a trained 64-32-10
network's confusion matrix and first layer are stood in for by fixed arrays of the same form.
"""

import numpy as np
import pytest

from nnlib.exercises import check, hint, nb13, solution, tutor
from nnlib.metrics import confusion_matrix

# -- the context the notebook passes ------------------------------------------------------------------

_rng = np.random.default_rng(0)
_labels = np.repeat(np.arange(10), 36)
_predicted = np.where(_rng.uniform(size=len(_labels)) < 0.93, _labels, _rng.integers(0, 10, len(_labels)))
C = confusion_matrix(_labels, _predicted, 10)            # a test set's confusion matrix: 93 % right
W = _rng.normal(scale=0.3, size=(32, 64))                 # a first layer's weights and biases
b = _rng.normal(scale=0.1, size=32)
x = _rng.integers(0, 17, size=64) / 16                    # one scaled digit
CONTEXT = {"13.2": {"C": C}, "13.3": {"W": W, "b": b, "x": x}}

IDS = ["13.1", "13.2", "13.3"]


def loop_confusion(labels, predicted):
    counts = np.zeros((10, 10), dtype=int)
    for t, p in zip(labels, predicted):
        counts[t, p] += 1
    return counts


right_2 = np.diag(C) / C.sum(axis=1)
z = np.sum(W[0].reshape(8, 8) * x.reshape(8, 8)) + b[0]

# (id, wrong answer, the misconception it shows, or None for a plain wrong answer)
WRONG = [
    ("13.1", lambda labels, predicted: loop_confusion(predicted, labels), "labels and predictions swapped"),
    ("13.1", lambda labels, predicted: loop_confusion(labels, predicted).T, "labels and predictions swapped"),
    ("13.1", lambda labels, predicted: loop_confusion(labels, predicted) / len(labels), "mean instead of sum"),
    ("13.1", lambda labels, predicted: loop_confusion(labels, predicted)
     / loop_confusion(labels, predicted).sum(axis=1, keepdims=True), "row fractions"),
    ("13.1", lambda labels, predicted: loop_confusion(labels, predicted) * (1 - np.eye(10)), "no diagonal"),
    ("13.1", lambda labels, predicted: loop_confusion(labels, predicted) + 1, None),
    ("13.1", lambda labels, predicted: np.zeros((9, 9)), None),
    ("13.1", lambda labels, predicted: loop_confusion(labels[:-1], predicted[1:]), None),
    ("13.2", np.diag(C) / C.sum(axis=0), "labels and predictions swapped"),
    ("13.2", np.diag(C) / C.sum(), "share of all"),
    ("13.2", 1 - right_2, "error rate"),
    ("13.2", 100 * right_2, "percent"),
    ("13.2", np.diag(C), "counts"),
    ("13.2", right_2[::-1], None),
    ("13.2", right_2.mean(), None),
    ("13.3", W[0] @ x, "no bias"),
    ("13.3", np.tanh(z), "activated"),
    ("13.3", np.mean(W[0] * x) + b[0], "mean instead of sum"),
    ("13.3", np.sum(W[0].reshape(8, 8) * x.reshape(8, 8).T) + b[0], "an image transposed"),
    ("13.3", W[1] @ x + b[1], "the next unit"),
    ("13.3", W[0] @ (16 * x) + b[0], "raw pixels"),
    ("13.3", -z, None),
]


def verdict(capsys, exercise_id, answer):
    check(exercise_id, answer, **CONTEXT.get(exercise_id, {}))
    return capsys.readouterr().out.strip()


def number_forms(value):
    """The ways the expected number may appear in a verdict: 0.9722, 0.97, 97.2 %, 9.72e-01, …"""
    value = float(value)
    if value.is_integer():
        return {f"{value:.0f}"} if abs(value) >= 10 else set()   # "2" is in "factor 2", "0" in "row 0"
    forms = {repr(value), str(round(value, 4))} | {f"{value:.{k}f}" for k in range(2, 9)}
    forms |= {f"{value:.{k}g}" for k in range(2, 9)} | {f"{value:.{k}e}" for k in range(1, 6)}
    forms |= {f"{100 * value:.1f} %", f"{100 * value:.0f} %", f"{100 * value:.1f}%"}
    return forms | {form.lstrip("-") for form in forms}


def expected_values(exercise_id):
    exercise = tutor._key(exercise_id)
    values = np.ravel(tutor._evaluate(exercise.answer, exercise, CONTEXT.get(exercise_id, {})))
    # A function exercise's answers are counts of whole samples, shared with every wrong answer's text by chance
    # ("row 0", "10 × 10"): there only the fractions would give something away.
    return [v for v in values if not float(v).is_integer()] if exercise.wants_function else list(values)


def assert_gives_nothing_away(exercise_id, text):
    for value in expected_values(exercise_id):
        for form in number_forms(value):
            assert form not in text, (exercise_id, form, text)


@pytest.mark.parametrize(("exercise_id", "answer", "name"), WRONG,
                         ids=[f"{i}-{n or 'plain'}-{k}" for k, (i, _, n) in enumerate(WRONG)])
def test_a_wrong_answer_gets_not_yet_names_the_mistake_and_gives_nothing_away(capsys, exercise_id, answer, name):
    out = verdict(capsys, exercise_id, answer)
    assert out.startswith("not yet: "), out
    if name is not None:
        [misconception] = [c for c in tutor._key(exercise_id).misconceptions if c.name == name]
        assert misconception.message in out
    else:
        assert 'hint("' in out or "shape" in out or "raised" in out
    assert_gives_nothing_away(exercise_id, out)


@pytest.mark.parametrize("exercise_id", IDS)
def test_every_exercise_has_three_wrong_answers_covering_each_of_its_misconceptions(exercise_id):
    tried = [name for i, _, name in WRONG if i == exercise_id]
    assert len(tried) >= 3 and None in tried
    assert {c.name for c in tutor._key(exercise_id).misconceptions} <= set(tried)


@pytest.mark.parametrize("exercise_id", IDS)
def test_the_solution_is_correct_and_the_hints_never_give_the_number(capsys, exercise_id):
    assert verdict(capsys, exercise_id, solution(exercise_id, **CONTEXT.get(exercise_id, {}))).startswith("correct: ")
    assert verdict(capsys, exercise_id, ...).startswith("not attempted yet")
    exercise = tutor._key(exercise_id)
    assert len(exercise.hints) >= 2
    for text in [*exercise.hints, *(m.message for m in exercise.misconceptions)]:
        assert_gives_nothing_away(exercise_id, text)
    hint(exercise_id)
    assert capsys.readouterr().out.startswith("hint 1 of ")


def test_a_students_right_answers_in_their_own_words_are_correct(capsys):
    assert verdict(capsys, "13.1", loop_confusion).startswith("correct: ")
    assert verdict(capsys, "13.2", np.diag(C) / C.sum(axis=1)).startswith("correct: ")
    assert verdict(capsys, "13.3", float(W[0] @ x + b[0])).startswith("correct: ")   # the same sum, as a dot product


def test_a_function_left_as_a_stub_is_not_attempted(capsys):
    def my_confusion(labels, predicted):
        ...

    assert verdict(capsys, "13.1", my_confusion).startswith("not attempted yet")


def test_key_13_1_cases_tell_the_misconceptions_apart():
    # Every class occurs in every case, and no case's matrix is symmetric: the transpose is always a different answer.
    for labels, predicted in nb13.CASES:
        counts = loop_confusion(np.array(labels), np.array(predicted))
        assert (counts.sum(axis=1) > 0).all() and not np.array_equal(counts, counts.T)
    answers = [tutor._call(f, tutor._key("13.1")) for f in (
        nb13.confusion, lambda t, p: nb13.confusion(p, t), nb13.row_fractions, nb13.without_diagonal)]
    assert all(not np.array_equal(a, b) for i, a in enumerate(answers) for b in answers[i + 1:])


def test_key_13_3_is_the_first_layers_output_for_unit_1():
    import nnlib

    net = nnlib.mlp([64, 32, 10], hidden="tanh", output="softmax", seed=0)
    net.set_parameters([W, b, *net.get_parameters()[2:]])
    assert np.isclose(net.layers[0].forward(x[None, :])[0, nb13.UNIT], solution("13.3", W=W, b=b, x=x), rtol=1e-12)
