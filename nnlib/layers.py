"""Layers: the building blocks of a network.

Every layer has the same small interface:

- ``forward(X)`` computes the output and caches what backward will need;
- ``backward(dOut)`` takes ∂L/∂output and returns ∂L/∂input, storing the
  gradients of its own parameters on the way;
- ``update(lr)`` takes one gradient-descent step: θ ← θ − lr · ∂L/∂θ;
- ``parameters()`` and ``gradients()`` list the arrays, in the same order.

Data flows as rows: X has shape (n_samples, n_features). A Dense layer's weight
matrix has shape (n_outputs, n_inputs), so for one sample x (a column) the
textbook formulas hold as written: z = W x + b, the error sent back is Wᵀ δ and
the weight gradient is δ xᵀ.
"""

import numpy as np

from .activations import get_activation
from .checks import as_generator, check_positive_int, check_positive_number


class Dense:
    """A fully connected layer: Z = X Wᵀ + b.

    Weights start as normal noise with standard deviation ``init_scale``
    (default 1/√n_inputs, which keeps z of order 1), biases start at zero.
    ``seed`` is an int or a numpy Generator, so the start is reproducible.
    """

    def __init__(self, n_inputs, n_outputs, *, seed, init_scale=None):
        n_inputs = check_positive_int(n_inputs, "n_inputs")
        n_outputs = check_positive_int(n_outputs, "n_outputs")
        scale = 1.0 / np.sqrt(n_inputs) if init_scale is None else check_positive_number(init_scale, "init_scale")
        rng = as_generator(seed)
        self.W = rng.normal(0.0, scale, size=(n_outputs, n_inputs))
        self.b = np.zeros(n_outputs)
        self.dW = np.zeros_like(self.W)
        self.db = np.zeros_like(self.b)

    @property
    def n_inputs(self):
        return self.W.shape[1]

    @property
    def n_outputs(self):
        return self.W.shape[0]

    def forward(self, X):
        self.X = X  # backward needs the input: ∂Z/∂W = X
        return X @ self.W.T + self.b

    def backward(self, dZ):
        # Row i of dZ is δ for sample i. Summing δ xᵀ over the batch is one
        # matrix product; the bias sees a constant input 1, so its gradient is
        # the sum of δ over the batch (forgetting the sum is a classic bug).
        self.dW = dZ.T @ self.X
        self.db = dZ.sum(axis=0)
        return dZ @ self.W  # Wᵀ δ for every sample at once

    def update(self, lr):
        self.W -= lr * self.dW
        self.b -= lr * self.db

    def parameters(self):
        return [self.W, self.b]

    def gradients(self):
        return [self.dW, self.db]

    def __repr__(self):
        return f"Dense({self.n_inputs}, {self.n_outputs})"


class ActivationLayer:
    """Applies an activation element by element: A = f(Z). No parameters."""

    def __init__(self, name):
        self.activation = get_activation(name)

    def forward(self, Z):
        self.Z = Z
        self.A = self.activation.function(Z)
        return self.A

    def backward(self, dA):
        # Chain rule: ∂L/∂Z = ∂L/∂A · f'(Z). The derivative is taken at Z, the
        # input of the activation; A is passed only to save recomputing f(Z).
        return dA * self.activation.derivative(self.Z, self.A)

    def update(self, lr):
        pass

    def parameters(self):
        return []

    def gradients(self):
        return []

    def __repr__(self):
        return f"ActivationLayer({self.activation.name!r})"
