"""The build track in notebook 08: the student's own Dense layer, and their own mini-batch training loop.

08.4 · ``class MyDense`` with ``__init__(self, W, b)``, ``forward(X)`` (Z = X Wᵀ + b, caching what backward
needs), ``backward(dZ)`` (returns ∂L/∂X, keeps ∂L/∂W in ``self.dW`` and ∂L/∂b in ``self.db``) and
``update(lr)``. The check builds the student's layer on weights and batches it makes, runs forward, backward
and update, compares each result, and holds dW, db and dX to a gradient check of Σ Z·dZ.
08.5 · ``my_fit(network, X, Y, lr, epochs, batch_size, seed)``: mini-batch descent on the mean squared error,
shuffled as nnlib's ``fit`` shuffles (one ``rng.permutation`` per epoch from ``np.random.default_rng(seed)``,
batches cut in that order). The check runs it on networks made of the key's layers, then on a network made of
the student's own MyDense layers, which must end where nnlib's ``fit`` ends.
"""

import numpy as np

from ..activations import sigmoid
from ..data import moons
from ..layers import Dense
from ..network import Network, mlp
from ..training import fit
from . import misconceptions as m
from .build import Build, Case
from .tutor import NotYet


class KeyDense:
    """The key's own Dense layer (the notebook's formulas), for the references and the wrong versions below."""

    def __init__(self, W, b, *, dw=lambda dZ, X: dZ.T @ X, db=lambda dZ: dZ.sum(axis=0),  # noqa: N803
                 dx=lambda dZ, W: dZ @ W, bias=True, sign=1.0):
        self.W, self.b = np.array(W, dtype=float), np.array(b, dtype=float)
        self._dw, self._db, self._dx, self._bias, self._sign = dw, db, dx, bias, sign

    def forward(self, X):  # noqa: N803
        self.X = X
        return X @ self.W.T + (self.b if self._bias else 0)

    def backward(self, dZ):  # noqa: N803
        self.dW, self.db = self._dw(dZ, self.X), self._db(dZ)
        return self._dx(dZ, self.W)

    def update(self, lr):
        self.W = self.W - self._sign * lr * self.dW
        self.b = self.b - self._sign * lr * self.db


def wrong(**mistake):
    """A Dense class with one of the usual mistakes, built like the student's: cls(W, b)."""
    return lambda W, b: KeyDense(W, b, **mistake)  # noqa: N803


def run_layer(cls, W, b, X, dZ, lr):  # noqa: N803
    """Build the layer, forward, backward, update; its results in the order of ``outputs``."""
    layer = cls(W.copy(), b.copy())
    Z = layer.forward(X.copy())  # noqa: N806
    if Z is None:   # forward is still ...
        return None
    try:
        dX = layer.backward(dZ.copy())  # noqa: N806
        dW, db = np.array(layer.dW, dtype=float), np.array(layer.db, dtype=float)  # noqa: N806
    except AttributeError as error:
        raise NotYet(f"backward found nothing it needs ({error}): forward must keep its input for backward, and "
                     "backward must keep self.dW and self.db") from None
    try:
        layer.update(lr)
    except ValueError:   # e.g. a db of the wrong shape: the comparison names it, before the update's numbers
        return Z, dX, dW, db, np.full(W.shape, np.nan), np.full(b.shape, np.nan)
    return Z, dX, dW, db, np.array(layer.W, dtype=float), np.array(layer.b, dtype=float)


def layer_cases(rng):
    cases = []
    for n_in, n_out in ((3, 3), (int(rng.integers(2, 6)), int(rng.integers(2, 6)))):
        n = int(rng.integers(2, 9))
        W, b = rng.normal(0, 1, (n_out, n_in)), rng.normal(0, 1, n_out)  # noqa: N806
        X, dZ = rng.normal(0, 1, (n, n_in)), rng.normal(0, 1, (n, n_out))  # noqa: N806
        cases.append(Case(f"W of shape {W.shape}, X of shape {X.shape}", (W, b, X, dZ, float(rng.uniform(0.1, 1)))))
    return cases


def linear_objective(case):
    """L = Σ Z·dZ has ∂L/∂Z = dZ, so its gradients are the layer's dX, dW and db, in the order of ``outputs``."""
    W, b, X, dZ, _ = case.args  # noqa: N806

    def loss(theta):
        return float(np.sum((theta[0] @ theta[1].T + theta[2]) * dZ))
    return loss, {"dX": X, "dW": W, "db": b}


LAYER = Build(
    asks="your Dense layer",
    form="a class MyDense(W, b) with forward, backward and update",
    outputs=("Z", "dX", "dW", "db", "W after update", "b after update"),
    reference=KeyDense,
    harness=run_layer,
    cases=layer_cases,
    loss=linear_objective,
    source='''import numpy as np


class MyDense:
    def __init__(self, W, b):
        self.W, self.b = W.copy(), b.copy()

    def forward(self, X):
        self.X = X                      # cached: dL/dW needs the input
        return X @ self.W.T + self.b

    def backward(self, dZ):
        self.dW = dZ.T @ self.X         # sums delta x^T over the batch
        self.db = dZ.sum(axis=0)        # the bias sees a constant input 1
        return dZ @ self.W              # W^T delta, for every sample

    def update(self, lr):
        self.W = self.W - lr * self.dW
        self.b = self.b - lr * self.db
''',
    forbidden=(Dense,),
    rtol=1e-9, atol=1e-12,
    misconceptions=(
        m.looks_like("transposed", "this looks like the transpose of the right matrix: dW = dZᵀ X has one row per "
                     "unit and one column per input, like W", wrong(dw=lambda dZ, X: X.T @ dZ)),
        m.looks_like("bias over the wrong axis", "the bias gradient sums dZ over the samples (axis 0), one entry per "
                     "unit", wrong(db=lambda dZ: dZ.sum(axis=1))),
        m.looks_like("mean over the batch", "the 1/N of the mean loss is already inside dZ: dW and db are sums over "
                     "the batch", wrong(dw=lambda dZ, X: dZ.T @ X / len(X), db=lambda dZ: dZ.mean(axis=0))),
        m.looks_like("dX with Wᵀ", "dX = dZ W: row i is (Wᵀ δ_i)ᵀ = δ_iᵀ W", wrong(dx=lambda dZ, W: dZ @ W.T)),
        m.looks_like("no bias", "the bias seems to be missing from Z = X Wᵀ + b", wrong(bias=False)),
        m.looks_like("uphill", "update subtracts lr times the gradient", wrong(sign=-1.0)),
        m.looks_like("dX is dZ", "backward must send back ∂L/∂X, made from dZ and W, not dZ itself",
                     wrong(dx=lambda dZ, W: dZ)),
    ),
    hints=("forward must remember its input; backward uses it for dW and returns what the layer below needs.",
           "Z = X Wᵀ + b; dW = δᵀ X, db = δ summed over the samples, dX = δ W (section 1's table).",
           "forward: self.X = X; return X @ self.W.T + self.b. backward: self.dW = dZ.T @ self.X; "
           "self.db = dZ.sum(axis=0); return dZ @ self.W. update: self.W -= lr * self.dW (and b likewise)."),
)


# -- 08.5, the mini-batch loop ---------------------------------------------------------------------------

class KeySigmoid:
    def forward(self, Z):  # noqa: N803
        self.A = sigmoid(Z)
        return self.A

    def backward(self, dA):  # noqa: N803
        return dA * self.A * (1 - self.A)

    def update(self, lr):
        pass


class KeyNetwork:
    """A network is a list of layers: forward in order, backward in reverse, update each (notebook 08, section 3)."""

    def __init__(self, layers):
        self.layers = layers

    def forward(self, X):  # noqa: N803
        for layer in self.layers:
            X = layer.forward(X)  # noqa: N806
        return X

    def backward(self, dY):  # noqa: N803
        for layer in reversed(self.layers):
            dY = layer.backward(dY)  # noqa: N806
        return dY

    def update(self, lr):
        for layer in self.layers:
            layer.update(lr)

    def parameters(self):
        return [np.array(p, dtype=float) for layer in self.layers if hasattr(layer, "W") for p in (layer.W, layer.b)]


def reference_fit(network, X, Y, lr, epochs, batch_size, seed, *, shuffle="each epoch", scale="batch",  # noqa: N803
                  last=True, sign=1.0):
    """Mini-batch descent on the mean squared error, shuffled as nnlib's fit; the keywords make the usual slips."""
    rng = np.random.default_rng(seed)
    n = len(X)
    order = rng.permutation(n) if shuffle == "once" else np.arange(n)
    for _ in range(epochs):
        if shuffle == "each epoch":
            order = rng.permutation(n)
        stop = n if last else n - n % batch_size
        for start in range(0, stop, batch_size):
            batch = order[start:start + batch_size]
            out = network.forward(X[batch])
            size = {"batch": out.size, "all": len(X) * out.shape[1], "none": 1}[scale]
            network.backward(2 * (out - Y[batch]) / size)
            network.update(sign * lr)
    return network


def run_fit(fit_fn, parameters, X, Y, lr, epochs, batch_size, seed, layer=KeyDense):  # noqa: N803
    W1, b1, W2, b2 = parameters  # noqa: N806
    network = KeyNetwork([layer(W1.copy(), b1.copy()), KeySigmoid(), layer(W2.copy(), b2.copy()), KeySigmoid()])
    returned = fit_fn(network, X.copy(), Y.copy(), lr, epochs, batch_size, seed)
    trained = network.parameters()
    if returned is None and all(np.array_equal(p, q) for p, q in zip(trained, parameters)):
        return None   # a loop that is still ... (it returns nothing and trains nothing)
    return trained


def fit_cases(rng):
    cases = []
    for _ in range(2):
        n_in, n_hidden, n = int(rng.integers(2, 5)), int(rng.integers(2, 6)), int(rng.integers(7, 30))
        batch_size = int(rng.integers(2, n // 2 + 1))
        while n % batch_size == 0:   # a smaller last batch, so that dropping it shows
            batch_size = int(rng.integers(2, n))
        parameters = [rng.normal(0, 1, (n_hidden, n_in)), rng.normal(0, 1, n_hidden), rng.normal(0, 1, (1, n_hidden)),
                      rng.normal(0, 1, 1)]
        X, Y = rng.normal(0, 1, (n, n_in)), rng.integers(0, 2, (n, 1)).astype(float)  # noqa: N806
        lr, epochs, seed = float(rng.uniform(0.1, 1.0)), int(rng.integers(2, 8)), int(rng.integers(0, 10**6))
        cases.append(Case(f"{n} samples, batch_size {batch_size}, {epochs} epochs, seed {seed}",
                          (parameters, X, Y, lr, epochs, batch_size, seed)))
    return cases


def trains_like_nnlib(my_fit, context):
    """A network of the student's own MyDense layers, trained by their loop, ends where nnlib's fit ends."""
    layer = context["layer"]
    said = LAYER.judge("08.4", layer, {}) if callable(layer) else "not attempted"
    if not said.startswith("correct"):
        return "your loop is right; to train a network of your own layers with it, MyDense must be right too: " \
               "check(\"08.4\", MyDense) says what is missing"
    X, y = moons(100, noise=0.1, seed=0)  # noqa: N806
    net = mlp([2, 8, 1], hidden="sigmoid", output="sigmoid", seed=0)
    start = net.get_parameters()
    net.fit(X, y, epochs=20, lr=0.5, loss="mse", batch_size=16, seed=3)
    with np.errstate(all="ignore"):
        mine = run_fit(my_fit, start, X, y[:, None], 0.5, 20, 16, 3, layer=layer)
    if not all(np.allclose(p, q, rtol=1e-8, atol=1e-10) for p, q in zip(mine, net.get_parameters())):
        return "your loop and your layer are each right, yet together they do not end where nnlib's fit ends"
    return None


def _loop(**slip):
    def my_fit(network, X, Y, lr, epochs, batch_size, seed):  # noqa: N803
        return reference_fit(network, X, Y, lr, epochs, batch_size, seed, **slip)
    return my_fit


LOOP = Build(
    asks="your mini-batch loop",
    form="a function my_fit(network, X, Y, lr, epochs, batch_size, seed)",
    outputs=("W1", "b1", "W2", "b2"),
    reference=reference_fit,
    harness=run_fit,
    cases=fit_cases,
    needs=("layer",),
    after=trains_like_nnlib,
    done=", and a network of your own layers trained by it ends where nnlib's fit ends",
    source='''import numpy as np


def my_fit(network, X, Y, lr, epochs, batch_size, seed):
    rng = np.random.default_rng(seed)
    for epoch in range(epochs):
        order = rng.permutation(len(X))            # a new order every epoch
        for start in range(0, len(X), batch_size):
            batch = order[start:start + batch_size]
            out = network.forward(X[batch])
            network.backward(2 * (out - Y[batch]) / out.size)   # the mean squared error of this batch
            network.update(lr)
''',
    forbidden=(fit, Network.fit),
    rtol=1e-9, atol=1e-12,
    misconceptions=(
        m.looks_like("not shuffled", "the batches must be drawn in a new random order every epoch: "
                     "rng.permutation at the start of each", _loop(shuffle="never")),
        m.looks_like("the same order every epoch", "every epoch seems to use the same order: make the generator "
                     "once, before the epochs, and draw a new permutation from it at the start of each epoch",
                     _loop(shuffle="once")),
        m.looks_like("last batch dropped", "the last, smaller batch is a step too: every sample is used once "
                     "per epoch", _loop(last=False)),
        m.looks_like("mean over all samples", "each step is the gradient of this batch's mean loss: divide by the "
                     "batch's size, not the whole data's", _loop(scale="all")),
        m.looks_like("sum, not mean", "the mean squared error divides by the number of entries in the batch",
                     _loop(scale="none")),
        m.looks_like("uphill", "update(lr) already subtracts; pass it the learning rate as it is", _loop(sign=-1.0)),
    ),
    hints=("One epoch: a new order of the samples, then one step (forward, backward, update) per batch of that "
           "order.",
           "rng = np.random.default_rng(seed) once; each epoch order = rng.permutation(len(X)); batches are "
           "order[start:start + batch_size]; the loss gradient is 2(out − Y)/out.size for the batch.",
           "for epoch in range(epochs): order = rng.permutation(len(X)); for start in range(0, len(X), batch_size): "
           "batch = order[start:start + batch_size]; out = network.forward(X[batch]); "
           "network.backward(2 * (out - Y[batch]) / out.size); network.update(lr)."),
)
