"""The playground's pictures, drawn straight from numpy: PNG bytes for heat maps, SVG text for the rest.

No plotting library: a frame must be ready in a few milliseconds (the widgets
redraw up to 20 times a second), and matplotlib takes tens. Heat maps are
colour-table images written as PNG with zlib; points, axes and curves are SVG.
The colours are the series' (``nnlib.palette``): regions run from class 0's pale
tint through white to class 1's, points are drawn in the strong class colours
and shapes with an outline (white for training points, dark for test points),
neuron pictures run from class 0's colour (negative) to class 1's (positive), and so
does a regression's output (a diverging scale, with ``scale_svg`` as its legend).
"""

import html
import struct
import zlib

import numpy as np

from ..plot.palette import BOUNDARY_COLORSCALE, CLASS_COLORS, CLASS_TINTS

LEVELS = 65  # colours per colour table: smooth enough, small PNGs, and an odd number so 0 is the middle
UPSAMPLE = 4  # regions are drawn at 4× the grid, so a discretised boundary is smooth
MIDDLE = "#F7F7F7"
VALUE_SCALE = 1.0  # a regression's numbers are drawn on −1 … 1 (the regression sets' values, but for some noise)


def _rgb(colour):
    return [int(colour[i:i + 2], 16) for i in (1, 3, 5)]


def colour_table(low, middle, high, levels=LEVELS):
    """``levels`` RGB colours (levels, 3) uint8 from ``low`` through ``middle`` to ``high`` (hex strings)."""
    t = np.linspace(-1.0, 1.0, levels)[:, None]
    low, middle, high = (np.array(_rgb(c), dtype=float) for c in (low, middle, high))
    table = np.where(t < 0, middle + (low - middle) * -t, middle + (high - middle) * t)
    return np.round(table).astype(np.uint8)


REGION_TABLE = colour_table(BOUNDARY_COLORSCALE[0][1], BOUNDARY_COLORSCALE[1][1], BOUNDARY_COLORSCALE[2][1])
NEURON_TABLE = colour_table(CLASS_COLORS[0], MIDDLE, CLASS_COLORS[1])


def levels_of(values):
    """Values in [−1, 1] (or NaN) as colour-table indices 0 … LEVELS − 1 (NaN in the middle)."""
    half = (LEVELS - 1) / 2
    values = np.where(np.isnan(values), 0.0, values)
    return (np.clip(values, -1.0, 1.0) * half + (half + 0.5)).astype(np.uint8)


# -- PNG ---------------------------------------------------------------------------------


def _chunk(kind, body):
    return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))


def png(pixels, table=None, transparent=None):
    """PNG bytes of an image: RGB pixels (h, w, 3) uint8, or indices (h, w) into ``table`` (k, 3).

    ``transparent``: an index of ``table`` drawn fully transparent (the gaps between neuron pictures).
    """
    pixels = np.ascontiguousarray(pixels, dtype=np.uint8)
    height, width = pixels.shape[:2]
    kind = 3 if table is not None else 2  # indexed colour or truecolour
    rows = pixels.reshape(height, -1)
    raw = np.hstack([np.zeros((height, 1), np.uint8), rows])  # filter type 0 (none) before every row
    header = struct.pack(">IIBBBBB", width, height, 8, kind, 0, 0, 0)
    chunks = [_chunk(b"IHDR", header)]
    if table is not None:
        chunks.append(_chunk(b"PLTE", np.ascontiguousarray(table, dtype=np.uint8).tobytes()))
        if transparent is not None:
            chunks.append(_chunk(b"tRNS", bytes([255] * transparent + [0])))
    # level 1: these smooth pictures compress almost as well as at level 6, three times faster
    chunks += [_chunk(b"IDAT", zlib.compress(raw.tobytes(), 1)), _chunk(b"IEND", b"")]
    return b"\x89PNG\r\n\x1a\n" + b"".join(chunks)


def resample(Z, m):
    """Bilinear interpolation of values on a g × g grid (g, g, ...) at m × m evenly spaced points, same corners."""
    g = Z.shape[0]
    t = np.linspace(0, g - 1, m)
    i = np.minimum(t.astype(int), g - 2)
    f = (t - i).reshape((m,) + (1,) * (Z.ndim - 1))
    rows = Z[i] * (1 - f) + Z[i + 1] * f  # along y
    f = f.reshape((1, m) + (1,) * (Z.ndim - 2))
    return rows[:, i] * (1 - f) + rows[:, i + 1] * f  # along x


def upsample(Z, factor=UPSAMPLE):
    """Bilinear interpolation of a grid of values (m, m) to ((m − 1)·factor + 1)² points.

    Done with element-wise arithmetic, not as matrix products: BLAS spreads even small
    products over threads, which on a busy machine makes them slower, not faster.
    """
    return resample(Z, (Z.shape[0] - 1) * factor + 1)


def regions_png(output, discrete=False):
    """The decision regions: ``output`` is p(class 1) (g, g) or class probabilities (g, g, 3), row i for ys[i].

    Shaded by the output (white where the network is undecided), or with ``discrete``
    in the colour of the predicted class only. The picture's top row is the largest y.
    """
    output = np.asarray(output, dtype=float)
    output = np.where(np.isnan(output), 0.5, output)
    if output.ndim == 2:  # two classes: one probability
        p = upsample(output)[::-1]
        if discrete:
            return png((p > 0.5).astype(np.uint8), np.array([_rgb(CLASS_TINTS[0]), _rgb(CLASS_TINTS[1])]))
        return png(levels_of(2 * p - 1), REGION_TABLE)
    p = np.stack([upsample(output[:, :, k]) for k in range(output.shape[2])], axis=-1)[::-1]
    tints = np.array([_rgb(tint) for tint in CLASS_TINTS[:p.shape[2]]], dtype=float)
    if discrete:
        return png(np.argmax(p, axis=2).astype(np.uint8), tints)
    return png(np.round(np.clip(p, 0, 1) @ tints).astype(np.uint8))  # each class's tint, by its probability


def layer_png(pictures, rows, pitch):
    """One layer's neuron pictures (n, s, s), values in [−1, 1], as one PNG laid out as in the diagram.

    Column by column, ``rows`` pictures to a column, every ``pitch`` pixels (the gaps
    are transparent, so the connections show between the pictures); the picture's
    top row is the largest y.
    """
    n, size = pictures.shape[:2]
    columns = -(-n // rows)
    canvas = np.full((min(n, rows) * pitch, columns * pitch), LEVELS, dtype=np.uint8)  # LEVELS: transparent
    pad = (pitch - size) // 2
    levels = levels_of(pictures[:, ::-1, :])
    for unit in range(n):
        column, row = divmod(unit, rows)
        canvas[row * pitch + pad:row * pitch + pad + size, column * pitch + pad:column * pitch + pad + size] = \
            levels[unit]
    return png(canvas, np.vstack([NEURON_TABLE, [[255, 255, 255]]]), transparent=LEVELS)


# -- SVG ---------------------------------------------------------------------------------

FONT = "font-family='sans-serif' font-size='12'"


def svg(width, height, body, title="", shrink=False):
    """An SVG element of a fixed size, so that its text stays 12 px; with ``shrink`` it scales down to fit
    a container narrower than itself (rather than being cut off)."""
    style = "display:block" + (";max-width:100%;height:auto" if shrink else "")
    return (f"<svg xmlns='http://www.w3.org/2000/svg' width='{width}' height='{height}' style='{style}' "
            f"viewBox='0 0 {width} {height}' role='img' aria-label='{html.escape(title)}' {FONT}>{body}</svg>")


def marker(kind, x, y, fill, stroke, width):
    """A point's marker: circle, square or triangle (``nnlib.palette``'s shapes), outlined."""
    style = f"fill='{fill}' stroke='{stroke}' stroke-width='{width}'"
    if kind == 0:
        return f"<circle cx='{x:.1f}' cy='{y:.1f}' r='3.6' {style}/>"
    if kind == 1:
        return f"<rect x='{x - 3.2:.1f}' y='{y - 3.2:.1f}' width='6.4' height='6.4' {style}/>"
    return f"<path d='M{x:.1f} {y - 4.3:.1f}L{x + 4:.1f} {y + 2.8:.1f}L{x - 4:.1f} {y + 2.8:.1f}Z' {style}/>"


def value_colours(values, scale):
    """Hex colours of numbers on the diverging scale −``scale`` … ``scale`` (NEURON_TABLE; beyond it the ends)."""
    rows = NEURON_TABLE[levels_of(np.asarray(values, float) / scale)]
    return ["#" + "".join(f"{c:02X}" for c in row) for row in rows.tolist()]


def values_png(output, scale):
    """A regression's output (g, g), row i for ys[i], on the diverging colour scale −``scale`` … ``scale``."""
    output = np.asarray(output, dtype=float)
    return png(levels_of(upsample(output / scale)[::-1]), NEURON_TABLE)


def points_svg(size, xs, ys, sets, scale=None):
    """The points over a picture of the plane, as a transparent SVG ``size`` × ``size``.

    ``sets`` lists (X, y, outline) groups: points X (n, 2), class numbers y, the
    outline colour. The grid's first and last xs, ys are the picture's edges. With a
    ``scale`` the y are numbers (regression), drawn as circles in ``value_colours``.
    """
    x0, x1, y0, y1 = xs[0], xs[-1], ys[0], ys[-1]
    parts = []
    for X, y, outline in sets:
        px = (X[:, 0] - x0) / (x1 - x0) * size
        py = (y1 - X[:, 1]) / (y1 - y0) * size
        width = 1.0 if outline == "white" else 1.4
        if scale is None:
            parts += [marker(int(k), a, b, CLASS_COLORS[int(k)], outline, width) for a, b, k in zip(px, py, y)]
        else:
            parts += [marker(0, a, b, fill, outline, width) for a, b, fill in zip(px, py, value_colours(y, scale))]
    ticks = []  # whole numbers along the bottom and the left edge, not too close to a corner
    for value in range(int(np.ceil(x0)), int(np.floor(x1)) + 1):
        a = (value - x0) / (x1 - x0) * size
        if 16 < a < size - 8:
            ticks.append(f"<text x='{a:.1f}' y='{size - 4}' text-anchor='middle'>{value}</text>")
    for value in range(int(np.ceil(y0)), int(np.floor(y1)) + 1):
        b = (y1 - value) / (y1 - y0) * size
        if 8 < b < size - 24:
            ticks.append(f"<text x='4' y='{b + 4:.1f}'>{value}</text>")
    halo = "<g fill='#333' stroke='white' stroke-width='3' paint-order='stroke'>" + "".join(ticks) + "</g>"
    return svg(size, size, "".join(parts) + halo, "the data points")


def polyline(values, epochs, width, height, top, colour, dash=""):
    if len(values) == 0:
        return ""
    keep = np.arange(len(values)) if len(values) <= 240 else np.linspace(0, len(values) - 1, 240).astype(int)
    finite = np.clip(np.nan_to_num(values[keep], nan=top, posinf=top), 0, top)
    x = (keep + 1) / epochs * width
    y = height - finite / top * height
    points = " ".join(f"{a:.1f},{b:.1f}" for a, b in zip(x, y))
    return f"<polyline points='{points}' fill='none' stroke='{colour}' stroke-width='2' {dash}/>"


def loss_svg(train_loss, test_loss, span, width=300, height=150):
    """Training (solid) and test (dashed) loss per epoch; the x axis runs to ``span`` epochs."""
    left, right, top_pad, bottom = 36, 8, 26, 20
    w, h = width - left - right, height - top_pad - bottom
    finite = np.concatenate([train_loss, test_loss])
    finite = finite[np.isfinite(finite)]
    top = max(0.1, float(np.ceil(10 * finite.max()) / 10)) if len(finite) else 1.0
    span = max(span, len(train_loss), 1)
    test_colour, dash = CLASS_COLORS[2], "stroke-dasharray='6 3'"
    lines = polyline(train_loss, span, w, h, top, "#222") + polyline(test_loss, span, w, h, top, test_colour, dash)
    train_now, test_now = (f"{train_loss[-1]:.3f}", f"{test_loss[-1]:.3f}") if len(train_loss) else ("–", "–")
    body = (f"<line x1='0' x2='22' y1='10' y2='10' stroke='#222' stroke-width='2'/>"
            f"<text x='26' y='14'>train loss {train_now}</text>"
            f"<line x1='150' x2='172' y1='10' y2='10' stroke='{test_colour}' stroke-width='2' {dash}/>"
            f"<text x='176' y='14'>test loss {test_now}</text>"
            f"<g transform='translate({left},{top_pad})'>"
            f"<rect width='{w}' height='{h}' fill='white' stroke='#bbb'/>{lines}"
            f"<text x='-4' y='10' text-anchor='end'>{top:g}</text>"
            f"<text x='-4' y='{h}' text-anchor='end'>0</text>"
            f"<text x='0' y='{h + 15}'>0</text><text x='{w}' y='{h + 15}' text-anchor='end'>{span} epochs</text></g>")
    return svg(width, height, body, "training and test loss")


def scale_svg(scale, width=280, height=34):
    """The legend of the diverging colour scale −``scale`` … ``scale``: a bar with its values written under it."""
    stops = "".join(f"<stop offset='{t:g}' stop-color='{c}'/>"
                    for t, c in zip((0, 0.5, 1), value_colours([-scale, 0, scale], scale)))
    ticks = "".join(f"<text x='{8 + (v / scale + 1) / 2 * (width - 16):.0f}' y='{height - 2}' text-anchor='middle'>"
                    f"{v:g}</text>" for v in (-scale, -scale / 2, 0, scale / 2, scale))
    body = (f"<defs><linearGradient id='value-scale'>{stops}</linearGradient></defs>"
            f"<rect x='8' y='2' width='{width - 16}' height='14' fill='url(#value-scale)' stroke='#bbb'/>{ticks}")
    return svg(width, height, body, f"the output's colour scale, from {-scale:g} to {scale:g}")
