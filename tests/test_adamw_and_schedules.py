"""AdamW against a plain numpy reference and against Adam with an L2 penalty; learning-rate schedules against
their formulas and in fit; bad settings named."""

import math

import numpy as np
import pytest
from test_optimisers import reference_gradients  # the 2-4-1 network's gradients, written without nnlib

import nnlib
from nnlib import Network
from nnlib.deep import BatchNorm
from nnlib.layers import ActivationLayer, Dense
from nnlib.optimisers import Adam, AdamW, Cosine, StepDecay, WarmUp, get_optimiser

X, Y = nnlib.logic_gate("xor")


def reference_adamw(params, rates, wd, b1=0.9, b2=0.999, eps=1e-8):
    """θ ← θ − lr (m̂ / (√ŝ + ε) + wd θ) for the weight matrices, without the wd θ for the biases."""
    params = [p.copy() for p in params]
    m = [np.zeros_like(p) for p in params]
    s = [np.zeros_like(p) for p in params]
    for t, lr in enumerate(rates, start=1):
        g = reference_gradients(params, X, Y)
        m = [b1 * mi + (1 - b1) * gi for mi, gi in zip(m, g)]
        s = [b2 * si + (1 - b2) * gi**2 for si, gi in zip(s, g)]
        params = [p - lr * ((mi / (1 - b1**t)) / (np.sqrt(si / (1 - b2**t)) + eps) + (wd * p if p.ndim == 2 else 0))
                  for p, mi, si in zip(params, m, s)]
    return params


def start():
    net = nnlib.mlp([2, 4, 1], hidden="sigmoid", output="sigmoid", seed=3)
    return net, net.get_parameters()


@pytest.mark.parametrize("wd", [0.0, 0.1, 2.0])
def test_adamw_follows_the_reference(wd):
    net, params = start()
    net.fit(X, Y, epochs=100, lr=0.05, loss="mse", optimiser=AdamW(weight_decay=wd))
    for got, want in zip(net.parameters(), reference_adamw(params, [0.05] * 100, wd)):
        np.testing.assert_allclose(got, want, rtol=0, atol=1e-10)


def test_adamw_with_a_schedule_follows_the_reference():
    net, params = start()
    schedule = WarmUp(10, Cosine(0.1, 40))
    net.fit(X, Y, epochs=50, lr=schedule, loss="mse", optimiser="adamw")  # by name: weight_decay 0.01
    for got, want in zip(net.parameters(), reference_adamw(params, [schedule(e) for e in range(1, 51)], 0.01)):
        np.testing.assert_allclose(got, want, rtol=0, atol=1e-10)


def test_adamw_decays_the_weights_only_not_biases_nor_batchnorm():
    def net():
        return Network([Dense(2, 3, seed=0), BatchNorm(3), ActivationLayer("tanh"), Dense(3, 1, seed=1),
                        ActivationLayer("sigmoid")])

    adam, adamw = net(), net()
    before = adam.get_parameters()
    adam.fit(X, Y, epochs=1, lr=0.1, optimiser=Adam())
    adamw.fit(X, Y, epochs=1, lr=0.1, optimiser=AdamW(weight_decay=0.5))
    for old, a, w in zip(before, adam.parameters(), adamw.parameters()):
        if old.ndim == 2:  # W1, W2: shrunk by lr · wd · θ on top of Adam's step
            np.testing.assert_allclose(w - a, -0.1 * 0.5 * old, rtol=1e-12, atol=1e-15)
        else:  # b1, γ, β, b2: Adam's step only, bit for bit
            np.testing.assert_array_equal(w, a)
    assert adamw.get_parameters()[2].shape == (3,)  # γ was among them


def test_adamw_and_adam_with_an_l2_penalty_differ_measurably():
    # The second input is always 0, so the loss does not depend on the weights from it: their only gradient
    # is the penalty's. Adam divides that gradient by its own root mean square, so every such weight moves
    # by lr per step whatever λ is; AdamW shrinks each by the same fraction lr · wd per step.
    X0 = np.column_stack([np.linspace(-1, 1, 8), np.zeros(8)])
    y0 = (X0[:, 0] > 0).astype(float)
    lr, steps = 0.01, 5
    moved = {}
    for lam in (1e-3, 1e-1):
        adam_l2 = nnlib.mlp([2, 4, 1], hidden="tanh", seed=0)
        w0 = adam_l2.parameters()[0][:, 1].copy()
        adam_l2.fit(X0, y0, epochs=steps, lr=lr, optimiser="adam", l2=lam)
        moved[lam] = np.abs(w0) - np.abs(adam_l2.parameters()[0][:, 1])
        adamw = nnlib.mlp([2, 4, 1], hidden="tanh", seed=0)
        adamw.fit(X0, y0, epochs=steps, lr=lr, optimiser=AdamW(weight_decay=lam))
        np.testing.assert_allclose(adamw.parameters()[0][:, 1], w0 * (1 - lr * lam) ** steps, rtol=1e-12)
    assert np.all(np.abs(w0) > lr * steps)  # none reached 0 on the way
    # About lr per step (a little less, as g = λw shrinks with w), for λ a hundred times smaller just the same.
    np.testing.assert_allclose(moved[1e-3], lr * steps, rtol=0.05)
    np.testing.assert_allclose(moved[1e-1], lr * steps, rtol=0.05)
    # AdamW at λ = 1e-3 moves them by |w0| (1 − 0.99999^5) ≈ 5e-5 |w0|: a thousand times less than Adam + L2.
    assert np.all(np.abs(w0) * (1 - (1 - lr * 1e-3) ** steps) < 1e-3 * lr * steps)


def test_on_moons_the_two_end_far_apart():
    X, y = nnlib.moons(100, noise=0.2, seed=0)
    adam, adamw = (nnlib.mlp([2, 16, 1], hidden="tanh", output="sigmoid", seed=1) for _ in range(2))
    adam.fit(X, y, epochs=300, lr=0.02, loss="bce", optimiser="adam", l2=0.05)
    adamw.fit(X, y, epochs=300, lr=0.02, loss="bce", optimiser=AdamW(weight_decay=0.05))
    norm_adam = np.linalg.norm(adam.parameters()[0])
    norm_adamw = np.linalg.norm(adamw.parameters()[0])
    assert norm_adamw > 2 * norm_adam  # the same λ is a far weaker pull when decoupled from Adam's scaling


# -- schedules ---------------------------------------------------------------------------------------------
def test_schedules_follow_their_formulas():
    step = StepDecay(0.8, every=3, factor=0.5)
    assert [step(e) for e in range(1, 9)] == [0.8, 0.8, 0.8, 0.4, 0.4, 0.4, 0.2, 0.2]
    cosine = Cosine(0.1, epochs=4, final=0.02)
    expected = [0.02 + 0.08 * (1 + math.cos(math.pi * k / 4)) / 2 for k in range(4)]
    np.testing.assert_allclose([cosine(e) for e in range(1, 5)], expected, rtol=1e-15)
    assert cosine(1) == 0.1 and cosine(3) == pytest.approx(0.06) and cosine(5) == cosine(50) == 0.02
    warm = WarmUp(4, Cosine(0.1, epochs=6))
    np.testing.assert_allclose([warm(e) for e in range(1, 5)], [0.025, 0.05, 0.075, 0.1], rtol=1e-15)
    assert [warm(e) for e in range(5, 11)] == [Cosine(0.1, epochs=6)(e) for e in range(1, 7)]
    assert [WarmUp(2, 0.3)(e) for e in (1, 2, 3, 9)] == [0.15, 0.3, 0.3, 0.3]
    assert repr(warm) == "WarmUp(4, Cosine(lr=0.1, epochs=6, final=0.0))"
    assert repr(step) == "StepDecay(lr=0.8, every=3, factor=0.5)"


@pytest.mark.parametrize("batch_size", [None, 2])
def test_fit_with_a_schedule_is_fit_one_epoch_at_a_time_with_that_rate(batch_size):
    schedule = StepDecay(1.0, every=2, factor=0.5)
    net, params = start()
    history = net.fit(X, Y, epochs=6, lr=schedule, optimiser=Adam(), batch_size=batch_size, seed=4)
    by_hand = nnlib.mlp([2, 4, 1], hidden="sigmoid", output="sigmoid", seed=3)
    adam, rng = Adam(), np.random.default_rng(4)  # one optimiser and one shuffle stream for all six calls
    losses = [by_hand.fit(X, Y, epochs=1, lr=schedule(e), optimiser=adam, batch_size=batch_size, seed=rng).loss[0]
              for e in range(1, 7)]
    assert history.lr.tolist() == [1.0, 1.0, 0.5, 0.5, 0.25, 0.25]
    assert history.loss.tolist() == losses
    for got, want in zip(net.parameters(), by_hand.parameters()):
        np.testing.assert_array_equal(got, want)


def test_a_number_keeps_the_rate_and_any_function_of_the_epoch_is_a_schedule():
    net, _ = start()
    assert net.fit(X, Y, epochs=3, lr=0.5).lr.tolist() == [0.5, 0.5, 0.5]
    assert net.fit(X, Y, epochs=3, lr=lambda epoch: 0.1 * epoch).lr.tolist() == [0.1, 0.2, 0.1 * 3]


@pytest.mark.parametrize(("schedule", "message"), [
    (lambda epoch: -0.1, r"lr is a schedule, so lr\(1\) must be a finite number >= 0; got -0.1"),
    (lambda epoch: float("nan") if epoch == 2 else 0.1, r"lr\(2\) must be a finite number >= 0; got nan"),
    (lambda epoch: "0.1", r"lr\(1\) must be a finite number >= 0; got '0.1'"),
])
def test_a_schedule_that_gives_a_bad_rate_is_named(schedule, message):
    net, _ = start()
    with pytest.raises(ValueError, match=message):
        net.fit(X, Y, epochs=3, lr=schedule)


@pytest.mark.parametrize(("make", "error", "message"), [
    (lambda: AdamW(weight_decay=-0.1), ValueError, "weight_decay must be a finite number >= 0; got -0.1"),
    (lambda: AdamW(weight_decay="0.1"), TypeError, "weight_decay must be a number >= 0; got str '0.1'"),
    (lambda: AdamW(beta1=1.0), ValueError, r"beta1 must be in \[0, 1\); got 1.0"),
    (lambda: StepDecay(0.1, every=0), ValueError, "every must be a positive int; got 0"),
    (lambda: StepDecay(0.1, every=2, factor=2.0), ValueError, r"factor must be in \(0, 1\]: the rate decays; got 2.0"),
    (lambda: StepDecay(-0.1, every=2), ValueError, "lr must be a positive finite number; got -0.1"),
    (lambda: Cosine(0.1, epochs=2.5), TypeError, "epochs must be a positive int; got float 2.5"),
    (lambda: Cosine(0.1, epochs=10, final=0.2), ValueError, "final must be a number from 0 to lr = 0.1; got 0.2"),
    (lambda: Cosine(0.1, epochs=10, final=None), TypeError, "final must be a number from 0 to lr; got NoneType"),
    (lambda: WarmUp(0, 0.1), ValueError, "epochs must be a positive int; got 0"),
    (lambda: WarmUp(3, "cosine"), TypeError, "then must be a positive number; got str 'cosine'"),
    (lambda: Cosine(0.1, epochs=5)(0), ValueError, r"epoch must be a positive int \(the first epoch is 1\); got 0"),
    (lambda: StepDecay(0.1, every=2)(1.5), TypeError, "epoch must be a positive int; got float 1.5"),
])
def test_bad_settings_are_named(make, error, message):
    with pytest.raises(error, match=message):
        make()


def test_edges_and_defaults_of_the_schedules():
    assert StepDecay(0.4, every=1).factor == 0.5
    assert [StepDecay(0.4, every=1, factor=1.0)(e) for e in (1, 5)] == [0.4, 0.4]  # factor 1: a constant rate
    assert [Cosine(0.1, epochs=4, final=0.1)(e) for e in (1, 3, 9)] == [0.1, 0.1, 0.1]  # final = lr: constant
    with pytest.raises(ValueError, match="epoch must be a positive int"):
        WarmUp(3, 0.1)(0)
    net, _ = start()
    before = net.get_parameters()
    history = net.fit(X, Y, epochs=2, lr=lambda epoch: 0.0)  # a rate of 0 is allowed: nothing moves
    assert history.lr.tolist() == [0.0, 0.0]
    for got, want in zip(net.parameters(), before):
        np.testing.assert_array_equal(got, want)


def test_adamw_by_name_and_its_defaults():
    optimiser = get_optimiser("adamw")
    assert isinstance(optimiser, AdamW) and optimiser.weight_decay == 0.01 and optimiser.name == "adamw"
    assert repr(optimiser) == "AdamW(weight_decay=0.01, beta1=0.9, beta2=0.999, eps=1e-08)"
    assert get_optimiser("adamw") is not optimiser  # a fresh one for every name
    with pytest.raises(ValueError, match=r"one of \['adam', 'momentum', 'sgd'\] or 'adamw' \(Adam with decoupled"):
        get_optimiser("rmsprop")
