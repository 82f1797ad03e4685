"""Cross-entropies computed from the logits: exact gradients p − y for any finite logits, and the network uses them."""

import warnings

import numpy as np
import pytest

import nnlib
from nnlib import losses
from nnlib.activations import sigmoid, softmax
from nnlib.gradcheck import gradient_check, numerical_gradient, relative_error

rng = np.random.default_rng(3)
Z = rng.normal(0.0, 3.0, size=(8, 1))
Y = (rng.uniform(size=(8, 1)) > 0.5).astype(float)
Z3 = rng.normal(0.0, 3.0, size=(8, 3))
Y3 = nnlib.one_hot(rng.integers(0, 3, size=8), 3)


def test_bce_from_logits_equals_bce_of_the_sigmoid():
    value, gradient = losses.bce_from_logits(Z, Y)
    assert value == pytest.approx(losses.binary_cross_entropy(sigmoid(Z), Y), rel=1e-12)
    np.testing.assert_allclose(gradient, (sigmoid(Z) - Y) / Z.size, rtol=1e-14, atol=0)
    z = Z.copy()
    numeric = numerical_gradient(lambda: losses.bce_from_logits(z, Y)[0], z)
    assert relative_error(gradient, numeric) < 1e-8


@pytest.mark.parametrize("z", [-700.0, -50.0, -40.0, 40.0, 50.0, 700.0])
def test_bce_from_logits_is_exact_in_the_tails(z):
    # The confidently wrong neuron: p = σ(z) far from the label. dL/dz = σ(z) − y to 1e-12, value |z| + tiny.
    y = 1.0 if z < 0 else 0.0
    zs, ys = np.array([[z]]), np.array([[y]])
    with warnings.catch_warnings(), np.errstate(over="raise", invalid="raise", divide="raise"):
        warnings.simplefilter("error")
        value, gradient = losses.bce_from_logits(zs, ys)
    assert gradient[0, 0] == pytest.approx(sigmoid(z) - y, abs=1e-12)
    assert abs(gradient[0, 0]) == pytest.approx(1.0, abs=1e-12)
    assert value == pytest.approx(abs(z), rel=1e-12)
    # The clipped two-step form through p loses it: at z = ±40 its gradient is (nearly) 0.
    p = sigmoid(zs)
    two_step = losses.binary_cross_entropy_gradient(p, ys) * p * (1 - p)
    assert abs(two_step[0, 0]) < 1e-5


def test_a_neuron_started_confidently_wrong_moves():
    # Input x = 1, w = 0, b = −50, every label 1: z = −50. With the fused loss dL/dw = dL/db = σ(−50) − 1 ≈ −1,
    # so one step of lr 1 moves w and b by 1 each: z = −48, and the loss falls from 50 to 48.
    X, y = np.ones((4, 1)), np.ones(4)
    net = nnlib.mlp([1, 1], output="sigmoid", seed=0)
    net.set_parameters([np.zeros((1, 1)), np.array([-50.0])])
    assert net.loss(X, y, "bce") == pytest.approx(50.0, rel=1e-12)
    net.fit(X, y, epochs=1, lr=1.0, loss="bce")
    assert net.parameters()[0][0, 0] == pytest.approx(1.0, abs=1e-12)
    assert net.parameters()[1][0] == pytest.approx(-49.0, abs=1e-12)
    assert net.loss(X, y, "bce") == pytest.approx(48.0, rel=1e-12)


def test_cce_from_logits_equals_cce_of_the_softmax():
    value, gradient = losses.cce_from_logits(Z3, Y3)
    assert value == pytest.approx(losses.categorical_cross_entropy(softmax(Z3), Y3), rel=1e-12)
    np.testing.assert_allclose(gradient, (softmax(Z3) - Y3) / len(Z3), rtol=1e-14, atol=1e-17)
    z = Z3.copy()
    numeric = numerical_gradient(lambda: losses.cce_from_logits(z, Y3)[0], z)
    assert relative_error(gradient, numeric) < 1e-8


def test_cce_gradient_on_probabilities_matches_central_differences():
    p = softmax(Z3 / 3)  # probabilities far from 0, where central differences are accurate
    numeric = numerical_gradient(lambda: losses.categorical_cross_entropy(p, Y3), p)
    assert relative_error(losses.categorical_cross_entropy_gradient(p, Y3), numeric) < 1e-8
    value, gradient = losses.get_loss("cce").value_and_gradient(p, Y3)
    assert value == pytest.approx(losses.categorical_cross_entropy(p, Y3), rel=1e-14)


def test_cce_of_logits_of_1000_is_finite_and_exact():
    z = np.array([[1000.0, 0.0, -1000.0], [0.0, 1000.0, -1000.0]])
    y = np.array([[1.0, 0.0, 0.0], [1.0, 0.0, 0.0]])
    with warnings.catch_warnings(), np.errstate(over="raise", invalid="raise", divide="raise"):
        warnings.simplefilter("error")
        value, gradient = losses.cce_from_logits(z, y)
    assert value == pytest.approx(1000.0 / 2, rel=1e-12)  # right: cost 0; wrong by 1000: cost 1000
    np.testing.assert_allclose(gradient, np.array([[0.0, 0, 0], [-1, 1, 0]]) / 2, atol=1e-15)


@pytest.mark.parametrize(("y", "message"), [
    (np.array([[1.0, 1.0, 0.0]]), "row 0 sums to 2"),
    (np.array([[1.5, -0.5, 0.0]]), r"targets in \[0, 1\]"),
    (np.array([[1.5, 0.0]]), r"targets in \[0, 1\] \(one-hot rows\); got values such as \[1.5\]"),
    (np.array([[0.5, 0.5 + 2e-9]]), "row 0 sums to 1"),   # more than rounding off
    (np.array([1.0, 0.0, 0.0]), "shape \\(n_samples, n_classes\\)"),
    (np.array([[1.0]]), "at least 2 classes"),
])
@pytest.mark.parametrize("fn", [losses.categorical_cross_entropy, losses.categorical_cross_entropy_gradient])
def test_cce_rejects_targets_that_are_not_distributions(y, message, fn):
    with pytest.raises(ValueError, match=message):
        fn(np.full(y.shape, 0.5), y)


def test_soft_targets_are_accepted():
    y = np.array([[0.99, 0.01], [0.01, 0.99], [0.3, 0.7 + 7e-10]])  # a sum off by rounding is still 1
    assert np.isfinite(losses.categorical_cross_entropy(np.array([[0.9, 0.1], [0.2, 0.8], [0.5, 0.5]]), y))


def test_softmax_layer_backward_matches_central_differences():
    # Trained with mse, the softmax layer's own Jacobian-vector product is used (no fusion).
    net = nnlib.mlp([2, 4, 3], hidden="tanh", output="softmax", seed=1)
    X = rng.normal(size=(5, 2))
    assert gradient_check(net, X, rng.normal(size=(5, 3)), "mse") < 1e-7


def test_softmax_network_with_cce_and_its_gradient():
    net = nnlib.mlp([2, 5, 3], hidden="tanh", output="softmax", seed=2)
    X = rng.normal(size=(6, 2))
    y = nnlib.one_hot(np.array([0, 1, 2, 2, 1, 0]), 3)
    assert gradient_check(net, X, y, "cce") < 1e-7
    # The fused path gives ∂L/∂z = (p − y)/n at the logits: the same as the layer-by-layer chain rule.
    value = net.compute_gradients(X, y, "cce")
    assert value == pytest.approx(losses.categorical_cross_entropy(net.predict(X), y), rel=1e-12)


def test_softmax_learns_three_classes_and_accuracy_uses_argmax():
    X, labels = nnlib.spiral(150, classes=3, noise=0.0, seed=0)
    y = nnlib.one_hot(labels, 3)
    net = nnlib.mlp([2, 32, 32, 3], hidden="tanh", output="softmax", seed=0)
    history = net.fit(X, y, epochs=300, lr=0.05, loss="cce", optimiser="adam")
    assert history.loss[-1] < 0.2 * history.loss[0]
    accuracy = net.accuracy(X, y)
    assert accuracy > 0.9
    assert net.accuracy(X, labels) == accuracy  # class numbers work as well as one-hot rows
    manual = np.mean(np.argmax(net.predict(X), axis=1) == labels)
    assert accuracy == manual
    with pytest.raises(ValueError, match="y must be whole numbers from 0 to 2"):
        net.accuracy(X, np.full(150, 3.0))


def test_accuracy_at_exactly_the_threshold_counts_as_class_0():
    # An identity output of exactly 0 with threshold 0, and σ(0) = 0.5 with threshold 0.5: both say class 0.
    X = np.zeros((2, 1))
    linear = nnlib.mlp([1, 1], output="identity", seed=0)
    assert linear.accuracy(X, [-1.0, 1.0], threshold=0.0) == 0.5  # right for −1, wrong for +1
    assert linear.accuracy(X, [0.0, 0.0], threshold=0.0) == 1.0  # a target at the threshold is class 0 too
    neuron = nnlib.mlp([1, 1], output="sigmoid", seed=0)
    assert neuron.predict(X)[0, 0] == 0.5
    assert neuron.accuracy(X, [0.0, 0.0]) == 1.0 and neuron.accuracy(X, [1.0, 1.0]) == 0.0


def test_a_softmax_network_started_confidently_wrong_moves():
    # Logits (50, −50) for a sample of class 1: p₁ = e^(−100). From the logits the loss is exactly 100 and
    # ∂L/∂z = p − y ≈ (1, −1), so one step of lr 1 moves the biases by 1. Through p, log p₁ would be clipped
    # to log EPS ≈ −27.6 and the gradient would all but vanish.
    X, y = np.ones((1, 1)), np.array([[0.0, 1.0]])
    net = nnlib.mlp([1, 2], output="softmax", seed=0)
    net.set_parameters([np.zeros((2, 1)), np.array([50.0, -50.0])])
    assert net.loss(X, y, "cce") == pytest.approx(100.0, rel=1e-12)
    net.fit(X, y, epochs=1, lr=1.0, loss="cce")
    np.testing.assert_allclose(net.parameters()[1], [49.0, -49.0], rtol=0, atol=1e-12)
