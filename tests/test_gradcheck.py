"""Backpropagation against central differences, for every sensible combination of parts.

Combinations: every hidden activation × every output activation with MSE, in
networks with zero, one and two hidden layers and two outputs. Binary
cross-entropy needs outputs in (0, 1) (it takes log p and log(1 − p)), so it is
paired with a sigmoid output only: with identity, relu or tanh the output can
leave (0, 1), where BCE's clipping makes the loss flat and its gradient
meaningless; with step it is 0 or 1 exactly.

relu has a kink and step a jump at z = 0, where no derivative exists: the data
and weights are chosen (by trying seeds) so that every pre-activation stays at
least 1e-3 away from 0, far more than the finite-difference step 1e-6, and every relu unit is on for
at least one sample (else its gradients are all 0 and prove nothing). They
also keep the output pre-activations inside (−5, 5): a saturated sigmoid output
p = 1 − 1e-8 is stored with only ~8 correct digits in 1 − p, and BCE's
log(1 − p) turns that rounding into finite-difference noise, not a backprop bug.
"""

import numpy as np
import pytest

import nnlib
from nnlib.gradcheck import gradient_check, network_gradients, numerical_gradient, relative_error
from nnlib.layers import ActivationLayer, Dense

NAMES = ["sigmoid", "tanh", "relu", "leaky_relu", "identity", "step"]
SHAPES = {"no hidden layer": [3, 2], "one hidden layer": [3, 4, 2], "two hidden layers": [3, 5, 4, 2]}
TOLERANCE = 1e-6


def network_and_data(sizes, hidden, output, loss):
    """A network with random weights and biases, and data that keep every pre-activation away from 0."""
    for seed in range(200):
        rng = np.random.default_rng(seed)
        net = nnlib.mlp(sizes, hidden=hidden, output=output, seed=rng, init_scale=1.0)
        net.set_parameters([rng.normal(size=p.shape) for p in net.parameters()])  # nonzero biases too
        X = rng.normal(size=(6, sizes[0]))
        y = (rng.uniform(size=(6, sizes[-1])) > 0.5).astype(float) if loss == "bce" else rng.normal(size=(6, sizes[-1]))
        net.forward(X)
        act = [layer for layer in net.layers if isinstance(layer, ActivationLayer)]
        away_from_0 = all(np.min(np.abs(layer.Z)) > 1e-3 for layer in act)
        relu_alive = all(np.all(np.any(layer.Z > 0, axis=0)) for layer in act if layer.activation.name == "relu")
        if away_from_0 and relu_alive and np.max(np.abs(act[-1].Z)) < 5:
            return net, X, y
    raise AssertionError("no seed keeps the pre-activations away from 0")  # pragma: no cover


def combinations():
    for shape, sizes in SHAPES.items():
        for output in NAMES:
            for hidden in NAMES if len(sizes) > 2 else ["sigmoid"]:  # without hidden layers, hidden is unused
                yield pytest.param(sizes, hidden, output, "mse", id=f"{shape}-{hidden}-{output}-mse")
        for hidden in NAMES if len(sizes) > 2 else ["sigmoid"]:
            yield pytest.param(sizes, hidden, "sigmoid", "bce", id=f"{shape}-{hidden}-sigmoid-bce")


@pytest.mark.parametrize(("sizes", "hidden", "output", "loss"), list(combinations()))
def test_backprop_matches_numerical_gradient(sizes, hidden, output, loss):
    net, X, y = network_and_data(sizes, hidden, output, loss)
    analytic, numeric = network_gradients(net, X, y, loss)
    assert [a.shape for a in analytic] == [p.shape for p in net.parameters()]
    errors = [relative_error(a, n) for a, n in zip(analytic, numeric)]
    assert max(errors) < TOLERANCE, errors
    assert gradient_check(net, X, y, loss) == pytest.approx(max(errors), abs=1e-12)
    if output == "step":
        # step'(z) = 0: no gradient reaches any weight, which is why gradient descent cannot train a step.
        assert all(not np.any(a) for a in analytic)
    elif hidden != "step" or len(sizes) == 2:
        assert all(np.any(a) for a in analytic)  # the check is not comparing zeros with zeros


def test_backward_returns_the_input_gradient():
    net, X, y = network_and_data([3, 4, 2], "tanh", "sigmoid", "mse")
    loss = nnlib.get_loss("mse")
    dX = net.backward(loss.gradient(net.forward(X), y))
    numeric = numerical_gradient(lambda: loss.value(net.forward(X), y), X)
    assert relative_error(dX, numeric) < TOLERANCE


def test_the_check_catches_a_derivative_taken_at_the_output(monkeypatch):
    # Seed 000's bug: σ'(σ(z)) instead of σ'(z).
    def wrong_backward(self, dA):
        return dA * self.activation.derivative(self.A)

    net, X, y = network_and_data([3, 4, 2], "sigmoid", "sigmoid", "mse")
    assert gradient_check(net, X, y) < TOLERANCE
    monkeypatch.setattr(ActivationLayer, "backward", wrong_backward)
    assert gradient_check(net, X, y) > 1e-2


def test_the_check_catches_a_bias_gradient_not_summed_over_the_batch(monkeypatch):
    original = Dense.backward

    def wrong_backward(self, dZ):
        dX = original(self, dZ)
        self.db = dZ[0]
        return dX

    net, X, y = network_and_data([3, 4, 2], "tanh", "identity", "mse")
    monkeypatch.setattr(Dense, "backward", wrong_backward)
    assert gradient_check(net, X, y) > 1e-2


def test_numerical_gradient_restores_theta():
    theta = np.array([[1.0, -2.0], [0.5, 3.0]])
    before = theta.copy()
    grad = numerical_gradient(lambda: float(np.sum(theta**3)), theta)
    np.testing.assert_array_equal(theta, before)
    np.testing.assert_allclose(grad, 3 * before**2, rtol=1e-8)


def test_relative_error():
    a = np.array([1.0, 2.0])
    assert relative_error(a, a) == 0.0
    assert relative_error(a, -a) == 1.0
    assert relative_error(np.zeros(2), np.zeros(2)) == 0.0


def test_relative_error_refuses_arrays_of_different_shapes():
    # db = dZ (the bias gradient not summed, notebook 07) against the numerical (1,): broadcasting would give a number
    with pytest.raises(ValueError, match=r"same shape; got \(4, 1\) and \(1,\)"):
        relative_error(np.ones((4, 1)), np.ones(1))
    with pytest.raises(ValueError, match="same shape"):
        relative_error(np.ones((2, 3)), np.ones((3, 2)))   # a transposed gradient of a non-square layer
    assert relative_error([1.0, 2.0], (1.0, 2.0)) == 0.0   # plain lists and tuples are arrays too


def test_central_differences_across_a_jump_are_one_over_two_eps():
    # Why the data above keep every pre-activation away from 0: across the jump of a step the "derivative"
    # is 1 / (2ε), with the default ε = 1e-6 half a million, whatever backprop says.
    theta = np.zeros(1)
    assert numerical_gradient(lambda: float(theta[0] > 0), theta)[0] == pytest.approx(1 / 2e-6, rel=1e-9)
