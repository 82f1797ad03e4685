"""The exercises of notebooks 05 and 08: their wrong answers, the answers of the wrong form, and the keys' numbers.

06 and 07 have their own table, in test_exercises_nb00_03_06_07.py.

The table below is held to the rules every notebook's exercises follow in test_exercises_tables.py.
"""

import numpy as np
from exercise_checks import ExerciseTable

import nnlib
from nnlib.activations import sigmoid
from nnlib.exercises import nb05, solution

# -- the data the exercises' checks are given (as the notebooks give them) -------------------------------

X5, Y5 = nnlib.logic_gate("xor", encoding="bipolar")
W5, B5 = np.array([[1.287, 1.286], [1.482, 1.481]]), np.array([-1.098, 1.351])   # notebook 05's trained layer

CONTEXT = {"05.1": {"X": X5, "W": W5, "b": B5}}


def hand_weights(v, c):
    """05.2: AND and OR hidden units with the output weights v and bias c."""
    return [np.array([[5.0, 5.0], [5.0, 5.0]]), np.array([-5.0, 5.0]), np.array([v], dtype=float),
            np.array(c, dtype=float).reshape(1)]


WRONG = [
    ("05.1", np.tanh(X5 @ W5 + B5), "W not transposed"),
    ("05.1", np.tanh(X5 @ W5.T), "no bias"),
    ("05.1", X5 @ W5.T + B5, "no activation"),
    ("05.1", sigmoid(X5 @ W5.T + B5), "sigmoid"),
    ("05.1", np.tanh(np.tanh(X5 @ W5.T + B5)), "tanh twice"),
    ("05.1", np.tanh(X5 @ W5.T + B5).T, "transposed"),   # the column convention: np.tanh(W @ X.T + b[:, None])
    ("05.1", np.tanh(X5 @ W5.T + B5)[:, ::-1], None),
    ("05.2", hand_weights([5.0, -5.0], [5.0]), "sign flip"),
    ("05.2", hand_weights([5.0, 0.0], [0.0]), "AND"),
    ("05.2", hand_weights([0.0, 5.0], [0.0]), "OR"),
    ("05.2", hand_weights([0.0, 0.0], [-1.0]), "constant"),
    ("05.2", [np.ones((2, 2)), np.array([-1.0, 1.0]), np.array([[-1.0, 1.0]]), np.array([-1.0])], "rounds to 0"),
    ("05.2", hand_weights([-5.0, 0.0], [0.0]), None),   # NAND
    ("05.3", 0.0, "zero"),
    ("05.3", 0.75, "common answer 0"),
    ("05.3", 0.5, "seed 1's floor"),
    ("05.3", 1 / 3, "best answer"),
    ("05.3", 8 / 9, "mean over three"),
    ("05.3", 8 / 3, "sum instead of mean"),
    ("05.3", 1.0, None),
    ("08.1", 6, "floor"),
    ("08.1", 6.25, "not whole"),
    ("08.1", 32, "batch size"),
    ("08.1", 200, "per sample"),
    ("08.1", 8, "off by one"),
    ("08.1", 10, None),
    ("08.2", lambda Z, dA: dA * (1 - np.tanh(np.tanh(Z)) ** 2), "derivative of the output"),
    ("08.2", lambda Z, dA: 1 - np.tanh(Z) ** 2, "no dA"),
    ("08.2", lambda Z, dA: dA * (1 - Z**2), "1 − Z²"),
    ("08.2", lambda Z, dA: dA * sigmoid(Z) * (1 - sigmoid(Z)), "sigmoid"),
    ("08.2", lambda Z, dA: -dA * (1 - np.tanh(Z) ** 2), "sign flip"),
    ("08.2", lambda Z, dA: dA * (1 - np.tanh(Z)) ** 2, "(1 − tanh)²"),
    ("08.2", lambda Z, dA: dA * np.tanh(Z), None),
    ("08.3", 2 / 15, "full batch size"),
    ("08.3", 1 / 21, "all samples"),
    ("08.3", 1 / 12, "missing factor 2"),
    ("08.3", 2.0, "sum instead of mean"),
    ("08.3", 0.5, "per sample"),
    ("08.3", 1 / 4, "per sample, no 2"),
    ("08.3", 2 / 3, "per output"),
    ("08.3", 2 / 5, None),
    ("08.3", 0.17, "rounded"),
]

TABLE = ExerciseTable(notebooks=(5, 8), wrong=WRONG, context=CONTEXT)


def test_stubs_and_malformed_answers_get_a_verdict_not_a_traceback(capsys):
    assert TABLE.verdict(capsys, "05.2", [np.zeros((2, 3))] * 4).startswith("not yet: W, b, v and c must have")
    assert TABLE.verdict(capsys, "05.2", [1, 2]).startswith("not yet: give a list of four arrays")
    # the trained network's weights (they compute XOR, but were not built by hand) are not an answer
    trained = nnlib.mlp([2, 2, 1], hidden="tanh", output="tanh", seed=0)
    trained.fit(X5, Y5, epochs=300, lr=0.2, loss="mse")
    assert np.array_equal(np.sign(trained.predict(X5)[:, 0]), Y5)
    assert TABLE.verdict(capsys, "05.2", trained.get_parameters()).startswith(
        "not yet: build the network by hand: make every weight and bias a whole number")


# -- the keys' numbers ----------------------------------------------------------------------------------

def test_key_05_2_solution_computes_xor_and_05_3_is_the_three_point_floor():
    net = nnlib.mlp([2, 2, 1], hidden="tanh", output="tanh", seed=0)
    net.set_parameters(solution("05.2"))
    assert np.array_equal(np.sign(net.predict(X5)[:, 0]), Y5)
    # (-1, -1) exact, the other three one common answer a: the lowest mean squared error over a
    answers = np.linspace(-1, 1, 20001)
    losses = [np.mean((np.array([-1.0, a, a, a]) - Y5) ** 2) for a in answers]
    assert np.isclose(min(losses), solution("05.3"), rtol=1e-8) and solution("05.3") == nb05.EXERCISES["05.3"].answer


def test_key_08_3_is_the_factor_nnlibs_fit_sends_in_the_last_batch():
    sizes = [len(range(14)[start:start + 5]) for start in range(0, 14, 5)]   # how fit cuts an epoch
    assert sizes == [5, 5, 4]
    p, y = np.full((sizes[-1], 3), 0.7), np.full((sizes[-1], 3), 0.2)
    assert np.allclose(nnlib.losses.mse_gradient(p, y), solution("08.3") * (p - y), rtol=1e-12)
