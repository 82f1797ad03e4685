"""Bad input: a ValueError or TypeError whose message names the argument and what was expected."""

import numpy as np
import pytest

import nnlib
from nnlib import ActivationLayer, Dense, Network

X, Y = nnlib.logic_gate("xor")


@pytest.fixture
def net():
    return nnlib.mlp([2, 3, 1], seed=0)


# -- data going into a network --------------------------------------------------------------
@pytest.mark.parametrize("method", ["predict", "accuracy", "loss", "fit"])
def test_wrong_input_width(net, method):
    args = {"predict": (), "accuracy": (Y,), "loss": (Y,), "fit": (Y,)}[method]
    kwargs = {"epochs": 1, "lr": 0.1} if method == "fit" else {}
    with pytest.raises(ValueError, match=r"X must have shape \(n_samples, 2\); got shape \(4, 3\)"):
        getattr(net, method)(np.zeros((4, 3)), *args, **kwargs)


def test_one_sample_must_still_be_a_row(net):
    with pytest.raises(ValueError, match=r"X must have shape \(n_samples, 2\); got shape \(2,\)"):
        net.predict(np.zeros(2))
    assert net.predict(np.zeros((1, 2))).shape == (1, 1)


def test_x_and_y_of_different_lengths(net):
    with pytest.raises(ValueError, match=r"y must have shape \(4, 1\) or \(4,\) to match the inputs and the network; "
                                         r"got shape \(3,\)"):
        net.fit(X, Y[:3], epochs=1, lr=0.1)
    with pytest.raises(ValueError, match=r"y must have shape \(4, 1\) or \(4,\).*got shape \(5, 1\)"):
        net.loss(X, np.zeros((5, 1)))
    with pytest.raises(ValueError, match=r"X and y must have the same number of rows; got X \(4, 2\) and y \(3,\)"):
        nnlib.split(X, Y[:3], (0.5, 0.5), seed=0)


@pytest.mark.parametrize("bad", [np.nan, np.inf, -np.inf])
def test_nan_or_inf(net, bad):
    X_bad = X.copy()
    X_bad[2, 1] = bad
    with pytest.raises(ValueError, match=r"X must be finite; found 1 NaN or inf value\(s\)"):
        net.fit(X_bad, Y, epochs=1, lr=0.1)
    with pytest.raises(ValueError, match=r"X must be finite"):
        net.predict(X_bad)
    Y_bad = Y.copy()
    Y_bad[0] = bad
    with pytest.raises(ValueError, match=r"y must be finite"):
        net.fit(X, Y_bad, epochs=1, lr=0.1)
    with pytest.raises(ValueError, match=r"validation_data\[0\] must be finite"):
        net.fit(X, Y, epochs=1, lr=0.1, validation_data=(X_bad, Y))


def test_not_numbers(net):
    with pytest.raises(TypeError, match="X must hold real numbers; got dtype <U1"):
        net.predict([["a", "b"]])
    with pytest.raises(TypeError, match="y must hold real numbers; got complex"):
        net.fit(X, Y + 1j, epochs=1, lr=0.1)
    with pytest.raises(ValueError, match="X must be a rectangular array of numbers"):
        net.predict([[1.0, 2.0], [3.0]])


def test_labels_outside_0_1_for_cross_entropy(net):
    params = net.get_parameters()
    message = r"binary cross-entropy needs targets y in \{0, 1\}; got values such as \[-1.0\]"
    with pytest.raises(ValueError, match=message):
        net.fit(X, 2 * Y - 1, epochs=1, lr=0.1, loss="bce")
    with pytest.raises(ValueError, match=r"validation_data\[1\]: .*needs targets y in \{0, 1\}; got .* \[0.5\]"):
        net.fit(X, Y, epochs=1, lr=0.1, loss="bce", validation_data=(X, np.full(4, 0.5)))
    for a, b in zip(net.parameters(), params):  # rejected before any training
        np.testing.assert_array_equal(a, b)
    net.fit(X, 2 * Y - 1, epochs=1, lr=0.1, loss="mse")  # −1/+1 targets are fine for MSE


# -- arguments of fit --------------------------------------------------------------------------
@pytest.mark.parametrize(("kwargs", "error", "message"), [
    ({"lr": 0}, ValueError, r"lr must be a positive finite number; got 0"),
    ({"lr": -0.5}, ValueError, r"lr must be a positive finite number; got -0.5"),
    ({"lr": float("nan")}, ValueError, r"lr must be a positive finite number; got nan"),
    ({"lr": "0.1"}, TypeError, r"lr must be a positive number; got str '0.1'"),
    ({"epochs": 0}, ValueError, r"epochs must be a positive int; got 0"),
    ({"epochs": -3}, ValueError, r"epochs must be a positive int; got -3"),
    ({"epochs": 10.0}, TypeError, r"epochs must be a positive int; got float 10.0"),
    ({"epochs": True}, TypeError, r"epochs must be a positive int; got bool True"),
    ({"batch_size": 0}, ValueError, r"batch_size must be a positive int; got 0"),
    ({"snapshot_every": 0}, ValueError, r"snapshot_every must be a positive int; got 0"),
    ({"loss": "mae"}, ValueError, r"loss must be one of \['bce', 'cce', 'mse'\]; got 'mae'"),
    ({"seed": 1.5}, TypeError, r"seed must be an int or a numpy.random.Generator; got float"),
    ({"validation_data": X}, TypeError, r"validation_data must be a pair \(X_val, y_val\)"),
    ({"early_stopping": 5}, ValueError, r"early_stopping needs validation_data"),
    ({"early_stopping": 0, "validation_data": (X, Y)}, ValueError, r"early_stopping must be a positive int; got 0"),
    ({"optimiser": "newton"}, ValueError, r"optimiser must be one of \['adam', 'momentum', 'sgd'\]"),
])
def test_bad_fit_arguments(net, kwargs, error, message):
    arguments = {"epochs": 2, "lr": 0.1, **kwargs}
    with pytest.raises(error, match=message):
        net.fit(X, Y, **arguments)


def test_empty_training_set(net):
    with pytest.raises(ValueError, match=r"X must hold at least one sample to train on; got shape \(0, 2\)"):
        net.fit(np.zeros((0, 2)), np.zeros(0), epochs=1, lr=0.1)
    for method in (net.loss, net.compute_gradients):
        with pytest.raises(ValueError, match=r"X must hold at least one sample; got shape \(0, 2\)"):
            method(np.zeros((0, 2)), np.zeros(0))


def test_numpy_scalars_are_accepted(net):
    history = net.fit(X, Y, epochs=np.int64(3), lr=np.float32(0.5), batch_size=np.int32(2), seed=np.int64(1))
    assert len(history.loss) == 3


# -- building networks ---------------------------------------------------------------------------
def test_unknown_activation_names():
    with pytest.raises(ValueError, match=r"hidden must be one of \['identity', 'leaky_relu', 'relu', 'sigmoid', "
                                         r"'step', 'tanh'\]; got 'softmax'"):
        nnlib.mlp([2, 3, 1], hidden="softmax")
    with pytest.raises(ValueError, match=r"output must be one of .*got 'Sigmoid'"):
        nnlib.mlp([2, 3, 1], output="Sigmoid")
    with pytest.raises(ValueError, match=r"activation must be one of .*got 'gelu'"):
        ActivationLayer("gelu")
    with pytest.raises(TypeError, match=r"activation must be a name \(str\)"):
        nnlib.mlp([2, 1], output=None)


def test_bad_layers():
    with pytest.raises(ValueError, match=r"sizes must list at least the input and output widths.*got \[2\]"):
        nnlib.mlp([2])
    with pytest.raises(ValueError, match=r"sizes\[1\] must be a positive int; got 0"):
        nnlib.mlp([2, 0, 1])
    with pytest.raises(TypeError, match=r"sizes\[2\] must be a positive int; got float 1.0"):
        nnlib.mlp([2, 3, 1.0])
    with pytest.raises(ValueError, match="n_inputs must be a positive int; got 0"):
        Dense(0, 3, seed=0)
    with pytest.raises(TypeError, match="n_outputs must be a positive int; got float 2.5"):
        Dense(2, 2.5, seed=0)
    with pytest.raises(ValueError, match="init_scale must be a positive finite number; got -1"):
        Dense(2, 2, seed=0, init_scale=-1)
    with pytest.raises(TypeError, match="seed must be an int or a numpy.random.Generator; got NoneType"):
        Dense(2, 2, seed=None)
    with pytest.raises(ValueError, match=r"layers do not fit together: Dense\(2, 3\) gives 3 outputs, "
                                         r"but the next Dense\(4, 1\) expects 4 inputs"):
        Network([Dense(2, 3, seed=0), ActivationLayer("tanh"), Dense(4, 1, seed=0)])
    with pytest.raises(ValueError, match="layers must contain at least one layer with weights, such as Dense"):
        Network([ActivationLayer("tanh")])
    with pytest.raises(TypeError, match=r"layers\[1\] must be a layer with forward, .*; str has no forward"):
        Network([Dense(2, 1, seed=0), "sigmoid"])


# -- data sets and split ----------------------------------------------------------------------------
@pytest.mark.parametrize("fractions", [(0.5, 0.4), (0.6, 0.3, 0.3), (1.2, -0.2), (0.5, 0.5, 0.0)])
def test_fractions_must_be_positive_and_sum_to_1(fractions):
    X, y = nnlib.threshold(n=40)
    with pytest.raises(ValueError, match=r"fractions must be positive and sum to 1; got \["):
        nnlib.split(X, y, fractions, seed=0)


def test_fractions_need_two_parts():
    X, y = nnlib.threshold(n=40)
    with pytest.raises(ValueError, match=r"fractions must list at least two parts, e.g. \(0.8, 0.2\); got \[1.0\]"):
        nnlib.split(X, y, (1.0,), seed=0)


def test_class_too_small_to_stratify():
    X = np.arange(12.0).reshape(-1, 1)
    y = np.array([0.0] * 10 + [1.0] * 2)  # 0.2 of 2 samples is less than one
    with pytest.raises(ValueError, match=r"class \[1.0\] has 2 samples: too few to stratify into fractions "
                                         r"\[0.6, 0.2, 0.2\] \(each class needs at least 5\)"):
        nnlib.split(X, y, (0.6, 0.2, 0.2), seed=0)


def test_split_rejects_nan_labels():
    X, y = nnlib.threshold(n=20)
    y[3] = np.nan
    with pytest.raises(ValueError, match="y must be finite"):
        nnlib.split(X, y, (0.5, 0.5), seed=0)


def test_bad_data_set_arguments():
    with pytest.raises(ValueError, match=r"name must be one of \['and', 'implies', 'or', 'xor'\].*got 'nand'"):
        nnlib.logic_gate("nand")
    with pytest.raises(TypeError, match="name must be a gate name .*got NoneType"):
        nnlib.logic_gate(None)
    with pytest.raises(ValueError, match=r"encoding must be one of \('binary', 'bipolar'\); got 'signed'"):
        nnlib.logic_gate("xor", encoding="signed")
    with pytest.raises(ValueError, match=r"low < 0 < high is needed so that both classes occur; got low=1, high=5"):
        nnlib.threshold(low=1, high=5)
    with pytest.raises(ValueError, match="n must be a positive int; got 0"):
        nnlib.threshold(n=0)


def test_a_softmax_output_needs_two_classes():
    with pytest.raises(ValueError, match="a softmax output needs at least 2 classes; sizes ends with 1"):
        nnlib.mlp([2, 3, 1], output="softmax")


def test_accuracy_of_a_softmax_network_names_the_shapes_it_accepts():
    net = nnlib.mlp([2, 3, 3], output="softmax", seed=0)
    with pytest.raises(ValueError, match=r"y must have shape \(4, 3\) \(one-hot\) or \(4,\) \(class numbers\); "
                                         r"got shape \(4, 2\)"):
        net.accuracy(X, np.zeros((4, 2)))


def test_set_parameters_refuses_nan_and_changes_nothing(net):
    before = net.get_parameters()
    bad = net.get_parameters()
    bad[1][0] = np.nan
    with pytest.raises(ValueError, match=r"values\[1\] must be finite"):
        net.set_parameters(bad)
    for a, b in zip(net.parameters(), before):
        np.testing.assert_array_equal(a, b)


def test_fit_names_x_when_it_is_not_numbers(net):
    with pytest.raises(TypeError, match="X must hold real numbers"):
        net.fit(None, Y, epochs=1, lr=0.1)


@pytest.mark.parametrize("validation_data", [(X, Y, X), np.zeros((2, 2))])
def test_validation_data_must_be_exactly_a_pair(net, validation_data):
    # A third element would be ignored silently, and an array of two rows is not a pair (X_val, y_val).
    with pytest.raises(TypeError, match=r"validation_data must be a pair \(X_val, y_val\)"):
        net.fit(X, Y, epochs=1, lr=0.1, validation_data=validation_data)


@pytest.mark.parametrize(("kwargs", "message"), [({"l1": -1.0}, "l1 must be"), ({"l2": float("inf")}, "l2 must be")])
def test_compute_gradients_checks_the_penalty_rates(net, kwargs, message):
    with pytest.raises(ValueError, match=message):
        net.compute_gradients(X, Y, **kwargs)
