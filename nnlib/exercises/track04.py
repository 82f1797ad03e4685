"""The build track in notebook 04: the forward and backward pass of a 2-2-1 tanh network, as one function.

``my_gradients(parameters, X, y)`` → [dW1, db1, dW2, db2]: the gradients of the mean squared error
L = mean over the N samples of (o − y)², for parameters [W1, b1, W2, b2] in nnlib's order and shapes
(W1 (hidden, inputs), b1 (hidden,), W2 (1, hidden), b2 (1,)), X of shape (N, inputs) and y of shape (N,).
Each check tries the 2-2-1 network and one of other sizes, so code written for the notebook's shapes alone
does not pass, and holds the result to a gradient check as well as to the key's own backward pass.
"""

import numpy as np

from ..gradcheck import network_gradients, numerical_gradient
from ..layers import ActivationLayer, Dense
from ..network import Network
from . import misconceptions as m
from .build import Build, Case

OUTPUTS = ("dW1", "db1", "dW2", "db2")


def forward(parameters, X):  # noqa: N803 (the notebook's names)
    W1, b1, W2, b2 = parameters  # noqa: N806
    H = np.tanh(X @ W1.T + b1)  # noqa: N806
    return H, np.tanh(H @ W2.T + b2)   # out has shape (N, 1)


def backward(parameters, X, y, *, slope=lambda a: 1 - a**2, scale=2.0, mean=True,  # noqa: N803
             error=lambda out, y: out - y[:, None], hidden_slope=True, w_t=False, axis=0):
    """The key's backward pass; the keyword arguments make the usual mistakes, for the misconceptions."""
    W1, b1, W2, b2 = parameters  # noqa: N806
    H, out = forward(parameters, X)  # noqa: N806
    dO = scale * error(out, y) / (len(X) if mean else 1)  # noqa: N806
    dU = dO * slope(out)  # noqa: N806  ∂L/∂u, u the output's pre-activation
    dZ1 = (dU @ W2) * (slope(H) if hidden_slope else 1)  # noqa: N806
    if w_t:
        return [X.T @ dZ1, dZ1.sum(axis=axis), H.T @ dU, dU.sum(axis=axis)]
    return [dZ1.T @ X, dZ1.sum(axis=axis), dU.T @ H, dU.sum(axis=axis)]


def reference_gradients(parameters, X, y):  # noqa: N803
    return backward(parameters, X, y)


def _network(rng, n_in, n_hidden, n, scale):
    parameters = [rng.normal(0, scale, (n_hidden, n_in)), rng.normal(0, scale, n_hidden),
                  rng.normal(0, scale, (1, n_hidden)), rng.normal(0, scale, 1)]
    return parameters, rng.uniform(-1.5, 1.5, (n, n_in)), rng.uniform(-1.0, 1.0, n)


def network_cases(rng):
    """The 2-2-1 network on a random batch, the same with larger weights, and a network of other sizes."""
    sizes = [(2, 2, int(rng.integers(3, 9)), 1.0), (2, 2, int(rng.integers(3, 9)), 2.0),
             (int(rng.integers(3, 6)), int(rng.integers(3, 7)), int(rng.integers(2, 12)), 1.0)]
    cases = []
    for n_in, n_hidden, n, scale in sizes:
        parameters, X, y = _network(rng, n_in, n_hidden, n, scale)  # noqa: N806
        cases.append(Case(f"a {n_in}-{n_hidden}-1 network, X of shape {X.shape}", (parameters, X, y)))
    return cases


def mean_squared_error(case):
    parameters, X, y = case.args  # noqa: N806

    def loss(theta):
        return float(np.mean((forward(theta, X)[1][:, 0] - y) ** 2))
    return loss, parameters


GRADIENTS = Build(
    asks="your forward and backward pass",
    form="a function (parameters, X, y) returning [dW1, db1, dW2, db2]",
    outputs=OUTPUTS,
    reference=reference_gradients,
    cases=network_cases,
    loss=mean_squared_error,
    source='''import numpy as np


def my_gradients(parameters, X, y):
    W1, b1, W2, b2 = parameters
    H = np.tanh(X @ W1.T + b1)                  # forward: hidden values, one row per sample
    out = np.tanh(H @ W2.T + b2)                # outputs, shape (N, 1)
    dU = 2 * (out - y[:, None]) / len(X) * (1 - out**2)   # δ_out of every sample (1/N of the mean)
    dZ1 = (dU @ W2) * (1 - H**2)                # hidden δ: back along W2, times tanh'
    return [dZ1.T @ X, dZ1.sum(axis=0), dU.T @ H, dU.sum(axis=0)]
''',
    forbidden=(Network.backward, Network.compute_gradients, Dense.backward, ActivationLayer.backward,
               network_gradients, numerical_gradient),
    rtol=1e-9, atol=1e-13,
    misconceptions=(
        m.derivative_of_output(lambda p, X, y: backward(p, X, y, slope=lambda a: 1 - np.tanh(a) ** 2), f="tanh",
                               why="1 − a² already is tanh'(z) when a = tanh(z)"),
        m.looks_like("missing factor 2", "a factor 2 seems to be missing: the derivative of (o − y)² is 2(o − y)",
                     lambda p, X, y: backward(p, X, y, scale=1.0)),
        m.sum_instead_of_mean(answer=lambda p, X, y: backward(p, X, y, mean=False),
                              why="the loss is the mean over the N samples, so every gradient has a 1/N"),
        m.looks_like("1/N twice", "the 1/N of the mean seems to be applied twice (once in δ and once more)",
                     lambda p, X, y: [g / len(X) for g in backward(p, X, y)]),
        m.looks_like("transposed", "this looks like the transpose of the right matrix: dW = dZᵀ X has one row "
                     "per unit and one column per input, like W", lambda p, X, y: backward(p, X, y, w_t=True)),
        m.looks_like("bias over the wrong axis", "a bias gradient sums δ over the samples (axis 0), one entry "
                     "per unit", lambda p, X, y: backward(p, X, y, axis=1)),
        m.looks_like("hidden tanh' forgotten", "the hidden δ needs the hidden units' slope 1 − h² too",
                     lambda p, X, y: backward(p, X, y, hidden_slope=False)),
        m.looks_like("output tanh' forgotten", "the output's slope 1 − o² is missing from δ_out",
                     lambda p, X, y: _output_slope_forgotten(p, X, y)),
        m.labels_swapped(lambda p, X, y: backward(p, X, y, error=lambda out, y: y[:, None] - out),
                         why="∂L/∂o = 2(o − y), output minus target"),
        m.looks_like("X for H", "the output weights' gradient takes what comes into them, the hidden values H, "
                     "not the inputs X", lambda p, X, y: _wrong_input(p, X, y)),
        m.looks_like("W2 left out", "on its way back to the hidden units δ_out is multiplied by the weights it "
                     "came through, W2", lambda p, X, y: _weights_left_out(p, X, y)),
    ),
    hints=("Forward first, keeping H and the outputs. Then backward from the loss: δ_out = ∂L/∂u for every sample (a "
           "column), then the hidden δ, then each gradient as \"δ times what came into the weight\".",
           "With samples as rows: δ_out = 2(o − y)/N · (1 − o²), hidden δ = (δ_out W2) · (1 − H²); a weight's "
           "gradient is δᵀ times its layer's input, a bias's is δ summed over the samples.",
           "dW2 = dUᵀ H, db2 = dU.sum(axis=0), dZ1 = (dU @ W2) * (1 − H**2), dW1 = dZ1ᵀ X, "
           "db1 = dZ1.sum(axis=0), with dU = 2 (out − y[:, None]) / N · (1 − out**2)."),
)


def _output_slope_forgotten(p, X, y):  # noqa: N803
    H, out = forward(p, X)  # noqa: N806
    dU = 2 * (out - y[:, None]) / len(X)  # noqa: N806
    dZ1 = (dU @ p[2]) * (1 - H**2)  # noqa: N806
    return [dZ1.T @ X, dZ1.sum(axis=0), dU.T @ H, dU.sum(axis=0)]


def _wrong_input(p, X, y):  # noqa: N803
    dW1, db1, _, db2 = backward(p, X, y)  # noqa: N806
    H, out = forward(p, X)  # noqa: N806
    return [dW1, db1, (2 * (out - y[:, None]) / len(X) * (1 - out**2)).T @ X, db2]


def _weights_left_out(p, X, y):  # noqa: N803
    H, out = forward(p, X)  # noqa: N806
    dU = 2 * (out - y[:, None]) / len(X) * (1 - out**2)  # noqa: N806
    dZ1 = dU * (1 - H**2)  # noqa: N806
    return [dZ1.T @ X, dZ1.sum(axis=0), dU.T @ H, dU.sum(axis=0)]
