"""Notebook 14's form: predict-then-run experiments, lines that fit the page, pictures whose text stays readable.

nbval checks the notebook's numbers; this checks what nbval does not: that every experiment asks for a
prediction before it runs and then compares and asserts, that no printed line is longer than 90 characters,
that the stored pictures shrink no further than keeps their 12 px text at 11 px, and that the text no longer
says the spiral needs depth (one hidden layer of 16 reaches 98 %: it needs units).
"""

import json
import re
from pathlib import Path

NOTEBOOK = Path(__file__).resolve().parents[1] / "notebooks" / "14_playground.ipynb"
CELLS = json.loads(NOTEBOOK.read_text(encoding="utf-8"))["cells"]


def source(cell):
    return "".join(cell["source"])


def printed(cell):
    return "".join("".join(out.get("text", "")) for out in cell.get("outputs", ()) if out.get("name") == "stdout")


def pictures(cells):
    """(width of the picture, the least width it may shrink to) for every stored static picture."""
    found = []
    for cell in cells:
        for out in cell.get("outputs", ()):
            html = "".join(out.get("data", {}).get("text/html", ""))
            if "data:image/svg+xml" in html:
                least = re.search(r"min-width:(\d+)px", html)
                found.append((int(re.search(r"<img [^>]*width='(\d+)'", html).group(1)),
                              int(least.group(1)) if least else 0))
    return found


def test_every_experiment_asks_for_a_prediction_then_compares_and_asserts():
    asks = [k for k, cell in enumerate(CELLS) if re.search(r"^my_prediction = \.\.\.", source(cell), re.M)]
    assert len(asks) >= 5
    for k in asks:
        assert CELLS[k]["cell_type"] == "code" and "run(" not in source(CELLS[k])  # the prediction comes first
        runs = source(CELLS[k + 1])
        assert "run(" in runs and "compare(my_prediction" in runs and "assert " in runs
        assert "no prediction written; what happened: " in printed(CELLS[k + 1])  # committed unanswered
    # and the features experiment's prediction is exercise 14.1, graded, before the cell that runs it
    graded = next(k for k, cell in enumerate(CELLS) if 'check("14.1"' in source(cell))
    assert "Circles without a hidden layer" in source(CELLS[graded + 2])


def test_printed_lines_fit_the_page():
    for cell in CELLS:
        for line in printed(cell).splitlines():
            assert len(line) <= 90, line


def test_the_pictures_keep_their_text_at_least_11_px():
    found = pictures(CELLS)
    assert len(found) >= 3
    for width, least in found:
        assert least * 12 >= 11 * width, (width, least)  # the SVG's text is 12 px at its natural width


def test_the_rule_finds_a_picture_that_shrinks_too_far():
    html = "<img src='data:image/svg+xml;base64,AAAA' width='572' height='800' style='max-width:100%'>"
    assert pictures([{"outputs": [{"data": {"text/html": html}}]}]) == [(572, 0)]


def test_the_text_says_units_not_depth_and_names_no_seed_notebook():
    text = "\n".join(source(cell) for cell in CELLS)
    assert "needs depth" not in text and "seed notebook" not in text and "original notebook" not in text
