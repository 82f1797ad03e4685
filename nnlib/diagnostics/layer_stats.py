"""Looking inside a network layer by layer: activations, dead units, gradient sizes (notebooks 09 and 10).

For a network made of ``Dense`` and activation layers (as ``mlp`` builds), a
forward pass leaves in every activation layer its input Z (the pre-activations
of that layer's units) and its output A. These functions run that pass and
collect what a teacher would look at:

- ``hidden_layers``: Z and A of every hidden layer, for histograms (is the
  signal shrinking to 0, or piling up at ±1?);
- ``dead_units``: the relu units that are 0 for every input, whose gradient is
  therefore exactly 0, so that no step of gradient descent can change them;
- ``weight_gradient_norms``: ‖∂L/∂W‖ of each Dense layer, to see gradients
  vanish or explode with depth.
"""

from dataclasses import dataclass

import numpy as np

from ..checks import as_inputs
from ..layers import ActivationLayer, Dense


@dataclass
class HiddenLayer:
    """One hidden layer's pre-activations Z and outputs A = f(Z), each (n_samples, n_units)."""

    activation: str
    Z: np.ndarray
    A: np.ndarray


def hidden_layers(network, X):
    """Z and A of every activation layer except the output's, in order, after a forward pass on X."""
    X = as_inputs(X, network.n_inputs)
    network.forward(X)
    layers = [layer for layer in network.layers[:-1] if isinstance(layer, ActivationLayer)]
    return [HiddenLayer(layer.activation_name, layer.Z.copy(), layer.A.copy()) for layer in layers]


def dead_units(network, X):
    """For each hidden layer, a boolean per unit: True if its pre-activation z ≤ 0 for every row of X.

    With relu such a unit outputs 0 for every input, and relu'(z) = 0 there, so
    the gradients of its incoming weights and bias are exactly 0: gradient
    descent can never bring it back. (With leaky_relu the same unit still has
    slope 0.01, so it is only asleep.)
    """
    return [np.all(layer.Z <= 0, axis=0) for layer in hidden_layers(network, X)]


def weight_gradient_norms(network, X, y, loss="mse"):
    """‖∂L/∂W‖ (the Frobenius norm: the square root of the sum of squares) of each Dense layer, inputs first."""
    network.compute_gradients(X, y, loss)
    return np.array([np.linalg.norm(layer.dW) for layer in network.layers if isinstance(layer, Dense)])
