"""The exercises of notebooks 01, 02 and 04: their wrong answers, and the keys' own numbers.

00 and 03 have their own table, in test_exercises_nb00_03_06_07.py.

The table below (at least three wrong answers per exercise, among them every misconception its key names,
and one plain mistake) is held to the rules every notebook's exercises follow in test_exercises_tables.py.
"""

import numpy as np
from exercise_checks import ExerciseTable

import nnlib
from nnlib.activations import sigmoid
from nnlib.exercises import nb02, nb04, solution

# Exercise 04.2's data, made in its cell: the errors dZ of a layer with 2 units for 5 samples with 3 inputs,
# one column per sample.
_rng = np.random.default_rng(4)
DZ, X_IN = _rng.normal(size=(2, 5)), _rng.normal(size=(3, 5))
CONTEXT = {"04.2": {"dZ": DZ, "X": X_IN}}

P, Y, X = nb02.P1, nb02.Y1, nb02.X1   # exercise 02.1's batch
OUT, T = nb04.OUT, nb04.Y                  # exercise 04.1's output and target
ETA = nb04.ETA


def fp(predicted, labels):
    return ((predicted == 1) & (labels == 0)).sum()


# (id, wrong answer, the misconception it shows, or None for a plain wrong answer)
WRONG = [
    ("01.1", np.tanh(0.0), "no bias"),
    ("01.1", 0.5, "pre-activation"),
    ("01.1", sigmoid(0.5), "sigmoid"),
    ("01.1", np.tanh(1.25), "inputs paired wrongly"),
    ("01.1", -np.tanh(0.5), "sign flip"),
    ("01.1", np.tanh(1.5), "weight's sign dropped"),
    ("01.1", np.tanh(0.7), None),
    ("01.2", lambda a: sigmoid(a) * (1 - sigmoid(a)) * (1 - 2 * sigmoid(a)), "derivative of the output"),
    ("01.2", lambda a: 1 - 2 * a, "with respect to a"),
    ("01.2", lambda a: a * (1 - a), "σ' itself"),
    ("01.2", lambda a: -a * (1 - a) * (1 - 2 * a), "sign flip"),
    ("01.2", lambda a: a * (1 - a) ** 2, None),
    ("01.3", lambda z, y: -(y * np.log(sigmoid(z)) + (1 - y) * np.log(1 - sigmoid(z))), "not finite"),
    ("01.3", lambda z, y: -(y * np.log(1 / (1 + np.exp(-z))) + (1 - y) * np.log(1 - 1 / (1 + np.exp(-z)))),
     "not finite"),
    ("01.3", lambda z, y: -np.log(sigmoid(np.where(y == 1, z, -z))), "not finite"),   # log σ at σ = 0
    ("01.3", lambda z, y: y * np.log1p(np.exp(-z)) + (1 - y) * np.log1p(np.exp(z)), "not finite"),   # e^800
    ("01.3", lambda z, y: -(y * np.log(sigmoid(z) + 1e-12) + (1 - y) * np.log(1 - sigmoid(z) + 1e-12)), "clipped"),
    ("01.3", lambda z, y: -(y * np.log(np.clip(sigmoid(z), 1e-7, 1 - 1e-7))
                            + (1 - y) * np.log(np.clip(1 - sigmoid(z), 1e-7, 1 - 1e-7))), "clipped"),
    ("01.3", lambda z, y: (sigmoid(z) - y) ** 2, None),
    ("01.3", lambda z, y: z * y - np.logaddexp(0, z), "sign flip"),
    ("01.3", lambda z, y: np.logaddexp(0, z) - (1 - y) * z, "labels and predictions swapped"),
    ("01.3", lambda z, y: np.logaddexp(0, -z), "y ignored"),
    ("01.3", lambda z, y: np.maximum(z, 0) - y * z, None),
    ("02.1", np.sum((P - Y) * X), "sum instead of mean"),
    ("02.1", np.mean((Y - P) * X), "labels and predictions swapped"),
    ("02.1", np.mean(P - Y), "∂L/∂b"),
    ("02.1", np.mean(2 * (P - Y) * P * (1 - P) * X), "squared error"),
    ("02.1", np.mean((X - 1 - Y) * X), "no sigmoid"),
    ("02.1", np.mean((sigmoid(X) - Y) * X), "no bias"),
    ("02.1", np.mean((sigmoid(X + 1) - Y) * X), "bias sign"),
    ("02.1", 0.1, None),
    ("02.2", 0.9, "the range [−5, 5]"),
    ("02.2", 0.16, "error rate"),
    ("02.2", 84, "percent"),
    ("02.2", 0.68, "share on 0"),
    ("02.2", 0.92, "rounded, not truncated"),
    ("02.2", 0.83, "off by one"),
    ("02.2", 0.85, "off by one"),
    ("02.2", 0.75, None),
    ("02.3", lambda predicted, labels: fp(labels, predicted), "labels and predictions swapped"),
    ("02.3", lambda labels, predicted: fp(predicted, labels), "labels and predictions swapped"),
    ("02.3", lambda predicted, labels: (predicted != labels).sum(), "all errors"),
    ("02.3", lambda predicted, labels: ((predicted == 1) & (labels == 1)).sum(), "true positives"),
    ("02.3", lambda predicted, labels: np.mean((predicted == 1) & (labels == 0)), "mean instead of sum"),
    ("02.3", lambda predicted, labels: (predicted == 1) & (labels == 0), "not counted"),
    ("02.3", lambda predicted, labels: predicted > labels, "not counted"),
    ("02.3", lambda predicted, labels: predicted.sum(), "predicted positives"),
    ("02.3", lambda predicted, labels: len(predicted), None),
    ("04.1", (OUT - T) * (1 - OUT**2), "missing factor 2"),
    ("04.1", 2 * (T - OUT) * (1 - OUT**2), "labels and predictions swapped"),
    ("04.1", 2 * (OUT - T), "no tanh'"),
    ("04.1", 2 * (OUT - T) * (1 - np.tanh(OUT) ** 2), "derivative of the output"),
    ("04.1", 2 * (OUT - T) * OUT * (1 - OUT), "sigmoid's derivative"),
    ("04.1", 2 * (OUT - 1) * (1 - OUT**2), "target of the sample followed"),
    ("04.1", 2 * (nb04.OUT_FOLLOWED + 1) * (1 - nb04.OUT_FOLLOWED**2), "output of the sample followed"),
    ("04.1", 2 * (nb04.OUT_FOLLOWED - 1) * (1 - nb04.OUT_FOLLOWED**2), "δ_out of the sample followed"),
    ("04.1", -0.3911278, "the batch's ∂L/∂c"),   # as printed in the notebook's table
    ("04.1", 1.0, None),
    ("04.2", X_IN @ DZ.T, "transposed"),
    ("04.2", DZ @ X_IN.T / X_IN.shape[1], "mean instead of sum"),
    ("04.2", np.outer(DZ[:, 0], X_IN[:, 0]), "one sample"),
    ("04.2", DZ @ X_IN.T + 0.1, None),
    ("04.2", DZ[:, :2] @ X_IN[:, :2].T, None),   # two samples only
    ("04.3", ETA**2, "η²"),                     # the section's answer for one hidden layer
    ("04.3", ETA, "η once"),
    ("04.3", 3 * ETA, "η + η + η"),
    ("04.3", 1 / ETA**3, "slow-down"),
    ("04.3", ETA**4, "η four times"),
    ("04.3", 0.15**3, "the section's η"),
    ("04.3", 2 * ETA**2, None),
    ("04.3", 0.5, None),
]

TABLE = ExerciseTable(notebooks=(1, 2, 4), wrong=WRONG, context=CONTEXT)


# -- the keys' numbers ----------------------------------------------------------------------------------

def test_key_02_2_best_accuracies_after_the_cast():
    assert nb02.best_accuracy_after_cast(-5, 5) == 0.9     # notebook 02, section 7a
    assert nb02.best_accuracy_after_cast(-3, 3) == 0.84   # exercise 02.2: 32 of the 100 points land on 0
    assert nb02.best_accuracy_after_cast(-2, 2) == 0.75


def test_key_02_3_cases_tell_the_misconceptions_apart():
    counts = {name: [f(np.array(p), np.array(t)) for p, t in nb02.CASES] for name, f in {
        "false positives": fp, "false negatives": lambda p, t: fp(t, p),
        "errors": lambda p, t: (p != t).sum(), "true positives": lambda p, t: ((p == 1) & (t == 1)).sum()}.items()}
    assert len({tuple(c) for c in counts.values()}) == len(counts)


def test_key_04_1_is_nnlibs_bias_gradient_for_that_sample():
    net = nnlib.mlp([2, 2, 1], hidden="tanh", output="tanh")
    net.set_parameters([nb04.W1, nb04.B1, nb04.V[None, :], [nb04.C]])
    x, y = nb04.X[None, :], np.array([[nb04.Y]])
    net.backward(nnlib.losses.mse_gradient(net.forward(x), y))   # one sample: the mean is that sample's loss
    assert np.isclose(net.gradients()[3][0], solution("04.1"), rtol=1e-12)


def test_key_04_3_the_loop_with_eta_in_every_delta_gives_the_first_hidden_layer_eta_cubed():
    # The section's per-sample loop for a network with two hidden layers: every delta holds η, and each is made
    # from the one above it. Compare its step for the first layer with the gradient of L = ½‖out − t‖².
    rng = np.random.default_rng(0)
    W0, W1, W2 = rng.normal(size=(4, 3)), rng.normal(size=(4, 4)), rng.normal(size=(2, 4))
    x, target = rng.normal(size=(3, 1)), rng.normal(size=(2, 1))
    h0 = sigmoid(W0 @ x)
    h1 = sigmoid(W1 @ h0)
    out = sigmoid(W2 @ h1)
    delta_out = ETA * (target - out) * out * (1 - out)
    delta_1 = ETA * (W2.T @ delta_out) * h1 * (1 - h1)
    delta_0 = ETA * (W1.T @ delta_1) * h0 * (1 - h0)
    error_1 = (W2.T @ ((out - target) * out * (1 - out))) * h1 * (1 - h1)
    gradient_0 = ((W1.T @ error_1) * h0 * (1 - h0)) @ x.T
    assert np.allclose(delta_0 @ x.T, -solution("04.3") * gradient_0, rtol=1e-12)
    assert np.allclose(delta_1 @ h0.T, -ETA**2 * (error_1 @ h0.T), rtol=1e-12)   # one layer up: the section's η²


def test_key_04_1_numbers_from_the_notebook_are_nnlibs():
    net = nnlib.mlp([2, 2, 1], hidden="tanh", output="tanh")
    net.set_parameters([nb04.W1, nb04.B1, nb04.V[None, :], [nb04.C]])
    assert np.isclose(net.predict(nb04.X_FOLLOWED[None, :])[0, 0], nb04.OUT_FOLLOWED, rtol=1e-12)
    X_xor, y_xor = nnlib.logic_gate("xor", encoding="bipolar")
    assert np.array_equal(X_xor, nb04.XOR_BIPOLAR[0]) and np.array_equal(y_xor, nb04.XOR_BIPOLAR[1])
    net.compute_gradients(X_xor, y_xor, loss="mse")
    assert np.isclose(net.gradients()[3][0], nb04.BATCH_DL_DC, rtol=1e-12)
