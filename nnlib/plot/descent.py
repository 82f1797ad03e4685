"""Pictures of gradient descent (notebooks 09 and 10): paths on contour plots, animated, and families of curves.

The numbers come from ``nnlib.descent`` (bowls, grids, paths) and from training
histories; this module only draws them. Figures size themselves to their
container (no fixed width), so they fit an 800 px column, and store float32.
Plotly is imported here, not by ``import nnlib``.
"""

import numpy as np

from .animation import PLAYER_MARGIN, player
from .column import fits_column
from .palette import CLASS_COLORS

DTYPE = np.float32

# Lines of several runs: the series' three class colours first, then the rest of Okabe and Ito's
# colour-blind-safe palette (reddish purple, orange, black, sky blue, yellow; sky blue late, as it is
# close to the blue of class 1).
LINE_COLORS = (*CLASS_COLORS, "#CC79A7", "#E69F00", "#000000", "#56B4E9", "#F0E442")
# The loss under the paths: pale grey-blue, light for low loss, so coloured paths stand out.
CONTOUR_COLORSCALE = [[0.0, "#FFFFFF"], [1.0, "#A3B3C9"]]
FAR = 1e6  # path points farther out than this (a diverging run) are not drawn


def drawable(points):
    """A path as float32 with every point that has left for infinity (|coordinate| > 1e6, inf, nan) set to NaN.

    Plotly draws no line through NaN, so a diverging path simply stops at the
    edge of the picture instead of overflowing float32.
    """
    points = np.array(points, dtype=float)
    if points.ndim != 2 or points.shape[1] != 2:
        raise ValueError(f"a path must have shape (k, 2), one point per row; got shape {points.shape}")
    with np.errstate(invalid="ignore"):
        far = ~np.isfinite(points).all(axis=1) | (np.abs(points) > FAR).any(axis=1)
    points[far] = np.nan
    return points.astype(DTYPE)


def frame_steps(n_points, max_frames=31):
    """The step numbers an animation shows: at most ``max_frames``, evenly spread, always the first and the last."""
    if n_points < 1:
        raise ValueError(f"a path needs at least one point; got {n_points}")
    if n_points <= max_frames:
        return list(range(n_points))
    return sorted(set(np.round(np.linspace(0, n_points - 1, max_frames)).astype(int).tolist()))


def log_levels(Z, per_decade=4, floor=1e-4):
    """log₁₀ of a loss grid, and contour levels (start, end, size) with ``per_decade`` lines per factor 10.

    A bowl's loss grows like the squared distance, so equally spaced levels crowd
    at the rim and leave the centre empty; levels equally spaced in log₁₀ (each
    a factor 10^(1/per_decade) above the last) show the centre too. Values below
    ``floor`` times the largest (the bottom of a bowl is exactly 0) are drawn as
    that floor.
    """
    Z = np.asarray(Z, dtype=float)
    if not (np.all(np.isfinite(Z)) and np.all(Z >= 0) and Z.max() > 0):
        raise ValueError("a log scale needs a finite loss grid that is >= 0 everywhere and > 0 somewhere")
    L = np.log10(np.maximum(Z, floor * Z.max()))
    size = 1.0 / per_decade
    return L, (np.floor(L.min() / size) * size, np.ceil(L.max() / size) * size, size)


def _contour(go, xs, ys, Z, colorbar_title, showscale, levels, log):
    if log:
        Z, levels = log_levels(Z)
        ticks = np.arange(np.ceil(levels[0]), np.floor(levels[1]) + 1)
        colorbar = {"title": {"text": colorbar_title}, "len": 0.8, "tickvals": ticks.tolist(),
                    "ticktext": [f"{10.0**k:g}" for k in ticks]}
    else:
        colorbar = {"title": {"text": colorbar_title}, "len": 0.8}
    contours = {"coloring": "fill", "showlines": True}
    if levels is not None:
        contours.update(start=float(levels[0]), end=float(levels[1]), size=float(levels[2]))
    return go.Contour(x=xs.astype(DTYPE), y=ys.astype(DTYPE), z=Z.astype(DTYPE), colorscale=CONTOUR_COLORSCALE,
                      contours=contours, line={"color": "white", "width": 1}, showscale=showscale,
                      colorbar=colorbar, hoverinfo="skip", name="loss")


def _path_traces(go, points, label, color, showlegend=True):
    """The path so far (line and dots) and its current point (a larger dot)."""
    line = go.Scatter(x=points[:, 0], y=points[:, 1], mode="lines+markers", name=label, legendgroup=label,
                      line={"color": color, "width": 2}, marker={"size": 5, "color": color}, showlegend=showlegend)
    last = points[-1:]
    now = go.Scatter(x=last[:, 0], y=last[:, 1], mode="markers", name=label, legendgroup=label, showlegend=False,
                     marker={"size": 11, "color": color, "line": {"color": "white", "width": 2}})
    return [line, now]


def _axes(fig, xs, ys, rows, cols, axis_titles):
    for r in range(1, rows + 1):
        for c in range(1, cols + 1):
            anchor = "x" if (r, c) == (1, 1) else f"x{(r - 1) * cols + c}"
            fig.update_xaxes(range=[float(xs[0]), float(xs[-1])], title_text=axis_titles[0] if r == rows else None,
                             constrain="domain", row=r, col=c)
            fig.update_yaxes(range=[float(ys[0]), float(ys[-1])], title_text=axis_titles[1] if c == 1 else None,
                             scaleanchor=anchor, constrain="domain", row=r, col=c)


@fits_column
def descent_animation(grid, paths, *, panels=True, max_frames=31, title="Gradient descent on a bowl",
                      axis_titles=("θ₁", "θ₂"), colorbar_title="loss", levels=None, log=True, frame_duration=200,
                      height=None):
    """Animate descent paths on the contour plot of a loss: Play, Pause and a slider over the steps.

    ``grid`` is ``(xs, ys, Z)`` from ``nnlib.descent.loss_grid``; ``paths`` maps a
    label to an array (k, 2) of the points visited, θ₀ first (all paths the same
    length). ``panels=True`` gives each path its own panel (two per row, titled
    by its label), False draws all paths in one panel. Frame t shows every
    path up to step t (at most ``max_frames`` frames, evenly spread); points that
    have diverged past 10⁶ are not drawn. ``levels=(start, end, size)`` fixes
    the contour levels; ``log=True`` (the default) spaces them evenly in log₁₀ of the
    loss (see ``log_levels``), which needs a loss > 0 on the grid. Frames are
    named by the step number.
    """
    import plotly.graph_objects as go
    from plotly.subplots import make_subplots

    xs, ys, Z = grid
    labels = list(paths)
    points = {label: drawable(paths[label]) for label in labels}
    lengths = {len(p) for p in points.values()}
    if len(lengths) != 1:
        raise ValueError(f"all paths must have the same number of points; got lengths {sorted(lengths)}")
    steps = frame_steps(lengths.pop(), max_frames)
    rows, cols = ((len(labels) + 1) // 2, min(2, len(labels))) if panels else (1, 1)
    fig = make_subplots(rows=rows, cols=cols, subplot_titles=labels if panels else None,
                        horizontal_spacing=0.06, vertical_spacing=0.1 if rows > 1 else 0.0)
    moving = []
    for k, label in enumerate(labels):
        row, col = (k // cols + 1, k % cols + 1) if panels else (1, 1)
        if panels or k == 0:
            fig.add_trace(_contour(go, xs, ys, Z, colorbar_title, showscale=(k == 0), levels=levels,
                                   log=log), row=row, col=col)
        moving.append(len(fig.data))
        for trace in _path_traces(go, points[label][:1], label, LINE_COLORS[k % len(LINE_COLORS)]):
            fig.add_trace(trace, row=row, col=col)
    height = height or (330 * rows + 190)
    # One panel: the legend (a row per path in a narrow column) hangs from the title in the top margin,
    # both placed in pixels from the top, so a legend that wraps grows downwards instead of into the title.
    # Every frame repeats where the title goes: a frame's layout may replace the figure's title whole.
    place_title = {"x": 0.02, "xanchor": "left", "yref": "container", "y": 1 - 18 / height, "yanchor": "top"}
    frames = []
    for t in steps:
        data = []
        for k, label in enumerate(labels):
            data += _path_traces(go, points[label][:t + 1], label, LINE_COLORS[k % len(LINE_COLORS)])
        frames.append(go.Frame(name=str(t), data=data, traces=[i + j for i in moving for j in (0, 1)],
                               layout={"title": {**place_title, "text": f"{title}<br><sup>step {t}</sup>"}}))
    fig.frames = frames
    _axes(fig, xs, ys, rows, cols, axis_titles)
    fig.update_annotations(font={"size": 13})       # the panels' titles: two side by side in a narrow column
    fig.update_layout(
        title={**place_title, "text": f"{title}<br><sup>step 0</sup>"}, template="plotly_white",
        height=height, showlegend=not panels,
        legend={"orientation": "h", "x": 0.0, "xanchor": "left", "yref": "container", "y": 1 - 70 / height,
                "yanchor": "top"},
        margin={"l": 60, "r": 20, "t": 90 if panels else 150, "b": PLAYER_MARGIN + 15},
        **player([str(t) for t in steps], frame_duration, prefix="step ", redraw=False, axis_title_room=70))
    return fig


@fits_column
def paths_figure(grid, paths, *, title="Descent paths", axis_titles=("θ₁", "θ₂"), colorbar_title="loss",
                 levels=None, log=True, mark=None, height=520):
    """All ``paths`` (label → points (k, 2)) on one contour plot, without animation; ``mark`` = (x, y) of a point
    to mark with a cross (e.g. the minimum)."""
    import plotly.graph_objects as go
    from plotly.subplots import make_subplots

    xs, ys, Z = grid
    fig = make_subplots(rows=1, cols=1)
    fig.add_trace(_contour(go, xs, ys, Z, colorbar_title, showscale=True, levels=levels, log=log))
    for k, (label, points) in enumerate(paths.items()):
        color = LINE_COLORS[k % len(LINE_COLORS)]
        for trace in _path_traces(go, drawable(points), label, color):
            fig.add_trace(trace)
    if mark is not None:
        fig.add_trace(go.Scatter(x=[float(mark[0])], y=[float(mark[1])], mode="markers", name="minimum",
                                 marker={"symbol": "x", "size": 12, "color": "black"}))
    _axes(fig, xs, ys, 1, 1, axis_titles)
    fig.update_layout(title={"text": title, "x": 0.02, "xanchor": "left"}, template="plotly_white", height=height,
                      legend={"orientation": "h", "x": 0.0, "y": -0.15, "xanchor": "left", "yanchor": "top"},
                      margin={"l": 60, "r": 20, "t": 60, "b": 90})
    return fig


@fits_column
def curves_figure(curves, *, title="Loss per epoch", x=None, x_title="epoch", y_title="loss", log_y=False,
                  log_x=False, every=1, dash=None, height=450, markers=False, y_range=None):
    """Several curves in one plot: ``curves`` maps a label to the y values (epoch 1, 2, … unless ``x`` is given).

    ``every=k`` keeps every k-th point (long runs stay small); NaN and inf are
    left as gaps. ``dash`` maps labels to a Plotly dash style ("dot", "dash").
    ``y_range=(low, high)`` fixes the visible range of y (in data units, also on
    a log axis), so one exploding curve does not flatten the others.
    """
    import plotly.graph_objects as go

    fig = go.Figure()
    for k, (label, values) in enumerate(curves.items()):
        values = np.asarray(values, dtype=float)
        xs = np.arange(1, len(values) + 1) if x is None else np.asarray(x, dtype=float)
        with np.errstate(invalid="ignore", over="ignore"):
            shown = np.where(np.isfinite(values) & (np.abs(values) < 1e30), values, np.nan)
        fig.add_trace(go.Scatter(x=xs[::every].astype(DTYPE), y=shown[::every].astype(DTYPE), name=str(label),
                                 mode="lines+markers" if markers else "lines",
                                 line={"color": LINE_COLORS[k % len(LINE_COLORS)], "width": 2,
                                       "dash": (dash or {}).get(label, "solid")}))
    fig.update_layout(title={"text": title, "x": 0.02, "xanchor": "left"}, template="plotly_white", height=height,
                      xaxis={"title": {"text": x_title}, "type": "log" if log_x else "linear"},
                      yaxis={"title": {"text": y_title}, "type": "log" if log_y else "linear",
                             "exponentformat": "power",
                             "range": None if y_range is None else
                             [float(np.log10(v)) if log_y else float(v) for v in y_range]},
                      # below the plot, not beside it: in a narrow column a legend at the side takes half the width
                      legend={"orientation": "h", "x": 0.0, "xanchor": "left", "y": -0.2, "yanchor": "top"},
                      margin={"l": 70, "r": 20, "t": 60, "b": 60})
    return fig


@fits_column
def sweep_panels(x, left, right, *, x_title="learning rate", left_title="", right_title="", title="",
                 log_x=True, log_right=True, height=420):
    """Two panels over the same x (e.g. the learning rate): ``left`` and ``right`` map a label to y values."""
    import plotly.graph_objects as go
    from plotly.subplots import make_subplots

    fig = make_subplots(rows=1, cols=2, horizontal_spacing=0.14)
    x = np.asarray(x, dtype=DTYPE)
    for col, series in ((1, left), (2, right)):
        for k, (label, values) in enumerate(series.items()):
            fig.add_trace(go.Scatter(x=x, y=np.asarray(values, dtype=DTYPE), name=str(label), legendgroup=str(label),
                                     showlegend=col == 1, mode="lines+markers",
                                     line={"color": LINE_COLORS[k % len(LINE_COLORS)], "width": 2},
                                     marker={"size": 8, "symbol": ("circle", "square", "diamond")[k % 3]}),
                          row=1, col=col)
    ticks = {"tickvals": x.tolist(), "ticktext": [f"{v:g}" for v in x.tolist()]} if log_x else {}
    fig.update_xaxes(type="log" if log_x else "linear", title_text=x_title, **ticks)
    fig.update_yaxes(title_text=left_title, row=1, col=1)
    fig.update_yaxes(title_text=right_title, type="log" if log_right else "linear", row=1, col=2)
    fig.update_layout(title={"text": title, "x": 0.02, "xanchor": "left"}, template="plotly_white", height=height,
                      legend={"orientation": "h", "x": 0.0, "y": -0.2, "xanchor": "left", "yanchor": "top"},
                      margin={"l": 60, "r": 20, "t": 60, "b": 100})
    return fig
