"""Answer keys of notebook 02 · A threshold classifier."""

import numpy as np

from ..activations import sigmoid
from ..data import threshold
from . import misconceptions as m
from . import track02
from .tutor import Exercise

# Exercise 02.1: one neuron with w = 1, b = -1 on a batch of four samples; the loss is the mean BCE.
X1, Y1, W1, B1 = np.array([-2.0, -1.0, 1.0, 3.0]), np.array([0.0, 0.0, 1.0, 1.0]), 1.0, -1.0
P1 = sigmoid(W1 * X1 + B1)


def best_accuracy_after_cast(low, high, n=100, cast=lambda X: X.astype(np.int32)):
    """The best accuracy any classifier can reach once the inputs are cast to int (exercise 02.2).

    Every point in (-1, 1) becomes 0, so those points all get one answer: the larger class among them is
    right, the smaller one wrong. Every other integer value holds one class only. (``cast=np.rint`` gives
    what rounding to the nearest integer would leave, the mistake of thinking that the cast rounds.)
    """
    X, y = threshold(n, low=low, high=high)
    on_zero = cast(X)[:, 0] == 0
    return 1 - min(y[on_zero].sum(), (1 - y[on_zero]).sum()) / n


# Exercise 02.3: a function of two 0/1 arrays, tried on these pairs (predicted classes, labels). All of one
# length, so that a function that forgets to count (it returns the boolean array) is recognised.
_rng = np.random.default_rng(2)
CASES = [
    ([1, 1, 0, 0, 1, 0, 1, 1], [0, 1, 0, 1, 0, 0, 1, 0]),
    ([0, 0, 0, 0, 0, 0, 0, 0], [1, 0, 1, 1, 0, 1, 0, 0]),
    ([1, 1, 1, 1, 1, 1, 1, 1], [1, 1, 1, 1, 1, 1, 1, 1]),
    (_rng.integers(0, 2, 8).tolist(), _rng.integers(0, 2, 8).tolist()),
]


def false_positives(predicted, labels):
    return int(np.sum((predicted == 1) & (labels == 0)))


EXERCISES = {
    "02.1": Exercise(
        asks="∂L/∂w of the mean loss",
        answer=np.mean((P1 - Y1) * X1),
        misconceptions=(
            m.sum_instead_of_mean(len(X1), why="the loss is the mean over the four samples, and so is its "
                                               "gradient"),
            m.labels_swapped(why="the error signal is p − y, the prediction minus the label"),
            m.looks_like("∂L/∂b", "that is ∂L/∂b; ∂L/∂w has one more factor, the input x", np.mean(P1 - Y1)),
            m.looks_like("squared error", "that is the squared error's gradient; with cross-entropy the σ' factor "
                         "cancels", np.mean(2 * (P1 - Y1) * P1 * (1 - P1) * X1)),
            m.looks_like("no sigmoid", "p is σ(z), the neuron's output, not z itself",
                         np.mean((W1 * X1 + B1 - Y1) * X1)),
            m.looks_like("no bias", "the bias seems to be missing: p = σ(w·x + b)",
                         np.mean((sigmoid(W1 * X1) - Y1) * X1)),
            m.looks_like("bias sign", "the bias seems to have the wrong sign: z = w·x + b with b as given",
                         np.mean((sigmoid(W1 * X1 - B1) - Y1) * X1)),
        ),
        hints=("Compute p for all four samples at once with numpy arrays, then the per-sample gradients.",
               "∂L/∂w = mean over the samples of (p − y)·x, with p = sigmoid(w·x + b)."),
    ),
    "02.2": Exercise(
        asks="the best accuracy on the cast points",
        form="a fraction between 0 and 1",
        answer=lambda: best_accuracy_after_cast(-3, 3),
        misconceptions=(
            m.looks_like("the range [−5, 5]", "that is the best accuracy for the range [−5, 5]; on [−3, 3] a "
                         "larger share of the points lands on 0", lambda: best_accuracy_after_cast(-5, 5)),
            m.looks_like("error rate", "that is the share of points that must be wrong; the accuracy is the share "
                         "that can be right", lambda: 1 - best_accuracy_after_cast(-3, 3)),
            m.looks_like("percent", "give the accuracy as a fraction between 0 and 1, not in percent",
                         lambda: 100 * best_accuracy_after_cast(-3, 3)),
            m.looks_like("share on 0", "that is the share of points that land on 0; a classifier still gets the "
                         "larger half of them right", lambda: 1 - 2 * (1 - best_accuracy_after_cast(-3, 3))),
            m.looks_like("rounded, not truncated", "that is what rounding to the nearest integer would leave; "
                         "astype(np.int32) cuts the digits off (towards 0): -0.9 becomes 0, not -1",
                         lambda: best_accuracy_after_cast(-3, 3, cast=np.rint)),
            m.off_by_one("count again which points truncate to 0 (those strictly between −1 and 1)", step=0.01),
        ),
        hints=("Which of the 100 points land on 0 after the cast, and how many of them belong to each class?",
               "Every point in (−1, 1) becomes 0. One answer for x = 0 gets the smaller class among them wrong; "
               "every other integer value holds one class only. accuracy = 1 − (points that must be wrong) / 100."),
    ),
    "02.3": Exercise(
        asks="the number of false positives",
        form="a function of (predicted, labels)",
        answer=false_positives,
        cases=CASES,
        misconceptions=(
            m.labels_swapped(lambda predicted, labels: false_positives(labels, predicted),
                             why="that counts false negatives (predicted 0, label 1)"),
            m.looks_like("all errors", "that counts every wrong point; a false positive is only a point predicted "
                         "1 whose label is 0", lambda predicted, labels: int(np.sum(predicted != labels))),
            m.looks_like("true positives", "that counts points predicted 1 whose label is 1: those are right",
                         lambda predicted, labels: int(np.sum((predicted == 1) & (labels == 1)))),
            m.looks_like("predicted positives", "that counts every point predicted 1; a false positive is also "
                         "labelled 0", lambda predicted, labels: int(np.sum(predicted == 1))),
            m.mean_instead_of_sum(answer=lambda predicted, labels: np.mean((predicted == 1) & (labels == 0)),
                                  why="count the points, do not average"),
            m.looks_like("not counted", "your function returns one True/False per point; the question asks how many "
                         "there are, one number", lambda predicted, labels: (predicted == 1) & (labels == 0)),
        ),
        hints=("A false positive is a point the classifier calls positive (1) although its label is 0.",
               "Compare two boolean arrays, one for \"predicted 1\" and one for \"label 0\": the points where both "
               "hold are the false positives, and summing a boolean array counts its True entries."),
    ),
    # The build track: the student writes the neuron's gradient and the training loop (track02.py).
    "02.4": track02.GRADIENT,
    "02.5": track02.TRAIN,
}
