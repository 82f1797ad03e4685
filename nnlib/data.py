"""Small data sets, made with numpy, and a stratified train/validation/test split."""

import numpy as np

from .checks import (
    as_class_numbers,
    as_float_array,
    as_generator,
    check_finite,
    check_positive_int,
    check_positive_number,
)

# Truth tables on inputs (0,0), (0,1), (1,0), (1,1).
GATES = {
    "and": [0, 0, 0, 1],
    "or": [0, 1, 1, 1],
    "xor": [0, 1, 1, 0],
    "implies": [1, 1, 0, 1],  # x1 ⇒ x2 is false only for x1 = 1, x2 = 0
}
ENCODINGS = ("binary", "bipolar")


def logic_gate(name, encoding="binary"):
    """Inputs X (4, 2) and targets y of a logic gate.

    ``name`` is one of "and", "or", "xor", "implies", giving y of shape (4,),
    or a list of names, giving one column per gate, shape (4, k).
    ``encoding="binary"`` uses 0/1 for inputs and targets, ``"bipolar"`` −1/+1
    (natural for tanh).
    """
    if not isinstance(name, (str, list, tuple)):
        raise TypeError(f"name must be a gate name (str) or a list of them; got {type(name).__name__}")
    names = [name] if isinstance(name, str) else list(name)
    for gate in names:
        if gate not in GATES:
            raise ValueError(f"name must be one of {sorted(GATES)} (or a list of them); got {gate!r}")
    if encoding not in ENCODINGS:
        raise ValueError(f"encoding must be one of {ENCODINGS}; got {encoding!r}")
    X = np.array([[0, 0], [0, 1], [1, 0], [1, 1]], dtype=float)
    y = np.array([GATES[gate] for gate in names], dtype=float).T
    if encoding == "bipolar":
        X, y = 2 * X - 1, 2 * y - 1
    return X, (y[:, 0] if isinstance(name, str) else y)


def threshold(n=100, low=-5.0, high=5.0):
    """The 1-D threshold task: n evenly spaced x in [low, high], label y = 1 if x > 0 else 0.

    Returns X of shape (n, 1) and y of shape (n,).
    """
    n = check_positive_int(n, "n")
    if not low < 0 < high:
        raise ValueError(f"low < 0 < high is needed so that both classes occur; got low={low}, high={high}")
    X = np.linspace(low, high, n).reshape(-1, 1)
    y = (X[:, 0] > 0).astype(float)
    return X, y


def _part_sizes(n_class, fractions):
    """Split n_class items into parts as close as possible to n_class·fraction.

    Each part gets the floor of its share; the items left over go to the parts
    with the largest remainders, so every part is within one item of its share.
    """
    shares = n_class * np.asarray(fractions)
    sizes = np.floor(shares + 1e-9).astype(int)
    leftover = n_class - sizes.sum()
    sizes[np.argsort(-(shares - sizes), kind="stable")[:leftover]] += 1
    return sizes


def split(X, y, fractions=(0.6, 0.2, 0.2), *, seed):
    """A stratified random split of (X, y) into parts, e.g. train/validation/test.

    Each class (each distinct label, or each distinct row of a 2-D y) is
    shuffled with ``seed`` and dealt out to the parts in the given
    ``fractions``, so every part keeps the class proportions of the whole,
    whatever the order of the data. Returns one (X_part, y_part) pair per
    fraction; rows keep their original order within a part.
    """
    X = as_float_array(X, "X")
    y = as_float_array(y, "y")
    if X.ndim == 0 or y.ndim == 0 or len(X) != len(y):
        raise ValueError(f"X and y must have the same number of rows; got X {X.shape} and y {y.shape}")
    check_finite(X, "X")
    check_finite(y, "y")  # a NaN label would become a class of its own
    fractions = as_float_array(fractions, "fractions")
    if fractions.ndim != 1 or len(fractions) < 2:
        raise ValueError(f"fractions must list at least two parts, e.g. (0.8, 0.2); got {fractions.tolist()}")
    if np.any(fractions <= 0) or abs(fractions.sum() - 1) > 1e-9:
        raise ValueError(f"fractions must be positive and sum to 1; got {fractions.tolist()} (sum {fractions.sum():g})")
    rng = as_generator(seed)

    labels = y.reshape(len(y), -1)
    classes, class_of_row = np.unique(labels, axis=0, return_inverse=True)
    class_of_row = class_of_row.ravel()
    parts = [[] for _ in fractions]
    for c, label in enumerate(classes):
        rows = np.flatnonzero(class_of_row == c)
        if len(rows) * fractions.min() < 1 - 1e-9:
            needed = int(np.ceil(1 / fractions.min() - 1e-9))
            raise ValueError(f"class {label.tolist()} has {len(rows)} samples: too few to stratify into fractions "
                             f"{fractions.tolist()} (each class needs at least {needed})")
        rows = rng.permutation(rows)
        bounds = np.cumsum(_part_sizes(len(rows), fractions))[:-1]
        for part, chunk in zip(parts, np.split(rows, bounds)):
            part.append(chunk)
    indices = [np.sort(np.concatenate(part)) for part in parts]
    return [(X[i], y[i]) for i in indices]


# -- noisy 2-D point clouds (notebooks 08 and 09) -----------------------------------


def _check_noise(noise):
    if isinstance(noise, bool) or not isinstance(noise, (int, float, np.integer, np.floating)):
        raise TypeError(f"noise must be a number >= 0; got {type(noise).__name__} {noise!r}")
    if not (np.isfinite(noise) and noise >= 0):
        raise ValueError(f"noise must be a finite number >= 0; got {noise}")
    return float(noise)


def _two_classes(n, noise, seed, make_class):
    """Shared by circles and moons: n - n//2 points of class 0, n//2 of class 1, Gaussian noise, shuffled."""
    n = check_positive_int(n, "n")
    if n < 2:
        raise ValueError(f"n must be at least 2 so that both classes occur; got {n}")
    noise = _check_noise(noise)
    rng = as_generator(seed)
    sizes = (n - n // 2, n // 2)
    X = np.concatenate([make_class(label, rng.uniform(size=size)) for label, size in enumerate(sizes)])
    y = np.repeat([0.0, 1.0], sizes)
    X = X + rng.normal(0.0, noise, size=X.shape)
    order = rng.permutation(n)
    return X[order], y[order]


def circles(n=200, noise=0.1, seed=0):
    """Two concentric rings: class 0 on the circle of radius 1, class 1 on radius 0.5.

    Angles are uniform at random; ``noise`` is the standard deviation of the
    Gaussian noise added to both coordinates; ``seed`` is an int or a numpy
    Generator. Returns X (n, 2) and y (n,) with labels 0/1, balanced
    (n - n//2 and n//2 points), rows in random order. No straight line
    separates the classes; a hidden layer (or the features x1², x2²) can.
    """
    def ring(label, u):
        radius = 1.0 if label == 0 else 0.5
        angle = 2 * np.pi * u
        return radius * np.column_stack([np.cos(angle), np.sin(angle)])

    return _two_classes(n, noise, seed, ring)


def moons(n=200, noise=0.1, seed=0):
    """Two interleaving half circles of radius 1, centred on the origin.

    Class 0 is the upper arc (cos t, sin t), class 1 the lower arc
    (1 − cos t, 1/2 − sin t), t uniform in [0, π], both shifted by (−1/2, −1/4)
    so the data sit around (0, 0). ``noise`` is the standard deviation of the
    Gaussian noise added to both coordinates; ``seed`` is an int or a numpy
    Generator. Returns X (n, 2) and y (n,) with labels 0/1, balanced
    (n - n//2 and n//2 points), rows in random order.
    """
    def arc(label, u):
        t = np.pi * u
        if label == 0:
            points = np.column_stack([np.cos(t), np.sin(t)])
        else:
            points = np.column_stack([1 - np.cos(t), 0.5 - np.sin(t)])
        return points - [0.5, 0.25]

    return _two_classes(n, noise, seed, arc)


def blobs(n=200, noise=0.5, seed=0):
    """Two round Gaussian clouds: class 0 around (−1, −1), class 1 around (1, 1).

    ``noise`` is the standard deviation of each cloud; at 0.5 the classes barely
    touch and a straight line separates them, at 1.5 they overlap. Returns X (n, 2)
    and y (n,) with labels 0/1, balanced (n − n//2 and n//2 points), rows in random order.
    """
    def cloud(label, u):  # every point at its centre; _two_classes adds the Gaussian noise
        return np.full((len(u), 2), -1.0 if label == 0 else 1.0)

    return _two_classes(n, noise, seed, cloud)


def spiral(n=300, classes=2, noise=0.1, seed=0, *, turns=0.875):
    """Interleaved spiral arms, one per class: the classic "needs depth" data set.

    Arm k is r(cos θ, sin θ) with r = t and θ = 2π · turns · t + 2πk/classes for t
    uniform in [0.05, 1], so the arms wind ``turns`` times around the origin inside the
    unit disc: by default 0.875 (seven eighths of a turn, θ = 1.75 π t); TensorFlow
    Playground's spiral, which one hidden layer of 8 cannot follow, has 1.75. ``noise``
    is the standard deviation of the Gaussian noise added to both coordinates. Returns
    X (n, 2) and y (n,) with class numbers 0 … classes − 1 (as floats), n // classes
    points per class (the first n % classes classes get one more), rows in random order. For a softmax network use
    ``one_hot(y, classes)`` as targets.
    """
    n = check_positive_int(n, "n")
    classes = check_positive_int(classes, "classes")
    if classes < 2:
        raise ValueError(f"classes must be at least 2; got {classes}")
    if n < classes:
        raise ValueError(f"n must be at least classes = {classes} so that every class occurs; got {n}")
    noise = _check_noise(noise)
    turns = check_positive_number(turns, "turns")
    rng = as_generator(seed)
    sizes = [n // classes + (k < n % classes) for k in range(classes)]
    arms = []
    for k, size in enumerate(sizes):
        t = rng.uniform(0.05, 1.0, size=size)
        angle = 2 * np.pi * turns * t + 2 * np.pi * k / classes
        arms.append(t[:, None] * np.column_stack([np.cos(angle), np.sin(angle)]))
    X = np.concatenate(arms) + rng.normal(0.0, noise, size=(n, 2))
    y = np.repeat(np.arange(classes, dtype=float), sizes)
    order = rng.permutation(n)
    return X[order], y[order]


def one_hot(labels, n_classes):
    """Class numbers 0 … n_classes − 1, shape (n,), as one-hot rows, shape (n, n_classes).

    Row i is all zeros except a 1 in column labels[i]: the target a softmax output
    should produce. Labels must be whole numbers in range (floats such as 2.0 are fine);
    anything else is an error, not a silent cast.
    """
    labels = as_class_numbers(labels, check_positive_int(n_classes, "n_classes"), "labels")
    encoded = np.zeros((len(labels), n_classes))
    encoded[np.arange(len(labels)), labels] = 1.0
    return encoded
