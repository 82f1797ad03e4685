"""One frame of the playground: everything its pictures show at one moment, as PNG bytes and SVG text.

``frame`` is what the widget app redraws after every chunk of training;
``static_html`` puts one frame together as plain HTML (images inline), for a
notebook cell or a web page where widgets do not run, e.g. on GitHub.
"""

import base64
import html
import uuid

from . import draw
from .diagram import diagram_svg, scaled
from .model import GRID

PICTURE = 280  # pixels: the decision regions and the chosen neuron


def frame(pg, chosen=None, span=None, uid="pg"):
    """The pictures of the Playground ``pg`` now: a dict of diagram (SVG), regions and neuron (PNG), losses (SVG).

    ``chosen`` is the (column, unit) of the neuron shown large (default: the first
    hidden neuron, or the first input without hidden layers); ``span`` the epochs
    the loss axis runs to (default ``settings.epochs``).
    """
    s = pg.settings
    chosen = chosen or (1 if s.hidden else 0, 0)
    values = pg.grid_values()
    output = values[-1].reshape(GRID, GRID, -1)
    column, unit = chosen
    picture = scaled(values, column, s.act)[:, unit].reshape(GRID, GRID)
    return {
        "diagram": diagram_svg(pg.net, s.features, values, s.act, chosen=chosen, dead=pg.dead_units(), uid=uid),
        "regions": draw.regions_png(output[:, :, 0] if s.classes == 2 else output, s.discrete),
        "neuron": draw.png(draw.levels_of(draw.upsample(picture)[::-1]), draw.NEURON_TABLE),
        "losses": draw.loss_svg(pg.train_loss, pg.test_loss, max(span or 0, s.epochs)),
        "summary": pg.summary(),
    }


def points(pg):
    """The data points over the pictures (the test points only if ``show_test``), as a transparent SVG."""
    sets = [(pg.X_train, pg.y_train, "white")] + ([(pg.X_test, pg.y_test, "#111")] if pg.settings.show_test else [])
    return draw.points_svg(PICTURE, pg.xs, pg.ys, sets)


def static_html(pg, chosen=None):
    """One frame as HTML: the diagram, the regions and the chosen neuron with the points over them, the losses.

    Every call gets SVG ids of its own: several frames in one page (one notebook) must not share them.
    """
    pictures, dots = frame(pg, chosen, uid="pg" + uuid.uuid4().hex[:8]), points(pg)

    def panel(png, caption):
        image = base64.b64encode(png).decode("ascii")
        return (f"<figure style='margin:0 8px 8px 0'><div style='display:grid;width:{PICTURE}px;height:{PICTURE}px'>"
                f"<img src='data:image/png;base64,{image}' width='{PICTURE}' height='{PICTURE}' "
                f"style='grid-area:1/1' alt='{caption}'><div style='grid-area:1/1'>{dots}</div></div>"
                f"<figcaption style='font-size:13px'>{caption}</figcaption></figure>")

    return (f"<div style='font-family:sans-serif;max-width:100%'>{pictures['diagram']}"
            f"<div style='display:flex;flex-wrap:wrap'>{panel(pictures['regions'], 'output: the decision regions')}"
            f"{panel(pictures['neuron'], 'the chosen neuron, large')}</div>"
            f"<div style='display:flex;flex-wrap:wrap;align-items:center'>{pictures['losses']}"
            f"<p style='font-size:13px;margin:8px'>{html.escape(pictures['summary'])}</p></div></div>")
