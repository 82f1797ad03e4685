"""Draw the series' diagrams (``make img``): network pictures and the flow of backpropagation.

Each diagram is written as SVG (crisp on the website and GitHub) and PNG (embedded
in the notebooks as a cell attachment, which JupyterLab, Colab and nbconvert all
show). Matplotlib is told to write no date and fixed ids, so re-running this
script changes no file unless a drawing changed.
"""

from pathlib import Path

import matplotlib
import numpy as np

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
from matplotlib.patches import Circle, FancyArrowPatch  # noqa: E402

from nnlib.plot.palette import CLASS_COLORS  # noqa: E402

HERE = Path(__file__).resolve().parent
plt.rcParams["svg.hashsalt"] = "nnlib"
plt.rcParams["font.size"] = 12

COLOURS = {"input": "#dbe9f6", "hidden": "#fde3c8", "output": "#d9f0d3", "bias": "#eeeeee"}


def save(fig, name):
    fig.savefig(HERE / f"{name}.svg", metadata={"Date": None}, bbox_inches="tight")
    fig.savefig(HERE / f"{name}.png", dpi=110, metadata={"Software": None}, bbox_inches="tight")
    plt.close(fig)
    print(f"img/{name}.svg, img/{name}.png")


def neuron(ax, xy, label, kind, radius=0.32):
    ax.add_patch(Circle(xy, radius, facecolor=COLOURS[kind], edgecolor="#333333", lw=1.5, zorder=3))
    ax.text(*xy, label, ha="center", va="center", fontsize=13, zorder=4)


def arrow(ax, start, end, label=None, colour="#555555", label_at=0.32, offset=(0, 0.12), style="-|>", lw=1.3,
          on_line=False):
    """An arrow from start to end; its label sits beside it (``offset``) or, with ``on_line``, on the arrow
    itself, turned along it, so that crossing arrows cannot be mistaken for each other."""
    ax.add_patch(FancyArrowPatch(start, end, arrowstyle=style, mutation_scale=14, color=colour, lw=lw,
                                 shrinkA=20, shrinkB=20, zorder=2))
    if label:
        dx, dy = end[0] - start[0], end[1] - start[1]
        x, y = start[0] + label_at * dx, start[1] + label_at * dy
        if on_line:  # the axes have equal aspect, so the angle in data units is the drawn angle
            turned = {"rotation": np.degrees(np.arctan2(dy, dx)), "rotation_mode": "anchor"}
        else:
            x, y, turned = x + offset[0], y + offset[1], {}
        ax.text(x, y, label, ha="center", va="center", fontsize=11, color=colour, **turned,
                bbox={"facecolor": "white", "edgecolor": "none", "pad": 0.8 if on_line else 0.5}, zorder=5)


def finish(fig, ax, name, titles, title_y, xlim, ylim):
    """Column titles above the layers, equal axes without frame, and save."""
    for x, title in titles:
        ax.text(x, title_y, title, ha="center", va="bottom", fontsize=11, color="#333333")
    ax.set_xlim(*xlim)
    ax.set_ylim(*ylim)
    ax.set_aspect("equal")
    ax.axis("off")
    save(fig, name)


def column(n, x, top=None):
    top = (n - 1) / 2 if top is None else top
    return [(x, top - i) for i in range(n)]


def network_2_2_1():
    """The 2-2-1 network of notebook 04, with the names of all nine parameters."""
    fig, ax = plt.subplots(figsize=(8, 4.4))
    inputs, hidden, output = column(2, 0), column(2, 3), column(1, 6)
    for (xy, name) in zip(inputs, ["$x_1$", "$x_2$"]):
        neuron(ax, xy, name, "input")
    for (xy, name) in zip(hidden, ["$h_1$", "$h_2$"]):
        neuron(ax, xy, name, "hidden")
    neuron(ax, output[0], r"$\hat y$", "output")
    for j, h in enumerate(hidden):
        for k, x in enumerate(inputs):
            # w_jk goes to hidden unit j from input k. Each label sits on its own arrow, turned along it: the two
            # straight arrows are labelled near their start, the two crossing ones past the crossing.
            arrow(ax, x, h, f"$w_{{{j + 1}{k + 1}}}$", label_at=0.28 if j == k else 0.74, on_line=True)
        ax.text(h[0], h[1] + (0.5 if j == 0 else -0.62), f"bias $b_{j + 1}$", ha="center", fontsize=11,
                color="#b35806")
        arrow(ax, h, output[0], f"$v_{j + 1}$", label_at=0.5)
    ax.text(output[0][0], output[0][1] + 0.52, "bias $c$", ha="center", fontsize=11, color="#b35806")
    ax.text(3, -1.45, r"$h_j = \tanh(w_{j1} x_1 + w_{j2} x_2 + b_j)$", ha="center", fontsize=12)
    ax.text(6, -1.45, r"$\hat y = \tanh(v_1 h_1 + v_2 h_2 + c)$", ha="center", fontsize=12)
    titles = ((0, "inputs"), (3, "hidden layer\n$W$ (2×2), $b$"), (6, "output\n$v$ (1×2), $c$"))
    finish(fig, ax, "network_2_2_1", titles, 1.3, (-0.8, 6.8), (-1.7, 1.9))


def network_2_4_2():
    """The 2-4-2 network of notebook 06, the bias drawn as a constant input neuron."""
    fig, ax = plt.subplots(figsize=(8, 5.2))
    inputs = column(2, 0, top=1.0) + [(0, -1.6)]
    hidden = column(4, 3) + [(3, -2.4)]
    outputs = column(2, 6)
    for xy, name in zip(inputs, ["$x_1$", "$x_2$", "1"]):
        neuron(ax, xy, name, "bias" if name == "1" else "input")
    for i, xy in enumerate(hidden[:4]):
        neuron(ax, xy, f"$h_{i + 1}$", "hidden")
    neuron(ax, hidden[4], "1", "bias")
    for xy, name in zip(outputs, [r"$\hat y_{\mathrm{xor}}$", r"$\hat y_{\Rightarrow}$"]):
        neuron(ax, xy, name, "output")
    for h in hidden[:4]:
        for x in inputs:
            arrow(ax, x, h, colour="#b35806" if x == inputs[2] else "#777777", lw=1.0)
    for o in outputs:
        for h in hidden:
            arrow(ax, h, o, colour="#b35806" if h == hidden[4] else "#777777", lw=1.0)
    arrow(ax, inputs[0], hidden[0], "$W_{11}$", label_at=0.45, lw=1.0, colour="#777777")
    arrow(ax, inputs[2], hidden[3], "$b_4$", label_at=0.45, lw=1.0, colour="#b35806", offset=(0, -0.15))
    arrow(ax, hidden[4], outputs[1], "$c_2$", label_at=0.5, lw=1.0, colour="#b35806", offset=(0, -0.15))
    ax.text(0, -2.35, "constant input 1:\nits weights are the biases", ha="center", va="top", fontsize=10,
            color="#b35806")
    titles = ((0, "inputs"), (3, "hidden layer (4 units)"), (6, "two outputs"))
    finish(fig, ax, "network_2_4_2", titles, 2.05, (-1.2, 7.0), (-3.1, 2.5))


def forward_backward():
    """One Dense layer with its activation: the signal goes forward, the error comes back."""
    fig, ax = plt.subplots(figsize=(10, 3.6))
    boxes = [(0, "$x$"), (3, r"$z = Wx + b$"), (6, r"$a = f(z)$"), (9, r"$L(a, y)$")]
    for x, text in boxes:
        ax.text(x, 0, text, ha="center", va="center", fontsize=14,
                bbox={"boxstyle": "round,pad=0.5", "facecolor": "#f7f7f7", "edgecolor": "#333333"})
    forward, backward = CLASS_COLORS[1], CLASS_COLORS[0]   # the series' blue and vermillion
    for (x0, _), (x1, _) in zip(boxes, boxes[1:]):
        arrow(ax, (x0 + 0.4, 0.45), (x1 - 0.4, 0.45), colour=forward, lw=1.8)
        arrow(ax, (x1 - 0.4, -0.45), (x0 + 0.4, -0.45), colour=backward, lw=1.8)
    ax.text(4.5, 1.05, "forward: the signal", ha="center", color=forward, fontsize=12)
    ax.text(4.5, -1.9, "backward: the error", ha="center", color=backward, fontsize=12)
    notes = [(1.5, r"$\partial L/\partial x = W^{\top}\delta$"), (4.5, r"$\delta = \partial L/\partial z = "
             r"\partial L/\partial a \odot f'(z)$"), (7.5, r"$\partial L/\partial a$")]
    for x, text in notes:
        ax.text(x, -1.05, text, ha="center", va="center", fontsize=12, color=backward)
    ax.text(3, -1.5, r"$\partial L/\partial W = \delta x^{\top}$,  $\partial L/\partial b = \delta$",
            ha="center", fontsize=12, color=backward)
    ax.set_xlim(-0.8, 9.9)
    ax.set_ylim(-2.2, 1.4)
    ax.axis("off")
    save(fig, "forward_backward")


if __name__ == "__main__":
    network_2_2_1()
    network_2_4_2()
    forward_backward()
