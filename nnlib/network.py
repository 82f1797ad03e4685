"""A network: layers applied one after another, its loss and gradients; ``nnlib.training`` trains it.

When the last layer is a sigmoid and the loss "bce", or a softmax and the loss
"cce", the network computes the loss from the logits (the input of that last
layer) and starts backpropagation there with ∂L/∂z = (p − y)/N: the same
numbers as going through p, but exact for every finite z (nnlib.losses).
"""

import numpy as np

from . import training
from .activations import ACTIVATIONS
from .checks import (
    as_class_numbers,
    as_float_array,
    as_generator,
    as_inputs,
    as_targets,
    check_finite,
    check_positive_int,
)
from .layers import ActivationLayer, Dense, Softmax, all_layers, check_layers
from .losses import get_loss
from .regularisation import add_penalty_gradient, check_rate, penalty


class Network:
    """A feed-forward network: a list of layers (``Dense``, ``ActivationLayer``, or your own).

    Any object with forward, backward, update, parameters and gradients is a
    layer; one that also has ``n_inputs`` and ``n_outputs`` (like ``Dense``)
    fixes the widths, which must fit together.

    The network is in evaluation mode (``training`` False) until ``train()``;
    ``eval()`` goes back. Only layers with a ``training`` flag (Dropout,
    BatchNorm) compute differently: in training, Dropout drops units and
    BatchNorm normalises with the batch's own statistics (and moves its running
    averages); in evaluation, Dropout is the identity and BatchNorm uses its
    running averages. ``forward``, ``predict``, ``accuracy``, ``loss``,
    ``compute_gradients`` and the gradient check compute in the mode the network
    is in; ``fit`` trains in training mode and leaves the network in evaluation.
    """

    def __init__(self, layers):
        layers = list(layers)
        self.n_inputs, self.n_outputs = check_layers(layers, "layers")
        self.layers = layers
        self.training = False  # evaluation until train() or fit: a fresh network predicts deterministically

    def __repr__(self):
        return "Network([" + ", ".join(map(repr, self.layers)) + "])"

    # -- training and evaluation mode ------------------------------------------------
    def train(self):
        """Training mode: Dropout drops, BatchNorm uses each batch's statistics. Returns the network."""
        return self._set_mode(True)

    def eval(self):
        """Evaluation mode: Dropout is the identity, BatchNorm uses its running averages. Returns the network."""
        return self._set_mode(False)

    def _set_mode(self, training):
        self.training = training
        for layer in all_layers(self.layers):
            if hasattr(layer, "training"):
                layer.training = training
        return self

    def get_state(self):
        """What the layers hold besides their parameters (BatchNorm's running averages, Dropout's random
        stream), as copies: ``set_state`` puts it back."""
        return [layer.state() for layer in self._stateful()]

    def set_state(self, state):
        layers = self._stateful()
        if not isinstance(state, list) or len(state) != len(layers):
            got = f"a list of {len(state)}" if isinstance(state, list) else type(state).__name__
            raise ValueError(f"state must be a list of {len(layers)} layer states, as get_state() gives; got {got}")
        for layer, layer_state in zip(layers, state):
            layer.set_state(layer_state)

    def _stateful(self):
        return [layer for layer in all_layers(self.layers) if callable(getattr(layer, "state", None))]

    # -- the three steps of gradient descent ---------------------------------
    def forward(self, X):
        """The output for a float array X of shape (n, n_inputs); no checks, for speed."""
        for layer in self.layers:
            X = layer.forward(X)
        return X

    def backward(self, dOut):
        """Send ∂L/∂output back through every layer; returns ∂L/∂X."""
        for layer in reversed(self.layers):
            dOut = layer.backward(dOut)
        return dOut

    def update(self, lr):
        """One step of plain gradient descent: every layer updates its own parameters."""
        for layer in self.layers:
            layer.update(lr)

    # -- the loss and its gradient -----------------------------------------------
    def _fused_loss(self, loss_fn):
        """The loss fused with the output activation (sigmoid + bce, softmax + cce), or None."""
        return loss_fn.from_logits.get(getattr(self.layers[-1], "activation_name", None))

    def logits(self, X):
        """The input of the last layer (for a network ending in an activation: its pre-activation z)."""
        return self._forward_to_logits(as_inputs(X, self.n_inputs))

    def _forward_to_logits(self, X):
        for layer in self.layers[:-1]:
            X = layer.forward(X)
        return X

    def _checked(self, X, y, loss):
        """The loss (with a value_and_gradient) and the data as float arrays, checked once for the loss."""
        loss_fn = _complete(get_loss(loss))
        X = as_inputs(X, self.n_inputs, "X")
        if len(X) == 0:  # a mean over no samples
            raise ValueError(f"X must hold at least one sample; got shape {X.shape}")
        y = as_targets(y, len(X), self.n_outputs, "y")
        loss_fn.value(y, y)  # rejects targets the loss cannot take (bce needs 0/1), with its message
        return loss_fn, X, y

    def _forward_backward(self, X, y, loss_fn, fused):
        """Forward, loss, backward on checked arrays; returns the loss. The gradients stay in the layers.

        ``fused`` is ``self._fused_loss(loss_fn)``, looked up once by the caller rather than at every step.
        """
        if fused is None:
            value, gradient = loss_fn.value_and_gradient(self.forward(X), y)
            self.backward(gradient)
            return value
        value, gradient = fused(self._forward_to_logits(X), y)
        for layer in reversed(self.layers[:-1]):
            gradient = layer.backward(gradient)
        return value

    def _loss_value(self, X, y, loss_fn, fused):
        if fused is None:
            return loss_fn.value(self.forward(X), y)
        return fused(self._forward_to_logits(X), y)[0]

    def compute_gradients(self, X, y, loss="mse", *, l1=0.0, l2=0.0):
        """Forward and backward on (X, y): returns the loss (plus the weight penalty) and leaves ∂L/∂θ in
        ``gradients()``. This is one step of ``fit`` without the update, for gradient checks and your own loops
        (in the mode the network is in: call ``train()`` first in a training loop of your own).
        """
        loss_fn, X, y = self._checked(X, y, loss)
        l1, l2 = check_rate(l1, "l1"), check_rate(l2, "l2")
        value, weight_penalty = self._gradients(X, y, loss_fn, self._fused_loss(loss_fn), l1, l2)
        return value + weight_penalty

    # -- parameters ------------------------------------------------------------
    def parameters(self):
        """The live parameter arrays [W1, b1, W2, b2, …]: changing them changes the network."""
        return [p for layer in self.layers for p in layer.parameters()]

    def gradients(self):
        """∂L/∂θ from the last backward, in the order of ``parameters()``."""
        return [g for layer in self.layers for g in layer.gradients()]

    def get_parameters(self):
        """Copies of the parameters, safe to keep while training goes on."""
        return [p.copy() for p in self.parameters()]

    def set_parameters(self, values):
        """Start from given weights: ``values`` is a list shaped like ``get_parameters()``."""
        current = self.parameters()
        values = list(values)
        if len(values) != len(current):
            raise ValueError(f"values must hold {len(current)} arrays (W and b of each Dense layer); got {len(values)}")
        checked = []
        for i, (param, value) in enumerate(zip(current, values)):
            value = as_float_array(value, f"values[{i}]")
            if value.shape != param.shape:
                raise ValueError(f"values[{i}] must have shape {param.shape}; got {value.shape}")
            check_finite(value, f"values[{i}]")
            checked.append(value)
        # Copy only once every array has passed: a bad list leaves the network as it was.
        for param, value in zip(current, checked):
            param[...] = value

    # -- using the network -----------------------------------------------------
    def predict(self, X):
        """The output, shape (n_samples, n_outputs), for inputs X of shape (n_samples, n_inputs)."""
        return self.forward(as_inputs(X, self.n_inputs))

    def accuracy(self, X, y, threshold=0.5):
        """The fraction of correct predictions.

        A network ending in ``Softmax`` predicts the class of its largest output
        (argmax); y is then one-hot rows (n, k) or class numbers 0 … k−1 of shape (n,).
        Any other network predicts "above ``threshold``" for each output: an output
        counts as class 1 when it is strictly greater than ``threshold``, so an
        output exactly at the threshold (σ(0) = 0.5, or 0 for an identity output
        with threshold 0) counts as class 0; the targets are read the same way, and
        with several outputs every output of every sample counts once. Use
        threshold 0.5 for 0/1 labels and 0 for −1/+1 labels.
        """
        X = as_inputs(X, self.n_inputs)
        if isinstance(self.layers[-1], Softmax):
            return float(np.mean(np.argmax(self.forward(X), axis=1) == class_labels(y, len(X), self.n_outputs)))
        y = as_targets(y, len(X), self.n_outputs)
        return float(np.mean((self.forward(X) > threshold) == (y > threshold)))

    def loss(self, X, y, loss="mse"):
        """The loss of the network's output on (X, y) (from the logits for sigmoid + bce and softmax + cce)."""
        loss_fn, X, y = self._checked(X, y, loss)
        return self._loss_value(X, y, loss_fn, self._fused_loss(loss_fn))

    def fit(self, X, y, *, epochs, lr, loss="mse", optimiser="sgd", batch_size=None, validation_data=None,
            l1=0.0, l2=0.0, early_stopping=None, snapshot_every=None, seed=0, progress=False):
        """Train by gradient descent and return a ``History``: see ``nnlib.training.fit``, the loop itself."""
        return training.fit(self, X, y, epochs=epochs, lr=lr, loss=loss, optimiser=optimiser, batch_size=batch_size,
                            validation_data=validation_data, l1=l1, l2=l2, early_stopping=early_stopping,
                            snapshot_every=snapshot_every, seed=seed, progress=progress)

    def _gradients(self, X, y, loss_fn, fused, l1, l2):
        """Forward and backward with the penalty's gradient added: returns (loss, penalty)."""
        value = self._forward_backward(X, y, loss_fn, fused)
        if not (l1 or l2):
            return value, 0.0
        parameters = self.parameters()
        add_penalty_gradient(parameters, self.gradients(), l1, l2)
        return value, penalty(parameters, l1, l2)


def _complete(loss_fn):
    """A Loss with a value_and_gradient, so the training loop calls one function per step."""
    if loss_fn.value_and_gradient is not None:
        return loss_fn
    return loss_fn._replace(value_and_gradient=lambda p, t: (loss_fn.value(p, t), loss_fn.gradient(p, t)))


def class_labels(y, n_samples, n_classes, name="y"):
    """Class numbers (n,) from one-hot rows (n, k) or from class numbers 0 … k−1 themselves."""
    y = as_float_array(y, name)
    if y.shape == (n_samples, n_classes):
        return np.argmax(y, axis=1)
    if y.shape == (n_samples,):
        return as_class_numbers(y, n_classes, name)
    raise ValueError(f"{name} must have shape ({n_samples}, {n_classes}) (one-hot) or ({n_samples},) (class numbers); "
                     f"got shape {y.shape}")


def mlp(sizes, *, hidden="sigmoid", output="sigmoid", seed=0, init=None, init_scale=None):
    """A multi-layer perceptron, e.g. ``mlp([2, 4, 1], hidden="tanh", output="sigmoid")``.

    ``sizes`` lists the width of every layer, inputs first. Each Dense layer is
    followed by the ``hidden`` activation, the last one by ``output`` (an
    activation name, or "softmax" for class probabilities). All weights are drawn
    from one Generator made from ``seed``, with the starting scale ``init``
    ("lecun", the default, "xavier", "he", "zeros") or ``init_scale`` (a number):
    see ``nnlib.layers.Dense``.
    """
    sizes = list(sizes)
    if len(sizes) < 2:
        raise ValueError(f"sizes must list at least the input and output widths, e.g. [2, 1]; got {sizes}")
    sizes = [check_positive_int(size, f"sizes[{i}]") for i, size in enumerate(sizes)]
    if isinstance(hidden, str) and hidden not in ACTIVATIONS:
        raise ValueError(f"hidden must be one of {sorted(ACTIVATIONS)}; got {hidden!r}")
    if isinstance(output, str) and output not in (*ACTIVATIONS, "softmax"):
        raise ValueError(f"output must be one of {sorted(ACTIVATIONS)} or 'softmax'; got {output!r}")
    if output == "softmax" and sizes[-1] < 2:
        raise ValueError(f"a softmax output needs at least 2 classes; sizes ends with {sizes[-1]}")
    rng = as_generator(seed)
    layers = []
    for i, (n_in, n_out) in enumerate(zip(sizes, sizes[1:])):
        layers.append(Dense(n_in, n_out, seed=rng, init=init, init_scale=init_scale))
        is_last = i == len(sizes) - 2
        name = output if is_last else hidden
        layers.append(Softmax() if name == "softmax" else ActivationLayer(name))
    return Network(layers)
