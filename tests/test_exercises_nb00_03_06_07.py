"""The exercises of notebooks 00, 03, 06 and 07: their wrong answers, the answers of the wrong form, and the
keys' own numbers.

The table below (at least three wrong answers per exercise, among them every misconception its key names,
and one plain mistake) is held to the rules every notebook's exercises follow in test_exercises_tables.py.
"""

import itertools

import numpy as np
import pytest
from exercise_checks import ExerciseTable, verdict

import nnlib
from nnlib.activations import sigmoid, sigmoid_derivative, step
from nnlib.exercises import nb06, nb07, solution, tutor

# -- the data the exercises' checks are given (as the notebooks make them) -------------------------------

_rng6 = np.random.default_rng(6)   # notebook 06, exercise 06.1's cell
H6 = np.tanh(_rng6.normal(size=(5, 3)))
W2_6 = _rng6.normal(size=(2, 3))
DELTA_OUT6 = _rng6.normal(size=(5, 2)) / 10
_rng3 = np.random.default_rng(3)   # exercise 06.3's cell
X6 = _rng3.normal(size=(5, 2))
DZ6 = _rng3.normal(size=(5, 3))
CONTEXT = {"06.1": {"delta_out": DELTA_OUT6, "W2": W2_6, "h": H6}, "06.3": {"dZ": DZ6, "X": X6}}
BACK6 = DELTA_OUT6 @ W2_6


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


class Solved(nnlib.Dense):
    """07.1's right answer, written out as a student would."""

    def backward(self, dZ):
        self.dW = dZ.T @ self.X
        self.db = dZ.sum(axis=0)
        return dZ @ self.W


class SolvedOtherwise(nnlib.Dense):
    """07.1 written differently: sums spelled out with einsum and a product with ones."""

    def backward(self, dZ):
        self.dW = np.einsum("nk,ni->ki", dZ, self.X)
        self.db = np.ones(len(dZ)) @ dZ
        return np.einsum("nk,ki->ni", dZ, self.W)


class TwoOutputsWrittenIn(nnlib.Dense):
    """Right for the probe's layer of 2 outputs only: db built from two columns by hand."""

    def backward(self, dZ):
        self.dW = dZ.T @ self.X
        self.db = np.array([dZ[:, 0].sum(), dZ[:, 1].sum()])
        return dZ @ self.W


class FiveSamplesWrittenIn(nnlib.Dense):
    """Right for the probe's batch of 5 samples only."""

    def backward(self, dZ):
        self.dW = dZ.T @ self.X
        self.db = dZ.sum(axis=0)
        return (dZ @ self.W).reshape(5, -1)


class Unchanged(nnlib.Dense):
    """A subclass that changes nothing: nnlib's backward under another name."""


class CallsSuper(nnlib.Dense):
    def backward(self, dZ):
        return super().backward(dZ)


def bend(x1, x2):
    return (x1 + x2) ** 2


def sigma_prime(z):
    return sigmoid_derivative(np.asarray(z, dtype=float))


Z7 = nb07.Z_CONFIDENT
LN2 = np.log(2)

WRONG = [
    # 00
    ("00.1", [1, 0, 1, 1], "reversed arrow"),
    ("00.1", [0, 1, 1, 0], "XOR"),
    ("00.1", [0, 0, 1, 0], "labels flipped"),
    ("00.1", [1, 1, 1, 1], None),
    ("00.2", 12, "weights only"),
    ("00.2", 7, "units"),
    ("00.2", 19, "biases on the inputs"),
    ("00.2", 8, "product of sizes"),
    ("00.2", 16, "off by one"),
    ("00.2", 18, "off by one"),
    ("00.2", 25, None),
    ("00.3", [(2, 6), (3,), (6, 3)], "transposed"),
    ("00.3", [(6, 3), (3,), (6, 3)], "no W.T"),
    ("00.3", [(6, 2), (6,), (6, 3)], "wrong axis"),
    ("00.3", [(6, 2), (1, 3), (6, 3)], "kept the axis"),
    ("00.3", [(6, 2), (3,), (3,)], "no broadcasting"),
    ("00.3", [(6, 2), (3,), (2, 3)], None),
    # 03
    ("03.1", lambda x1: 3 * x1 + 1, "not divided by w2"),
    ("03.1", lambda x1: -(3 * x1 + 1) / 2, "sign flip"),
    ("03.1", lambda x1: (2 * x1 - 1) / 3, "solved for x1"),
    ("03.1", lambda x1: 1.5 * x1, "no bias"),
    ("03.1", lambda x1: -2 / 3 * x1, "along w"),
    ("03.1", lambda x1: (3 * x1 - 1) / 2, "bias sign"),
    ("03.1", lambda x1: 1.5 * x1 + 1, "bias not divided"),
    ("03.1", lambda x1: x1, None),
    ("03.2", (1, 1, -2, -0.5), "sign flip"),
    ("03.2", (1, 1, 0, -1.5), "AND"),
    ("03.2", (-1, -1, 0, 0.5), "NOR"),
    ("03.2", (-1, -1, 2, 0), "constant"),
    ("03.2", (0, 0, 0, 1), "constant"),
    ("03.2", (1, 0, 0, -0.5), None),
    ("03.3", 15, "XNOR"),
    ("03.3", 16, "all"),
    ("03.3", 2, "the others"),
    ("03.3", 3, "this notebook's gates"),
    ("03.3", 13, "off by one"),
    ("03.3", 8, None),
    ("03.4", (bend, (-2, -2, 1, 0.5)), "XNOR"),
    ("03.4", (np.maximum, (1, 1, 0, -0.5)), "OR"),
    ("03.4", (bend, (1, 1, 0, -1.5)), "AND"),
    ("03.4", (bend, (0, 0, 0, -1)), "constant"),
    ("03.4", (bend, (1, 0, 0, -0.5)), None),
    # 06
    ("06.1", BACK6 * H6 * (1 - H6), "sigmoid's derivative"),
    ("06.1", BACK6 * (1 - np.tanh(H6) ** 2), "derivative of the output"),
    ("06.1", BACK6, "no tanh'"),
    ("06.1", BACK6 * (1 - H6), "1 − h"),
    ("06.1", BACK6 * (1 - H6) ** 2, "(1 − h)²"),
    ("06.1", np.outer(DELTA_OUT6[:, 0], W2_6[0]) * (1 - H6**2), "one output"),
    ("06.1", (BACK6 * (1 - H6**2)).T, "transposed"),   # columns as samples
    ("06.1", (BACK6 * (1 - H6**2)).sum(axis=0), "summed over samples"),
    ("06.1", BACK6 * H6, None),
    ("06.2", LN2 / 3, "one point stuck"),
    ("06.2", LN2, "every point at 0.5"),
    ("06.2", 2 * LN2, "sum instead of mean"),
    ("06.2", 0.0, "zero"),
    ("06.2", 2 / 3, "log base 2"),
    ("06.2", LN2 / 4, None),   # the floor of the text's OR problem, copied
    ("06.3", DZ6.mean(axis=0), "mean instead of sum"),
    ("06.3", np.zeros(3), "frozen"),
    ("06.3", DZ6.sum(axis=1), "summed over units"),
    ("06.3", (DZ6.T @ X6)[:, -1], "last real input"),
    ("06.3", np.ones(3), None),
    # 07
    ("07.1", layer_with(dW=lambda X, dZ: X.T @ dZ), "dW transposed"),
    ("07.1", layer_with(db=lambda dZ: dZ.mean(axis=0)), "mean instead of sum"),
    ("07.1", layer_with(db=lambda dZ: dZ[0]), "first row"),
    ("07.1", layer_with(dX=lambda dZ, W: W.T @ dZ.T), "dX transposed"),
    ("07.1", layer_with(db=lambda dZ: np.zeros(2)), "db not set"),
    ("07.1", layer_with(dX=lambda dZ, W: -(dZ @ W)), None),
    ("07.2", 4, "the notebook's batch"),
    ("07.2", 6, "numerator only"),
    ("07.2", 5, "r/(1 − r)"),
    ("07.2", 10, "off by one"),
    ("07.2", 12, "off by one"),
    ("07.2", 5 / 6, None),   # the error itself
    ("07.2", 9, None),
    ("07.3", float(sigma_prime(Z7) / sigma_prime(sigmoid(Z7))), "upside down"),
    ("07.3", float(sigma_prime(sigmoid(Z7))), "bug's derivative only"),
    ("07.3", float(sigma_prime(Z7)), "right derivative only"),
    ("07.3", float(sigma_prime(sigmoid(-Z7)) / sigma_prime(-Z7)), "z = +3"),
    ("07.3", float(sigmoid(sigmoid(Z7)) / sigma_prime(Z7)), "σ(σ(z))"),
    ("07.3", float(sigma_prime(sigmoid(0.0)) / sigma_prime(0.0)), None),   # the factor at z = 0
]

TABLE = ExerciseTable(notebooks=(0, 3, 6, 7), wrong=WRONG, context=CONTEXT,
                      right={"03.4": (bend, (2, 2, -1, -0.5)), "07.1": Solved(3, 2, seed=4)},
                      every_mistake_named=frozenset())


# -- answers of the wrong form, and nnlib's own layer ---------------------------------------------------

def test_stubs_and_malformed_answers_get_a_verdict_not_a_traceback(capsys):
    assert TABLE.verdict(capsys, "07.1", Stub(3, 2, seed=0)).startswith("not attempted yet")
    assert "3 inputs and 2 outputs" in TABLE.verdict(capsys, "07.1", Stub(2, 2, seed=0))
    # a db of the wrong shape is named, even when its numbers are right (the update would fail on it)
    assert "one row per sample" in TABLE.verdict(capsys, "07.1", layer_with(db=lambda dZ: dZ))
    assert "would fail" in TABLE.verdict(capsys, "07.1", layer_with(db=lambda dZ: dZ.sum(axis=0, keepdims=True)))
    assert TABLE.verdict(capsys, "00.3", [6, 2]).startswith("not yet: give a list of three shapes")
    assert TABLE.verdict(capsys, "00.3", [(6, 2), (3,), (6, 3, 1)]).startswith("not yet: give a list")
    assert TABLE.verdict(capsys, "00.3", [(6, 2), (3,), ...]).startswith("not attempted yet")
    assert TABLE.verdict(capsys, "03.4", (bend, ...)).startswith("not attempted yet")
    assert TABLE.verdict(capsys, "03.4", (lambda x1, x2: None, (1, 1, 1, 1))).startswith("not attempted yet")
    assert TABLE.verdict(capsys, "03.4", "x1 * x2").startswith("not yet: give two things")
    assert TABLE.verdict(capsys, "03.4", (bend, (1, 2))).startswith("not yet: the weights must be four numbers")


@pytest.mark.parametrize("layer", [nnlib.Dense(3, 2, seed=0), Unchanged(3, 2, seed=0), CallsSuper(3, 2, seed=0)],
                         ids=["nnlib.Dense", "unchanged subclass", "super().backward"])
def test_07_1_refuses_nnlibs_own_backward(capsys, layer):
    out = TABLE.verdict(capsys, "07.1", layer)
    assert out.startswith("not yet: ") and "nnlib's Dense.backward" in out


def test_07_1_accepts_a_backward_written_otherwise_and_leaves_dense_intact(capsys):
    assert TABLE.verdict(capsys, "07.1", SolvedOtherwise(3, 2, seed=1)).startswith("correct: ")
    TABLE.verdict(capsys, "07.1", CallsSuper(3, 2, seed=0))
    # the check put nnlib's backward back: a plain Dense still computes its gradients afterwards
    layer = nnlib.Dense(3, 2, seed=0)
    layer.forward(np.ones((4, 3)))
    assert np.allclose(layer.backward(np.ones((4, 2))), np.ones((4, 2)) @ layer.W)


@pytest.mark.parametrize("layer_class", [TwoOutputsWrittenIn, FiveSamplesWrittenIn])
def test_07_1_refuses_a_backward_right_only_for_the_probes_sizes(capsys, layer_class):
    out = TABLE.verdict(capsys, "07.1", layer_class(3, 2, seed=0))
    assert out.startswith("not yet: your backward is right for 3 inputs and 2 outputs, but "), out


@pytest.mark.parametrize(("feature", "reason"), [
    (lambda x1, x2: x1 + x2, "weighted sum"), (lambda x1, x2: x1**2, "weighted sum"),
    (lambda x1, x2: 0 * x1 + 5, "weighted sum"), (lambda x1, x2: 3 * x1 * x2 - 1, "x1·x2"),
    (np.minimum, "x1·x2"), (lambda x1, x2: (x1 - x2) ** 2, "XOR itself"),
    (lambda x1, x2: (x1 - 0.5) * (x2 - 0.5), "XOR itself"), (lambda x1, x2: x1 / (x1 - x1), "inf or nan")])
def test_03_4_names_the_features_that_cannot_help(capsys, feature, reason):
    # whatever the weights: no plane over these features computes XOR, or the feature is the answer itself
    assert reason in TABLE.verdict(capsys, "03.4", (feature, (1, 1, 1, -0.5)))


@pytest.mark.parametrize(("feature", "weights"), [
    (bend, (2, 2, -1, -0.5)), (np.maximum, (-1, -1, 2, -0.5)), (lambda x1, x2: np.exp(x1 + x2), (3, 3, -1, 0)),
    (lambda x1, x2: x1 * x2 + x1, (3, 1, -2, -0.5))])
def test_03_4_accepts_features_that_bend_the_square(capsys, feature, weights):
    assert TABLE.verdict(capsys, "03.4", (feature, weights)).startswith("correct: ")


# -- the keys' numbers ----------------------------------------------------------------------------------

def test_key_00_3_shapes_are_numpys():
    X, W, b = np.zeros((6, 3)), np.zeros((2, 3)), np.zeros(2)
    assert solution("00.3") == [(X @ W.T + b).shape, X.mean(axis=0).shape, (X - X.mean(axis=0)).shape]


def test_key_03_2_solution_computes_xnor():
    w1, w2, w3, b = solution("03.2")
    for (x1, x2), target in zip(*nnlib.logic_gate("xor")):
        assert step(w1 * x1 + w2 * x2 + w3 * x1 * x2 + b) == 1 - target


def test_key_03_3_counts_the_linearly_separable_truth_tables():
    corners = np.array([[0, 0], [0, 1], [1, 0], [1, 1]])
    # Every separable function of two inputs is computed by weights in {-1, 0, 1} and a bias in {±0.5, ±1.5}.
    found = {tuple(step(corners @ np.array(w) + b).astype(int))
             for w in itertools.product((-1, 0, 1), repeat=2) for b in (-1.5, -0.5, 0.5, 1.5)}
    assert len(found) == solution("03.3") == 14
    assert (0, 1, 1, 0) not in found and (1, 0, 0, 1) not in found


def test_key_03_4_instructors_solution_is_correct(capsys):
    namespace = {}
    exec(solution("03.4"), namespace)   # the instructors' solution is a line of code
    assert verdict(capsys, "03.4", (namespace["my_feature"], namespace["my_weights"])).startswith("correct: ")


def test_key_06_1_is_nnlibs_hidden_delta_for_a_tanh_layer():
    rng = np.random.default_rng(0)
    X, Y = rng.normal(size=(5, 2)), (rng.random(size=(5, 2)) > 0.5).astype(float)
    net = nnlib.mlp([2, 3, 2], hidden="tanh", output="sigmoid", seed=0)
    W1, b1, W2, b2 = net.get_parameters()
    h = np.tanh(X @ W1.T + b1)
    delta_out = (sigmoid(h @ W2.T + b2) - Y) / Y.size
    net.compute_gradients(X, Y, loss="bce")
    assert np.allclose(nb06.tanh_hidden_delta(delta_out, W2, h).sum(axis=0), net.gradients()[1], rtol=1e-10)


def test_key_06_2_is_the_floor_that_training_approaches():
    # a neuron without a bias, trained long on the three points: its loss falls towards the floor, never below
    net = nnlib.Network([nnlib.Dense(2, 1, seed=0), nnlib.ActivationLayer("sigmoid")])
    net.layers[0].b[:] = 0.0
    net.layers[0].update = lambda lr: net.layers[0].W.__isub__(lr * net.layers[0].dW)   # the bias stays 0
    history = net.fit(nb06.FLOOR_POINTS, nb06.FLOOR_TARGETS, epochs=4000, lr=2.0, loss="bce")
    floor = solution("06.2")
    assert floor < history.loss[-1] < floor + 1e-3 and np.all(np.diff(history.loss) <= 1e-12)
    # and the floor is the infimum: at w1 = 0 and w2 → −∞ the loss comes as close as you like
    for w2 in (-10.0, -20.0):
        p = sigmoid(nb06.FLOOR_POINTS @ np.array([0.0, w2]))
        loss = -np.mean(nb06.FLOOR_TARGETS * np.log(p) + (1 - nb06.FLOOR_TARGETS) * np.log(1 - p))
        assert floor < loss < floor + 2e-4


def test_key_06_3_is_the_last_column_of_the_wide_weight_gradient():
    wide = nnlib.Dense(3, 3, seed=0)
    wide.forward(np.column_stack([X6, np.ones(len(X6))]))
    wide.backward(DZ6)
    assert np.allclose(wide.dW[:, -1], solution("06.3", **CONTEXT["06.3"]), rtol=1e-12)


def test_key_07_1_probe_tells_the_mistakes_apart():
    right = tutor._evaluate(nb07.EXERCISES["07.1"].answer, nb07.EXERCISES["07.1"], {})
    wrongs = [tutor._evaluate(m.answer, nb07.EXERCISES["07.1"], {}) for m in nb07.EXERCISES["07.1"].misconceptions]
    assert all(w.shape == right.shape and not np.allclose(w, right) for w in wrongs)


def test_key_07_2_is_the_batch_whose_mean_bias_gradient_gives_an_error_of_5_6():
    true = np.random.default_rng(0).normal(size=3)
    assert np.isclose(nnlib.gradcheck.relative_error(true / solution("07.2"), true), 5 / 6, rtol=1e-12)
    # the gradient check itself, on a batch of that size: the mean's bias errors are 5/6
    X, y = np.random.default_rng(1).normal(size=(solution("07.2"), 2)), np.zeros((solution("07.2"), 1))

    class MeanBias(nnlib.Dense):
        def backward(self, dZ):
            dX = super().backward(dZ)
            self.db = dZ.mean(axis=0)
            return dX

    net = nnlib.Network([MeanBias(2, 3, seed=0), nnlib.ActivationLayer("sigmoid"), MeanBias(3, 1, seed=1),
                         nnlib.ActivationLayer("sigmoid")])
    analytic, numeric = nnlib.gradcheck.network_gradients(net, X, y, "mse")
    assert np.isclose(nnlib.gradcheck.relative_error(analytic[1], numeric[1]), 5 / 6, rtol=1e-5)


def test_key_07_3_is_the_ratio_of_the_buggy_and_the_right_output_delta():
    # one sample at z = -3: the buggy layer's delta divided by the right one's
    z = np.array([[nb07.Z_CONFIDENT]])
    right, buggy = nnlib.ActivationLayer("sigmoid"), nnlib.ActivationLayer("sigmoid")
    right.forward(z)
    buggy.forward(z)
    ratio = (np.ones((1, 1)) * sigmoid_derivative(buggy.A)) / right.backward(np.ones((1, 1)))
    assert np.isclose(ratio[0, 0], solution("07.3"), rtol=1e-12) and 5 < solution("07.3") < 6
