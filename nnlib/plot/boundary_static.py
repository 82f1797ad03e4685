"""The decision-boundary picture and a neuron's line drawn with matplotlib: static, shown anywhere.

matplotlib is imported inside the functions, not by ``import nnlib``.
"""

from .boundary import _prepare, _unit_lines, _unit_names, grid_outputs, neuron_line
from .palette import BOUNDARY_COLORSCALE, CLASS_COLORS, CLASS_MARKERS
from .style import BOUNDARY_COLOR, UNIT_LINE_COLOR, UNIT_LINESTYLES


def plot_decision_boundary(network, X, y, *, ax=None, grid=101, padding=0.25, features=None, threshold=None,
                           zrange=None, show_units=False, class_names=None, title="Decision boundary"):
    """The same picture as ``decision_boundary_figure``, drawn with matplotlib (static, shows on GitHub).

    Returns the matplotlib Axes.
    """
    import matplotlib.pyplot as plt
    from matplotlib.colors import LinearSegmentedColormap

    X, y, threshold, zrange, positive, class_names = _prepare(network, X, y, threshold, zrange, class_names)
    xs, ys, Z = grid_outputs(network, X, grid=grid, padding=padding, features=features)
    if ax is None:
        _, ax = plt.subplots(figsize=(5.2, 4.6))
    cmap = LinearSegmentedColormap.from_list("boundary", [c for _, c in BOUNDARY_COLORSCALE])
    image = ax.pcolormesh(xs, ys, Z, cmap=cmap, vmin=zrange[0], vmax=zrange[1], shading="auto")
    ax.figure.colorbar(image, ax=ax, label="output")
    if Z.min() < threshold < Z.max():
        ax.contour(xs, ys, Z, levels=[threshold], colors=BOUNDARY_COLOR, linewidths=2.5)
    ax.plot([], [], color=BOUNDARY_COLOR, linewidth=2.5, label=f"decision boundary (output = {threshold:g})")
    if show_units:
        names = _unit_names(network)
        for k, (x_line, y_line) in enumerate(_unit_lines(network, xs, ys)):
            ax.plot(x_line, y_line, linestyle=UNIT_LINESTYLES[k % len(UNIT_LINESTYLES)], color=UNIT_LINE_COLOR,
                    label=f"{names[k]}: w·x + b = 0")
    for cls, mask in enumerate((~positive, positive)):
        ax.scatter(X[mask, 0], X[mask, 1], s=110, c=CLASS_COLORS[cls], marker=CLASS_MARKERS[cls], edgecolors="white",
                   linewidths=1.5, label=class_names[cls], zorder=3)
    ax.set(xlim=(xs[0], xs[-1]), ylim=(ys[0], ys[-1]), xlabel="x1", ylabel="x2", title=title, aspect="equal")
    ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.15), ncol=2, fontsize=8, frameon=False)
    return ax


def draw_neuron_line(ax, w, b, *, xlim=None, ylim=None, **style):
    """Draw one neuron's decision line w1·x1 + w2·x2 + b = 0 on a matplotlib Axes; returns the Line2D (or None).

    The box defaults to the Axes' current limits; ``style`` goes to ``ax.plot``.
    """
    xlim = ax.get_xlim() if xlim is None else xlim
    ylim = ax.get_ylim() if ylim is None else ylim
    x_line, y_line = neuron_line(w, b, xlim, ylim)
    if not len(x_line):
        return None
    (line,) = ax.plot(x_line, y_line, **style)
    ax.set(xlim=xlim, ylim=ylim)
    return line
