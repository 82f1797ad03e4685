"""The numbers behind nnlib.plot's figures: nbval never compares images and ignores Plotly cells, so these do.

A heat map drawn transposed, a neuron's line drawn with the wrong sign of b, an epoch axis that starts at
0, a frame that shows another snapshot's output: each of these draws a plausible picture, and each fails
a test here. Every Plotly figure fills its container (no fixed width) and uses the series' palette.
"""

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

import nnlib
from nnlib.plot.palette import BOUNDARY_COLORSCALE, CLASS_COLORS, CLASS_SYMBOLS

plot = pytest.importorskip("nnlib.plot")
pytest.importorskip("plotly")


def linear_net(w=(1.0, 10.0), b=0.0):
    """A network whose output is w·x + b: large values where x2 is large when w = (1, 10)."""
    net = nnlib.mlp([2, 1], output="identity", seed=0)
    net.set_parameters([np.array([w], dtype=float), np.array([b], dtype=float)])
    return net


def two_layer_linear_net():
    """h = W1 x + b1 (two identity hidden units), output = x1 + 10·x2 + 0.5 through them."""
    net = nnlib.mlp([2, 2, 1], hidden="identity", output="identity", seed=0)
    W1 = np.array([[1.0, 10.0], [2.0, -1.0]])
    b1 = np.array([0.5, -0.25])
    net.set_parameters([W1, b1, np.array([[1.0, 0.0]]), np.array([0.0])])
    return net


# A rectangle, wider than tall, so that rows and columns cannot be mixed up by accident.
X_BOX = np.array([[-2.0, -0.5], [3.0, 1.0], [0.0, 0.0], [1.0, 0.5]])
Y_BOX = np.array([0.0, 1.0, 0.0, 1.0])


def expected_on_grid(xs, ys, f):
    """f(x1, x2) on the grid in Plotly's orientation: row i is ys[i], column j is xs[j]."""
    xx, yy = np.meshgrid(np.asarray(xs, dtype=float), np.asarray(ys, dtype=float))
    return f(xx, yy)


def traces(fig, kind):
    return [t for t in fig.data if t.type == kind]


# -- grids and heat maps: rows follow x2, columns follow x1 --------------------------------------


def test_grid_outputs_rows_follow_x2_and_columns_x1():
    xs, ys, Z = plot.grid_outputs(linear_net(), X_BOX, grid=11, padding=0.1)
    assert Z.dtype == np.float32 and Z.shape == (11, 11)
    assert xs[0] < xs[-1] and ys[0] < ys[-1]
    assert np.allclose(Z, expected_on_grid(xs, ys, lambda a, b: a + 10 * b), atol=1e-5)
    assert Z[-1].mean() > Z[0].mean() + 5  # the top row (large x2) holds the large values
    # the grid spans the data, widened by 10 % of each range
    assert xs[0] == pytest.approx(-2.5) and xs[-1] == pytest.approx(3.5)
    assert ys[0] == pytest.approx(-0.65) and ys[-1] == pytest.approx(1.15)


def test_grid_outputs_feeds_features_of_the_grid_points():
    net = nnlib.mlp([3, 1], output="identity", seed=0)
    net.set_parameters([np.array([[0.0, 0.0, 1.0]]), np.array([0.0])])
    xs, ys, Z = plot.grid_outputs(net, X_BOX, grid=7, features=lambda P: np.column_stack([P, P[:, 0] * P[:, 1]]))
    assert np.allclose(Z, expected_on_grid(xs, ys, lambda a, b: a * b), atol=1e-5)


def test_decision_boundary_figure_heat_map_puts_large_values_at_large_x2():
    fig = plot.decision_boundary_figure(linear_net(b=-3.0), X_BOX, Y_BOX, grid=15, threshold=0.0, loss=None)
    (contour,) = traces(fig, "contour")
    assert np.allclose(contour.z, expected_on_grid(contour.x, contour.y, lambda a, b: a + 10 * b - 3), atol=1e-5)
    assert contour.colorscale == tuple(tuple(stop) for stop in BOUNDARY_COLORSCALE)
    assert contour.contours.start == contour.contours.end == 0.0  # the one line drawn is the boundary


def test_output_surface_z_is_the_network_output_on_its_grid():
    X, y = nnlib.logic_gate("xor", encoding="bipolar")
    net = nnlib.mlp([2, 2, 1], hidden="tanh", output="tanh", seed=0)
    net.fit(X, y, epochs=300, lr=0.2)
    surface = plot.output_surface(net, X, y, grid=9).data[0]
    xx, yy = np.meshgrid(np.asarray(surface.x, dtype=float), np.asarray(surface.y, dtype=float))
    expected = net.forward(np.column_stack([xx.ravel(), yy.ravel()]))[:, 0].reshape(xx.shape)
    assert np.allclose(surface.z, expected, atol=1e-6)
    # and the orientation, where a mix-up cannot hide behind XOR's symmetry
    lin = plot.output_surface(linear_net(), X_BOX, Y_BOX, grid=9).data[0]
    assert np.allclose(lin.z, expected_on_grid(lin.x, lin.y, lambda a, b: a + 10 * b), atol=1e-5)


def test_hidden_unit_panels_maps_are_each_unit_and_the_output_on_the_grid():
    net = two_layer_linear_net()
    fig = plot.hidden_unit_panels(net, X_BOX, Y_BOX, grid=13)
    h1, h2, out = traces(fig, "heatmap")
    assert np.allclose(h1.z, expected_on_grid(h1.x, h1.y, lambda a, b: a + 10 * b + 0.5), atol=1e-5)
    assert np.allclose(h2.z, expected_on_grid(h2.x, h2.y, lambda a, b: 2 * a - b - 0.25), atol=1e-5)
    assert np.allclose(out.z, h1.z, atol=1e-5)  # the output weights pick h1
    assert all(t.colorscale == tuple(tuple(s) for s in BOUNDARY_COLORSCALE) for t in (h1, h2, out))


def test_loss_surface_rows_follow_b_and_the_path_lies_on_it():
    def loss_of(w, b):
        return (w - 1.0) ** 2 + 10 * (b + 0.5) ** 2

    path = np.array([[-1.0, 1.0], [0.0, 0.5], [1.0, -0.5]])
    fig = plot.loss_surface(loss_of, (-2, 3), (-1, 1.5), path=path, resolution=9)
    surface = fig.data[0]
    assert np.allclose(surface.z, expected_on_grid(surface.x, surface.y, loss_of), atol=1e-4)
    walk = fig.data[1]
    lift = 0.03 * (np.max(surface.z) - np.min(surface.z))
    assert np.allclose(walk.x, path[:, 0]) and np.allclose(walk.y, path[:, 1])
    assert np.allclose(walk.z, [loss_of(w, b) + lift for w, b in path], rtol=1e-5)


def test_plot_decision_boundary_matplotlib_image_is_not_transposed():
    matplotlib = pytest.importorskip("matplotlib")
    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    ax = plot.plot_decision_boundary(linear_net(), X_BOX, Y_BOX, grid=9, threshold=0.0)
    mesh = ax.collections[0]
    Z = np.asarray(mesh.get_array()).reshape(9, 9)
    xs, ys, _ = plot.grid_outputs(linear_net(), X_BOX, grid=9)
    assert np.allclose(Z, expected_on_grid(xs, ys, lambda a, b: a + 10 * b), atol=1e-5)
    plt.close(ax.figure)


# -- neuron lines: their drawn end points satisfy w·x + b = 0 ------------------------------------


def assert_on_line(x_line, y_line, w, b, box):
    x_line, y_line = np.asarray(x_line, dtype=float), np.asarray(y_line, dtype=float)
    assert len(x_line) == len(y_line) == 2
    scale = np.abs(w).sum() * max(np.abs(box).max(), 1.0) + abs(b)
    assert np.allclose(w[0] * x_line + w[1] * y_line + b, 0, atol=1e-5 * scale)
    (x_lo, x_hi), (y_lo, y_hi) = box
    eps = 1e-5 * max(x_hi - x_lo, y_hi - y_lo)
    assert np.all((x_lo - eps <= x_line) & (x_line <= x_hi + eps) & (y_lo - eps <= y_line) & (y_line <= y_hi + eps))


@given(w1=st.floats(-5, 5), w2=st.floats(-5, 5), b=st.floats(-5, 5))
def test_neuron_line_end_points_are_on_the_line_and_on_the_box(w1, w2, b):
    box = ((-2.0, 3.0), (-1.0, 1.5))
    x_line, y_line = plot.neuron_line([w1, w2], [b], *box)
    if not len(x_line):
        # empty only when the line misses the box: then z = w·x + b has one sign at all four corners
        corners = np.array([[x, y] for x in box[0] for y in box[1]])
        z = corners @ [w1, w2] + b
        assert np.all(z > 0) or np.all(z < 0) or (w1 == w2 == 0)
        return
    assert_on_line(x_line, y_line, np.array([w1, w2]), b, box)
    # both end points on the edge of the box: the line is drawn across all of it
    for x, y in zip(x_line, y_line):
        assert min(abs(x - box[0][0]), abs(x - box[0][1]), abs(y - box[1][0]), abs(y - box[1][1])) < 1e-6


def test_neuron_line_sign_of_b_matters():
    # x1 + x2 - 1 = 0 crosses the unit square's edges at (0, 1) and (1, 0); +1 would miss the square
    x_line, y_line = plot.neuron_line([1.0, 1.0], [-1.0], (0, 1), (0, 1))
    assert sorted(zip(x_line.tolist(), y_line.tolist())) == [(0.0, 1.0), (1.0, 0.0)]
    assert len(plot.neuron_line([1.0, 1.0], [1.0], (0, 1), (0, 1))[0]) == 0


def test_unit_lines_in_the_figures_satisfy_each_units_equation():
    net = two_layer_linear_net()
    W1, b1 = net.layers[0].W, net.layers[0].b
    fig = plot.decision_boundary_figure(net, X_BOX, Y_BOX, show_units=True, threshold=0.0, loss=None)
    box = (tuple(fig.layout.xaxis.range), tuple(fig.layout.yaxis.range))
    units = [t for t in fig.data if t.type == "scatter" and t.name and t.name.startswith("hidden unit")]
    assert len(units) == 2
    for k, t in enumerate(units):
        assert_on_line(t.x, t.y, W1[k], b1[k], box)

    panels = plot.hidden_unit_panels(net, X_BOX, Y_BOX, grid=9)
    lines = [t for t in panels.data if t.type == "scatter" and t.legendgroup and t.legendgroup.startswith("unit")]
    assert len(lines) == 4  # each unit in its own panel and in the output panel
    for t in lines:
        k = int(t.legendgroup.split()[-1]) - 1
        assert_on_line(t.x, t.y, W1[k], b1[k], (tuple(panels.layout.xaxis.range), tuple(panels.layout.yaxis.range)))


def test_matplotlib_neuron_line_satisfies_its_equation():
    matplotlib = pytest.importorskip("matplotlib")
    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    _, ax = plt.subplots()
    line = plot.draw_neuron_line(ax, [2.0, -1.0], [0.5], xlim=(-1, 1), ylim=(-1, 1))
    assert_on_line(*line.get_data(), np.array([2.0, -1.0]), 0.5, ((-1, 1), (-1, 1)))
    plt.close(ax.figure)


def test_hidden_space_output_line_satisfies_v_h_plus_c():
    X, y = nnlib.logic_gate("xor", encoding="bipolar")
    net = nnlib.mlp([2, 2, 1], hidden="tanh", output="tanh", seed=0)
    net.fit(X, y, epochs=300, lr=0.2)
    fig = plot.hidden_space(net, X, y)
    (line,) = [t for t in fig.data if t.name and t.name.startswith("output unit's line")]
    v, c = net.layers[2].W[0], net.layers[2].b[0]
    assert_on_line(line.x, line.y, v, c, (tuple(fig.layout.xaxis.range), tuple(fig.layout.yaxis.range)))


# -- animations: one frame per chosen snapshot, each showing that snapshot -----------------------


@pytest.fixture(scope="module")
def trained_xor():
    X, y = nnlib.logic_gate("xor", encoding="bipolar")
    net = nnlib.mlp([2, 2, 1], hidden="tanh", output="tanh", seed=0)
    history = net.fit(X, y, epochs=200, lr=0.2, snapshot_every=5)
    return net, history, X, y


def test_animation_frames_match_their_snapshots(trained_xor):
    net, history, X, y = trained_xor
    before = net.get_parameters()
    fig = plot.decision_boundary_animation(net, history.snapshots, X, y, grid=11, show_units=True, max_frames=12)
    chosen = plot.pick_snapshots(history.snapshots, 12)
    assert [f.name for f in fig.frames] == [str(s.epoch) for s in chosen]
    assert chosen[0].epoch == 0 and chosen[-1].epoch == 200
    assert [step.label for step in fig.layout.sliders[0].steps] == [f.name for f in fig.frames]
    probe = nnlib.mlp([2, 2, 1], hidden="tanh", output="tanh", seed=0)
    for frame, snapshot in zip(fig.frames, chosen):
        probe.set_parameters(snapshot.parameters)
        _, _, Z = plot.grid_outputs(probe, X, grid=11)
        assert np.allclose(frame.data[0].z, Z, atol=1e-6)
        assert f"epoch {snapshot.epoch} ·" in frame.layout.title.text
        W1, b1 = snapshot.parameters[:2]
        box = (tuple(fig.layout.xaxis.range), tuple(fig.layout.yaxis.range))
        for k, unit in enumerate(frame.data[1:]):
            if len(unit.x):
                assert_on_line(unit.x, unit.y, W1[k], b1[k], box)
    assert np.allclose(fig.data[0].z, fig.frames[0].data[0].z)  # the figure opens on the first frame
    assert all(np.array_equal(a, b) for a, b in zip(before, net.get_parameters()))  # parameters restored


def test_pick_snapshots_keeps_first_and_last_evenly(trained_xor):
    _, history, _, _ = trained_xor
    chosen = plot.pick_snapshots(history.snapshots, 9)
    epochs = [s.epoch for s in chosen]
    assert len(chosen) == 9 and epochs[0] == 0 and epochs[-1] == 200
    assert np.ptp(np.diff(epochs)) <= 5  # evenly spread, to one snapshot step


# -- loss curves: epoch axes start at 1 ----------------------------------------------------------


def test_loss_curves_epochs_start_at_1(trained_xor):
    X, y = nnlib.logic_gate("xor")
    net = nnlib.mlp([2, 3, 1], seed=0)
    history = net.fit(X, y, epochs=25, lr=1.0, validation_data=(X, y))
    fig = plot.loss_curves(history)
    train, val = fig.data
    assert list(train.x) == list(range(1, 26)) and list(val.x) == list(range(1, 26))
    assert np.allclose(train.y, history.loss, rtol=1e-6) and np.allclose(val.y, history.val_loss, rtol=1e-6)
    assert fig.layout.xaxis.range[0] == 1
    assert (train.name, val.name) == ("training", "validation")


def test_loss_comparison_epochs_start_at_1_and_keep_the_last():
    runs = {"a": np.linspace(1, 0, 95), "b": np.linspace(2, 1, 40)}
    fig = plot.loss_comparison(runs, every=10)
    for trace, losses in zip(fig.data, runs.values()):
        x = np.asarray(trace.x)
        assert x[0] == 1 and x[-1] == len(losses) and np.all(np.diff(x) > 0)
        assert np.allclose(trace.y, losses[x - 1], rtol=1e-6)
    assert [t.name for t in fig.data] == ["a", "b"]
    assert fig.layout.xaxis.range[0] == 1
    assert fig.data[0].line.color != fig.data[1].line.color
    with pytest.raises(ValueError, match="every"):
        plot.loss_comparison(runs, every=0)


# -- every figure: container width, sensible height, the palette, a legend for every line --------


def all_figures(trained_xor):
    net, history, X, y = trained_xor
    X01, y01 = nnlib.logic_gate("xor")
    net4 = nnlib.mlp([2, 4, 1], seed=0)
    line = nnlib.mlp([1, 1], seed=0)
    threshold_X, threshold_y = nnlib.threshold(20)
    line_history = line.fit(threshold_X, threshold_y, epochs=5, lr=0.5, snapshot_every=1)
    return {
        "loss_curves": plot.loss_curves(history),
        "loss_comparison": plot.loss_comparison({"run": history}),
        "loss_surface": plot.loss_surface(lambda w, b: w * w + b * b, (-1, 1), (-1, 1),
                                          path=line_history.snapshots, resolution=5),
        "decision_boundary_figure": plot.decision_boundary_figure(net, X, y, show_units=True),
        "decision_boundary_animation": plot.decision_boundary_animation(net, history.snapshots, X, y, grid=7,
                                                                        show_units=True, max_frames=4),
        "hidden_unit_panels": plot.hidden_unit_panels(net, X, y, grid=7),
        "hidden_unit_panels 4": plot.hidden_unit_panels(net4, X01, y01, grid=7),
        "hidden_space": plot.hidden_space(net, X, y),
        "output_surface": plot.output_surface(net, X, y, grid=7),
        "success_bar_chart": plot.success_bar_chart([0.1, 1], [3, 4], 5),
    }


def test_every_figure_fills_its_container_at_a_sensible_height(trained_xor):
    for name, fig in all_figures(trained_xor).items():
        assert fig.layout.width is None, name
        assert fig.layout.autosize is True, name
        assert 350 <= fig.layout.height <= 900, name
    assert plot.loss_curves([1.0, 0.5], width=500).layout.width == 500  # pinned on request


def test_every_figure_uses_the_palette(trained_xor):
    colorscale = tuple(tuple(stop) for stop in BOUNDARY_COLORSCALE)
    for name, fig in all_figures(trained_xor).items():
        for t in fig.data:
            marker = getattr(t, "marker", None)
            if t.type in ("scatter", "scatter3d") and t.mode == "markers" and t.name and t.name.startswith("y ="):
                assert marker.color in CLASS_COLORS and marker.symbol in CLASS_SYMBOLS, (name, t.name)
            if t.type in ("heatmap", "contour") and t.showscale is not False and t.z is not None:
                assert t.colorscale == colorscale, (name, t.type)
    fig = all_figures(trained_xor)["decision_boundary_figure"]
    points = [t for t in fig.data if t.type == "scatter" and t.mode == "markers"]
    assert [(t.marker.color, t.marker.symbol) for t in points] == list(zip(CLASS_COLORS[:2], CLASS_SYMBOLS[:2]))


def legend_entries(fig):
    """The names the legend shows: point and line traces with showlegend not False."""
    return [t.name for t in fig.data if t.type in ("scatter", "scatter3d") and t.showlegend is not False]


def test_every_drawn_line_is_named_in_the_legend(trained_xor):
    for name, fig in all_figures(trained_xor).items():
        shown = legend_entries(fig)
        groups = {t.legendgroup for t in fig.data if t.type == "scatter" and t.showlegend is not False
                  and t.legendgroup}
        assert len(shown) == len(set(shown)), (name, shown)  # no two entries share a name
        for t in fig.data:
            if t.type == "scatter" and "lines" in (t.mode or "") and t.x is not None and len(t.x):
                assert t.name and (t.showlegend is not False or t.legendgroup in groups), (name, t.name)
        if name in ("decision_boundary_figure", "decision_boundary_animation", "hidden_unit_panels"):
            assert "decision boundary (output = 0)" in shown, name


def test_hidden_lines_differ_in_dash_and_name(trained_xor):
    figures = all_figures(trained_xor)
    for name in ("decision_boundary_figure", "hidden_unit_panels", "hidden_unit_panels 4"):
        units = [t for t in figures[name].data if t.type == "scatter" and t.showlegend is not False
                 and t.name and t.name.startswith("hidden unit")]
        assert len(units) in (2, 4), name
        assert len({t.line.dash for t in units}) == len(units), name
        assert len({t.name for t in units}) == len(units), name


def test_one_layer_network_lines_are_not_called_hidden():
    X, y = nnlib.logic_gate("and")
    fig = plot.decision_boundary_figure(nnlib.mlp([2, 1], seed=0), X, y, show_units=True)
    assert "the neuron: w·x + b = 0" in legend_entries(fig)
    assert not [n for n in legend_entries(fig) if n.startswith("hidden")]


def test_the_player_puts_the_slider_under_the_buttons_not_beside_them():
    # Side by side they overlapped in an 800 px column; a row each fits any width.
    layout = plot.player(["0", "10", "20"], 100)
    buttons, slider = layout["updatemenus"][0], layout["sliders"][0]
    assert buttons["y"] == slider["y"] == 0.0 and buttons["yanchor"] == slider["yanchor"] == "top"
    assert slider["pad"]["t"] >= buttons["pad"]["t"] + 40   # a button is about 35 px tall
    assert slider["x"] == 0.0 and slider["len"] == 1.0
    assert [step["args"][0] for step in slider["steps"]] == [["0"], ["10"], ["20"]]
    assert buttons["buttons"][0]["args"][1]["frame"]["duration"] == 100
