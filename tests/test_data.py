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


def test_threshold_needs_low_below_0_below_high():
    for low, high in ((0.0, 5.0), (-5.0, 0.0), (0.5, 2.0)):
        with pytest.raises(ValueError, match="low < 0 < high"):
            nnlib.threshold(low=low, high=high)


# -- circles and moons --------------------------------------------------------------------------
def test_circles_without_noise_are_two_rings_of_radius_1_and_one_half():
    X, y = nnlib.circles(7, noise=0.0, seed=0)
    assert X.shape == (7, 2) and y.shape == (7,) and y.sum() == 3  # n − n//2 = 4 of class 0, 3 of class 1
    radius = np.hypot(X[:, 0], X[:, 1])
    np.testing.assert_allclose(radius[y == 0], 1.0, rtol=1e-14)
    np.testing.assert_allclose(radius[y == 1], 0.5, rtol=1e-14)
    angles = np.arctan2(X[:, 1], X[:, 0])
    assert np.ptp(angles) > np.pi  # the angles go all the way round, not a quarter of it


def test_moons_without_noise_are_two_arcs_around_the_origin():
    X, y = nnlib.moons(400, noise=0.0, seed=0)
    upper, lower = X[y == 0] + [0.5, 0.25], X[y == 1] + [0.5, 0.25]  # undo the shift to (0, 0)
    np.testing.assert_allclose(np.hypot(upper[:, 0], upper[:, 1]), 1.0, rtol=1e-14)  # (cos t, sin t)
    assert np.all(upper[:, 1] >= 0)
    np.testing.assert_allclose(np.hypot(lower[:, 0] - 1, lower[:, 1] - 0.5), 1.0, rtol=1e-14)  # (1 − cos t, ½ − sin t)
    assert np.all(lower[:, 1] <= 0.5)
    np.testing.assert_allclose(X.mean(axis=0), [0.0, 0.0], atol=0.1)  # the data sit around the origin


@pytest.mark.parametrize("make", [nnlib.circles, nnlib.moons, nnlib.blobs])
def test_the_noise_is_added_to_the_clean_points_draw_for_draw(make):
    # The same seed draws the same angles, noise and order whatever the noise level, so the noisy points are
    # the clean ones plus `noise` times the generator's standard normals, in the documented order.
    clean_X, clean_y = make(9, noise=0.0, seed=3)
    noisy_X, noisy_y = make(9, noise=0.2, seed=3)
    rng = np.random.default_rng(3)
    rng.uniform(size=5), rng.uniform(size=4)  # the positions along each class: 9 − 9//2 and 9//2 points
    normals = rng.normal(0.0, 1.0, size=(9, 2))
    order = rng.permutation(9)
    np.testing.assert_array_equal(noisy_y, clean_y)
    np.testing.assert_allclose(noisy_X - clean_X, 0.2 * normals[order], rtol=1e-12, atol=1e-15)


@pytest.mark.parametrize(("make", "noise"), [(nnlib.circles, 0.1), (nnlib.moons, 0.1), (nnlib.blobs, 0.5)])
def test_defaults_are_200_points_seed_0(make, noise):
    X, y = make()
    np.testing.assert_array_equal(X, make(200, noise=noise, seed=0)[0])


@pytest.mark.parametrize("make", [nnlib.circles, nnlib.moons, nnlib.blobs])
@pytest.mark.parametrize(("kwargs", "error", "message"), [
    ({"n": 1}, ValueError, "n must be at least 2 so that both classes occur; got 1"),
    ({"n": 0}, ValueError, "n must be a positive int"),
    ({"noise": -0.1}, ValueError, "noise must be a finite number >= 0; got -0.1"),
    ({"noise": np.inf}, ValueError, "noise must be a finite number >= 0"),
    ({"noise": "0.1"}, TypeError, "noise must be a number >= 0; got str"),
    ({"noise": True}, TypeError, "noise must be a number >= 0; got bool"),
])
def test_bad_point_cloud_arguments_are_named(make, kwargs, error, message):
    with pytest.raises(error, match=message):
        make(**kwargs)
    assert make(2, noise=0)[0].shape == (2, 2)  # the smallest cloud, and an int noise, are fine


# -- split ----------------------------------------------------------------------------------------
def test_split_deals_the_leftover_items_to_the_largest_remainders():
    # 6 items into 0.2/0.5/0.3 are shares 1.2, 3 and 1.8: floors 1, 3, 1, and the one left over goes to 1.8.
    y = np.zeros(6)
    parts = nnlib.split(np.arange(6.0), y, (0.2, 0.5, 0.3), seed=0)  # X may be 1-D: one number per row
    assert [len(part_y) for _, part_y in parts] == [1, 3, 2]


def test_split_defaults_to_60_20_20_and_takes_lists():
    X, y = nnlib.threshold(n=100)
    parts = nnlib.split(X.tolist(), y.tolist(), seed=0)
    assert [len(part_y) for _, part_y in parts] == [60, 20, 20]
    assert all(isinstance(part_X, np.ndarray) for part_X, _ in parts)


def test_split_checks_x_and_the_fractions_tolerance():
    X, y = nnlib.threshold(n=20)
    X[3, 0] = np.nan
    with pytest.raises(ValueError, match="X must be finite"):
        nnlib.split(X, y, (0.5, 0.5), seed=0)
    with pytest.raises(ValueError, match="X and y must have the same number of rows"):
        nnlib.split(1.0, y, (0.5, 0.5), seed=0)
    X[3, 0] = 0.0
    assert len(nnlib.split(X, y, (0.5, 0.5 + 7e-10), seed=0)) == 2  # off by rounding: still sums to 1
    # A class of 5 has 5 · 0.2 = 1 sample for the smaller part, also when rounding makes that 1 − 7e-10.
    parts = nnlib.split(np.arange(10.0), np.repeat([0.0, 1.0], 5), (0.2 - 1.4e-10, 0.8 + 1.4e-10), seed=0)
    assert [len(part_y) for _, part_y in parts] == [2, 8]


# -- spiral -----------------------------------------------------------------------------------------
def test_spiral_noise_is_added_draw_for_draw_and_the_defaults():
    clean_X, clean_y = nnlib.spiral(7, classes=3, noise=0.0, seed=2)
    noisy_X, noisy_y = nnlib.spiral(7, classes=3, noise=0.3, seed=2)
    rng = np.random.default_rng(2)
    for size in (3, 2, 2):  # 7 // 3 each, the first 7 % 3 classes one more
        rng.uniform(0.05, 1.0, size=size)
    normals = rng.normal(0.0, 1.0, size=(7, 2))
    order = rng.permutation(7)
    np.testing.assert_array_equal(noisy_y, clean_y)
    np.testing.assert_allclose(noisy_X - clean_X, 0.3 * normals[order], rtol=1e-12, atol=1e-15)
    np.testing.assert_array_equal(nnlib.spiral()[0], nnlib.spiral(300, classes=2, noise=0.1, seed=0)[0])
    assert nnlib.spiral(3, classes=3, noise=0.0)[1].tolist().count(2.0) == 1  # as many points as classes is enough


@pytest.mark.parametrize(("kwargs", "error", "message"), [
    ({"n": 2, "classes": 3}, ValueError, "n must be at least classes = 3 so that every class occurs; got 2"),
    ({"n": 0}, ValueError, "n must be a positive int"),
    ({"classes": 2.0}, TypeError, "classes must be a positive int"),
    ({"noise": -1.0}, ValueError, "noise must be a finite number >= 0"),
    ({"turns": 0.0}, ValueError, "turns must be a positive finite number"),
])
def test_bad_spiral_arguments_are_named(kwargs, error, message):
    with pytest.raises(error, match=message):
        nnlib.spiral(**kwargs)


def test_circles_and_moons_are_the_documented_formulas_of_the_generators_draws():
    # u uniform in [0, 1) per class: a ring point is r (cos 2πu, sin 2πu), a moon point (cos πu, sin πu) for
    # class 0 and (1 − cos πu, ½ − sin πu) for class 1, shifted by (−½, −¼); then the rows are shuffled.
    rng = np.random.default_rng(4)
    u0, u1 = rng.uniform(size=4), rng.uniform(size=3)
    rng.normal(size=(7, 2))  # the noise, zero here, still takes its draws
    order = rng.permutation(7)

    def ring(r, u):
        return r * np.column_stack([np.cos(2 * np.pi * u), np.sin(2 * np.pi * u)])

    def arcs(u, v):
        upper = np.column_stack([np.cos(np.pi * u), np.sin(np.pi * u)])
        lower = np.column_stack([1 - np.cos(np.pi * v), 0.5 - np.sin(np.pi * v)])
        return np.concatenate([upper, lower]) - [0.5, 0.25]

    np.testing.assert_allclose(nnlib.circles(7, noise=0.0, seed=4)[0],
                               np.concatenate([ring(1.0, u0), ring(0.5, u1)])[order], rtol=1e-14, atol=1e-15)
    np.testing.assert_allclose(nnlib.moons(7, noise=0.0, seed=4)[0], arcs(u0, u1)[order], rtol=1e-14, atol=1e-15)
