"""A network: layers applied one after another, and gradient descent to train it.

``fit`` only trains and records: the loss per epoch and, on request, copies of
the parameters every k epochs. Drawing those snapshots is the job of
``nnlib.plot``; training knows nothing about plots.
"""

from dataclasses import dataclass, field

import numpy as np

from .activations import ACTIVATIONS
from .checks import (
    as_float_array,
    as_generator,
    as_inputs,
    as_targets,
    check_finite,
    check_positive_int,
    check_positive_number,
)
from .layers import ActivationLayer, Dense
from .losses import get_loss


@dataclass
class Snapshot:
    """The network's parameters after ``epoch`` epochs (0 = before training)."""

    epoch: int
    parameters: list


@dataclass
class History:
    """What ``Network.fit`` records.

    ``loss[e]`` is the mean training loss during epoch e + 1 (with mini-batches,
    the average over the epoch's batches, each computed before its update);
    ``val_loss[e]`` is the validation loss after epoch e + 1, or None.
    """

    loss: np.ndarray
    val_loss: np.ndarray | None = None
    snapshots: list = field(default_factory=list)


class Network:
    """A feed-forward network: a list of layers (``Dense``, ``ActivationLayer``, or your own).

    Any object with forward, backward, update, parameters and gradients is a
    layer; one that also has ``n_inputs`` and ``n_outputs`` (like ``Dense``)
    fixes the widths, which must fit together.
    """

    def __init__(self, layers):
        layers = list(layers)
        for i, layer in enumerate(layers):
            missing = [m for m in ("forward", "backward", "update", "parameters", "gradients")
                       if not callable(getattr(layer, m, None))]
            if missing:
                raise TypeError(f"layers[{i}] must be a layer with forward, backward, update, parameters and "
                                f"gradients; {type(layer).__name__} has no {', '.join(missing)}")
        dense = [layer for layer in layers if hasattr(layer, "n_inputs") and hasattr(layer, "n_outputs")]
        if not dense:
            raise ValueError("layers must contain at least one layer with weights, such as Dense")
        for before, after in zip(dense, dense[1:]):
            if before.n_outputs != after.n_inputs:
                raise ValueError(f"layers do not fit together: {before} gives {before.n_outputs} outputs, "
                                 f"but the next {after} expects {after.n_inputs} inputs")
        self.layers = layers
        self.n_inputs = dense[0].n_inputs
        self.n_outputs = dense[-1].n_outputs

    def __repr__(self):
        return "Network([" + ", ".join(map(repr, self.layers)) + "])"

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
        for layer in self.layers:
            layer.update(lr)

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
        """The fraction of outputs on the same side of ``threshold`` as the targets.

        Use threshold 0.5 for 0/1 labels and 0 for −1/+1 labels.
        """
        X = as_inputs(X, self.n_inputs)
        y = as_targets(y, len(X), self.n_outputs)
        return float(np.mean((self.forward(X) > threshold) == (y > threshold)))

    def loss(self, X, y, loss="mse"):
        """The loss of the network's output on (X, y)."""
        X = as_inputs(X, self.n_inputs)
        return get_loss(loss).value(self.forward(X), as_targets(y, len(X), self.n_outputs))

    def fit(self, X, y, *, epochs, lr, loss="mse", batch_size=None, validation_data=None,
            snapshot_every=None, seed=0, progress=False):
        """Train by gradient descent and return a ``History``.

        batch_size=None uses the whole training set for every step (full batch);
        an int shuffles the data each epoch (with ``seed``) and takes one step
        per batch. ``validation_data=(X_val, y_val)`` records a validation loss
        after every epoch. ``snapshot_every=k`` keeps a copy of the parameters
        before training and after every k-th epoch (and the last), for
        animations. ``progress=True`` shows a progress bar.
        """
        loss_fn = get_loss(loss)
        X = as_inputs(X, self.n_inputs, "X")
        y = as_targets(y, len(X), self.n_outputs, "y")
        loss_fn.value(y, y)  # rejects targets the loss cannot take (bce needs 0/1) before any training
        epochs = check_positive_int(epochs, "epochs")
        lr = check_positive_number(lr, "lr")
        if batch_size is not None:
            batch_size = check_positive_int(batch_size, "batch_size")
        if snapshot_every is not None:
            snapshot_every = check_positive_int(snapshot_every, "snapshot_every")
        if validation_data is not None:
            if not (isinstance(validation_data, (tuple, list)) and len(validation_data) == 2):
                raise TypeError("validation_data must be a pair (X_val, y_val)")
            X_val = as_inputs(validation_data[0], self.n_inputs, "validation_data[0]")
            y_val = as_targets(validation_data[1], len(X_val), self.n_outputs, "validation_data[1]")
            try:
                loss_fn.value(y_val, y_val)
            except ValueError as error:  # say which targets are wrong
                raise ValueError(f"validation_data[1]: {error}") from None
        rng = as_generator(seed)

        n = len(X)
        full_batch = batch_size is None or batch_size >= n
        # The data were checked once above; inside the loop the loss is computed
        # without checks, value and gradient together (they share p − y).
        value_and_gradient = loss_fn.value_and_gradient or (lambda p, t: (loss_fn.value(p, t), loss_fn.gradient(p, t)))
        train_loss = np.empty(epochs)
        val_loss = np.empty(epochs) if validation_data is not None else None
        snapshots = [Snapshot(0, self.get_parameters())] if snapshot_every else []
        epoch_range = range(1, epochs + 1)
        if progress:
            from tqdm.auto import tqdm  # imported only when asked for, to keep `import nnlib` light
            epoch_range = tqdm(epoch_range, desc="training", unit="epoch")

        for epoch in epoch_range:
            if full_batch:
                value, gradient = value_and_gradient(self.forward(X), y)
                self.backward(gradient)
                self.update(lr)
            else:
                order = rng.permutation(n)
                value = 0.0
                for start in range(0, n, batch_size):
                    batch = order[start:start + batch_size]
                    batch_value, gradient = value_and_gradient(self.forward(X[batch]), y[batch])
                    self.backward(gradient)
                    self.update(lr)
                    value += batch_value * len(batch) / n  # the epoch's loss: the mean over all samples
            train_loss[epoch - 1] = value
            if val_loss is not None:
                val_loss[epoch - 1] = loss_fn.value(self.forward(X_val), y_val)
            if snapshot_every and (epoch % snapshot_every == 0 or epoch == epochs):
                snapshots.append(Snapshot(epoch, self.get_parameters()))
        return History(loss=train_loss, val_loss=val_loss, snapshots=snapshots)


def mlp(sizes, *, hidden="sigmoid", output="sigmoid", seed=0, init_scale=None):
    """A multi-layer perceptron, e.g. ``mlp([2, 4, 1], hidden="tanh", output="sigmoid")``.

    ``sizes`` lists the width of every layer, inputs first. Each Dense layer is
    followed by the ``hidden`` activation, the last one by ``output``. All
    weights are drawn from one Generator made from ``seed``.
    """
    sizes = list(sizes)
    if len(sizes) < 2:
        raise ValueError(f"sizes must list at least the input and output widths, e.g. [2, 1]; got {sizes}")
    sizes = [check_positive_int(size, f"sizes[{i}]") for i, size in enumerate(sizes)]
    for argument, name in (("hidden", hidden), ("output", output)):
        if isinstance(name, str) and name not in ACTIVATIONS:
            raise ValueError(f"{argument} must be one of {sorted(ACTIVATIONS)}; got {name!r}")
    rng = as_generator(seed)
    layers = []
    for i, (n_in, n_out) in enumerate(zip(sizes, sizes[1:])):
        layers.append(Dense(n_in, n_out, seed=rng, init_scale=init_scale))
        is_last = i == len(sizes) - 2
        layers.append(ActivationLayer(output if is_last else hidden))
    return Network(layers)
