"""How fast is nnlib? ``Network.fit`` against a hand-fused numpy loop and a per-sample loop.

Run with ``make bench`` (or ``.venv/bin/python bench/bench.py``). Two tasks:

- XOR on a 2-4-1 network, sigmoid hidden and output layers, MSE, full batch,
  10 000 epochs: tiny arrays, so the time goes into Python and numpy call
  overhead, which is where a library's layers and checks could cost;
- a 2-64-64-1 network, tanh hidden layers and a sigmoid output, MSE, full batch,
  on 10 000 generated 2-D points (inside or outside a circle), 200 epochs: large
  arrays, so the time goes into matrix products and tanh.

The hand-fused loops (``fused_xor``, ``fused_deep``) compute exactly what nnlib
computes (the same sigmoid formula, the loss recorded every epoch like
``History.loss``), with every layer written out inline. The script checks that
the final parameters and every epoch's loss agree to 1e-10 and stops with an
error if not. The per-sample loop is written in the style of the seed notebooks
(one sample at a time as a column vector, an update after each); it is
stochastic rather than full-batch gradient descent, so only its speed compares,
and it runs fewer epochs (one on the large task).

Times are per epoch, best of N blocks (the least disturbed by other programs).
What matters are the ratios to the fused loop: on a shared machine absolute
times vary from run to run. BLAS runs on one thread for everyone.
"""

import os

# One BLAS thread for every implementation: timings on a shared machine are far
# steadier, and the comparison stays fair. Must be set before numpy is imported.
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
os.environ.setdefault("OMP_NUM_THREADS", "1")

import time  # noqa: E402

import numpy as np  # noqa: E402

import nnlib  # noqa: E402

TOLERANCE = 1e-10


def sigmoid(z):
    # The same formula as nnlib.activations.sigmoid, so both compute the same numbers.
    return np.exp(-np.logaddexp(0.0, -z))


# -- the hand-fused loops ----------------------------------------------------------
# Written out for each architecture, as one would by hand: no objects, no method
# calls, no checks, no per-layer bookkeeping. Every formula and the order of the
# operations are nnlib's (backward completes before any update), so both give the
# same numbers.
def fused_xor(params, X, y, epochs, lr):
    """Full-batch gradient descent on MSE for a 2-h-1 network, sigmoid everywhere.

    ``params`` = [W1, b1, W2, b2] is updated in place; returns the loss of every
    epoch (before its update), like ``History.loss``.
    """
    W1, b1, W2, b2 = params
    two_over_n = 2.0 / y.size
    losses = np.empty(epochs)
    for epoch in range(epochs):
        a1 = sigmoid(X @ W1.T + b1)
        p = sigmoid(a1 @ W2.T + b2)
        diff = p - y
        losses[epoch] = np.vdot(diff, diff) / diff.size
        d2 = two_over_n * diff * (p * (1.0 - p))  # ∂L/∂z2
        dW2, db2 = d2.T @ a1, d2.sum(axis=0)
        d1 = (d2 @ W2) * (a1 * (1.0 - a1))  # ∂L/∂z1, with W2 before its update
        dW1, db1 = d1.T @ X, d1.sum(axis=0)
        W2 -= lr * dW2
        b2 -= lr * db2
        W1 -= lr * dW1
        b1 -= lr * db1
    return losses


def fused_deep(params, X, y, epochs, lr):
    """The same for a 2-h-h-1 network: tanh hidden layers, sigmoid output."""
    W1, b1, W2, b2, W3, b3 = params
    two_over_n = 2.0 / y.size
    losses = np.empty(epochs)
    for epoch in range(epochs):
        a1 = np.tanh(X @ W1.T + b1)
        a2 = np.tanh(a1 @ W2.T + b2)
        p = sigmoid(a2 @ W3.T + b3)
        diff = p - y
        losses[epoch] = np.vdot(diff, diff) / diff.size
        # Each layer's weight gradient right after its δ, while the arrays are in cache.
        d3 = two_over_n * diff * (p * (1.0 - p))
        dW3, db3 = d3.T @ a2, d3.sum(axis=0)
        d2 = (d3 @ W3) * (1.0 - a2 * a2)
        dW2, db2 = d2.T @ a1, d2.sum(axis=0)
        d1 = (d2 @ W2) * (1.0 - a1 * a1)
        dW1, db1 = d1.T @ X, d1.sum(axis=0)
        W3 -= lr * dW3
        b3 -= lr * db3
        W2 -= lr * dW2
        b2 -= lr * db2
        W1 -= lr * dW1
        b1 -= lr * db1
    return losses


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
    net = nnlib.mlp([2, 4, 1], hidden="sigmoid", output="sigmoid", seed=0, init_scale=1.0)
    return {"name": "XOR: 2-4-1, sigmoid hidden and output, MSE, full batch", "short": "XOR", "target": 2.5,
            "X": X, "y": y.reshape(-1, 1), "net": net, "fused": fused_xor, "hidden": "sigmoid", "lr": 2.0,
            "blocks": 20, "block_epochs": 500, "per_sample_epochs": 500}


def circle_task():
    rng = np.random.default_rng(0)
    X = rng.uniform(-1.0, 1.0, size=(10_000, 2))
    y = (np.sum(X**2, axis=1) < 0.5).astype(float)  # inside a circle (about 39 % of the points) or not
    net = nnlib.mlp([2, 64, 64, 1], hidden="tanh", output="sigmoid", seed=0)
    return {"name": "circle: 2-64-64-1, tanh hidden, sigmoid output, MSE, full batch, 10 000 points",
            "short": "large", "target": 1.15,
            "X": X, "y": y.reshape(-1, 1), "net": net, "fused": fused_deep, "hidden": "tanh", "lr": 0.5,
            "blocks": 20, "block_epochs": 10, "per_sample_epochs": 1}


def timed(run):
    start = time.perf_counter()
    result = run()
    return time.perf_counter() - start, result


def bench(task):
    """Train with nnlib and with the fused loop, block by block, alternating; time each block.

    Full-batch training is deterministic, so ``blocks`` calls of ``block_epochs``
    epochs each are the same as one run of blocks × block_epochs epochs: the
    final parameters and the whole loss history are compared at the end. The
    time per epoch is the fastest block's (best of N), the one least disturbed
    by other programs on the machine.
    """
    X, y, net, lr, k = (task[key] for key in ("X", "y", "net", "lr", "block_epochs"))
    start = net.get_parameters()
    fused_params = [p.copy() for p in start]
    nnlib_blocks, fused_blocks, nnlib_loss, fused_loss = [], [], [], []
    for _ in range(task["blocks"]):
        t, history = timed(lambda: net.fit(X, y, epochs=k, lr=lr, loss="mse"))
        nnlib_blocks.append(t)
        nnlib_loss.append(history.loss)
        t, losses = timed(lambda: task["fused"](fused_params, X, y, k, lr))
        fused_blocks.append(t)
        fused_loss.append(losses)
    per_sample = min(timed(lambda: per_sample_fit([p.copy() for p in start], X, y, task["per_sample_epochs"], lr,
                                                  task["hidden"]))[0] for _ in range(2))
    nnlib_loss, fused_loss = np.concatenate(nnlib_loss), np.concatenate(fused_loss)
    return {
        "rows": [("hand-fused numpy loop", min(fused_blocks) / k),
                 ("nnlib Network.fit", min(nnlib_blocks) / k),
                 (f"per-sample loop, seed style ({task['per_sample_epochs']} ep.)",
                  per_sample / task["per_sample_epochs"])],
        "param_diff": max(float(np.max(np.abs(a - b))) for a, b in zip(net.get_parameters(), fused_params)),
        "loss_diff": float(np.max(np.abs(nnlib_loss - fused_loss))),
        "final_loss": float(nnlib_loss[-1]),
    }


def main():
    threads = os.environ["OPENBLAS_NUM_THREADS"]
    print(f"numpy {np.__version__}, nnlib {nnlib.__version__}, OPENBLAS_NUM_THREADS={threads}")
    agree_all = True
    for make_task in (xor_task, circle_task):
        task = make_task()
        result = bench(task)
        epochs = task["blocks"] * task["block_epochs"]
        print(f"\n{task['name']}")
        print(f"{epochs} epochs, timed in {task['blocks']} blocks of {task['block_epochs']}: best block")
        print(f"  {'implementation':<40}{'µs/epoch':>12}{'× fused':>10}")
        fused = result["rows"][0][1]
        for label, seconds in result["rows"]:
            print(f"  {label:<40}{seconds * 1e6:>12.1f}{seconds / fused:>10.2f}")
        ratio = result["rows"][1][1] / fused
        verdict = "met" if ratio <= task["target"] else "MISSED"
        print(f"  nnlib / fused = {ratio:.2f}: target ≤ {task['target']} {verdict}")
        agree = result["param_diff"] <= TOLERANCE and result["loss_diff"] <= TOLERANCE
        agree_all &= agree
        print(f"  nnlib = fused? max |Δ parameter| = {result['param_diff']:.1e}, max |Δ loss| over all epochs = "
              f"{result['loss_diff']:.1e}: {'agree' if agree else 'DISAGREE'} to {TOLERANCE:g} "
              f"(final loss {result['final_loss']:.6f})")
    import bench_playground  # bench/bench_playground.py: the playground's redraws and Pause (imports ipywidgets)

    bench_playground.main()
    if not agree_all:
        raise SystemExit("nnlib and the fused loop disagree: one of them is wrong")


if __name__ == "__main__":
    main()
