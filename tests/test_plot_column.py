"""nnlib.plot.column: every Plotly figure's titles fit a 370 px column, and log axes show no 9 px labels.

The browser test (tests/browser/test_lab_layout.py) measures the drawn figures; these tests pin the rule
that makes them fit, without a browser.
"""

import re

import numpy as np
import pytest

go = pytest.importorskip("plotly.graph_objects")

import nnlib  # noqa: E402
from nnlib import plot  # noqa: E402
from nnlib.plot.column import LINE_HEIGHT, SUBTITLE_CHARACTERS, TITLE_CHARACTERS, narrow, wrap_title  # noqa: E402

LONG = "What each hidden unit computes, and what the output makes of them on four points of XOR"
SUBTITLE = "<sup>epoch 300 · mse loss 0.0123 · accuracy 100 % · every hidden unit on one side of its line</sup>"


def lines_of(text):
    return text.split("<br>")


def test_a_long_title_is_broken_at_spaces_into_lines_a_narrow_column_holds():
    wrapped = wrap_title(LONG)
    assert all(len(line) <= TITLE_CHARACTERS for line in lines_of(wrapped))
    assert len(lines_of(wrapped)) == 3
    assert " ".join(lines_of(wrapped)) == LONG  # nothing lost, nothing cut inside a word


def test_a_subtitle_keeps_its_small_type_on_every_line():
    wrapped = wrap_title(f"Title<br>{SUBTITLE}")
    title, *small = lines_of(wrapped)
    assert title == "Title" and len(small) == 2
    assert all(line.startswith("<sup>") and line.endswith("</sup>") for line in small)
    assert all(len(line) - len("<sup></sup>") <= SUBTITLE_CHARACTERS for line in small)


def test_a_short_title_is_left_as_it_is():
    assert wrap_title("Loss per epoch") == "Loss per epoch"
    fig = narrow(go.Figure(layout={"title": {"text": "Loss per epoch"}, "margin": {"t": 80}}))
    assert fig.layout.title.text == "Loss per epoch" and fig.layout.margin.t == 80


def test_the_top_margin_grows_with_the_lines_a_title_gains():
    fig = narrow(go.Figure(layout={"title": {"text": LONG}, "margin": {"t": 80}}))
    assert fig.layout.margin.t == 80 + 2 * LINE_HEIGHT


def test_animation_frames_get_wrapped_titles_too():
    fig = go.Figure(layout={"title": {"text": LONG}},
                    frames=[go.Frame(name="0", layout={"title": {"text": f"{LONG}<br>{SUBTITLE}"}}),
                            go.Frame(name="1", data=[go.Scatter(x=[1], y=[1])])])
    narrow(fig)
    assert all(len(re.sub("</?sup>", "", line)) <= SUBTITLE_CHARACTERS
               for line in lines_of(fig.frames[0].layout.title.text))
    assert fig.frames[1].layout.title.text is None


def test_log_axes_are_labelled_at_powers_of_ten_only():
    fig = go.Figure(layout={"yaxis": {"type": "log"}, "xaxis": {"type": "log", "dtick": 0.5},
                            "yaxis2": {"type": "linear"}})
    narrow(fig)
    assert fig.layout.yaxis.dtick == 1         # no 2s and 5s in 9 px type between the decades
    assert fig.layout.xaxis.dtick == 0.5       # a tick spacing the caller chose is kept
    assert fig.layout.yaxis2.dtick is None     # linear axes are not touched


@pytest.fixture(scope="module")
def trained():
    X, y = nnlib.logic_gate("xor", encoding="bipolar")
    net = nnlib.mlp([2, 2, 1], hidden="tanh", output="tanh", seed=0)
    history = net.fit(X, y, epochs=50, lr=0.2, loss="mse", snapshot_every=10)
    return net, history, X, y


def test_the_figure_functions_return_figures_that_fit(trained):
    net, history, X, y = trained
    figures = {
        "loss_curves": plot.loss_curves(history, title=LONG, log_y=True),
        "decision_boundary_figure": plot.decision_boundary_figure(net, X, y, title=LONG),
        "decision_boundary_animation": plot.decision_boundary_animation(net, history.snapshots, X, y, title=LONG),
        "hidden_unit_panels": plot.hidden_unit_panels(net, X, y, title=LONG),
        "curves_figure": plot.curves_figure({"a": np.geomspace(1, 1e-3, 20)}, title=LONG, log_y=True),
    }
    for name, fig in figures.items():
        texts = [fig.layout.title.text] + [f.layout.title.text for f in fig.frames if f.layout.title.text]
        for text in texts:
            widest = max(len(re.sub("</?sup>", "", line)) for line in lines_of(text))
            assert widest <= SUBTITLE_CHARACTERS, (name, text)
            assert len(lines_of(text)[0]) <= TITLE_CHARACTERS, (name, text)
    assert figures["loss_curves"].layout.yaxis.dtick == 1
    assert figures["curves_figure"].layout.yaxis.dtick == 1
