"""The playground's data sets and input features: points in the plane, with a class or (regression) a number.

Classification sets give class numbers 0/1 (0/1/2 for spiral3); the regression
sets ("plane", "gaussians") give a number per point, about −1 … 1 (the range the
pictures' colour scale shows; the plane's corners reach ±1.2), plus the noise: TensorFlow Playground's two
regression sets.
"""

import numpy as np

from .. import data

# What each feature token computes from the points X (n, 2).
FEATURE_FUNCTIONS = {
    "x1": lambda X: X[:, 0], "x2": lambda X: X[:, 1],
    "x1sq": lambda X: X[:, 0] ** 2, "x2sq": lambda X: X[:, 1] ** 2, "x1x2": lambda X: X[:, 0] * X[:, 1],
    "sinx1": lambda X: np.sin(X[:, 0]), "sinx2": lambda X: np.sin(X[:, 1]),
}
SPIRAL_TURNS = 1.75  # as in TensorFlow Playground: too many turns for one hidden layer of 8
PLANE = (0.5, -0.3)  # the plane's slopes along x1 and x2: its values stay within ±1.2 on [−1.5, 1.5]²
# The gaussian bumps: centre (x1, x2), height (±1) and width (standard deviation), in the units of the plane.
BUMPS = (((-0.8, 0.8), 1.0, 0.35), ((0.8, 0.8), -1.0, 0.35), ((0.8, -0.8), 1.0, 0.35), ((-0.8, -0.8), -1.0, 0.35),
         ((0.0, 0.0), 0.8, 0.3))
SIDE = 1.5  # the regression sets' points lie uniformly in [−SIDE, SIDE]²


def plane(X):
    """The plane's value at points X (n, 2), without noise: a linear function of x1 and x2."""
    return X @ np.array(PLANE)


def gaussians(X):
    """The sum of the BUMPS at points X (n, 2), without noise: positive and negative hills."""
    total = np.zeros(len(X))
    for centre, height, width in BUMPS:
        total += height * np.exp(-np.sum((X - np.array(centre)) ** 2, axis=1) / (2 * width ** 2))
    return total


REGRESSION_FUNCTIONS = {"plane": plane, "gaussians": gaussians}


def make_data(settings):
    """The points X (n, 2) and their targets y (n,) of a configuration: class numbers, or numbers for regression.

    The logic gates are noisy clouds around the four corners (±1, ±1); threshold is
    notebook 02's rule in the plane: class x1 > 0 for x uniform in [−1, 1]², x2 carrying
    no information (noise is added to the points after labelling). The other classification
    sets are nnlib.data's, with ``noise`` as their noise; the spirals wind SPIRAL_TURNS times.
    The regression sets draw points uniformly in [−1.5, 1.5]² and add noise of standard
    deviation ``noise`` to the value (not to the point). "own" gives your points as they are.
    """
    s = settings
    if s.dataset == "own":  # your points, as they are (n and noise are not used)
        points = np.array(s.points, dtype=float)
        return points[:, :2], points[:, 2]
    rng = np.random.default_rng(np.random.SeedSequence([s.seed, 1]))
    if s.dataset in REGRESSION_FUNCTIONS:
        X = rng.uniform(-SIDE, SIDE, size=(s.n, 2))
        return X, REGRESSION_FUNCTIONS[s.dataset](X) + rng.normal(0.0, s.noise, size=s.n)
    if s.dataset in ("circles", "moons", "blobs"):
        return getattr(data, s.dataset)(s.n, s.noise, seed=rng)
    if s.dataset in ("spiral", "spiral3"):
        return data.spiral(s.n, classes=s.classes, noise=s.noise, seed=rng, turns=SPIRAL_TURNS)
    if s.dataset == "threshold":
        X = rng.uniform(-1.0, 1.0, size=(s.n, 2))
        return X + rng.normal(0.0, s.noise, size=X.shape), (X[:, 0] > 0).astype(float)
    corners, _ = data.logic_gate(s.dataset, encoding="bipolar")
    _, labels = data.logic_gate(s.dataset)
    corner = rng.permutation(np.arange(s.n) % 4)  # as even as possible over the four corners
    return corners[corner] + rng.normal(0.0, s.noise, size=(s.n, 2)), labels[corner]


def split(settings, X, y, seed):
    """((X_train, y_train), (X_test, y_test)): ``settings.train`` of the points for training.

    Classes are split stratified (nnlib.data.split); regression targets are numbers,
    each its own "class", so they are split as one group (the targets ride along as a column),
    and so are your own points (a class of them may have too few points to be stratified).
    """
    shares = (settings.train, 1 - settings.train)
    if not settings.regression and settings.dataset != "own":
        return data.split(X, y, shares, seed=seed)
    parts = data.split(np.column_stack([X, y]), np.zeros(len(X)), shares, seed=seed)
    return [(part[:, :2], part[:, 2]) for part, _ in parts]


def features(settings, X):
    """The network's inputs for points X (n, 2): one column per feature of ``settings.features``."""
    return np.column_stack([FEATURE_FUNCTIONS[name](X) for name in settings.features])
