"""Inside a network with a hidden layer (notebook 05): each hidden unit over the plane, the hidden space,
the output as a surface.

Plotly is imported inside the functions, not by ``import nnlib``.
"""

import numpy as np

from .boundary import grid_outputs, neuron_line
from .column import fits_column
from .palette import BOUNDARY_COLORSCALE, CLASS_COLORS, CLASS_SYMBOLS
from .style import BOUNDARY_COLOR, BOUNDARY_RANK, DTYPE, UNIT_LINE_COLOR, UNIT_RANK, size, unit_dash


def _hidden_dense(net):
    """The first two Dense layers of ``net`` (hidden, next), checking there is a hidden layer on 2 inputs."""
    from ..layers import Dense

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


@fits_column
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
    output's, and the legend names it with its equation (the panels' own titles
    stay short, so they fit side by side in a narrow column). Colours use each
    activation's range; grids are ``grid`` × ``grid``, float32. Two panels per
    row; the figure fills its container's width (``height`` defaults to 240 px
    per row plus room for titles and legend).
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
    cols = min(2, n_units + 1)
    rows = -(-(n_units + 1) // cols)
    titles = [f"hidden unit {j + 1}" for j in range(n_units)] + ["output, boundary in black"]
    equations = [f"{w[0]:.2f}·x1 {w[1]:+.2f}·x2 {b:+.2f} = 0" for w, b in zip(first.W, first.b)]
    fig = make_subplots(rows=rows, cols=cols, subplot_titles=titles, horizontal_spacing=0.07,
                        vertical_spacing=0.2 if rows > 1 else 0.1)
    h_low, h_high = (-1.0, 1.0) if H.min() < -1e-6 else (0.0, 1.0)
    z_low, z_high = (float(np.min(y)), float(np.max(y)))
    unit_lines = [neuron_line(w, b, *lims) for w, b in zip(first.W, first.b)]

    def unit_line(k, width, showlegend):
        x_line, y_line = unit_lines[k]
        return go.Scatter(x=x_line.astype(DTYPE), y=y_line.astype(DTYPE), mode="lines", hoverinfo="skip",
                          name=f"hidden unit {k + 1}: {equations[k]}", legendgroup=f"unit {k + 1}",
                          showlegend=showlegend,
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
    return size(fig, width, 240 * rows + 160 if height is None else height)


@fits_column
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
    size(fig, width, height)
    fig.update_layout(title={"text": title, "x": 0.02}, template="plotly_white",
                      xaxis={"title": "h1 (hidden unit 1)", "range": [low, high], "constrain": "domain"},
                      yaxis={"title": "h2 (hidden unit 2)", "range": [low, high], "scaleanchor": "x",
                             "constrain": "domain"},
                      legend={"orientation": "h", "x": 0.0, "y": 1.0, "xanchor": "left", "yanchor": "bottom"},
                      margin={"l": 60, "r": 20, "t": 110, "b": 50})
    return fig


@fits_column
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
    size(fig, width, height)
    fig.update_layout(title={"text": title, "x": 0.02}, template="plotly_white",
                      margin={"l": 0, "r": 0, "t": 50, "b": 0}, legend={"x": 0.02, "y": 0.92},
                      scene={"xaxis_title": "x1", "yaxis_title": "x2", "zaxis_title": "output",
                             "zaxis": {"range": [low - 0.05 * (high - low), high + 0.05 * (high - low)]},
                             "camera": {"eye": {"x": 1.45, "y": -1.55, "z": 0.95}}})
    return fig
