"""The rule that marks each chapter's slides in its cells' metadata (``slideshow.slide_type``).

nbconvert's slides (``make slides``), RISE and jupyterlab-rise all read these marks. ``make execute``
writes them (tools/notebooks.py), and tests/test_notebooks.py checks they are current:

- the title and every "## " section open a slide;
- a cell that shows a figure gets a slide of its own below its section's (a reveal.js sub-slide,
  reached with ↓ or space);
- the Colab setup cell is skipped;
- every other cell continues the slide it is on while that has room (``ROOM`` lines), and opens a
  sub-slide when not, so no slide runs off a projector's screen.

An instructor overrides the rule for one cell with a tag: "slide", "subslide", "fragment" or "skip".
"""

import re

KINDS = ("slide", "subslide", "fragment", "skip")
FIGURES = ("application/vnd.plotly.v1+json", "image/png", "image/jpeg", "image/svg+xml")
ROOM = 40  # lines of text one slide holds (a longer one scrolls)


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
        return ROOM
    text = cell.source + "".join(out.get("text", "") or out.get("data", {}).get("text/plain", "")
                                 for out in cell.get("outputs", []))
    return sum(1 + len(line) // 90 for line in text.splitlines())


def mark(nb):
    """Write the rule's slide type into every cell's metadata; returns how many slides the chapter has.

    Cells the rule leaves open continue the slide they are on while it has room; past ``ROOM`` lines
    the next one opens a sub-slide, so no slide runs off a projector's screen.
    """
    used = 0
    for cell in nb.cells:
        kind, lines = rule(cell), height(cell)
        if kind is None:
            kind = "subslide" if used and used + lines > ROOM else "-"
        if kind in ("slide", "subslide"):
            used = lines
        elif kind != "skip":
            used += lines
        cell.metadata["slideshow"] = {"slide_type": kind}
    return sum(cell.metadata.slideshow["slide_type"] in ("slide", "subslide") for cell in nb.cells)
