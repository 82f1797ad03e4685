"""The network as a diagram, in SVG: every neuron a small picture of its value over the plane.

Columns from left to right: the input features, each hidden layer, the output.
Each neuron is drawn as its activation over the input plane (class 0's colour
where it is negative, class 1's where positive; see ``neuron_pictures`` for the
scales), and every connection is coloured by the sign of its weight (class 1's
colour for positive, class 0's for negative) and as thick as its magnitude, as
in TensorFlow Playground. Wide layers get smaller pictures in several sub-columns;
where two layers have more connections than ``MAX_LINES``, only the strongest are
drawn, and the diagram says so.
"""

import base64

import numpy as np

from ..palette import CLASS_COLORS
from .draw import svg, thumbnails_png
from .settings import FEATURES

MAX_LINES = 256  # connections drawn between two layers at most (the strongest)
WIDTH = 560  # about how wide the diagram is, in pixels
SIGMOID_LIKE = ("sigmoid",)  # activations whose values are 0 … 1: drawn with 0.5 in the middle


def scaled(values, column, act):
    """The values of layer ``column`` of ``Playground.grid_values()`` mapped for drawing to −1 … 1.

    Features are scaled each by its own largest |value| over the plane (x1² is never
    negative, so it runs from white to class 1's colour). Hidden neurons are drawn on
    one fixed scale, −1 … 1 (tanh's range; larger relu values show as the strongest
    colour), so pictures compare across layers and over time and a dead relu is
    white; sigmoid units and the output's probabilities run 0 … 1.
    """
    layer = values[column]
    if column == 0:
        largest = np.max(np.abs(layer), axis=0)
        return layer / np.where(largest > 0, largest, 1.0)
    if column == len(values) - 1 or act in SIGMOID_LIKE:
        return 2 * layer - 1
    return layer


def neuron_pictures(values, act, thumbnail):
    """Every neuron's picture, values in −1 … 1, shape (neurons, t, t).

    ``values`` are ``Playground.grid_values()`` (the features, each hidden layer and
    the output on the g × g grid), scaled by ``scaled``; ``thumbnail`` picks the grid
    points of the small pictures.
    """
    g = int(round(np.sqrt(len(values[0]))))
    pictures = []
    for column in range(len(values)):
        grid = scaled(values, column, act).reshape(g, g, -1)[thumbnail][:, thumbnail]
        pictures += [grid[:, :, unit] for unit in range(grid.shape[2])]
    return np.array(pictures)


def layout(widths):
    """How the neurons are drawn for layers of these widths: (size, pitch, rows per sub-column, grid step).

    The grid step picks every step-th grid point for the small pictures: wide
    layers get smaller pictures of fewer pixels.
    """
    widest = max(widths)
    if widest <= 8:
        return 36, 44, 8, 3
    if widest <= 16:
        return 20, 24, 16, 4
    return 10, 12, 32, 6


def positions(widths, size, pitch, rows, top):
    """The diagram's width and height, and per layer the x and y (arrays) of every neuron's top-left corner."""
    columns = [int(np.ceil(w / rows)) for w in widths]
    # the gaps between layers shrink with their number, so that the diagram stays about WIDTH wide
    label_width, right = 56, 40
    gap = int(np.clip((WIDTH - label_width - right - sum(columns) * pitch) / max(1, len(widths) - 1), 24, 80))
    height = top + min(max(widths), rows) * pitch + 10
    left, places = label_width, []
    for n, c in zip(widths, columns):
        sub, row = np.divmod(np.arange(n), rows)
        first = top + (height - top - 10 - min(n, rows) * pitch) / 2 + (pitch - size) / 2  # centred
        places.append((left + sub * pitch, first + row * pitch))
        left += c * pitch + gap
    return left - gap + right, height, places, columns


def _connections(W, xa, ya, xb, yb, size):
    """SVG paths of the strongest MAX_LINES weights W[j, i] (from neuron i to neuron j), grouped by colour and width."""
    strength = np.abs(np.nan_to_num(W, nan=0.0, posinf=0.0, neginf=0.0))
    order = np.argsort(strength, axis=None)[::-1][:MAX_LINES]
    j, i = np.divmod(order, W.shape[1])
    half_px = np.minimum(12, np.round(2 * strength.flat[order])).astype(int)  # line widths in steps of 0.5 px
    positive = W.flat[order] > 0
    parts = []
    for sign in (True, False):
        for width in np.unique(half_px[positive == sign]):
            pick = (positive == sign) & (half_px == width)
            d = "".join(f"M{a:.0f} {b:.1f}L{c:.0f} {e:.1f}" for a, b, c, e in zip(
                (xa[i[pick]] + size).tolist(), (ya[i[pick]] + size / 2).tolist(),
                xb[j[pick]].tolist(), (yb[j[pick]] + size / 2).tolist()))
            colour = CLASS_COLORS[1] if sign else CLASS_COLORS[0]
            parts.append(f"<path d='{d}' stroke='{colour}' stroke-width='{0.6 + width / 2:g}' stroke-opacity='0.75' "
                         "fill='none'/>")
    return "".join(parts)


def diagram_svg(net, features, values, act, *, chosen=None, dead=None, uid="pg"):
    """The diagram of ``net`` as SVG text.

    ``features`` are the input tokens, ``values`` the grid values of every layer
    (``Playground.grid_values()``), ``chosen`` the (column, unit) drawn with a thick
    frame, ``dead`` per hidden layer a boolean array of relu units that are 0 on every
    training point (drawn crossed out). ``uid`` makes the SVG ids unique on the page.
    """
    dense = [layer for layer in net.layers if layer.parameters()]
    widths = [len(features)] + [layer.W.shape[0] for layer in dense]
    size, pitch, rows, step = layout(widths)
    top = 24
    width, height, places, columns = positions(widths, size, pitch, rows, top)
    pictures = neuron_pictures(values, act, slice(0, None, step))
    t = pictures.shape[1]
    atlas = base64.b64encode(thumbnails_png(pictures)).decode("ascii")
    parts = [f"<defs><image id='{uid}-atlas' width='{t + 2}' height='{len(pictures) * (t + 2)}' "
             f"preserveAspectRatio='none' href='data:image/png;base64,{atlas}'/></defs>"]
    notes = []
    for column, layer in enumerate(dense):  # connections first, so that the neurons are drawn over them
        parts.append(_connections(layer.W, *places[column], *places[column + 1], size))
        if layer.W.size > MAX_LINES:
            notes.append(f"layer {column + 1}: the {MAX_LINES} strongest of {layer.W.size} connections")
    k = 0
    titles = sum(widths) <= 100  # tooltips (the neuron's name) unless there are very many neurons
    for column, n in enumerate(widths):
        xs, ys = (v.tolist() for v in places[column])
        for unit, (x, y) in enumerate(zip(xs, ys)):
            parts.append(f"<svg x='{x:.1f}' y='{y:.1f}' width='{size}' height='{size}' "
                         f"viewBox='1 {k * (t + 2) + 1} {t} {t}' class='neuron' "
                         f"data-column='{column}' data-unit='{unit}'><use href='#{uid}-atlas'/></svg>")
            k += 1
            is_dead = dead is not None and 0 < column < len(widths) - 1 and dead[column - 1][unit]
            frame = "stroke='#111' stroke-width='3'" if chosen == (column, unit) else "stroke='#888' stroke-width='1'"
            if is_dead:
                frame += " stroke-dasharray='3 2'"
                parts.append(f"<path d='M{x:.1f} {y:.1f}l{size} {size}m0 {-size}l{-size} {size}' stroke='#555' "
                             "class='dead'/>")
            title = f"<title>{_name(column, unit, widths, features)}{' (dead)' if is_dead else ''}</title>"
            parts.append(f"<rect x='{x:.1f}' y='{y:.1f}' width='{size}' height='{size}' fill='none' {frame}>"
                         f"{title if titles else ''}</rect>")
        if column == 0:
            for token, y in zip(features, ys):
                parts.append(f"<text x='{xs[0] - 6:.0f}' y='{y + size / 2 + 4:.1f}' text-anchor='end' "
                             f"class='feature'>{FEATURES[token]}</text>")
        header = "inputs" if column == 0 else "output" if column == len(widths) - 1 else f"{n} neurons"
        parts.append(f"<text x='{xs[0] + columns[column] * pitch / 2 - 4:.0f}' y='14' "
                     f"text-anchor='middle'>{header}</text>")
    for i, note in enumerate(notes):
        parts.append(f"<text x='4' y='{height + 10 + 16 * i}' fill='#555'>{note}</text>")
    return svg(int(width), int(height + 16 * len(notes)), "".join(parts),
               "the network: every neuron's value over the plane")


def _name(column, unit, widths, features):
    if column == 0:
        return f"input {FEATURES[features[unit]]}"
    if column == len(widths) - 1:
        return "output" if widths[-1] == 1 else f"output: class {unit}"
    return f"layer {column}, neuron {unit + 1}"


def neuron_names(widths, features):
    """(label, (column, unit)) for every neuron: the choices of the app's "show neuron" menu."""
    return [(_name(column, unit, widths, features), (column, unit))
            for column, n in enumerate(widths) for unit in range(n)]
