"""Starting weights: the named scales have the standard deviations their formulas say."""

import numpy as np
import pytest

import nnlib
from nnlib.layers import Dense


@pytest.mark.parametrize(("init", "std"), [
    (None, 1 / np.sqrt(400)),
    ("lecun", 1 / np.sqrt(400)),
    ("xavier", np.sqrt(2 / (400 + 300))),
    ("he", np.sqrt(2 / 400)),
])
def test_named_scales(init, std):
    layer = Dense(400, 300, seed=0, init=init)
    assert layer.W.std() == pytest.approx(std, rel=0.01)  # 120 000 draws: the sample std is within 1 %
    assert abs(layer.W.mean()) < 0.01 * std
    np.testing.assert_array_equal(layer.b, 0.0)


def test_zeros_and_a_number():
    np.testing.assert_array_equal(Dense(3, 4, seed=0, init="zeros").W, 0.0)
    assert Dense(400, 300, seed=0, init_scale=0.01).W.std() == pytest.approx(0.01, rel=0.01)


def test_mlp_passes_init_to_every_layer():
    net = nnlib.mlp([200, 100, 50, 1], hidden="relu", init="he", seed=0)
    dense = [layer for layer in net.layers if isinstance(layer, Dense)]
    assert dense[0].W.std() == pytest.approx(np.sqrt(2 / 200), rel=0.02)
    assert dense[1].W.std() == pytest.approx(np.sqrt(2 / 100), rel=0.02)


def test_zero_init_keeps_hidden_units_identical():
    X, y = nnlib.logic_gate("xor")
    net = nnlib.mlp([2, 4, 1], init="zeros", seed=0)
    net.fit(X, y, epochs=200, lr=1.0, loss="bce")
    W1 = net.parameters()[0]
    np.testing.assert_array_equal(W1, np.repeat(W1[:1], 4, axis=0))  # all four rows equal: one unit, four times


@pytest.mark.parametrize(("kwargs", "error", "message"), [
    ({"init": "glorot"}, ValueError, r"init must be one of \['he', 'lecun', 'xavier', 'zeros'\]; got 'glorot'"),
    ({"init": 0.1}, TypeError, "init must be a name"),
    ({"init": "he", "init_scale": 0.1}, ValueError, "give init or init_scale, not both"),
    ({"init_scale": -1.0}, ValueError, "init_scale must be a positive finite number"),
])
def test_bad_init(kwargs, error, message):
    with pytest.raises(error, match=message):
        Dense(2, 3, seed=0, **kwargs)
    with pytest.raises(error, match=message):
        nnlib.mlp([2, 3, 1], **kwargs)


def test_a_new_layer_has_zero_gradients_shaped_like_its_parameters():
    # Before any backward there is nothing to learn from: an optimiser that looks at gradients() then
    # (or a student printing them) sees zeros of the right shapes, not an AttributeError.
    layer = Dense(3, 2, seed=0)
    assert [g.shape for g in layer.gradients()] == [(2, 3), (2,)]
    for gradient in layer.gradients():
        np.testing.assert_array_equal(gradient, 0.0)
