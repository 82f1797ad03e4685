"""Notebook 13's exercises: their wrong answers, right answers in a student's own words, and the keys' numbers.

The table below is held to the rules every notebook's exercises follow in test_exercises_tables.py. The data
are made like the notebook's: a trained 64-32-10 network's confusion matrix and first layer are stood in for by
fixed arrays of the same form.
"""

import numpy as np
from exercise_checks import ExerciseTable

from nnlib.diagnostics.metrics import confusion_matrix
from nnlib.exercises import nb13, solution, tutor

# -- the context the notebook passes ------------------------------------------------------------------

_rng = np.random.default_rng(0)
_labels = np.repeat(np.arange(10), 36)
_predicted = np.where(_rng.uniform(size=len(_labels)) < 0.93, _labels, _rng.integers(0, 10, len(_labels)))
C = confusion_matrix(_labels, _predicted, 10)            # a test set's confusion matrix: 93 % right
W = _rng.normal(scale=0.3, size=(32, 64))                 # a first layer's weights and biases
b = _rng.normal(scale=0.1, size=32)
x = _rng.integers(0, 17, size=64) / 16                    # one scaled digit
CONTEXT = {"13.2": {"C": C}, "13.3": {"W": W, "b": b, "x": x}}


def loop_confusion(labels, predicted):
    return loop_sized(labels, predicted, 10)


def loop_sized(labels, predicted, n):
    counts = np.zeros((n, n), dtype=int)
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
    ("13.1", lambda labels, predicted: confusion_matrix(labels, predicted, max(max(labels), max(predicted)) + 1),
     "sized by the largest label"),
    ("13.1", lambda labels, predicted: loop_confusion(labels, predicted)[:9, :9], "sized by the largest label"),
    ("13.1", lambda labels, predicted: loop_sized(labels, predicted, len(set(labels))), "sized by the largest label"),
    ("13.1", lambda labels, predicted: loop_confusion(labels[:-1], predicted[1:]), None),
    ("13.2", np.diag(C) / C.sum(axis=0), "labels and predictions swapped"),
    ("13.2", np.diag(C) / C.sum(), "share of all"),
    ("13.2", 1 - right_2, "error rate"),
    ("13.2", 100 * right_2, "percent"),
    ("13.2", np.diag(C), "counts"),
    ("13.2", right_2.round(2), "rounded"),
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

TABLE = ExerciseTable(notebooks=(13,), wrong=WRONG, context=CONTEXT)


def test_a_students_right_answers_in_their_own_words_are_correct(capsys):
    assert TABLE.verdict(capsys, "13.1", loop_confusion).startswith("correct: ")
    assert TABLE.verdict(capsys, "13.2", np.diag(C) / C.sum(axis=1)).startswith("correct: ")
    # the same sum, as a dot product
    assert TABLE.verdict(capsys, "13.3", float(W[0] @ x + b[0])).startswith("correct: ")


def test_a_function_left_as_a_stub_is_not_attempted(capsys):
    def my_confusion(labels, predicted):
        ...

    assert TABLE.verdict(capsys, "13.1", my_confusion).startswith("not attempted yet")


def test_key_13_1_cases_tell_the_misconceptions_apart():
    # Every class but the last occurs in every case, and the last one in none (neither as a label nor as a prediction),
    # so a matrix sized by the largest label is too small; no case's matrix is symmetric: the transpose is always a
    # different answer.
    for labels, predicted in nb13.CASES:
        counts = loop_confusion(np.array(labels), np.array(predicted))
        assert (counts.sum(axis=1)[:9] > 0).all() and not np.array_equal(counts, counts.T)
        assert max(max(labels), max(predicted)) == 8 and len(set(labels)) == 9
    answers = [tutor._call(f, tutor._key("13.1")) for f in (
        nb13.confusion, lambda t, p: nb13.confusion(p, t), nb13.row_fractions, nb13.without_diagonal)]
    assert all(not np.array_equal(a, b) for i, a in enumerate(answers) for b in answers[i + 1:])


def test_key_13_3_is_the_first_layers_output_for_unit_1():
    import nnlib

    net = nnlib.mlp([64, 32, 10], hidden="tanh", output="softmax", seed=0)
    net.set_parameters([W, b, *net.get_parameters()[2:]])
    assert np.isclose(net.layers[0].forward(x[None, :])[0, nb13.UNIT], solution("13.3", W=W, b=b, x=x), rtol=1e-12)
