"""nnlib.plot.grid.plane_grid: the one plane that nnlib.plot and the playground draw pictures on."""

import numpy as np
import pytest

from nnlib import mlp
from nnlib.plot.grid import plane_grid


def test_the_grid_covers_the_points_with_the_margin_and_runs_row_by_row():
    X = np.array([[0.0, -1.0], [2.0, 3.0]])
    xs, ys, points = plane_grid(X, grid=5, padding=0.25)
    np.testing.assert_allclose(xs, np.linspace(-0.5, 2.5, 5))  # range 2, a quarter of it on each side
    np.testing.assert_allclose(ys, np.linspace(-2.0, 4.0, 5))  # range 4
    assert points.shape == (25, 2)
    np.testing.assert_array_equal(points[7], [xs[2], ys[1]])  # point i * grid + j is (xs[j], ys[i])


def test_square_widens_the_shorter_axis_about_its_centre():
    X = np.array([[0.0, -1.0], [2.0, 3.0]])
    xs, ys, _ = plane_grid(X, grid=5, padding=0.25, square=True)
    np.testing.assert_allclose(ys, np.linspace(-2.0, 4.0, 5))
    np.testing.assert_allclose(xs, np.linspace(-2.0, 4.0, 5))  # centre 1, length 6 like the y axis
    assert xs[-1] - xs[0] == pytest.approx(ys[-1] - ys[0])


def test_a_column_with_one_value_gets_range_one():
    xs, ys, _ = plane_grid(np.array([[1.0, 5.0], [3.0, 5.0]]), grid=3, padding=0.5)
    np.testing.assert_allclose(ys, [4.5, 5.0, 5.5])


def test_plot_draws_its_boundaries_on_the_same_grid():
    from nnlib.plot import grid_outputs

    X = np.random.default_rng(0).normal(size=(30, 2))
    net = mlp([2, 3, 1], hidden="tanh", output="sigmoid", seed=1)
    xs, ys, Z = grid_outputs(net, X, grid=7, padding=0.1)
    gx, gy, points = plane_grid(X, grid=7, padding=0.1)
    np.testing.assert_allclose(xs, gx, rtol=1e-6)
    np.testing.assert_allclose(ys, gy, rtol=1e-6)
    np.testing.assert_allclose(Z, net.forward(points)[:, 0].reshape(7, 7), rtol=1e-6)


@pytest.mark.parametrize("X, grid, words", [
    (np.zeros((3, 3)), 5, ["X", "(n, 2)", "(3, 3)"]),
    (np.zeros((0, 2)), 5, ["X", "n >= 1"]),
    (np.zeros((3, 2)), 1, ["grid", ">= 2", "1"]),
    (np.zeros((3, 2)), 4.0, ["grid", "4.0"]),
])
def test_bad_input_is_named(X, grid, words):
    with pytest.raises(ValueError) as error:
        plane_grid(X, grid=grid)
    for word in words:
        assert word in str(error.value)


def test_the_defaults_are_41_points_and_a_quarter_of_the_range():
    xs, ys, points = plane_grid([[0.0, 0.0], [4.0, 8.0]])  # a list of points works too
    assert len(xs) == len(ys) == 41 and points.shape == (41 * 41, 2)
    assert (xs[0], xs[-1], ys[0], ys[-1]) == (-1.0, 5.0, -2.0, 10.0)


def test_two_points_per_axis_is_the_smallest_grid():
    xs, ys, points = plane_grid(np.array([[0.0, 0.0], [1.0, 1.0]]), grid=2, padding=0.0)
    np.testing.assert_array_equal(xs, [0.0, 1.0])
    assert points.shape == (4, 2)
