"""nnlib.diagnostics.metrics: the confusion matrix against a plain loop, its conventions, and bad input."""

import numpy as np
import pytest

from nnlib.diagnostics import confusion_matrix, most_confused


def confusion_by_loop(labels, predicted, n_classes):
    counts = np.zeros((n_classes, n_classes), dtype=int)
    for t, p in zip(labels, predicted):
        counts[int(t), int(p)] += 1
    return counts


@pytest.mark.parametrize("seed", range(5))
def test_counts_equal_a_loop_over_the_samples(seed):
    rng = np.random.default_rng(seed)
    labels = rng.integers(0, 10, 300)
    predicted = np.where(rng.uniform(size=300) < 0.8, labels, rng.integers(0, 10, 300))
    C = confusion_matrix(labels, predicted, 10)
    assert C.dtype.kind == "i" and C.shape == (10, 10)
    assert np.array_equal(C, confusion_by_loop(labels, predicted, 10))


def test_rows_are_the_truth_and_columns_the_prediction():
    # Two samples of class 0 predicted as 2, one sample of class 1 predicted right.
    C = confusion_matrix([0, 0, 1], [2, 2, 1], 3)
    assert C[0, 2] == 2 and C[2, 0] == 0 and C[1, 1] == 1
    assert np.array_equal(C.sum(axis=1), [2, 1, 0])     # row sums: how many of each true class
    assert np.array_equal(C.sum(axis=0), [0, 1, 2])     # column sums: how often each class was said
    assert np.trace(C) == 1                             # the diagonal: the right answers


def test_swapping_labels_and_predictions_transposes_the_matrix():
    rng = np.random.default_rng(7)
    labels, predicted = rng.integers(0, 4, 50), rng.integers(0, 4, 50)
    C = confusion_matrix(labels, predicted, 4)
    assert np.array_equal(confusion_matrix(predicted, labels, 4), C.T)
    assert not np.array_equal(C, C.T)   # so the test above can tell the two apart


def test_agrees_with_scikit_learn():
    metrics = pytest.importorskip("sklearn.metrics")
    rng = np.random.default_rng(3)
    labels, predicted = rng.integers(0, 10, 200), rng.integers(0, 10, 200)
    assert np.array_equal(confusion_matrix(labels, predicted, 10),
                          metrics.confusion_matrix(labels, predicted, labels=range(10)))


def test_a_missing_class_gets_a_row_and_column_of_zeros_and_float_labels_are_fine():
    C = confusion_matrix(np.array([0.0, 2.0]), np.array([0.0, 2.0]), 4)
    assert C.shape == (4, 4) and np.array_equal(np.diag(C), [1, 0, 1, 0]) and C.sum() == 2


@pytest.mark.parametrize(("labels", "predicted", "n_classes", "message"), [
    ([0, 1], [0], 2, "same length"),
    ([0, 3], [0, 1], 3, "labels must be whole numbers from 0 to 2"),
    ([0, 1], [0, -1], 3, "predicted must be whole numbers"),
    ([0, 0.5], [0, 1], 3, "labels must be whole numbers"),
    ([[0, 1]], [0, 1], 3, "labels must be a 1-D array"),
])
def test_bad_input_is_named(labels, predicted, n_classes, message):
    with pytest.raises(ValueError, match=message):
        confusion_matrix(labels, predicted, n_classes)


def test_n_classes_must_be_a_positive_int():
    with pytest.raises(TypeError, match="n_classes"):
        confusion_matrix([0], [0], 2.0)
    with pytest.raises(TypeError, match="labels must hold real numbers"):
        confusion_matrix(["a"], [0], 2)


def test_most_confused_lists_the_largest_mistakes_first():
    C = np.array([[9, 3, 0], [1, 8, 3], [0, 2, 7]])
    assert most_confused(C, 3) == [(3, 0, 1), (3, 1, 2), (2, 2, 1)]   # ties by true class
    assert most_confused(np.eye(3, dtype=int) * 5) == []              # no mistakes, nothing listed
    with pytest.raises(ValueError, match="square"):
        most_confused(np.zeros((2, 3)))


def test_most_confused_breaks_ties_by_true_then_predicted_class_and_lists_counts_of_one():
    C = [[5, 2, 2],          # a nested list works as well as an array
         [2, 5, 1],
         [0, 0, 5]]
    assert most_confused(C, 4) == [(2, 0, 1), (2, 0, 2), (2, 1, 0), (1, 1, 2)]
    assert most_confused(C) == most_confused(C, 3)  # three by default
    with pytest.raises(ValueError, match="k must be a positive int"):
        most_confused(C, 0)
