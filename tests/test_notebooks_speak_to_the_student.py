"""Every chapter speaks to the student: no history of the notebooks the series grew from, η for the
learning rate in the text (λ is only the penalty rate), the series' palette in the figures, printed lines
that fit the column (90 characters).
"""

import re
from pathlib import Path

import nbformat
import pytest

ROOT = Path(__file__).resolve().parents[1]
PATHS = sorted((ROOT / "notebooks").glob("[0-9][0-9]_*.ipynb"))


def cells(path, kind):
    return [c for c in nbformat.read(path, as_version=4).cells if c.cell_type == kind]


@pytest.mark.parametrize("path", PATHS, ids=lambda p: p.stem)
def test_no_history_of_other_notebooks(path):
    text = "\n".join(c.source for c in nbformat.read(path, as_version=4).cells).lower()
    for pattern in (r"\bseed notebooks?\b", r"the seed's\b", r"original notebooks?", r"notebook 00[0-4]\b",
                    r"\bseed 00[0-4]\b", r"grew from"):
        assert not re.search(pattern, text), (path.stem, pattern, re.search(pattern, text))


@pytest.mark.parametrize("path", PATHS, ids=lambda p: p.stem)
def test_the_text_writes_eta_for_the_learning_rate(path):
    for cell in cells(path, "markdown"):
        assert r"\text{lr}" not in cell.source and r"\lambda^" not in cell.source, cell.source[:200]
        # λ is the rate of a weight penalty, never the learning rate
        assert not re.search(r"learning rate,? (λ|\$\\lambda)", cell.source), cell.source[:200]


@pytest.mark.parametrize("path", PATHS, ids=lambda p: p.stem)
def test_figures_use_the_series_palette_and_printed_lines_fit(path):
    for cell in cells(path, "code"):
        assert not re.search(r"""color=["']C\d["']|["']C\d["'][,)]""", cell.source), cell.source[:200]
        for output in cell.outputs:
            text = output.get("text", "") or output.get("data", {}).get("text/plain", "")
            if output.get("output_type") == "display_data":
                continue   # a figure's repr, not printed text
            for line in text.splitlines():
                assert len(line) <= 90, (path.stem, line)


@pytest.mark.parametrize("path", PATHS, ids=lambda p: p.stem)
def test_numbered_sections_run_one_two_three_with_none_missing(path):
    numbers = [int(m.group(1)) for cell in cells(path, "markdown")
               for m in re.finditer(r"^## (\d+)\s*[.·]", cell.source, re.M)]
    assert numbers == list(range(1, len(numbers) + 1)), (path.stem, numbers)
