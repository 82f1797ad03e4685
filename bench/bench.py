"""How fast is nnlib? ``Network.fit`` against the fastest numpy loop we could write.

Run with ``make bench`` (or ``.venv/bin/python bench/bench.py``). Two tasks:

- XOR on a 2-4-1 network, sigmoid hidden and output layers, MSE, full batch,
  10 000 epochs: tiny arrays, so the time goes into Python and numpy call
  overhead, which is where a library's layers and checks could cost;
- a 2-64-64-1 network, tanh hidden layers and a sigmoid output, MSE, full batch,
  on 10 000 generated 2-D points (inside or outside a circle), 200 epochs: large
  arrays, so the time goes into matrix products, tanh and memory.

Four implementations train the same network from the same start:

- the lean loop (``LeanXOR``, ``LeanDeep``), the baseline: as fast as numpy
  allows, as far as we know. The bias is folded into the weights through a
  constant-one input row, the data are laid out as (features, samples), every
  buffer is allocated once, outside the timed part, every ufunc writes in place
  through a positional ``out`` argument and gets its constants as 0-d arrays (a
  Python float costs a conversion on every call, a keyword argument a parse), and
  the small products are ``np.dot``. It uses nnlib's sigmoid formula, so the
  ratios measure overhead, not a different formula;
- nnlib's operations inlined (``inlined_xor``, ``inlined_deep``): exactly the
  numpy calls that ``Network.fit`` makes (bias as a separate vector, fresh arrays,
  the gradient of the inputs that the first layer returns), written out without
  objects. It ends on nnlib's parameters bit for bit, and it splits nnlib's gap:
  inlined / lean is the cost of nnlib's formulation, nnlib / inlined the cost of
  its objects and method calls;
- ``Network.fit`` itself, with loss="mse" and the default optimiser "sgd";
- a per-sample loop in the style of the seed notebooks (one sample at a time as
  a column vector, an update after each): stochastic rather than full-batch
  descent, so only its speed compares; it runs fewer epochs (one on the large task).

The script checks that nnlib and the lean loop end on the same parameters and
losses at every epoch to 1e-10 (their sums run in a different order, so they
differ in the last bits), and stops with an error if not. It also times three
other settings of ``fit`` in the same rounds: loss="bce" (fused with the sigmoid
output and computed from the logits), optimiser="momentum" and optimiser="adam".

Timing: training runs in blocks of a few epochs, and every round runs one block
of each implementation in turn (in a new random order each round), so a
burst of load from other programs hits all of them alike. The clock is the CPU
time of this thread (``time.thread_time``): time spent waiting for a core while
other programs run is not counted, the work of the kernel for this thread (such
as clearing new pages for fresh arrays) is. BLAS runs on one thread, in this
thread. The time per epoch is the best block's; the median shows the spread, and
each ratio is also given per round (median and the range of the middle 80 %).

For the large task the bench then times, one at a time, the operations where nnlib and
the lean loop differ, and sorts the gap by the choice of nnlib it comes from (samples as
rows, the bias as its own vector, fresh arrays, the unused ∂L/∂X of the first layer).

The last column counts the new pages of memory the kernel had to clear for each
epoch (minor page faults): a fresh array of 10 000 × 64 values is 5 MB, and when
the allocator has just given such memory back to the kernel, the next fresh
array costs about as much as a pass of tanh over it. How often that happens
depends on which arrays are alive at each moment, so two loops with the same
operations (nnlib and its operations inlined) can differ here.
"""

import os

# One BLAS thread for every implementation: timings on a shared machine are far
# steadier, the comparison stays fair, and the BLAS work is done in the thread whose
# CPU time is measured. Must be set before numpy is imported.
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
os.environ.setdefault("OMP_NUM_THREADS", "1")

import resource  # noqa: E402
import time  # noqa: E402

import numpy as np  # noqa: E402

import nnlib  # noqa: E402
from nnlib.activations import sigmoid, sigmoid_derivative, tanh_derivative  # noqa: E402

TOLERANCE = 1e-10


# -- the lean loops: as fast as numpy allows -------------------------------------------
def fold_bias(W, b):
    """[W | b]: the bias as the weight of a constant input 1."""
    return np.hstack([W, b[:, None]])


def with_ones_row(A):
    """A (features, samples) with a last row of ones: the constant input the folded bias multiplies."""
    return np.vstack([A, np.ones((1, A.shape[1]))])


class LeanXOR:
    """Full-batch gradient descent on MSE for a 2-h-1 network, sigmoid everywhere, as lean as numpy allows.

    Built once from nnlib's parameters [W1, b1, W2, b2] and data (X rows, y a
    column); ``train(epochs, lr)`` returns the loss of every epoch (before its
    update, like ``History.loss``); ``parameters()`` unfolds [W1, b1, W2, b2].
    """

    def __init__(self, params, X, y):
        W1, b1, W2, b2 = params
        h, n = W1.shape[0], X.shape[0]
        self.W1b, self.W2b = fold_bias(W1, b1), fold_bias(W2, b2)  # (h, 3) and (1, h + 1)
        self.Xa = with_ones_row(X.T)  # (3, n)
        self.Y = np.ascontiguousarray(y.T)  # (1, n)
        self.A1a = np.ones((h + 1, n))  # the hidden layer's output, and a last row of ones for the next bias
        self.Z1, self.T1, self.dA1 = np.empty((h, n)), np.empty((h, n)), np.empty((h, n))
        self.Z2, self.P, self.D, self.G = (np.empty((1, n)) for _ in range(4))
        self.dW1b, self.dW2b = np.empty_like(self.W1b), np.empty_like(self.W2b)

    def train(self, epochs, lr):
        W1b, W2b, Xa, Y, A1a = self.W1b, self.W2b, self.Xa, self.Y, self.A1a
        Z1, T1, dA1, Z2, P, D, G, dW1b, dW2b = (self.Z1, self.T1, self.dA1, self.Z2, self.P, self.D, self.G,
                                               self.dW1b, self.dW2b)
        h, n = Z1.shape
        A1, XaT, A1aT = A1a[:h], Xa.T, A1a.T  # views, made once
        W2T = W2b[:, :h].T  # W2 without its bias column, transposed (a view: it follows the updates)
        d = D.reshape(-1)
        zero, one = np.zeros(()), np.ones(())
        step = np.array(lr * 2.0 / n)  # the 2/N of the MSE gradient, folded into the step
        neg, logaddexp, exp, dot, sub, mul = np.negative, np.logaddexp, np.exp, np.dot, np.subtract, np.multiply
        losses = np.empty(epochs)
        for epoch in range(epochs):
            dot(W1b, Xa, Z1)
            neg(Z1, Z1)  # σ(z) = exp(−log(1 + e^(−z))), nnlib's formula, step by step in place
            logaddexp(zero, Z1, Z1)
            neg(Z1, Z1)
            exp(Z1, A1)
            dot(W2b, A1a, Z2)
            neg(Z2, Z2)
            logaddexp(zero, Z2, Z2)
            neg(Z2, Z2)
            exp(Z2, P)
            sub(P, Y, D)
            losses[epoch] = dot(d, d) / n
            sub(one, P, G)  # ∂L/∂z2 · N/2 = (p − y) p (1 − p)
            mul(G, P, G)
            mul(G, D, G)
            dot(G, A1aT, dW2b)
            dot(W2T, G, dA1)  # with W2 before its update
            sub(one, A1, T1)  # ∂L/∂z1 · N/2 = W2ᵀ(∂L/∂z2 · N/2) a1 (1 − a1)
            mul(T1, A1, T1)
            mul(dA1, T1, dA1)
            dot(dA1, XaT, dW1b)
            mul(dW2b, step, dW2b)  # W ← W − lr (2/N) (∂L/∂W · N/2)
            sub(W2b, dW2b, W2b)
            mul(dW1b, step, dW1b)
            sub(W1b, dW1b, W1b)
        return losses

    def parameters(self):
        return [self.W1b[:, :-1], self.W1b[:, -1], self.W2b[:, :-1], self.W2b[:, -1]]


class LeanDeep:
    """The same for a 2-h-h-1 network: tanh hidden layers, sigmoid output."""

    def __init__(self, params, X, y):
        W1, b1, W2, b2, W3, b3 = params
        h1, h2, n = W1.shape[0], W2.shape[0], X.shape[0]
        self.W1b, self.W2b, self.W3b = fold_bias(W1, b1), fold_bias(W2, b2), fold_bias(W3, b3)
        self.Xa = with_ones_row(X.T)
        self.Y = np.ascontiguousarray(y.T)
        self.A1a, self.A2a = np.ones((h1 + 1, n)), np.ones((h2 + 1, n))
        self.T1, self.dA1 = np.empty((h1, n)), np.empty((h1, n))
        self.T2, self.dA2 = np.empty((h2, n)), np.empty((h2, n))
        self.Z3, self.P, self.D, self.G = (np.empty((1, n)) for _ in range(4))
        self.dW1b, self.dW2b, self.dW3b = (np.empty_like(W) for W in (self.W1b, self.W2b, self.W3b))

    def train(self, epochs, lr):
        W1b, W2b, W3b, Xa, Y, A1a, A2a = self.W1b, self.W2b, self.W3b, self.Xa, self.Y, self.A1a, self.A2a
        T1, dA1, T2, dA2, Z3, P, D, G = self.T1, self.dA1, self.T2, self.dA2, self.Z3, self.P, self.D, self.G
        dW1b, dW2b, dW3b = self.dW1b, self.dW2b, self.dW3b
        (h1, n), h2 = T1.shape, T2.shape[0]
        A1, A2, XaT, A1aT, A2aT = A1a[:h1], A2a[:h2], Xa.T, A1a.T, A2a.T
        W2T, W3T = W2b[:, :h1].T, W3b[:, :h2].T
        d = D.reshape(-1)
        zero, one = np.zeros(()), np.ones(())
        step = np.array(lr * 2.0 / n)
        neg, logaddexp, exp, tanh = np.negative, np.logaddexp, np.exp, np.tanh
        dot, sub, mul = np.dot, np.subtract, np.multiply
        losses = np.empty(epochs)
        for epoch in range(epochs):
            dot(W1b, Xa, A1)  # z1, then tanh over it in place
            tanh(A1, A1)
            dot(W2b, A1a, A2)
            tanh(A2, A2)
            dot(W3b, A2a, Z3)
            neg(Z3, Z3)
            logaddexp(zero, Z3, Z3)
            neg(Z3, Z3)
            exp(Z3, P)
            sub(P, Y, D)
            losses[epoch] = dot(d, d) / n
            sub(one, P, G)
            mul(G, P, G)
            mul(G, D, G)
            # Each layer's weight gradient right after its δ, while the arrays are in cache.
            dot(G, A2aT, dW3b)
            dot(W3T, G, dA2)
            mul(A2, A2, T2)  # · tanh' = 1 − a²
            sub(one, T2, T2)
            mul(dA2, T2, dA2)
            dot(dA2, A1aT, dW2b)
            dot(W2T, dA2, dA1)
            mul(A1, A1, T1)
            sub(one, T1, T1)
            mul(dA1, T1, dA1)
            dot(dA1, XaT, dW1b)
            mul(dW3b, step, dW3b)
            sub(W3b, dW3b, W3b)
            mul(dW2b, step, dW2b)
            sub(W2b, dW2b, W2b)
            mul(dW1b, step, dW1b)
            sub(W1b, dW1b, W1b)
        return losses

    def parameters(self):
        return [p for Wb in (self.W1b, self.W2b, self.W3b) for p in (Wb[:, :-1], Wb[:, -1])]


# -- nnlib's operations, inlined ----------------------------------------------------------
# The numpy calls of Dense, ActivationLayer, the MSE and the SGD update, in nnlib's
# order, without objects: the same numbers as Network.fit, bit for bit.
def dense_forward(X, W, b):
    Z = np.dot(X, W.T)
    Z += b
    return Z


def mse_value_and_gradient(p, y):
    d = p - y
    return float(np.vdot(d, d)) / d.size, (2.0 / d.size) * d


def inlined_xor(params, X, y, epochs, lr):
    """``params`` = [W1, b1, W2, b2] is updated in place; returns the loss of every epoch."""
    W1, b1, W2, b2 = params
    losses = np.empty(epochs)
    for epoch in range(epochs):
        Z1 = dense_forward(X, W1, b1)
        A1 = sigmoid(Z1)
        Z2 = dense_forward(A1, W2, b2)
        P = sigmoid(Z2)
        losses[epoch], dP = mse_value_and_gradient(P, y)
        dZ2 = dP * sigmoid_derivative(Z2, P)
        dW2, db2, dA1 = np.dot(dZ2.T, A1), dZ2.sum(axis=0), np.dot(dZ2, W2)
        dZ1 = dA1 * sigmoid_derivative(Z1, A1)
        dW1, db1, _ = np.dot(dZ1.T, X), dZ1.sum(axis=0), np.dot(dZ1, W1)  # nnlib returns ∂L/∂X too
        W1 -= lr * dW1
        b1 -= lr * db1
        W2 -= lr * dW2
        b2 -= lr * db2
    return losses


def inlined_deep(params, X, y, epochs, lr):
    """The same for a 2-h-h-1 network: tanh hidden layers, sigmoid output."""
    W1, b1, W2, b2, W3, b3 = params
    losses = np.empty(epochs)
    for epoch in range(epochs):
        Z1 = dense_forward(X, W1, b1)
        A1 = np.tanh(Z1)
        Z2 = dense_forward(A1, W2, b2)
        A2 = np.tanh(Z2)
        Z3 = dense_forward(A2, W3, b3)
        P = sigmoid(Z3)
        losses[epoch], dP = mse_value_and_gradient(P, y)
        dZ3 = dP * sigmoid_derivative(Z3, P)
        dW3, db3, dA2 = np.dot(dZ3.T, A2), dZ3.sum(axis=0), np.dot(dZ3, W3)
        dZ2 = dA2 * tanh_derivative(Z2, A2)
        dW2, db2, dA1 = np.dot(dZ2.T, A1), dZ2.sum(axis=0), np.dot(dZ2, W2)
        dZ1 = dA1 * tanh_derivative(Z1, A1)
        dW1, db1, _ = np.dot(dZ1.T, X), dZ1.sum(axis=0), np.dot(dZ1, W1)
        for W, dW, b, db in ((W1, dW1, b1, db1), (W2, dW2, b2, db2), (W3, dW3, b3, db3)):
            W -= lr * dW
            b -= lr * db
    return losses


# -- where the large task's gap goes ---------------------------------------------------
def gap_operations(task):
    """The operations of one epoch of the large task where nnlib's formulation and the lean loop's differ.

    Each entry is (what, which of nnlib's choices it comes from, how many per epoch, nnlib's
    operation, the lean loop's or None),
    on the arrays of the task after one forward and backward pass. Matrix products,
    tanh and memory dominate at this size, so the costs of separate operations add up
    (on XOR they do not: there the time is call overhead, see the "inlined" row).
    """
    X, y = task["X"], task["y"]
    W1, b1, W2, b2, W3, b3 = task["make"]().get_parameters()
    Z1 = dense_forward(X, W1, b1)
    A1 = np.tanh(Z1)
    Z2 = dense_forward(A1, W2, b2)
    A2 = np.tanh(Z2)
    dZ2 = A2 * 0.01  # any array of the right shape: products and passes cost the same whatever the values
    dA1 = np.dot(dZ2, W2)
    dZ1 = dA1 * tanh_derivative(Z1, A1)
    lean = LeanDeep([W1, b1, W2, b2, W3, b3], X, y)
    lean.A1a[:-1] = A1.T
    A1a, dA2T, dA1T, T1 = lean.A1a, np.ascontiguousarray(dZ2.T), np.ascontiguousarray(dZ1.T), lean.T1
    one = np.ones(())
    W2T = lean.W2b[:, :-1].T
    return [
        ("layer 1's product: X W1ᵀ / [W1|b1][Xᵀ;1]", "layout", 1, lambda: np.dot(X, W1.T),
         lambda: np.dot(lean.W1b, lean.Xa, T1)),
        ("layer 2's product: A1 W2ᵀ / [W2|b2][A1ᵀ;1]", "layout", 1, lambda: np.dot(A1, W2.T),
         lambda: np.dot(lean.W2b, A1a, T1)),
        ("+ b, layers 1 and 2 (lean: in the product)", "bias", 2, lambda: Z2.__iadd__(b2), None),
        ("tanh, layers 1 and 2 (lean: in place)", "fresh arrays", 2, lambda: np.tanh(Z2), lambda: np.tanh(T1, T1)),
        ("∂L/∂A · tanh', layers 1 and 2", "fresh arrays", 2, lambda: dA1 * tanh_derivative(Z1, A1),
         lambda: (np.multiply(A1a[:-1], A1a[:-1], T1), np.subtract(one, T1, T1), np.multiply(dA1T, T1, T1))),
        ("∂L/∂W2 = δ2ᵀ A1 / δ2 [A1ᵀ;1]ᵀ", "layout", 1, lambda: np.dot(dZ2.T, A1), lambda: np.dot(dA2T, A1a.T)),
        ("∂L/∂W1 = δ1ᵀ X / δ1 [Xᵀ;1]ᵀ", "layout", 1, lambda: np.dot(dZ1.T, X), lambda: np.dot(dA1T, lean.Xa.T)),
        ("∂L/∂b, layers 1 and 2 (lean: in ∂L/∂W)", "bias", 2, lambda: dZ2.sum(axis=0), None),
        ("∂L/∂A1 = δ2 W2 / W2ᵀ δ2", "layout", 1, lambda: np.dot(dZ2, W2), lambda: np.dot(W2T, dA2T, T1)),
        ("∂L/∂X of layer 1 (nobody uses it)", "unused ∂L/∂X", 1, lambda: np.dot(dZ1, W1), None),
    ]


def best_time(operation, repeats=10, rounds=7):
    """The best of ``rounds`` timings of ``repeats`` calls, in CPU seconds per call."""
    operation()
    times = []
    for _ in range(rounds):
        start = time.thread_time()
        for _ in range(repeats):
            operation()
        times.append((time.thread_time() - start) / repeats)
    return min(times)


def report_gap(task, result):
    """Time the operations that differ, and compare their sum with the measured gap of a whole epoch."""
    best = {label: min(times) for label, times in result["seconds"].items()}
    measured = best["nnlib"] - best["lean"]
    print(f"  where the gap of {measured * 1e3:.1f} ms per epoch goes: the operations that differ, timed alone "
          "(ms per epoch)")
    print(f"    {'operation':<48}{'nnlib':>8}{'lean':>8}{'gap':>8}")
    by_choice = {}
    for what, choice, count, ours, theirs in gap_operations(task):
        ours_ms = count * best_time(ours) * 1e3
        theirs_ms = 0.0 if theirs is None else count * best_time(theirs) * 1e3
        by_choice[choice] = by_choice.get(choice, 0.0) + ours_ms - theirs_ms
        print(f"    {what:<48}{ours_ms:>8.2f}{theirs_ms:>8.2f}{ours_ms - theirs_ms:>8.2f}")
    together = sum(by_choice.values())
    if together <= measured:
        print(f"    together {together:.1f} ms of the {measured * 1e3:.1f} ms (the rest: the output layer, the loss, "
              "the updates, the objects, the allocator)")
    else:  # timed alone, an operation finds colder caches and freshly freed memory: read them as proportions
        print(f"    together {together:.1f} ms, more than the whole epoch's gap of {measured * 1e3:.1f} ms: inside an "
              "epoch caches stay warm and freed memory is reused, so read these as proportions")
    allowed = (task["goal"] - 1.0) * best["lean"] * 1e3
    print(f"  by nnlib's choice, in ms per epoch (the goal ≤ {task['goal']} leaves {allowed:.1f} ms for all of them): "
          + ", ".join(f"{choice} {ms:.2f}" for choice, ms in by_choice.items()))


# -- a per-sample loop, in the style of the seed notebooks --------------------------
def per_sample_fit(params, X, y, epochs, lr, hidden):
    """Online gradient descent: one sample at a time, as column vectors, an update after each."""
    Ws, bs = params[0::2], params[1::2]
    act = sigmoid if hidden == "sigmoid" else np.tanh
    for _ in range(epochs):
        for x, t in zip(X, y):
            a = [x.reshape(-1, 1)]
            for i, (W, b) in enumerate(zip(Ws, bs)):
                z = W @ a[-1] + b.reshape(-1, 1)
                a.append(sigmoid(z) if i == len(Ws) - 1 else act(z))
            delta = 2.0 * (a[-1] - t.reshape(-1, 1)) * a[-1] * (1.0 - a[-1])
            for i in range(len(Ws) - 1, -1, -1):
                dW = delta @ a[i].T
                db = delta[:, 0]
                if i > 0:
                    d = Ws[i].T @ delta
                    delta = d * a[i] * (1.0 - a[i]) if hidden == "sigmoid" else d * (1.0 - a[i] ** 2)
                Ws[i] -= lr * dW
                bs[i] -= lr * db


# -- the tasks ------------------------------------------------------------------------
def xor_task():
    X, y = nnlib.logic_gate("xor")
    make = lambda: nnlib.mlp([2, 4, 1], hidden="sigmoid", output="sigmoid", seed=0, init_scale=1.0)  # noqa: E731
    return {"name": "XOR: 2-4-1, sigmoid hidden and output, MSE, full batch", "goal": 1.5,
            "X": X, "y": y.reshape(-1, 1), "make": make, "lean": LeanXOR, "inlined": inlined_xor,
            "hidden": "sigmoid", "lr": 2.0, "blocks": 100, "block_epochs": 100, "per_sample_epochs": 500}


def circle_task():
    rng = np.random.default_rng(0)
    X = rng.uniform(-1.0, 1.0, size=(10_000, 2))
    y = (np.sum(X**2, axis=1) < 0.5).astype(float)  # inside a circle (about 39 % of the points) or not
    make = lambda: nnlib.mlp([2, 64, 64, 1], hidden="tanh", output="sigmoid", seed=0)  # noqa: E731
    return {"name": "circle: 2-64-64-1, tanh hidden, sigmoid output, MSE, full batch, 10 000 points", "goal": 1.05,
            "X": X, "y": y.reshape(-1, 1), "make": make, "lean": LeanDeep, "inlined": inlined_deep,
            "hidden": "tanh", "lr": 0.5, "blocks": 40, "block_epochs": 5, "per_sample_epochs": 1}


def timed(run):
    """Run ``run()``; returns (CPU seconds of this thread, new pages the kernel gave it, run's result)."""
    pages = resource.getrusage(resource.RUSAGE_THREAD).ru_minflt
    start = time.thread_time()
    result = run()
    seconds = time.thread_time() - start
    return seconds, resource.getrusage(resource.RUSAGE_THREAD).ru_minflt - pages, result


MAIN = ("lean", "inlined", "nnlib")  # the rows whose results are compared
OTHER_SETTINGS = {"nnlib, loss=\"bce\" (fused with the sigmoid)": {"loss": "bce"},
                  "nnlib, optimiser=\"momentum\"": {"optimiser": "momentum"},
                  "nnlib, optimiser=\"adam\"": {"optimiser": "adam"}}


def bench(task):
    """Every implementation trains block by block, one block each per round; returns times and agreement.

    Full-batch training is deterministic, so ``blocks`` blocks of ``block_epochs``
    epochs are one run of blocks × block_epochs epochs: the final parameters and
    the whole loss history are compared at the end.
    """
    X, y, lr, k = (task[key] for key in ("X", "y", "lr", "block_epochs"))
    net = task["make"]()
    start = net.get_parameters()
    lean = task["lean"](start, X, y)  # its buffers are made here, outside the timed blocks
    inlined_params = [p.copy() for p in start]
    others = {}
    for label, settings in OTHER_SETTINGS.items():
        other, loss = task["make"](), settings.get("loss", "mse")
        optimiser = nnlib.optimisers.get_optimiser(settings.get("optimiser", "sgd"))  # its state lasts all blocks
        others[label] = (lambda other=other, optimiser=optimiser, loss=loss:
                         other.fit(X, y, epochs=k, lr=lr, loss=loss, optimiser=optimiser).loss)
    runs = {"lean": lambda: lean.train(k, lr),
            "inlined": lambda: task["inlined"](inlined_params, X, y, k, lr),
            "nnlib": lambda: net.fit(X, y, epochs=k, lr=lr, loss="mse").loss,
            **others}
    seconds = {label: [] for label in runs}
    pages = {label: [] for label in runs}
    losses = {label: [] for label in MAIN}
    shuffle = np.random.default_rng(0)
    for _ in range(task["blocks"]):
        # A new order every round, so no implementation always runs right after the same one (a loop
        # that has just freed large arrays leaves the next one to ask the kernel for new pages).
        for label in shuffle.permutation(list(runs)):
            t, p, result = timed(runs[label])
            seconds[label].append(t / k)
            pages[label].append(p / k)
            if label in losses:
                losses[label].append(result)
    per_sample_epochs = task["per_sample_epochs"]
    seconds["per-sample"] = [timed(lambda: per_sample_fit([p.copy() for p in start], X, y, per_sample_epochs, lr,
                                                          task["hidden"]))[0] / per_sample_epochs for _ in range(2)]
    losses = {label: np.concatenate(blocks) for label, blocks in losses.items()}
    final = {"lean": lean.parameters(), "inlined": inlined_params, "nnlib": net.get_parameters()}

    def differences(a, b):
        return (max(float(np.max(np.abs(p - q))) for p, q in zip(final[a], final[b])),
                float(np.max(np.abs(losses[a] - losses[b]))))

    return {"seconds": seconds, "pages": pages, "final_loss": float(losses["nnlib"][-1]),
            "lean_vs_nnlib": differences("lean", "nnlib"), "inlined_vs_nnlib": differences("inlined", "nnlib")}


def ratio_spread(seconds, label, reference):
    """label / reference in each round: (median, 10th and 90th percentile)."""
    ratios = np.array(seconds[label]) / np.array(seconds[reference])
    return np.median(ratios), np.percentile(ratios, 10), np.percentile(ratios, 90)


def report(task, result):
    seconds, pages = result["seconds"], result["pages"]
    best = {label: min(times) for label, times in seconds.items()}
    lean = best["lean"]
    rows = [("lean numpy loop (the baseline)", "lean"),
            ("nnlib's operations, inlined", "inlined"),
            ("nnlib Network.fit", "nnlib"),
            (f"per-sample loop, seed style ({task['per_sample_epochs']} ep.)", "per-sample"),
            *((label, label) for label in OTHER_SETTINGS)]
    print(f"\n{task['name']}")
    print(f"{task['blocks'] * task['block_epochs']} epochs in {task['blocks']} rounds of {task['block_epochs']}; "
          "µs of CPU per epoch: best block (median)")
    print(f"  {'implementation':<44}{'µs/epoch':>11}{'(median)':>11}{'× lean':>8}{'new pages/epoch':>17}")
    for label, key in rows:
        new_pages = f"{np.median(pages[key]):17.0f}" if key in pages else ""
        print(f"  {label:<44}{best[key] * 1e6:>11.1f}{np.median(seconds[key]) * 1e6:>11.1f}"
              f"{best[key] / lean:>8.2f}{new_pages}")
    ratio = best["nnlib"] / lean
    median, low, high = ratio_spread(seconds, "nnlib", "lean")
    verdict = "met" if ratio <= task["goal"] else "MISSED"
    print(f"  nnlib / lean = {ratio:.2f} (per round: median {median:.2f}, 80 % within {low:.2f}–{high:.2f}): "
          f"goal ≤ {task['goal']} {verdict}")
    objects = best["nnlib"] / best["inlined"]
    print(f"  split: nnlib's operations (bias as a vector: broadcast add, sum, own update; fresh arrays; ∂L/∂X of "
          f"the first layer) {best['inlined'] / lean:.2f} × lean, its objects and calls × {objects:.2f}")
    if best["inlined"] / lean > task["goal"] and objects >= 1:
        print(f"  the goal is out of reach of nnlib's formulation: its operations alone, without any objects, already "
              f"cost {best['inlined'] / lean:.2f} × lean")
    if objects < 1:
        print("  (objects below 1: which arrays stay alive between steps decides how often the allocator asks the "
              "kernel for new pages; see the last column)")
    for label, setting in OTHER_SETTINGS.items():
        name = "mse" if "loss" in setting else "sgd"
        median, low, high = ratio_spread(seconds, label, "nnlib")
        print(f"  {label}: × {best[label] / best['nnlib']:.2f} the cost of {name} per epoch "
              f"(per round: median {median:.2f}, 80 % within {low:.2f}–{high:.2f})")
    param, loss = result["lean_vs_nnlib"]
    agree = param <= TOLERANCE and loss <= TOLERANCE
    print(f"  nnlib = lean? max |Δ parameter| = {param:.1e}, max |Δ loss| over all epochs = {loss:.1e}: "
          f"{'agree' if agree else 'DISAGREE'} to {TOLERANCE:g} (final loss {result['final_loss']:.6f})")
    param, loss = result["inlined_vs_nnlib"]
    same = param <= TOLERANCE and loss <= TOLERANCE
    print(f"  nnlib = inlined? max |Δ parameter| = {param:.1e}, max |Δ loss| = {loss:.1e}: "
          f"{'bit for bit' if param == loss == 0 else 'agree' if same else 'DISAGREE'}")
    return agree and same


def main():
    threads = os.environ["OPENBLAS_NUM_THREADS"]
    print(f"numpy {np.__version__}, nnlib {nnlib.__version__}, OPENBLAS_NUM_THREADS={threads}")
    agree_all = True
    for make_task in (xor_task, circle_task):
        task = make_task()
        result = bench(task)
        agree_all &= report(task, result)
        if make_task is circle_task:
            report_gap(task, result)
    import bench_playground  # bench/bench_playground.py: the playground's redraws and Pause (imports ipywidgets)

    bench_playground.main()
    if not agree_all:
        raise SystemExit("nnlib disagrees with the lean or the inlined loop: one of them is wrong")


if __name__ == "__main__":
    main()
