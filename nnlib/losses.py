"""Loss functions: the value, averaged over the batch, and its gradient.

``loss.value(p, y)`` is a number; ``loss.gradient(p, y)`` is ∂value/∂p, an array
shaped like p. Both require p and y to have exactly the same shape: a network
output of shape (n, 1) against labels of shape (n,) would otherwise broadcast to
an (n, n) matrix and give a silently wrong loss.

``loss.value_and_gradient(p, y)`` returns both at once and skips the checks:
``Network.fit`` checks its data once and then calls it every step, so the work
shared by value and gradient (p − y, the clipping) is done once per step.

The cross-entropies also come *fused with their output activation*, computed
from the logits z (the input of the last activation): ``bce_from_logits`` for a
sigmoid output, ``cce_from_logits`` for a softmax output. Going through p = σ(z)
first loses the tails: σ(−50) ≈ 2e-22 is fine, but 1 − σ(50) rounds to 0, and
log 0 needs clipping, after which the gradient of a confidently wrong neuron
is nearly 0. From the logits, value and gradient (σ(z) − y)/N are exact for every
finite z. ``Loss.from_logits`` names the activation each fused form belongs to;
``Network`` uses it whenever its last layer is that activation.
"""

from collections.abc import Callable, Mapping
from types import MappingProxyType
from typing import NamedTuple

import numpy as np

from .activations import sigmoid

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


def bce_from_logits(z, y):
    """Binary cross-entropy of p = σ(z) and its gradient with respect to the logits z.

    −[y log σ(z) + (1 − y) log(1 − σ(z))] = log(1 + e^z) − y z, because
    log σ(z) = −log(1 + e^(−z)) and log(1 − σ(z)) = −log(1 + e^z). ``np.logaddexp(0, z)``
    is log(1 + e^z) without forming e^z, so the value is exact for every finite z, and
    the gradient is (σ(z) − y) / N with no clipping. Returns (value, gradient); the
    inputs are not checked (``Network`` checks its data once, before training).
    """
    value = float(np.sum(np.logaddexp(0.0, z) - y * z)) / z.size
    return value, (sigmoid(z) - y) / z.size


# -- categorical cross-entropy, for a softmax output over k classes ----------------


def _check_distributions(y):
    """Targets of the categorical cross-entropy: rows of k ≥ 2 numbers in [0, 1] that sum to 1."""
    if y.ndim != 2 or y.shape[1] < 2:
        raise ValueError(f"categorical cross-entropy needs targets of shape (n_samples, n_classes) with at least "
                         f"2 classes, e.g. one-hot rows from nnlib.one_hot; got shape {y.shape}")
    if np.any((y < 0) | (y > 1)):
        raise ValueError("categorical cross-entropy needs targets in [0, 1] (one-hot rows); "
                         f"got values such as {np.unique(y[(y < 0) | (y > 1)])[:5].tolist()}")
    sums = y.sum(axis=1)
    bad = np.flatnonzero(np.abs(sums - 1) > 1e-9)
    if len(bad):
        raise ValueError(f"categorical cross-entropy needs every target row to sum to 1 (one-hot); "
                         f"row {bad[0]} sums to {sums[bad[0]]:g} ({len(bad)} such rows)")


def _cce_value(p, y):
    """The categorical cross-entropy of an already clipped p."""
    return -float(np.sum(y * np.log(p))) / len(p)


def _cce_gradient(p, y):
    """Its gradient at an already clipped p."""
    return -y / p / len(p)


def _clip_below(p):
    # Only log(p) and 1 / p need guarding: p = 1 is fine here, unlike in the binary case.
    return np.clip(p, EPS, 1.0)


def categorical_cross_entropy(p, y):
    """Categorical cross-entropy: the mean over samples of −Σ_k y_k log p_k.

    p and y have shape (n_samples, n_classes); each row of y is a one-hot label (or
    any probability distribution). p is clipped to [EPS, 1] so log p stays finite.
    """
    p, y = _check_same_shape(p, y)
    _check_distributions(y)
    return _cce_value(_clip_below(p), y)


def categorical_cross_entropy_gradient(p, y):
    """∂cce/∂p = −y / p / n, with p clipped like the value."""
    p, y = _check_same_shape(p, y)
    _check_distributions(y)
    return _cce_gradient(_clip_below(p), y)


def _cce_value_and_gradient(p, y):
    p = _clip_below(p)  # once, for both
    return _cce_value(p, y), _cce_gradient(p, y)


def cce_from_logits(z, y):
    """Categorical cross-entropy of p = softmax(z) and its gradient with respect to z.

    −Σ_k y_k log softmax(z)_k = logsumexp(z) − Σ_k y_k z_k when each row of y sums to 1.
    logsumexp(z) = m + log Σ_k e^(z_k − m) with m the row's largest logit: the exponents
    are ≤ 0, so nothing overflows, even for logits of ±1000. The gradient is
    (softmax(z) − y) / n, and softmax(z) = e^(z_k − m) / Σ_j e^(z_j − m) reuses the same
    exponentials. Returns (value, gradient); the inputs are not checked.
    """
    shifted = z - z.max(axis=1, keepdims=True)
    exp = np.exp(shifted)
    total = exp.sum(axis=1, keepdims=True)
    value = float(np.sum(np.log(total[:, 0]) - np.sum(y * shifted, axis=1))) / len(z)
    return value, (exp / total - y) / len(z)


class Loss(NamedTuple):
    """A loss function together with its gradient.

    ``value_and_gradient`` is optional: without it, ``fit`` calls ``value`` and
    ``gradient`` one after the other. ``from_logits`` maps the name of an output
    activation to the loss fused with it: a function (z, y) -> (value, ∂value/∂z).
    """

    name: str
    value: Callable
    gradient: Callable
    value_and_gradient: Callable | None = None
    from_logits: Mapping[str, Callable] = MappingProxyType({})


LOSSES = {
    "mse": Loss("mse", mse, mse_gradient, _mse_value_and_gradient),
    "bce": Loss("bce", binary_cross_entropy, binary_cross_entropy_gradient, _bce_value_and_gradient,
                MappingProxyType({"sigmoid": bce_from_logits})),
    "cce": Loss("cce", categorical_cross_entropy, categorical_cross_entropy_gradient, _cce_value_and_gradient,
                MappingProxyType({"softmax": cce_from_logits})),
}


def get_loss(name):
    """Look a loss up by name ("mse", "bce" or "cce"); a Loss passes through unchanged."""
    if isinstance(name, Loss):
        return name
    if not isinstance(name, str):
        raise TypeError(f"loss must be a name (str), one of {sorted(LOSSES)}; got {type(name).__name__}")
    if name not in LOSSES:
        raise ValueError(f"loss must be one of {sorted(LOSSES)}; got {name!r}")
    return LOSSES[name]
