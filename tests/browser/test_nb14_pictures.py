"""Notebook 14's static pictures in Chromium: their text is at least 11 px in a JupyterLab column.

Each stored picture (an SVG frame of the playground with 12 px text) is put in a column of JupyterLab's output
width at 800 px with the file browser closed (about 680 px) and open (370 px). It may shrink with the column only
to 11/12 of its size; in the narrow column it scrolls sideways instead, and the text stays readable.
"""

import json
from pathlib import Path

import pytest

NOTEBOOK = Path(__file__).resolve().parents[2] / "notebooks" / "14_playground.ipynb"
OUTPUTS = [out.get("data", {}) for cell in json.loads(NOTEBOOK.read_text())["cells"] for out in cell.get("outputs", ())]
HTMLS = ["".join(data["text/html"]) for data in OUTPUTS if "data:image/svg+xml" in "".join(data.get("text/html", ""))]


@pytest.mark.parametrize("column", [370, 680])
def test_the_pictures_text_is_at_least_11_px(browser, column):
    assert HTMLS
    page = browser.new_page(viewport={"width": 1000, "height": 800})
    for html in HTMLS:
        page.set_content(f"<div id='column' style='width:{column}px'>{html}</div>")
        page.wait_for_function("document.querySelector('img').complete")
        shown, natural = page.evaluate("[document.querySelector('img').getBoundingClientRect().width, "
                                       "+document.querySelector('img').getAttribute('width')]")
        assert 12 * shown / natural >= 11, (column, shown, natural)
        if natural <= column:  # a column wide enough shows it whole, at its own size
            assert shown == natural
    page.close()
