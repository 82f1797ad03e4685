"""Weight penalties: L1 and L2 regularisation (notebook 12).

Training then minimises  loss + l1 · Σ|w| + (l2 / 2) · Σ w²  over the weight
matrices (the 2-D parameters); biases are not penalised, because a bias only
shifts a unit and large shifts do not make a network wiggly. The gradient of
the penalty is l1 · sign(w) + l2 · w: L2 pulls every weight towards 0 in
proportion to its size ("weight decay"), L1 by the same amount whatever its
size, which sets small weights exactly to 0 (at w = 0 we use sign(0) = 0).
"""

import numbers

import numpy as np


def check_rate(value, name):
    """A penalty rate: a finite number ≥ 0."""
    if not isinstance(value, numbers.Real) or isinstance(value, bool):
        raise TypeError(f"{name} must be a number >= 0; got {type(value).__name__} {value!r}")
    if not (np.isfinite(value) and value >= 0):
        raise ValueError(f"{name} must be a finite number >= 0; got {value}")
    return float(value)


def penalty(parameters, l1=0.0, l2=0.0):
    """l1 · Σ|w| + (l2 / 2) · Σ w², summed over the weight matrices among ``parameters``."""
    total = 0.0
    for theta in parameters:
        if theta.ndim == 2:
            if l1:
                total += l1 * float(np.abs(theta).sum())
            if l2:
                total += 0.5 * l2 * float(np.vdot(theta, theta))
    return total


def add_penalty_gradient(parameters, gradients, l1=0.0, l2=0.0):
    """Add the penalty's gradient l1 · sign(w) + l2 · w to the gradients of the weight matrices, in place."""
    for theta, g in zip(parameters, gradients):
        if theta.ndim == 2:
            if l1:
                g += l1 * np.sign(theta)
            if l2:
                g += l2 * theta
