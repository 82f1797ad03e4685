"""Answer keys of notebook 13 · Handwritten digits."""

import numpy as np

from ..diagnostics.metrics import confusion_matrix
from . import misconceptions as m
from .tutor import Exercise

# Exercise 13.1: the student's my_confusion(labels, predicted) is tried on these pairs of class numbers. No case
# holds a 9, neither as a label nor as a prediction (a test set may lack a class), so a matrix sized by the
# largest label is too small; every other class occurs among the labels, and the matrices are far from
# symmetric, so the transpose, row fractions and the other mistakes below all give different answers.
_rng = np.random.default_rng(13)
SEEN = 9   # the classes 0 … 8 occur; class 9 never does


def _case(n, right):
    labels = np.concatenate([np.arange(SEEN), _rng.integers(0, SEEN, n - SEEN)])
    predicted = np.where(_rng.uniform(size=n) < right, labels, (labels + _rng.integers(1, 4, n)) % SEEN)
    return labels.tolist(), predicted.tolist()


CASES = [_case(40, 0.5), _case(120, 0.8), _case(300, 0.9),
         (list(range(SEEN)) * 2, [(i + 1) % SEEN for i in range(SEEN)] + list(range(SEEN)))]


def confusion(labels, predicted):
    return confusion_matrix(labels, predicted, 10)


def row_fractions(labels, predicted):
    counts = confusion(labels, predicted)
    with np.errstate(invalid="ignore"):   # the row of the class that never occurs is 0/0
        return counts / counts.sum(axis=1, keepdims=True)


def sized_by_largest_label(labels, predicted):
    return confusion_matrix(labels, predicted, int(max(max(labels), max(predicted))) + 1)


def without_diagonal(labels, predicted):
    counts = confusion(labels, predicted)
    return counts - np.diag(np.diag(counts))


# Exercises 13.2 and 13.3 compute their answers from the notebook's own arrays, passed to check as context.
def fraction_right(C):  # noqa: N803 (the notebook's name)
    C = np.asarray(C, dtype=float)
    return np.diag(C) / C.sum(axis=1)   # row i: the test digits whose true class is i


UNIT = 0   # exercise 13.3 asks for hidden unit 1: row 0 of W, since Python counts from 0


def pre_activation(W, b, x):  # noqa: N803
    return float(np.sum(W[UNIT].reshape(8, 8) * x.reshape(8, 8)) + b[UNIT])


EXERCISES = {
    "13.1": Exercise(
        asks="the confusion matrix",
        form="a function of (labels, predicted) that returns a 10 × 10 array of counts",
        answer=confusion,
        cases=CASES,
        misconceptions=(
            m.labels_swapped(lambda labels, predicted: confusion(predicted, labels),
                             why="that is the transpose of the right matrix; row i is the true class i, column j "
                                 "the prediction j"),
            m.mean_instead_of_sum(answer=lambda labels, predicted: confusion(labels, predicted) / len(labels),
                                  why="count the samples in each cell; do not divide by how many there are"),
            m.looks_like("row fractions", "those are fractions of each row; the confusion matrix counts samples",
                         row_fractions),
            m.looks_like("sized by the largest label", "your matrix is sized by the largest class number that "
                         "occurs; a test set may lack a class (here the last one), and the matrix still has a row "
                         "and a column for every class the network knows", sized_by_largest_label),
            m.looks_like("no diagonal", "the diagonal is empty, but the samples predicted right are counted there, "
                         "in the cell of their own class", without_diagonal),
        ),
        hints=("Start from np.zeros((10, 10), dtype=int) and add 1 to one cell for every sample.",
               "For each pair (t, p) in zip(labels, predicted): the cell is row t (the truth), column p (the "
               "prediction)."),
    ),
    "13.2": Exercise(
        asks="each digit's fraction of right answers",
        form="an array of 10 fractions",
        answer=fraction_right,
        needs=("C",),
        misconceptions=(
            m.labels_swapped(lambda C: np.diag(C) / np.asarray(C, dtype=float).sum(axis=0),
                             why="dividing by the column sums asks, for each answer the network gave, how often it "
                                 "was right; the question is about each true digit, a row of C"),
            m.looks_like("share of all", "that divides by all test digits at once; divide each digit's right answers "
                         "by the number of test images of that digit",
                         lambda C: np.diag(C) / np.asarray(C, dtype=float).sum()),
            m.looks_like("error rate", "those are the fractions each digit gets wrong; the question asks for the "
                         "fractions it gets right", lambda C: 1 - fraction_right(C)),
            m.looks_like("percent", "give fractions between 0 and 1, not percent", lambda C: 100 * fraction_right(C)),
            m.looks_like("counts", "those are counts of right answers; divide each by how many test images of that "
                         "digit there are", lambda C: np.diag(C)),
        ),
        hints=("The right answers are on the diagonal of C; how many test images does each digit have?",
               "Row i of C holds every test image of digit i: the fraction right is its diagonal entry over "
               "that row's total."),
    ),
    "13.3": Exercise(
        asks="hidden unit 1's z for the first test digit",
        answer=pre_activation,
        needs=("W", "b", "x"),
        misconceptions=(
            m.looks_like("no bias", "the bias is missing: z = Σ w·x + b", lambda W, b, x: float(W[UNIT] @ x)),
            m.looks_like("activated", "that is the unit's output tanh(z); the question asks for z, before the "
                         "activation", lambda W, b, x: float(np.tanh(pre_activation(W, b, x)))),
            m.mean_instead_of_sum(answer=lambda W, b, x: float(np.mean(W[UNIT] * x) + b[UNIT]),
                                  why="z adds up all 64 products, it does not average them"),
            m.looks_like("an image transposed", "one of the two images is transposed: the weight of row r, column c "
                         "must meet the pixel of row r, column c",
                         lambda W, b, x: float(np.sum(W[UNIT].reshape(8, 8) * x.reshape(8, 8).T) + b[UNIT])),
            m.looks_like("the next unit", "that is unit 2: unit 1 is row 0 of W1 (and entry 0 of b1), since Python "
                         "counts from 0", lambda W, b, x: float(W[UNIT + 1] @ x + b[UNIT + 1])),
            m.looks_like("raw pixels", "that uses the raw pixels from 0 to 16; the network sees them divided by 16",
                         lambda W, b, x: float(W[UNIT] @ (16 * x) + b[UNIT])),
        ),
        hints=("W1[0] holds unit 1's 64 weights; .reshape(8, 8) turns it into the image of the figure, and the "
               "digit too.",
               "Multiply the two 8 × 8 images entry by entry (numpy's * does that for arrays of the same shape), "
               "add up all 64 products, then add the bias of the same unit: z = Σ w·x + b."),
    ),
}
