"""How a student's result differs from the right one, said without showing the right one.

A build exercise compares what the student's code returns with what the key's reference returns on
the same inputs. When they differ, the student should learn where (which output, which entries, at
which input) and how (inf or nan, a constant factor, the sign, the transpose, zeros, larger or
smaller), never the right numbers themselves.
"""

import numpy as np

from .tutor import NotYet, _is_missing
from .tutor import _fitted as fitted  # noqa: F401 (build.py takes it from here)


def as_outputs(result, names):
    """The student's result as one float array per named output; None for a stub; NotYet for a wrong form."""
    if len(names) == 1:
        parts = [result]
    elif isinstance(result, (list, tuple)) and len(result) == len(names):
        parts = list(result)
    else:
        got = f"a {type(result).__name__}" + (f" of {len(result)}" if isinstance(result, (list, tuple)) else "")
        raise NotYet(f"return {len(names)} things, ({', '.join(names)}), as a tuple or list; yours returned {got}")
    if any(_is_missing(part) for part in parts):
        return None
    arrays = []
    for name, part in zip(names, parts):
        try:
            array = np.asarray(part, dtype=float)
        except (TypeError, ValueError):
            raise NotYet(f"{name} must be numbers, not a {type(part).__name__}") from None
        arrays.append(array)
    return arrays


def close(got, right, rtol, atol):
    with np.errstate(invalid="ignore"):
        near = np.abs(got - right) <= rtol * np.abs(right) + atol
    return near | (got == right) | (np.isnan(got) & np.isnan(right))


def difference(name, got, right, rtol, atol, locate=None):
    """None if got is right within the tolerance; else one sentence on where and how it differs."""
    near = close(got, right, rtol, atol)
    if near.all():
        return None
    bad = ~near
    first = tuple(int(i) for i in np.argwhere(bad)[0])
    where = locate(first) if locate is not None else (f"entry {first[0] if len(first) == 1 else first}"
                                                      if first else "")
    count = f" in {bad.sum()} of {bad.size} entries" if bad.size > 1 else ""
    at = f", the first at {where}" if where and bad.size > 1 else (f" (at {where})" if where else "")
    g, r = got[bad], right[bad]
    if not np.all(np.isfinite(g)):
        return f"your {name} is inf or nan{count}{at}"
    if got.ndim == 2 and got.shape[0] == got.shape[1] > 1 and close(got.T, right, rtol, atol).all():
        return f"your {name} looks like the transpose of the right matrix"
    if np.all(g == 0):
        return f"your {name} is exactly 0{count} where the right value is not{at}"
    nonzero = np.abs(r) > 0
    if nonzero.all():
        with np.errstate(all="ignore"):
            ratio = g / r
        if np.allclose(ratio, ratio[0], rtol=1e-6, atol=0):
            if np.isclose(ratio[0], -1.0, rtol=1e-6):
                return f"your {name} has the opposite sign of the right one{count}{at}"
            factor = _simple(ratio[0])
            if factor:   # a whole number or its inverse (N, 2, 1/N): the factors of the usual slips
                return f"your {name} is {factor} the right value{count}{at}"
    i = tuple(np.argwhere(bad)[0])
    side = "larger" if got[i] > right[i] else "smaller"
    if right[i] == 0:
        return f"your {name} differs{count}{at}; there it is {side} than the right value"
    with np.errstate(all="ignore"):
        relative = abs(got[i] - right[i]) / abs(right[i])
    if not np.isfinite(relative) or relative == 0:
        return f"your {name} differs{count}{at}; there it is {side} than the right value"
    # only the order of magnitude: the size of the difference, not a way back to the right value
    return f"your {name} differs{count}{at}; there it is {side} than the right value " \
           f"(relative difference about 1e{int(np.round(np.log10(relative))):+03d})"


def _simple(ratio):
    """'4 times', '1/4 of' for a ratio that is a whole number or the inverse of one; else None."""
    for value, words in ((ratio, "{} times"), (1 / ratio, "1/{} of")):
        if abs(value) >= 2 and abs(value - round(value)) < 1e-6 * abs(value):
            return words.format(int(round(value)))
    return None
