"""Answer keys of notebook 01 · One neuron and its activations."""

import numpy as np

from ..activations import sigmoid
from . import misconceptions as m
from . import track01
from .tutor import Exercise

# Exercise 01.1: a tanh neuron with these weights, bias and input.
W, B, X = np.array([0.5, -0.25]), 0.5, np.array([1.0, 2.0])

# Exercise 01.3: a function of (z, y), tried far out in both tails and in between, for both classes.
_z = np.concatenate([np.linspace(-800, -100, 8), np.linspace(-40, 40, 81), np.linspace(100, 800, 8)])
Z3, Y3 = np.concatenate([_z, _z]), np.concatenate([np.zeros_like(_z), np.ones_like(_z)])


def capped_in_the_tails(got, right):
    """Right where the loss is small, but far too small where it is large: p clipped away from 0 and 1 (+ eps)."""
    if not np.all(np.isfinite(got)):
        return False
    small, large = right < 5, right > 100
    return bool(np.all(np.abs(got[small] - right[small]) <= 1e-3 * (1 + right[small]))
                and np.all(got[large] < 0.5 * right[large]))


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
            m.looks_like("weight's sign dropped", "w2 is negative: its input pulls z down, it does not push it up",
                         np.tanh(np.abs(W) @ X + B)),
            m.sign_flip("z = w1 x1 + w2 x2 + b, with the signs of the weights as given"),
        ),
        hints=("First the weighted sum z, then the activation.",
               "z = w·x + b: each weight times its own input, summed, plus the bias; the neuron's output is tanh "
               "of z, not z itself (numpy has both the product and tanh)."),
    ),
    "01.2": Exercise(
        asks="σ'' as a function of the output a",
        form="a function of the output a",
        answer=lambda a: a * (1 - a) * (1 - 2 * a),
        points=np.linspace(0.01, 0.99, 50),
        misconceptions=(
            m.derivative_of_output(lambda a: sigmoid(a) * (1 - sigmoid(a)) * (1 - 2 * sigmoid(a)),
                                   why="here a is already σ(z)"),
            m.looks_like("with respect to a", "that is the derivative of a(1 − a) with respect to a; σ'' is with "
                         "respect to z, so the chain rule multiplies by da/dz", lambda a: 1 - 2 * a),
            m.looks_like("σ' itself", "that is σ', the first derivative; σ'' is the derivative of it",
                         lambda a: a * (1 - a)),
            m.sign_flip("d/dz of (1 − a) is −a'"),
        ),
        hints=("σ'(z) = a(1 − a) with a = σ(z). Differentiate that product with respect to z, remembering that a "
               "depends on z.",
               "d/dz [a(1 − a)] = a'(1 − a) − a·a' = a'(1 − 2a), and a' = σ'(z) = a(1 − a). SymPy can confirm: "
               "differentiate sigma twice and use in_terms_of_output."),
    ),
    "01.3": Exercise(
        asks="the cross-entropy L(z, y)",
        form="a function of (z, y)",
        answer=lambda z, y: np.logaddexp(0, z) - y * z,
        cases=[(Z3, Y3)],
        misconceptions=(
            m.not_finite_where_right_is("far out in a tail something rounds before the log is taken (σ(z) to 0 or "
                                        "1, or e^(±z) to inf); compute the loss from z, forming neither σ(z) nor "
                                        "e^(±z)"),
            m.Misconception("clipped", "your loss is right where it is small but stops growing far out in the "
                            "tails, as if p had been clipped away from 0 and 1 (an eps in the log): a confidently "
                            "wrong neuron then gets a capped loss; compute the loss from z instead",
                            test=capped_in_the_tails),
            m.sign_flip("a loss is never negative: the minus sign in front of the bracket matters"),
            m.labels_swapped(lambda z, y: np.logaddexp(0, z) - (1 - y) * z,
                             why="that is the loss of the other class (y and 1 − y swapped)"),
            m.looks_like("y ignored", "that is the loss of a class-1 sample whatever y is; the loss must use y",
                         lambda z, y: np.logaddexp(0, -z)),
        ),
        hints=("Rewrite log σ(z) and log(1 − σ(z)) with the rules of logarithms so that only z appears, then put "
               "them into −[y log σ(z) + (1 − y) log(1 − σ(z))].",
               "log σ(z) = −log(1 + e^(−z)) and log(1 − σ(z)) = −log(1 + e^z); np.logaddexp(0, t) is log(1 + e^t) "
               "computed without forming e^t."),
    ),
    # The build track: the student writes σ and σ' (track01.py grades them on inputs made at check time).
    "01.4": track01.SIGMOID,
    "01.5": track01.SLOPE,
}
