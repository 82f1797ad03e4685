"""Input checks shared by nnlib's modules.

Bad input raises a ValueError or TypeError that names the argument, what was
expected and what was received. Nothing is silently cast to int, broadcast or
dropped; real numbers (bool, int, float) are widened to float64, which loses
nothing.
"""

import numbers

import numpy as np


def as_generator(seed, name="seed"):
    """A numpy Generator from an int seed, or the Generator itself."""
    if isinstance(seed, np.random.Generator):
        return seed
    if isinstance(seed, numbers.Integral) and not isinstance(seed, bool):
        return np.random.default_rng(int(seed))
    raise TypeError(f"{name} must be an int or a numpy.random.Generator; got {type(seed).__name__}")


def as_float_array(values, name):
    """``values`` as a float64 array; TypeError for anything that is not real numbers."""
    try:
        array = np.asarray(values)
    except ValueError as error:  # ragged nested lists
        raise ValueError(f"{name} must be a rectangular array of numbers; {error}") from None
    if array.dtype == object or not (np.issubdtype(array.dtype, np.number) or array.dtype == bool):
        raise TypeError(f"{name} must hold real numbers; got dtype {array.dtype}")
    if np.issubdtype(array.dtype, np.complexfloating):
        raise TypeError(f"{name} must hold real numbers; got complex dtype {array.dtype}")
    return array.astype(float, copy=False)


def check_finite(array, name):
    if not np.all(np.isfinite(array)):
        raise ValueError(f"{name} must be finite; found {np.count_nonzero(~np.isfinite(array))} NaN or inf value(s)")


def as_inputs(X, n_features, name="X"):
    """X as a finite float array of shape (n_samples, n_features)."""
    X = as_float_array(X, name)
    if X.ndim != 2 or X.shape[1] != n_features:
        raise ValueError(f"{name} must have shape (n_samples, {n_features}); got shape {X.shape}")
    check_finite(X, name)
    return X


def as_targets(y, n_samples, n_outputs, name="y"):
    """y as a finite float array of shape (n_samples, n_outputs).

    A 1-D y of length n_samples is accepted for a network with one output and
    reshaped to a column; any other shape is an error, never a broadcast.
    """
    y = as_float_array(y, name)
    if y.ndim == 1 and n_outputs == 1 and y.shape[0] == n_samples:
        y = y.reshape(-1, 1)
    if y.shape != (n_samples, n_outputs):
        expected = f"({n_samples}, {n_outputs})" + (f" or ({n_samples},)" if n_outputs == 1 else "")
        raise ValueError(f"{name} must have shape {expected} to match the inputs and the network; got shape {y.shape}")
    check_finite(y, name)
    return y


def as_class_numbers(values, n_classes, name):
    """Class numbers 0 … n_classes − 1 as an int array of shape (n,); floats such as 2.0 are fine, 2.5 is not."""
    values = as_float_array(values, name)
    if values.ndim != 1:
        raise ValueError(f"{name} must be a 1-D array of class numbers; got shape {values.shape}")
    bad = (values != np.round(values)) | (values < 0) | (values >= n_classes)
    if np.any(bad):
        raise ValueError(f"{name} must be whole numbers from 0 to {n_classes - 1}; "
                         f"got values such as {np.unique(values[bad])[:5].tolist()}")
    return values.astype(int)


def check_positive_int(value, name):
    if not isinstance(value, numbers.Integral) or isinstance(value, bool):
        raise TypeError(f"{name} must be a positive int; got {type(value).__name__} {value!r}")
    if value <= 0:
        raise ValueError(f"{name} must be a positive int; got {value}")
    return int(value)


def check_positive_number(value, name):
    if not isinstance(value, numbers.Real) or isinstance(value, bool):
        raise TypeError(f"{name} must be a positive number; got {type(value).__name__} {value!r}")
    if not (np.isfinite(value) and value > 0):
        raise ValueError(f"{name} must be a positive finite number; got {value}")
    return float(value)


def check_fraction(value, name):
    """A number in [0, 1): a decay rate (momentum, Adam's β, batch norm's running average)."""
    if not isinstance(value, numbers.Real) or isinstance(value, bool):
        raise TypeError(f"{name} must be a number in [0, 1); got {type(value).__name__} {value!r}")
    if not 0.0 <= value < 1.0:
        raise ValueError(f"{name} must be in [0, 1); got {value}")
    return float(value)
