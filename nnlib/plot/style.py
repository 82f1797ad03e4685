"""What every figure shares: the colours of lines that are not a class, float32 arrays, the size rule.

Every figure uses the series' one palette (``nnlib.plot.palette``): the classes differ in colour and in
marker shape. Plotly figures have no fixed width: they fill the notebook column (or the web page) they are
drawn in, with a fixed height; pass ``width=`` to pin one.
"""

import numpy as np

# Lines that are not a class (a decision boundary, a neuron's line) are drawn in black and greys, so
# the class colours keep one meaning. Hidden units' lines differ by dash, and the legend names each.
BOUNDARY_COLOR = "black"
UNIT_LINE_COLOR = "#444444"
UNIT_DASHES = ("dash", "dot", "dashdot", "longdashdot", "12px,3px,2px,3px,2px,3px")  # Plotly: unit 1, 2, …
UNIT_LINESTYLES = ("--", ":", "-.", (0, (10, 3, 2, 3)), (0, (12, 3, 2, 3, 2, 3)))      # the same in matplotlib
# Legend order: the classes' points first (Plotly's default rank is 1000), then unit lines, then the boundary.
UNIT_RANK, BOUNDARY_RANK = 1001, 1100

# Figures are drawn from float32 arrays on coarse grids, so a notebook with a
# few animations stays well under 2 MB.
DTYPE = np.float32


def size(fig, width, height):
    """Fill the container's width (unless ``width`` pins it), at a fixed ``height`` in pixels."""
    fig.update_layout(autosize=True, width=width, height=height)
    return fig


def unit_dash(k):
    """The Plotly dash of hidden unit k's line (0-based); the matplotlib style is ``UNIT_LINESTYLES[k % 5]``."""
    return UNIT_DASHES[k % len(UNIT_DASHES)]


# A legend in one row above the plot: it takes no width from a narrow column.
LEGEND_ON_TOP = {"orientation": "h", "x": 0.0, "xanchor": "left", "y": 1.0, "yanchor": "bottom"}
