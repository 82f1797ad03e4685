"""The series' first exercise checks, kept until notebooks 05-08 and 14 use ``check(id, answer)``.

They take the expected answer as an argument and print it when the answer is wrong, which is what
``nnlib.exercises.check`` and its answer keys replace; delete this module once no notebook imports it.

Every check prints its verdict: "not attempted yet" while the answer is still
``...`` or None, a hint when it is wrong, "correct" when it is right. The checks
return nothing, so a check on the last line of a cell shows only its verdict.
"""

import numpy as np

from .tutor import NOT_ATTEMPTED  # one wording for every check


def _say(message):
    print(message)


def _missing(answer):
    return answer is None or answer is Ellipsis


def check_value(answer, expected, *, name="your answer", tol=1e-8, hint=""):
    """Compare a number or array with the expected one, to within ``tol``."""
    if _missing(answer):
        return _say(NOT_ATTEMPTED)
    try:
        got = np.asarray(answer, dtype=float)
    except (TypeError, ValueError):
        return _say(f"not yet: {name} should be a number or an array of numbers, not {type(answer).__name__}.")
    want = np.asarray(expected, dtype=float)
    if got.shape != want.shape:
        return _say(f"not yet: {name} has shape {got.shape}, expected {want.shape}.")
    if not np.allclose(got, want, atol=tol, rtol=0):
        close = "close: " if np.allclose(got, want, rtol=0.1, atol=0.1) else "not yet: "
        return _say(close + f"{name} is {np.round(got, 4).tolist()}, expected about {np.round(want, 4).tolist()}. "
                    + hint)
    return _say(f"correct: {name} is right.")


def check_function(function, reference, points, *, name="your function", tol=1e-8, hint=""):
    """Compare a student's function with a reference at ``points``; name the first point where they differ."""
    if _missing(function):
        return _say(NOT_ATTEMPTED)
    points = np.asarray(points, dtype=float)
    try:
        result = function(points)
        if _missing(result):  # a stub such as `def f(z): ...` returns None
            return _say(NOT_ATTEMPTED)
        got = np.broadcast_to(np.asarray(result, dtype=float), points.shape)
    except NotImplementedError:
        return _say(NOT_ATTEMPTED)
    except Exception as error:  # a student's bug should be explained, not crash the check
        return _say(f"not yet: {name} raised {type(error).__name__}: {error}")
    want = reference(points)
    wrong = np.flatnonzero(~np.isclose(got, want, atol=tol, rtol=0))
    if len(wrong):
        i = wrong[0]
        close = "close: " if len(wrong) <= points.size // 10 else "not yet: "
        return _say(close + f"{name} is off at x = {points.flat[i]:.4g}: got {got.flat[i]:.6g}, "
                    f"expected {want.flat[i]:.6g} ({len(wrong)} of {points.size} points differ). " + hint)
    return _say(f"correct: {name} matches at all {points.size} points.")
