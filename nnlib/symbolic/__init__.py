"""SymPy helpers: derive a formula, turn it into numpy code, compare with nnlib.

SymPy is imported here, not by ``import nnlib``, so the numpy core stays fast to load.

A typical check, as in notebook 01::

    z = sympy.Symbol("z", real=True)
    sigma = 1 / (1 + sympy.exp(-z))
    d_sigma = derive(sigma, z)                       # 1/(4 cosh²(z/2))
    is_identity(d_sigma, sigma * (1 - sigma))        # True: σ' = σ(1 − σ)
    max_abs_difference(d_sigma, z, nnlib.activations.sigmoid_derivative, points)   # ~1e-17
"""

import functools

import numpy as np
import sympy as sp


def derive(expression, variable):
    """d(expression)/d(variable), simplified."""
    return sp.simplify(sp.diff(expression, variable))


def _dirac_delta(x):
    # δ(x) is 0 away from 0 and not a number at 0: inf there makes any comparison at the kink fail loudly.
    x = np.asarray(x, dtype=float)
    return np.where(x == 0, np.inf, 0.0)


def to_numpy(expression, *variables):
    """A numpy function of ``variables`` that evaluates ``expression`` element-wise.

    Heaviside(z) becomes ``numpy.heaviside``-like code (SymPy's value at 0 is 1/2); DiracDelta(z),
    the derivative of a step, becomes 0 away from 0 and inf at 0. Max and Min become numpy's
    element-wise maximum and minimum.
    """
    # Max and Min are renamed first: SymPy's numpy printer would otherwise write numpy.amax over the
    # stacked arguments, which older SymPy versions (Colab's) get wrong for max(0, z) on an array.
    expression = sp.sympify(expression).replace(sp.Max, sp.Function("elementwise_max"))
    expression = expression.replace(sp.Min, sp.Function("elementwise_min"))
    element_wise = {"DiracDelta": _dirac_delta,
                    "elementwise_max": lambda *args: functools.reduce(np.maximum, args),
                    "elementwise_min": lambda *args: functools.reduce(np.minimum, args)}
    return sp.lambdify(variables, expression, modules=[element_wise, "numpy"])


def max_abs_difference(symbolic_expression, variable, numpy_function, points):
    """The largest |symbolic − numpy| over ``points``: how far nnlib is from the derived formula."""
    points = np.asarray(points, dtype=float)
    expected = np.broadcast_to(to_numpy(symbolic_expression, variable)(points), points.shape)
    return float(np.max(np.abs(expected - numpy_function(points))))


def is_identity(left, right):
    """True if SymPy can prove left − right simplifies to 0 (e.g. σ' = σ(1 − σ)).

    Hyperbolic functions are also tried rewritten as exponentials, so identities such as
    σ(z) = (1 + tanh(z/2)) / 2 are found. False means "not proved", not "proved different".
    """
    difference = sp.sympify(left - right)
    if sp.expand(difference) == 0:  # cheap, and often enough
        return True
    # In exponentials first: faster than simplifying hyperbolic functions, and it proves more.
    return any(sp.simplify(candidate) == 0 for candidate in (difference.rewrite(sp.exp), difference))


def in_terms_of_output(expression, function, variable, output):
    """Rewrite ``expression`` (of ``variable``) in terms of ``output = function(variable)``.

    This is how σ'(z) = e^(−z) / (1 + e^(−z))² becomes σ(1 − σ): solve output = σ(z) for z,
    substitute, simplify. The result is checked by substituting back, so a wrong rewrite raises
    instead of being returned.
    """
    expression, function = sp.sympify(expression), sp.sympify(function)
    candidates = [expression.subs(function, output)]
    candidates += [expression.rewrite(sp.exp).subs(variable, solution)
                   for solution in sp.solve(sp.Eq(output, function), variable)]
    for candidate in candidates:
        result = sp.simplify(sp.factor(candidate))
        if variable not in result.free_symbols and is_identity(result.subs(output, function), expression):
            return result
    raise ValueError(f"could not write {expression} in terms of {output} = {function}")
