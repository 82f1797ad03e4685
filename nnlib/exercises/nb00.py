"""Answer keys of notebook 00 · Start here."""

import numpy as np

from . import misconceptions as m
from .tutor import Exercise, NotYet

# 00.3: X of shape (6, 3), W of shape (2, 3), b of shape (2,); the shapes of three expressions.
SHAPES = ((6, 2), (3,), (6, 3))   # X @ W.T + b, X.mean(axis=0), X - X.mean(axis=0)
_FORM = "give a list of three shapes, one per expression, each a tuple such as (4, 5) or (7,)"


def _shape(part):
    """One shape as two numbers, a missing second axis as -1: (6, 2) -> [6, 2], (3,) or 3 -> [3, -1]."""
    if isinstance(part, (int, np.integer)):
        part = (part,)
    if not isinstance(part, (tuple, list)) or not 1 <= len(part) <= 2 \
            or not all(isinstance(n, (int, np.integer)) for n in part):
        raise NotYet(_FORM)
    return [int(part[0]), int(part[1]) if len(part) == 2 else -1]


def shapes(answer):
    """The three shapes of the answer as a 3-by-2 array of whole numbers (-1 where a shape has one axis)."""
    if not isinstance(answer, (tuple, list)) or len(answer) != 3:
        raise NotYet(_FORM)
    return np.array([_shape(part) for part in answer], dtype=float)


def _part(k, *wrong_shapes):
    """A test: the k-th shape of the answer is one of the given wrong shapes."""
    encoded = [_shape(shape) for shape in wrong_shapes]
    return lambda got, right: got.shape == right.shape and any(list(got[k]) == e for e in encoded)

EXERCISES = {
    "00.1": Exercise(
        asks="the list of targets of x1 ⇒ x2",
        form="a list of four numbers, for (0,0), (0,1), (1,0), (1,1) in that order",
        answer=[1, 1, 0, 1],
        misconceptions=(
            m.looks_like("reversed arrow", "these are the targets of x2 ⇒ x1: the arrow points from x1 to x2",
                         [1, 0, 1, 1]),
            m.looks_like("XOR", "these are XOR's targets, the gate of the first taste", [0, 1, 1, 0]),
            m.looks_like("labels flipped", "every target is flipped: the implication is false in one case only",
                         [0, 0, 1, 0]),
        ),
        hints=("'x1 implies x2' is a promise: if x1 is 1, then x2 is 1. It is broken in one case only.",
               "An implication is false only when its premise is true and its conclusion false: "
               "test each of the four rows against that."),
    ),
    "00.2": Exercise(
        asks="the number of parameters of mlp([2, 4, 1])",
        form="a whole number",
        answer=2 * 4 + 4 + 4 * 1 + 1,   # layer 1: 4×2 weights and 4 biases; layer 2: 1×4 weights and 1 bias
        misconceptions=(
            m.looks_like("weights only", "you seem to have counted the weights but not the biases",
                         2 * 4 + 4 * 1),
            m.looks_like("units", "that is the number of units (neurons), not of the numbers the network learns",
                         2 + 4 + 1),
            m.looks_like("biases on the inputs", "the inputs have no biases: only units that compute something do",
                         2 * 4 + 4 * 1 + 2 + 4 + 1),
            m.looks_like("product of sizes", "multiplying all layer sizes counts paths through the network, "
                         "not weights", 2 * 4 * 1),
            m.off_by_one("did you count every bias, one per hidden and output unit?"),
        ),
        hints=("Each layer has a weight for every (input, unit) pair and one bias per unit.",
               "A Dense(n_in, n_out) layer has n_in·n_out weights and n_out biases; add up both layers' weights "
               "and biases."),
    ),
    "00.3": Exercise(
        asks="the list of three shapes",
        form="a list of three shapes, e.g. [(4, 5), (7,), (8, 9)]",
        answer=[_shape(shape) for shape in SHAPES],
        observe=shapes,
        solution=list(SHAPES),
        misconceptions=(
            m.Misconception("transposed", "the first shape looks transposed: X @ W.T puts the samples in rows, "
                            "one column per output unit", test=_part(0, (2, 6))),
            m.Misconception("no W.T", "X @ W.T multiplies X by the transpose of W: (samples, inputs) times "
                            "(inputs, outputs) leaves (samples, outputs)", test=_part(0, (6, 3), (2, 3), (3, 2))),
            m.Misconception("wrong axis", "axis=0 runs down the rows, over the samples: what is left is one mean "
                            "per column, per input", test=_part(1, (6,), (6, -1), (1, 6), (6, 1))),
            m.Misconception("kept the axis", "without keepdims=True the averaged axis disappears: the mean over the "
                            "rows has one axis", test=_part(1, (1, 3))),
            m.Misconception("no broadcasting", "subtracting the column means from every row does not shrink X: numpy "
                            "broadcasts the smaller array over the rows",
                            test=_part(2, (3,), (1, 3), (6,))),
        ),
        hints=("In a product A @ B the inner sizes must match and the outer ones are left; axis=0 of a (samples, "
               "inputs) array runs over the samples; a row subtracted from a matrix is repeated for every row.",
               "Try it: make arrays of these shapes with np.zeros and print the .shape of each expression."),
    ),
}

