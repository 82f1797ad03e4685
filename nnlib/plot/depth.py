"""Pictures of a deep network at the start of training (notebook 10): activation histograms layer by layer.

The picture CS231n made famous: one row per way of starting the weights, one
column per layer, each panel the histogram of that layer's outputs over a batch.
With weights too small the histograms collapse onto 0 layer after layer; too
large, they pile up at the ends of the activation's range; well chosen, they
keep their shape. The values come from ``nnlib.layer_stats.hidden_layers``.
matplotlib is imported here, not by ``import nnlib``.
"""

import numpy as np

from .palette import CLASS_COLORS

BINS = 40


def layer_histogram(values, value_range, bins=BINS):
    """Counts of ``values`` in ``bins`` equal bins over ``value_range``, as fractions of all values (they sum to 1
    when every value lies in the range), and the bin edges. Values outside the range are not counted."""
    values = np.asarray(values, dtype=float).ravel()
    counts, edges = np.histogram(values, bins=bins, range=value_range)
    return counts / values.size, edges


def activation_histograms(rows, layers, *, value_ranges, skip_zeros=(), title="Activations of each layer at the start",
                          width=8.0, row_height=1.55):
    """A grid of histograms: ``rows`` maps a row label to the list of every hidden layer's outputs (arrays).

    ``layers`` lists the (1-based) layers to show, one column each; ``value_ranges``
    maps each row label to the (low, high) range of its histograms (e.g. (−1, 1) for
    tanh). Rows named in ``skip_zeros`` leave exact zeros out of the histogram (a
    relu layer's zeros, half of its outputs, would be one tall bar that flattens the
    rest). Each panel is titled with its layer and the standard deviation of all its
    values (also of those outside the range or skipped). Returns the matplotlib
    Figure; the default 8 inches at 100 dpi fit an 800 px column.
    """
    import matplotlib.pyplot as plt

    labels = list(rows)
    fig, axes = plt.subplots(len(labels), len(layers), figsize=(width, row_height * len(labels) + 0.6),
                             sharey="row", squeeze=False)
    for r, label in enumerate(labels):
        for c, layer in enumerate(layers):
            ax = axes[r, c]
            values = np.asarray(rows[label][layer - 1], dtype=float)
            shown = values[values != 0] if label in skip_zeros else values
            fractions, edges = layer_histogram(shown, value_ranges[label])
            ax.stairs(fractions, edges, fill=True, color=CLASS_COLORS[1], alpha=0.8)
            ax.set_xlim(*value_ranges[label])
            ax.set_title(f"layer {layer}: std {values.std():.2g}", fontsize=8)
            ax.tick_params(labelsize=7)
            ax.set_yticks([])
            if c == 0:
                ax.set_ylabel(label, fontsize=8, rotation=0, ha="right", va="center")
    fig.suptitle(title, fontsize=10)
    fig.tight_layout()
    return fig
