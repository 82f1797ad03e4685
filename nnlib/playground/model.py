"""The playground's model: data, input features, a network and a training loop bounded by the clock.

No widgets and no drawing here, so all of it can be tested in plain Python::

    pg = Playground("dataset=circles;features=x1sq,x2sq;hidden=none")
    pg.train()                      # settings.epochs epochs
    pg.test_accuracy                # 1.0
    pg.advance(0.05)                # train for about 50 ms, batch by batch, then return

Training is nnlib's own: every batch is one ``net.compute_gradients`` (forward,
loss, backward), the weight penalty of ``nnlib.regularisation`` and one step of
an optimiser from ``nnlib.optimisers``, in the order ``Network.fit`` takes them
and with the same shuffling, so the playground's numbers are fit's numbers (a
test checks it). The loop works batch by batch rather than epoch by epoch, so
that ``advance`` can stop on time even when one epoch takes longer than a frame
(2000 points, six layers of 64, batch 1); the next call continues in the middle
of the epoch. Chunks of any size give exactly the numbers of one long run.
"""

import time

import numpy as np

from .. import data
from ..network import mlp
from ..optimisers import get_optimiser
from ..plot.grid import plane_grid
from ..regularisation import add_penalty_gradient
from . import export
from .datasets import FEATURE_FUNCTIONS, features, make_data, split  # noqa: F401 (tests use them from here)
from .settings import KEYS, Settings
from .strings import parse_settings

# Changing only these keeps the network and its training (the others start again).
TRAINING_KEYS = ("lr", "batch", "optimiser", "reg", "rate", "epochs", "show_test", "discrete", "hide", "lock")
ACCURACY_POINTS = 64  # the accuracy curve keeps from 64 to 127 points (see Playground.accuracies)
GRID = 49  # points per axis of the plane the pictures are drawn on (nnlib.grid.plane_grid)


class Playground:
    """A configuration, its data and a network, trained batch by batch; no widgets.

    Attributes: ``settings``, the points ``X_train``/``X_test`` with class numbers
    ``y_train``/``y_test``, the network ``net``, ``epoch`` (complete epochs so far),
    ``train_loss``/``test_loss`` (one value per epoch), the grid ``xs``, ``ys``.
    """

    def __init__(self, settings=None):
        self.settings = None
        self.apply(Settings() if settings is None else settings)

    # -- configuration ----------------------------------------------------------------
    def apply(self, settings, keep_training=False):
        """Switch to ``settings`` (a Settings or a settings string) and start again.

        With ``keep_training=True`` a change of only the keys in TRAINING_KEYS keeps
        the network and its history: training goes on with the new values. If anything
        fails on the way, the playground is left exactly as it was (and the error raised).
        """
        new = parse_settings(settings) if isinstance(settings, str) else settings
        if not isinstance(new, Settings):
            raise TypeError(f"settings must be a Settings or a settings string; got {type(settings).__name__}")
        before = dict(vars(self))
        try:
            return self._switch(new, keep_training)
        except BaseException:  # all or nothing: a failure leaves the playground as it was, and working
            vars(self).clear()
            vars(self).update(before)
            raise

    def _switch(self, new, keep_training):
        old, self.settings = self.settings, new
        if keep_training and old is not None and all(
                getattr(old, key) == getattr(new, key) for key in KEYS if key not in TRAINING_KEYS):
            if (old.optimiser, old.lr) != (new.optimiser, new.lr):
                self.optimiser = get_optimiser(new.optimiser)  # a fresh one: its memory is of the old setting
            return self
        X, y = make_data(new)
        (self.X_train, self.y_train), (self.X_test, self.y_test) = split(
            new, X, y, np.random.default_rng(np.random.SeedSequence([new.seed, 2])))
        self.F_train, self.F_test = features(new, self.X_train), features(new, self.X_test)
        self.T_train, self.T_test = self.targets(self.y_train), self.targets(self.y_test)
        self.xs, self.ys, points = plane_grid(X, grid=GRID, padding=0.1, square=True)
        self.F_grid = features(new, points)
        return self.reset()

    def targets(self, y):
        """What the network is trained to output: y (n,) itself, or one-hot rows for three classes."""
        return data.one_hot(y, 3) if self.settings.classes == 3 else y

    @property
    def loss_name(self):
        """The loss trained on: squared error for regression, else cross-entropy (softmax's for three classes)."""
        return "mse" if self.settings.regression else "cce" if self.settings.classes == 3 else "bce"

    @property
    def output_name(self):
        """The output layer's activation: linear for regression, sigmoid for two classes, softmax for three."""
        return "identity" if self.settings.regression else "sigmoid" if self.settings.classes == 2 else "softmax"

    @property
    def settings_string(self):
        return str(self.settings)

    # -- training -----------------------------------------------------------------------
    def reset(self):
        """A fresh network (the same initial weights for the same seed), epoch 0, empty history."""
        s = self.settings
        sizes = [len(s.features), *s.hidden, 1 if s.classes == 2 else s.classes]
        self.net = mlp(sizes, hidden=s.act, output=self.output_name,
                       seed=np.random.default_rng(np.random.SeedSequence([s.seed, 3])))
        self.optimiser = get_optimiser(s.optimiser)
        self._shuffle = np.random.default_rng(np.random.SeedSequence([s.seed, 4]))
        self._order, self._start, self._epoch_loss = None, 0, 0.0
        self.epoch, self.batches, self.diverged = 0, 0, False
        self._train_loss, self._test_loss, self._accuracies, self._stride = [], [], [], 1
        return self

    def _train_batch(self):
        """One step on the next batch, exactly as ``Network.fit`` takes it; records the loss at an epoch's end."""
        s, n = self.settings, len(self.F_train)
        if s.batch is None or s.batch >= n:  # full batch (fit draws no permutation then)
            X, T, share = self.F_train, self.T_train, None
        else:
            if self._order is None:
                self._order, self._start, self._epoch_loss = self._shuffle.permutation(n), 0, 0.0
            batch = self._order[self._start:self._start + s.batch]
            X, T, share = self.F_train[batch], self.T_train[batch], len(batch)
            self._start += s.batch
        value = self.net.compute_gradients(X, T, self.loss_name)
        if s.l1 or s.l2:  # the data loss is what the curves show; the penalty only steers the step
            add_penalty_gradient(self.net.parameters(), self.net.gradients(), s.l1, s.l2)
        self.optimiser.step(self.net, s.lr)
        self.batches += 1
        if share is None:
            self._epoch_loss = value
        else:
            self._epoch_loss += value * share / n  # the epoch's loss: the mean over all samples, as fit has it
        if share is None or self._start >= n:
            self._end_epoch()
        if not np.isfinite(value):
            self.diverged = True

    def _end_epoch(self):
        self._train_loss.append(float(self._epoch_loss))
        self._test_loss.append(float(self.net.loss(self.F_test, self.T_test, self.loss_name)))
        self._order, self._epoch_loss = None, 0.0
        self.epoch += 1
        if not self.settings.regression and self.epoch % self._stride == 0:  # the accuracy curve's points
            self._accuracies.append((self.epoch, self.train_accuracy, self.test_accuracy))
            if len(self._accuracies) >= 2 * ACCURACY_POINTS:  # every other one, and half as often from now on
                self._stride *= 2
                self._accuracies = [row for row in self._accuracies if row[0] % self._stride == 0]
        if not all(np.isfinite(p).all() for p in self.net.parameters()):  # a saturated tanh hides inf weights
            self.diverged = True

    def advance(self, seconds, *, max_epochs=None, clock=time.perf_counter, stop=None):
        """Train batch after batch for at most about ``seconds``; returns the number of batches.

        It stops before a batch that would probably end after the deadline (judged
        by the slowest batch of this call so far), after ``max_epochs`` more complete
        epochs, when ``stop()`` returns True (checked before every batch), or when
        training diverges. At least one batch runs unless stopped or diverged, so
        training always gets on. ``clock`` gives the time in seconds (a test passes a
        fake one).
        """
        start = last = clock()
        deadline, slowest, done = start + seconds, 0.0, 0
        target = None if max_epochs is None else self.epoch + max_epochs
        with np.errstate(all="ignore"):  # a diverging run overflows; it is reported, not warned about
            while not self.diverged and (target is None or self.epoch < target):
                if stop is not None and stop():
                    break
                self._train_batch()
                done += 1
                now = clock()
                slowest, last = max(slowest, now - last), now
                if now + slowest > deadline:
                    break
        return done

    def step(self, epochs=None):
        """Train ``epochs`` more complete epochs (default ``settings.epochs``); returns self.

        Splitting a run into several steps gives the same numbers as one long step.
        A diverged network (the loss is no longer finite) is not trained further.
        """
        epochs = self.settings.epochs if epochs is None else epochs
        self.advance(np.inf, max_epochs=epochs)
        return self

    def train(self):
        """Train ``settings.epochs`` epochs; returns self, so ``Playground(text).train().test_accuracy`` works."""
        return self.step()

    # -- what the pictures and numbers show ------------------------------------------------
    @property
    def train_loss(self):
        """The training loss of every epoch so far (the mean over its batches, without the penalty)."""
        return np.array(self._train_loss)

    @property
    def test_loss(self):
        """The test loss after every epoch so far."""
        return np.array(self._test_loss)

    @property
    def accuracies(self):
        """Rows (epoch, train accuracy, test accuracy) after some epochs, (k, 3); none for regression.

        Every epoch at first; once there are 2·ACCURACY_POINTS rows, every other row is
        dropped and accuracy measured half as often, so that it never costs a long run
        more than a few hundred evaluations (each is a pass over all the points).
        """
        return np.array(self._accuracies, dtype=float).reshape(-1, 3)

    def _accuracy(self, F, y):
        if self.settings.regression:  # a number is not right or wrong: the loss says how far off
            return None
        with np.errstate(all="ignore"):
            return self.net.accuracy(F, y if self.settings.classes == 2 else y.astype(int))

    @property
    def train_accuracy(self):
        return self._accuracy(self.F_train, self.y_train)

    @property
    def test_accuracy(self):
        return self._accuracy(self.F_test, self.y_test)

    def weights(self):
        """The network's weights and biases as numpy arrays (copies): {"W1": …, "b1": …, …} (``export``)."""
        return export.weights(self)

    def snippet(self):
        """Python source that rebuilds this network with nnlib (``mlp`` and ``set_parameters``) and its features."""
        return export.snippet(self)

    def layer_values(self, F):
        """Every layer's values for inputs F: [F, first hidden layer's activations, …, the output]."""
        values = [F]
        with np.errstate(all="ignore"):
            for layer in self.net.layers:
                F = layer.forward(F)
                if not layer.parameters():  # an activation (or softmax): a layer of neurons is complete
                    values.append(F)
        return values

    def grid_values(self):
        """``layer_values`` on the grid of the plane: each array has one row per grid point, GRID² rows."""
        return self.layer_values(self.F_grid)

    def probabilities(self, X):
        """The network's output at points X (n, 2): p(class 1) (n,), class probabilities (n, 3), or the number."""
        with np.errstate(all="ignore"):
            out = self.net.forward(features(self.settings, np.asarray(X, dtype=float)))
        return out[:, 0] if self.settings.classes == 2 else out

    def dead_units(self):
        """For relu networks, per hidden layer: which units are 0 on every training point (None otherwise).

        A dead unit gets no gradient (relu'(z) = 0 for z < 0), so its own weights stop moving; in the first
        hidden layer nothing else can revive it, in a later one a change of the layers before it can.
        """
        if self.settings.act != "relu":
            return None
        return [np.all(values <= 0, axis=0) for values in self.layer_values(self.F_train)[1:-1]]

    def summary(self):
        """One line: epoch, losses, accuracies, dead units, divergence."""
        loss = f"loss train {self._train_loss[-1]:.3f} test {self._test_loss[-1]:.3f} · " if self.epoch else ""
        into = ""
        if self._order is not None:  # in the middle of an epoch (a slow one: many small batches)
            into = f" + {self._start // self.settings.batch} of {-(-len(self.F_train) // self.settings.batch)} batches"
        text = f"epoch {self.epoch}{into} · {loss}"
        if self.settings.regression:
            text = text.removesuffix(" · ") if self.epoch else text + "regression: the output is a number"
        else:
            text += f"accuracy train {self.train_accuracy:.0%} test {self.test_accuracy:.0%}"
        dead = self.dead_units()
        if dead:
            total = sum(len(layer) for layer in dead)
            text += f" · dead ReLUs {sum(int(layer.sum()) for layer in dead)} of {total}"
        return text + (" · diverged: lower the learning rate and press Reset" if self.diverged else "")

    def __repr__(self):
        return f"Playground({self.settings_string!r}, epoch={self.epoch})"
