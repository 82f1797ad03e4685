"""The network as a diagram, in SVG: every neuron a small picture of its value over the plane.

Columns from left to right: the input features, each hidden layer, the output.
Each neuron is drawn as its activation over the input plane (class 0's colour
where it is negative, class 1's where positive; ``scaled`` gives the scales),
and every connection is coloured by the sign of its weight (class 1's colour for
positive, class 0's for negative) and as thick as its magnitude, as in
TensorFlow Playground. Wide layers get smaller pictures, in several sub-columns;
where two layers have more connections than ``MAX_LINES``, only the strongest are
drawn, and the diagram says so."""

import base64

import numpy as np

from ..plot.palette import CLASS_COLORS
from .draw import VALUE_SCALE, layer_png, resample, svg
from .settings import FEATURES

MAX_LINES = 256  # connections drawn between two layers at most (the strongest)
MAX_HOVER = 300  # up to this many weights in all, each connection shows its weight on hover (a <title>)
WIDTH = 560  # about how wide the diagram is, in pixels
SIGMOID_LIKE = ("sigmoid",)  # activations whose values are 0 … 1: drawn with 0.5 in the middle


def scaled(values, column, act, regression=False):
    """The values of layer ``column`` of ``Playground.grid_values()`` mapped for drawing to −1 … 1.

    Features are scaled each by its own largest |value| over the plane (x1² is never
    negative, so it runs from white to class 1's colour). Hidden neurons are drawn on
    one fixed scale, −1 … 1 (tanh's range; larger relu values show as the strongest
    colour), so pictures compare across layers and over time and a dead relu is
    white; sigmoid units and the output's probabilities run 0 … 1; a regression's output
    runs −VALUE_SCALE … VALUE_SCALE, as in the picture of the output.
    """
    layer = values[column]
    if column == 0:
        largest = np.max(np.abs(layer), axis=0)
        return layer / np.where(largest > 0, largest, 1.0)
    if column == len(values) - 1 and regression:
        return layer / VALUE_SCALE
    if column == len(values) - 1 or act in SIGMOID_LIKE:
        return 2 * layer - 1
    return layer


def neuron_pictures(values, act, sizes, regression=False):
    """Every layer's neuron pictures, values in −1 … 1: a list of arrays (neurons, size, size), row i for the i-th y.

    ``values`` are ``Playground.grid_values()`` (the features, each hidden layer and
    the output on the g × g grid), scaled by ``scaled`` and resampled (bilinear) to
    ``sizes[layer]`` pixels a side, the size they are drawn at.
    """
    g = int(round(np.sqrt(len(values[0]))))
    return [np.moveaxis(resample(scaled(values, column, act, regression).reshape(g, g, -1), size), 2, 0)
            for column, size in enumerate(sizes)]


def layout(width):
    """How the neurons of a layer this wide are drawn: (size, pitch, rows per sub-column) in pixels."""
    if width <= 8:
        return 36, 44, 8
    if width <= 16:
        return 20, 24, 16
    return 10, 12, 32


def positions(widths, top):
    """Where every layer goes: its layout, the top-left corner of its block of pictures, its width in pixels;
    the gap between layers; and the diagram's width and height."""
    layouts = [layout(w) for w in widths]
    columns = [int(np.ceil(w / rows)) * pitch for w, (_, pitch, rows) in zip(widths, layouts)]  # in pixels
    heights = [min(w, rows) * pitch for w, (_, pitch, rows) in zip(widths, layouts)]
    # the gaps between layers shrink with their number, so that the diagram stays about WIDTH wide
    label_width, right = 56, 40
    gap = int(np.clip((WIDTH - label_width - right - sum(columns)) / max(1, len(widths) - 1), 24, 80))
    height = top + max(heights) + 10
    left, blocks = label_width, []
    for column, block in zip(columns, heights):
        blocks.append((left, top + (height - top - 10 - block) // 2))  # centred, on whole pixels
        left += column + gap
    return layouts, blocks, columns, gap, left - gap + right, height


def _connections(W, xa, ya, xb, yb, size_a, size_b, names=None):
    """SVG paths of the strongest MAX_LINES weights W[j, i] (from neuron i to neuron j), grouped by colour and width.

    With ``names`` (the names of the neurons the weights come from and go to), every
    connection also gets a wide transparent twin holding a ``<title>``: hovering a
    connection shows its weight, in every browser and front end, with no JavaScript.
    """
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
                (xa[i[pick]] + size_a).tolist(), (ya[i[pick]] + size_a / 2).tolist(),
                xb[j[pick]].tolist(), (yb[j[pick]] + size_b / 2).tolist()))
            colour = CLASS_COLORS[1] if sign else CLASS_COLORS[0]
            parts.append(f"<path d='{d}' stroke='{colour}' stroke-width='{0.6 + width / 2:g}' stroke-opacity='0.75' "
                         "fill='none'/>")
    if names is not None:
        sources, targets = names
        hover = "".join(
            f"<path d='M{xa[a] + size_a:.0f} {ya[a] + size_a / 2:.1f}L{xb[b]:.0f} {yb[b] + size_b / 2:.1f}' "
            f"class='weight' data-weight='{W[b, a]:.6g}'><title>weight {W[b, a]:.3g}: {sources[a]} → {targets[b]}"
            "</title></path>" for b, a in zip(j.tolist(), i.tolist()))
        parts.append(f"<g stroke='#000' stroke-opacity='0' stroke-width='7' fill='none'>{hover}</g>")
    return "".join(parts)


def diagram_svg(net, features, values, act, *, chosen=None, dead=None, regression=False):
    """The diagram of ``net`` as SVG text.

    ``features`` are the input tokens, ``values`` the grid values of every layer
    (``Playground.grid_values()``), ``chosen`` the (column, unit) drawn with a thick
    frame, ``dead`` per hidden layer a boolean array of relu units that are 0 on every
    training point (drawn crossed out), ``regression`` whether the output is a number.
    Each layer's pictures are one image (cheap for a browser to draw 20 times a second);
    over them every neuron has a frame.
    """
    dense = [layer for layer in net.layers if layer.parameters()]
    widths = [len(features)] + [layer.W.shape[0] for layer in dense]
    top = 24
    layouts, blocks, columns, gap, width, height = positions(widths, top)
    places = []  # per layer: x and y (arrays) of every neuron's picture
    for n, (left, block_top), (size, pitch, rows) in zip(widths, blocks, layouts):
        sub, row = np.divmod(np.arange(n), rows)
        pad = (pitch - size) // 2
        places.append((left + sub * pitch + pad, block_top + row * pitch + pad))
    sizes = [size for size, _, _ in layouts]
    parts, notes = [], []
    hover = sum(layer.W.size for layer in dense) <= MAX_HOVER
    names = [[_name(column, unit, widths, features) for unit in range(n)] for column, n in enumerate(widths)]
    for column, layer in enumerate(dense):  # connections first, so that the neurons are drawn over them
        parts.append(_connections(layer.W, *places[column], *places[column + 1], sizes[column], sizes[column + 1],
                                  names[column:column + 2] if hover else None))
        if layer.W.size > MAX_LINES:
            notes.append(f"{layer.W.size}")
    pictures = neuron_pictures(values, act, sizes, regression)
    titles = sum(widths) <= 100  # tooltips (the neuron's name) unless there are very many neurons
    for column, n in enumerate(widths):
        size, pitch, rows = layouts[column]
        image = base64.b64encode(layer_png(pictures[column], rows, pitch)).decode("ascii")
        left, block_top = blocks[column]
        parts.append(f"<image x='{left}' y='{block_top}' width='{columns[column]}' "
                     f"height='{min(n, rows) * pitch}' class='layer' data-column='{column}' "
                     f"href='data:image/png;base64,{image}'/>")
        xs, ys = (v.tolist() for v in places[column])
        frames = []  # in a group that holds what all frames share, so that a big layer stays small text
        for unit, (x, y) in enumerate(zip(xs, ys)):
            is_dead = dead is not None and 0 < column < len(widths) - 1 and dead[column - 1][unit]
            style = " stroke='#111' stroke-width='3'" if chosen == (column, unit) else ""
            if is_dead:
                style += " stroke-dasharray='3 2'"
                parts.append(f"<path d='M{x} {y}l{size} {size}m0 {-size}l{-size} {size}' stroke='#555' class='dead'/>")
            title = f"<title>{_name(column, unit, widths, features)}{' (dead)' if is_dead else ''}</title>"
            frames.append(f"<rect x='{x}' y='{y}' width='{size}' height='{size}'{style} class='neuron' "
                          f"data-column='{column}' data-unit='{unit}'>"
                          f"{title if titles else ''}</rect>")
        parts.append(f"<g fill='none' stroke='#888'>{''.join(frames)}</g>")
        if column == 0:
            for token, y in zip(features, ys):
                parts.append(f"<text x='{xs[0] - 6}' y='{y + size / 2 + 4:.1f}' text-anchor='end' "
                             f"class='feature'>{FEATURES[token]}</text>")
        roomy = columns[column] + gap >= 76  # room for "64 neurons" above the layer; else the number only
        header = "inputs" if column == 0 else "output" if column == len(widths) - 1 else f"{n}{' neurons' * roomy}"
        parts.append(f"<text x='{left + columns[column] / 2:.0f}' y='14' text-anchor='middle'>{header}</text>")
    if notes:  # one line for all the layers whose connections were thinned out
        parts.append(f"<text x='4' y='{height + 10}' fill='#555'>connections: the {MAX_LINES} strongest between "
                     f"two layers (of {', '.join(dict.fromkeys(notes))})</text>")
    return svg(int(width), int(height + 16 * bool(notes)), "".join(parts),
               "the network: every neuron's value over the plane", shrink=True)


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
