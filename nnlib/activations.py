"""Activation functions and their derivatives.

Every activation f comes as a pair: ``f(z)`` and ``f_derivative(z, fz=None)``.
The derivative is always taken with respect to the *pre-activation* z. Passing
``fz = f(z)`` is optional: sigmoid and tanh use it to avoid computing f twice
(σ'(z) = σ(z)(1 − σ(z)), tanh'(z) = 1 − tanh²(z)). Passing an already-activated
value as z, i.e. computing σ'(σ(z)), is a classic bug (notebook 07).
"""

from collections.abc import Callable
from typing import NamedTuple

import numpy as np


def sigmoid(z):
    """σ(z) = 1 / (1 + e^(−z)), computed as exp(−log(1 + e^(−z))).

    The textbook formula overflows for z < −709: e^(−z) is too big for a float.
    ``np.logaddexp(0, −z)`` is log(e^0 + e^(−z)) computed without ever forming
    e^(−z), so no z overflows; and the result is accurate to a few units in the
    last digit everywhere, even far in the tails where σ(z) is tiny (1e-300
    stays 1e-300 rather than rounding to 0), which keeps log σ(z) in the
    cross-entropy and the gradient checks exact.
    """
    return np.exp(-np.logaddexp(0.0, -np.asarray(z, dtype=float)))


def sigmoid_derivative(z, fz=None):
    """σ'(z) = σ(z) (1 − σ(z))."""
    s = sigmoid(z) if fz is None else fz
    return s * (1.0 - s)


def tanh(z):
    """tanh(z) = (e^z − e^(−z)) / (e^z + e^(−z)), with values in (−1, 1)."""
    return np.tanh(z)


def tanh_derivative(z, fz=None):
    """tanh'(z) = 1 − tanh²(z)."""
    t = np.tanh(z) if fz is None else np.asarray(fz, dtype=float)
    # 1 − t², computed inside the array of t² (−t² + 1 rounds exactly like 1 − t²): one new array
    # instead of two, about 1 ms of an epoch for make bench's layers of 10 000 × 64; a number works too.
    dt = t * t
    dt *= -1.0
    dt += 1.0
    return dt


def relu(z):
    """relu(z) = max(0, z)."""
    return np.maximum(z, 0.0)


def relu_derivative(z, fz=None):
    """relu'(z) = 1 for z > 0, else 0 (we choose 0 at the kink z = 0)."""
    return (np.asarray(z) > 0).astype(float)


LEAKY_SLOPE = 0.01


def leaky_relu(z):
    """leaky_relu(z) = z for z > 0, else 0.01 z: a relu that never goes completely flat."""
    z = np.asarray(z, dtype=float)
    return np.where(z > 0, z, LEAKY_SLOPE * z)


def leaky_relu_derivative(z, fz=None):
    """leaky_relu'(z) = 1 for z > 0, else 0.01: a unit pushed below 0 still gets a gradient."""
    return np.where(np.asarray(z) > 0, 1.0, LEAKY_SLOPE)


def identity(z):
    """identity(z) = z: a linear output, for regression."""
    return np.asarray(z, dtype=float)


def identity_derivative(z, fz=None):
    """identity'(z) = 1."""
    return np.ones_like(z, dtype=float)


def step(z):
    """The Heaviside step: 1 for z > 0, else 0. The perceptron's activation."""
    return (np.asarray(z) > 0).astype(float)


def step_derivative(z, fz=None):
    """0 everywhere (undefined at 0): why gradient descent cannot train a step."""
    return np.zeros_like(z, dtype=float)


def softmax(z):
    """softmax(z)_k = e^(z_k) / Σ_j e^(z_j), row by row: k class probabilities that sum to 1.

    Not element-wise, so it is a layer of its own (``nnlib.layers.Softmax``) rather than
    an entry of ACTIVATIONS. Subtracting each row's largest logit first changes nothing
    mathematically (the factor e^(−max) cancels) but keeps every exponent ≤ 0, so
    logits of 1000 do not overflow.
    """
    z = np.asarray(z, dtype=float)
    exp = np.exp(z - z.max(axis=-1, keepdims=True))
    return exp / exp.sum(axis=-1, keepdims=True)


class Activation(NamedTuple):
    """An activation function together with its derivative."""

    name: str
    function: Callable
    derivative: Callable


ACTIVATIONS = {
    a.name: a
    for a in (
        Activation("sigmoid", sigmoid, sigmoid_derivative),
        Activation("tanh", tanh, tanh_derivative),
        Activation("relu", relu, relu_derivative),
        Activation("leaky_relu", leaky_relu, leaky_relu_derivative),
        Activation("identity", identity, identity_derivative),
        Activation("step", step, step_derivative),
    )
}


def get_activation(name):
    """Look an activation up by name, e.g. ``get_activation("tanh")``."""
    if not isinstance(name, str):
        raise TypeError(f"activation must be a name (str), one of {sorted(ACTIVATIONS)}; got {type(name).__name__}")
    if name not in ACTIVATIONS:
        raise ValueError(f"activation must be one of {sorted(ACTIVATIONS)}; got {name!r}")
    return ACTIVATIONS[name]
