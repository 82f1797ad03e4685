"""The rule that marks each chapter's slides in its cells' metadata (``slideshow.slide_type``).

nbconvert's slides (``make slides``), RISE and jupyterlab-rise all read these marks. ``make execute``
writes them (tools/notebooks.py), and tests/test_notebooks.py checks they are current:

- the title and every "## " section open a slide;
- a cell that shows a figure gets a slide of its own below its section's (a reveal.js sub-slide,
  reached with ↓ or space);
- the Colab setup cell is skipped;
- every other cell continues the slide it is on while that has room, and opens a sub-slide when not: the
  room is 40 lines, or as many more (up to 100, in ``ROOMS``) as keep the chapter to ``MOST_SLIDES`` slides,
  so a chapter is about 15-30 slides and a slide that runs longer scrolls.

An instructor overrides the rule for one cell with a tag: "slide", "subslide", "fragment" or "skip".
"""

import re

KINDS = ("slide", "subslide", "fragment", "skip")
FIGURES = ("application/vnd.plotly.v1+json", "image/png", "image/jpeg", "image/svg+xml")
ROOMS = (40, 50, 60, 80, 100)  # lines of text a slide may hold, tried in turn (a longer slide scrolls)
MOST_SLIDES = 30                # the first of ROOMS that keeps a chapter to this many slides is used
FULL = 10**6                    # a figure fills its slide


def rule(cell):
    """The slide type the rule gives one cell on its own, or None where only the room left decides."""
    chosen = [tag for tag in cell.metadata.get("tags", []) if tag in KINDS]
    if chosen:
        return chosen[0]
    if cell.cell_type == "markdown" and re.search(r"^#{1,2}\s", cell.source, re.M):
        return "slide"
    if "colab-badge" in cell.metadata.get("tags", []) or cell.source.startswith("# Setup."):
        return "skip"
    if showing_figure(cell):
        return "subslide"
    return None


def showing_figure(cell):
    return any(kind in out.get("data", {}) for out in cell.get("outputs", []) for kind in FIGURES)


def height(cell):
    """About how many lines of a slide the cell fills (a figure fills one)."""
    if showing_figure(cell):
        return FULL
    text = cell.source + "".join(out.get("text", "") or out.get("data", {}).get("text/plain", "")
                                 for out in cell.get("outputs", []))
    return sum(1 + len(line) // 90 for line in text.splitlines())


def mark(nb):
    """Write the rule's slide type into every cell's metadata; returns how many slides the chapter has."""
    for room in ROOMS:
        slides = mark_with_room(nb, room)
        if slides <= MOST_SLIDES:
            break
    return slides


def mark_with_room(nb, room):
    """Mark the cells with ``room`` lines per slide; returns how many slides that makes."""
    used = 0
    for cell in nb.cells:
        kind, lines = rule(cell), height(cell)
        if kind is None:
            kind = "subslide" if used and used + lines > room else "-"
        if kind in ("slide", "subslide"):
            used = lines
        elif kind != "skip":
            used += lines
        cell.metadata["slideshow"] = {"slide_type": kind}
    return sum(cell.metadata.slideshow["slide_type"] in ("slide", "subslide") for cell in nb.cells)
