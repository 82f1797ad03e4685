"""Class regions of classifiers with several classes (notebook 11)
A classifier's answer at a point of the plane is the class with the largest
probability (argmax); how sure it is, is that largest probability. The region
pictures colour every cell of a grid by its class, pale where the network is
unsure and strong where it is sure, so the boundaries show up as pale bands.
Networks ending in a softmax give k probabilities; a network with one sigmoid
output gives p for class 1 and 1 − p for class 0, so both draw the same way.

Plotly is imported inside the functions, not by ``import nnlib``. Figures fill the width of their
container (autosize) and store small arrays: the region grid as int8 codes, lines as float32.
"""

import numpy as np

from ..network import class_labels
from .animation import PLAYER_MARGIN, at_snapshots, pick_snapshots, player
from .column import fits_column
from .grid import plane_grid
from .palette import CLASS_COLORS, CLASS_SYMBOLS, CLASS_TINTS
from .style import DTYPE, LEGEND_ON_TOP

LEVELS = 3           # shades per class: unsure, fairly sure, sure
PALE = "#FFFFFF"     # the colour a class's tint fades to where the network is unsure

# -- the numbers behind the region pictures ------------------------------------------------------


def class_probabilities(network, points):
    """The class probabilities (m, k) for points (m, 2): softmax outputs, or (1 − p, p) for one sigmoid output."""
    points = np.asarray(points, dtype=float)
    if network.n_inputs != 2:
        raise ValueError(f"network must take 2 inputs to be drawn in the plane; it takes {network.n_inputs}")
    out = network.predict(points)
    if out.shape[1] == 1:
        return np.column_stack([1.0 - out[:, 0], out[:, 0]])
    return out


def plane_axes(X, *, grid=41, padding=0.25):
    """The grid's axes ``xs``, ``ys`` (float32): the range of each column of X widened by ``padding`` of it.

    The same grid as ``nnlib.plot.grid_outputs``, so the two modules' pictures line up.
    """
    xs, ys, _ = plane_grid(X, grid=grid, padding=padding)
    return xs.astype(DTYPE), ys.astype(DTYPE)


def class_grid(network, X, *, grid=41, padding=0.25):
    """The network's class probabilities on a grid over the points X (n, 2).

    Returns ``(xs, ys, P)``: P has shape (len(ys), len(xs), k), and P[i, j] holds
    the probabilities at the point (xs[j], ys[i]): rows follow x2, as in an image
    and in Plotly's heat maps.
    """
    xs, ys, points = plane_grid(X, grid=grid, padding=padding)
    P = class_probabilities(network, points)
    return xs.astype(DTYPE), ys.astype(DTYPE), P.reshape(len(ys), len(xs), -1).astype(DTYPE)


def region_codes(P, levels=LEVELS):
    """One small int per cell: class · levels + shade, where class = argmax of P over its last axis.

    The shade (0 … levels − 1) grows with the largest probability, from 1/k (a tie
    of all k classes) to 1 (certain), in equal steps. ``code // levels`` is the class.
    """
    P = np.asarray(P, dtype=float)
    k = P.shape[-1]
    if k < 2:
        raise ValueError(f"P must hold the probabilities of at least 2 classes in its last axis; got shape {P.shape}")
    classes = np.argmax(P, axis=-1)
    sureness = (P.max(axis=-1) - 1.0 / k) / (1.0 - 1.0 / k)    # 0 at a k-way tie, 1 when certain
    shades = np.clip(np.floor(sureness * levels), 0, levels - 1).astype(int)
    return (classes * levels + shades).astype(np.int8)


def _blend(colour, fraction):
    """``fraction`` of the way from PALE to ``colour`` (both '#RRGGBB')."""
    a = np.array([int(PALE[i:i + 2], 16) for i in (1, 3, 5)], dtype=float)
    b = np.array([int(colour[i:i + 2], 16) for i in (1, 3, 5)], dtype=float)
    r, g, bl = np.round(a + fraction * (b - a)).astype(int)
    return f"#{r:02X}{g:02X}{bl:02X}"


def region_colours(n_classes, levels=LEVELS):
    """The colour of every code: class c's tint, from a third of it (unsure) to all of it (sure)."""
    if not 2 <= n_classes <= len(CLASS_TINTS):
        raise ValueError(f"the palette has colours for 2 to {len(CLASS_TINTS)} classes; got {n_classes}")
    return [_blend(CLASS_TINTS[c], (s + 1) / levels) for c in range(n_classes) for s in range(levels)]


def region_colorscale(n_classes, levels=LEVELS):
    """A Plotly colour scale that paints the integer code i in ``region_colours(...)[i]`` (zmin −0.5, zmax m − 0.5)."""
    colours = region_colours(n_classes, levels)
    m = len(colours)
    scale = []
    for i, colour in enumerate(colours):
        scale += [[i / m, colour], [(i + 1) / m, colour]]
    return scale


# -- region figures ---------------------------------------------------------------------------------


def _labels(network, X, y):
    X = np.asarray(X, dtype=float)
    k = max(network.n_outputs, 2)
    n_outputs = network.n_outputs
    y = np.asarray(y, dtype=float)
    if n_outputs == 1:  # one sigmoid output: labels 0/1, (n,) or (n, 1)
        y = y.reshape(-1) if y.ndim == 2 and y.shape[1] == 1 else y
        labels = class_labels(y, len(X), 2)
    else:
        labels = class_labels(y, len(X), n_outputs)
    return X, labels, k


def _region_trace(xs, ys, codes, n_classes, levels, **extra):
    import plotly.graph_objects as go

    return go.Heatmap(x=xs, y=ys, z=codes, zmin=-0.5, zmax=n_classes * levels - 0.5,
                      colorscale=region_colorscale(n_classes, levels), showscale=False, hoverinfo="skip",
                      name="class regions", **extra)


def _point_traces(X, labels, class_names, *, showlegend=True, **extra):
    import plotly.graph_objects as go

    traces = []
    for c, name in enumerate(class_names):
        mask = labels == c
        traces.append(go.Scatter(
            x=X[mask, 0].astype(DTYPE), y=X[mask, 1].astype(DTYPE), mode="markers", name=name, legendgroup=name,
            showlegend=showlegend,
            marker={"size": 8, "color": CLASS_COLORS[c], "symbol": CLASS_SYMBOLS[c],
                    "line": {"color": "white", "width": 1}},
            hovertemplate="x1 = %{x:.2f}<br>x2 = %{y:.2f}<extra>" + name + "</extra>", **extra))
    return traces


def _describe(network, X, labels, P_points=None):
    P_points = class_probabilities(network, X) if P_points is None else P_points
    return f"accuracy {100 * np.mean(np.argmax(P_points, axis=1) == labels):.0f} %"


def _names(class_names, k):
    names = tuple(class_names) if class_names is not None else tuple(f"class {c}" for c in range(k))
    if len(names) != k:
        raise ValueError(f"class_names must name {k} classes; got {len(names)}")
    return names


def _square_axes(fig, xs, ys, row=None, col=None):
    where = {} if row is None else {"row": row, "col": col}
    fig.update_xaxes(range=[float(xs[0]), float(xs[-1])], title={"text": "x1", "standoff": 4},
                     constrain="domain", **where)
    # Side by side, the panels share x2's range: only the first names it, as a second "x2" would sit
    # in the gap between the panels and, in a narrow column, on top of the first panel.
    y_title = {"text": "x2", "standoff": 4} if col in (None, 1) else None
    fig.update_yaxes(range=[float(ys[0]), float(ys[-1])], title=y_title, constrain="domain", **where)


@fits_column
def class_regions_figure(network, X, y, *, grid=61, padding=0.25, levels=LEVELS, class_names=None,
                         title="Class regions", height=660):
    """Every cell of a grid coloured by the network's class there, shaded by how sure it is; the points on top.

    ``y`` holds class numbers (n,) or one-hot rows (n, k). Pale cells are where
    the largest probability is close to 1/k (a tie), strong ones where it is
    close to 1. The title gives the accuracy on (X, y).
    """
    import plotly.graph_objects as go

    X, labels, k = _labels(network, X, y)
    names = _names(class_names, k)
    xs, ys, P = class_grid(network, X, grid=grid, padding=padding)
    fig = go.Figure([_region_trace(xs, ys, region_codes(P, levels), k, levels)] + _point_traces(X, labels, names))
    _square_axes(fig, xs, ys)
    fig.update_layout(title={"text": f"{title}<br><sup>{_describe(network, X, labels)} · pale = unsure</sup>",
                             "x": 0.02}, template="plotly_white", autosize=True, height=height,
                      yaxis={"scaleanchor": "x"}, legend=LEGEND_ON_TOP, margin={"l": 60, "r": 20, "t": 110, "b": 60})
    return fig


@fits_column
def class_regions_animation(network, snapshots, X, y, *, grid=41, padding=0.25, levels=LEVELS, max_frames=30,
                            class_names=None, title="Class regions during training", frame_duration=150,
                            height=740):
    """Animate the class regions over training, from ``history.snapshots``.

    Each frame (at most ``max_frames`` snapshots, evenly picked, first and last
    kept) loads that snapshot's parameters into ``network`` and redraws the
    regions as in ``class_regions_figure``; its title gives the epoch and the
    accuracy on (X, y). Frames are named by epoch; Play, Pause and a slider run
    them. The network's own parameters are put back afterwards. A frame is
    grid² int8 codes, so 30 frames of 41 × 41 take about 50 kB.
    """
    import plotly.graph_objects as go

    X, labels, k = _labels(network, X, y)
    names = _names(class_names, k)
    frames = []
    for snapshot in at_snapshots(network, pick_snapshots(snapshots, max_frames)):
        xs, ys, P = class_grid(network, X, grid=grid, padding=padding)
        text = f"{title}<br><sup>epoch {snapshot.epoch} · {_describe(network, X, labels)} · pale = unsure</sup>"
        frames.append((str(snapshot.epoch), text, region_codes(P, levels)))

    first_name, first_text, first_codes = frames[0]
    fig = go.Figure([_region_trace(xs, ys, first_codes, k, levels)] + _point_traces(X, labels, names))
    # A frame holds only what changes: the region codes (trace 0) and the title; the points stay.
    fig.frames = [go.Frame(name=name, traces=[0], data=[go.Heatmap(z=codes)], layout={"title": {"text": text}})
                  for name, text, codes in frames]
    _square_axes(fig, xs, ys)
    fig.update_layout(title={"text": first_text, "x": 0.02}, template="plotly_white", autosize=True, height=height,
                      yaxis={"scaleanchor": "x"}, legend=LEGEND_ON_TOP,
                      margin={"l": 60, "r": 20, "t": 110, "b": PLAYER_MARGIN},
                      **player([name for name, *_ in frames], frame_duration))
    return fig


@fits_column
def class_regions_panels(networks, X, y, *, titles, grid=41, padding=0.25, levels=LEVELS, class_names=None,
                         title="Class regions", height=470):
    """The class regions of several networks side by side, on the same grid and the same points.

    ``networks`` and ``titles`` are lists of equal length (one panel each, at most 3);
    every panel's subtitle gives its accuracy on (X, y).
    """
    from plotly.subplots import make_subplots

    networks, titles = list(networks), list(titles)
    if not networks or len(networks) != len(titles) or len(networks) > 3:
        raise ValueError(f"networks and titles must be lists of the same length, 1 to 3; got {len(networks)} "
                         f"networks and {len(titles)} titles")
    X, labels, k = _labels(networks[0], X, y)
    names = _names(class_names, k)
    panel_titles = [f"{t}<br>{_describe(net, X, labels)}" for t, net in zip(titles, networks)]
    fig = make_subplots(rows=1, cols=len(networks), subplot_titles=panel_titles, horizontal_spacing=0.08)
    for col, net in enumerate(networks, start=1):
        if max(net.n_outputs, 2) != k:
            raise ValueError(f"every network must have the same classes; networks[{col - 1}] has "
                             f"{max(net.n_outputs, 2)}, the first {k}")
        xs, ys, P = class_grid(net, X, grid=grid, padding=padding)
        fig.add_trace(_region_trace(xs, ys, region_codes(P, levels), k, levels), row=1, col=col)
        for trace in _point_traces(X, labels, names, showlegend=col == 1):
            fig.add_trace(trace, row=1, col=col)
        _square_axes(fig, xs, ys, row=1, col=col)
        anchor = "x" if col == 1 else f"x{col}"
        fig.update_yaxes(scaleanchor=anchor, row=1, col=col)
    fig.update_annotations(font={"size": 13})
    fig.update_layout(title={"text": title, "x": 0.02}, template="plotly_white", autosize=True, height=height,
                      legend={"orientation": "h", "x": 0.5, "xanchor": "center", "y": -0.12, "yanchor": "top"},
                      margin={"l": 50, "r": 20, "t": 100, "b": 70})
    return fig
