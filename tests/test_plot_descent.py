"""nnlib.plot.descent: the numbers behind the pictures of notebook 09 (nbval never compares images)."""

import numpy as np
import pytest

from nnlib import plot
from nnlib.diagnostics import descent

BOWL = descent.rotated_bowl([1.0, 4.0], 30)
START = np.array([-3.0, 0.5])
GRID = descent.loss_grid(BOWL.loss, (-4, 4), (-3, 3), resolution=21)


def as_array(values):
    """A trace's data as a float array, whether plotly stored a list, an array or a typed-array dict."""
    if isinstance(values, dict):   # plotly ≥ 6 may keep arrays as {"dtype": ..., "bdata": ...}
        import base64
        return np.frombuffer(base64.b64decode(values["bdata"]), dtype=values["dtype"]).astype(float)
    return np.asarray(values, dtype=float)


def test_frame_steps_keep_the_first_and_last_and_at_most_max_frames():
    assert plot.frame_steps(10, 31) == list(range(10))
    steps = plot.frame_steps(241, 31)
    assert steps[0] == 0 and steps[-1] == 240 and len(steps) == 31 and steps == sorted(set(steps))
    with pytest.raises(ValueError, match="at least one point"):
        plot.frame_steps(0)


def test_drawable_hides_only_the_points_that_diverged():
    path = np.array([[0.0, 1.0], [2e6, 0.0], [np.inf, 1.0], [3.0, np.nan], [-5.0, 4.0]])
    shown = plot.drawable(path)
    assert shown.dtype == np.float32
    assert np.array_equal(shown[[0, 4]], path[[0, 4]].astype(np.float32))
    assert np.all(np.isnan(shown[1:4]))
    with pytest.raises(ValueError, match="shape"):
        plot.drawable(np.zeros((3, 3)))


def test_log_levels_are_log10_of_the_loss_with_a_floor_and_even_spacing():
    Z = np.array([[0.0, 0.01], [1.0, 100.0]])
    L, (start, end, size) = plot.log_levels(Z, per_decade=4, floor=1e-4)
    assert np.allclose(L, [[-2.0, -2.0], [0.0, 2.0]])        # 0 is drawn at the floor, 1e-4 × 100
    assert size == 0.25 and start <= L.min() and end >= L.max()
    with pytest.raises(ValueError, match=">= 0"):
        plot.log_levels(np.array([[-1.0, 1.0]]))


def test_animation_frames_show_each_path_up_to_its_step():
    paths = {"lr 0.1": descent.descent_path(BOWL, START, 0.1, 40), "lr 0.4": descent.descent_path(BOWL, START, 0.4, 40)}
    fig = plot.descent_animation(GRID, paths, max_frames=11)
    steps = [int(frame.name) for frame in fig.frames]
    assert steps == plot.frame_steps(41, 11)
    for frame, t in zip(fig.frames, steps):
        lines = frame.data[0::2]      # each path: its line so far, then its current point
        points = frame.data[1::2]
        for (label, path), line, point in zip(paths.items(), lines, points):
            assert line.name == label
            assert np.allclose(as_array(line.x), path[:t + 1, 0], atol=1e-6)
            assert np.allclose(as_array(line.y), path[:t + 1, 1], atol=1e-6)
            assert np.allclose([as_array(point.x)[0], as_array(point.y)[0]], path[t], atol=1e-6)
        assert f"step {t}" in frame.layout.title.text
    # the frames replace exactly the path traces, never the contours
    moving = set(fig.frames[0].traces)
    assert all(fig.data[i].type == "scatter" for i in moving)
    assert all(fig.data[i].type == "contour" for i in set(range(len(fig.data))) - moving)
    assert [step.label for step in fig.layout.sliders[0].steps] == [str(t) for t in steps]


def test_animation_contour_is_the_grid_in_log10_with_rows_following_y():
    xs, ys, Z = GRID
    fig = plot.descent_animation(GRID, {"a": descent.descent_path(BOWL, START, 0.1, 5)}, panels=False)
    contour = fig.data[0]
    assert np.allclose(as_array(contour.x), xs) and np.allclose(as_array(contour.y), ys)
    shown = as_array(contour.z).reshape(Z.shape)
    assert np.allclose(shown, np.log10(np.maximum(Z, 1e-4 * Z.max())), atol=1e-5)
    i, j = 3, 17                                   # rows follow y, columns follow x
    assert np.isclose(10 ** shown[i, j], BOWL.loss([xs[j], ys[i]]), rtol=1e-5)


def test_panels_give_each_path_its_own_subplot_and_the_figure_no_fixed_width():
    paths = {f"lr {r}": descent.descent_path(BOWL, START, r, 10) for r in (0.05, 0.4, 0.5, 0.55)}
    fig = plot.descent_animation(GRID, paths)
    assert fig.layout.width is None                # autosize: fits any column
    contours = [t for t in fig.data if t.type == "contour"]
    assert len(contours) == 4 and [c.showscale for c in contours] == [True, False, False, False]
    axes = {(t.xaxis, t.yaxis) for t in fig.data if t.type == "scatter"}
    assert len(axes) == 4
    assert [a.text for a in fig.layout.annotations] == list(paths)
    with pytest.raises(ValueError, match="same number of points"):
        plot.descent_animation(GRID, {"a": np.zeros((3, 2)), "b": np.zeros((4, 2))})


def test_paths_figure_draws_every_path_and_marks_the_minimum():
    paths = {"one": np.array([[0.0, 1.0], [0.5, 0.5]]), "two": np.array([[1.0, 1.0], [2.0, 3e7]])}
    fig = plot.paths_figure(GRID, paths, mark=(0.25, -0.5))
    lines = [t for t in fig.data if t.type == "scatter" and t.mode == "lines+markers"]
    assert [t.name for t in lines] == ["one", "two"]
    assert np.allclose(as_array(lines[0].y), [1.0, 0.5])
    assert np.isnan(as_array(lines[1].y)[1])       # the diverged point is not drawn
    minimum = [t for t in fig.data if t.name == "minimum"][0]
    assert as_array(minimum.x)[0] == 0.25 and as_array(minimum.y)[0] == -0.5


def test_curves_figure_keeps_the_values_leaves_gaps_and_thins():
    curves = {"a": np.array([1.0, 0.5, 0.25, 0.125]), "b": np.array([1.0, np.inf, np.nan, 2.0])}
    fig = plot.curves_figure(curves, log_y=True)
    a, b = fig.data
    assert np.array_equal(as_array(a.x), [1, 2, 3, 4]) and np.allclose(as_array(a.y), curves["a"])
    assert np.isnan(as_array(b.y)[1:3]).all() and as_array(b.y)[3] == 2.0
    assert fig.layout.yaxis.type == "log" and a.line.color != b.line.color
    thin = plot.curves_figure({"a": np.arange(10.0)}, every=3)
    assert np.array_equal(as_array(thin.data[0].x), [1, 4, 7, 10])


def test_sweep_panels_put_one_series_per_panel_with_the_rates_as_ticks():
    rates = [0.3, 1.0, 3.0]
    fig = plot.sweep_panels(rates, {"relu": [0, 0, 0.5]}, {"relu": [0, 1, 7]}, log_right=False)
    left, right = fig.data
    assert np.allclose(as_array(left.y), [0, 0, 0.5]) and np.allclose(as_array(right.y), [0, 1, 7])
    assert left.xaxis == "x" and right.xaxis == "x2"
    assert list(fig.layout.xaxis.tickvals) == pytest.approx(rates)


# -- a narrow column (370 px): legends that wrap must not cover the title or squeeze the plot ------------


def test_one_panel_animation_hangs_its_legend_below_the_title_in_every_frame():
    paths = {name: descent.descent_path(BOWL, START, 0.1, 6) for name in ("plain", "momentum", "Adam")}
    fig = plot.descent_animation(GRID, paths, panels=False, height=560)
    title, legend = fig.layout.title, fig.layout.legend
    assert title.yref == legend.yref == "container" and title.yanchor == legend.yanchor == "top"
    # the title's two lines (17 px and a smaller step line) end about 50 px from the top; the legend starts below
    gap = (title.y - legend.y) * 560
    assert gap >= 45 and fig.layout.margin.t >= (1 - legend.y) * 560 + 60   # room for rows of legend
    for frame in fig.frames:                       # a frame's title keeps the place, not only the text
        assert frame.layout.title.y == title.y and frame.layout.title.yref == "container"
    assert fig.layout.showlegend and not plot.descent_animation(GRID, paths).layout.showlegend


def test_curves_figure_puts_its_legend_under_the_plot_not_beside_it():
    fig = plot.curves_figure({"a": [1.0, 0.5], "b": [1.0, 0.7]})
    assert fig.layout.legend.orientation == "h" and fig.layout.legend.y < 0
    assert fig.layout.legend.yanchor == "top" and fig.layout.legend.x == 0.0


def test_panel_titles_of_the_animation_are_small_enough_for_two_side_by_side():
    paths = {f"η = {r}<br>name": descent.descent_path(BOWL, START, r, 4) for r in (0.05, 0.4)}
    fig = plot.descent_animation(GRID, paths)
    assert all(a.font.size <= 13 for a in fig.layout.annotations)
