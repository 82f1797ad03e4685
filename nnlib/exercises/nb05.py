"""Answer keys of notebook 05 · XOR learned by a hidden layer."""

import numpy as np

from ..activations import sigmoid
from ..data import logic_gate
from . import misconceptions as m
from .tutor import Exercise, NotYet

X_XOR, Y_XOR = logic_gate("xor", encoding="bipolar")


def hidden_values(X, W, b):  # noqa: N803 (the notebook's names)
    return np.tanh(X @ W.T + b)   # row i: h for input i; column j: hidden unit j


def rounded_outputs(weights):
    """Exercise 05.2: the rounded outputs of the 2-2-1 tanh network with the student's [W, b, v, c]."""
    from ..network import mlp

    if not isinstance(weights, (list, tuple)) or len(weights) != 4:
        raise NotYet("give a list of four arrays, [W, b, v, c]")
    net = mlp([2, 2, 1], hidden="tanh", output="tanh", seed=0)
    try:
        net.set_parameters([np.asarray(p, dtype=float) for p in weights])
    except (TypeError, ValueError):
        raise NotYet("W, b, v and c must have the shapes of the 2-2-1 network's parameters, as in section 3 "
                     "(net.get_parameters() shows them)") from None
    return np.round(net.predict(X_XOR)[:, 0])


EXERCISES = {
    "05.1": Exercise(
        asks="H, the hidden values",
        form="an array with one row per input and one column per hidden unit",
        answer=hidden_values,
        needs=("X", "W", "b"),
        misconceptions=(
            m.looks_like("W not transposed", "this looks like X @ W: row j of W holds the weights into unit j, so "
                         "each input must meet W's rows, not its columns", lambda X, W, b: np.tanh(X @ W + b)),
            m.looks_like("no bias", "the bias b seems to be missing", lambda X, W, b: np.tanh(X @ W.T)),
            m.looks_like("no activation", "these are the units' inputs z; the hidden values are tanh(z)",
                         lambda X, W, b: X @ W.T + b),
            m.looks_like("sigmoid", "this network's hidden units are tanh, not sigmoid",
                         lambda X, W, b: sigmoid(X @ W.T + b)),
            m.looks_like("tanh twice", "tanh seems to be applied twice", lambda X, W, b: np.tanh(np.tanh(X @ W.T + b))),
        ),
        hints=("Each row of X is one input x; hidden unit j computes tanh(w_j · x + b_j), with w_j row j of W.",
               "For all inputs at once: tanh of the matrix product of X with W transposed, plus b."),
    ),
    "05.2": Exercise(
        asks="the network's rounded outputs",
        form="a list [W, b, v, c] of the network's four parameter arrays",
        answer=Y_XOR,
        observe=rounded_outputs,
        solution=[np.array([[5.0, 5.0], [5.0, 5.0]]), np.array([-5.0, 5.0]), np.array([[-5.0, 5.0]]),
                  np.array([-5.0])],
        misconceptions=(
            m.sign_flip("your network computes XNOR, the opposite of XOR: flip the signs of the output weights "
                        "and bias"),
            m.looks_like("AND", "the output is +1 only for (+1, +1): it follows the AND unit; XOR is OR and not AND",
                         [-1.0, -1.0, -1.0, 1.0]),
            m.looks_like("OR", "the output follows the OR unit alone; XOR must also be −1 when both inputs are +1",
                         [-1.0, 1.0, 1.0, 1.0]),
            m.Misconception("constant", "the output is the same for all four inputs: the output unit ignores the "
                            "hidden units (are the output weights 0, or the hidden units saturated the same way?)",
                            test=lambda got, right: got.size == 4 and bool(np.all(got == got[0]))),
        ),
        hints=("Let unit 1 be an AND (on only for (+1, +1)) and unit 2 an OR (off only for (−1, −1)); large "
               "weights make tanh nearly ±1.",
               "AND needs a line with (+1, +1) alone on its positive side, OR one with (−1, −1) alone on its "
               "negative side: both run parallel to x1 + x2 = 0, on opposite sides of it. Scale each unit's weights "
               "and bias up together until tanh saturates, then choose v and c so that the output is positive only "
               "when h1 ≈ −1 and h2 ≈ +1."),
    ),
    "05.3": Exercise(
        asks="the floor of seed 1's loss",
        answer=0.5,
        misconceptions=(
            m.looks_like("zero", "the loss only falls to 0 if every point is right; two of seed 1's outputs stay "
                         "at 0", 0.0),
            m.sum_instead_of_mean(4, why="the mean squared error divides by the four points"),
            m.looks_like("outputs all 0", "that is the loss with all four outputs at 0; two of them go to their "
                         "targets", 1.0),
            m.looks_like("one wrong point", "two points stay at 0, not one", 0.25),
        ),
        hints=("Which outputs go to ±1 exactly, and which stay at 0? Add up the squared errors.",
               "The loss is (1/4)·Σ (output − target)² over the four points: which of the four terms vanish, and how "
               "far is each of the others from its target?"),
    ),
}
