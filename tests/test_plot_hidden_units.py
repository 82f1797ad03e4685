"""The notebook-05 figures of nnlib.plot: hidden units, hidden space, output surface, success bars."""

import numpy as np
import pytest

import nnlib

plot = pytest.importorskip("nnlib.plot")
pytest.importorskip("plotly")


@pytest.fixture(scope="module")
def xor_net():
    X, y = nnlib.logic_gate("xor", encoding="bipolar")
    net = nnlib.mlp([2, 2, 1], hidden="tanh", output="tanh", seed=0)
    net.fit(X, y, epochs=300, lr=0.2)
    return net, X, y


def test_hidden_unit_panels_has_one_map_per_unit_and_the_output(xor_net):
    net, X, y = xor_net
    before = net.get_parameters()
    fig = plot.hidden_unit_panels(net, X, y, grid=21)
    heatmaps = [t for t in fig.data if t.type == "heatmap"]
    assert len(heatmaps) == 3  # two hidden units, then the output
    assert all(np.asarray(t.z).dtype == np.float32 and np.asarray(t.z).shape == (21, 21) for t in heatmaps)
    # the first map is hidden unit 1: tanh(w1 · x + b1) at the grid corner (x1, x2) = (xs[0], ys[0])
    W1, b1 = net.parameters()[:2]
    corner = np.tanh(W1[0] @ [heatmaps[0].x[0], heatmaps[0].y[0]] + b1[0])
    assert np.asarray(heatmaps[0].z)[0, 0] == pytest.approx(corner, abs=1e-5)
    assert all(np.array_equal(a, b) for a, b in zip(before, net.get_parameters()))


def test_hidden_unit_panels_lays_out_four_units_in_two_rows():
    X, y = nnlib.logic_gate("xor")
    net = nnlib.mlp([2, 4, 1], hidden="sigmoid", output="sigmoid", seed=0)
    fig = plot.hidden_unit_panels(net, X, y, grid=11)
    assert len([t for t in fig.data if t.type == "heatmap"]) == 5
    assert fig.layout.xaxis6.visible is False  # the sixth cell of the 2 × 3 grid stays empty


def test_hidden_space_puts_the_points_at_their_hidden_values(xor_net):
    net, X, y = xor_net
    fig = plot.hidden_space(net, X, y)
    H = np.tanh(X @ net.parameters()[0].T + net.parameters()[1])
    markers = [t for t in fig.data if t.mode == "markers"]
    drawn = np.concatenate([np.column_stack([t.x, t.y]) for t in markers])
    assert sorted(map(tuple, np.round(drawn, 6))) == sorted(map(tuple, np.round(H, 6)))
    # (-1, 1) and (1, -1) land on the same hidden point and share one label
    assert len(fig.layout.annotations) == 3


def test_hidden_space_needs_two_hidden_units():
    X, y = nnlib.logic_gate("xor")
    with pytest.raises(ValueError, match="two hidden units"):
        plot.hidden_space(nnlib.mlp([2, 4, 1], seed=0), X, y)
    with pytest.raises(ValueError, match="hidden layer"):
        plot.hidden_space(nnlib.mlp([2, 1], seed=0), X, y)


def test_output_surface_is_float32_on_a_coarse_grid(xor_net):
    net, X, y = xor_net
    fig = plot.output_surface(net, X, y, grid=15)
    surface = fig.data[0]
    assert surface.type == "surface"
    assert np.asarray(surface.z).dtype == np.float32 and np.asarray(surface.z).shape == (15, 15)
    heights = np.concatenate([t.z for t in fig.data[1:]])
    assert np.allclose(np.sort(heights), np.sort(net.predict(X)[:, 0] + 0.04), atol=1e-5)


def test_success_bar_chart_labels_counts_and_checks_lengths():
    fig = plot.success_bar_chart([0.01, 0.1, 1, 3], [0, 41, 37, 10], 50)
    bar = fig.data[0]
    assert list(bar.x) == ["0.01", "0.1", "1", "3"]
    assert np.allclose(bar.y, [0, 82, 74, 20])
    assert list(bar.text) == ["0 / 50", "41 / 50", "37 / 50", "10 / 50"]
    with pytest.raises(ValueError, match="one count per scale"):
        plot.success_bar_chart([0.1, 1], [3], 50)
