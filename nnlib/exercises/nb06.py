"""Answer keys of notebook 06 · Two outputs and the bias.

The exercises' data make the usual wrong formulas give other numbers: 06.1's hidden values are tanh
outputs, so the sigmoid's h(1 − h) (the formula the notebook shows) is not 1 − h²; 06.2's three points
have no point at the origin, so the text's "one point stuck at 0.5" gives another floor; 06.3's samples
and units differ in number, so summing over the wrong axis gives another shape.
"""

import numpy as np

from . import misconceptions as m
from .tutor import Exercise


def tanh_hidden_delta(delta_out, W2, h):  # noqa: N803 (the notebook's names)
    return (delta_out @ W2) * (1 - h**2)   # (W2ᵀ δ_out) ⊙ tanh'(z) with tanh'(z) = 1 − tanh(z)², one row per sample


def _back(delta_out, W2):  # noqa: N803
    return delta_out @ W2   # ∂L/∂h: each hidden unit's share of both outputs' deltas


# 06.2: (1, 0) and (−1, 0) with target 1, (0, 1) with target 0, one sigmoid neuron without a bias.
# σ(w1) and σ(−w1) add up to 1, so the pair costs −ln σ(u) − ln(1 − σ(u)) ≥ 2 ln 2 (at u = 0);
# (0, 1) costs −ln(1 − σ(w2)) → 0 as w2 → −∞. The mean over the three points: 2 ln 2 / 3.
FLOOR_POINTS = np.array([[1.0, 0.0], [-1.0, 0.0], [0.0, 1.0]])
FLOOR_TARGETS = np.array([1.0, 1.0, 0.0])
LN2 = float(np.log(2))


def constant_input_gradient(dZ, X):  # noqa: N803
    return dZ.sum(axis=0)   # dW_wide = dZᵀ [X | 1]: its last column is dZᵀ 1, δ summed over the samples


EXERCISES = {
    "06.1": Exercise(
        asks="δ_hidden of the tanh layer",
        form="an array with one row per sample and one column per hidden unit",
        answer=tanh_hidden_delta,
        needs=("delta_out", "W2", "h"),
        misconceptions=(
            m.looks_like("sigmoid's derivative", "h(1 − h) is the sigmoid's derivative written with its output; "
                         "these hidden units are tanh units",
                         lambda delta_out, W2, h: _back(delta_out, W2) * h * (1 - h)),
            m.derivative_of_output(lambda delta_out, W2, h: _back(delta_out, W2) * (1 - np.tanh(h) ** 2),
                                   f="tanh", why="h is already tanh(z), so tanh'(z) is written with h alone"),
            m.looks_like("no tanh'", "the factor tanh'(z_hidden) seems to be missing: the product with W2 is the "
                         "gradient with respect to h, not to z_hidden",
                         lambda delta_out, W2, h: _back(delta_out, W2)),
            m.looks_like("1 − h", "tanh'(z) is 1 − tanh(z)²: the square seems to be missing",
                         lambda delta_out, W2, h: _back(delta_out, W2) * (1 - h)),
            m.looks_like("(1 − h)²", "the square belongs to h, inside: 1 − h², not (1 − h)²",
                         lambda delta_out, W2, h: _back(delta_out, W2) * (1 - h) ** 2),
            m.looks_like("one output", "only one output's error arrives: both outputs send theirs back, and the "
                         "product with W2 adds them",
                         lambda delta_out, W2, h: np.outer(delta_out[:, 0], W2[0]) * (1 - h**2)),
            m.transposed("δ_hidden has one row per sample, like h, and one column per hidden unit"),
            m.looks_like("summed over samples", "this looks like δ_hidden summed over the samples, which is "
                         "∂L/∂b1; the exercise asks for every sample's own row",
                         lambda delta_out, W2, h: tanh_hidden_delta(delta_out, W2, h).sum(axis=0)),
        ),
        hints=("Two steps, as for the sigmoid layer: the output deltas reach each hidden unit through its "
               "outgoing weights, then pass back through that unit's own activation, here tanh.",
               "δ_hidden = (W2ᵀ δ_out) ⊙ tanh'(z_hidden), for every sample a row: delta_out @ W2, times the "
               "derivative of tanh written with h = tanh(z) alone (differentiate tanh, or see notebook 01)."),
    ),
    "06.2": Exercise(
        asks="the floor of the mean loss",
        answer=2 * LN2 / 3,
        misconceptions=(
            m.looks_like("one point stuck", "that is one point stuck at 0.5 out of three, as at the origin in "
                         "the text; here no point is at the origin, but look at what σ(w1) and σ(−w1) add up to",
                         LN2 / 3),
            m.looks_like("every point at 0.5", "the point (0, 1) is not stuck: its output σ(w2) can go as close "
                         "to 0 as it likes", LN2),
            m.sum_instead_of_mean(3, why="the loss is the mean over the three points"),
            m.looks_like("zero", "the loss cannot reach 0: the two points (1, 0) and (−1, 0) want σ(w1) and "
                         "σ(−w1) both near 1, and those two add up to 1", 0.0),
            m.looks_like("log base 2", "binary cross-entropy uses the natural logarithm, np.log, not log2",
                         2 / 3),
        ),
        hints=("Write the neuron's output at each point. At (1, 0) it is σ(w1), at (−1, 0) it is σ(−w1), and "
               "σ(−u) = 1 − σ(u): the two cannot both be near 1.",
               "The pair costs −ln σ(u) − ln(1 − σ(u)), smallest at u = 0; the third point's cost −ln(1 − σ(w2)) "
               "goes to 0 as w2 → −∞. Add the three costs at their best and take the mean over three points."),
    ),
    "06.3": Exercise(
        asks="the gradient of the constant input's weights",
        form="an array with one number per unit",
        answer=constant_input_gradient,
        needs=("dZ", "X"),
        misconceptions=(
            m.mean_instead_of_sum(answer=lambda dZ, X: dZ.mean(axis=0),
                                  why="the constant 1 is in every sample, so every sample's δ counts in full"),
            m.looks_like("frozen", "the constant input cannot change, but its weights can: their gradient is not 0",
                         lambda dZ, X: np.zeros(dZ.shape[1])),
            m.looks_like("summed over units", "this has one number per sample: sum over the samples instead, "
                         "to get one number per unit", lambda dZ, X: dZ.sum(axis=1)),
            m.looks_like("last real input", "that is the gradient of the weights of x2, the last real input; the "
                         "constant 1 comes after it", lambda dZ, X: (dZ.T @ X)[:, -1]),
        ),
        hints=("The wide layer's weight gradient is dZᵀ times its input [X | 1], as for any Dense layer. "
               "Which column of that input belongs to the constant?",
               "The last column of dZᵀ [X | 1] is dZᵀ times a column of ones: write what that does to dZ, "
               "and compute it with numpy."),
    ),
}
