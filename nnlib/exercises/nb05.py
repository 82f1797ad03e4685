"""Answer keys of notebook 05 · XOR learned by a hidden layer."""

import numpy as np

from ..activations import sigmoid
from ..data import logic_gate
from . import misconceptions as m
from . import track05
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
    if any(not np.array_equal(p, np.round(p)) for p in net.get_parameters()):   # e.g. the trained net's weights
        raise NotYet("build the network by hand: make every weight and bias a whole number (weights found by "
                     "training are not what this exercise asks for)")
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
            m.transposed("h = tanh(W x + b) takes x as a column, but here each input is a row of X, so H needs one "
                         "row per input"),
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
            m.Misconception("rounds to 0", "some outputs round to 0, so the output unit's input is close to 0 there: "
                            "make the weights larger so that tanh saturates, and check that v and c give every input "
                            "a clear sign", test=lambda got, right: got.size == 4 and bool(np.any(got == 0))),
        ),
        hints=("Let unit 1 be an AND (on only for (+1, +1)) and unit 2 an OR (off only for (−1, −1)); large "
               "weights make tanh nearly ±1.",
               "AND needs a line with (+1, +1) alone on its positive side, OR one with (−1, −1) alone on its "
               "negative side: both run parallel to x1 + x2 = 0, on opposite sides of it. Scale each unit's weights "
               "and bias up together until tanh saturates, then choose v and c so that the output is positive only "
               "when h1 ≈ −1 and h2 ≈ +1."),
    ),
    "05.3": Exercise(
        asks="the floor of the three-point plateau",
        answer=2 / 3,
        misconceptions=(
            m.looks_like("zero", "the loss falls to 0 only if every point is right; three points share one answer "
                         "and their targets differ", 0.0),
            m.looks_like("common answer 0", "that is the loss with the common answer 0, the best for seed 1's two "
                         "points; for targets +1, +1 and −1 another common answer does better", 0.75),
            m.looks_like("seed 1's floor", "that is seed 1's floor, where two points looked alike; here three do", 0.5),
            m.looks_like("best answer", "that is the best common answer itself; the question asks for the loss it "
                         "leaves", 1 / 3),
            m.looks_like("mean over three", "this divides by 3: the mean squared error is over all four points, the "
                         "exact one included", 8 / 9),
            m.sum_instead_of_mean(4, why="the mean squared error divides by the four points"),
        ),
        hints=("Call the common answer a and write the loss as a function of a: which of the four squared errors "
               "vanishes, and what are the other three?",
               "L(a) = (1/4)·[(a − 1)² + (a − 1)² + (a + 1)²] (the exact point adds 0). Set dL/da = 0 to find the "
               "best a (the mean of the three targets), then put it back into L(a)."),
    ),
    # The build track: the student's training loop, with their backward from 04.4 (track05.py).
    "05.4": track05.TRAIN,
}
