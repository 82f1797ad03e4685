"""The accuracy curve drawn beside the loss curve (classification only: a regression has no accuracy)."""

import numpy as np

from ..plot.palette import CLASS_COLORS
from .draw import svg


def _line(epochs, values, span, w, h, colour, dash=""):
    if len(values) == 0:
        return ""
    points = " ".join(f"{e / span * w:.1f},{h - v * h:.1f}" for e, v in zip(epochs, values))
    return f"<polyline points='{points}' fill='none' stroke='{colour}' stroke-width='2' {dash}/>"


def accuracy_svg(accuracies, span, width=280, height=150):
    """Training (solid) and test (dashed) accuracy, 0 … 100 %, from rows (epoch, train, test)
    (``Playground.accuracies``); the x axis runs to ``span`` epochs."""
    left, right, top_pad, bottom = 40, 8, 26, 20
    w, h = width - left - right, height - top_pad - bottom
    epochs, train_accuracy, test_accuracy = np.asarray(accuracies, dtype=float).reshape(-1, 3).T
    span = int(max(span, epochs[-1] if len(epochs) else 0, 1))
    test_colour, dash = CLASS_COLORS[2], "stroke-dasharray='6 3'"
    lines = (_line(epochs, train_accuracy, span, w, h, "#222")
             + _line(epochs, test_accuracy, span, w, h, test_colour, dash))
    now = [f"{values[-1]:.0%}" if len(values) else "–" for values in (train_accuracy, test_accuracy)]
    body = (f"<line x1='0' x2='22' y1='10' y2='10' stroke='#222' stroke-width='2'/>"
            f"<text x='26' y='14'>train acc. {now[0]}</text>"
            f"<line x1='136' x2='158' y1='10' y2='10' stroke='{test_colour}' stroke-width='2' {dash}/>"
            f"<text x='162' y='14'>test acc. {now[1]}</text>"
            f"<g transform='translate({left},{top_pad})'>"
            f"<rect width='{w}' height='{h}' fill='white' stroke='#bbb'/>"
            f"<line x1='0' x2='{w}' y1='{h / 2:g}' y2='{h / 2:g}' stroke='#ddd'/>{lines}"
            f"<text x='-4' y='10' text-anchor='end'>100%</text>"
            f"<text x='-4' y='{h / 2 + 4:g}' text-anchor='end'>50%</text>"
            f"<text x='-4' y='{h}' text-anchor='end'>0</text>"
            f"<text x='0' y='{h + 15}'>0</text><text x='{w}' y='{h + 15}' text-anchor='end'>{span} epochs</text>"
            "</g>")
    return svg(width, height, body, "training and test accuracy")
