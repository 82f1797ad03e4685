"""One frame of the playground: everything its pictures show at one moment, as PNG bytes and SVG text.

``frame`` is what the widget app redraws after every chunk of training;
``static_svg`` puts one frame together as one picture, and ``static_html`` shows
it as an image, for a notebook cell or a web page where widgets do not run
(GitHub, the website, a notebook that is not trusted).
"""

import base64
import html
import re

from . import draw
from .curves import accuracy_svg
from .diagram import diagram_svg, scaled
from .model import GRID

PICTURE = 280  # pixels: the decision regions and the chosen neuron


def frame(pg, chosen=None, span=None):
    """The pictures of the Playground ``pg`` now: a dict of diagram (SVG), regions and neuron (PNG), losses and
    accuracy (SVG; no accuracy for regression), and the summary line.

    ``chosen`` is the (column, unit) of the neuron shown large (default: the first
    hidden neuron, or the first input without hidden layers); ``span`` the epochs
    the loss axis runs to (default ``settings.epochs``).
    """
    s = pg.settings
    chosen = chosen or (1 if s.hidden else 0, 0)
    values = pg.grid_values()
    output = values[-1].reshape(GRID, GRID, -1)
    column, unit = chosen
    picture = scaled(values, column, s.act, s.regression)[:, unit].reshape(GRID, GRID)
    if s.regression:  # a number: the diverging scale of the legend
        regions = draw.values_png(output[:, :, 0], draw.VALUE_SCALE)
    else:
        regions = draw.regions_png(output[:, :, 0] if s.classes == 2 else output, s.discrete)
    return {
        "diagram": diagram_svg(pg.net, s.features, values, s.act, chosen=chosen, dead=pg.dead_units(),
                               regression=s.regression),
        "regions": regions,
        "neuron": draw.png(draw.levels_of(draw.upsample(picture)[::-1]), draw.NEURON_TABLE),
        "losses": draw.loss_svg(pg.train_loss, pg.test_loss, max(span or 0, s.epochs)),
        "accuracy": "" if s.regression else accuracy_svg(pg.accuracies, max(span or 0, s.epochs)),
        "summary": pg.summary(),
    }


def points(pg):
    """The data points over the pictures (the test points only if ``show_test``), as a transparent SVG."""
    sets = [(pg.X_train, pg.y_train, "white")] + ([(pg.X_test, pg.y_test, "#111")] if pg.settings.show_test else [])
    return draw.points_svg(PICTURE, pg.xs, pg.ys, sets, draw.VALUE_SCALE if pg.settings.regression else None)


def legend(settings):
    """What the output picture shows, in words (HTML): the classes' regions, or the regression's colour scale."""
    points = "points: white outline training, dark outline test"
    if settings.regression:
        return (f"<span style='font-size:12px'>output: the network's number, on this scale · {points}</span>"
                + draw.scale_svg(draw.VALUE_SCALE, PICTURE))
    return f"<span style='font-size:12px'>output: the regions of each class · {points}</span>"


def _size(svg_text):
    width, height = re.search(r"width='(\d+)' height='(\d+)'", svg_text).groups()
    return int(width), int(height)


def static_svg(pg, chosen=None):
    """One frame as one SVG picture: the diagram; the regions and the chosen neuron with the points; the losses."""
    pictures, dots = frame(pg, chosen), points(pg)
    width, top = _size(pictures["diagram"])
    parts = [f"<svg x='0' y='0'{pictures['diagram'][4:]}"]  # each part keeps its own size and coordinates
    output = "output: the decision regions"
    if pg.settings.regression:
        output = f"output: the number (−{draw.VALUE_SCALE:g} … {draw.VALUE_SCALE:g})"
    for x, key, caption in ((0, "regions", output), (PICTURE + 12, "neuron", "the chosen "
                                                                                   "neuron, large")):
        image = base64.b64encode(pictures[key]).decode("ascii")
        parts.append(f"<image x='{x}' y='{top}' width='{PICTURE}' height='{PICTURE}' preserveAspectRatio='none' "
                     f"href='data:image/png;base64,{image}'/><svg x='{x}' y='{top}'{dots[4:]}"
                     f"<text x='{x + 2}' y='{top + PICTURE + 16}'>{caption}</text>")
    losses_top = top + PICTURE + 28
    parts.append(f"<svg x='0' y='{losses_top}'{pictures['losses'][4:]}")
    losses_width, losses_height = _size(pictures["losses"])
    if pictures["accuracy"]:  # beside the losses
        parts.append(f"<svg x='{losses_width + 4}' y='{losses_top}'{pictures['accuracy'][4:]}")
        losses_width += 4 + _size(pictures["accuracy"])[0]
    parts.append(f"<text x='2' y='{losses_top + losses_height + 18}'>{html.escape(pictures['summary'])}</text>")
    return draw.svg(max(width, 2 * PICTURE + 12, losses_width), losses_top + losses_height + 26, "".join(parts),
                    "the playground: the network, the decision regions, a neuron and the losses")


def static_html(pg, chosen=None):
    """``static_svg`` as an HTML image, which shows wherever HTML does, also where a notebook is not trusted.

    (JupyterLab removes SVG elements from the HTML of untrusted outputs, but keeps an image made of one.)
    """
    picture = static_svg(pg, chosen)
    width, height = _size(picture)
    data = base64.b64encode(picture.encode("utf-8")).decode("ascii")
    return (f"<img src='data:image/svg+xml;base64,{data}' width='{width}' height='{height}' "
            f"style='max-width:100%;height:auto' alt='the playground after {pg.epoch} epochs: {pg.summary()}'>")
