"""Losses: values, gradients against central differences, stability, shape and label checks."""

import warnings

import numpy as np
import pytest

from nnlib import losses
from nnlib.gradcheck import numerical_gradient, relative_error
from nnlib.losses import get_loss

rng = np.random.default_rng(1)
P = rng.uniform(0.05, 0.95, size=(7, 3))
Y01 = (rng.uniform(size=(7, 3)) > 0.5).astype(float)


def test_mse_value():
    assert losses.mse([0.0, 1.0, 3.0], [0.0, 0.0, 1.0]) == pytest.approx((0 + 1 + 4) / 3, rel=1e-15)
    assert losses.mse(P, P) == 0.0


def test_bce_value():
    p, y = np.array([0.9, 0.2]), np.array([1.0, 0.0])
    assert losses.binary_cross_entropy(p, y) == pytest.approx(-(np.log(0.9) + np.log(0.8)) / 2, rel=1e-14)


@pytest.mark.parametrize("name", ["mse", "bce"])
def test_gradient_matches_central_differences(name):
    loss = get_loss(name)
    p = P.copy()
    numeric = numerical_gradient(lambda: loss.value(p, Y01), p)
    assert relative_error(loss.gradient(p, Y01), numeric) < 1e-8


@pytest.mark.parametrize("name", ["mse", "bce"])
def test_value_and_gradient_agrees_with_value_and_gradient(name):
    loss = get_loss(name)
    value, gradient = loss.value_and_gradient(P, Y01)
    assert value == pytest.approx(loss.value(P, Y01), rel=1e-14)
    np.testing.assert_allclose(gradient, loss.gradient(P, Y01), rtol=1e-14)


def test_bce_gradient_through_sigmoid_is_p_minus_y():
    # dL/dz = dL/dp · σ'(z) = (p − y) / N: the formula notebook 02 derives.
    p = P
    dz = losses.binary_cross_entropy_gradient(p, Y01) * p * (1 - p)
    np.testing.assert_allclose(dz, (p - Y01) / p.size, rtol=1e-12)


def test_bce_is_finite_at_p_0_and_1():
    p = np.array([0.0, 1.0, 0.0, 1.0])
    y = np.array([0.0, 1.0, 1.0, 0.0])
    with warnings.catch_warnings(), np.errstate(all="raise"):
        warnings.simplefilter("error")
        value = losses.binary_cross_entropy(p, y)
        gradient = losses.binary_cross_entropy_gradient(p, y)
    assert np.isfinite(value) and np.all(np.isfinite(gradient))
    # Two right answers cost ~0, two confident wrong answers cost −log(EPS) each.
    assert value == pytest.approx(-np.log(losses.EPS) / 2, rel=1e-6)
    assert losses.binary_cross_entropy(p[:2], y[:2]) < 1e-11


@pytest.mark.parametrize("fn", [losses.mse, losses.mse_gradient, losses.binary_cross_entropy,
                                losses.binary_cross_entropy_gradient, losses.categorical_cross_entropy,
                                losses.categorical_cross_entropy_gradient])
def test_shapes_must_match_exactly(fn):
    p = np.full((4, 1), 0.5)
    y = np.array([0.0, 1.0, 1.0, 0.0])  # (4,) against (4, 1) would broadcast to (4, 4)
    with pytest.raises(ValueError, match=r"same shape; got p \(4, 1\) and y \(4,\)"):
        fn(p, y)


@pytest.mark.parametrize("fn", [losses.binary_cross_entropy, losses.binary_cross_entropy_gradient])
def test_bce_rejects_labels_outside_0_1(fn):
    with pytest.raises(ValueError, match=r"needs targets y in \{0, 1\}; got values such as \[-1.0\]"):
        fn(np.full(3, 0.5), np.array([-1.0, 1.0, 1.0]))
    with pytest.raises(ValueError, match=r"got values such as \[0.5\]"):
        fn(np.full(3, 0.5), np.array([0.0, 0.5, 1.0]))


def test_get_loss():
    assert get_loss("mse").value is losses.mse
    assert get_loss(get_loss("bce")).name == "bce"
    with pytest.raises(ValueError, match=r"loss must be one of \['bce', 'cce', 'mse'\]; got 'mae'"):
        get_loss("mae")
    with pytest.raises(TypeError, match="loss must be a name .*got NoneType"):
        get_loss(None)


def test_bce_names_at_most_five_of_the_wrong_labels():
    with pytest.raises(ValueError, match=r"got values such as \[-1.0, 2.0, 3.0, 4.0, 5.0\]$"):
        losses.binary_cross_entropy(np.full(7, 0.5), np.array([0.0, 6.0, 5.0, 4.0, 3.0, 2.0, -1.0]))


@pytest.mark.parametrize("name", ["bce", "cce"])
def test_value_and_gradient_clip_like_value_and_gradient(name):
    # Outputs of exactly 0 and 1 (an identity or step output layer can give them): finite, the same numbers.
    p = np.array([[0.0, 1.0], [1.0, 0.0]])
    y = np.array([[1.0, 0.0], [1.0, 0.0]])
    loss = get_loss(name)
    with warnings.catch_warnings(), np.errstate(all="raise"):
        warnings.simplefilter("error")
        value, gradient = loss.value_and_gradient(p, y)
    assert value == loss.value(p, y) and np.isfinite(value)
    np.testing.assert_array_equal(gradient, loss.gradient(p, y))


def test_cce_clips_probabilities_to_at_most_1():
    # p above 1 (only an output that is not a softmax can give it) counts as 1: log p is never positive.
    assert losses.categorical_cross_entropy(np.array([[1.5, 0.0]]), np.array([[1.0, 0.0]])) == 0.0
