"""The committed notebooks keep the series' conventions (nbval checks their outputs; this checks their form).

Each notebook: generated badge and setup cell up to date with pyproject.toml, every code cell executed
and no stored error, under 2 MB, learning goals at the top and exercises at the end, and every Plotly
output in a cell that nbval ignores, with a static twin for viewers without JavaScript.
"""

import re
import sys
from pathlib import Path

import nbformat
import pytest

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tools"))
import notebooks as tool  # noqa: E402  (tools/notebooks.py)

PATHS = sorted((ROOT / "notebooks").glob("[0-9][0-9]_*.ipynb"))
PLOTLY = "application/vnd.plotly.v1+json"


def test_the_whole_series_is_there():
    # The README's curriculum table is the map of the series: every notebook is listed there, in order.
    listed = re.findall(r"^\| \[(\d\d_\w+)\]\(notebooks/\1\.ipynb\)", (ROOT / "README.md").read_text(), re.MULTILINE)
    assert [p.stem for p in PATHS] == listed
    assert listed[0].startswith("00_") and listed[-1] == "14_playground"


@pytest.mark.parametrize("path", PATHS, ids=lambda p: p.stem)
def test_notebook_conventions(path):
    nb = nbformat.read(path, as_version=4)
    stored = nbformat.writes(nb)
    assert nbformat.writes(tool.stamp(nbformat.read(path, as_version=4), path)) == stored, \
        "badge, setup cell or diagrams out of date: run `make execute`"
    assert path.stat().st_size < 2e6, f"{path.stat().st_size / 1e6:.2f} MB: keep notebooks under 2 MB"

    code = [c for c in nb.cells if c.cell_type == "code"]
    assert all(c.execution_count is not None for c in code), "cells not executed: run `make execute`"
    assert not [o for c in code for o in c.outputs if o.output_type == "error"], "an error is stored"
    for cell in code:
        for output in cell.outputs:
            if PLOTLY in output.get("data", {}):
                assert cell.source.startswith("# NBVAL_IGNORE_OUTPUT"), "a Plotly cell nbval would compare"
                assert "image/jpeg" in output["data"], "a Plotly figure without its static twin"

    markdown = "\n".join(c.source for c in nb.cells if c.cell_type == "markdown")
    assert nb.cells[1].source.startswith("# "), "the title comes right after the badge"
    assert "What you will learn" in markdown
    assert "## Exercises" in markdown or "## Exercise" in markdown


def test_notebook_10_quotes_the_success_table_that_notebook_05_asserts():
    # 10 explains 05's table of successes per init scale from a copy of it; 05 asserts the table it measures.
    # Were 05's numbers to change, 10 would explain a table that no longer exists.
    def table(pattern, name):
        source = "\n".join(c.source for c in nbformat.read(ROOT / "notebooks" / name, as_version=4).cells
                           if c.cell_type == "code")
        [found] = re.findall(pattern, source, re.MULTILINE)
        return found

    measured = table(r"^assert successes == (\{[^}]*\})", "05_xor_hidden_layer.ipynb")
    quoted = table(r"^SUCCESSES_IN_05 = (\{[^}]*\})", "10_initialisation_and_depth.ipynb")
    assert quoted == measured
