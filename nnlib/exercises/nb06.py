"""Answer keys of notebook 06 · Two outputs and the bias."""

import numpy as np

from ..activations import sigmoid
from . import misconceptions as m
from .tutor import Exercise


def wide(W, b):  # noqa: N803 (the notebook's names)
    return np.column_stack([W, b])   # the bias is the weight of the constant input 1, the last one


def hidden_delta(delta_out, W2, h):  # noqa: N803
    return (delta_out @ W2) * h * (1 - h)   # (W2ᵀ δ_out) ⊙ σ'(z_hidden), one row per sample


EXERCISES = {
    "06.1": Exercise(
        asks="W_wide",
        form="an array with one row per unit and one column per input, the constant 1 included",
        answer=wide,
        needs=("W", "b"),
        misconceptions=(
            m.looks_like("bias first", "the constant 1 is the last input, so its weights are the last column",
                         lambda W, b: np.column_stack([b, W])),
            m.transposed("W_wide has one row per unit, like W"),
            m.looks_like("bias negated", "the bias is added, z = W x + b, so it enters with its own sign",
                         lambda W, b: np.column_stack([W, -b])),
        ),
        hints=("The wide layer sees [x1, x2, 1]; the weight on the 1 multiplies nothing but 1, so it is the bias.",
               "W_wide is W with one more column, the weights of the constant 1 (the last input). Build it from W "
               "and b without changing either; numpy can stack arrays side by side."),
    ),
    "06.2": Exercise(
        asks="δ_hidden",
        form="an array with one row per sample and one column per hidden unit",
        answer=hidden_delta,
        needs=("delta_out", "W2", "h"),
        misconceptions=(
            m.looks_like("no σ'", "the factor σ'(z_hidden) = h(1 − h) seems to be missing: W2ᵀ δ_out is the gradient "
                         "with respect to h, not to z_hidden", lambda delta_out, W2, h: delta_out @ W2),
            m.derivative_of_output(lambda delta_out, W2, h: (delta_out @ W2) * sigmoid(h) * (1 - sigmoid(h)),
                                   why="h is already σ(z), so σ'(z) = h(1 − h)"),
            m.looks_like("one output", "only one output's error arrives: both outputs send theirs back, and W2ᵀ δ_out "
                         "adds them", lambda delta_out, W2, h: np.outer(delta_out[:, 0], W2[0]) * h * (1 - h)),
            m.looks_like("no W2", "the output errors reach hidden unit j through its outgoing weights, column j of W2",
                         lambda delta_out, W2, h: delta_out.sum(axis=1, keepdims=True) * h * (1 - h)),
            m.transposed("δ_hidden has one row per sample, like h, and one column per hidden unit"),
            m.looks_like("summed over samples", "this looks like δ_hidden summed over the samples, which is ∂L/∂b1; "
                         "the exercise asks for every sample's own row", lambda delta_out, W2, h:
                         hidden_delta(delta_out, W2, h).sum(axis=0)),
        ),
        hints=("Each hidden unit collects the output deltas through its outgoing weights, then passes them "
               "through its own sigmoid.",
               "Chain rule in two steps: ∂L/∂h, each hidden unit's share of the output deltas through its outgoing "
               "weights (a product with W2, oriented to give one column per hidden unit), then times σ'(z_hidden), "
               "written with h alone."),
    ),
    "06.3": Exercise(
        asks="the output at the origin",
        answer=0.5,
        misconceptions=(
            m.looks_like("tanh(0)", "0 is what the tanh hidden units give at the origin; the output unit is a "
                         "sigmoid", 0.0),
            m.looks_like("slope", "that is the sigmoid's slope at 0, not its value", 0.25),
            m.looks_like("one", "at the origin every unit's input is 0, not 1", float(sigmoid(1.0))),
            m.looks_like("certain", "a sigmoid reaches 1 only at infinity", 1.0),
        ),
        hints=("Without biases, what does each hidden unit get as its input at x = (0, 0)? And the output unit?",
               "Every hidden z is W·0 = 0: what does each hidden unit output then, and so what is the output "
               "unit's z, and its value?"),
    ),
}
