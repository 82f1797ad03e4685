"""The exercises of notebooks 11 and 12: their wrong answers, stubs and answers of the wrong form, and the keys'
own numbers checked against nnlib.

The table below is held to the rules every notebook's exercises follow in test_exercises_tables.py.
"""

import numpy as np
import pytest
from exercise_checks import ExerciseTable

import nnlib
from nnlib.activations import sigmoid, softmax
from nnlib.exercises import nb11, nb12, solution

# The data of each exercise, exactly as the notebooks pass it to check().
LOGITS = np.array([1.0, 2.0, 0.5, -1.0])
Z = np.array([[2.0, -1.0, 0.5, 0.0], [0.0, 0.0, 0.0, 0.0], [-1.0, 3.0, 1.0, -0.5], [0.5, 0.5, -2.0, 1.0],
              [1.5, -0.5, 0.0, -1.0]])
LABELS = np.array([0, 2, 1, 1, 0])   # no sample of the last class
W = np.array([[0.5, -1.0, 2.0], [1.5, 0.0, -0.5]])
DW = np.array([[0.1, 0.2, -0.3], [0.0, -0.1, 0.4]])
RATE = 0.01
VAL_LOSS = [0.90, 0.71, 0.64, 0.66, 0.65, 0.70, 0.61, 0.59, 0.63, 0.64, 0.66, 0.62, 0.58]
PATIENCE = 3
VAL_ACC = [0.81, 0.86, 0.84, 0.79, 0.85]
TEST_ACC = [0.83, 0.82, 0.88, 0.80, 0.84]
CONTEXT = {
    "11.1": {"logits": LOGITS},
    "11.2": {"Z": Z, "labels": LABELS},
    "12.1": {"W": W, "dW": DW, "rate": RATE},
    "12.2": {"val_loss": VAL_LOSS, "patience": PATIENCE},
    "12.3": {"val_accuracy": VAL_ACC, "test_accuracy": TEST_ACC},
}

P, N = softmax(Z), len(Z)
Y = 0.01 + 0.96 * nnlib.one_hot(LABELS, 4)   # the soft targets: 0.97 for the class, 0.01 for each other one
GRAD = (P - Y) / N


def lse(Z):  # noqa: N803
    m = Z.max(axis=1, keepdims=True)
    return m + np.log(np.exp(Z - m).sum(axis=1, keepdims=True))


# (id, wrong answer, the misconception it shows, or None for a plain wrong answer)
WRONG = [
    ("11.1", np.exp(LOGITS), "not normalised"),
    ("11.1", np.exp(LOGITS - LOGITS.max()), "shifted, not normalised"),
    ("11.1", LOGITS / LOGITS.sum(), "divided the logits"),
    ("11.1", sigmoid(LOGITS), "sigmoid"),
    ("11.1", np.exp(-LOGITS) / np.exp(-LOGITS).sum(), "exponent's sign"),
    ("11.1", LOGITS - np.log(np.exp(LOGITS).sum()), "log-softmax"),
    ("11.1", [0.25, 0.25, 0.25, 0.25], None),
    ("11.2", (Y - P) / N, "labels and predictions swapped"),
    ("11.2", P - Y, "sum instead of mean"),
    ("11.2", GRAD.T, "transposed"),
    ("11.2", -Y / P / N, "∂L/∂p"),
    ("11.2", P / N, "no targets"),
    ("11.2", (softmax(Z.T).T - Y) / N, "softmax down the columns"),
    ("11.2", (sigmoid(Z) - Y) / N, "sigmoids"),
    ("11.2", GRAD / 4, "mean over every entry"),
    ("11.2", (P - nnlib.one_hot(LABELS, 4)) / N, "one-hot targets"),
    ("11.2", (P - 0.97 * nnlib.one_hot(LABELS, 4)) / N, None),   # the 0.01s left out
    ("11.2", np.zeros((5, 4)), None),
    ("11.3", lambda Z: np.log(np.exp(Z) / np.exp(Z).sum(axis=1, keepdims=True)), "not finite"),
    ("11.3", lambda Z: np.log(softmax(Z)), "not finite"),    # a stable softmax, then the log of an underflowed p
    ("11.3", lambda Z: Z - np.log(np.exp(Z - Z.max(axis=1, keepdims=True)).sum(axis=1, keepdims=True)),
     "max left out"),
    ("11.3", lambda Z: Z - Z.max() - np.log(np.exp(Z - Z.max()).sum()), "whole array"),
    ("11.3", lambda Z: np.exp(Z - lse(Z)), "softmax"),
    ("11.3", lambda Z: lse(Z) - Z, "sign flip"),
    ("11.3", lambda Z: Z, None),
    ("12.1", DW, "penalty left out"),
    ("12.1", DW + 2 * RATE * W, "the ½ forgotten"),
    ("12.1", DW + RATE * W / 2, "half the decay"),
    ("12.1", RATE * W, "penalty only"),
    ("12.1", DW - RATE * W, "decay subtracted"),
    ("12.1", DW + RATE * np.sign(W), "L1"),
    ("12.1", (DW + RATE * W).T, "transposed"),
    ("12.1", DW + RATE, "the same decay for every weight"),
    ("12.1", np.round(DW + RATE * W, 2), "rounded"),
    ("12.1", DW * (1 - RATE), None),
    ("12.2", (2, 5), "counted from 0"),
    ("12.2", (13, 13), "whole run"),
    ("12.2", (6, 3), "swapped"),
    ("12.2", (6, 6), "last weights kept"),
    ("12.2", (3, 5), "patience one short"),
    ("12.2", (3, 7), "patience one long"),
    ("12.2", (8, 11), None),
    ("12.3", 0.88, "chosen on the test set"),
    ("12.3", 0.86, "validation score"),
    ("12.3", float(np.mean(TEST_ACC)), "mean"),
    ("12.3", 0.80, "lowest"),
    ("12.3", 82, "percent"),
    ("12.3", 0.84, None),
]

# 12.2's answer is two epochs: neither may be named, as a pair or one by one.
FORBIDDEN = {"12.2": [rf"\b{int(epoch)}\b" for epoch in solution("12.2", **CONTEXT["12.2"])]}

TABLE = ExerciseTable(notebooks=(11, 12), wrong=WRONG, context=CONTEXT, forbidden=FORBIDDEN)


def test_a_function_whose_body_is_still_dots_is_not_attempted(capsys):
    def log_softmax(Z):  # noqa: N803
        ...

    assert TABLE.verdict(capsys, "11.3", log_softmax).startswith("not attempted yet")


def test_the_form_of_an_early_stopping_answer_is_explained(capsys):
    assert TABLE.verdict(capsys, "12.2", 3).startswith("not yet: give two numbers")
    assert TABLE.verdict(capsys, "12.2", (3.5, 6)).startswith("not yet: epochs are whole numbers")


# -- the keys' numbers --------------------------------------------------------------------------------

def test_key_11_2_is_nnlibs_fused_gradient_with_soft_targets_and_not_the_one_hot_one():
    _, fused = nnlib.losses.cce_from_logits(Z, Y)
    assert np.allclose(solution("11.2", **CONTEXT["11.2"]), fused, rtol=0, atol=1e-15)
    _, one_hot = nnlib.losses.cce_from_logits(Z, nnlib.one_hot(LABELS, 4))
    assert not np.allclose(solution("11.2", **CONTEXT["11.2"]), one_hot, rtol=1e-3)
    with pytest.raises(ValueError):   # targets sized by the largest label do not fit the logits
        _ = softmax(Z) - nnlib.one_hot(LABELS, int(LABELS.max()) + 1)


def test_key_11_3_is_the_log_of_nnlibs_softmax_and_finite_where_the_naive_formula_is_not():
    rows = nb11.ROWS
    answer = nb11.log_softmax(rows)
    ordinary = np.abs(rows).max(axis=1) < 100
    assert np.allclose(answer[ordinary], np.log(softmax(rows[ordinary])), rtol=0, atol=1e-12)
    assert np.all(np.isfinite(answer))
    assert answer[0].tolist() == [0.0, -2000.0, -1000.0]
    with np.errstate(all="ignore"):
        naive = np.log(np.exp(rows) / np.exp(rows).sum(axis=1, keepdims=True))
    assert not np.all(np.isfinite(naive[~ordinary]).all(axis=1))


def test_key_12_1_is_nnlibs_gradient_with_l2():
    net = nnlib.mlp([3, 2], output="identity", seed=0)
    X, y = np.random.default_rng(0).normal(size=(5, 3)), np.random.default_rng(1).normal(size=(5, 2))
    net.compute_gradients(X, y, "mse")
    data_gradient = net.gradients()[0].copy()
    net.compute_gradients(X, y, "mse", l2=RATE)
    assert np.allclose(net.gradients()[0], nb12.total_gradient(net.parameters()[0], data_gradient, RATE),
                       rtol=0, atol=1e-15)


def test_key_12_2_follows_the_rule_of_fit_and_of_plot_sweeps():
    pc = pytest.importorskip("nnlib.plot")
    stop, best = pc.stopping_epochs(VAL_LOSS, PATIENCE)
    assert solution("12.2", **CONTEXT["12.2"]).tolist() == [best, stop] == [3, 6]
    # the overall lowest loss comes later, so "the whole run" is a different answer
    assert int(np.argmin(VAL_LOSS)) + 1 > stop


def test_key_12_3_reports_the_test_score_of_the_validation_choice():
    assert solution("12.3", **CONTEXT["12.3"]) == 0.82
    assert max(TEST_ACC) != 0.82 and len(set(TEST_ACC)) == len(TEST_ACC)
