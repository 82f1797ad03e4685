"""The small data sets: logic gates and the threshold task."""

import numpy as np
import pytest

import nnlib

INPUTS = [[0, 0], [0, 1], [1, 0], [1, 1]]


@pytest.mark.parametrize(("gate", "table"), [
    ("and", [0, 0, 0, 1]), ("or", [0, 1, 1, 1]), ("xor", [0, 1, 1, 0]), ("implies", [1, 1, 0, 1]),
])
def test_truth_tables(gate, table):
    X, y = nnlib.logic_gate(gate)
    assert X.shape == (4, 2) and y.shape == (4,) and X.dtype == y.dtype == np.float64
    np.testing.assert_array_equal(X, INPUTS)
    np.testing.assert_array_equal(y, table)
    Xb, yb = nnlib.logic_gate(gate, encoding="bipolar")
    np.testing.assert_array_equal(Xb, 2 * X - 1)
    np.testing.assert_array_equal(yb, 2 * y - 1)


def test_several_gates_give_one_column_each():
    X, y = nnlib.logic_gate(["xor", "implies"])
    assert y.shape == (4, 2)
    np.testing.assert_array_equal(y[:, 0], nnlib.logic_gate("xor")[1])
    np.testing.assert_array_equal(y[:, 1], nnlib.logic_gate("implies")[1])
    assert nnlib.logic_gate(["and"])[1].shape == (4, 1)


def test_threshold():
    X, y = nnlib.threshold()
    assert X.shape == (100, 1) and y.shape == (100,)
    assert X[0, 0] == -5 and X[-1, 0] == 5
    np.testing.assert_array_equal(y, X[:, 0] > 0)
    assert y.sum() == 50
    X, y = nnlib.threshold(n=7, low=-1, high=2)
    np.testing.assert_allclose(X[:, 0], np.linspace(-1, 2, 7))
    np.testing.assert_array_equal(y, [0, 0, 0, 1, 1, 1, 1])
