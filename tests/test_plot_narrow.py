"""Figures in a narrow column: JupyterLab at 800 px with the file browser open leaves an output 370 px wide.

Plotly neither wraps nor shrinks a title or an axis title: a line that is longer than the figure is
cut at its edge. At Plotly's 17 px title font about 44 characters fill 370 px (measured on a render),
so every title line, axis title and panel title here keeps to 42. The lines of a ``<sup>`` subtitle
are smaller and may be longer.
"""

import json
import re
from pathlib import Path

import numpy as np
import pytest

import nnlib

plot = pytest.importorskip("nnlib.plot")
ROOT = Path(__file__).resolve().parents[1]
LONGEST = 42
PLOTLY = "application/vnd.plotly.v1+json"
# The chapters whose figures this branch fitted to the column; the others follow on their own branches.
NARROW = sorted(p for n in ("09", "10", "11", "12", "13") for p in (ROOT / "notebooks").glob(f"{n}_*.ipynb"))


def text_lines(text):
    """The lines a title shows, without its <sup> subtitle lines and without tags."""
    lines = re.split(r"<br\s*/?>", text or "")
    return [re.sub(r"<[^>]+>", "", line) for line in lines if not line.lstrip().startswith("<sup>")]


def too_long(layout):
    """Every title, axis title and panel title of a figure's layout (a dict) longer than LONGEST."""
    texts = [layout.get("title", {}).get("text")]
    texts += [value.get("title", {}).get("text") for key, value in layout.items()
              if re.fullmatch(r"[xy]axis\d*", key) and isinstance(value.get("title"), dict)]
    texts += [a.get("text") for a in layout.get("annotations", [])]
    return [line for text in texts if text for line in text_lines(text) if len(line) > LONGEST]


def test_the_rule_finds_a_line_that_is_too_long():
    layout = {"title": {"text": "A title that is a good deal too long for a narrow column"},
              "xaxis": {"title": {"text": "short"}}, "annotations": [{"text": "fine<br>also fine"}]}
    assert too_long(layout) == ["A title that is a good deal too long for a narrow column"]
    assert too_long({"title": {"text": f"{'x' * 40}<br><sup>{'a long subtitle, smaller ' * 3}</sup>"}}) == []


@pytest.mark.parametrize("path", NARROW, ids=lambda p: p.stem)
def test_every_stored_figure_of_the_chapter_fits_the_column(path):
    nb = json.loads(path.read_text())
    figures = [out["data"][PLOTLY] for cell in nb["cells"] for out in cell.get("outputs", [])
               if PLOTLY in out.get("data", {})]
    assert figures
    for figure in figures:
        assert too_long(figure["layout"]) == []
        for frame in figure.get("frames", []):
            assert too_long(frame.get("layout", {})) == []


def test_the_default_texts_and_legends_of_the_loss_figures_fit_the_column():
    X, y = nnlib.circles(n=40, noise=0.2, seed=0)
    net = nnlib.mlp([2, 8, 1], hidden="tanh", output="sigmoid", seed=0)
    history = net.fit(X[:20], y[:20], epochs=60, lr=0.05, loss="bce", optimiser="adam",
                      validation_data=(X[20:], y[20:]))
    figures = [plot.optimism_figure({"a": np.array([0.01, -0.02, 0.03])}),
               plot.early_stopping_figure(history, 5),
               plot.success_bar_chart([0.1, 1.0], [3, 5], 10),
               plot.curves_figure({"a": [1.0, 0.5]}),
               plot.loss_curves(history)]
    for fig in figures:
        assert too_long(fig.to_plotly_json()["layout"]) == []
    stopping = figures[1].layout.legend
    assert stopping.orientation == "h" and stopping.y < 0, "the legend under the plot, off the curves"
    above = figures[-1].layout.legend
    assert above.orientation == "h" and above.y >= 1 and above.yanchor == "bottom", "above the plot, off the curves"
