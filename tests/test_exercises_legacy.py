"""The first exercise checks (nnlib/exercises/legacy.py), kept while notebooks 05-08 and 14 still use them."""

import numpy as np

from nnlib.exercises import NOT_ATTEMPTED, check_function, check_value


def verdict(capsys, result):
    assert result is None  # a check at the end of a cell must not add an Out[] to the notebook
    return capsys.readouterr().out


def test_value_not_attempted(capsys):
    assert verdict(capsys, check_value(..., 0.25)).strip() == NOT_ATTEMPTED
    assert verdict(capsys, check_value(None, 0.25)).strip() == NOT_ATTEMPTED


def test_value_correct_close_and_wrong(capsys):
    assert verdict(capsys, check_value(0.25, 0.25, name="σ'(0)")).startswith("correct")
    out = verdict(capsys, check_value(0.26, 0.25, name="σ'(0)", hint="Use σ(1 − σ)."))
    assert out.startswith("close") and "σ'(0)" in out and "Use σ(1 − σ)." in out
    assert verdict(capsys, check_value(5.0, 0.25)).startswith("not yet")


def test_value_shape_and_type(capsys):
    assert "shape (2,)" in verdict(capsys, check_value([1, 2], 1.0))
    assert "should be a number" in verdict(capsys, check_value("abc", 1.0))


def test_function(capsys):
    points = np.linspace(-3, 3, 61)
    assert verdict(capsys, check_function(..., np.tanh, points)).strip() == NOT_ATTEMPTED

    def stub(z):
        ...

    assert verdict(capsys, check_function(stub, np.tanh, points)).strip() == NOT_ATTEMPTED
    assert verdict(capsys, check_function(np.tanh, np.tanh, points)).startswith("correct")
    off_at_two = verdict(capsys, check_function(lambda z: np.tanh(z) + (z == 2.0), np.tanh, points, name="f"))
    assert off_at_two.startswith("close") and "x = 2" in off_at_two
    assert verdict(capsys, check_function(np.sin, np.tanh, points)).startswith("not yet")
    assert "raised ZeroDivisionError" in verdict(capsys, check_function(lambda z: 1 / 0, np.tanh, points))
