"""nnlib.plot.regions and .sweeps: the numbers behind the class regions, sweeps, early stopping, optimism.

nbval ignores Plotly cells, so these tests are what stands between a figure and a wrong picture: the grid's
orientation, the class of every cell, the frames of an animation, the lines and markers of the sweeps.
"""

import numpy as np
import pytest

import nnlib

pc = pytest.importorskip("nnlib.plot")
pytest.importorskip("plotly")
from nnlib import plot  # noqa: E402  (after the importorskip of plotly)
from nnlib.plot.palette import CLASS_COLORS, CLASS_SYMBOLS, CLASS_TINTS  # noqa: E402


def sector_net():
    """A softmax network with no hidden layer whose class is read off the position: easy to predict by hand.

    Logits z = (x1, −x1, 3·x2): class 0 wins on the right, class 1 on the left, class 2 high up.
    """
    net = nnlib.Network([nnlib.Dense(2, 3, seed=0), nnlib.Softmax()])
    net.set_parameters([[[1.0, 0.0], [-1.0, 0.0], [0.0, 3.0]], [0.0, 0.0, 0.0]])
    return net


def expected_class(x1, x2):
    return int(np.argmax([x1, -x1, 3 * x2]))


@pytest.fixture(scope="module")
def spiral_run():
    X, y = nnlib.spiral(90, classes=3, noise=0.05, seed=0)
    net = nnlib.mlp([2, 8, 3], hidden="tanh", output="softmax", seed=0)
    history = net.fit(X, nnlib.one_hot(y, 3), epochs=60, lr=0.05, loss="cce", optimiser="adam", snapshot_every=2)
    return net, history, X, y


# -- the grid ---------------------------------------------------------------------------------------

def test_plane_axes_are_the_grid_of_nnlib_plot():
    X = np.array([[-1.0, 0.0], [2.0, 4.0], [0.5, 1.0]])
    xs, ys = pc.plane_axes(X, grid=11, padding=0.25)
    net = nnlib.mlp([2, 1], seed=0)
    plot_xs, plot_ys, _ = plot.grid_outputs(net, X, grid=11, padding=0.25)
    assert np.array_equal(xs, plot_xs) and np.array_equal(ys, plot_ys)
    assert xs.dtype == np.float32 and xs[0] == pytest.approx(-1.75) and xs[-1] == pytest.approx(2.75)
    assert ys[0] == pytest.approx(-1.0) and ys[-1] == pytest.approx(5.0)


def test_class_grid_rows_follow_x2_and_columns_x1():
    net = sector_net()
    X = np.array([[-2.0, -1.0], [2.0, 1.0]])
    xs, ys, P = pc.class_grid(net, X, grid=9, padding=0.0)
    assert P.shape == (9, 9, 3) and P.dtype == np.float32
    for i in (0, 3, 8):
        for j in (0, 5, 8):
            point = np.array([[xs[j], ys[i]]], dtype=float)
            assert np.allclose(P[i, j], net.predict(point)[0], atol=1e-6)
    # top row (largest x2) belongs to class 2, the bottom-right corner to class 0, bottom-left to class 1
    assert np.argmax(P[-1, 4]) == 2 and np.argmax(P[0, -1]) == 0 and np.argmax(P[0, 0]) == 1


def test_a_sigmoid_output_gives_two_classes():
    net = nnlib.mlp([2, 1], output="sigmoid", seed=0)
    points = np.array([[0.0, 0.0], [1.0, -2.0], [-3.0, 0.5]])
    P = pc.class_probabilities(net, points)
    p = net.predict(points)[:, 0]
    assert np.allclose(P, np.column_stack([1 - p, p]), rtol=0, atol=1e-15)


# -- codes and colours -------------------------------------------------------------------------------

def test_region_codes_hold_the_argmax_and_a_shade_of_sureness():
    P = np.array([[1 / 3, 1 / 3, 1 / 3 + 1e-9],  # a tie: class 2 by a hair, palest shade
                  [0.0, 1.0, 0.0],                 # certain: class 1, strongest shade
                  [0.1, 0.2, 0.7],                 # sureness (0.7 − 1/3) / (2/3) = 0.55: middle shade
                  [0.6, 0.3, 0.1]])                # sureness 0.4: middle shade of class 0
    codes = pc.region_codes(P, levels=3)
    assert codes.dtype == np.int8
    assert codes.tolist() == [2 * 3 + 0, 1 * 3 + 2, 2 * 3 + 1, 0 * 3 + 1]


def test_every_cell_shows_the_argmax_of_the_network_there(spiral_run):
    net, _, X, y = spiral_run
    fig = pc.class_regions_figure(net, X, y, grid=21)
    heatmap = fig.data[0]
    xs, ys, codes = np.asarray(heatmap.x), np.asarray(heatmap.y), np.asarray(heatmap.z)
    assert codes.shape == (21, 21)
    xx, yy = np.meshgrid(xs.astype(float), ys.astype(float))
    argmax = np.argmax(net.predict(np.column_stack([xx.ravel(), yy.ravel()])), axis=1).reshape(codes.shape)
    assert np.array_equal(codes // pc.regions.LEVELS, argmax)
    assert len(np.unique(argmax)) == 3  # all three classes appear, so the test can fail


def test_the_colour_scale_paints_each_code_in_its_class_tint():
    scale = pc.region_colorscale(3, levels=3)
    colours = pc.region_colours(3, levels=3)
    assert len(scale) == 2 * 9 and colours[2] == CLASS_TINTS[0] and colours[8] == CLASS_TINTS[2]
    assert colours[0] != colours[2]  # unsure is paler than sure
    # code i sits at (i + 0.5) / 9 on the scale (zmin −0.5, zmax 8.5), inside the band painted colours[i]
    for i, colour in enumerate(colours):
        position = (i + 0.5) / 9
        band = [c for (a, c), (b, _) in zip(scale[::2], scale[1::2]) if a <= position <= b]
        assert band == [colour]


def test_points_are_drawn_in_their_class_colour_and_shape(spiral_run):
    net, _, X, y = spiral_run
    fig = pc.class_regions_figure(net, X, nnlib.one_hot(y, 3), class_names=["a", "b", "c"])
    points = [t for t in fig.data if t.type == "scatter"]
    assert [t.name for t in points] == ["a", "b", "c"]
    for c, trace in enumerate(points):
        assert trace.marker.color == CLASS_COLORS[c] and trace.marker.symbol == CLASS_SYMBOLS[c]
        drawn = np.column_stack([trace.x, trace.y])
        assert np.allclose(drawn, X[y == c], atol=1e-6)
    assert "accuracy" in fig.layout.title.text and fig.layout.width is None and fig.layout.autosize


# -- the animation -------------------------------------------------------------------------------------

def test_frames_match_the_snapshots_and_the_network_is_restored(spiral_run):
    net, history, X, y = spiral_run
    before = net.get_parameters()
    fig = pc.class_regions_animation(net, history.snapshots, X, y, grid=15, max_frames=10)
    assert all(np.array_equal(a, b) for a, b in zip(before, net.get_parameters()))
    chosen = pc.pick_snapshots(history.snapshots, 10)
    assert [f.name for f in fig.frames] == [str(s.epoch) for s in chosen]
    assert fig.frames[0].name == "0" and fig.frames[-1].name == str(history.snapshots[-1].epoch)
    probe = nnlib.mlp([2, 8, 3], hidden="tanh", output="softmax", seed=0)
    for frame, snapshot in zip(fig.frames, chosen):
        probe.set_parameters(snapshot.parameters)
        _, _, P = pc.class_grid(probe, X, grid=15)
        assert np.array_equal(np.asarray(frame.data[0].z), pc.region_codes(P))
        assert frame.traces == (0,)
        assert f"epoch {snapshot.epoch} ·" in frame.layout.title.text
    assert not np.array_equal(np.asarray(fig.frames[0].data[0].z), np.asarray(fig.frames[-1].data[0].z))
    # the figure itself starts at the first frame; the slider has one step per frame
    assert np.array_equal(np.asarray(fig.data[0].z), np.asarray(fig.frames[0].data[0].z))
    assert [s.label for s in fig.layout.sliders[0].steps] == [f.name for f in fig.frames]
    assert [b.label for b in fig.layout.updatemenus[0].buttons] == ["▶ Play", "❚❚ Pause"]


def test_pick_snapshots_keeps_the_first_and_the_last():
    snapshots = [nnlib.Snapshot(epoch, []) for epoch in range(0, 101)]
    picked = pc.pick_snapshots(snapshots, 30)
    assert len(picked) == 30 and picked[0].epoch == 0 and picked[-1].epoch == 100
    assert pc.pick_snapshots(snapshots[:5], 30) == snapshots[:5]
    with pytest.raises(ValueError, match="snapshots is empty"):
        pc.pick_snapshots([], 30)


def test_panels_draw_each_network_on_the_same_grid():
    X, y = nnlib.moons(60, noise=0.2, seed=0)
    nets = [nnlib.mlp([2, 4, 1], hidden="tanh", output="sigmoid", seed=s) for s in (0, 1)]
    fig = pc.class_regions_panels(nets, X, y, titles=["one", "two"], grid=13)
    heatmaps = [t for t in fig.data if t.type == "heatmap"]
    assert len(heatmaps) == 2 and heatmaps[1].xaxis == "x2"
    for net, heatmap in zip(nets, heatmaps):
        xx, yy = np.meshgrid(np.asarray(heatmap.x, float), np.asarray(heatmap.y, float))
        p = net.predict(np.column_stack([xx.ravel(), yy.ravel()]))[:, 0].reshape(xx.shape)
        assert np.array_equal(np.asarray(heatmap.z) // pc.regions.LEVELS, (p > 0.5).astype(int))
    assert [a.text.split("<br>")[0] for a in fig.layout.annotations] == ["one", "two"]
    # x2 is named once, left of the first panel: a second name would sit on the first panel in a narrow column
    assert fig.layout.yaxis.title.text == "x2" and fig.layout.yaxis2.title.text is None
    assert fig.layout.xaxis.title.text == fig.layout.xaxis2.title.text == "x1"
    with pytest.raises(ValueError, match="same length"):
        pc.class_regions_panels(nets, X, y, titles=["one"])


def test_bad_input_is_named():
    net = sector_net()
    with pytest.raises(ValueError, match=r"X must have shape \(n, 2\)"):
        pc.class_regions_figure(net, np.zeros((4, 3)), np.zeros(4))
    with pytest.raises(ValueError, match="y must be whole numbers from 0 to 2"):
        pc.class_regions_figure(net, np.zeros((3, 2)), np.array([0.0, 1.0, 3.0]))
    with pytest.raises(ValueError, match="class_names must name 3 classes"):
        pc.class_regions_figure(net, np.zeros((3, 2)), np.array([0.0, 1.0, 2.0]), class_names=["a", "b"])
    with pytest.raises(ValueError, match="network must take 2 inputs"):
        pc.class_probabilities(nnlib.mlp([3, 2], output="softmax", seed=0), np.zeros((1, 3)))
    with pytest.raises(ValueError, match="grid must be an int"):
        pc.plane_axes(np.zeros((2, 2)), grid=1)


# -- sweeps, early stopping, optimism ------------------------------------------------------------------

def test_sweep_figure_draws_both_losses_and_stars_the_lowest_validation_loss():
    fig = pc.sweep_figure([1, 2, 4, 8], [0.6, 0.3, 0.1, 0.01], [0.7, 0.5, 0.4, 0.9], x_title="width", title="t")
    train, val, star, _ = fig.data
    assert list(train.x) == ["1", "2", "4", "8"] and np.allclose(train.y, [0.6, 0.3, 0.1, 0.01])
    assert np.allclose(val.y, [0.7, 0.5, 0.4, 0.9]) and val.fill == "tonexty"  # the gap is shaded down to training
    assert list(star.x) == ["4"] and star.y[0] == pytest.approx(0.4)
    assert fig.layout.xaxis.type == "category"
    rates = pc.sweep_figure([0, 1e-4, 3e-3], [0.1, 0.2, 0.3], [0.9, 0.5, 0.6], x_title="λ", title="t")
    assert list(rates.data[0].x) == ["0", "0.0001", "0.003"]
    with pytest.raises(ValueError, match="one number per setting"):
        pc.sweep_figure([1, 2], [0.1], [0.2, 0.3], x_title="w", title="t")


def test_stopping_epochs_follow_the_rule_of_fit():
    X, y = nnlib.circles(60, noise=0.2, seed=0)
    (X_train, y_train), (X_val, y_val) = nnlib.split(X, y, (0.5, 0.5), seed=0)
    full = nnlib.mlp([2, 16, 1], hidden="tanh", seed=0).fit(
        X_train, y_train, epochs=400, lr=0.05, loss="bce", optimiser="adam", validation_data=(X_val, y_val))
    stopped = nnlib.mlp([2, 16, 1], hidden="tanh", seed=0).fit(
        X_train, y_train, epochs=400, lr=0.05, loss="bce", optimiser="adam", validation_data=(X_val, y_val),
        early_stopping=20)
    stop, best = pc.stopping_epochs(full.val_loss, 20)
    assert stop is not None and stop < 400  # the run does overfit, so early stopping acts
    assert (stop, best) == (stopped.epochs_run, stopped.best_epoch)
    assert pc.stopping_epochs([3.0, 2.0, 1.0], 5) == (None, 3)
    assert pc.stopping_epochs([1.0, 2.0, 3.0, 0.5], 2) == (3, 1)


def test_early_stopping_figure_marks_the_best_epoch_and_the_stop():
    history = nnlib.History(loss=np.array([1.0, 0.5, 0.3, 0.2, 0.1]), val_loss=np.array([1.1, 0.7, 0.8, 0.9, 1.0]),
                            best_epoch=2, epochs_run=5)
    fig = pc.early_stopping_figure(history, 2)
    train, val, star, stop = fig.data
    assert list(train.x) == [1, 2, 3, 4, 5] and np.allclose(val.y, history.val_loss)
    assert list(star.x) == [2] and star.y[0] == pytest.approx(0.7) and "best epoch 2" in star.name
    assert list(stop.x) == [4, 4] and "stops after epoch 4" in stop.name
    assert [s.x0 for s in fig.layout.shapes] == [2, 4]
    with pytest.raises(ValueError, match="validation"):
        pc.early_stopping_figure(nnlib.History(loss=np.ones(3)), 2)


def test_optimism_figure_counts_every_repetition_once():
    honest = np.array([-0.02, 0.0, 0.0, 0.02, 0.04])
    peeking = np.array([0.02, 0.04, 0.04, 0.06, 0.08])
    fig = pc.optimism_figure({"validation chooses": honest, "test chooses": peeking})
    assert [int(np.sum(bar.y)) for bar in fig.data] == [5, 5]
    for bar, values in zip(fig.data, (honest, peeking)):
        centres = np.asarray(bar.x, float)
        counts = np.asarray(bar.y)
        assert np.isclose(np.sum(centres * counts) / counts.sum(), values.mean(), atol=1 / 96)
    means = [s.x0 for s in fig.layout.shapes[:2]]
    assert means == pytest.approx([honest.mean(), peeking.mean()])
    assert "+0.008" in fig.data[0].name and "+0.048" in fig.data[1].name
    tiny = pc.optimism_figure({"tiny": np.array([-0.0004, 0.0])})
    assert tiny.data[0].name == "tiny: mean +0.000"  # never "-0.000"
