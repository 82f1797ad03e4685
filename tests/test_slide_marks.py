"""The slide marks (tools/slide_marks.py) that make slides, RISE and jupyterlab-rise read."""

import importlib.util
from pathlib import Path

import nbformat
import pytest

ROOT = Path(__file__).resolve().parents[1]
spec = importlib.util.spec_from_file_location("slide_marks", ROOT / "tools" / "slide_marks.py")
marks = importlib.util.module_from_spec(spec)
spec.loader.exec_module(marks)
PATHS = sorted((ROOT / "notebooks").glob("[0-9][0-9]_*.ipynb"))


def kinds(nb):
    return [cell.metadata.get("slideshow", {}).get("slide_type") for cell in nb.cells]


@pytest.mark.parametrize("path", PATHS, ids=lambda p: p.stem)
def test_each_chapter_is_a_deck_of_a_teachable_length(path):
    nb = nbformat.read(path, as_version=4)
    stored = kinds(nb)
    slides = marks.mark(nb)
    assert kinds(nb) == stored, "the stored marks are the rule's (make execute writes them)"
    assert 10 <= slides <= marks.MOST_SLIDES, slides
    for cell, kind in zip(nb.cells, stored):
        if marks.showing_figure(cell) and kind != "slide":
            assert kind == "subslide", "a figure gets a slide of its own"
        if cell.source.startswith("# Setup."):
            assert kind == "skip"


def test_a_tag_overrides_the_rule_and_long_text_opens_a_subslide():
    nb = nbformat.v4.new_notebook()
    nb.cells = [nbformat.v4.new_markdown_cell("## A section"),
                nbformat.v4.new_markdown_cell("\n".join(["a line"] * 30)),
                nbformat.v4.new_markdown_cell("\n".join(["a line"] * 30)),
                nbformat.v4.new_markdown_cell("just a line")]
    nb.cells[3].metadata["tags"] = ["fragment"]
    marks.mark(nb)
    assert kinds(nb) == ["slide", "-", "subslide", "fragment"]
