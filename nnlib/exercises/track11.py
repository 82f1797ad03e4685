"""The build track in notebook 11: the student's own softmax, and the gradient of the mean cross-entropy.

11.4 · ``my_softmax(Z)``: the probabilities of each row of logits (or of a single vector of k logits), exact and
free of warnings for logits of ±1000. A (1, k) row given back for a (k,) vector, or the other way round, counts.
11.5 · ``my_cce_gradient(Z, labels)``: ∂L/∂Z of the mean categorical cross-entropy over the rows of Z, the labels
given as class numbers; (softmax(Z) − one-hot) / N, stable at ±1000, and held to a gradient check.

The inputs are made at check time: random numbers of samples and classes, rows of logits far beyond e^709.78,
rows whose every logit is near −1000 beside rows near +800 (a maximum over the whole array then underflows),
and labels that leave out the last class (a one-hot sized by the largest label is then too narrow).
"""

import numpy as np

from ..activations import sigmoid, softmax
from ..layers import Softmax
from ..losses import categorical_cross_entropy_gradient, cce_from_logits
from . import misconceptions as m
from .build import Build, Case
from .tutor import _is_missing


def stable_softmax(Z, axis=-1):  # noqa: N803 (the notebook's names)
    Z = np.asarray(Z, dtype=float)
    e = np.exp(Z - Z.max(axis=axis, keepdims=True))
    return e / e.sum(axis=axis, keepdims=True)


def run_softmax(function, Z):  # noqa: N803
    """The function's probabilities, a (1, k) row taken for a (k,) vector and the other way round."""
    P = function(Z)  # noqa: N806
    if _is_missing(P):
        return None
    P = np.asarray(P, dtype=float)  # noqa: N806
    if P.shape != Z.shape and P.size == Z.size and tuple(d for d in P.shape if d != 1) == \
            tuple(d for d in Z.shape if d != 1):
        P = P.reshape(Z.shape)  # noqa: N806
    return P


def _extreme(rng, n, k):
    """Rows of logits far beyond e^709.78: ±1000 in one row, near −1000 in another, near +800 in a third."""
    rows = [np.resize([1000.0, -1000.0, 0.0], k), -1000.0 + rng.normal(0, 1, k), 800.0 + rng.normal(0, 5, k)]
    rows += [rng.uniform(-1000, 1000, k) for _ in range(n - 3)]
    return rng.permutation(np.array(rows))


def softmax_cases(rng):
    n = int(rng.integers(3, 7))
    square = rng.normal(0, 3, (n, n))                      # square: a maximum or sum without keepdims shows
    k = int(rng.integers(3, 7))
    extreme = _extreme(rng, int(rng.integers(4, 8)), k)
    row = np.array([rng.uniform(700, 1000, k + 1) * rng.choice([-1, 1], k + 1)])
    vector = 750.0 + rng.normal(0, 3, int(rng.integers(2, 7)))
    return [Case(f"Z of shape {Z.shape}" + (" with logits up to ±1000" if np.abs(Z).max() > 100 else ""), (Z,))
            for Z in (square, extreme, row, vector)]


def _no_shift(Z):  # noqa: N803
    e = np.exp(Z)
    return e / e.sum(axis=-1, keepdims=True)


def _shifted_by(Z, m_):  # noqa: N803
    e = np.exp(Z - m_)
    return e / e.sum(axis=-1, keepdims=True)


SOFTMAX = Build(
    asks="your softmax",
    form="a function my_softmax(Z) returning the probabilities of each row of logits",
    outputs=("p",),
    reference=stable_softmax,
    harness=run_softmax,
    cases=softmax_cases,
    source='''import numpy as np


def my_softmax(Z):
    shifted = Z - Z.max(axis=-1, keepdims=True)   # every exponent <= 0: nothing overflows
    e = np.exp(shifted)
    return e / e.sum(axis=-1, keepdims=True)
''',
    forbidden=(softmax, Softmax),
    warns="an exponential overflowed (or 0 was divided by 0) along the way; subtract each row's largest logit "
          "before np.exp, so that every exponent is ≤ 0",
    rtol=1e-12, atol=1e-300,
    misconceptions=(
        m.looks_like("no max shift", "e^z overflows to inf for logits above about 709.78, and inf/inf is nan: "
                     "subtract each row's largest logit first (it changes no probability)", _no_shift),
        m.looks_like("max over the wrong axis", "the largest logit must be taken along each row (one sample's "
                     "classes, axis=-1), not down the columns",
                     lambda Z: _shifted_by(Z, np.max(Z, axis=0, keepdims=True))),
        m.looks_like("whole-array max", "one maximum for the whole array is a shift that changes nothing in "
                     "principle, but a row far below it then underflows to 0/0: take each row's own maximum",
                     lambda Z: _shifted_by(Z, np.max(Z))),
        m.looks_like("max without keepdims", "the row maxima must stay a column (keepdims=True): without it they "
                     "are subtracted along the rows, one per column",
                     lambda Z: _shifted_by(Z, np.max(Z, axis=-1))),
        m.looks_like("sum over the wrong axis", "each row must sum to 1: divide by the sum along the row "
                     "(axis=-1, keepdims=True), not down the columns",
                     lambda Z: np.exp(Z - Z.max(axis=-1, keepdims=True))
                     / np.exp(Z - Z.max(axis=-1, keepdims=True)).sum(axis=0, keepdims=True)),
        m.looks_like("sum without keepdims", "the row sums must stay a column (keepdims=True): without it row i is "
                     "divided by the sums of other rows",
                     lambda Z: np.exp(Z - Z.max(axis=-1, keepdims=True))
                     / np.exp(Z - Z.max(axis=-1, keepdims=True)).sum(axis=-1)),
        m.looks_like("not normalised", "these are the e^(z − m); they still have to be divided by their row's sum",
                     lambda Z: np.exp(Z - Z.max(axis=-1, keepdims=True))),
        m.looks_like("log-softmax", "that is log p; the probabilities are e to the power of it",
                     lambda Z: np.log(stable_softmax(Z))),
        m.looks_like("exponent's sign", "the sign in the exponent looks flipped: e^(−z) favours the smallest logit",
                     lambda Z: stable_softmax(-Z)),
        m.looks_like("sigmoid", "σ(z) entry by entry answers separate yes/no questions; softmax shares one total "
                     "among the classes of a row", lambda Z: sigmoid(Z)),
    ),
    hints=("Try yours on np.array([[1000.0, -1000.0, 0.0], [-1000.0, -999.0, -1001.0]]): which entries are nan, "
           "and where does numpy warn?",
           "Subtracting the same number from a row changes none of its probabilities: use the row's largest logit, "
           "so that every exponent is ≤ 0. Take it, and the sum, along the last axis with keepdims=True.",
           "e = np.exp(Z - Z.max(axis=-1, keepdims=True)); return e / e.sum(axis=-1, keepdims=True)."),
)


# -- 11.5, the gradient of the mean cross-entropy with respect to the logits -------------------------------

def _one_hot(labels, k):
    return np.eye(k)[np.asarray(labels, dtype=int)]


def cce_gradient(Z, labels, *, probabilities=stable_softmax, scale=lambda n, k: n, target="one-hot", sign=1.0):  # noqa: N803
    """(softmax(Z) − Y) / N; the keywords make the usual slips."""
    Z = np.asarray(Z, dtype=float)  # noqa: N806
    P = probabilities(Z)  # noqa: N806
    n, k = Z.shape
    if target == "through p":
        return -_one_hot(labels, k) / P / n
    Y = {"one-hot": lambda: _one_hot(labels, k), "class numbers": lambda: np.asarray(labels, float)[:, None],  # noqa: N806
         "none": lambda: 0.0}[target]()
    return sign * (P - Y) / scale(n, k)


def gradient_cases(rng):
    n, k = int(rng.integers(3, 7)), int(rng.integers(3, 6))
    k += k == n                                             # n ≠ k: 1/N twice and 1/(N·k) give other numbers
    moderate = rng.normal(0, 2, (n, k))
    labels = rng.integers(0, k - 1, n)                      # the last class left out
    labels[0] = 0
    k2 = int(rng.integers(3, 6))
    extreme = _extreme(rng, int(rng.integers(4, 8)), k2)
    extreme_labels = rng.integers(0, k2, len(extreme))
    extreme_labels[np.argmin(extreme[:, 0])] = 0            # one sample whose right class has a logit near −1000
    one = rng.normal(0, 3, (1, int(rng.integers(2, 6))))
    cases = [(moderate, labels), (extreme, extreme_labels), (one, rng.integers(0, one.shape[1], 1))]
    return [Case(f"Z of shape {Z.shape}" + (" with logits up to ±1000" if np.abs(Z).max() > 100 else "") +
                 (f", no label {Z.shape[1] - 1} among the labels" if Z.shape[1] - 1 not in y else ""), (Z, y))
            for Z, y in cases]


def mean_cce_from_logits(case):
    """The loss the gradient belongs to, for the gradient check (where central differences are exact enough)."""
    Z, labels = case.args  # noqa: N806
    if np.abs(Z).max() > 100:   # at ±1000 the loss is ~2000/N and central differences lose their digits
        return (lambda theta: 0.0), {}
    Y = _one_hot(labels, Z.shape[1])  # noqa: N806

    def loss(theta):
        shifted = theta[0] - theta[0].max(axis=1, keepdims=True)
        log_p = shifted - np.log(np.exp(shifted).sum(axis=1, keepdims=True))
        return float(-np.sum(Y * log_p) / len(Y))
    return loss, {"dL/dZ": Z}


def _slip(**slip):
    def my_cce_gradient(Z, labels):  # noqa: N803
        with np.errstate(all="ignore"):
            return cce_gradient(Z, labels, **slip)
    return my_cce_gradient


GRADIENT = Build(
    asks="your gradient of the mean cross-entropy",
    form="a function my_cce_gradient(Z, labels) returning ∂L/∂Z, shaped like Z",
    outputs=("dL/dZ",),
    reference=cce_gradient,
    cases=gradient_cases,
    loss=mean_cce_from_logits,
    source='''import numpy as np


def my_cce_gradient(Z, labels):
    e = np.exp(Z - Z.max(axis=1, keepdims=True))        # stable: every exponent <= 0
    P = e / e.sum(axis=1, keepdims=True)
    Y = np.zeros_like(P)
    Y[np.arange(len(Z)), np.asarray(labels, dtype=int)] = 1.0   # one-hot rows, as wide as Z
    return (P - Y) / len(Z)                             # the mean over the N samples
''',
    forbidden=(softmax, Softmax, cce_from_logits, categorical_cross_entropy_gradient),
    warns="an exponential overflowed (or 0 was divided by 0) along the way; compute the probabilities with each "
          "row's largest logit subtracted first",
    rtol=1e-10, atol=1e-15,
    misconceptions=(
        m.looks_like("no max shift", "e^z overflows to inf for logits above about 709.78, and inf/inf is nan: "
                     "compute the probabilities with each row's largest logit subtracted",
                     _slip(probabilities=_no_shift)),
        m.looks_like("max over the wrong axis", "the largest logit must be taken along each row (axis=1), not down "
                     "the columns", _slip(probabilities=lambda Z: _shifted_by(Z, Z.max(axis=0, keepdims=True)))),
        m.sum_instead_of_mean(answer=_slip(scale=lambda n, k: 1),
                              why="the loss is the mean over the N samples, so its gradient carries 1/N"),
        m.looks_like("1/N twice", "1/N appears once: (p − y)/N, where p − y is one sample's gradient",
                     _slip(scale=lambda n, k: n * n)),
        m.looks_like("mean over every entry", "that divides by the number of entries, N times k; the loss is a mean "
                     "over the N samples only, and each sample's loss sums over its classes",
                     _slip(scale=lambda n, k: n * k)),
        m.looks_like("through p", "that is ∂L/∂p = −y/p/N, the gradient with respect to the probabilities; with "
                     "respect to the logits the softmax's Jacobian turns it into (p − y)/N", _slip(target="through p")),
        m.looks_like("class numbers", "the labels are class numbers; y is their one-hot rows, one column per "
                     "class, a 1 in the column of the label", _slip(target="class numbers")),
        m.labels_swapped(answer=_slip(sign=-1.0), why="the gradient is p − y, the probabilities minus the targets"),
        m.looks_like("no targets", "the targets are missing: ∂L/∂z = (p − y)/N, with y the one-hot rows",
                     _slip(target="none")),
        m.looks_like("sigmoids", "the probabilities come from one softmax per row, not from a sigmoid per logit",
                     _slip(probabilities=sigmoid)),
    ),
    hints=("Two pieces: the probabilities p of each row (your stable softmax) and the one-hot rows y of the labels, "
           "as wide as Z. Then the notebook's formula, for the mean over the batch.",
           "∂L/∂Z = (p − y)/N, with N the number of rows; y has a 1 in column labels[i] of row i and k columns, "
           "k = Z.shape[1] (not the largest label + 1).",
           "e = np.exp(Z - Z.max(axis=1, keepdims=True)); P = e / e.sum(axis=1, keepdims=True); "
           "Y = np.eye(Z.shape[1])[labels]; return (P - Y) / len(Z)."),
)
