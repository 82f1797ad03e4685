"""Results of many training runs, drawn from the numbers a notebook computed (and printed): success rates
over starting scales (05), capacity and decay sweeps, early stopping, optimism histograms (12).

Nothing here trains a network. Plotly is imported inside the functions, not by ``import nnlib``.
"""

import numpy as np

from .column import fits_column
from .palette import CLASS_COLORS, CLASS_SYMBOLS
from .style import DTYPE, LEGEND_ON_TOP, size


def _series(values, name, length=None):
    values = np.asarray(values, dtype=float).ravel()
    if length is not None and len(values) != length:
        raise ValueError(f"{name} must hold one number per setting ({length}); got {len(values)}")
    if not np.all(np.isfinite(values)):
        raise ValueError(f"{name} must be finite numbers")
    return values


@fits_column
def sweep_figure(settings, train_loss, val_loss, *, x_title, title, loss_name="loss", height=430):
    """Training and validation loss against a setting (hidden width, decay rate, ...), the gap between them shaded.

    ``settings`` are the values tried, drawn evenly spaced and labelled as given
    (a category axis, so 0 and 1e-4 can sit side by side). The gap, validation
    minus training loss, is the shaded band; the lowest validation loss is starred.
    """
    import plotly.graph_objects as go

    labels = [f"{s:g}" if isinstance(s, (int, float, np.number)) else str(s) for s in settings]
    if len(set(labels)) != len(labels) or not labels:
        raise ValueError(f"settings must be distinct and not empty; got {labels}")
    train = _series(train_loss, "train_loss", len(labels))
    val = _series(val_loss, "val_loss", len(labels))
    best = int(np.argmin(val))
    fig = go.Figure([
        go.Scatter(x=labels, y=train.astype(DTYPE), mode="lines+markers", name="training loss",
                   line={"color": CLASS_COLORS[1], "width": 3}, marker={"symbol": CLASS_SYMBOLS[1], "size": 9}),
        go.Scatter(x=labels, y=val.astype(DTYPE), mode="lines+markers", name="validation loss",
                   line={"color": CLASS_COLORS[0], "width": 3, "dash": "dash"},
                   marker={"symbol": CLASS_SYMBOLS[0], "size": 9},
                   fill="tonexty", fillcolor="rgba(213, 94, 0, 0.12)"),
        go.Scatter(x=[labels[best]], y=[float(val[best])], mode="markers", name="lowest validation loss",
                   marker={"symbol": "star", "size": 18, "color": "black"}),
        go.Scatter(x=[None], y=[None], mode="lines", name="shaded: the gap (validation − training)",
                   line={"color": "rgba(213, 94, 0, 0.35)", "width": 10}),
    ])
    fig.update_layout(title={"text": title, "x": 0.02}, template="plotly_white", autosize=True, height=height,
                      xaxis={"title": {"text": x_title}, "type": "category"}, yaxis={"title": {"text": loss_name},
                                                                                   "rangemode": "tozero"},
                      legend={**LEGEND_ON_TOP, "traceorder": "normal"},  # a filled trace would reverse it
                      margin={"l": 60, "r": 20, "t": 100, "b": 60})
    return fig


@fits_column
def early_stopping_figure(history, patience, *, title="Early stopping", loss_name="loss", height=480):
    """Training and validation loss per epoch of a run, the best epoch marked, and where patience k stops.

    ``history`` is a full run with validation data (``history.best_epoch`` set).
    Early stopping with ``patience`` k stops at the first epoch that is k epochs
    after the lowest validation loss so far, and puts back the parameters of that
    best epoch; both are drawn as vertical lines.
    """
    import plotly.graph_objects as go

    if history.val_loss is None or history.best_epoch is None:
        raise ValueError("history must come from fit(..., validation_data=...): it has no validation loss")
    train, val = _series(history.loss, "history.loss"), _series(history.val_loss, "history.val_loss")
    stop, best = stopping_epochs(val, patience)
    epochs = np.arange(1, len(train) + 1, dtype=np.int32)
    fig = go.Figure([
        go.Scatter(x=epochs, y=train.astype(DTYPE), mode="lines", name="training loss",
                   line={"color": CLASS_COLORS[1], "width": 2}),
        go.Scatter(x=epochs, y=val.astype(DTYPE), mode="lines", name="validation loss",
                   line={"color": CLASS_COLORS[0], "width": 2, "dash": "dash"}),
        go.Scatter(x=[best], y=[float(val[best - 1])], mode="markers", name=f"best epoch {best} (restored)",
                   marker={"symbol": "star", "size": 16, "color": "black"}),
    ])
    top = float(max(train.max(), val.max()))
    fig.add_shape(type="line", x0=best, x1=best, y0=0, y1=top, line={"color": "black", "width": 1.5, "dash": "dot"})
    if stop is not None:
        fig.add_shape(type="line", x0=stop, x1=stop, y0=0, y1=top, line={"color": "#666666", "width": 1.5})
        fig.add_trace(go.Scatter(x=[stop, stop], y=[0, top], mode="lines", name=f"patience {patience}: stops "
                                 f"after epoch {stop}", line={"color": "#666666", "width": 1.5}, hoverinfo="skip"))
    fig.update_layout(title={"text": title, "x": 0.02}, template="plotly_white", autosize=True, height=height,
                      xaxis={"title": {"text": "epoch"}}, yaxis={"title": {"text": loss_name}, "rangemode": "tozero"},
                      # under the plot: inside it, in a narrow column, the legend would cover the curves
                      legend={"orientation": "h", "x": 0.0, "xanchor": "left", "y": -0.22, "yanchor": "top"},
                      margin={"l": 60, "r": 20, "t": 60, "b": 60})
    return fig


def stopping_epochs(val_loss, patience):
    """(stop, best): where early stopping with ``patience`` ends a run with these validation losses.

    Epochs count from 1. ``best`` is the epoch of the lowest validation loss seen up
    to the stop (the parameters restored); ``stop`` is the epoch training ends, or
    None if the run ends first (then ``best`` is the overall lowest).
    This is the rule ``Network.fit(..., early_stopping=patience)`` follows.
    """
    val = _series(val_loss, "val_loss")
    if isinstance(patience, bool) or not isinstance(patience, (int, np.integer)) or patience < 1:
        raise ValueError(f"patience must be a positive int; got {patience!r}")
    best, best_value = None, np.inf
    for epoch, value in enumerate(val, start=1):
        if value < best_value:
            best, best_value = epoch, value
        if epoch - best >= patience:
            return epoch, best
    return None, best


def _signed(x):
    """x with its sign and 3 decimals; +0.000 rather than -0.000 for a tiny negative x."""
    return f"{round(float(x), 3) + 0.0:+.3f}"


@fits_column
def optimism_figure(errors, *, title="Reported minus true accuracy", height=430, bins=None):
    """Histograms of reported − true score, one per protocol, with each protocol's mean as a dashed line.

    ``errors`` maps a protocol's name to its array of (reported − true), one entry per
    repetition. Above 0 the reported score flatters the model.
    """
    import plotly.graph_objects as go

    if not errors:
        raise ValueError("errors must map at least one protocol to its differences")
    series = {name: _series(values, f"errors[{name!r}]") for name, values in errors.items()}
    everything = np.concatenate(list(series.values()))
    if bins is None:
        step = 1 / 48  # one point of a test set of 48
        bins = np.arange(np.floor(everything.min() / step) - 1, np.ceil(everything.max() / step) + 2) * step
    bins = np.asarray(bins, dtype=float)
    fig = go.Figure()
    for i, (name, values) in enumerate(series.items()):
        counts, _ = np.histogram(values, bins=bins)
        centres = (bins[:-1] + bins[1:]) / 2
        colour = CLASS_COLORS[i % len(CLASS_COLORS)]
        fig.add_trace(go.Bar(x=centres.astype(DTYPE), y=counts.astype(np.int32), width=float(bins[1] - bins[0]),
                             name=f"{name}: mean {_signed(values.mean())}", marker={"color": colour}, opacity=0.55,
                             hovertemplate="reported − true = %{x:.3f}<br>%{y} repetitions<extra>" + name +
                                           "</extra>"))
        fig.add_shape(type="line", x0=float(values.mean()), x1=float(values.mean()), y0=0, y1=1, yref="paper",
                      line={"color": colour, "width": 3, "dash": "dash"})
    fig.add_shape(type="line", x0=0, x1=0, y0=0, y1=1, yref="paper", line={"color": "black", "width": 1})
    fig.update_layout(title={"text": title, "x": 0.02}, template="plotly_white", autosize=True, height=height,
                      barmode="overlay", bargap=0,
                      xaxis={"title": {"text": "reported − true accuracy (> 0: flatters)"},
                             "tickformat": "+.2f"},
                      yaxis={"title": {"text": "repetitions"}},
                      legend={"x": 0.01, "y": 0.99, "xanchor": "left", "yanchor": "top",
                              "bgcolor": "rgba(255,255,255,0.8)"},
                      margin={"l": 60, "r": 20, "t": 60, "b": 60})
    return fig


@fits_column
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
    size(fig, width, height)
    fig.update_layout(title={"text": title, "x": 0.02}, template="plotly_white",
                      xaxis={"title": "init_scale (std of the starting weights)", "type": "category"},
                      yaxis={"title": "seeds that learned the task (%)", "range": [0, 112]})
    return fig
