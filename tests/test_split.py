"""Property tests (hypothesis) for the stratified split."""

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

import nnlib

FAST = settings(max_examples=100, deadline=None)


@st.composite
def split_cases(draw):
    """Labels (in any order), fractions that sum to 1, and a seed; every class big enough to stratify."""
    weights = draw(st.lists(st.integers(1, 8), min_size=2, max_size=4))
    fractions = tuple(w / sum(weights) for w in weights)
    needed = int(np.ceil(1 / min(fractions) - 1e-9))
    counts = draw(st.lists(st.integers(needed, needed + 25), min_size=1, max_size=3))
    labels = np.repeat(np.arange(len(counts), dtype=float), counts)
    order = draw(st.permutations(range(len(labels))))
    seed = draw(st.integers(0, 2**32 - 1))
    return labels[list(order)], fractions, seed


def parts_of(y, fractions, seed):
    X = np.arange(len(y), dtype=float).reshape(-1, 1)  # X holds each row's index, so rows can be traced
    return nnlib.split(X, y, fractions, seed=seed)


@FAST
@given(split_cases())
def test_parts_are_disjoint_and_together_the_whole(case):
    y, fractions, seed = case
    parts = parts_of(y, fractions, seed)
    assert len(parts) == len(fractions)
    rows = np.concatenate([X_part[:, 0] for X_part, _ in parts]).astype(int)
    np.testing.assert_array_equal(np.sort(rows), np.arange(len(y)))  # each row exactly once
    for X_part, y_part in parts:
        np.testing.assert_array_equal(y_part, y[X_part[:, 0].astype(int)])  # rows stay with their labels
        assert np.all(np.diff(X_part[:, 0]) > 0)  # and keep their original order


@FAST
@given(split_cases())
def test_class_proportions_are_kept_to_within_one_sample(case):
    y, fractions, seed = case
    parts = parts_of(y, fractions, seed)
    for label in np.unique(y):
        n_class = np.sum(y == label)
        for (_, y_part), fraction in zip(parts, fractions):
            count = np.sum(y_part == label)
            assert abs(count - n_class * fraction) < 1 + 1e-9, (label, n_class, fraction, count)
            assert count >= 1  # every class is in every part


@FAST
@given(split_cases())
def test_the_same_seed_gives_the_same_split(case):
    y, fractions, seed = case
    for (X1, y1), (X2, y2) in zip(parts_of(y, fractions, seed), parts_of(y, fractions, seed)):
        np.testing.assert_array_equal(X1, X2)
        np.testing.assert_array_equal(y1, y2)


@FAST
@given(split_cases())
def test_input_order_does_not_matter(case):
    # Sorted by class (what seed 001 assumed), reversed, or shuffled: every order gives
    # parts with the same number of each class.
    y, fractions, seed = case
    for other in (np.sort(y), np.sort(y)[::-1], y[::-1]):
        for (_, y_a), (_, y_b) in zip(parts_of(y, fractions, seed), parts_of(other, fractions, seed)):
            for label in np.unique(y):
                assert np.sum(y_a == label) == np.sum(y_b == label)


def test_split_is_random_within_a_class():
    y = np.repeat([0.0, 1.0], 50)
    firsts = {tuple(parts_of(y, (0.5, 0.5), seed)[0][0][:, 0]) for seed in range(5)}
    assert len(firsts) == 5  # different seeds deal different rows


def test_split_of_two_column_labels_stratifies_by_row():
    y = np.array([[0, 0], [0, 1], [1, 0], [1, 1]] * 5, dtype=float)
    X = np.arange(20.0).reshape(-1, 1)
    (X_a, y_a), (X_b, y_b) = nnlib.split(X, y, (0.6, 0.4), seed=0)
    assert y_a.shape == (12, 2) and y_b.shape == (8, 2)
    for row in [[0, 0], [0, 1], [1, 0], [1, 1]]:
        assert np.sum(np.all(y_a == row, axis=1)) == 3 and np.sum(np.all(y_b == row, axis=1)) == 2


def test_threshold_split():
    X, y = nnlib.threshold(n=100)
    parts = nnlib.split(X, y, (0.6, 0.2, 0.2), seed=0)
    assert [len(p[1]) for p in parts] == [60, 20, 20]
    assert [p[1].mean() for p in parts] == [0.5, 0.5, 0.5]
    for X_part, _ in parts:
        assert X_part.shape[1] == 1
