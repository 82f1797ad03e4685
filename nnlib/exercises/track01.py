"""The build track in notebook 01: the student's own σ(z) and σ'(z), exact and warning-free for |z| ≤ 1000.

"Exact" is meant literally: relative error below 1e-10 wherever σ or σ' is a normal float, also far out in
the tails where they are as small as 1e-300, and within a few subnormal steps below that. The inputs cover
every region where a formula can break: e^(−z) overflows below z ≈ −709.78, σ(z) is subnormal between about
−745 and −708, 1 − σ(z) rounds to 0 above z ≈ 37.
"""

import numpy as np

from .. import activations
from . import misconceptions as m
from .build import Build, Case

# Where the usual formulas change behaviour; every check puts a random number of points in each piece.
EDGES = (-1000.0, -745.2, -709.8, -37.0, 37.0, 709.8, 745.2, 1000.0)


def _exact_sigmoid(z):
    e = np.exp(-np.abs(z))                 # never overflows: the exponent is ≤ 0
    return np.where(z >= 0, 1 / (1 + e), e / (1 + e))


def _exact_slope(z):
    e = np.exp(-np.abs(z))                 # σ'(z) = σ(z)σ(−z) = e^(−|z|) / (1 + e^(−|z|))², even in z
    return e / (1 + e) ** 2


def z_cases(rng):
    """Small z of random length, every region in random amounts and order, and a random 2-D grid over ±1000."""
    small = rng.normal(0.0, 4.0, int(rng.integers(5, 30)))
    pieces = [rng.uniform(a, b, int(rng.integers(3, 9))) for a, b in zip(EDGES[:-1], EDGES[1:])]
    tails = rng.permutation(np.concatenate([*pieces, [0.0]]))
    grid = rng.uniform(-1000.0, 1000.0, tuple(int(n) for n in rng.integers(2, 9, size=2)))
    return [Case(f"z of shape {z.shape}", (z,), locate=lambda i, z=z: f"z = {z[i]:.6g}") for z in (small, tails, grid)]


def right_on_the_left_only(got, right, case):
    """σ' exact for z ≤ 0 but far too small from z ≈ 37 on: 1 − σ(z) computed after σ(z)."""
    z, g, r = case.args[0], got[0], right[0]
    left, far_right = (z <= 0) & (r > 1e-300), (z > 40) & (r > 1e-300)
    with np.errstate(all="ignore"):
        exact_left = np.all(np.abs(g[left] - r[left]) <= 1e-9 * r[left])
    return bool(exact_left and far_right.any() and np.all(g[far_right] < 0.5 * r[far_right]))


def _naive(z):
    return 1 / (1 + np.exp(-z))


def _naive_slope(z):
    return np.exp(-z) / (1 + np.exp(-z)) ** 2


OVERFLOW = "e^(−z) (or e^z) overflows to inf for |z| above about 709.78; compute σ so that every exponent is ≤ 0"
SIGMOID_WARNS = "np.where computes both of its branches for every entry before it chooses, so the branch it " \
                "throws away still overflows; give exp only exponents that are ≤ 0 (e.g. −|z|)"

SIGMOID = Build(
    asks="your sigmoid",
    form="a function of an array z returning σ(z), entry by entry",
    outputs=("σ(z)",),
    reference=_exact_sigmoid,
    cases=z_cases,
    source="import numpy as np\n\n\ndef my_sigmoid(z):\n    e = np.exp(-np.abs(z))   # never overflows\n"
           "    return np.where(z >= 0, 1 / (1 + e), e / (1 + e))\n",
    forbidden=(activations.sigmoid,),
    warns=SIGMOID_WARNS,
    rtol=1e-10, atol=1e-320,
    misconceptions=(
        m.looks_like("overflow", OVERFLOW, _naive),
        m.looks_like("tanh form", "(1 + tanh(z/2))/2 rounds σ to 0 from about z = −38 on: the tiny σ(z) is lost "
                     "next to the −1 of tanh; keep the tail's digits by computing e^(−|z|) itself",
                     lambda z: (1 + np.tanh(z / 2)) / 2),
        m.looks_like("σ(−z)", "that is σ(−z): the sign in the exponent is flipped", lambda z: _exact_sigmoid(-z)),
        m.looks_like("clipped", "z seems to be clipped before the exponential: far in the tail that changes σ(z); "
                     "no clipping is needed if every exponent is ≤ 0",
                     lambda z: _naive(np.clip(z, -500, 500))),
        m.looks_like("inf over inf", "e^z / (1 + e^z) is inf/inf = nan once e^z overflows (z above about 709.78)",
                     lambda z: np.exp(z) / (1 + np.exp(z))),
    ),
    hints=("Try your function on np.array([-1000.0, -720.0, -40.0, 0.0, 40.0, 1000.0]) inside "
           "warnings.catch_warnings(record=True): which entries warn, which are 0 or 1 where σ is not?",
           "e^(−z) overflows only when −z is large. For z ≥ 0 the textbook formula is safe; for z < 0 multiply top "
           "and bottom by e^z. Both use only e^(−|z|), which lies in (0, 1].",
           "With e = np.exp(-np.abs(z)): σ(z) = 1/(1 + e) where z ≥ 0 and e/(1 + e) where z < 0, chosen with "
           "np.where (both branches are now safe to compute everywhere)."),
)

SLOPE = Build(
    asks="your σ'",
    form="a function of an array z returning σ'(z), entry by entry",
    outputs=("σ'(z)",),
    reference=_exact_slope,
    cases=z_cases,
    source="import numpy as np\n\n\ndef my_sigmoid_derivative(z):\n    e = np.exp(-np.abs(z))   # σ' is even in z\n"
           "    return e / (1 + e) ** 2\n",
    forbidden=(activations.sigmoid_derivative,),
    warns="an exponential overflowed somewhere along the way; σ'(z) = σ'(−z), so e^(−|z|) is all it needs",
    rtol=1e-10, atol=1e-320,
    misconceptions=(
        m.Misconception("1 − σ rounded away", "σ(z)(1 − σ(z)) loses its digits far to the right: σ(z) rounds to "
                        "1.0 from about z = 37 on, and 1 − σ(z) to 0; σ'(z) = σ(z)·σ(−z) needs no 1 − σ",
                        test=right_on_the_left_only),
        m.derivative_of_output(lambda z: _exact_sigmoid(_exact_sigmoid(z)) * (1 - _exact_sigmoid(_exact_sigmoid(z))),
                               why="this function receives z, not the output a = σ(z)"),
        m.looks_like("a(1 − a) of z", "a(1 − a) is σ' written with the output a = σ(z); this function receives "
                     "z itself", lambda z: z * (1 - z)),
        m.looks_like("overflow", "e^(−z)/(1 + e^(−z))² is inf/inf = nan once e^(−z) overflows (z below about "
                     "−709.78); σ' is even, so use e^(−|z|)", _naive_slope),
        m.looks_like("square missing", "the denominator of σ' is squared: σ'(z) = e^(−z)/(1 + e^(−z))²",
                     lambda z: np.exp(-np.abs(z)) / (1 + np.exp(-np.abs(z)))),
        m.looks_like("tanh's slope", "1 − σ² is the form of tanh's derivative; σ' is σ(1 − σ)",
                     lambda z: 1 - _exact_sigmoid(z) ** 2),
    ),
    hints=("σ'(z) = σ(z)(1 − σ(z)). Try yours at z = 40 and z = 800: what does 1 − σ(z) become once σ(z) is "
           "stored as a float?",
           "1 − σ(z) = σ(−z). And σ' is even: σ'(z) = σ'(−z), so it can be computed from −|z| alone.",
           "σ'(z) = σ(z)·σ(−z) with an exact σ, or with e = np.exp(-np.abs(z)): σ'(z) = e / (1 + e)²."),
)
