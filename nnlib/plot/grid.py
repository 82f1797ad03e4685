"""The grid of points that pictures of a network's output are drawn on.

One function, used by ``nnlib.plot`` (decision boundaries, surfaces) and by the
playground (decision regions and the neuron pictures), so both draw the same
plane for the same data. numpy only.
"""

import numpy as np


def plane_grid(X, *, grid=41, padding=0.25, square=False):
    """A grid of ``grid`` × ``grid`` points covering the points X (n, 2), with a margin.

    Each axis spans the range of its column of X, widened on both sides by
    ``padding`` times that range (a column with a single value counts as range 1).
    ``square=True`` then widens the shorter axis about its centre to the length of
    the longer one, so that a square picture of the plane is not stretched.
    Returns ``(xs, ys, points)``: the coordinates along each axis and the grid
    points as rows, shape (grid², 2), row by row: point ``i * grid + j`` is
    ``(xs[j], ys[i])``, so values reshaped to (grid, grid) have row i for ys[i].
    """
    X = np.asarray(X, dtype=float)
    if X.ndim != 2 or X.shape[1] != 2 or len(X) == 0:
        raise ValueError(f"X must have shape (n, 2) with n >= 1: the points of a plane; got {X.shape}")
    if isinstance(grid, bool) or not isinstance(grid, (int, np.integer)) or grid < 2:
        raise ValueError(f"grid must be an int >= 2 (points per axis); got {grid!r}")
    low, high = X.min(axis=0), X.max(axis=0)
    span = np.where(high > low, high - low, 1.0)
    low, high = low - padding * span, high + padding * span
    if square:
        centre, half = (low + high) / 2, (high - low).max() / 2
        low, high = centre - half, centre + half
    xs, ys = np.linspace(low[0], high[0], grid), np.linspace(low[1], high[1], grid)
    xx, yy = np.meshgrid(xs, ys)
    return xs, ys, np.column_stack([xx.ravel(), yy.ravel()])
