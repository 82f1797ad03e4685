"""Layers: the building blocks of a network.

Every layer has the same small interface:

- ``forward(X)`` computes the output and caches what backward will need;
- ``backward(dOut)`` takes ∂L/∂output and returns ∂L/∂input, storing the
  gradients of its own parameters on the way;
- ``update(lr)`` takes one gradient-descent step: θ ← θ − lr · ∂L/∂θ;
- ``parameters()`` and ``gradients()`` list the arrays, in the same order.

A layer that computes something else while training than when it is used (``Dropout``
here, ``BatchNorm`` in ``nnlib.deep``) has a flag ``training``, False (evaluation) until
``Network.train()`` or ``fit`` sets it. A layer that holds more than its parameters (a
random stream, running averages) returns it from ``state()`` and takes it back with
``set_state()``: the gradient check and early stopping use them.

Data flows as rows: X has shape (n_samples, n_features). A Dense layer's weight
matrix has shape (n_outputs, n_inputs), so for one sample x (a column) the
textbook formulas hold as written: z = W x + b, the error sent back is Wᵀ δ and
the weight gradient is δ xᵀ.
"""

import numbers

import numpy as np

from .activations import get_activation, softmax
from .checks import as_generator, check_positive_int, check_positive_number

# The standard deviation of the starting weights, by name (notebook 10 derives them):
# each keeps the variance of the signal about constant from layer to layer.
INITS = {
    "lecun": lambda n_in, n_out: 1.0 / np.sqrt(n_in),           # Var w = 1/n_in: Var z ≈ Var x
    "xavier": lambda n_in, n_out: np.sqrt(2.0 / (n_in + n_out)),  # Glorot: a compromise of forward and backward
    "he": lambda n_in, n_out: np.sqrt(2.0 / n_in),              # relu zeroes half the signal: twice the variance
    "zeros": lambda n_in, n_out: 0.0,                           # every unit the same: the symmetry never breaks
}


def init_std(init, init_scale, n_inputs, n_outputs):
    """The standard deviation of a layer's starting weights: from a name in INITS or a number, not both."""
    if init is not None and init_scale is not None:
        raise ValueError(f"give init or init_scale, not both; got init={init!r} and init_scale={init_scale!r}")
    if init_scale is not None:
        return check_positive_number(init_scale, "init_scale")
    if init is None:
        init = "lecun"
    if not isinstance(init, str):
        raise TypeError(f"init must be a name, one of {sorted(INITS)} (or give init_scale=a number); "
                        f"got {type(init).__name__} {init!r}")
    if init not in INITS:
        raise ValueError(f"init must be one of {sorted(INITS)}; got {init!r}")
    return float(INITS[init](n_inputs, n_outputs))


class Dense:
    """A fully connected layer: Z = X Wᵀ + b.

    Weights start as normal noise with mean 0 and a standard deviation set by
    ``init`` (a name in INITS: "lecun", the default, 1/√n_inputs, which keeps z of
    order 1; "xavier" √(2/(n_inputs + n_outputs)); "he" √(2/n_inputs); "zeros") or
    by ``init_scale`` (a number); biases start at zero. ``seed`` is an int or a
    numpy Generator, so the start is reproducible.
    """

    def __init__(self, n_inputs, n_outputs, *, seed, init=None, init_scale=None):
        n_inputs = check_positive_int(n_inputs, "n_inputs")
        n_outputs = check_positive_int(n_outputs, "n_outputs")
        scale = init_std(init, init_scale, n_inputs, n_outputs)
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
        # np.dot is X @ Wᵀ with less overhead per call, which counts for small arrays
        # (XOR: a 4 × 2 times a 2 × 4); adding b in place spares a second array the size of Z.
        Z = np.dot(X, self.W.T)
        Z += self.b
        return Z

    def backward(self, dZ):
        # Row i of dZ is δ for sample i. Summing δ xᵀ over the batch is one
        # matrix product; the bias sees a constant input 1, so its gradient is
        # the sum of δ over the batch (forgetting the sum is a classic bug).
        # (np.dot(A, B) is A @ B, as in forward.)
        self.dW = np.dot(dZ.T, self.X)
        self.db = dZ.sum(axis=0)
        return np.dot(dZ, self.W)  # Wᵀ δ for every sample at once

    def update(self, lr):
        self.W -= lr * self.dW
        self.b -= lr * self.db

    def parameters(self):
        return [self.W, self.b]

    def gradients(self):
        return [self.dW, self.db]

    def __repr__(self):
        return f"Dense({self.n_inputs}, {self.n_outputs})"


class ParameterFree:
    """What the layers that only transform share: nothing to learn, so nothing to update."""

    def update(self, lr):
        pass

    def parameters(self):
        return []

    def gradients(self):
        return []


class ActivationLayer(ParameterFree):
    """Applies an activation element by element: A = f(Z). No parameters."""

    def __init__(self, name):
        self.activation = get_activation(name)

    @property
    def activation_name(self):
        # A network whose last layer is a sigmoid trained with "bce" fuses the two (nnlib.losses).
        return self.activation.name

    def forward(self, Z):
        self.Z = Z
        self.A = self.activation.function(Z)
        return self.A

    def backward(self, dA):
        # Chain rule: ∂L/∂Z = ∂L/∂A · f'(Z). The derivative is taken at Z, the
        # input of the activation; A is passed only to save recomputing f(Z).
        return dA * self.activation.derivative(self.Z, self.A)

    def __repr__(self):
        return f"ActivationLayer({self.activation.name!r})"


class Softmax(ParameterFree):
    """Turns each row of logits into class probabilities: A = softmax(Z). No parameters.

    Unlike an element-wise activation, every output depends on every input of its
    row: ∂A_k/∂Z_j = A_k (δ_kj − A_j). Backward applies that Jacobian without
    forming it: ∂L/∂Z = A ⊙ (dA − Σ_k dA_k A_k). Trained with the categorical
    cross-entropy ("cce"), the network skips this and uses ∂L/∂Z = (A − Y)/n
    directly (``nnlib.losses.cce_from_logits``), which is the same, only exact.
    """

    activation_name = "softmax"

    def forward(self, Z):
        self.A = softmax(Z)
        return self.A

    def backward(self, dA):
        return self.A * (dA - np.sum(dA * self.A, axis=1, keepdims=True))

    def __repr__(self):
        return "Softmax()"


class Dropout(ParameterFree):
    """Inverted dropout: while training, each value is dropped (set to 0) with probability ``p``.

    Training: A = X ⊙ M / (1 − p), where M holds independent draws that are 1 with
    probability 1 − p and 0 otherwise, new at every forward. Dividing by 1 − p keeps
    the expected value of every unit what it was, E[A] = X, so in evaluation the layer
    is the identity, A = X, and nothing has to be rescaled after training. Backward
    sends the gradient through the units that were kept, with the same factor:
    ∂L/∂X = ∂L/∂A ⊙ M / (1 − p). The masks come from the layer's own Generator,
    made from ``seed`` (an int or a numpy Generator).
    """

    def __init__(self, p, *, seed):
        if not isinstance(p, numbers.Real) or isinstance(p, bool):
            raise TypeError(f"p, the probability of dropping a unit, must be a number in [0, 1); "
                            f"got {type(p).__name__} {p!r}")
        if not 0.0 <= p < 1.0:  # p = 1 would drop everything and divide by zero
            raise ValueError(f"p, the probability of dropping a unit, must be in [0, 1); got {p}")
        self.p = float(p)
        self.rng = as_generator(seed)
        self.training = False
        self.mask = None  # M / (1 − p) of the last forward in training; None: the identity

    def forward(self, X):
        if not self.training or self.p == 0.0:
            self.mask = None
            return X
        self.mask = (self.rng.random(X.shape) >= self.p) / (1.0 - self.p)
        return X * self.mask

    def backward(self, dA):
        return dA if self.mask is None else dA * self.mask

    def state(self):
        """Where the random stream stands: putting it back makes the next forward draw the same mask."""
        return self.rng.bit_generator.state

    def set_state(self, state):
        self.rng.bit_generator.state = state

    def __repr__(self):
        return f"Dropout(p={self.p})"


LAYER_METHODS = ("forward", "backward", "update", "parameters", "gradients")


def check_layers(layers, name="layers"):
    """The widths (n_inputs, n_outputs) of a stack of layers, or a clear error.

    Every layer must have the methods of LAYER_METHODS; those with ``n_inputs`` and
    ``n_outputs`` (Dense, BatchNorm, Residual) fix the widths, which must fit together,
    and there must be at least one.
    """
    for i, layer in enumerate(layers):
        missing = [m for m in LAYER_METHODS if not callable(getattr(layer, m, None))]
        if missing:
            raise TypeError(f"{name}[{i}] must be a layer with forward, backward, update, parameters and "
                            f"gradients; {type(layer).__name__} has no {', '.join(missing)}")
    sized = [layer for layer in layers if hasattr(layer, "n_inputs") and hasattr(layer, "n_outputs")]
    if not sized:
        raise ValueError(f"{name} must contain at least one layer with weights, such as Dense")
    for before, after in zip(sized, sized[1:]):
        if before.n_outputs != after.n_inputs:
            raise ValueError(f"{name} do not fit together: {before} gives {before.n_outputs} outputs, "
                             f"but the next {after} expects {after.n_inputs} inputs")
    return sized[0].n_inputs, sized[-1].n_outputs


def all_layers(layers):
    """Every layer of the list, and inside a block (a layer with its own ``layers``, like Residual) its layers."""
    for layer in layers:
        yield layer
        inner = getattr(layer, "layers", None)
        if isinstance(inner, list):
            yield from all_layers(inner)
