"""The build track in 09 and 11 (09.4 momentum, 09.5 Adam, 11.4 softmax, 11.5 the cross-entropy's gradient).

The tables here (WRONG: implementations a student writes, each with the mistake its verdict must name; RIGHT:
correct ones written differently; NNLIB: nnlib's own optimiser, softmax or loss and wrappers of it) are run by
test_exercises_build.py with the other chapters' tables, on several seeds. The tests below are particular to
09 and 11.
"""

import numpy as np
import pytest
from exercise_checks import verdict

import nnlib
from nnlib.exercises import solution, track09, track11, tutor

# -- 09.4 and 09.5, written as a student would ---------------------------------------------------------------

def _momentum(*, v_rule=lambda v, g, lr, mu: mu * v + g, move=lambda theta, v, v_old, lr: theta - lr * v,
              carried=True):
    def my_momentum_step(theta, g, v, lr, mu):
        v_old = v if carried else 0 * theta
        v = v_rule(v_old, g, lr, mu)
        return move(theta, v, v_old, lr), v
    return my_momentum_step


def _momentum_in_place(theta, g, v, lr, mu):
    v *= mu                 # the velocity the previous step returned, changed in place
    v += g
    theta = theta - lr * v
    return [theta, v]


def _momentum_unrolled(theta, g, v, lr, mu):
    new_v = np.empty_like(v)
    for i in np.ndindex(v.shape):
        new_v[i] = mu * v[i] + g[i]
    return theta - lr * new_v, new_v


class _StandIn:   # a "network" of one array, for nnlib's optimisers
    def __init__(self, theta, g):
        self.theta, self.g = theta, g

    def parameters(self):
        return [self.theta]

    def gradients(self):
        return [self.g]


def _nnlib_momentum(theta, g, v, lr, mu):
    optimiser = nnlib.Momentum(momentum=mu)
    optimiser.buffers, optimiser.steps = [[v.copy()]], 1
    net = _StandIn(theta.copy(), g)
    optimiser.step(net, lr)
    return net.theta, optimiser.buffers[0][0]


def _adam(*, beta_swap=False, correct=True, count_first=True, eps_inside=False, carried=True, keep_hats=False,
          return_t=True, root=True, sign=1.0, eps_fixed=None):
    def my_adam_step(theta, g, state, lr, beta1, beta2, eps):
        if beta_swap:
            beta1, beta2 = beta2, beta1
        eps = eps if eps_fixed is None else eps_fixed
        m, s, t = state if carried else (np.zeros_like(theta), np.zeros_like(theta), 0)
        t_new = t + 1
        m = beta1 * m + (1 - beta1) * g
        s = beta2 * s + (1 - beta2) * g * g
        t_c = t_new if count_first else t
        m_hat, s_hat = (m / (1 - beta1**t_c), s / (1 - beta2**t_c)) if correct else (m, s)
        denominator = np.sqrt(s_hat + eps) if eps_inside else (np.sqrt(s_hat) if root else s_hat) + eps
        theta = theta - sign * lr * m_hat / denominator
        if keep_hats:
            m, s = m_hat, s_hat
        return theta, (m, s, t_new if return_t else t)
    return my_adam_step


def _adam_list_state(theta, g, state, lr, beta1, beta2, eps):
    m, s, t = state
    t += 1
    m = m * beta1 + g * (1 - beta1)
    s = s * beta2 + np.square(g) * (1 - beta2)
    step = lr * np.sqrt(1 - beta2**t) / (1 - beta1**t)        # the corrections folded into the rate ...
    theta = theta - step * m / (np.sqrt(s) + eps * np.sqrt(1 - beta2**t))   # ... and ε scaled to match
    return theta, [m, s, t]


def _adam_flat(theta, g, state, lr, beta1, beta2, eps):
    theta, (m, s, t) = _adam()(theta, g, state, lr, beta1, beta2, eps)
    return theta, m, s, t


def _adam_two(theta, g, state, lr, beta1, beta2, eps):
    theta, (m, s, t) = _adam()(theta, g, state, lr, beta1, beta2, eps)
    return theta, (m, s)


def _nnlib_adam(theta, g, state, lr, beta1, beta2, eps):
    optimiser = nnlib.Adam(beta1=beta1, beta2=beta2, eps=eps)
    m, s, t = state
    optimiser.buffers, optimiser.steps = [[m.copy()], [s.copy()]], t
    net = _StandIn(theta.copy(), g)
    optimiser.step(net, lr)
    return net.theta, (optimiser.buffers[0][0], optimiser.buffers[1][0], t + 1)


# -- 11.4 and 11.5 ------------------------------------------------------------------------------------------

def _softmax(Z, *, shift="row", total="row"):  # noqa: N803
    Z = np.asarray(Z, dtype=float)  # noqa: N806
    m = {"row": lambda: Z.max(axis=-1, keepdims=True), "none": lambda: 0.0, "column": lambda: Z.max(axis=0),
         "all": lambda: Z.max(), "row, no keepdims": lambda: Z.max(axis=-1)}[shift]()
    e = np.exp(Z - m)
    s = {"row": lambda: e.sum(axis=-1, keepdims=True), "column": lambda: e.sum(axis=0, keepdims=True),
         "row, no keepdims": lambda: e.sum(axis=-1), "none": lambda: 1.0}[total]()
    return e / s


def _softmax_by_rows(Z):  # noqa: N803  a loop over the samples; a vector comes back as a (1, k) row
    rows = np.atleast_2d(np.asarray(Z, dtype=float))
    out = []
    for row in rows:
        e = np.exp(row - np.max(row))
        out.append(e / np.sum(e))
    return np.array(out)


def _softmax_logsumexp(Z):  # noqa: N803
    m = np.max(Z, axis=-1, keepdims=True)
    return np.exp(Z - m - np.log(np.sum(np.exp(Z - m), axis=-1, keepdims=True)))


def _softmax_axis_1(Z):  # noqa: N803  right for rows, but a single vector has no axis 1
    e = np.exp(Z - Z.max(axis=1, keepdims=True))
    return e / e.sum(axis=1, keepdims=True)


def _gradient(*, probabilities=_softmax, targets="one-hot", divide=lambda n, k: n, sign=1.0):
    def my_cce_gradient(Z, labels):  # noqa: N803
        P = probabilities(Z)  # noqa: N806
        n, k = Z.shape
        if targets == "through p":
            Y = np.eye(k)[labels]  # noqa: N806
            with np.errstate(divide="ignore", invalid="ignore"):
                return -Y / P / n
        Y = {"one-hot": lambda: np.eye(k)[labels], "class numbers": lambda: labels.reshape(-1, 1),  # noqa: N806
             "none": lambda: 0.0, "largest label": lambda: np.eye(labels.max() + 1)[labels]}[targets]()
        return sign * (P - Y) / divide(n, k)
    return my_cce_gradient


def _gradient_loop(Z, labels):  # noqa: N803
    out = np.zeros_like(Z, dtype=float)
    for i, (z, c) in enumerate(zip(Z, labels)):
        p = _softmax(z)
        p[int(c)] -= 1.0
        out[i] = p / len(Z)
    return out


def _gradient_logsumexp(Z, labels):  # noqa: N803
    log_p = Z - Z.max(axis=1, keepdims=True)
    log_p = log_p - np.log(np.exp(log_p).sum(axis=1, keepdims=True))
    Y = np.zeros(Z.shape)  # noqa: N806
    Y[np.arange(len(Z)), labels] = 1
    return (np.exp(log_p) - Y) / Z.shape[0]


def _nnlib_gradient(Z, labels):  # noqa: N803
    return nnlib.losses.cce_from_logits(Z, nnlib.one_hot(labels, Z.shape[1]))[1]


def _nnlib_layer_gradient(Z, labels):  # noqa: N803
    layer = nnlib.Softmax()
    P = layer.forward(Z)  # noqa: N806
    return layer.backward(-nnlib.one_hot(labels, Z.shape[1]) / P / len(Z))


WRONG = [
    ("09.4", _momentum(v_rule=lambda v, g, lr, mu: mu * v - lr * g, move=lambda t, v, vo, lr: t + v), "η in v, minus"),
    ("09.4", _momentum(v_rule=lambda v, g, lr, mu: mu * v + lr * g, move=lambda t, v, vo, lr: t - v), "η in v, plus"),
    ("09.4", _momentum(v_rule=lambda v, g, lr, mu: mu * v - g, move=lambda t, v, vo, lr: t + lr * v),
     "velocity's sign"),
    ("09.4", _momentum(carried=False), "state not carried"),
    ("09.4", _momentum(move=lambda t, v, vo, lr: t - lr * vo), "old v"),
    ("09.4", _momentum(v_rule=lambda v, g, lr, mu: mu * v + (1 - mu) * g), "running mean"),
    ("09.4", _momentum(move=lambda t, v, vo, lr: t + lr * v), "uphill"),
    ("09.4", _momentum(v_rule=lambda v, g, lr, mu: 0.9 * v + g), None),        # μ hard-coded
    ("09.4", lambda theta, g, v, lr, mu: theta - lr * (mu * v + g), "return two things"),
    ("09.5", _adam(correct=False), "no bias correction"),
    ("09.5", _adam(count_first=False), "t from 0"),
    ("09.5", _adam(eps_inside=True), "ε inside the root"),
    ("09.5", _adam(beta_swap=True), "β₁ and β₂ swapped"),
    ("09.5", _adam(carried=False), "state not carried"),
    ("09.5", _adam(keep_hats=True), "corrected state"),
    ("09.5", _adam(return_t=False), "t not carried"),
    ("09.5", _adam(root=False), "no square root"),
    ("09.5", _adam(sign=-1.0), "uphill"),
    ("09.5", _adam(eps_fixed=1e-8), None),                                      # ε hard-coded
    ("09.5", _adam_flat, "return two things"),
    ("09.5", _adam_two, "the state is three things"),
    ("11.4", lambda Z: _softmax(Z, shift="none"), "no max shift"),
    ("11.4", lambda Z: _softmax(Z, shift="column"), "max over the wrong axis"),
    ("11.4", lambda Z: _softmax(Z, shift="all"), "whole-array max"),
    ("11.4", lambda Z: _softmax(Z, shift="row, no keepdims"), "max without keepdims"),
    ("11.4", lambda Z: _softmax(Z, total="column"), "sum over the wrong axis"),
    ("11.4", lambda Z: _softmax(Z, total="row, no keepdims"), "sum without keepdims"),
    ("11.4", lambda Z: _softmax(Z, total="none"), "not normalised"),
    ("11.4", lambda Z: np.log(_softmax(Z)), "log-softmax"),
    ("11.4", lambda Z: _softmax(-Z), "exponent's sign"),
    ("11.4", lambda Z: 1 / (1 + np.exp(-np.clip(Z, -500, 500))), "sigmoid"),
    ("11.4", lambda Z: _softmax(np.clip(Z, -700, 700), shift="none"), None),   # clipped: no overflow, wrong tails
    ("11.4", _softmax_axis_1, "raised AxisError"),
    ("11.5", _gradient(probabilities=lambda Z: _softmax(Z, shift="none")), "no max shift"),
    ("11.5", _gradient(probabilities=lambda Z: _softmax(Z, shift="column")), "max over the wrong axis"),
    ("11.5", _gradient(divide=lambda n, k: 1), "sum instead of mean"),
    ("11.5", _gradient(divide=lambda n, k: n * n), "1/N twice"),
    ("11.5", _gradient(divide=lambda n, k: n * k), "mean over every entry"),
    ("11.5", _gradient(targets="through p"), "through p"),
    ("11.5", _gradient(targets="class numbers"), "class numbers"),
    ("11.5", _gradient(sign=-1.0), "labels and predictions swapped"),
    ("11.5", _gradient(targets="none"), "no targets"),
    ("11.5", _gradient(probabilities=lambda Z: 1 / (1 + np.exp(-np.clip(Z, -500, 500)))), "sigmoids"),
    ("11.5", _gradient(targets="largest label"), "raised ValueError"),   # one-hot sized by the largest label
    ("11.5", _gradient(divide=lambda n, k: 4), None),                  # N hard-coded from the notebook's batch
]

RIGHT = {
    "09.4": [solution("09.4"), _momentum_in_place, _momentum_unrolled],
    "09.5": [solution("09.5"), _adam(), _adam_list_state],
    "11.4": [solution("11.4"), _softmax_by_rows, _softmax_logsumexp],
    "11.5": [solution("11.5"), _gradient_loop, _gradient_logsumexp],
}

NNLIB = {
    "09.4": [nnlib.Momentum, nnlib.Momentum().step, _nnlib_momentum],
    "09.5": [nnlib.Adam, _nnlib_adam],
    "11.4": [nnlib.activations.softmax, lambda Z: nnlib.activations.softmax(Z), nnlib.Softmax().forward],
    "11.5": [_nnlib_gradient, _nnlib_layer_gradient],
}
BUILDS = sorted(RIGHT)


def test_softmax_accepts_a_row_for_a_vector_and_a_vector_for_a_row(capsys):
    out = verdict(capsys, "11.4", lambda Z: _softmax(Z).ravel() if np.ndim(Z) == 2 and len(Z) == 1
                  else np.atleast_2d(_softmax(Z)))
    assert out.startswith("correct: "), out


def test_the_cases_hold_what_the_mistakes_need():
    rng = np.random.default_rng(0)
    for case in track11.gradient_cases(rng)[:1]:
        Z, labels = case.args  # noqa: N806
        assert Z.shape[1] - 1 not in labels and Z.shape[0] != Z.shape[1]   # a class left out; N ≠ k
    square, extreme, row, vector = (c.args[0] for c in track11.softmax_cases(rng))
    assert square.shape[0] == square.shape[1] and row.shape[0] == 1 and vector.ndim == 1
    assert extreme.max() > 709.8 and np.any(extreme.max(axis=1) < -990)    # overflow, and underflow under one max
    [case] = track09.adam_cases(rng)[:1]
    gradients = case.args[1]
    assert min(np.abs(g).min() for g in gradients) < 1e-3 < 1 < max(np.abs(g).max() for g in gradients)


def test_the_references_are_nnlibs_numbers():
    rng = np.random.default_rng(3)
    theta, gradients = rng.normal(size=(3, 2)), [rng.normal(size=(3, 2)) for _ in range(5)]
    for optimiser, key, run, extra in ((nnlib.Momentum(momentum=0.8), track09.momentum_step, track09.run_momentum,
                                        (0.1, 0.8)),
                                       (nnlib.Adam(beta1=0.85, beta2=0.995, eps=1e-7), track09.adam_step,
                                        track09.run_adam, (0.1, 0.85, 0.995, 1e-7))):
        net = _StandIn(theta.copy(), None)
        for g in gradients:
            net.g = g
            optimiser.step(net, 0.1)
        ours = run(key, theta.copy(), gradients, *extra)
        assert np.allclose(ours[len(ours) // 2], net.theta, rtol=1e-12)
    Z, labels = rng.normal(0, 400, (6, 4)), rng.integers(0, 4, 6)  # noqa: N806
    assert np.allclose(track11.stable_softmax(Z), nnlib.activations.softmax(Z), rtol=1e-13, atol=0)
    _, fused = nnlib.losses.cce_from_logits(Z, nnlib.one_hot(labels, 4))
    assert np.allclose(track11.cce_gradient(Z, labels), fused, rtol=1e-13, atol=1e-300)


@pytest.mark.parametrize("exercise_id", BUILDS)
def test_the_formula_comes_only_after_two_wrong_tries(capsys, monkeypatch, exercise_id):
    monkeypatch.setattr(tutor, "_hints_given", {})
    monkeypatch.setattr(tutor.record, "_wrong", {})
    hints = tutor._key(exercise_id).hints
    assert len(hints) == 3
    for _ in range(3):
        tutor.hint(exercise_id)
    shown = capsys.readouterr().out
    assert hints[2] not in shown and "comes after 2 wrong tries" in shown
    wrong = next(w for i, w, _ in WRONG if i == exercise_id)
    for _ in range(2):
        verdict(capsys, exercise_id, wrong)
    tutor.hint(exercise_id)
    assert hints[2] in capsys.readouterr().out


def _warns_then_right(Z):  # noqa: N803  right in the end, but an exponential overflowed on the way
    np.exp(np.asarray(Z, dtype=float))
    return _softmax(Z)


@pytest.mark.parametrize(("exercise_id", "function"), [
    ("11.4", _warns_then_right),
    ("11.5", lambda Z, labels: _gradient()(Z, labels) + 0 * np.isfinite(np.exp(Z))),
])
def test_right_numbers_that_made_numpy_warn_are_not_yet_correct(capsys, exercise_id, function):
    out = verdict(capsys, exercise_id, function)
    assert out.startswith("not yet: ") and "numpy warned" in out and "largest logit" in out, out
