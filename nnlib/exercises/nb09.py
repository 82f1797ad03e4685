"""Answer keys of notebook 09 · The learning rate and optimisers."""

import numpy as np

from . import misconceptions as m
from .tutor import Exercise

# Exercise 09.1: plain descent on ½ θᵀAθ is stable for η < 2/h_max (h: the eigenvalues of A).
A = np.array([[5.0, 2.0], [2.0, 2.0]])
EIGENVALUES = np.linalg.eigvalsh(A)          # ascending: h_min, h_max

# Exercise 09.2: one Adam step (t = 1) from THETA0 where the gradient is G.
THETA0, G, LR = np.array([1.0, 1.0]), np.array([0.05, -300.0]), 0.01
BETA1, BETA2, EPS = 0.9, 0.999, 1e-8


def adam_first_step(theta, g, lr, bias_correction=True, root=True):
    m_, s = (1 - BETA1) * g, (1 - BETA2) * g * g                     # m and s after one step from 0
    if bias_correction:
        m_, s = m_ / (1 - BETA1), s / (1 - BETA2)
    return theta - lr * m_ / ((np.sqrt(s) if root else s) + EPS)


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
        asks="θ₁ after one Adam step",
        form="an array of two numbers",
        answer=adam_first_step(THETA0, G, LR),
        misconceptions=(
            m.looks_like("plain descent", "that is a plain gradient-descent step θ₀ − η·g; Adam divides by the "
                         "square root of the running mean of g²", THETA0 - LR * G),
            m.looks_like("no bias correction", "that is without the bias correction: at t = 1 divide m by 1 − β₁ "
                         "and s by 1 − β₂", adam_first_step(THETA0, G, LR, bias_correction=False)),
            m.looks_like("no square root", "that divides by ŝ itself; Adam divides by its square root",
                         adam_first_step(THETA0, G, LR, root=False)),
            m.looks_like("uphill", "that step goes uphill: Adam subtracts η·m̂/(√ŝ + ε) from θ",
                         2 * THETA0 - adam_first_step(THETA0, G, LR)),
            m.looks_like("the step", "that is the step θ₁ − θ₀; the question asks for θ₁ itself",
                         adam_first_step(THETA0, G, LR) - THETA0),
            m.looks_like("one direction for both", "both coordinates moved the same way; Adam moves each one "
                         "against the sign of its own gradient", THETA0 - LR),
        ),
        hints=("After one step from m = s = 0, what are m̂ and ŝ once the bias correction is applied?",
               "At t = 1 the bias correction undoes the factors 1 − β₁ and 1 − β₂ exactly; put the m̂ and ŝ you get "
               "into θ₁ = θ₀ − η·m̂/(√ŝ + ε), one coordinate at a time."),
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
}
