"""SymPy helpers: derive a formula, turn it into numpy code, compare with nnlib.

SymPy is imported here, not by ``import nnlib``, so the numpy core stays fast to load.
"""

import numpy as np
import sympy as sp


def derive(expression, variable):
    """d(expression)/d(variable), simplified."""
    return sp.simplify(sp.diff(expression, variable))


def to_numpy(expression, *variables):
    """A numpy function of ``variables`` that evaluates ``expression`` element-wise."""
    return sp.lambdify(variables, expression, modules="numpy")


def max_abs_difference(symbolic_expression, variable, numpy_function, points):
    """The largest |symbolic − numpy| over ``points``: how far nnlib is from the derived formula."""
    points = np.asarray(points, dtype=float)
    expected = np.broadcast_to(to_numpy(symbolic_expression, variable)(points), points.shape)
    return float(np.max(np.abs(expected - numpy_function(points))))


def is_identity(left, right):
    """True if SymPy can prove left − right simplifies to 0 (e.g. σ' = σ(1 − σ))."""
    return sp.simplify(left - right) == 0
