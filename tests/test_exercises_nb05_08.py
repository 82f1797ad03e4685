"""The exercises of notebooks 05-08: their wrong answers, the answers of the wrong form, and the keys' numbers.

The table below is held to the rules every notebook's exercises follow in test_exercises_tables.py.
"""

import numpy as np
from exercise_checks import ExerciseTable

import nnlib
from nnlib.activations import sigmoid, sigmoid_derivative
from nnlib.exercises import nb05, nb07, solution, tutor

# -- the data the exercises' checks are given (as the notebooks give them) -------------------------------

X5, Y5 = nnlib.logic_gate("xor", encoding="bipolar")
W5, B5 = np.array([[1.287, 1.286], [1.482, 1.481]]), np.array([-1.098, 1.351])   # notebook 05's trained layer

W6, B6 = np.array([[1.0, -2.0], [0.5, 3.0], [-1.0, 0.0]]), np.array([0.1, -0.2, 0.3])
_net6 = nnlib.mlp([2, 4, 2], hidden="sigmoid", output="sigmoid", seed=0)
X6, Y6 = nnlib.logic_gate(["xor", "implies"])
W1_6, b1_6, W2_6, b2_6 = _net6.get_parameters()
H6 = sigmoid(X6 @ W1_6.T + b1_6)
DELTA_OUT6 = (sigmoid(H6 @ W2_6.T + b2_6) - Y6) / Y6.size

CONTEXT = {"05.1": {"X": X5, "W": W5, "b": B5}, "06.1": {"W": W6, "b": B6},
           "06.2": {"delta_out": DELTA_OUT6, "W2": W2_6, "h": H6}}


def layer_with(dW=None, db=None, dX=None):  # noqa: N803
    """An instance of a Dense class whose backward makes one of the zoo's mistakes."""
    class Broken(nnlib.Dense):
        def backward(self, dZ):
            self.dW = dW(self.X, dZ) if dW else dZ.T @ self.X
            self.db = db(dZ) if db else dZ.sum(axis=0)
            return dX(dZ, self.W) if dX else dZ @ self.W
    return Broken(3, 2, seed=0)


class Stub(nnlib.Dense):
    def backward(self, dZ):
        ...


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
    ("06.1", np.column_stack([B6, W6]), "bias first"),
    ("06.1", np.column_stack([W6, B6]).T, "transposed"),
    ("06.1", np.column_stack([W6, -B6]), "bias negated"),
    ("06.1", np.column_stack([W6, np.ones(3)]), None),
    ("06.2", DELTA_OUT6 @ W2_6, "no σ'"),
    ("06.2", (DELTA_OUT6 @ W2_6) * sigmoid_derivative(H6), "derivative of the output"),
    ("06.2", np.outer(DELTA_OUT6[:, 0], W2_6[0]) * H6 * (1 - H6), "one output"),
    ("06.2", DELTA_OUT6.sum(axis=1, keepdims=True) * H6 * (1 - H6), "no W2"),
    ("06.2", ((W2_6.T @ DELTA_OUT6.T) * (H6 * (1 - H6)).T), "transposed"),   # columns as samples
    ("06.2", ((DELTA_OUT6 @ W2_6) * H6 * (1 - H6)).sum(axis=0), "summed over samples"),
    ("06.2", (DELTA_OUT6 @ W2_6) * H6, None),
    ("06.3", 0.0, "tanh(0)"),
    ("06.3", 0.25, "slope"),
    ("06.3", float(sigmoid(1.0)), "one"),
    ("06.3", 1.0, "certain"),
    ("06.3", 0.6, None),
    ("07.1", layer_with(dW=lambda X, dZ: X.T @ dZ), "dW transposed"),
    ("07.1", layer_with(db=lambda dZ: dZ.mean(axis=0)), "mean instead of sum"),
    ("07.1", layer_with(db=lambda dZ: dZ[0]), "first row"),
    ("07.1", layer_with(dX=lambda dZ, W: W.T @ dZ.T), "dX transposed"),
    ("07.1", layer_with(db=lambda dZ: np.zeros(2)), "db not set"),
    ("07.1", layer_with(dX=lambda dZ, W: -(dZ @ W)), None),
    ("07.2", 0.1, "the factor"),
    ("07.2", 0.9, "no denominator"),
    ("07.2", 0.6, "batch of 4"),
    ("07.2", 11 / 9, "upside down"),
    ("07.2", 0.5, None),
    ("07.3", 0.25, "σ'(0)"),
    ("07.3", float(sigmoid(0.5)), "σ(σ(0))"),
    ("07.3", 0.5, "σ(0)"),
    ("07.3", 0.2, None),
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
    ("08.3", 1 / 15, "missing factor 2"),
    ("08.3", 2.0, "sum instead of mean"),
    ("08.3", 0.4, "per sample"),
    ("08.3", 1 / 5, "per sample, no 2"),
    ("08.3", 2 / 3, "per output"),
    ("08.3", 0.5, None),
]

class Solved(nnlib.Dense):
    """07.1's right answer: nnlib's own backward, in a layer class as the notebook's cell makes one."""


TABLE = ExerciseTable(notebooks=(5, 6, 7, 8), wrong=WRONG, context=CONTEXT, right={"07.1": Solved(3, 2, seed=4)})


def test_stubs_and_malformed_answers_get_a_verdict_not_a_traceback(capsys):
    assert TABLE.verdict(capsys, "07.1", Stub(3, 2, seed=0)).startswith("not attempted yet")
    assert "3 inputs and 2 outputs" in TABLE.verdict(capsys, "07.1", Stub(2, 2, seed=0))
    # a db of the wrong shape is named, even when its numbers are right (the update would fail on it)
    assert "one row per sample" in TABLE.verdict(capsys, "07.1", layer_with(db=lambda dZ: dZ))
    assert "would fail" in TABLE.verdict(capsys, "07.1", layer_with(db=lambda dZ: dZ.sum(axis=0, keepdims=True)))
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


def test_key_06_2_is_nnlibs_hidden_delta():
    _net6.compute_gradients(X6, Y6, loss="bce")
    assert np.allclose(solution("06.2", **CONTEXT["06.2"]).sum(axis=0), _net6.gradients()[1], rtol=1e-10)


def test_key_07_1_probe_tells_the_mistakes_apart():
    right = tutor._evaluate(nb07.EXERCISES["07.1"].answer, nb07.EXERCISES["07.1"], {})
    wrongs = [tutor._evaluate(m.answer, nb07.EXERCISES["07.1"], {}) for m in nb07.EXERCISES["07.1"].misconceptions]
    assert all(w.shape == right.shape and not np.allclose(w, right) for w in wrongs)


def test_key_07_2_is_the_relative_error_of_a_mean_bias_gradient():
    true = np.random.default_rng(0).normal(size=3)
    assert np.isclose(nnlib.gradcheck.relative_error(true / 10, true), solution("07.2"), rtol=1e-12)


def test_key_08_3_is_nnlibs_mse_gradient_factor():
    p, y = np.full((5, 3), 0.7), np.full((5, 3), 0.2)
    assert np.allclose(nnlib.losses.mse_gradient(p, y), solution("08.3") * (p - y), rtol=1e-12)
