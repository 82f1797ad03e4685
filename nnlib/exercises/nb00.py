"""Answer keys of notebook 00 · Start here."""

from . import misconceptions as m
from .tutor import Exercise

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
}
