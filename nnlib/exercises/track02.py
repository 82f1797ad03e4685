"""The build track in notebook 02: one neuron's gradient of the mean cross-entropy, then the loop that uses it.

02.4 · ``my_gradient(x, y, w, b)`` → (∂L/∂w, ∂L/∂b) for z = w·x + b, p = σ(z) and the mean binary
cross-entropy over the samples; x and y are 1-D arrays, w and b numbers. Computed from z (∂L/∂z = p − y),
it stays right for a confidently wrong neuron, so every check has a case with |z| near 50.
02.5 · ``my_train(gradient, x, y, w, b, lr, epochs)`` → the (w, b) that full-batch gradient descent reaches,
calling ``gradient`` as 02.4's function is called. The check runs it with the key's gradient on random cases,
then with the student's own gradient on notebook 02's training data from nnlib's start: the result must be
the w and b that nnlib's ``fit`` reaches.
"""

import numpy as np

from .. import losses
from ..data import split, threshold
from ..gradcheck import network_gradients
from ..network import Network, mlp
from ..training import fit
from . import misconceptions as m
from .build import Build, Case
from .track01 import _exact_sigmoid as sigmoid


def reference_gradient(x, y, w, b):
    error = sigmoid(w * x + b) - y            # ∂L_i/∂z_i = p_i − y_i
    return np.mean(error * x), np.mean(error)


def reference_train(gradient, x, y, w, b, lr, epochs):
    for _ in range(epochs):
        dw, db = gradient(x, y, w, b)          # both from the same (w, b): the step is taken afterwards
        w, b = w - lr * dw, b - lr * db
    return w, b


def _neuron(rng, n, scale):
    x = rng.uniform(-5.0, 5.0, n)
    y = rng.integers(0, 2, n).astype(float)
    return x, y, float(rng.normal(0.0, scale)), float(rng.normal(0.0, scale))


def gradient_cases(rng):
    """A random batch; a longer one with larger weights; a confidently wrong neuron (z near ±50)."""
    cases = [_neuron(rng, int(rng.integers(3, 12)), 1.0), _neuron(rng, int(rng.integers(20, 60)), 3.0)]
    n = int(rng.integers(4, 10))
    x = rng.uniform(0.5, 1.0, n) * rng.choice([-1.0, 1.0], n)
    w = float(rng.uniform(45.0, 55.0))
    cases.append((x, (x < 0).astype(float), w, float(rng.normal(0.0, 0.5))))   # every sample on the wrong side
    return [Case(f"x and y of length {len(x)}, w = {w:.3g}, b = {b:.3g}", (x, y, w, b)) for x, y, w, b in cases]


def mean_cross_entropy(case):
    """The loss 02.4's gradient belongs to, as a function of [w, b], for the gradient check."""
    x, y, w, b = case.args

    def loss(theta):
        z = theta[0] * x + theta[1]
        return float(np.mean(np.logaddexp(0.0, z) - y * z))
    return loss, [w, b]


def _through_p(x, y, w, b):
    # The chain through p, as layer-by-layer backpropagation would do it, with p clipped to keep log p finite.
    z = w * x + b
    p = np.clip(sigmoid(z), 1e-12, 1 - 1e-12)
    dz = (p - y) / (p * (1 - p)) * (sigmoid(z) * (1 - sigmoid(z)))
    return np.mean(dz * x), np.mean(dz)


def _with(error_of):
    """The gradient of a neuron whose error signal ∂L/∂z is error_of(x, y, w, b)."""
    def gradient(x, y, w, b):
        e = error_of(x, y, w, b)
        return np.mean(e * x), np.mean(e)
    return gradient


GRADIENT = Build(
    asks="your gradient",
    form="a function (x, y, w, b) returning (∂L/∂w, ∂L/∂b)",
    outputs=("∂L/∂w", "∂L/∂b"),
    reference=reference_gradient,
    cases=gradient_cases,
    source="import numpy as np\nfrom nnlib.activations import sigmoid\n\n\ndef my_gradient(x, y, w, b):\n"
           "    error = sigmoid(w * x + b) - y   # dL/dz for each sample\n"
           "    return np.mean(error * x), np.mean(error)\n",
    forbidden=(losses.bce_from_logits, Network.compute_gradients, Network.backward, network_gradients),
    loss=mean_cross_entropy,
    rtol=1e-9, atol=1e-13,
    misconceptions=(
        m.sum_instead_of_mean(answer=lambda x, y, w, b: tuple(len(x) * g for g in reference_gradient(x, y, w, b)),
                              why="the loss is the mean over the samples, and so is its gradient"),
        m.looks_like("1/N twice", "the mean divides by N once; yours seems to divide twice",
                     lambda x, y, w, b: tuple(g / len(x) for g in reference_gradient(x, y, w, b))),
        m.labels_swapped(lambda x, y, w, b: _with(lambda x, y, w, b: y - sigmoid(w * x + b))(x, y, w, b),
                         why="∂L/∂z = p − y, the prediction minus the label"),
        m.looks_like("x forgotten", "∂L/∂w has the input x as a factor in every sample: ∂z/∂w = x",
                     lambda x, y, w, b: (reference_gradient(x, y, w, b)[1],) * 2),
        m.looks_like("swapped", "your two results seem to be in the other order: return (∂L/∂w, ∂L/∂b)",
                     lambda x, y, w, b: reference_gradient(x, y, w, b)[::-1]),
        # before "squared error": where p rounds to 0 or 1 both give 0, but only this one is right elsewhere
        m.looks_like("through p", "your gradient vanishes for a confidently wrong neuron: going through p, "
                     "(p − y)/(p(1 − p)) times σ'(z) loses every digit once p rounds to 0 or 1; compute ∂L/∂z "
                     "from z directly", _through_p),
        m.looks_like("squared error", "that is the squared error's gradient, 2(p − y)σ'(z); with cross-entropy "
                     "the σ' cancels", _with(lambda x, y, w, b: 2 * (sigmoid(w * x + b) - y)
                                             * sigmoid(w * x + b) * (1 - sigmoid(w * x + b)))),
        m.looks_like("no sigmoid", "p is σ(z), the neuron's output, not z itself",
                     _with(lambda x, y, w, b: w * x + b - y)),
        m.looks_like("bias sign", "z = w·x + b, with b added", _with(lambda x, y, w, b: sigmoid(w * x - b) - y)),
    ),
    hints=("Compute z and p for all samples at once (numpy arrays), then each sample's ∂L/∂z.",
           "Section 4 derived ∂L/∂z = p − y for one sample; the chain rule through z = w·x + b multiplies by x for "
           "w and by 1 for b, and the mean loss takes the mean over the samples.",
           "error = sigmoid(w * x + b) - y; then ∂L/∂w = np.mean(error * x) and ∂L/∂b = np.mean(error)."),
)


# -- 02.5, the loop -------------------------------------------------------------------------------------

def train_cases(rng):
    cases = []
    for n, scale in ((int(rng.integers(3, 10)), 1.0), (int(rng.integers(15, 40)), 2.0)):
        x, y, w, b = _neuron(rng, n, scale)
        lr, epochs = float(rng.uniform(0.05, 2.0)), int(rng.integers(4, 40))
        cases.append(Case(f"x of length {n}, lr = {lr:.3g}, {epochs} epochs",
                          (reference_gradient, x, y, w, b, lr, epochs)))
    return cases


def notebook_data():
    """Notebook 02's training split (x as a 1-D array) and nnlib's starting neuron, trained by nnlib's fit."""
    X, y = threshold(100)
    (X_train, y_train), _, _ = split(X, y, (0.6, 0.2, 0.2), seed=0)
    net = mlp([1, 1], output="sigmoid", seed=0)
    (W0, b0) = net.get_parameters()
    start = (X_train[:, 0], y_train, float(W0[0, 0]), float(b0[0]))
    net.fit(X_train, y_train, epochs=300, lr=1.0, loss="bce")
    W, b = net.get_parameters()
    return start, (float(W[0, 0]), float(b[0]))


def trains_like_nnlib(my_train, context):
    """With the student's own gradient, on notebook 02's data, the loop must end where nnlib's fit ends."""
    gradient = context["gradient"]
    if not callable(gradient) or GRADIENT.judge("02.4", gradient, {}).startswith("not attempted"):
        return "your loop is right; now pass it your own gradient from 02.4: check(\"02.5\", my_train, " \
               "gradient=my_gradient)"
    (x, y, w, b), nnlib_end = notebook_data()
    with np.errstate(all="ignore"):
        end = np.asarray(my_train(gradient, x, y, w, b, 1.0, 300), dtype=float).ravel()
    if end.shape != (2,) or not np.allclose(end, nnlib_end, rtol=1e-8, atol=1e-10):
        return "your loop is right with the key's gradient, but with yours it ends elsewhere than nnlib's fit " \
               "on this notebook's training data: check(\"02.4\", my_gradient) says what is wrong with it"
    return None


TRAIN = Build(
    asks="your training loop",
    done=", and with your gradient it ends where nnlib's fit ends on this notebook's training data",
    form="a function (gradient, x, y, w, b, lr, epochs) returning the trained (w, b)",
    outputs=("w", "b"),
    reference=reference_train,
    cases=train_cases,
    needs=("gradient",),
    after=trains_like_nnlib,
    source="def my_train(gradient, x, y, w, b, lr, epochs):\n    for epoch in range(epochs):\n"
           "        dw, db = gradient(x, y, w, b)\n        w, b = w - lr * dw, b - lr * db\n    return w, b\n",
    forbidden=(fit, Network.fit),
    rtol=1e-9, atol=1e-12,
    misconceptions=(
        m.looks_like("uphill", "a step of gradient descent subtracts lr times the gradient",
                     lambda g, x, y, w, b, lr, epochs: reference_train(g, x, y, w, b, -lr, epochs)),
        m.looks_like("one epoch short", "count the steps: one per epoch, epochs of them",
                     lambda g, x, y, w, b, lr, epochs: reference_train(g, x, y, w, b, lr, epochs - 1)),
        m.looks_like("one epoch too many", "count the steps: one per epoch, epochs of them",
                     lambda g, x, y, w, b, lr, epochs: reference_train(g, x, y, w, b, lr, epochs + 1)),
        m.looks_like("w moved first", "b's gradient seems to be computed after w has already moved: take both "
                     "gradients at the same (w, b), then update both", lambda g, x, y, w, b, lr, epochs:
                     _one_at_a_time(g, x, y, w, b, lr, epochs)),
        m.looks_like("no learning rate", "the step is lr times the gradient", lambda g, x, y, w, b, lr, epochs:
                     reference_train(g, x, y, w, b, 1.0, epochs)),
        m.looks_like("b not trained", "b must be updated too", lambda g, x, y, w, b, lr, epochs:
                     _w_only(g, x, y, w, b, lr, epochs)),
        m.looks_like("one sample at a time", "that is one step per sample (stochastic descent); this loop takes "
                     "one step per epoch on the whole batch (full batch)", lambda g, x, y, w, b, lr, epochs:
                     _per_sample(g, x, y, w, b, lr, epochs)),
        m.looks_like("not updated", "w and b are where they started: the new values must be assigned back",
                     lambda g, x, y, w, b, lr, epochs: (w, b)),
    ),
    hints=("One epoch is one step on the whole batch: the gradient at the current (w, b), then the update.",
           "Gradient descent: θ ← θ − η·∂L/∂θ for both w and b, from gradients taken at the same (w, b).",
           "for epoch in range(epochs): dw, db = gradient(x, y, w, b); w, b = w - lr * dw, b - lr * db; "
           "then return w, b."),
)


def _one_at_a_time(g, x, y, w, b, lr, epochs):
    for _ in range(epochs):
        w = w - lr * g(x, y, w, b)[0]
        b = b - lr * g(x, y, w, b)[1]
    return w, b


def _per_sample(g, x, y, w, b, lr, epochs):
    for _ in range(epochs):
        for i in range(len(x)):
            dw, db = g(x[i:i + 1], y[i:i + 1], w, b)
            w, b = w - lr * dw, b - lr * db
    return w, b


def _w_only(g, x, y, w, b, lr, epochs):
    for _ in range(epochs):
        w = w - lr * g(x, y, w, b)[0]
    return w, b
