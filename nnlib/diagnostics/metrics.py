"""The confusion matrix: which classes a classifier mixes up, counted.

Accuracy is one number; the confusion matrix says where the errors are. Entry
C[i, j] counts the samples whose true class is i and whose predicted class is j:
rows are the truth, columns the prediction (scikit-learn's convention too), so
the diagonal holds the correct answers, row i sums to the number of samples of
class i, and column j to the number of times j was predicted.
"""

import numpy as np

from ..checks import as_class_numbers, as_float_array, check_positive_int


def confusion_matrix(labels, predicted, n_classes):
    """C[i, j] = the number of samples with true class ``labels`` i and predicted class ``predicted`` j.

    Both are 1-D arrays of class numbers 0 … n_classes − 1 (floats such as 3.0 are fine), of the same
    length. Returns an int array of shape (n_classes, n_classes); a class that never occurs gets a row
    of zeros, so matrices of different data sets line up.
    """
    n_classes = check_positive_int(n_classes, "n_classes")
    labels = as_class_numbers(labels, n_classes, "labels")
    predicted = as_class_numbers(predicted, n_classes, "predicted")
    if len(labels) != len(predicted):
        raise ValueError(f"labels and predicted must have the same length; got {len(labels)} and {len(predicted)}")
    # Each (true, predicted) pair is one cell; number the cells row by row and count them all at once.
    counts = np.bincount(labels * n_classes + predicted, minlength=n_classes * n_classes)
    return counts.reshape(n_classes, n_classes)


def most_confused(matrix, k=3):
    """The k largest off-diagonal entries of a confusion matrix: a list of (count, true, predicted).

    Ties are broken by the true class, then the predicted one; cells with a count of 0 are left out.
    """
    matrix = as_float_array(matrix, "matrix")
    if matrix.ndim != 2 or matrix.shape[0] != matrix.shape[1]:
        raise ValueError(f"matrix must be a square confusion matrix; got shape {matrix.shape}")
    k = check_positive_int(k, "k")
    cells = [(int(matrix[i, j]), i, j) for i in range(len(matrix)) for j in range(len(matrix))
             if i != j and matrix[i, j] > 0]
    cells.sort(key=lambda cell: (-cell[0], cell[1], cell[2]))
    return cells[:k]
