"""Answer keys of notebook 09 · The learning rate and optimisers."""

import numpy as np

from . import misconceptions as m
from . import track09
from .tutor import Exercise

# Exercise 09.1: plain descent on ½ θᵀAθ is stable for η < 2/h_max (h: the eigenvalues of A).
A = np.array([[5.0, 2.0], [2.0, 2.0]])
EIGENVALUES = np.linalg.eigvalsh(A)          # ascending: h_min, h_max

# Exercise 09.2: two Adam steps from THETA0, with the gradients G1 then G2. Two steps, not one: after one step
# from a zero state Adam moves each coordinate by η (the chapter says so), and after two the bias correction
# no longer cancels, so a missing correction, a state restarted at every step or a step count that stays at 1
# each give another θ₂.
THETA0, G1, G2, LR = np.array([1.0, 1.0]), np.array([0.05, -300.0]), np.array([-0.02, 100.0]), 0.01
BETA1, BETA2, EPS = 0.9, 0.999, 1e-8


def adam_two_steps(**slip):
    """θ₂ after Adam steps with G1 and G2 from a zero state; the keywords make track09's slips."""
    theta, state = THETA0, (np.zeros(2), np.zeros(2), 0)
    with np.errstate(all="ignore"):
        for g in (G1, G2):
            theta, state = track09.adam_step(theta, g, state, LR, BETA1, BETA2, EPS, **slip)
    return theta


# Exercise 09.3: a relu unit is dead on a set of points when w·x + b ≤ 0 for every one of them.
POINTS = np.array([[1.0, 1.0], [-1.2, 0.4], [0.8, -1.1], [-0.3, -0.9]])
W_UNIT = np.array([0.5, -0.3])
Z_NO_BIAS = POINTS @ W_UNIT

EXERCISES = {
    "09.1": Exercise(
        asks="the largest stable learning rate",
        answer=2 / EIGENVALUES[-1],
        misconceptions=(
            m.missing_factor_2("the step multiplies the steepest direction by 1 − η·h_max, which reaches −1 only at "
                               "twice the rate you found"),
            m.looks_like("h_min", "that uses the smallest eigenvalue; the steepest direction, with the largest "
                         "eigenvalue, is the one that starts to grow first", 2 / EIGENVALUES[0]),
            m.looks_like("diagonal", "that uses the largest diagonal entry of A; A is not diagonal, so the bound "
                         "needs its largest eigenvalue (np.linalg.eigvalsh)", 2 / A.diagonal().max()),
            m.looks_like("best rate", "that is 2/(h_min + h_max), the best fixed rate; the question asks where "
                         "descent stops converging", 2 / EIGENVALUES.sum()),
            m.looks_like("upside down", "that is h_max/2, the bound turned upside down", EIGENVALUES[-1] / 2),
        ),
        hints=("Each eigen-direction of A is multiplied by 1 − η·h per step, h its eigenvalue; which direction "
               "breaks first?",
               "Descent is stable for η < 2/h_max; np.linalg.eigvalsh(A) gives the eigenvalues in ascending order."),
    ),
    "09.2": Exercise(
        asks="θ₂ after two Adam steps",
        form="an array of two numbers",
        answer=adam_two_steps(),
        misconceptions=(
            m.looks_like("plain descent", "that is plain gradient descent, θ₀ − η(g₁ + g₂); Adam divides by the "
                         "square root of the running mean of g²", THETA0 - LR * (G1 + G2)),
            m.looks_like("no bias correction", "that is without the bias correction: at step t divide m by 1 − β₁ᵗ "
                         "and s by 1 − β₂ᵗ", adam_two_steps(corrected=False)),
            m.looks_like("state restarted", "that starts the second step from m = s = 0 again; m and s carry over "
                         "from the first step", adam_two_steps(carried=False)),
            m.looks_like("t stays 1", "the second step is step t = 2: its correction divides by 1 − β₁² and "
                         "1 − β₂²", adam_two_steps(count=False)),
            m.looks_like("corrected state", "m and s carry over as they are; m̂ and ŝ are for one step only",
                         adam_two_steps(keep="the corrected ones")),
            m.looks_like("no square root", "that divides by ŝ itself; Adam divides by its square root",
                         adam_two_steps(root=False)),
            m.looks_like("β₁ and β₂ swapped", "β₁ and β₂ look swapped: β₁ belongs to the mean of g, β₂ to the "
                         "mean of g²",
                         adam_two_steps(swapped=True)),
            m.looks_like("uphill", "those steps go uphill: Adam subtracts η·m̂/(√ŝ + ε) from θ",
                         adam_two_steps(sign=-1.0)),
            m.looks_like("one step", "that is θ₁, after the first step only; the question asks for θ₂",
                         track09.adam_step(THETA0, G1, (np.zeros(2), np.zeros(2), 0), LR, BETA1, BETA2, EPS)[0]),
            m.looks_like("the steps", "that is θ₂ − θ₀, how far θ moved; the question asks for θ₂ itself",
                         adam_two_steps() - THETA0),
        ),
        hints=("Write down m, s and t after the first step, then do the second step from them: m and s carry over.",
               "For t = 1, 2: m ← β₁m + (1 − β₁)g_t, s ← β₂s + (1 − β₂)g_t², m̂ = m/(1 − β₁ᵗ), ŝ = s/(1 − β₂ᵗ), "
               "θ ← θ − η·m̂/(√ŝ + ε), one coordinate at a time."),
    ),
    "09.3": Exercise(
        asks="the largest bias that makes the unit dead on all four points",
        answer=-Z_NO_BIAS.max(),
        misconceptions=(
            m.looks_like("sign", "with that bias z = w·x + b is positive at every point: the bias must push z down, "
                         "below zero", Z_NO_BIAS.max()),
            m.looks_like("smallest", "with that bias the unit is still positive at most points; it must be ≤ 0 where "
                         "w·x is largest, not where it is smallest", -Z_NO_BIAS.min()),
            m.looks_like("mean", "that is minus the mean of w·x; the unit must be off at every point, so the "
                         "largest w·x decides", -Z_NO_BIAS.mean()),
            m.looks_like("one point", "that silences only the first point; the unit must be ≤ 0 at all four",
                         -Z_NO_BIAS[0]),
            m.Misconception("not the largest", "with that bias the unit is dead on all four points, but a larger "
                            "bias would still do it: the question asks for the largest one",
                            test=lambda got, right: got.shape == right.shape and bool(np.all(got < right))),
        ),
        hints=("Compute z without the bias, w·x, for each of the four points.",
               "The unit is dead when w·x + b ≤ 0 for every point, i.e. b ≤ −(w·x) for the point with the "
               "largest w·x."),
    ),
    # The build track: the student writes one momentum step and one Adam step (track09.py).
    "09.4": track09.MOMENTUM,
    "09.5": track09.ADAM,
}
