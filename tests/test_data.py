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


@pytest.mark.parametrize("classes", [2, 3])
def test_spiral(classes):
    X, y = nnlib.spiral(301, classes=classes, noise=0.0, seed=0)
    assert X.shape == (301, 2) and y.shape == (301,)
    counts = np.bincount(y.astype(int))
    assert counts.sum() == 301 and counts.max() - counts.min() <= 1
    radius = np.hypot(X[:, 0], X[:, 1])
    assert radius.min() >= 0.05 - 1e-12 and radius.max() <= 1.0 + 1e-12
    # Without noise each arm's angle is 1.75 π r + 2π k / classes (mod 2π): the arms are where the formula says.
    angle = np.arctan2(X[:, 1], X[:, 0])
    expected = 1.75 * np.pi * radius + 2 * np.pi * y / classes
    np.testing.assert_allclose(np.angle(np.exp(1j * (angle - expected))), 0.0, atol=1e-9)
    again = nnlib.spiral(301, classes=classes, noise=0.0, seed=0)
    np.testing.assert_array_equal(X, again[0])


def test_blobs_are_two_clouds_around_their_centres():
    X, y = nnlib.blobs(2000, noise=0.5, seed=1)
    np.testing.assert_allclose(X[y == 0].mean(axis=0), [-1, -1], atol=0.05)
    np.testing.assert_allclose(X[y == 1].mean(axis=0), [1, 1], atol=0.05)
    np.testing.assert_allclose(X[y == 1].std(axis=0), 0.5, rtol=0.1)
    assert y.sum() == 1000


def test_one_hot():
    np.testing.assert_array_equal(nnlib.one_hot([2, 0, 1.0], 3), [[0, 0, 1], [1, 0, 0], [0, 1, 0]])
    for labels, message in (([0, 3], "whole numbers from 0 to 2"), ([0.5], "whole numbers"), ([[0, 1]], "1-D")):
        with pytest.raises(ValueError, match=message):
            nnlib.one_hot(labels, 3)
    with pytest.raises(ValueError, match="classes must be at least 2"):
        nnlib.spiral(10, classes=1)
