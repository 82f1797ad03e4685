"""nnlib.plot.depth: the histograms behind notebook 10's picture of a deep stack."""

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402

from nnlib import plot  # noqa: E402


def test_layer_histogram_counts_fractions_of_all_values_in_equal_bins():
    values = np.array([-1.0, -0.5, 0.0, 0.25, 0.5, 2.0])     # 2.0 lies outside the range and is not counted
    fractions, edges = plot.layer_histogram(values, (-1, 1), bins=4)
    assert np.allclose(edges, [-1, -0.5, 0, 0.5, 1])
    assert np.allclose(fractions, np.array([1, 1, 2, 1]) / 6)                # bins hold their left edge


def test_activation_histograms_draw_one_panel_per_row_and_layer_with_the_right_bars():
    rng = np.random.default_rng(0)
    layers = [rng.normal(0, 0.5 / k, size=(50, 10)) for k in range(1, 6)]
    relu = [np.maximum(layer, 0) for layer in layers]
    fig = plot.activation_histograms({"tanh": layers, "relu": relu}, layers=(1, 3, 5),
                                           value_ranges={"tanh": (-1, 1), "relu": (0, 2)}, skip_zeros=("relu",))
    axes = np.array(fig.axes).reshape(2, 3)
    assert axes[0, 1].get_title() == f"layer 3: std {layers[2].std():.2g}"
    assert axes[1, 2].get_title() == f"layer 5: std {relu[4].std():.2g}"       # the std of all values, zeros too
    assert axes[0, 0].get_xlim() == (-1, 1) and axes[1, 0].get_xlim() == (0, 2)
    bars = axes[1, 0].patches[0]                                                 # the stairs of relu, layer 1
    expected, _ = plot.layer_histogram(relu[0][relu[0] != 0], (0, 2))
    assert np.allclose(bars.get_data().values, expected)
    assert fig.get_size_inches()[0] <= 8.0                                       # 800 px at 100 dpi
    plt.close(fig)
