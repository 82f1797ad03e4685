"""A network's output over the plane and its decision boundary: a figure and an animation (Plotly).

The output is computed on ``nnlib.plot.grid``'s grid (the playground draws on the same one); each
first-layer unit's own line w·x + b = 0 can be drawn on top.
"""

import numpy as np

from .animation import PLAYER_MARGIN, at_snapshots, pick_snapshots, player
from .column import fits_column
from .grid import plane_grid
from .palette import BOUNDARY_COLORSCALE, CLASS_COLORS, CLASS_SYMBOLS
from .style import BOUNDARY_COLOR, BOUNDARY_RANK, DTYPE, UNIT_LINE_COLOR, UNIT_RANK, size, unit_dash


def _class_split(y, threshold):
    """Targets y (n,) or (n, 1) as a boolean array: True where y is above ``threshold``."""
    y = np.asarray(y, dtype=float)
    if y.ndim == 2 and y.shape[1] == 1:
        y = y[:, 0]
    if y.ndim != 1:
        raise ValueError(f"y must have shape (n,) or (n, 1): one output to draw; got {y.shape}")
    return y > threshold


def _default_threshold(y):
    """The middle of the labels' range: 0.5 for 0/1 labels, 0 for −1/+1 labels."""
    y = np.asarray(y, dtype=float)
    return float((y.min() + y.max()) / 2)


def grid_outputs(network, X, *, grid=41, padding=0.25, features=None):
    """The network's output on a grid covering the points X (n, 2), for drawing.

    The grid spans the range of each column of X, widened on both sides by
    ``padding`` times that range, with ``grid`` points per axis.
    ``features(P)`` maps grid points P (m, 2) to the network's inputs, e.g.
    ``lambda P: np.column_stack([P, P[:, 0] * P[:, 1]])`` for a feature cross;
    without it the network must take the two coordinates directly. Returns
    ``(xs, ys, Z)`` as float32: Z has shape (len(ys), len(xs)), row i for ys[i].
    """
    X = np.asarray(X, dtype=float)
    if X.ndim != 2 or X.shape[1] != 2:
        raise ValueError(f"X must have shape (n, 2): decision boundaries are drawn in a plane; got {X.shape}")
    xs, ys, points = plane_grid(X, grid=grid, padding=padding)  # the same grid as the playground's pictures
    inputs = points if features is None else np.asarray(features(points), dtype=float)
    if inputs.shape != (len(points), network.n_inputs):
        raise ValueError(f"the network takes {network.n_inputs} inputs, but the grid gives {inputs.shape[1]}: "
                         "pass features=... to turn (x1, x2) into the network's inputs")
    out = network.forward(inputs)
    if out.shape[1] != 1:
        raise ValueError(f"the network has {out.shape[1]} outputs; only one output can be drawn as a boundary")
    return xs.astype(DTYPE), ys.astype(DTYPE), out[:, 0].reshape(len(ys), len(xs)).astype(DTYPE)


def neuron_line(w, b, xlim, ylim):
    """The part of the line w1·x1 + w2·x2 + b = 0 inside the box xlim × ylim.

    This line is a single neuron's decision boundary: on one side z = w·x + b
    is positive, on the other negative. Returns ``(x1, x2)``, two arrays of two
    points each (empty if the line misses the box or w = 0).
    """
    w1, w2 = (float(v) for v in np.ravel(w))
    b = float(np.ravel(b)[0])
    (x_lo, x_hi), (y_lo, y_hi) = xlim, ylim
    candidates = []
    if w2 != 0:  # where the line crosses the left and right edges
        candidates += [(x, -(w1 * x + b) / w2) for x in (x_lo, x_hi)]
    if w1 != 0:  # ... and the bottom and top edges
        candidates += [(-(w2 * y + b) / w1, y) for y in (y_lo, y_hi)]
    eps = 1e-9 * max(x_hi - x_lo, y_hi - y_lo)
    inside = sorted({(round(x, 12), round(y, 12)) for x, y in candidates
                     if x_lo - eps <= x <= x_hi + eps and y_lo - eps <= y <= y_hi + eps})
    if len(inside) < 2:
        return np.array([]), np.array([])
    (xa, ya), (xb, yb) = inside[0], inside[-1]
    return np.array([xa, xb]), np.array([ya, yb])


def _first_layer(network):
    from ..layers import Dense

    return next(layer for layer in network.layers if isinstance(layer, Dense))


def _boundary_traces(xs, ys, Z, threshold, zrange, units, colorbar_title, unit_names=()):
    """The output as a filled contour whose one drawn level is the decision boundary, plus unit lines."""
    import plotly.graph_objects as go

    level = {"start": threshold, "end": threshold, "size": 1.0, "coloring": "heatmap", "showlines": True}
    traces = [go.Contour(x=xs, y=ys, z=Z, zmin=zrange[0], zmax=zrange[1], zauto=False, autocontour=False,
                         contours=level, colorscale=BOUNDARY_COLORSCALE,
                         line={"color": BOUNDARY_COLOR, "width": 3},
                         colorbar={"title": {"text": colorbar_title}, "len": 0.55, "x": 1.02, "y": 0.0,
                                   "yanchor": "bottom", "tickvals": sorted({zrange[0], threshold, zrange[1]})},
                         hovertemplate="x1 = %{x:.2f}<br>x2 = %{y:.2f}<br>output = %{z:.3f}<extra></extra>",
                         name="network output", showlegend=False)]
    for k, (x_line, y_line) in enumerate(units):
        name = unit_names[k] if k < len(unit_names) else f"unit {k + 1}"
        traces.append(go.Scatter(x=x_line, y=y_line, mode="lines", name=f"{name}: w·x + b = 0",
                                 line={"color": UNIT_LINE_COLOR, "width": 2, "dash": unit_dash(k)},
                                 legendrank=UNIT_RANK + k, hoverinfo="skip"))
    return traces


def _unit_names(network):
    """'hidden unit 1', … when the first Dense layer is hidden; 'the neuron' for a one-layer network."""
    from ..layers import Dense

    first = _first_layer(network)
    hidden = sum(isinstance(layer, Dense) for layer in network.layers) > 1
    if not hidden and first.n_outputs == 1:
        return ["the neuron"]
    return [f"{'hidden unit' if hidden else 'unit'} {k + 1}" for k in range(first.n_outputs)]


def _unit_lines(network, xs, ys):
    """Each first-layer unit's line w·x + b = 0 inside the grid's box: a list of (x1, x2) pairs of end points."""
    first = _first_layer(network)
    if first.n_inputs != 2:
        return []
    lims = ((float(xs[0]), float(xs[-1])), (float(ys[0]), float(ys[-1])))
    lines = []
    for w, b in zip(first.W, first.b):
        x_line, y_line = neuron_line(w, b, *lims)
        lines.append((x_line.astype(DTYPE), y_line.astype(DTYPE)))
    return lines


def _static_traces(X, positive, class_names, threshold):
    """The legend entry of the boundary and the training points of each class."""
    import plotly.graph_objects as go

    X = np.asarray(X, dtype=float)
    traces = [go.Scatter(x=[None], y=[None], mode="lines", line={"color": BOUNDARY_COLOR, "width": 3},
                         name=f"decision boundary (output = {threshold:g})", legendrank=BOUNDARY_RANK)]
    for cls, mask in enumerate((~positive, positive)):
        traces.append(go.Scatter(
            x=X[mask, 0].astype(DTYPE), y=X[mask, 1].astype(DTYPE), mode="markers", name=class_names[cls],
            marker={"size": 14, "color": CLASS_COLORS[cls], "symbol": CLASS_SYMBOLS[cls],
                    "line": {"color": "white", "width": 2}},
            hovertemplate="x1 = %{x}<br>x2 = %{y}<extra>" + class_names[cls] + "</extra>"))
    return traces


def _layout(fig, xs, ys, title, width, height):
    size(fig, width, height)
    fig.update_layout(
        title={"text": title, "x": 0.02, "xanchor": "left"}, template="plotly_white",
        xaxis={"title": {"text": "x1"}, "range": [float(xs[0]), float(xs[-1])], "constrain": "domain"},
        yaxis={"title": {"text": "x2"}, "range": [float(ys[0]), float(ys[-1])], "scaleanchor": "x",
               "constrain": "domain"},
        legend={"x": 1.02, "y": 1.0, "xanchor": "left", "yanchor": "top"},
        margin={"l": 60, "r": 20, "t": 80, "b": 60})


def _prepare(network, X, y, threshold, zrange, class_names):
    X = np.asarray(X, dtype=float)
    y = np.asarray(y, dtype=float)
    if len(X) != len(y):
        raise ValueError(f"X and y must have the same number of rows; got X {X.shape} and y {y.shape}")
    threshold = _default_threshold(y) if threshold is None else float(threshold)
    if zrange is None:
        zrange = (float(y.min()), float(y.max())) if y.max() > y.min() else (threshold - 1, threshold + 1)
    positive = _class_split(y, threshold)
    if class_names is None:
        low, high = y.min(), y.max()
        class_names = (f"y = {low:g}", f"y = {high:g}")
    return X, y, threshold, tuple(map(float, zrange)), positive, tuple(class_names)


def _describe(network, X, y, loss, threshold, features):
    """'loss 0.1234 · accuracy 75 %' for the network's current parameters (empty without loss)."""
    inputs = X if features is None else np.asarray(features(X), dtype=float)
    accuracy = network.accuracy(inputs, y, threshold=threshold)
    text = f"accuracy {100 * accuracy:.0f} %"
    if loss is not None:
        text = f"{loss} loss {network.loss(inputs, y, loss):.4f} · " + text
    return text


@fits_column
def decision_boundary_figure(network, X, y, *, grid=41, padding=0.25, features=None, threshold=None, zrange=None,
                             loss="mse", show_units=False, class_names=None, title="Decision boundary",
                             width=None, height=540):
    """The network's output over the (x1, x2) plane, its decision boundary and the points, as a Plotly figure.

    The colour is the output, on the fixed range ``zrange`` (default: the
    range of y); the black line is where the output equals ``threshold``
    (default: the middle of the labels, 0.5 for 0/1 and 0 for −1/+1), i.e.
    the decision boundary. ``features`` turns (x1, x2) into the network's
    inputs (see ``grid_outputs``). ``show_units=True`` adds each first-layer
    unit's own line w·x + b = 0, each with its own dash. ``loss`` names the loss
    for the title (None to leave it out). The figure fills its container's
    width at ``height`` pixels unless ``width`` is given.
    """
    import plotly.graph_objects as go

    X, y, threshold, zrange, positive, class_names = _prepare(network, X, y, threshold, zrange, class_names)
    xs, ys, Z = grid_outputs(network, X, grid=grid, padding=padding, features=features)
    units = _unit_lines(network, xs, ys) if show_units else []
    colorbar = "output"
    fig = go.Figure(_boundary_traces(xs, ys, Z, threshold, zrange, units, colorbar, _unit_names(network))
                    + _static_traces(X, positive, class_names, threshold))
    _layout(fig, xs, ys, f"{title}<br><sup>{_describe(network, X, y, loss, threshold, features)}</sup>",
            width, height)
    return fig


@fits_column
def decision_boundary_animation(network, snapshots, X, y, *, grid=31, padding=0.25, features=None, threshold=None,
                                zrange=None, loss="mse", show_units=False, max_frames=30, class_names=None,
                                title="Decision boundary during training", frame_duration=150,
                                width=None, height=660):
    """Animate the decision boundary over training, from ``history.snapshots``.

    For each snapshot (at most ``max_frames``, evenly picked, first and last
    kept) the network is given that snapshot's parameters and its output is
    evaluated on a ``grid`` × ``grid`` grid, drawn as in
    ``decision_boundary_figure``: colour = output on the fixed ``zrange``,
    black line = decision boundary (output = ``threshold``), training points
    on top, optionally the first-layer units' lines (``show_units``). The
    frame title gives the epoch, the loss and the accuracy on (X, y).

    The network's own parameters are restored afterwards. Play and Pause
    buttons run the frames; the slider, labelled "epoch N", follows them and
    jumps to any epoch. Returns a ``plotly.graph_objects.Figure`` whose frames
    are named by epoch. Each frame stores grid² float32 numbers, so the
    defaults (31 × 31, 30 frames) keep one animation near 150 kB.
    """
    import plotly.graph_objects as go

    X, y, threshold, zrange, positive, class_names = _prepare(network, X, y, threshold, zrange, class_names)
    frames = []
    for snapshot in at_snapshots(network, pick_snapshots(snapshots, max_frames)):
        xs, ys, Z = grid_outputs(network, X, grid=grid, padding=padding, features=features)
        units = _unit_lines(network, xs, ys) if show_units else []
        numbers = _describe(network, X, y, loss, threshold, features)
        text = f"{title}<br><sup>epoch {snapshot.epoch} · {numbers}</sup>"
        frames.append((str(snapshot.epoch), text, Z, units))

    _, first_text, first_Z, first_units = frames[0]
    fig = go.Figure(data=_boundary_traces(xs, ys, first_Z, threshold, zrange, first_units, "output",
                                          _unit_names(network))
                    + _static_traces(X, positive, class_names, threshold))
    # A frame holds only what changes (the output grid, the unit lines, the title); the points stay.
    moving = list(range(1 + len(first_units)))
    fig.frames = [go.Frame(name=name, traces=moving, layout={"title": {"text": text}},
                           data=[go.Contour(z=Z)] + [go.Scatter(x=x_line, y=y_line) for x_line, y_line in units])
                  for name, text, Z, units in frames]
    _layout(fig, xs, ys, first_text, width, height)

    # redraw=True: contour traces are only redrawn (not tweened) between frames.
    fig.update_layout(**player([name for name, *_ in frames], frame_duration),
        margin={"l": 60, "r": 20, "t": 80, "b": PLAYER_MARGIN})
    return fig
