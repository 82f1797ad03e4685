"""Answer keys of notebook 07 · Debugging backprop."""

import numpy as np

from ..activations import sigmoid, sigmoid_derivative
from . import misconceptions as m
from .tutor import Exercise, NotYet

# Exercise 07.1: a non-square Dense(3, 2) layer, so that a transposed weight gradient cannot hide.
_rng = np.random.default_rng(7)
PROBE_X = _rng.normal(size=(5, 3))
PROBE_DZ = _rng.normal(size=(5, 2))


def _dense():
    from ..layers import Dense

    return Dense


def _probe_layer(layer_class):
    layer = layer_class(3, 2, seed=0)
    layer.forward(PROBE_X.copy())
    return layer


class _CalledNnlib(Exception):
    """Raised when the student's backward hands its work to nnlib's Dense.backward."""


def _nnlibs_backward(self, dZ):  # noqa: N803
    raise _CalledNnlib


def _own_backward(layer, dZ):  # noqa: N803
    """The layer's backward on dZ, with nnlib's Dense.backward out of reach while it runs.

    A class that defines no backward, or one that calls super().backward (or Dense.backward) for its
    work, would pass on nnlib's arithmetic, not the student's: both are refused.
    """
    dense = _dense()
    if type(layer).backward is dense.backward:
        raise NotYet("your class has no backward of its own: this is nnlib's Dense.backward; write yours")
    original = dense.backward
    dense.backward = _nnlibs_backward
    try:
        return layer.backward(dZ)
    except _CalledNnlib:
        raise NotYet("your backward calls nnlib's Dense.backward (super().backward) to do the work; "
                     "compute dW, db and dX yourself") from None
    finally:
        dense.backward = original


def backward_results(layer):
    """What a layer's backward gives on the probe batch: dW, db and the returned dX, one flat array.

    The layer (the student's class, made with 3 inputs and 2 outputs) gets the probe's weights first, so
    every seed gives the same numbers. nnlib's own backward, inherited or called, is refused.
    """
    if not hasattr(layer, "backward") or np.shape(getattr(layer, "W", None)) != (2, 3):
        raise NotYet("give a layer made from your class with 3 inputs and 2 outputs, as in the cell above")
    layer.W = _probe_layer(_dense()).W.copy()
    layer.b = np.zeros(2)
    layer.forward(PROBE_X.copy())
    dX = _own_backward(layer, PROBE_DZ.copy())
    if dX is None:
        if np.any(getattr(layer, "dW", 0)):
            raise NotYet("backward sets dW but returns nothing; it must return dX, the error for the layer below")
        raise NotImplementedError   # the stub: not attempted yet
    db = np.asarray(getattr(layer, "db", None))
    if db.shape != layer.b.shape and db.ndim == 2 and db.shape[0] == len(PROBE_X):
        raise NotYet("db has one row per sample: the bias gradient adds up δ over the samples (bug 3)")
    if db.shape != layer.b.shape and db.size == layer.b.size:
        raise NotYet("db has the right numbers but not the shape of b, so the update b -= lr * db would fail: "
                     "one number per output, with no extra axis")
    results = np.concatenate([np.ravel(layer.dW), np.ravel(layer.db), np.ravel(dX)])
    if np.allclose(results, _with()(), rtol=1e-9, atol=1e-12):
        _check_other_sizes(type(layer))
    return results


def _check_other_sizes(layer_class):
    """A backward right on the probe must be right for other sizes too, drawn now: no shape written in."""
    rng = np.random.default_rng()
    n_in, n_out, n = rng.choice(np.arange(6, 12), size=3, replace=False)   # none of the probe's 3, 2 and 5
    try:
        layer = layer_class(int(n_in), int(n_out), seed=int(rng.integers(1000)))
        X, dZ = rng.normal(size=(n, n_in)), rng.normal(size=(n, n_out))  # noqa: N806
        layer.forward(X.copy())
        dX = _own_backward(layer, dZ.copy())
        right = (dZ.T @ X, dZ.sum(axis=0), dZ @ layer.W)
        ok = all(np.shape(got) == np.shape(want) and np.allclose(got, want, rtol=1e-9, atol=1e-12)
                 for got, want in zip((layer.dW, layer.db, dX), right))
    except NotYet:
        raise
    except Exception as error:  # noqa: BLE001 (a student's bug is explained, not turned into a traceback)
        raise NotYet(f"your backward is right for 3 inputs and 2 outputs, but with {n_in} inputs, {n_out} outputs "
                     f"and {n} samples it raised {type(error).__name__}: {error}") from None
    if not ok:
        raise NotYet(f"your backward is right for 3 inputs and 2 outputs, but not with {n_in} inputs, {n_out} "
                     f"outputs and {n} samples: does it assume a size somewhere?")


def _results(dW, db, dX):  # noqa: N803
    return np.concatenate([np.ravel(dW), np.ravel(db), np.ravel(dX)])


def _with(dW=None, db=None, dX=None):  # noqa: N803
    """The probe's results with one part replaced by a mistake."""
    def mistaken():
        from ..layers import Dense

        W = _probe_layer(Dense).W
        right = {"dW": PROBE_DZ.T @ PROBE_X, "db": PROBE_DZ.sum(axis=0), "dX": PROBE_DZ @ W}
        wrong = {k: v for k, v in (("dW", dW), ("db", db), ("dX", dX)) if v is not None}
        parts = {**right, **{k: f(W) for k, f in wrong.items()}}
        return _results(parts["dW"], parts["db"], parts["dX"])
    return mistaken


BATCH = 11   # exercise 07.2: the batch behind a reported relative error of 5/6
REPORTED_ERROR = (BATCH - 1) / (BATCH + 1)
Z_CONFIDENT = -3.0   # exercise 07.3: an output unit that is fairly sure of class 0


EXERCISES = {
    "07.1": Exercise(
        asks="your backward",
        form="a layer made from your class, MyDense(3, 2, seed=0)",
        answer=_with(),
        observe=backward_results,
        misconceptions=(
            m.looks_like("dW transposed", "dW looks transposed: X.T @ dZ is the formula for weights stored as "
                         "(n_in, n_out), the other layout (bug 2)", _with(dW=lambda W: PROBE_X.T @ PROBE_DZ)),
            m.mean_instead_of_sum(answer=_with(db=lambda W: PROBE_DZ.mean(axis=0)),
                                  why="the bias is added to every sample, so its gradient is the sum of δ (bug 3)"),
            m.looks_like("first row", "db holds one sample's δ; the bias gradient adds up all rows (bug 3)",
                         _with(db=lambda W: PROBE_DZ[0])),
            m.looks_like("dX transposed", "dX looks transposed: it needs one row per sample and one column per "
                         "input",
                         _with(dX=lambda W: W.T @ PROBE_DZ.T)),
            m.looks_like("db not set", "db is still all zeros, as the layer started: backward must set self.db too",
                         _with(db=lambda W: np.zeros(2))),
        ),
        hints=("dW has the shape of W, (n_out, n_in), and sums δ xᵀ over the samples; db sums δ over the samples; "
               "dX sends δ back through W.",
               "dW sums δ xᵀ over the samples (one product of dZᵀ and the cached input), db sums δ over the "
               "samples, and the gradient sent back is Wᵀ δ for each sample."),
    ),
    "07.2": Exercise(
        asks="the batch size",
        form="a whole number",
        answer=BATCH,
        misconceptions=(
            m.looks_like("the notebook's batch", "that is the notebook's batch of four, whose error is 3/5; this "
                         "check reports another error", 4),
            m.looks_like("numerator only", "solving for N needs both N − 1 and N + 1: put your N back into "
                         "(N − 1)/(N + 1) and compare with the error reported", 1 / (1 - REPORTED_ERROR)),
            m.looks_like("r/(1 − r)", "put your N back into (N − 1)/(N + 1): it does not give the error reported",
                         REPORTED_ERROR / (1 - REPORTED_ERROR)),
            m.off_by_one("put your N back into (N − 1)/(N + 1) and compare with the error reported"),
        ),
        hints=("With the mean, the analytic gradient a is the true one divided by the batch size N, and the "
               "relative error of such a gradient depends on N alone (bug 3 shows the formula).",
               "Solve (N − 1)/(N + 1) = r for N: multiply out, collect the N terms on one side."),
    ),
    "07.3": Exercise(
        asks="the factor σ'(σ(z)) / σ'(z) at z = −3",
        answer=float(sigmoid_derivative(sigmoid(Z_CONFIDENT)) / sigmoid_derivative(Z_CONFIDENT)),
        misconceptions=(
            m.looks_like("upside down", "that is σ'(z) / σ'(σ(z)): the bug's derivative goes on top, the right "
                         "one below", float(sigmoid_derivative(Z_CONFIDENT)
                                            / sigmoid_derivative(sigmoid(Z_CONFIDENT)))),
            m.looks_like("bug's derivative only", "that is σ'(σ(z)) alone; the factor divides it by the right "
                         "derivative σ'(z)", float(sigmoid_derivative(sigmoid(Z_CONFIDENT)))),
            m.looks_like("right derivative only", "that is σ'(z) alone, the right derivative, not the factor",
                         float(sigmoid_derivative(Z_CONFIDENT))),
            m.looks_like("z = +3", "that is the factor at z = +3: σ(−3) is small, σ(+3) near 1, and σ' is not "
                         "the same at those two points",
                         float(sigmoid_derivative(sigmoid(-Z_CONFIDENT)) / sigmoid_derivative(-Z_CONFIDENT))),
            m.looks_like("σ(σ(z))", "σ(σ(z)) is no derivative: the bug evaluates σ' at the output σ(z)",
                         float(sigmoid(sigmoid(Z_CONFIDENT)) / sigmoid_derivative(Z_CONFIDENT))),
        ),
        hints=("The bug evaluates σ' at the output a = σ(z) instead of at z. Compute both derivatives for this z.",
               "factor = σ'(σ(z)) / σ'(z) with σ'(u) = σ(u)(1 − σ(u)); let numpy (or nnlib's sigmoid_derivative) "
               "compute both, at z = −3."),
    ),
}
