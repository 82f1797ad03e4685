"""Loss functions: the value, averaged over the batch, and its gradient.

``loss.value(p, y)`` is a number; ``loss.gradient(p, y)`` is ∂value/∂p, an array
shaped like p. Both require p and y to have exactly the same shape: a network
output of shape (n, 1) against labels of shape (n,) would otherwise broadcast to
an (n, n) matrix and give a silently wrong loss.
"""

from collections.abc import Callable
from typing import NamedTuple

import numpy as np

# Probabilities are kept inside [EPS, 1 − EPS] so that log(p) and 1/p stay finite.
EPS = 1e-12


def _check_same_shape(p, y):
    p = np.asarray(p, dtype=float)
    y = np.asarray(y, dtype=float)
    if p.shape != y.shape:
        raise ValueError(f"predictions and targets must have the same shape; got p {p.shape} and y {y.shape}")
    return p, y


def mse(p, y):
    """Mean squared error: mean over all entries of (p − y)²."""
    p, y = _check_same_shape(p, y)
    return float(np.mean((p - y) ** 2))


def mse_gradient(p, y):
    """∂mse/∂p = 2 (p − y) / N, where N is the number of entries."""
    p, y = _check_same_shape(p, y)
    return 2.0 * (p - y) / p.size


def _check_labels(y):
    if not np.all((y == 0) | (y == 1)):
        bad = np.unique(y[(y != 0) & (y != 1)])[:5]
        raise ValueError(f"binary cross-entropy needs targets y in {{0, 1}}; got values such as {bad.tolist()}")


def binary_cross_entropy(p, y):
    """Binary cross-entropy: mean of −[y log p + (1 − y) log(1 − p)].

    p is clipped to [EPS, 1 − EPS], so the loss is finite even at p = 0 or 1
    (a confident wrong answer costs about −log(EPS) ≈ 27.6, not infinity).
    """
    p, y = _check_same_shape(p, y)
    _check_labels(y)
    p = np.clip(p, EPS, 1.0 - EPS)
    return float(-np.mean(y * np.log(p) + (1.0 - y) * np.log(1.0 - p)))


def binary_cross_entropy_gradient(p, y):
    """∂bce/∂p = (p − y) / (p (1 − p)) / N.

    Chained with the sigmoid's σ'(z) = p (1 − p), this gives ∂bce/∂z = (p − y) / N,
    the simple formula notebook 02 derives.
    """
    p, y = _check_same_shape(p, y)
    _check_labels(y)
    p = np.clip(p, EPS, 1.0 - EPS)
    return (p - y) / (p * (1.0 - p)) / p.size


class Loss(NamedTuple):
    """A loss function together with its gradient."""

    name: str
    value: Callable
    gradient: Callable


LOSSES = {
    "mse": Loss("mse", mse, mse_gradient),
    "bce": Loss("bce", binary_cross_entropy, binary_cross_entropy_gradient),
}


def get_loss(name):
    """Look a loss up by name ("mse" or "bce"); a Loss passes through unchanged."""
    if isinstance(name, Loss):
        return name
    if not isinstance(name, str):
        raise TypeError(f"loss must be a name (str), one of {sorted(LOSSES)}; got {type(name).__name__}")
    if name not in LOSSES:
        raise ValueError(f"loss must be one of {sorted(LOSSES)}; got {name!r}")
    return LOSSES[name]
