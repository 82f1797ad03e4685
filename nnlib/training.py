"""The training loop: gradient descent on a network, one epoch after another, and what it records.

``fit`` only trains and records: the loss per epoch and, on request, copies of the parameters every k
epochs. Drawing those snapshots is the job of ``nnlib.plot``; training knows nothing about plots.
``Network.fit`` calls this function.
"""

import numbers
from dataclasses import dataclass, field

import numpy as np

from .checks import as_generator, as_inputs, as_targets, check_positive_int, check_positive_number
from .optimisers import get_optimiser
from .regularisation import check_rate


@dataclass
class Snapshot:
    """The network's parameters after ``epoch`` epochs (0 = before training)."""

    epoch: int
    parameters: list


@dataclass
class History:
    """What ``fit`` records.

    ``loss[e]`` is the mean training loss during epoch e + 1 (with mini-batches,
    the average over the epoch's batches, each computed before its update),
    without the weight penalty; ``lr[e]`` the learning rate of that epoch;
    ``penalty[e]`` is the penalty measured at the
    same moments (None without l1 or l2), so the objective that training
    minimised is loss + penalty. ``val_loss[e]`` is the validation loss after
    epoch e + 1, or None. ``best_epoch`` is the (1-based) epoch with the lowest
    validation loss, None without validation data; ``epochs_run`` is how many
    epochs ran (fewer than asked when early stopping ended training).
    """

    loss: np.ndarray
    val_loss: np.ndarray | None = None
    snapshots: list = field(default_factory=list)
    penalty: np.ndarray | None = None
    best_epoch: int | None = None
    epochs_run: int = 0
    lr: np.ndarray | None = None


def fit(network, X, y, *, epochs, lr, loss="mse", optimiser="sgd", batch_size=None, validation_data=None,
        l1=0.0, l2=0.0, early_stopping=None, snapshot_every=None, seed=0, progress=False):
    """Train ``network`` by gradient descent and return a ``History``.

    ``lr`` is the learning rate: a number, or a schedule, a function of the
    epoch (1, 2, … within this call) that returns the rate for that epoch's
    steps (``nnlib.optimisers``: StepDecay, Cosine, WarmUp). ``optimiser`` is
    "sgd" (plain gradient descent, the default), "momentum", "adam", "adamw",
    or an optimiser object from ``nnlib.optimisers`` (which keeps its state
    between calls). batch_size=None uses the whole training set for every
    step (full batch); an int shuffles the data each epoch (with ``seed``) and
    takes one step per batch. ``l1`` and ``l2`` add the weight penalty
    l1·Σ|w| + (l2/2)·Σw² (``nnlib.regularisation``). ``validation_data=(X_val,
    y_val)`` records a validation loss after every epoch; with it,
    ``early_stopping=k`` stops after k epochs without a new lowest validation
    loss and puts back the parameters of the best epoch. ``snapshot_every=k``
    keeps a copy of the parameters before training and after every k-th epoch
    (and the last), for animations. ``progress=True`` shows a progress bar.

    Training runs in training mode (Dropout drops, BatchNorm uses each batch's
    statistics: ``Network.train``); the validation loss is measured in evaluation
    mode, and ``fit`` leaves the network in evaluation mode, ready to predict.
    """
    X = as_inputs(X, network.n_inputs, "X")
    if len(X) == 0:
        raise ValueError(f"X must hold at least one sample to train on; got shape {X.shape}")
    loss_fn, X, y = network._checked(X, y, loss)  # before any training
    epochs = check_positive_int(epochs, "epochs")
    schedule = lr if callable(lr) else None
    rate = None if schedule else check_positive_number(lr, "lr")
    optimiser = get_optimiser(optimiser)
    l1, l2 = check_rate(l1, "l1"), check_rate(l2, "l2")
    batch_size = None if batch_size is None else check_positive_int(batch_size, "batch_size")
    snapshot_every = None if snapshot_every is None else check_positive_int(snapshot_every, "snapshot_every")
    validation = None if validation_data is None else _checked_validation(network, validation_data, loss_fn)
    if early_stopping is not None:
        early_stopping = check_positive_int(early_stopping, "early_stopping")
        if validation is None:
            raise ValueError("early_stopping needs validation_data: it stops when the validation loss "
                             "stops falling")
    rng = as_generator(seed)
    fused = network._fused_loss(loss_fn)  # sigmoid + bce or softmax + cce from the logits, or None

    def step(X_batch, y_batch):
        """One step on a batch: the gradients (penalty included), then the optimiser's update."""
        value, weight_penalty = network._gradients(X_batch, y_batch, loss_fn, fused, l1, l2)
        optimiser.step(network, rate)  # the rate of the current epoch
        return value, weight_penalty

    train_loss, train_penalty = np.empty(epochs), (np.empty(epochs) if l1 or l2 else None)
    rates = np.full(epochs, np.nan if schedule else rate)
    val_loss = None if validation is None else np.empty(epochs)
    snapshots = [Snapshot(0, network.get_parameters())] if snapshot_every else []
    best_epoch, best_value, best_parameters = None, np.inf, None
    epoch_range = _progress_bar(epochs) if progress else range(1, epochs + 1)

    epoch = 0
    network.train()
    try:
        for epoch in epoch_range:
            if schedule:
                rate = rates[epoch - 1] = _scheduled(schedule, epoch)
            value, penalty_value = _epoch(X, y, batch_size, rng, step)
            train_loss[epoch - 1] = value
            if train_penalty is not None:
                train_penalty[epoch - 1] = penalty_value
            stop = False
            if val_loss is not None:
                # The validation loss is the network as it will be used: in evaluation mode.
                val_loss[epoch - 1] = network.eval()._loss_value(*validation, loss_fn, fused)
                network.train()
                if val_loss[epoch - 1] < best_value:
                    best_epoch, best_value = epoch, val_loss[epoch - 1]
                    if early_stopping:
                        best_parameters, best_state = network.get_parameters(), network.get_state()
                stop = early_stopping is not None and epoch - best_epoch >= early_stopping
            if snapshot_every and (epoch % snapshot_every == 0 or epoch == epochs or stop):
                snapshots.append(Snapshot(epoch, network.get_parameters()))
            if stop:
                break
    finally:  # also when training is interrupted: the network is left ready to be used
        network.eval()
        if progress:
            epoch_range.close()
    if best_parameters is not None:
        network.set_parameters(best_parameters)
        network.set_state(best_state)  # BatchNorm's running averages of that epoch too
    return History(loss=train_loss[:epoch], val_loss=None if val_loss is None else val_loss[:epoch],
                   snapshots=snapshots, penalty=None if train_penalty is None else train_penalty[:epoch],
                   best_epoch=best_epoch, epochs_run=epoch, lr=rates[:epoch])


def _epoch(X, y, batch_size, rng, step):
    """One pass over the data: one step on all of it, or one per shuffled mini-batch; returns (loss, penalty).

    With mini-batches the epoch's loss is the mean over all samples of the batches' losses, each
    measured before its batch's update.
    """
    n = len(X)
    if batch_size is None or batch_size >= n:
        return step(X, y)
    order = rng.permutation(n)
    value = penalty_value = 0.0
    for start in range(0, n, batch_size):
        batch = order[start:start + batch_size]
        batch_value, batch_penalty = step(X[batch], y[batch])
        value += batch_value * len(batch) / n
        penalty_value += batch_penalty * len(batch) / n
    return value, penalty_value


def _scheduled(schedule, epoch):
    """The learning rate the schedule gives for ``epoch``: a finite number >= 0, or a clear error."""
    rate = schedule(epoch)
    if not isinstance(rate, numbers.Real) or isinstance(rate, bool) or not (np.isfinite(rate) and rate >= 0):
        raise ValueError(f"lr is a schedule, so lr({epoch}) must be a finite number >= 0; got {rate!r}")
    return float(rate)


def _checked_validation(network, validation_data, loss_fn):
    """``validation_data`` as checked arrays (X_val, y_val), or a clear error."""
    if not (isinstance(validation_data, (tuple, list)) and len(validation_data) == 2):
        raise TypeError("validation_data must be a pair (X_val, y_val)")
    X_val = as_inputs(validation_data[0], network.n_inputs, "validation_data[0]")
    y_val = as_targets(validation_data[1], len(X_val), network.n_outputs, "validation_data[1]")
    try:
        loss_fn.value(y_val, y_val)
    except ValueError as error:  # say which targets are wrong
        raise ValueError(f"validation_data[1]: {error}") from None
    return X_val, y_val


def _progress_bar(epochs):
    from tqdm.auto import tqdm  # imported only when asked for, to keep `import nnlib` light

    return tqdm(range(1, epochs + 1), desc="training", unit="epoch")
