"""Loss curves over epochs and the loss surface over two parameters with the descent path (notebook 02).

Plotly is imported inside the functions, not by ``import nnlib``.
"""

import numpy as np

from .column import fits_column
from .palette import CLASS_COLORS
from .style import DTYPE, LEGEND_ON_TOP, size


@fits_column
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
                      # above the plot, in one row: inside it, in a narrow column, it would cover the curves
                      legend=LEGEND_ON_TOP)
    return size(fig, width, height)


@fits_column
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
    return size(fig, width, height)


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


@fits_column
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
    return size(fig, width, height)


# -- decision boundaries and their animation (notebooks 03 and 05) ----------------
