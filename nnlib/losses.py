"""Loss functions: the value, averaged over the batch, and its gradient.

``loss.value(p, y)`` is a number; ``loss.gradient(p, y)`` is ∂value/∂p, an array
shaped like p. Both require p and y to have exactly the same shape: a network
output of shape (n, 1) against labels of shape (n,) would otherwise broadcast to
an (n, n) matrix and give a silently wrong loss.

``loss.value_and_gradient(p, y)`` returns both at once and skips the checks:
``Network.fit`` checks its data once and then calls it every step, so the work
shared by value and gradient (p − y, the clipping) is done once per step.
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


def _mean_square(d):
    # vdot(d, d) = Σ d², one BLAS call. np.mean((d) ** 2) gives the same number but
    # spends more time in Python bookkeeping than in arithmetic on small arrays.
    return float(np.vdot(d, d)) / d.size


def mse(p, y):
    """Mean squared error: mean over all entries of (p − y)²."""
    p, y = _check_same_shape(p, y)
    return _mean_square(p - y)


def mse_gradient(p, y):
    """∂mse/∂p = 2 (p − y) / N, where N is the number of entries."""
    p, y = _check_same_shape(p, y)
    return (2.0 / p.size) * (p - y)


def _mse_value_and_gradient(p, y):
    d = p - y  # computed once, used by both
    return _mean_square(d), (2.0 / d.size) * d


def _check_labels(y):
    if not np.all((y == 0) | (y == 1)):
        bad = np.unique(y[(y != 0) & (y != 1)])[:5]
        raise ValueError(f"binary cross-entropy needs targets y in {{0, 1}}; got values such as {bad.tolist()}")


def _clip(p):
    # log(p), log(1 − p) and 1 / (p (1 − p)) are finite only inside (0, 1).
    return np.clip(p, EPS, 1.0 - EPS)


def _bce_value(p, y):
    """The BCE of an already clipped p."""
    return -float((y * np.log(p) + (1.0 - y) * np.log(1.0 - p)).sum()) / p.size


def _bce_gradient(p, y):
    """The BCE gradient at an already clipped p."""
    return (p - y) / (p * (1.0 - p)) / p.size


def binary_cross_entropy(p, y):
    """Binary cross-entropy: mean of −[y log p + (1 − y) log(1 − p)].

    p is clipped to [EPS, 1 − EPS], so the loss is finite even at p = 0 or 1
    (a confident wrong answer costs about −log(EPS) ≈ 27.6, not infinity).
    """
    p, y = _check_same_shape(p, y)
    _check_labels(y)
    return _bce_value(_clip(p), y)


def binary_cross_entropy_gradient(p, y):
    """∂bce/∂p = (p − y) / (p (1 − p)) / N, with p clipped like the value.

    Chained with the sigmoid's σ'(z) = p (1 − p), this gives ∂bce/∂z = (p − y) / N,
    the simple formula notebook 02 derives.
    """
    p, y = _check_same_shape(p, y)
    _check_labels(y)
    return _bce_gradient(_clip(p), y)


def _bce_value_and_gradient(p, y):
    p = _clip(p)  # once, for both
    return _bce_value(p, y), _bce_gradient(p, y)


class Loss(NamedTuple):
    """A loss function together with its gradient.

    ``value_and_gradient`` is optional: without it, ``fit`` calls ``value`` and
    ``gradient`` one after the other.
    """

    name: str
    value: Callable
    gradient: Callable
    value_and_gradient: Callable | None = None


LOSSES = {
    "mse": Loss("mse", mse, mse_gradient, _mse_value_and_gradient),
    "bce": Loss("bce", binary_cross_entropy, binary_cross_entropy_gradient, _bce_value_and_gradient),
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
