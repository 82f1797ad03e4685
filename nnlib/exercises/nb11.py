"""Answer keys of notebook 11 · Softmax: one answer out of many classes."""

import numpy as np

from ..activations import sigmoid, softmax
from ..data import one_hot
from . import misconceptions as m
from . import track11
from .tutor import Exercise


def _row_softmax(logits):
    return softmax(np.asarray(logits, dtype=float)[None, :])[0]

# Exercise 11.2: soft targets (label smoothing), SURE for the sample's class and the rest shared by the others,
# so that the one-hot p − y of 11.5 (or of a function left in scope) is not the answer; the labels leave out the
# last class, so targets sized by the largest label do not fit.
SURE = 0.97


def soft_targets(labels, k):
    """SURE for each sample's class, the remaining 1 − SURE shared equally by the other k − 1 classes."""
    rest = (1 - SURE) / (k - 1)
    return rest + (SURE - rest) * one_hot(labels, k)


def mean_cce_gradient(Z, labels, targets=soft_targets):  # noqa: N803 (the notebook's names)
    """∂L/∂Z of the mean categorical cross-entropy with the soft targets: (softmax(Z) − T) / n."""
    Z = np.asarray(Z, dtype=float)
    return (softmax(Z) - targets(labels, Z.shape[1])) / len(Z)

def log_softmax(Z):  # noqa: N803
    """log softmax(Z), row by row, from the logits: Z − m − log Σ e^(Z − m) with m each row's largest logit."""
    shifted = Z - Z.max(axis=1, keepdims=True)
    return shifted - np.log(np.exp(shifted).sum(axis=1, keepdims=True))

# Exercise 11.3: the rows the student's log_softmax is tried on; the first three overflow the naive formula.
ROWS = np.array([[1000.0, -1000.0, 0.0],
                 [-1000.0, -1000.0, -999.0],
                 [800.0, 790.0, 810.0],
                 [1.0, 2.0, 3.0],
                 [0.5, 0.5, 0.5],
                 [-2.0, 0.0, 4.0]])

EXERCISES = {
    "11.1": Exercise(
        asks="the softmax of the logits",
        form="four probabilities",
        answer=lambda logits: _row_softmax(logits),
        needs=("logits",),
        misconceptions=(
            m.looks_like("not normalised", "these are the e^z; they still have to be divided by their sum",
                         lambda logits: np.exp(logits)),
            m.looks_like("shifted, not normalised", "subtracting the largest logit is the right start, but "
                         "e^(z − max) still has to be divided by its sum",
                         lambda logits: np.exp(np.asarray(logits) - np.max(logits))),
            m.looks_like("divided the logits", "softmax divides e^z by the sum of the e^z, not z by the sum of "
                         "the z (which can be negative)", lambda logits: np.asarray(logits) / np.sum(logits)),
            m.looks_like("sigmoid", "σ(z) entry by entry answers separate yes/no questions, and its entries do not "
                         "sum to 1", lambda logits: sigmoid(np.asarray(logits, dtype=float))),
            m.looks_like("exponent's sign", "the sign in the exponent looks flipped: e^(−z) favours the smallest "
                         "logit", lambda logits: _row_softmax(-np.asarray(logits, dtype=float))),
            m.looks_like("log-softmax", "that is log p; the probabilities are e to the power of it",
                         lambda logits: np.log(_row_softmax(logits))),
        ),
        hints=("Make every logit positive with np.exp, then make the four numbers sum to 1.",
               "p_k = e^(z_k) / Σ_j e^(z_j)."),
    ),
    "11.2": Exercise(
        asks="∂L/∂Z of the mean loss with these targets",
        form="an array shaped like Z_ex",
        answer=mean_cce_gradient,
        needs=("Z", "labels"),
        misconceptions=(
            m.looks_like("one-hot targets", "those are the gradients for one-hot targets; here the target rows are "
                         "the soft ones the exercise describes, and y in p − y is such a row",
                         lambda Z, labels: mean_cce_gradient(Z, labels, lambda y, k: one_hot(y, k))),
            m.labels_swapped(why="the gradient is p − y, the probabilities minus the targets"),
            m.sum_instead_of_mean(lambda Z, labels: len(Z), why="the loss is the mean over the samples, so each "
                                                              "row of its gradient carries 1/n"),
            m.transposed("one row per sample, one column per class, like Z"),
            m.looks_like("mean over every entry", "that divides by the number of entries, samples times classes; "
                         "the loss is a mean over the samples only, and each sample's loss already sums over its "
                         "classes", lambda Z, labels: mean_cce_gradient(Z, labels) / np.shape(Z)[1]),
            m.looks_like("∂L/∂p", "that is ∂L/∂p = −y/p/n, the gradient with respect to the probabilities; the "
                         "softmax's Jacobian turns it into the gradient with respect to the logits",
                         lambda Z, labels: -soft_targets(labels, np.shape(Z)[1]) / softmax(np.asarray(Z, float))
                         / len(Z)),
            m.looks_like("no targets", "the targets are missing: ∂L/∂z = p − y, with y the target rows",
                         lambda Z, labels: softmax(np.asarray(Z, dtype=float)) / len(Z)),
            m.looks_like("softmax down the columns", "the softmax runs along each row (one sample's classes, "
                         "axis=1), not down the columns",
                         lambda Z, labels: (softmax(np.asarray(Z, dtype=float).T).T
                                            - soft_targets(labels, np.shape(Z)[1])) / len(Z)),
            m.looks_like("sigmoids", "the probabilities come from one softmax per row, not from a sigmoid per logit",
                         lambda Z, labels: (sigmoid(np.asarray(Z, dtype=float))
                                            - soft_targets(labels, np.shape(Z)[1])) / len(Z)),
        ),
        hints=("Build the target rows first, as the exercise describes them, with as many columns as Z has (one per "
               "class, whether or not a label names it). Then the probabilities, and the formula of section 2.",
               "∂L/∂Z = (softmax(Z) − T) / n, with T the target rows and n the number of samples; p − y holds for "
               "any target rows that sum to 1."),
    ),
    "11.3": Exercise(
        asks="log_softmax",
        form="a function of an array of logits, one row per sample",
        answer=log_softmax,
        points=ROWS,
        misconceptions=(
            m.not_finite_where_right_is("e^1000 overflows, and a probability that underflows to 0 has the log −inf; "
                                        "work with z − m (m: each row's largest logit) and never take the log "
                                        "of a probability"),
            m.looks_like("max left out", "your result is off by each row's largest logit m: log p = (z − m) − "
                         "log Σ e^(z − m); the shift must be in both terms",
                         lambda Z: Z - np.log(np.exp(Z - Z.max(axis=1, keepdims=True)).sum(axis=1, keepdims=True))),
            m.looks_like("whole array", "the maximum and the sum must be taken in each row (axis=1, keepdims=True), "
                         "not over the whole array",
                         lambda Z: (Z - Z.max()) - np.log(np.exp(Z - Z.max()).sum())),
            m.looks_like("softmax", "that is p itself; the exercise asks for log p",
                         lambda Z: np.exp(log_softmax(Z))),
            m.sign_flip("log p is ≤ 0: it is (z − m) minus the log-sum-exp"),
        ),
        hints=("Subtracting the same number from a row of logits does not change its softmax: use each row's "
               "largest logit.",
               "log p_k = (z_k − m) − log Σ_j e^(z_j − m), with m the row's largest logit: take the maximum and the "
               "sum along each row, keeping one column per row so that the subtraction broadcasts."),
    ),
    # The build track: the student writes a stable softmax and the gradient of the mean loss (track11.py).
    "11.4": track11.SOFTMAX,
    "11.5": track11.GRADIENT,
}
