"""Pictures of training: Plotly for interactive figures, matplotlib for static ones.

Training knows nothing about drawing: ``Network.fit(..., snapshot_every=k)``
records the parameters every k epochs, and the functions here turn those
snapshots into figures and animation frames.

Every figure uses the series' one palette (``nnlib.palette``): the classes differ in colour and in
marker shape. Plotly figures have no fixed width: they fill the notebook column (or the web page)
they are drawn in, with a fixed height; pass ``width=`` to pin one.

Plotly and matplotlib are imported here, not by ``import nnlib``.
"""

import numpy as np

# The plane pictures are drawn on, shared with the playground.
from .grid import plane_grid

# Pale colours for the output (low → high), strong ones and shapes for the classes on top of it.
from .palette import BOUNDARY_COLORSCALE, CLASS_COLORS, CLASS_MARKERS, CLASS_SYMBOLS

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


def _size(fig, width, height):
    """Fill the container's width (unless ``width`` pins it), at a fixed ``height`` in pixels."""
    fig.update_layout(autosize=True, width=width, height=height)
    return fig


def unit_dash(k):
    """The Plotly dash of hidden unit k's line (0-based); the matplotlib style is ``UNIT_LINESTYLES[k % 5]``."""
    return UNIT_DASHES[k % len(UNIT_DASHES)]

# -- loss curves and loss surfaces (notebook 02) ---------------------------------


def loss_curves(history, *, title="Loss per epoch", loss_name="loss", log_y=False, width=None, height=420):
    """Training and (when recorded) validation loss per epoch, as a Plotly figure.

    ``history`` is what ``Network.fit`` returns: ``history.loss[e]`` is the mean
    training loss during epoch e + 1 and ``history.val_loss[e]`` the validation
    loss after it (None if no validation data was given). A plain array of
    losses is accepted too. Training loss falling while validation loss rises is
    the picture of overfitting; both falling together is healthy training.
    ``log_y=True`` puts the loss on a log scale, useful when it spans decades.
    The epoch axis starts at 1. ``height`` is in pixels; the width follows the
    container unless ``width`` is given.
    """
    import plotly.graph_objects as go

    train = np.asarray(getattr(history, "loss", history), dtype=DTYPE).ravel()
    val = getattr(history, "val_loss", None)
    epochs = np.arange(1, len(train) + 1, dtype=np.int32)
    fig = go.Figure()
    fig.add_trace(go.Scatter(x=epochs, y=train, mode="lines", name="training",
                             line={"color": CLASS_COLORS[1], "width": 2}))
    if val is not None:
        val = np.asarray(val, dtype=DTYPE).ravel()
        fig.add_trace(go.Scatter(x=epochs, y=val, mode="lines", name="validation",
                                 line={"color": CLASS_COLORS[0], "width": 2, "dash": "dash"}))
    fig.update_layout(title={"text": title}, xaxis_title="epoch", yaxis_title=loss_name,
                      yaxis_type="log" if log_y else "linear", template="plotly_white",
                      xaxis={"range": [1, max(len(train), 2)]},
                      legend={"x": 0.98, "y": 0.98, "xanchor": "right", "yanchor": "top"})
    return _size(fig, width, height)


def loss_comparison(curves, *, every=1, title="Loss per epoch", loss_name="loss", log_y=False, width=None,
                    height=420):
    """Several training runs' loss per epoch in one figure: ``curves`` maps a name to a run.

    A run is a ``History`` (its ``loss``) or an array of losses, entry e for
    epoch e + 1. ``every=k`` draws epochs 1, 1 + k, 1 + 2k, … and the last one,
    which keeps a long run's figure small. Runs differ in colour and dash.
    """
    import plotly.graph_objects as go

    if every < 1 or int(every) != every:
        raise ValueError(f"every must be a whole number >= 1; got {every!r}")
    fig = go.Figure()
    longest = 2
    for k, (name, run) in enumerate(dict(curves).items()):
        losses = np.asarray(getattr(run, "loss", run), dtype=DTYPE).ravel()
        epochs = np.arange(1, len(losses) + 1, dtype=np.int32)
        keep = np.unique(np.append(np.arange(0, len(losses), int(every)), len(losses) - 1))
        longest = max(longest, len(losses))
        fig.add_trace(go.Scatter(x=epochs[keep], y=losses[keep], mode="lines", name=str(name),
                                 line={"color": CLASS_COLORS[k % len(CLASS_COLORS)], "width": 2,
                                       "dash": ("solid", "dash", "dot")[(k // len(CLASS_COLORS) + k) % 3]}))
    fig.update_layout(title={"text": title}, xaxis_title="epoch", yaxis_title=loss_name,
                      yaxis_type="log" if log_y else "linear", template="plotly_white",
                      xaxis={"range": [1, longest]},
                      legend={"x": 0.98, "y": 0.98, "xanchor": "right", "yanchor": "top"})
    return _size(fig, width, height)


def parameter_path(snapshots, coordinates=(0, 1)):
    """The path of two parameters through training, from ``history.snapshots``.

    All parameters of a snapshot are flattened and concatenated into one vector
    θ = (W1, b1, W2, b2, …); ``coordinates`` picks two entries of it. For one
    neuron with one input, ``mlp([1, 1])``, θ = (w, b), so the default (0, 1)
    gives (w, b). Returns ``(epochs, points)``: an int array of length k and a
    float array of shape (k, 2), one row per snapshot.
    """
    if len(coordinates) != 2:
        raise ValueError(f"coordinates must name two entries of the flattened parameters; got {coordinates!r}")
    snapshots = list(snapshots)
    if not snapshots:
        raise ValueError("snapshots is empty: train with fit(..., snapshot_every=k) to record them")
    theta = np.array([np.concatenate([np.ravel(p) for p in s.parameters]) for s in snapshots])
    if max(coordinates) >= theta.shape[1]:
        raise ValueError(f"coordinates {coordinates!r} out of range: the network has {theta.shape[1]} parameters")
    epochs = np.array([s.epoch for s in snapshots], dtype=int)
    return epochs, theta[:, list(coordinates)]


def loss_surface(loss_of, w_range, b_range, path=None, *, resolution=41, coordinates=(0, 1),
                 title="Loss surface", axis_labels=("w", "b"), loss_name="loss", z_max=None,
                 width=None, height=520):
    """The loss as a 3-D surface over a grid of two parameters, with an optional descent path.

    ``loss_of(w, b)`` returns the loss (a float) for the parameter values w and
    b; it is called once per grid point, on a ``resolution`` × ``resolution``
    grid spanning ``w_range = (w_min, w_max)`` and ``b_range = (b_min, b_max)``.
    The surface is the graph of L(w, b); gradient descent walks downhill on it,
    each step θ ← θ − lr ∇L(θ) going against the steepest slope.

    ``path`` draws that walk: either ``history.snapshots`` (the two parameters
    are picked by ``coordinates``, see ``parameter_path``) or an array of shape
    (k, 2) of (w, b) points. Each point is lifted onto the surface, z = L(w, b),
    and the start and end are marked. ``z_max`` clips the surface from above so
    that a steep wall does not flatten the interesting valley. Contour lines of
    the loss are projected on the floor of the box (seen when rotated from below).
    ``height`` is in pixels; the width follows the container unless ``width`` is given.
    """
    import plotly.graph_objects as go

    w = np.linspace(*w_range, resolution)
    b = np.linspace(*b_range, resolution)
    Z = np.array([[loss_of(wi, bj) for wi in w] for bj in b], dtype=float)  # rows follow b, columns follow w
    if z_max is not None:
        Z = np.minimum(Z, z_max)
    x_label, y_label = axis_labels
    fig = go.Figure(go.Surface(
        x=w.astype(DTYPE), y=b.astype(DTYPE), z=Z.astype(DTYPE), colorscale="Viridis", opacity=0.8,
        colorbar={"title": {"text": loss_name}, "len": 0.7},
        contours={"z": {"show": True, "usecolormap": True, "project": {"z": True}}},
        hovertemplate=f"{x_label} = %{{x:.2f}}<br>{y_label} = %{{y:.2f}}<br>{loss_name} = %{{z:.3f}}<extra></extra>",
        name=loss_name, showscale=True))
    if path is not None:
        if isinstance(path, np.ndarray) or (len(path) and not hasattr(path[0], "parameters")):
            points = np.asarray(path, dtype=float)
            epochs = None
        else:
            epochs, points = parameter_path(path, coordinates)
        if points.ndim != 2 or points.shape[1] != 2:
            raise ValueError(f"path must be snapshots or an array of shape (k, 2); got shape {points.shape}")
        z = np.array([loss_of(pw, pb) for pw, pb in points], dtype=float)
        if z_max is not None:
            z = np.minimum(z, z_max)
        lift = 0.03 * (np.nanmax(Z) - np.nanmin(Z))  # keep the line just above the surface so it stays visible
        text = None if epochs is None else [f"epoch {e}" for e in epochs]
        fig.add_trace(go.Scatter3d(
            x=points[:, 0].astype(DTYPE), y=points[:, 1].astype(DTYPE), z=(z + lift).astype(DTYPE),
            mode="lines+markers", name="gradient descent", text=text,
            line={"color": CLASS_COLORS[0], "width": 6}, marker={"size": 3, "color": CLASS_COLORS[0]}))
        fig.add_trace(go.Scatter3d(
            x=points[[0, -1], 0].astype(DTYPE), y=points[[0, -1], 1].astype(DTYPE),
            z=(z[[0, -1]] + lift).astype(DTYPE), mode="markers+text", text=["start", "end"],
            textposition="top center", textfont={"size": 14, "color": "black"},
            name="start and end", showlegend=False,
            marker={"size": 7, "color": ["white", CLASS_COLORS[0]], "line": {"color": "black", "width": 2}}))
    fig.update_layout(
        title={"text": title}, template="plotly_white",
        margin={"l": 0, "r": 0, "t": 50, "b": 0}, legend={"x": 0.01, "y": 0.95},
        scene={"xaxis_title": x_label, "yaxis_title": y_label, "zaxis_title": loss_name,
                   "camera": {"eye": {"x": 1.5, "y": 1.5, "z": 1.1}}})
    return _size(fig, width, height)


# -- decision boundaries and their animation (notebooks 03 and 05) ----------------




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
    from .layers import Dense

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
    from .layers import Dense

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
    _size(fig, width, height)
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


def pick_snapshots(snapshots, max_frames=30):
    """At most ``max_frames`` snapshots, evenly spread, always keeping the first and the last."""
    snapshots = list(snapshots)
    if not snapshots:
        raise ValueError("snapshots is empty: train with fit(..., snapshot_every=k) to record them")
    if isinstance(max_frames, bool) or not isinstance(max_frames, (int, np.integer)) or max_frames < 2:
        raise ValueError(f"max_frames must be an int ≥ 2; got {max_frames!r}")
    if len(snapshots) <= max_frames:
        return snapshots
    keep = np.unique(np.round(np.linspace(0, len(snapshots) - 1, max_frames)).astype(int))
    return [snapshots[i] for i in keep]


def at_snapshots(network, snapshots):
    """Set ``network`` to each snapshot in turn, yielding the snapshot; its own parameters come back after."""
    saved = network.get_parameters()
    try:
        for snapshot in snapshots:
            network.set_parameters(snapshot.parameters)
            yield snapshot
    finally:
        network.set_parameters(saved)


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


# Room below the plot for the axis title, the Play/Pause row and the slider under it.
PLAYER_MARGIN = 175


def player(frame_names, frame_duration=150, *, prefix="epoch ", redraw=True, axis_title_room=55):
    """Play and Pause buttons with a slider below them, for frames named ``frame_names``: layout keywords.

    The buttons sit on their own row under the x-axis title and the slider spans the whole width under
    them, so nothing overlaps in a narrow (800 px) column; leave ``PLAYER_MARGIN`` px of bottom margin.
    ``redraw=True`` is needed for heat maps and contours, which Plotly redraws rather than tweens.
    """
    play = {"frame": {"duration": frame_duration, "redraw": redraw}, "fromcurrent": True,
            "transition": {"duration": 0}, "mode": "immediate"}
    pause = {"frame": {"duration": 0, "redraw": False}, "transition": {"duration": 0}, "mode": "immediate"}
    jump = {"frame": {"duration": 0, "redraw": redraw}, "transition": {"duration": 0}, "mode": "immediate"}
    return {
        "updatemenus": [{"type": "buttons", "direction": "left", "showactive": False,
                         "x": 0.0, "y": 0.0, "xanchor": "left", "yanchor": "top", "pad": {"t": axis_title_room},
                         "buttons": [{"label": "▶ Play", "method": "animate", "args": [None, play]},
                                     {"label": "❚❚ Pause", "method": "animate", "args": [[None], pause]}]}],
        "sliders": [{"active": 0, "x": 0.0, "len": 1.0, "y": 0.0, "yanchor": "top", "pad": {"t": axis_title_room + 45},
                     "currentvalue": {"prefix": prefix, "visible": True, "xanchor": "left"},
                     "transition": {"duration": 0},
                     "steps": [{"label": name, "method": "animate", "args": [[name], jump]} for name in frame_names]}],
    }


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


# -- hidden units and output surfaces (notebook 05) -------------------------------


def _hidden_dense(net):
    """The first two Dense layers of ``net`` (hidden, next), checking there is a hidden layer on 2 inputs."""
    from .layers import Dense

    dense = [layer for layer in net.layers if isinstance(layer, Dense)]
    if len(dense) < 2 or dense[0].n_inputs != 2:
        raise ValueError(f"net must have 2 inputs and at least one hidden layer to draw its hidden units; got {net!r}")
    return dense[0], dense[1]


def _hidden_values(net, P):
    """The first hidden layer's outputs h (after its activation) for inputs P of shape (m, 2)."""
    _, after = _hidden_dense(net)
    for layer in net.layers[:net.layers.index(after)]:
        P = layer.forward(P)
    return P


def _hidden_classes(X, y, threshold):
    """Threshold (default: middle of the labels' range), the inputs as floats, a mask of the upper class, names."""
    X = np.asarray(X, dtype=float)
    y = np.asarray(y, dtype=float).ravel()
    if len(X) != len(y):
        raise ValueError(f"X and y must have the same number of rows; got X {X.shape} and y {y.shape}")
    threshold = float((y.min() + y.max()) / 2) if threshold is None else float(threshold)
    return threshold, X, y > threshold, (f"y = {y.min():g}", f"y = {y.max():g}")


def _hidden_points(go, X, positive, names, *, z=None, showlegend=True):
    """Training points, one marker trace per class (``z`` gives 3-D points), in the colours of the section above."""
    traces = []
    for cls, mask in enumerate((~positive, positive)):
        style = {"color": CLASS_COLORS[cls], "line": {"color": "white" if z is None else "black", "width": 2}}
        name = names[cls]
        text = [f"({a:g}, {b:g})" for a, b in X[mask]]
        if z is None:
            traces.append(go.Scatter(x=X[mask, 0], y=X[mask, 1], mode="markers", name=name, text=text,
                                     legendgroup=name, showlegend=showlegend, hoverinfo="text",
                                     marker={"size": 12, "symbol": CLASS_SYMBOLS[cls], **style}))
        else:
            traces.append(go.Scatter3d(x=X[mask, 0], y=X[mask, 1], z=np.asarray(z, dtype=DTYPE)[mask],
                                       mode="markers", name=name, text=text, hoverinfo="text",
                                       marker={"size": 7, "symbol": CLASS_SYMBOLS[cls], **style}))
    return traces


def hidden_unit_panels(net, X, y, *, threshold=None, grid=41, padding=0.25, class_names=None,
                       title="What each hidden unit computes, and what the output makes of them",
                       width=None, height=None):
    """One small map per hidden unit, then the output: how a hidden layer splits a task into lines.

    Hidden unit j computes h_j = f(w_j · x + b_j), a one-neuron classifier of
    its own: its boundary is the straight line w_j · x + b_j = 0 (drawn in its
    panel), where tanh crosses 0 and sigmoid crosses 0.5, and it is "on" on
    the side w_j points to. The last panel is the network's output with its
    decision boundary (black contour, output = ``threshold``) and every hidden
    line again: the boundary is built from pieces that follow those lines.
    Each unit's line has its own dash, the same in its panel and in the
    output's, and the legend names it. Colours use each activation's range;
    grids are ``grid`` × ``grid``, float32. Three panels per row; the figure
    fills its container's width (``height`` defaults to 330 px per row plus
    room for titles and legend).
    """
    import plotly.graph_objects as go
    from plotly.subplots import make_subplots

    first, _ = _hidden_dense(net)
    threshold, X, positive, names = _hidden_classes(X, y, threshold)
    names = names if class_names is None else tuple(class_names)
    xs, ys, Z = grid_outputs(net, X, grid=grid, padding=padding)
    xx, yy = np.meshgrid(xs.astype(float), ys.astype(float))
    H = _hidden_values(net, np.column_stack([xx.ravel(), yy.ravel()])).astype(DTYPE)
    lims = ((float(xs[0]), float(xs[-1])), (float(ys[0]), float(ys[-1])))
    n_units = first.n_outputs
    cols = min(3, n_units + 1)
    rows = -(-(n_units + 1) // cols)
    titles = [f"hidden unit {j + 1}:<br>{w[0]:.2f}·x1 {w[1]:+.2f}·x2 {b:+.2f} = 0" for j, (w, b) in
              enumerate(zip(first.W, first.b))] + ["output: black = decision boundary,<br>hidden lines as before"]
    fig = make_subplots(rows=rows, cols=cols, subplot_titles=titles, horizontal_spacing=0.07,
                        vertical_spacing=0.2 if rows > 1 else 0.1)
    h_low, h_high = (-1.0, 1.0) if H.min() < -1e-6 else (0.0, 1.0)
    z_low, z_high = (float(np.min(y)), float(np.max(y)))
    unit_lines = [neuron_line(w, b, *lims) for w, b in zip(first.W, first.b)]

    def unit_line(k, width, showlegend):
        x_line, y_line = unit_lines[k]
        return go.Scatter(x=x_line.astype(DTYPE), y=y_line.astype(DTYPE), mode="lines", hoverinfo="skip",
                          name=f"hidden unit {k + 1}'s line", legendgroup=f"unit {k + 1}", showlegend=showlegend,
                          legendrank=UNIT_RANK + k,
                          line={"color": UNIT_LINE_COLOR, "width": width, "dash": unit_dash(k)})

    for k in range(n_units + 1):
        row, col = k // cols + 1, k % cols + 1
        where = {"row": row, "col": col}
        if k < n_units:
            z, zmin, zmax, label = H[:, k].reshape(xx.shape), h_low, h_high, f"h{k + 1}"
        else:
            z, zmin, zmax, label = Z, z_low, z_high, "output"
        fig.add_trace(go.Heatmap(x=xs, y=ys, z=z, zmin=zmin, zmax=zmax, colorscale=BOUNDARY_COLORSCALE,
                                 showscale=k == n_units, name=label,
                                 colorbar={"title": {"text": "value"}, "len": 0.6, "thickness": 15},
                                 hovertemplate=f"x1 = %{{x:.2f}}<br>x2 = %{{y:.2f}}<br>{label} = %{{z:.3f}}"
                                               "<extra></extra>"), **where)
        if k < n_units:
            fig.add_trace(unit_line(k, 3, showlegend=True), **where)
        else:
            fig.add_trace(go.Contour(x=xs, y=ys, z=Z, showscale=False, autocontour=False, hoverinfo="skip",
                                     contours={"start": threshold, "end": threshold, "size": 1, "coloring": "none"},
                                     line={"color": BOUNDARY_COLOR, "width": 3}, name="decision boundary",
                                     showlegend=False), **where)
            fig.add_trace(go.Scatter(x=[None], y=[None], mode="lines", line={"color": BOUNDARY_COLOR, "width": 3},
                                     name=f"decision boundary (output = {threshold:g})", legendrank=BOUNDARY_RANK),
                          **where)
            for j in range(n_units):
                fig.add_trace(unit_line(j, 2, showlegend=False), **where)
        for trace in _hidden_points(go, X, positive, names, showlegend=k == 0):
            fig.add_trace(trace, **where)
        # No locked aspect ratio: the panels are near-square by the figure's size, and a locked one would
        # detach the subplot titles from their panels when the figure is drawn smaller.
        fig.update_xaxes(range=list(lims[0]), title={"text": "x1", "standoff": 2}, **where)
        fig.update_yaxes(range=list(lims[1]), title={"text": "x2", "standoff": 2}, **where)
    for k in range(n_units + 1, rows * cols):  # hide the unused cells of the last row
        fig.update_xaxes(visible=False, row=k // cols + 1, col=k % cols + 1)
        fig.update_yaxes(visible=False, row=k // cols + 1, col=k % cols + 1)
    fig.update_annotations(font={"size": 12})
    fig.update_layout(title={"text": title, "x": 0.02}, template="plotly_white",
                      margin={"l": 50, "r": 20, "t": 100, "b": 40},
                      legend={"orientation": "h", "x": 0.5, "xanchor": "center", "y": -0.08 - 0.1 / rows,
                              "yanchor": "top"})
    return _size(fig, width, 300 * rows + 200 if height is None else height)


def hidden_space(net, X, y, *, threshold=None, lines=9, resolution=41, padding=0.25,
                 title="The same plane, as the output unit sees it", width=None, height=620):
    """Where the hidden layer sends the plane: every input drawn at its hidden values (h1, h2).

    Only for networks with two hidden units. The grey curves are the straight
    grid lines of the input plane (``lines`` each way) after the hidden layer
    has bent them; the training points land where the hidden layer sends them,
    labelled with their inputs. The output unit sees nothing but (h1, h2) and
    draws one straight line there, v · h + c = 0 (dashed): with the right
    hidden units the classes are separable by it, and that is how a hidden
    layer beats XOR.
    """
    import plotly.graph_objects as go

    first, after = _hidden_dense(net)
    if first.n_outputs != 2:
        raise ValueError(f"hidden_space draws two hidden units in a plane; this network has {first.n_outputs}")
    threshold, X, positive, names = _hidden_classes(X, y, threshold)
    xs, ys, _ = grid_outputs(net, X, grid=lines, padding=padding)
    fine_x, fine_y, _ = grid_outputs(net, X, grid=resolution, padding=padding)
    fig = go.Figure()
    curves = [(np.full(resolution, v), fine_y) for v in xs] + [(fine_x, np.full(resolution, v)) for v in ys]
    for i, (x1, x2) in enumerate(curves):
        H = _hidden_values(net, np.column_stack([x1, x2]).astype(float))
        fig.add_trace(go.Scatter(x=H[:, 0].astype(DTYPE), y=H[:, 1].astype(DTYPE), mode="lines",
                                 line={"color": "rgba(110,110,110,0.5)", "width": 1}, hoverinfo="skip",
                                 name="grid lines of the input plane, bent", showlegend=i == 0, legendgroup="grid"))
    H = _hidden_values(net, X)
    low, high = (-1.15, 1.15) if H.min() < -1e-6 else (-0.1, 1.1)
    x_line, y_line = neuron_line(after.W[0], after.b[:1], (low, high), (low, high))
    v, c = after.W[0], after.b[0]
    fig.add_trace(go.Scatter(x=x_line, y=y_line, mode="lines",
                             line={"color": BOUNDARY_COLOR, "width": 3, "dash": "dash"},
                             name=f"output unit's line: {v[0]:.2f}·h1 {v[1]:+.2f}·h2 {c:+.2f} = 0"))
    for trace in _hidden_points(go, H, positive, names):
        fig.add_trace(trace)
    labels = {}  # inputs that land on the same hidden point share one label
    for (x1, x2), (h1, h2) in zip(X, H):
        labels.setdefault((round(h1, 2), round(h2, 2)), []).append(f"({x1:g}, {x2:g})")
    for (h1, h2), inputs in labels.items():
        fig.add_annotation(x=h1, y=h2, text="x = " + " and ".join(inputs), showarrow=False, yshift=20,
                           font={"size": 13}, bgcolor="rgba(255,255,255,0.85)")
    _size(fig, width, height)
    fig.update_layout(title={"text": title, "x": 0.02}, template="plotly_white",
                      xaxis={"title": "h1 (hidden unit 1)", "range": [low, high], "constrain": "domain"},
                      yaxis={"title": "h2 (hidden unit 2)", "range": [low, high], "scaleanchor": "x",
                             "constrain": "domain"},
                      legend={"orientation": "h", "x": 0.0, "y": 1.0, "xanchor": "left", "yanchor": "bottom"},
                      margin={"l": 60, "r": 20, "t": 110, "b": 50})
    return fig


def output_surface(net, X, y, *, threshold=None, grid=31, padding=0.25, title="The network's output as a surface",
                   width=None, height=560):
    """The network's output as a 3-D surface over the input plane, with the training points on it.

    A coarse ``grid`` × ``grid`` grid in float32 keeps the figure small. The
    black contour on the surface, repeated on the floor, is the decision
    boundary (output = ``threshold``); the training points sit at the height
    of the network's answer for them.
    """
    import plotly.graph_objects as go

    threshold, X, positive, names = _hidden_classes(X, y, threshold)
    xs, ys, Z = grid_outputs(net, X, grid=grid, padding=padding)
    low, high = float(np.min(y)), float(np.max(y))
    fig = go.Figure(go.Surface(
        x=xs, y=ys, z=Z, colorscale=BOUNDARY_COLORSCALE, cmin=low, cmax=high, opacity=0.95, name="output",
        colorbar={"title": {"text": "output"}, "len": 0.6},
        contours={"z": {"show": True, "start": threshold, "end": threshold + 1e-6, "size": 1, "color": BOUNDARY_COLOR,
                        "width": 6, "project": {"z": True}}},
        hovertemplate="x1 = %{x:.2f}<br>x2 = %{y:.2f}<br>output = %{z:.3f}<extra></extra>"))
    lift = 0.02 * (high - low)
    for trace in _hidden_points(go, X, positive, names, z=net.forward(X)[:, 0] + lift):
        fig.add_trace(trace)
    _size(fig, width, height)
    fig.update_layout(title={"text": title, "x": 0.02}, template="plotly_white",
                      margin={"l": 0, "r": 0, "t": 50, "b": 0}, legend={"x": 0.02, "y": 0.92},
                      scene={"xaxis_title": "x1", "yaxis_title": "x2", "zaxis_title": "output",
                             "zaxis": {"range": [low - 0.05 * (high - low), high + 0.05 * (high - low)]},
                             "camera": {"eye": {"x": 1.45, "y": -1.55, "z": 0.95}}})
    return fig


def success_bar_chart(scales, successes, n_seeds, *, title="How often training succeeds", width=None, height=420):
    """One bar per initialisation scale: the share of ``n_seeds`` training runs that succeeded.

    ``successes[i]`` is how many seeds succeeded with ``scales[i]``; each bar is
    labelled with the count, e.g. "41 / 50".
    """
    import plotly.graph_objects as go

    scales = list(scales)
    successes = np.asarray(successes, dtype=int).ravel()
    if len(successes) != len(scales):
        raise ValueError(f"successes must hold one count per scale ({len(scales)}); got {len(successes)}")
    fig = go.Figure(go.Bar(x=[f"{s:g}" for s in scales], y=100.0 * successes / n_seeds,
                           text=[f"{k} / {n_seeds}" for k in successes], textposition="outside",
                           marker={"color": CLASS_COLORS[1]}, name="seeds that learned the task",
                           hovertemplate="init_scale = %{x}<br>%{y:.0f} % learned the task<extra></extra>"))
    _size(fig, width, height)
    fig.update_layout(title={"text": title, "x": 0.02}, template="plotly_white",
                      xaxis={"title": "init_scale (standard deviation of the initial weights)", "type": "category"},
                      yaxis={"title": "seeds that learned the task (%)", "range": [0, 112]})
    return fig
