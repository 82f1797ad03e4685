"""Answer keys of notebook 00 · Start here."""

from . import misconceptions as m
from .tutor import Exercise

EXERCISES = {
    "00.1": Exercise(
        asks="the list of XOR targets",
        form="a list of four numbers, for (0,0), (0,1), (1,0), (1,1) in that order",
        answer=[0, 1, 1, 0],
        misconceptions=(
            m.looks_like("OR", "these are the targets of OR: XOR is 0 when both inputs are 1", [0, 1, 1, 1]),
            m.looks_like("AND", "these are the targets of AND, which is 1 only when both inputs are 1", [0, 0, 0, 1]),
            m.looks_like("XNOR", "every target is the opposite of XOR's: this is 'equal', not 'exclusive or'",
                         [1, 0, 0, 1]),
        ),
        hints=("XOR means exclusive or: one input or the other, but not both.",
               "The target is 1 when exactly one of the two inputs is 1, and 0 when the inputs are equal."),
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
               "A Dense(n_in, n_out) layer has n_in·n_out weights and n_out biases; add the two layers. "
               "To check yourself: sum(p.size for p in net.parameters())."),
    ),
}
