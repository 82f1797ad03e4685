"""nnlib.diagnostics.layer_stats: hidden values, dead units and per-layer gradient norms, against plain numpy."""

import numpy as np
import pytest

import nnlib
from nnlib.diagnostics import layer_stats


def three_layer_net(hidden="tanh", seed=0):
    return nnlib.mlp([2, 3, 4, 1], hidden=hidden, output="sigmoid", seed=seed)


def test_hidden_layers_are_the_pre_activations_and_outputs_of_each_hidden_layer():
    X, _ = nnlib.moons(10, 0.1, seed=0)
    net = three_layer_net()
    W1, b1, W2, b2, _, _ = net.get_parameters()
    Z1 = X @ W1.T + b1
    Z2 = np.tanh(Z1) @ W2.T + b2
    layers = layer_stats.hidden_layers(net, X)
    assert len(layers) == 2                       # the output's sigmoid is not a hidden layer
    assert [layer.activation for layer in layers] == ["tanh", "tanh"]
    assert np.allclose(layers[0].Z, Z1, rtol=1e-14) and np.allclose(layers[0].A, np.tanh(Z1), rtol=1e-14)
    assert np.allclose(layers[1].Z, Z2, rtol=1e-14) and np.allclose(layers[1].A, np.tanh(Z2), rtol=1e-14)
    layers[0].Z[:] = 0                            # copies: changing them does not change the network
    assert not np.all(net.layers[1].Z == 0)


def test_a_relu_unit_that_is_negative_for_every_input_is_dead_and_gets_no_gradient():
    X, y = nnlib.moons(40, 0.1, seed=0)
    net = three_layer_net("relu")
    b1 = net.layers[0].b
    b1[1] = -100.0                                # unit 2 of layer 1: z < 0 for every input
    dead = layer_stats.dead_units(net, X)
    assert [d.shape for d in dead] == [(3,), (4,)]
    assert dead[0].tolist() == [False, True, False]
    net.compute_gradients(X, y, "bce")
    dW1, db1 = net.gradients()[:2]
    assert np.all(dW1[1] == 0) and db1[1] == 0    # exactly zero: nothing can revive it
    before = net.layers[0].W[1].copy()
    net.fit(X, y, epochs=50, lr=1.0, loss="bce")
    assert np.array_equal(net.layers[0].W[1], before) and net.layers[0].b[1] == -100.0
    assert layer_stats.dead_units(net, X)[0][1]


def test_a_leaky_unit_pushed_below_zero_still_gets_a_gradient():
    X, y = nnlib.moons(40, 0.1, seed=0)
    net = three_layer_net("leaky_relu")
    net.layers[0].b[1] = -3.0
    assert layer_stats.dead_units(net, X)[0][1]   # below zero everywhere, as a dead relu would be
    net.compute_gradients(X, y, "bce")
    assert np.abs(net.gradients()[0][1]).max() > 0


def manual_gradients(X, y, Ws, bs):
    """Plain numpy backprop of a tanh network with a sigmoid output and the mean squared error."""
    activations, zs = [X], []
    for i, (W, b) in enumerate(zip(Ws, bs)):
        z = activations[-1] @ W.T + b
        zs.append(z)
        activations.append(np.tanh(z) if i < len(Ws) - 1 else 1 / (1 + np.exp(-z)))
    p = activations[-1]
    delta = 2 * (p - y[:, None]) / p.size * p * (1 - p)
    grads = []
    for i in reversed(range(len(Ws))):
        grads.append(delta.T @ activations[i])
        if i:
            delta = (delta @ Ws[i]) * (1 - np.tanh(zs[i - 1]) ** 2)
    return grads[::-1]


def test_weight_gradient_norms_equal_a_manual_backprop():
    X, y = nnlib.moons(25, 0.2, seed=3)
    net = three_layer_net("tanh", seed=5)
    params = net.get_parameters()
    expected = [np.linalg.norm(g) for g in manual_gradients(X, y, params[0::2], params[1::2])]
    norms = layer_stats.weight_gradient_norms(net, X, y, "mse")
    assert norms.shape == (3,)
    assert np.allclose(norms, expected, rtol=1e-12)


def test_hidden_layers_checks_its_inputs():
    with pytest.raises(ValueError, match="X"):
        layer_stats.hidden_layers(three_layer_net(), np.zeros((4, 3)))


def test_a_unit_exactly_at_zero_for_every_input_is_dead():
    # relu'(0) = 0 (nnlib's choice at the kink): a unit with z = 0 everywhere gets no gradient either.
    X, y = nnlib.moons(40, 0.1, seed=0)
    net = three_layer_net("relu")
    net.layers[0].W[2] = 0.0
    net.layers[0].b[2] = 0.0                      # unit 3 of layer 1: z = 0 for every input
    assert layer_stats.dead_units(net, X)[0].tolist() == [False, False, True]
    net.compute_gradients(X, y, "bce")
    assert np.all(net.gradients()[0][2] == 0) and net.gradients()[1][2] == 0


def test_a_network_with_a_linear_output_layer_still_has_its_hidden_layers():
    # Without an output activation the last layer is Dense: every activation layer is then a hidden one.
    X, _ = nnlib.moons(10, 0.1, seed=0)
    net = nnlib.Network([nnlib.Dense(2, 3, seed=0), nnlib.ActivationLayer("tanh"), nnlib.Dense(3, 1, seed=1)])
    layers = layer_stats.hidden_layers(net, X)
    assert [layer.activation for layer in layers] == ["tanh"]
    np.testing.assert_allclose(layers[0].A, np.tanh(X @ net.layers[0].W.T), rtol=1e-14)
