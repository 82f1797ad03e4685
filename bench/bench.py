"""How fast is nnlib? Time ``Network.fit`` against a hand-fused numpy loop and a per-sample loop.

Run with ``make bench`` (or ``.venv/bin/python bench/bench.py``). Two tasks:

- XOR on a 2-4-1 sigmoid network, MSE, full batch, 10 000 epochs: tiny arrays, so
  the time goes into Python and numpy call overhead;
- a 2-64-64-1 network (tanh hidden layers, sigmoid output), MSE, full batch, on
  10 000 generated 2-D points (inside or outside a circle), 200 epochs: large
  arrays, so the time goes into matrix products and tanh.

The hand-fused loop (``fused_fit``) computes exactly what nnlib computes (the
same sigmoid formula, the loss recorded every epoch like ``History.loss``), with
every layer written out inline: no objects, no method calls, no checks. The
final parameters of both must agree to 1e-10, which the script checks. The
per-sample loop is written in the style of the seed notebooks (one sample at a
time as a column vector, an update after each); it is stochastic rather than
full-batch gradient descent, so only its speed is comparable, and on the large
task it runs one epoch only.

Times are best-of-N wall-clock times (the least disturbed run), per epoch. What
matters are the ratios to the fused loop: the machine is shared, so absolute
times vary from run to run.
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


# -- the hand-fused loop ----------------------------------------------------------
def fused_fit(params, X, y, epochs, lr, hidden):
    """Full-batch gradient descent on MSE for a network with a sigmoid output.

    ``params`` is [W1, b1, W2, b2, ...] (updated in place); ``hidden`` is
    "sigmoid" or "tanh". Returns the loss of every epoch, before its update.
    """
    Ws, bs = params[0::2], params[1::2]
    last = len(Ws) - 1
    two_over_n = 2.0 / y.size
    losses = np.empty(epochs)
    for epoch in range(epochs):
        # Forward: keep every layer's output A (A[0] is the input).
        A = [X]
        for i, (W, b) in enumerate(zip(Ws, bs)):
            Z = A[-1] @ W.T + b
            A.append(sigmoid(Z) if i == last or hidden == "sigmoid" else np.tanh(Z))
        diff = A[-1] - y
        losses[epoch] = np.vdot(diff, diff) / diff.size
        # Backward: δ of the output layer, then Wᵀδ times f'(z) layer by layer.
        p = A[-1]
        delta = two_over_n * diff * (p * (1.0 - p))
        for i in range(last, -1, -1):
            dW = delta.T @ A[i]
            db = delta.sum(axis=0)
            if i > 0:
                a = A[i]
                dA = delta @ Ws[i]
                delta = dA * (a * (1.0 - a)) if hidden == "sigmoid" else dA * (1.0 - a * a)
            Ws[i] -= lr * dW
            bs[i] -= lr * db
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
    return {"name": "XOR, 2-4-1 sigmoid, MSE, full batch", "X": X, "y": y.reshape(-1, 1), "net": net,
            "hidden": "sigmoid", "epochs": 10_000, "lr": 2.0, "repeats": 7, "per_sample_epochs": 1000}


def circle_task():
    rng = np.random.default_rng(0)
    X = rng.uniform(-1.0, 1.0, size=(10_000, 2))
    y = (np.sum(X**2, axis=1) < 0.5).astype(float)  # about 39 % inside the circle
    net = nnlib.mlp([2, 64, 64, 1], hidden="tanh", output="sigmoid", seed=0)
    return {"name": "circle, 2-64-64-1 tanh/sigmoid, MSE, 10 000 points", "X": X, "y": y.reshape(-1, 1), "net": net,
            "hidden": "tanh", "epochs": 200, "lr": 0.5, "repeats": 3, "per_sample_epochs": 1}


def best_time(run, repeats):
    """The smallest of ``repeats`` wall-clock times of ``run()``, and its last result."""
    best, result = np.inf, None
    for _ in range(repeats):
        start = time.perf_counter()
        result = run()
        best = min(best, time.perf_counter() - start)
    return best, result


def bench(task):
    X, y, net, epochs, lr, hidden = (task[k] for k in ("X", "y", "net", "epochs", "lr", "hidden"))
    start = net.get_parameters()

    def run_nnlib():
        net.set_parameters(start)
        return net.fit(X, y, epochs=epochs, lr=lr, loss="mse").loss

    def run_fused():
        params = [p.copy() for p in start]
        return params, fused_fit(params, X, y, epochs, lr, hidden)

    def run_per_sample():
        per_sample_fit([p.copy() for p in start], X, y, task["per_sample_epochs"], lr, hidden)

    # Alternate the two main contenders so that a busy moment on the machine hits both alike.
    t_nnlib = t_fused = np.inf
    for _ in range(task["repeats"]):
        t, nnlib_loss = best_time(run_nnlib, 1)
        t_nnlib = min(t_nnlib, t)
        t, (fused_params, fused_loss) = best_time(run_fused, 1)
        t_fused = min(t_fused, t)
    t_sample, _ = best_time(run_per_sample, 2)

    param_diff = max(float(np.max(np.abs(a - b))) for a, b in zip(net.get_parameters(), fused_params))
    loss_diff = float(np.max(np.abs(nnlib_loss - fused_loss)))
    return {
        "rows": [("hand-fused numpy loop", t_fused / epochs),
              ("nnlib Network.fit", t_nnlib / epochs),
              (f"per-sample loop ({task['per_sample_epochs']} epoch{'s' * (task['per_sample_epochs'] > 1)})",
               t_sample / task["per_sample_epochs"])],
        "param_diff": param_diff, "loss_diff": loss_diff, "final_loss": float(fused_loss[-1]),
    }


def main():
    targets = {"XOR": 2.5, "circle": 1.15}
    threads = os.environ["OPENBLAS_NUM_THREADS"]
    print(f"numpy {np.__version__}, nnlib {nnlib.__version__}, OPENBLAS_NUM_THREADS={threads}")
    ok = True
    for make_task in (xor_task, circle_task):
        task = make_task()
        result = bench(task)
        fused_us = result["rows"][0][1] * 1e6
        print(f"\n{task['name']}, {task['epochs']} epochs, best of {task['repeats']}")
        print(f"  {'implementation':<32}{'µs/epoch':>12}{'× fused':>10}")
        for label, seconds in result["rows"]:
            print(f"  {label:<32}{seconds * 1e6:>12.1f}{seconds * 1e6 / fused_us:>10.2f}")
        target = targets[task["name"].split(",")[0]]
        ratio = result["rows"][1][1] * 1e6 / fused_us
        agree = result["param_diff"] <= TOLERANCE and result["loss_diff"] <= TOLERANCE
        ok &= agree
        print(f"  nnlib / fused = {ratio:.2f} (target ≤ {target}: {'met' if ratio <= target else 'MISSED'})")
        print(f"  same result: max |Δparameter| = {result['param_diff']:.1e}, max |Δloss| = {result['loss_diff']:.1e} "
              f"(≤ {TOLERANCE:g}: {'yes' if agree else 'NO'}); final loss {result['final_loss']:.6f}")
    if not ok:
        raise SystemExit("nnlib and the fused loop disagree: one of them is wrong")


if __name__ == "__main__":
    main()
