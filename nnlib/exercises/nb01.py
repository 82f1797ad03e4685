"""Answer keys of notebook 01 · One neuron and its activations."""

import numpy as np

from ..activations import sigmoid
from . import misconceptions as m
from .tutor import Exercise

# Exercise 01.1: a tanh neuron with these weights, bias and input.
W, B, X = np.array([0.5, -0.25]), 0.5, np.array([1.0, 2.0])

EXERCISES = {
    "01.1": Exercise(
        asks="the neuron's output",
        answer=np.tanh(W @ X + B),
        misconceptions=(
            m.looks_like("pre-activation", "that is z, the weighted sum plus bias; the output is tanh(z)", W @ X + B),
            m.looks_like("no bias", "the bias seems to be missing from z", np.tanh(W @ X)),
            m.looks_like("sigmoid", "that is the sigmoid of z; this neuron's activation is tanh", sigmoid(W @ X + B)),
            m.looks_like("inputs paired wrongly", "each weight multiplies its own input: w1 with x1, w2 with x2",
                         np.tanh(W @ X[::-1] + B)),
            m.sign_flip("z = w1 x1 + w2 x2 + b, with the signs of the weights as given"),
        ),
        hints=("First the weighted sum z, then the activation.",
               "z = w·x + b (in numpy: w @ x + b), then a = np.tanh(z)."),
    ),
    "01.2": Exercise(
        asks="σ' as a function of the output a",
        form="a function of the output a",
        answer=lambda a: a * (1 - a),
        points=np.linspace(0.01, 0.99, 50),
        misconceptions=(
            m.derivative_of_output(lambda a: sigmoid(a) * (1 - sigmoid(a))),
            m.looks_like("tanh's formula", "1 − a² is tanh' written with tanh's output; the sigmoid's is different",
                         lambda a: 1 - a**2),
            m.looks_like("one factor", "σ'(z) has two factors, each with a", lambda a: 1 - a),
            m.sign_flip("σ' is positive everywhere, and a lies between 0 and 1"),
        ),
        hints=("Section 3 let SymPy rewrite σ'(z) in terms of the output a = σ(z).",
               "σ'(z) = σ(z)(1 − σ(z)); with a = σ(z) that is a function of a alone, no exponential needed."),
    ),
    "01.3": Exercise(
        asks="log σ(z)",
        form="a function of z",
        answer=lambda z: -np.logaddexp(0, -z),
        points=np.concatenate([np.linspace(-800, -100, 8), np.linspace(-40, 40, 81), np.linspace(100, 800, 8)]),
        misconceptions=(
            m.not_finite_where_right_is("σ(z) rounds to 0 far to the left before the log is taken; compute "
                                        "log σ(z) from z, without forming σ(z) first"),
            m.sign_flip("σ(z) < 1, so log σ(z) is never positive"),
            m.looks_like("the other class", "that is log(1 − σ(z)) = log σ(−z), the term of the other class",
                         lambda z: -np.logaddexp(0, z)),
        ),
        hints=("Write log σ(z) = log(1 / (1 + e^(−z))) and use the rules of logarithms before any numpy.",
               "log σ(z) = −log(1 + e^(−z)) = −log(e^0 + e^(−z)), and np.logaddexp(a, b) is log(e^a + e^b) "
               "computed without forming either exponential."),
    ),
}
