"""The chapters' slides run live inside JupyterLab too: jupyterlab-rise reads the same slide marks
(cell metadata written by make execute from tools/slide_marks.py) that make slides turns into reveal.js pages.
"""

import json
from pathlib import Path

import pytest
from conftest import jupyterlab

ROOT = Path(__file__).resolve().parents[2]
CHAPTER = ROOT / "notebooks" / "05_xor_hidden_layer.ipynb"


@pytest.fixture(scope="module")
def lab(tmp_path_factory):
    with jupyterlab(tmp_path_factory.mktemp("rise"), [CHAPTER]) as url:
        yield url


def test_rise_shows_the_chapter_as_the_slides_its_cells_mark(browser, lab):
    cells = json.loads(CHAPTER.read_text())["cells"]
    marks = [cell["metadata"].get("slideshow", {}).get("slide_type") for cell in cells]
    assert marks.count("slide") >= 5, "the chapter's cells carry slide marks (make execute writes them)"
    page = browser.new_page(viewport={"width": 1280, "height": 800})
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(f"{lab}/rise/{CHAPTER.name}", wait_until="load")
    page.wait_for_selector(".reveal .slides > section", timeout=60_000)
    sections = page.evaluate("document.querySelectorAll('.reveal .slides > section').length")
    assert sections == marks.count("slide"), "one horizontal slide per cell marked 'slide'"
    page.keyboard.press("ArrowRight")
    page.wait_for_function("document.querySelector('.reveal .slides > section.present') !== "
                           "document.querySelector('.reveal .slides > section')", timeout=10_000)
    assert not errors, errors
    page.close()
