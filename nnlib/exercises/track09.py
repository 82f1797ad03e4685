"""The build track in notebook 09: one step of momentum and one step of Adam, as the student writes them.

09.4 · ``my_momentum_step(theta, g, v, lr, mu)`` returns ``(new theta, new v)`` with v ← μv + g, θ ← θ − ηv
(the notebook's convention, nnlib's too).
09.5 · ``my_adam_step(theta, g, state, lr, beta1, beta2, eps)`` returns ``(new theta, new state)`` with
state = (m, s, t): the running means of g and g², and the number of steps taken so far (0 at the start).

The check starts from a zero state, calls the student's step several times on arrays of a random shape with
gradients it draws (some of them tiny, so that ε shows, some large), passes each step the state the previous
one returned, and compares θ and the state after the first step and after the last. The hyperparameters are
drawn too, so a step that ignores its arguments, or keeps its own state between calls, cannot pass.
"""

import numpy as np

from ..optimisers import Adam, Momentum
from . import misconceptions as m
from .build import Build, Case
from .tutor import NotYet, _is_missing


def _gradients(rng, shape, steps):
    """Gradients of mixed sizes, from 1e-4 (where Adam's ε matters) to 10."""
    return [rng.normal(0, 1, shape) * 10.0 ** rng.uniform(-4, 1, shape) for _ in range(steps)]


def _shape(rng):
    return (int(rng.integers(2, 9)),) if rng.uniform() < 0.5 else tuple(int(n) for n in rng.integers(2, 6, 2))


def _pair(result, second):
    """The (new θ, new state) a step returned; NotYet if it returned something else."""
    if not isinstance(result, (tuple, list)) or len(result) != 2:
        got = f"a {type(result).__name__}" + (f" of {len(result)}" if isinstance(result, (tuple, list)) else "")
        raise NotYet(f"return two things, (new θ, new {second}), as a tuple; yours returned {got}")
    return result


# -- 09.4, momentum ----------------------------------------------------------------------------------------

def momentum_step(theta, g, v, lr, mu, *, convention="notebook", carried=True, order="new v first", sign=1.0):
    """The key's momentum step; the keywords make the usual slips."""
    v = v if carried else np.zeros_like(theta)
    if convention == "η in v, minus":        # v ← μv − ηg, θ ← θ + v
        v_new = mu * v - lr * g
        return theta + v_new, v_new
    if convention == "η in v, plus":         # v ← μv + ηg, θ ← θ − v
        v_new = mu * v + lr * g
        return theta - v_new, v_new
    if convention == "minus g":              # v ← μv − g, θ ← θ + ηv
        v_new = mu * v - g
        return theta + lr * v_new, v_new
    v_new = (1 - mu) * g + mu * v if convention == "mean" else mu * v + g
    moved_by = v if order == "old v first" else v_new
    return theta - sign * lr * moved_by, v_new


def run_momentum(step, theta, gradients, lr, mu):
    """θ and v after the first step and after the last, each step given the v the previous one returned."""
    v, seen = np.zeros_like(theta), []
    for g in gradients:
        result = step(theta, g.copy(), v, lr, mu)
        if _is_missing(result):
            return None
        theta, v = _pair(result, "v")
        if _is_missing(theta) or _is_missing(v):
            return None
        seen.append((np.array(theta, dtype=float), np.array(v, dtype=float)))
    return (*seen[0], *seen[-1])


def momentum_cases(rng):
    cases = []
    for _ in range(3):
        shape, steps = _shape(rng), int(rng.integers(3, 9))
        lr, mu = float(rng.uniform(0.01, 0.5)), float(rng.uniform(0.5, 0.95))
        theta = rng.normal(0, 2, shape)
        cases.append(Case(f"θ of shape {shape}, {steps} steps, lr {lr:.3g}, mu {mu:.3g}",
                          (theta, _gradients(rng, shape, steps), lr, mu)))
    return cases


def _slip(**slip):
    def my_momentum_step(theta, g, v, lr, mu):
        return momentum_step(theta, g, v, lr, mu, **slip)
    return my_momentum_step


MOMENTUM = Build(
    asks="your momentum step",
    form="a function my_momentum_step(theta, g, v, lr, mu) returning (new theta, new v)",
    outputs=("θ after the first step", "v after the first step", "θ after the last step", "v after the last step"),
    reference=momentum_step,
    harness=run_momentum,
    cases=momentum_cases,
    source='''def my_momentum_step(theta, g, v, lr, mu):
    v = mu * v + g              # the velocity: past gradients, fading by mu per step
    return theta - lr * v, v
''',
    forbidden=(Momentum,),
    rtol=1e-10, atol=1e-13,
    misconceptions=(
        m.looks_like("η in v, minus", "your θ moves as it should, but your v is not this notebook's: here "
                     "v ← μv + g holds gradients and θ ← θ − ηv; with v ← μv − ηg and θ ← θ + v the path is the "
                     "same but v is another number", _slip(convention="η in v, minus")),
        m.looks_like("η in v, plus", "your θ moves as it should, but your v has η inside it: here v ← μv + g "
                     "holds gradients, and η is applied when θ moves", _slip(convention="η in v, plus")),
        m.looks_like("velocity's sign", "your v has the opposite sign: v ← μv + g, and θ moves against it, "
                     "θ ← θ − ηv", _slip(convention="minus g")),
        m.looks_like("state not carried", "your first step is right, the later ones are not: the v a step "
                     "receives is the one the previous step returned; start from it, not from zero",
                     _slip(carried=False)),
        m.looks_like("old v", "θ must move by the new velocity: update v first, then θ ← θ − ηv with that v",
                     _slip(order="old v first")),
        m.looks_like("running mean", "that is a running mean, v ← μv + (1 − μ)g, as Adam's m; momentum adds the "
                     "whole gradient: v ← μv + g", _slip(convention="mean")),
        m.looks_like("uphill", "θ moves uphill: θ ← θ − ηv", _slip(sign=-1.0)),
    ),
    hints=("A step does two things: the velocity forgets a little (a factor μ) and takes in the new gradient; then "
           "θ moves against the velocity, by η times it. Return both.",
           "Start from the v you are given (the previous step's), not from zero; v holds gradients, η comes in only "
           "when θ moves; θ moves by the new v.",
           "v = mu * v + g; return theta - lr * v, v."),
)


# -- 09.5, Adam ------------------------------------------------------------------------------------------

def adam_step(theta, g, state, lr, beta1, beta2, eps, *, corrected=True, t_first=True, eps_inside=False,
              swapped=False, carried=True, keep="m and s", count=True, root=True, sign=1.0):
    """The key's Adam step; the keywords make the usual slips."""
    m_, s, t = state if carried else (np.zeros_like(theta), np.zeros_like(theta), 0)
    if swapped:
        beta1, beta2 = beta2, beta1
    m_ = beta1 * m_ + (1 - beta1) * g
    s = beta2 * s + (1 - beta2) * g * g
    t_used = t + 1 if t_first else t        # the correction's t: 1 at the first step
    m_hat, s_hat = (m_ / (1 - beta1**t_used), s / (1 - beta2**t_used)) if corrected else (m_, s)
    scale = np.sqrt(s_hat + eps) if eps_inside else (np.sqrt(s_hat) if root else s_hat) + eps
    new_theta = theta - sign * lr * m_hat / scale
    kept = (m_hat, s_hat) if keep == "the corrected ones" else (m_, s)
    return new_theta, (*kept, t + 1 if count else t)


def run_adam(step, theta, gradients, lr, beta1, beta2, eps):
    """θ, m and s after the first step and after the last, each step given the state the previous one returned."""
    state, seen = (np.zeros_like(theta), np.zeros_like(theta), 0), []
    for g in gradients:
        result = step(theta, g.copy(), state, lr, beta1, beta2, eps)
        if _is_missing(result):
            return None
        theta, state = _pair(result, "state")
        if _is_missing(theta) or _is_missing(state):
            return None
        if not isinstance(state, (tuple, list)) or len(state) != 3:
            raise NotYet("the state is three things, (m, s, t): return it as a tuple, e.g. return theta, (m, s, t)")
        seen.append((np.array(theta, dtype=float), np.array(state[0], dtype=float), np.array(state[1], dtype=float)))
    return (*seen[0], *seen[-1])


def adam_cases(rng):
    cases = []
    for _ in range(3):
        shape, steps = _shape(rng), int(rng.integers(3, 9))
        lr, beta1 = float(rng.uniform(0.001, 0.1)), float(rng.uniform(0.8, 0.95))
        beta2 = float(rng.uniform(0.99, 0.9999))
        eps = float(10.0 ** rng.uniform(-8, -6))
        theta = rng.normal(0, 2, shape)
        cases.append(Case(f"θ of shape {shape}, {steps} steps, lr {lr:.3g}, beta1 {beta1:.3g}, beta2 {beta2:.4g}, "
                          f"eps {eps:.2g}", (theta, _gradients(rng, shape, steps), lr, beta1, beta2, eps)))
    return cases


def _adam_slip(**slip):
    def my_adam_step(theta, g, state, lr, beta1, beta2, eps):
        return adam_step(theta, g, state, lr, beta1, beta2, eps, **slip)
    return my_adam_step


ADAM = Build(
    asks="your Adam step",
    form="a function my_adam_step(theta, g, state, lr, beta1, beta2, eps) returning (new theta, (m, s, t))",
    outputs=("θ after the first step", "m after the first step", "s after the first step", "θ after the last step",
             "m after the last step", "s after the last step"),
    reference=adam_step,
    harness=run_adam,
    cases=adam_cases,
    source='''import numpy as np


def my_adam_step(theta, g, state, lr, beta1, beta2, eps):
    m, s, t = state
    t = t + 1                                  # this is step number t
    m = beta1 * m + (1 - beta1) * g            # running mean of g
    s = beta2 * s + (1 - beta2) * g**2         # running mean of g squared
    m_hat, s_hat = m / (1 - beta1**t), s / (1 - beta2**t)   # undo the pull towards the zero start
    return theta - lr * m_hat / (np.sqrt(s_hat) + eps), (m, s, t)
''',
    forbidden=(Adam,),
    rtol=1e-9, atol=1e-13,
    misconceptions=(
        m.looks_like("no bias correction", "the bias correction is missing: m and s start at 0, so divide them "
                     "by 1 − β₁ᵗ and 1 − β₂ᵗ before the step", _adam_slip(corrected=False)),
        m.looks_like("t from 0", "the correction divides by 1 − βᵗ with t = 0 at the first step, which is 0: "
                     "count this step first (t ← t + 1), then correct", _adam_slip(t_first=False)),
        m.looks_like("ε inside the root", "ε belongs outside the square root, η·m̂/(√ŝ + ε); under the root it "
                     "changes the steps of parameters with tiny gradients", _adam_slip(eps_inside=True)),
        m.looks_like("β₁ and β₂ swapped", "β₁ and β₂ look swapped: β₁ belongs to the mean of g, β₂ to the mean "
                     "of g²", _adam_slip(swapped=True)),
        m.looks_like("state not carried", "your first step is right, the later ones are not: each step must start "
                     "from the state (m, s, t) the previous step returned, not from zeros", _adam_slip(carried=False)),
        m.looks_like("corrected state", "the state keeps m and s themselves; m̂ and ŝ are for this step only "
                     "(stored, they would be corrected again and again)", _adam_slip(keep="the corrected ones")),
        m.looks_like("t not carried", "your first step is right, the later ones are not: the state you return "
                     "must hold the new step count t, or every step is corrected as if it were the first",
                     _adam_slip(count=False)),
        m.looks_like("no square root", "Adam divides m̂ by the square root of ŝ, not by ŝ", _adam_slip(root=False)),
        m.looks_like("uphill", "θ moves uphill: θ ← θ − η·m̂/(√ŝ + ε)", _adam_slip(sign=-1.0)),
    ),
    hints=("Unpack the state, count this step, update the two running means, correct them for their zero start, "
           "move θ, and return θ with the new state (m, s, t).",
           "The first step is step t = 1. The corrected m̂ and ŝ are used for the move only: the state keeps m and "
           "s. ε is added after the square root.",
           "t ← t + 1; m ← β₁m + (1 − β₁)g; s ← β₂s + (1 − β₂)g²; m̂ = m/(1 − β₁ᵗ); ŝ = s/(1 − β₂ᵗ); "
           "θ ← θ − η·m̂/(√ŝ + ε); return θ, (m, s, t)."),
)
