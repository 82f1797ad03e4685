"""Numerical gradients by central differences, to check backpropagation.

f'(θ) ≈ (f(θ + ε) − f(θ − ε)) / 2ε has an error of order ε², so with ε = 1e-6
in float64 an analytic gradient that is right agrees to about 1e-8 or better;
one with a bug is off by far more.
"""

import numpy as np

from .regularisation import penalty


def numerical_gradient(f, theta, eps=1e-6):
    """∂f/∂θ for a scalar function f() of the array θ, which is nudged in place and restored."""
    grad = np.zeros_like(theta)
    for i in np.ndindex(theta.shape):
        original = theta[i]
        theta[i] = original + eps
        f_plus = f()
        theta[i] = original - eps
        f_minus = f()
        theta[i] = original
        grad[i] = (f_plus - f_minus) / (2 * eps)
    return grad


def relative_error(analytic, numeric):
    """‖a − n‖ / (‖a‖ + ‖n‖): 0 for equal arrays, 1 for opposite ones (0 if both are 0).

    The two must have the same shape: numpy would broadcast a (4, 1) gradient against a
    (1,) one into a number that says nothing about either (notebook 07, bug 3).
    """
    analytic, numeric = np.asarray(analytic, dtype=float), np.asarray(numeric, dtype=float)
    if analytic.shape != numeric.shape:
        raise ValueError(f"analytic and numeric must have the same shape; got {analytic.shape} and {numeric.shape}")
    denominator = np.linalg.norm(analytic) + np.linalg.norm(numeric)
    return 0.0 if denominator == 0 else float(np.linalg.norm(analytic - numeric) / denominator)


def network_gradients(network, X, y, loss="mse", eps=1e-6, *, l1=0.0, l2=0.0):
    """Backprop's and the numerical gradients of the loss for every parameter of ``network``.

    The loss is the one ``fit`` minimises: computed from the logits where the output
    activation and the loss fuse (sigmoid + bce, softmax + cce), plus the weight
    penalty l1·Σ|w| + (l2/2)·Σw². Returns two lists shaped like
    ``network.parameters()``: (analytic, numeric).

    The check is of the network in the mode it is in (``Network.train``/``eval``).
    Evaluation mode is one fixed function of the parameters. Training mode is too,
    once its randomness and its side effects are held still: before every
    evaluation the layers' state (``Network.get_state``) is put back, so Dropout
    draws the same masks as in the backward pass being checked (new masks would
    make the differences of two losses noise, not a derivative) and BatchNorm's
    running averages do not drift (BatchNorm in training uses the batch's own
    statistics, the harder backward, which is why it is worth checking). The
    network's state is left as the check found it.

    One case reads as a failure and is not: a parameter whose gradient is exactly 0,
    such as the bias of a Dense layer right before a BatchNorm in training (taking
    the batch mean away removes any shift). Its central differences are rounding
    noise, about 1e-10, and their relative error against 0 is 1; compare the two
    lists there by their size instead.
    """
    state = network.get_state()
    network.compute_gradients(X, y, loss, l1=l1, l2=l2)  # checks the data and the rates, once
    analytic = [g.copy() for g in network.gradients()]
    parameters = network.parameters()

    def objective():
        network.set_state(state)
        return network.loss(X, y, loss) + penalty(parameters, l1, l2)

    numeric = [numerical_gradient(objective, p, eps) for p in parameters]
    network.set_state(state)
    return analytic, numeric


def gradient_check(network, X, y, loss="mse", eps=1e-6, *, l1=0.0, l2=0.0):
    """The largest relative error between backprop and central differences over all parameters."""
    analytic, numeric = network_gradients(network, X, y, loss, eps, l1=l1, l2=l2)
    return max(relative_error(a, n) for a, n in zip(analytic, numeric))
