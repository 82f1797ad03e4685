"""The build track (01.4, 01.5, 02.4, 02.5, 04.4, 05.4): the student writes a piece of the network.

For every build exercise: wrong implementations a student writes are refused, each with the message of its
mistake (or with what went wrong: a warning, an error, nnlib called); correct ones written differently are
accepted; nnlib's own function, a wrapper of it and a value left in a variable never pass. Every check draws
new inputs, so each is tried on several seeds.
"""

import math

import numpy as np
import pytest
import test_exercises_build_09_11 as later
from exercise_checks import verdict

import nnlib
from nnlib import activations
from nnlib.activations import sigmoid
from nnlib.exercises import build, solution, track02, track04, track05, track08, tutor
from nnlib.exercises.track01 import _exact_sigmoid as track01_sigmoid
from nnlib.exercises.track01 import _exact_slope as track01_slope

SEEDS = (0, 1, 2)
CONTEXT = {"02.5": {"gradient": solution("02.4")}, "05.4": {"gradients": solution("04.4")},
           "08.5": {"layer": solution("08.4")}}


def message(exercise_id, name):
    [found] = [c.message for c in tutor._key(exercise_id).misconceptions if c.name == name]
    return found


# -- wrong implementations: (id, function, misconception name, or a phrase the verdict must hold) ----------

def _where_sigmoid(z):
    return np.where(z >= 0, 1 / (1 + np.exp(-z)), np.exp(z) / (1 + np.exp(z)))


def _math_loop(z):
    return np.array([1 / (1 + math.exp(-v)) for v in np.ravel(z)]).reshape(np.shape(z))


def _quiet_naive(z):
    with np.errstate(over="ignore"):
        return 1 / (1 + np.exp(-z))


def _s(z):   # an exact sigmoid, as a student who passed 01.4 has it
    e = np.exp(-np.abs(z))
    return np.where(z >= 0, 1 / (1 + e), e / (1 + e))


def _mean(error, x):
    return np.mean(error * x), np.mean(error)


def _gradients_04(*, scale=2.0, sum_axis=0, per_n=True, transpose=False, hidden_slope=True, error_sign=1.0,
                  output_slope=True, tanh_of_output=False):
    def gradients(parameters, X, y):  # noqa: N803
        W1, b1, W2, b2 = parameters  # noqa: N806
        H = np.tanh(X @ W1.T + b1)  # noqa: N806
        out = np.tanh(H @ W2.T + b2)  # noqa: N806
        slope_o = 1 - np.tanh(out) ** 2 if tanh_of_output else 1 - out**2
        slope_h = 1 - np.tanh(H) ** 2 if tanh_of_output else 1 - H**2
        dU = scale * error_sign * (out - y.reshape(-1, 1)) / (len(X) if per_n else 1) * (slope_o if output_slope  # noqa: N806
                                                                                       else 1)
        dZ1 = (dU @ W2) * (slope_h if hidden_slope else 1)  # noqa: N806
        if transpose:
            return [X.T @ dZ1, dZ1.sum(axis=sum_axis), H.T @ dU, dU.sum(axis=sum_axis)]
        return [dZ1.T @ X, dZ1.sum(axis=sum_axis), dU.T @ H, dU.sum(axis=sum_axis)]
    return gradients


def _loop_05(*, sign=1.0, extra=0, rate=lambda lr: lr, which=(0, 1, 2, 3), in_place=False):
    def train(gradients, parameters, X, y, lr, epochs):  # noqa: N803
        parameters = [np.array(p, dtype=float) for p in parameters]
        epoch = 0
        while epoch < epochs + extra:
            steps = gradients(parameters, X, y)
            for k in which:
                if in_place:
                    parameters[k] -= sign * rate(lr) * steps[k]
                else:
                    parameters[k] = parameters[k] - sign * rate(lr) * steps[k]
            epoch += 1
        return parameters
    return train


def _loop_02(*, sign=1.0, extra=0, rate=lambda lr: lr, train_b=True):
    def train(gradient, x, y, w, b, lr, epochs):
        for _ in range(epochs + extra):
            dw, db = gradient(x, y, w, b)
            w, b = w - sign * rate(lr) * dw, (b - sign * rate(lr) * db if train_b else b)
        return w, b
    return train


class _Dense:
    """A student's Dense layer; the keywords make one slip each."""

    transpose_dw = sum_db_axis = mean = keep_nothing = no_bias = dx_transposed = False
    sign = 1.0

    def __init__(self, W, b):  # noqa: N803
        self.W, self.b = np.array(W, dtype=float), np.array(b, dtype=float)

    def forward(self, X):  # noqa: N803
        if not self.keep_nothing:
            self.X = X
        return X @ self.W.T + (0 if self.no_bias else self.b)

    def backward(self, dZ):  # noqa: N803
        n = len(dZ) if self.mean else 1
        self.dW = (self.X.T @ dZ if self.transpose_dw else dZ.T @ self.X) / n
        self.db = dZ.sum(axis=1 if self.sum_db_axis else 0) / n
        return dZ @ (self.W.T if self.dx_transposed else self.W)

    def update(self, lr):
        self.W -= self.sign * lr * self.dW
        self.b -= self.sign * lr * self.db


def _dense(**slip):
    return type("MyDense", (_Dense,), slip)


class _EinsumDense:
    def __init__(self, W, b):  # noqa: N803
        self.W, self.b = W.copy(), b.copy()

    def forward(self, X):  # noqa: N803
        self.cache = X.copy()
        return np.einsum("ni,oi->no", X, self.W) + self.b

    def backward(self, dZ):  # noqa: N803
        self.dW = np.einsum("no,ni->oi", dZ, self.cache)
        self.db = np.einsum("no->o", dZ)
        return np.einsum("no,oi->ni", dZ, self.W)

    def update(self, lr):
        self.W = self.W - lr * self.dW
        self.b = self.b - lr * self.db


def _fit_while(network, X, Y, lr, epochs, batch_size, seed):  # noqa: N803
    rng, epoch = np.random.default_rng(seed), 0
    while epoch < epochs:
        order, start = rng.permutation(len(X)), 0
        while start < len(X):
            rows = order[start:start + batch_size]
            out = network.forward(X[rows])
            network.backward(2 * (out - Y[rows]) / (len(rows) * Y.shape[1]))
            network.update(lr)
            start += batch_size
        epoch += 1
    return network


def _fit_full_batch(network, X, Y, lr, epochs, batch_size, seed):  # noqa: N803
    for _ in range(epochs):
        out = network.forward(X)
        network.backward(2 * (out - Y) / out.size)
        network.update(lr)


class _WrappedDense:   # nnlib's Dense inside a class of one's own
    def __init__(self, W, b):  # noqa: N803
        self.inner = nnlib.Dense(W.shape[1], W.shape[0], seed=0)
        self.inner.W[:], self.inner.b[:] = W, b

    def forward(self, X):  # noqa: N803
        return self.inner.forward(X)

    def backward(self, dZ):  # noqa: N803
        return self.inner.backward(dZ)

    def update(self, lr):
        self.inner.update(lr)


def _nnlib_fit_08(network, X, Y, lr, epochs, batch_size, seed):  # noqa: N803
    net = nnlib.Network([nnlib.Dense(1, 1, seed=0)])   # a student who hands the work to nnlib's fit
    net.fit(X[:, :1], Y, epochs=epochs, lr=lr, batch_size=batch_size, seed=seed)


WRONG = [
    ("01.4", lambda z: 1 / (1 + np.exp(-z)), "overflow"),
    ("01.4", _quiet_naive, "overflow"),
    ("01.4", lambda z: (1 + np.tanh(z / 2)) / 2, "tanh form"),
    ("01.4", lambda z: 0.5 * (1 + np.tanh(0.5 * z)), "tanh form"),
    ("01.4", lambda z: 1 / (1 + np.exp(z)), "σ(−z)"),
    ("01.4", lambda z: 1 / (1 + np.exp(-np.clip(z, -500, 500))), "clipped"),
    ("01.4", lambda z: np.exp(z) / (1 + np.exp(z)), "inf over inf"),
    ("01.4", _where_sigmoid, "np.where computes both of its branches"),
    ("01.4", _math_loop, "raised OverflowError"),
    ("01.5", lambda z: sigmoid(z) * (1 - sigmoid(z)), "1 − σ rounded away"),
    ("01.5", lambda z: _s(z) * (1 - _s(z)), "1 − σ rounded away"),
    ("01.5", lambda z: _s(_s(z)) * (1 - _s(_s(z))), "derivative of the output"),
    ("01.5", lambda z: z * (1 - z), "a(1 − a) of z"),
    ("01.5", lambda z: np.exp(-z) / (1 + np.exp(-z)) ** 2, "overflow"),
    ("01.5", lambda z: np.exp(-np.abs(z)) / (1 + np.exp(-np.abs(z))), "square missing"),
    ("01.5", lambda z: 1 - _s(z) ** 2, "tanh's slope"),
    ("02.4", lambda x, y, w, b: (np.sum((sigmoid(w * x + b) - y) * x), np.sum(sigmoid(w * x + b) - y)),
     "sum instead of mean"),
    ("02.4", lambda x, y, w, b: _mean((sigmoid(w * x + b) - y) / len(x), x), "1/N twice"),
    ("02.4", lambda x, y, w, b: _mean(y - sigmoid(w * x + b), x), "labels and predictions swapped"),
    ("02.4", lambda x, y, w, b: (np.mean(sigmoid(w * x + b) - y),) * 2, "x forgotten"),
    ("02.4", lambda x, y, w, b: _mean(sigmoid(w * x + b) - y, x)[::-1], "swapped"),
    ("02.4", lambda x, y, w, b: _mean(2 * (sigmoid(w * x + b) - y) * sigmoid(w * x + b)
                                      * (1 - sigmoid(w * x + b)), x), "squared error"),
    ("02.4", lambda x, y, w, b: _mean(w * x + b - y, x), "no sigmoid"),
    ("02.4", track02._through_p, "through p"),
    ("02.4", lambda x, y, w, b: _mean(sigmoid(w * x - b) - y, x), "bias sign"),
    ("02.4", lambda x, y, w, b: (-0.9882, -0.0071), "hint(\"02.4\") gives a nudge"),   # notebook 02's numbers
    ("02.5", _loop_02(sign=-1.0), "uphill"),
    ("02.5", _loop_02(extra=-1), "one epoch short"),
    ("02.5", _loop_02(extra=1), "one epoch too many"),
    ("02.5", _loop_02(rate=lambda lr: 1.0), "no learning rate"),
    ("02.5", _loop_02(train_b=False), "b not trained"),
    ("02.5", track02._one_at_a_time, "w moved first"),
    ("02.5", track02._per_sample, "one sample at a time"),
    ("02.5", lambda g, x, y, w, b, lr, epochs: (w, b), "not updated"),
    ("04.4", _gradients_04(tanh_of_output=True), "derivative of the output"),
    ("04.4", _gradients_04(scale=1.0), "missing factor 2"),
    ("04.4", _gradients_04(per_n=False), "sum instead of mean"),
    ("04.4", _gradients_04(scale=0.37), None),   # a plain wrong factor: a plain "not yet"
    ("04.4", _gradients_04(transpose=True), "transposed"),
    ("04.4", _gradients_04(sum_axis=1), "bias over the wrong axis"),
    ("04.4", _gradients_04(hidden_slope=False), "hidden tanh' forgotten"),
    ("04.4", _gradients_04(output_slope=False), "output tanh' forgotten"),
    ("04.4", _gradients_04(error_sign=-1.0), "labels and predictions swapped"),
    ("04.4", lambda p, X, y: [g / len(X) for g in _gradients_04()(p, X, y)], "1/N twice"),
    ("04.4", track04._wrong_input, "X for H"),
    ("04.4", track04._weights_left_out, "W2 left out"),
    ("04.4", lambda p, X, y: [g[:2, :2] if g.ndim == 2 else g[:2] for g in _gradients_04()(p, X[:, :2], y)],
     "network, X of shape"),   # sizes hard-coded for 2-2-1: fails on the case of other sizes
    ("05.4", _loop_05(sign=-1.0), "uphill"),
    ("05.4", _loop_05(extra=-1), "one epoch short"),
    ("05.4", _loop_05(extra=1), "one epoch too many"),
    ("05.4", _loop_05(rate=lambda lr: 1.0), "no learning rate"),
    ("05.4", _loop_05(rate=lambda lr: lr * lr), "lr twice"),
    ("05.4", _loop_05(which=(0, 2)), "biases not trained"),
    ("05.4", _loop_05(which=(2, 3)), "only the output layer"),
    ("05.4", lambda g, parameters, X, y, lr, epochs: parameters, "not updated"),
    ("05.4", track05._one_array_at_a_time, "one array at a time"),
    ("05.4", track05._per_sample, "one sample at a time"),
    ("05.4", _loop_05(rate=lambda lr: lr / 2), None),
    ("08.4", _dense(transpose_dw=True), "transposed"),
    ("08.4", _dense(sum_db_axis=True), "bias over the wrong axis"),
    ("08.4", _dense(mean=True), "mean over the batch"),
    ("08.4", _dense(dx_transposed=True), "dX with Wᵀ"),
    ("08.4", _dense(no_bias=True), "no bias"),
    ("08.4", _dense(sign=-1.0), "uphill"),
    ("08.4", track08.wrong(dx=lambda dZ, W: dZ), "dX is dZ"),
    ("08.4", _dense(keep_nothing=True), "forward must keep its input"),
    ("08.4", _dense(sign=0.5), None),
    ("08.5", track08._loop(shuffle="never"), "not shuffled"),
    ("08.5", track08._loop(shuffle="once"), "the same order every epoch"),
    ("08.5", track08._loop(last=False), "last batch dropped"),
    ("08.5", track08._loop(scale="all"), "mean over all samples"),
    ("08.5", track08._loop(scale="none"), "sum, not mean"),
    ("08.5", track08._loop(sign=-1.0), "uphill"),
    ("08.5", _fit_full_batch, None),
]

def _loop_02_array(gradient, x, y, w, b, lr, epochs):
    theta = np.array([w, b])
    for _ in range(epochs):
        theta = theta - lr * np.array(gradient(x, y, *theta))
    return tuple(theta)


def _gradients_per_sample(parameters, X, y):  # noqa: N803  one sample at a time, as columns
    W1, b1, W2, b2 = parameters  # noqa: N806
    total = [np.zeros_like(p) for p in parameters]
    for x, target in zip(X, y):
        h = np.tanh(W1 @ x + b1)
        o = np.tanh(W2 @ h + b2)
        d_out = 2 * (o - target) * (1 - o**2) / len(X)
        d_hidden = (W2.T @ d_out) * (1 - h**2)
        for k, term in enumerate((np.outer(d_hidden, x), d_hidden, np.outer(d_out, h), d_out)):
            total[k] += term
    return total


RIGHT = {
    "01.4": [solution("01.4"), lambda z: np.exp(-np.logaddexp(0, -z)),
             lambda z: np.exp(np.minimum(z, 0) - np.logaddexp(0, -np.abs(z)))],
    "01.5": [solution("01.5"), lambda z: _s(z) * _s(-z), lambda z: np.exp(-np.logaddexp(0, z) - np.logaddexp(0, -z))],
    "02.4": [solution("02.4"),
             lambda x, y, w, b: ((sigmoid(w * x + b) - y) @ x / len(x), np.mean(sigmoid(w * x + b) - y)),
             lambda x, y, w, b: tuple(sum(t) / len(x) for t in zip(*[((sigmoid(w * xi + b) - yi) * xi,
                                                                         sigmoid(w * xi + b) - yi)
                                                                        for xi, yi in zip(x, y)]))],
    "02.5": [solution("02.5"), _loop_02(), _loop_02_array],
    "04.4": [solution("04.4"), _gradients_04(), _gradients_per_sample],
    "05.4": [solution("05.4"), _loop_05(), _loop_05(in_place=True)],
    "08.4": [solution("08.4"), _dense(), _EinsumDense],
    "08.5": [solution("08.5"), _fit_while, lambda *args: track08.reference_fit(*args)],
}


def _nnlib_gradients(parameters, X, y):  # noqa: N803
    net = nnlib.mlp([X.shape[1], len(parameters[1]), 1], hidden="tanh", output="tanh")
    net.set_parameters(parameters)
    net.compute_gradients(X, y, loss="mse")
    return net.gradients()


def _nnlib_neuron_gradient(x, y, w, b):
    _, gradient = nnlib.losses.bce_from_logits(w * x + b, y)
    return np.sum(gradient * x), np.sum(gradient)


def _nnlib_neuron_fit(gradient, x, y, w, b, lr, epochs):
    net = nnlib.mlp([1, 1], output="sigmoid")
    net.set_parameters([[[w]], [b]])
    net.fit(x[:, None], y, epochs=epochs, lr=lr, loss="bce")
    W, c = net.get_parameters()  # noqa: N806
    return W[0, 0], c[0]


def _nnlib_fit(gradients, parameters, X, y, lr, epochs):  # noqa: N803
    net = nnlib.mlp([X.shape[1], len(parameters[1]), 1], hidden="tanh", output="tanh")
    net.set_parameters(parameters)
    net.fit(X, y, epochs=epochs, lr=lr, loss="mse")
    return net.get_parameters()


class Sigmoid:   # a "subclass that changes nothing", for a function: a callable object that hands over to nnlib
    def __call__(self, z):
        return activations.sigmoid(z)


NNLIB = {
    "01.4": [activations.sigmoid, lambda z: activations.sigmoid(z), Sigmoid()],
    "01.5": [activations.sigmoid_derivative, lambda z: activations.sigmoid_derivative(z)],
    "02.4": [_nnlib_neuron_gradient],
    "02.5": [_nnlib_neuron_fit],
    "04.4": [_nnlib_gradients],
    "05.4": [_nnlib_fit],
    "08.4": [nnlib.Dense, type("MyDense", (nnlib.Dense,), {}), _WrappedDense],
    "08.5": [_nnlib_fit_08],
}
# 09 and 11's tables live beside their own tests; the checks below run them with the rest.
WRONG = WRONG + later.WRONG
RIGHT = {**RIGHT, **later.RIGHT}
NNLIB = {**NNLIB, **later.NNLIB}
BUILDS = sorted(RIGHT)


@pytest.fixture(params=SEEDS)
def seeded(request, monkeypatch):
    monkeypatch.setattr(build, "SEED", request.param)
    monkeypatch.setattr(tutor, "_hints_given", {})


@pytest.mark.parametrize(("exercise_id", "wrong", "expected"), WRONG,
                         ids=[f"{i}-{e or 'plain'}-{k}" for k, (i, _, e) in enumerate(WRONG)])
def test_a_wrong_implementation_is_refused_with_its_mistake_named(capsys, seeded, exercise_id, wrong, expected):
    out = verdict(capsys, exercise_id, wrong, **CONTEXT.get(exercise_id, {}))
    assert out.startswith("not yet: "), out
    names = {c.name for c in tutor._key(exercise_id).misconceptions}
    if expected is None:
        assert f'hint("{exercise_id}") gives a nudge' in out, out
        assert "Likely cause" not in out, out
    elif expected in names:
        assert f"Likely cause: {message(exercise_id, expected)}" in out, out
    else:
        assert expected in out, out


@pytest.mark.parametrize("exercise_id", BUILDS)
def test_each_build_exercise_refuses_six_mistakes_and_accepts_two_other_ways(exercise_id):
    assert len([w for w in WRONG if w[0] == exercise_id]) >= 6
    assert len(RIGHT[exercise_id]) >= 3   # the key's solution and at least two written differently
    named = {e for i, _, e in WRONG if i == exercise_id}
    assert {c.name for c in tutor._key(exercise_id).misconceptions} <= named   # every known mistake is tried


@pytest.mark.parametrize("exercise_id", BUILDS)
def test_correct_implementations_written_differently_are_accepted(capsys, seeded, exercise_id):
    for right in RIGHT[exercise_id]:
        out = verdict(capsys, exercise_id, right, **CONTEXT.get(exercise_id, {}))
        assert out.startswith("correct: "), out


@pytest.mark.parametrize("exercise_id", BUILDS)
def test_nnlibs_own_and_values_left_in_scope_never_pass(capsys, exercise_id):
    for own in NNLIB[exercise_id]:
        out = verdict(capsys, exercise_id, own, **CONTEXT.get(exercise_id, {}))
        assert out.startswith("not yet: ") and "nnlib's own" in out, out
    for value in (np.zeros(4), [np.zeros((2, 2))] * 4, 0.25):   # e.g. a result computed in an earlier cell
        out = verdict(capsys, exercise_id, value, **CONTEXT.get(exercise_id, {}))
        assert out.startswith("not yet: this exercise asks for a ") and "(the name of your def or class)" in out, out


# -- the keys' references give nnlib's numbers ------------------------------------------------------------

def test_the_references_are_nnlibs_numbers():
    rng = np.random.default_rng(11)
    # 01: σ and σ' against nnlib's where nnlib's σ' keeps its digits (z ≤ 0: no 1 − σ(z) near 0 there)
    z = rng.uniform(-700, 0, 500)
    assert np.allclose(track01_sigmoid(z), activations.sigmoid(z), rtol=1e-12, atol=0)
    assert np.allclose(track01_slope(z), activations.sigmoid_derivative(z), rtol=1e-9, atol=0)
    # 02: the gradient is nnlib's, and the loop with it is nnlib's fit
    x, y = rng.uniform(-5, 5, 30), rng.integers(0, 2, 30).astype(float)
    net = nnlib.mlp([1, 1], output="sigmoid", seed=0)
    net.set_parameters([[[0.7]], [-0.3]])
    net.compute_gradients(x[:, None], y, loss="bce")
    assert np.allclose([g.item() for g in net.gradients()], track02.reference_gradient(x, y, 0.7, -0.3), rtol=1e-12)
    net.fit(x[:, None], y, epochs=40, lr=0.8, loss="bce")
    end = track02.reference_train(track02.reference_gradient, x, y, 0.7, -0.3, 0.8, 40)
    assert np.allclose([p.item() for p in net.get_parameters()], end, rtol=1e-10)
    # 04 and 05: the backward pass is nnlib's, and the loop with it is nnlib's fit
    X, y = rng.uniform(-1, 1, (9, 3)), rng.choice([-1.0, 1.0], 9)  # noqa: N806
    net = nnlib.mlp([3, 4, 1], hidden="tanh", output="tanh", seed=5)
    start = net.get_parameters()
    net.compute_gradients(X, y, loss="mse")
    assert all(np.allclose(a, b, rtol=1e-12) for a, b in zip(net.gradients(), track04.reference_gradients(start, X, y)))
    net.fit(X, y, epochs=25, lr=0.3, loss="mse")
    end = track05.reference_train(track04.reference_gradients, start, X, y, 0.3, 25)
    assert all(np.allclose(a, b, rtol=1e-10) for a, b in zip(net.get_parameters(), end))
    # 08: the layer is nnlib's Dense, and the mini-batch loop is nnlib's fit with batch_size and seed
    dense = nnlib.Dense(3, 2, seed=1)
    mine = track08.KeyDense(dense.W, dense.b)
    Xb, dZ = rng.normal(size=(6, 3)), rng.normal(size=(6, 2))  # noqa: N806
    assert np.allclose(dense.forward(Xb), mine.forward(Xb)) and np.allclose(dense.backward(dZ), mine.backward(dZ))
    assert np.allclose(dense.dW, mine.dW) and np.allclose(dense.db, mine.db)
    X, y = nnlib.data.moons(50, noise=0.1, seed=1)  # noqa: N806
    net = nnlib.mlp([2, 3, 1], hidden="sigmoid", output="sigmoid", seed=2)
    start = net.get_parameters()
    net.fit(X, y, epochs=6, lr=0.7, loss="mse", batch_size=8, seed=9)
    end = track08.run_fit(track08.reference_fit, start, X, y[:, None], 0.7, 6, 8, 9)
    assert all(np.allclose(a, b, rtol=1e-10) for a, b in zip(net.get_parameters(), end))
