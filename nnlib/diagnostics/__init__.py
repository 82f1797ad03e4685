"""Instruments for looking inside a network while it learns, used by the later chapters; numpy only.

- ``descent``: quadratic bowls, descent paths through nnlib's optimisers, the largest stable rate by
  bisection, a network's Hessian by differences, mini-batch gradient noise (notebook 09)
- ``layer_stats``: per-layer hidden values, dead relu units, per-layer gradient norms (09, 10)
- ``metrics``: the confusion matrix and the most frequent mistakes (13)

They use the core (``nnlib.network``, ``nnlib.layers`` …); the core never uses them.
"""

from . import descent, layer_stats, metrics
from .metrics import confusion_matrix, most_confused

__all__ = ["descent", "layer_stats", "metrics", "confusion_matrix", "most_confused"]
