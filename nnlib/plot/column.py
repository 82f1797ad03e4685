"""Every Plotly figure fits the narrowest column it is read in: JupyterLab at 800 px with the file browser
open leaves about 370 px for a notebook's outputs (tests/browser/test_lab_layout.py measures it).

Plotly draws a title on one line however long it is, and cuts what does not fit; its log axes label the
2s and 5s between the powers of ten in 9 px type. ``fits_column`` wraps a figure function so that what it
returns has neither: its titles (and every animation frame's) broken at spaces into lines a narrow column
holds, with the top margin grown to make room, and its log axes labelled at the powers of ten only.
"""

import functools
import textwrap

TITLE_CHARACTERS = 40      # a title line at Plotly's 17 px that a 370 px column shows whole
SUBTITLE_CHARACTERS = 52   # the same for a <sup> line (about 70 % of the size)
LINE_HEIGHT = 22           # pixels of top margin per extra title line


def wrap_title(text):
    """``text`` with every line (lines are split at <br>) broken at spaces to fit a narrow column."""
    lines = []
    for line in text.split("<br>"):
        small = line.startswith("<sup>") and line.endswith("</sup>")
        inner = line[len("<sup>"):-len("</sup>")] if small else line
        pieces = textwrap.wrap(inner, SUBTITLE_CHARACTERS if small else TITLE_CHARACTERS,
                               break_long_words=False, break_on_hyphens=False) or [""]
        lines += [f"<sup>{piece}</sup>" for piece in pieces] if small else pieces
    return "<br>".join(lines)


def narrow(fig):
    """Wrap ``fig``'s titles and label its log axes at powers of ten only, in place; returns ``fig``."""
    title = fig.layout.title.text
    if title:
        wrapped = wrap_title(title)
        extra = wrapped.count("<br>") - title.count("<br>")
        fig.layout.title.text = wrapped
        if extra:
            top = fig.layout.margin.t if fig.layout.margin.t is not None else 100
            fig.layout.margin.t = top + LINE_HEIGHT * extra
    for frame in fig.frames:
        if frame.layout is not None and frame.layout.title.text:
            frame.layout.title.text = wrap_title(frame.layout.title.text)
    fig.for_each_xaxis(lambda axis: axis.type == "log" and axis.dtick is None and axis.update(dtick=1))
    fig.for_each_yaxis(lambda axis: axis.type == "log" and axis.dtick is None and axis.update(dtick=1))
    return fig


def fits_column(draw):
    """Decorate a function that returns a Plotly figure: the figure it returns fits a narrow column."""
    @functools.wraps(draw)
    def drawn(*args, **kwargs):
        return narrow(draw(*args, **kwargs))
    return drawn
