"""Watching gradient descent: quadratic bowls, descent paths, the largest stable rate (notebook 09).

A quadratic bowl is the loss

    L(θ) = ½ (θ − c)ᵀ A (θ − c),    ∇L(θ) = A (θ − c),

with A symmetric and positive definite (its Hessian) and the minimum at c. Near
a minimum every smooth loss looks like one, which is why its behaviour under
gradient descent is worth knowing exactly: a step θ ← θ − lr ∇L(θ) multiplies
the distance to c along the i-th eigenvector of A by (1 − lr λᵢ), so descent
converges from every start if and only if 0 < lr < 2 / λ_max.

A ``Bowl`` also has the three methods nnlib's optimisers call on a network
(``parameters``, ``gradients``, ``update``), so ``nnlib.SGD``, ``nnlib.Momentum``
and ``nnlib.Adam`` walk on it exactly as they train a network; ``descent_path``
records their steps. The other functions measure real training: the Hessian of
a network's loss by finite differences, the number of epochs to reach a loss,
and the noise of mini-batch gradients.
"""

import numbers

import numpy as np

from ..checks import as_float_array, as_generator, check_finite, check_positive_int, check_positive_number
from ..optimisers import get_optimiser


class Bowl:
    """The quadratic L(θ) = ½ (θ − c)ᵀ A (θ − c) for a symmetric positive definite A (``hessian``) and centre c.

    ``loss`` and ``gradient`` take one point θ of shape (n,) or many points as
    the rows of an array (..., n). ``theta`` is the current position, which the
    optimiser interface (``parameters``, ``gradients``, ``update``) moves.
    """

    def __init__(self, hessian, centre=None):
        A = as_float_array(hessian, "hessian")
        if A.ndim != 2 or A.shape[0] != A.shape[1]:
            raise ValueError(f"hessian must be a square matrix; got shape {A.shape}")
        check_finite(A, "hessian")
        if not np.allclose(A, A.T, rtol=0, atol=1e-12 * max(1.0, np.abs(A).max())):
            raise ValueError("hessian must be symmetric (A equal to A.T): a Hessian always is")
        eigenvalues = np.linalg.eigvalsh(A)
        if eigenvalues[0] <= 0:
            raise ValueError(f"hessian must be positive definite (all eigenvalues > 0) so that the bowl has one "
                             f"lowest point; its eigenvalues are {np.round(eigenvalues, 6).tolist()}")
        n = A.shape[0]
        c = np.zeros(n) if centre is None else as_float_array(centre, "centre")
        if c.shape != (n,):
            raise ValueError(f"centre must have shape ({n},) to match the hessian; got shape {c.shape}")
        check_finite(c, "centre")
        self.hessian, self.centre, self.eigenvalues = A, c, eigenvalues
        self.theta = c.copy()

    @property
    def stability_limit(self):
        """2 / λ_max: plain gradient descent converges from every start exactly for rates below this."""
        return 2.0 / self.eigenvalues[-1]

    @property
    def best_rate(self):
        """2 / (λ_min + λ_max): the fixed rate that shrinks the slowest direction fastest."""
        return 2.0 / (self.eigenvalues[0] + self.eigenvalues[-1])

    def loss(self, theta):
        d = np.asarray(theta, dtype=float) - self.centre
        return 0.5 * np.einsum("...i,ij,...j->...", d, self.hessian, d)

    def gradient(self, theta):
        return (np.asarray(theta, dtype=float) - self.centre) @ self.hessian  # A is symmetric: (θ − c) A = A (θ − c)

    # -- what nnlib's optimisers call on a network -------------------------------------
    def parameters(self):
        return [self.theta]

    def gradients(self):
        return [self.gradient(self.theta)]  # at the current position, so every step sees a fresh gradient

    def update(self, lr):
        self.theta -= lr * self.gradient(self.theta)

    def __repr__(self):
        return f"Bowl(eigenvalues={np.round(self.eigenvalues, 6).tolist()}, centre={self.centre.tolist()})"


def rotated_bowl(eigenvalues, angle, centre=None):
    """A 2-D bowl whose Hessian has the given eigenvalues, its first eigenvector at ``angle`` degrees from the x-axis.

    A = R diag(λ₁, λ₂) Rᵀ with R the rotation by ``angle``: the long axis of the
    elliptic contours (the shallow direction, smallest λ) points along the first
    eigenvector when λ₁ < λ₂.
    """
    lam = as_float_array(eigenvalues, "eigenvalues")
    if lam.shape != (2,):
        raise ValueError(f"eigenvalues must be two numbers; got shape {lam.shape}")
    if not isinstance(angle, numbers.Real) or isinstance(angle, bool):
        raise TypeError(f"angle must be a number of degrees; got {type(angle).__name__} {angle!r}")
    a = np.deg2rad(angle)
    R = np.array([[np.cos(a), -np.sin(a)], [np.sin(a), np.cos(a)]])
    A = R @ np.diag(lam) @ R.T
    return Bowl((A + A.T) / 2, centre)  # symmetrised: rounding must not make it lose its symmetry


def descent_path(bowl, start, lr, steps, optimiser="sgd"):
    """The points θ₀ = start, θ₁, …, θ_steps that an nnlib optimiser visits on ``bowl``.

    ``optimiser`` is a name ("sgd", "momentum", "adam") or an optimiser object
    (it is reset first). Returns an array of shape (steps + 1, n). A diverging
    run is recorded as it goes (the numbers grow without limit, until inf).
    """
    if not isinstance(bowl, Bowl):
        raise TypeError(f"bowl must be a Bowl; got {type(bowl).__name__}")
    start = as_float_array(start, "start")
    if start.shape != bowl.centre.shape:
        raise ValueError(f"start must have shape {bowl.centre.shape}; got shape {start.shape}")
    lr = check_positive_number(lr, "lr")
    steps = check_positive_int(steps, "steps")
    optimiser = get_optimiser(optimiser)
    optimiser.reset()
    bowl.theta = start.copy()
    path = [start.copy()]
    with np.errstate(over="ignore", invalid="ignore"):
        for _ in range(steps):
            optimiser.step(bowl, lr)
            path.append(bowl.theta.copy())
    return np.array(path)


def does_not_grow(bowl, start, lr, steps=1000, optimiser="sgd"):
    """True if after ``steps`` steps the point is no farther from the bowl's centre than ``start`` was.

    Below 2/λ_max plain descent shrinks every component, above it the steepest
    one grows like |1 − lr λ_max|^t; 1000 steps tell the two apart to about
    0.1 % of the rate. A run that overflows to inf or nan counts as growing.
    """
    end = descent_path(bowl, start, lr, steps, optimiser)[-1]
    with np.errstate(over="ignore", invalid="ignore"):
        distance = np.linalg.norm(end - bowl.centre)
    return bool(distance <= np.linalg.norm(np.asarray(start, dtype=float) - bowl.centre))


def largest_stable_rate(is_stable, low, high, *, rtol=1e-4):
    """The largest learning rate for which ``is_stable(lr)`` is True, by bisection between ``low`` and ``high``.

    ``is_stable(low)`` must be True and ``is_stable(high)`` False; the interval is
    halved until it is narrower than ``rtol`` times its lower end. Returns the
    lower end: a rate that was found stable. This assumes one switch from
    stable to unstable in between, as on a quadratic.
    """
    low, high = check_positive_number(low, "low"), check_positive_number(high, "high")
    if not low < high:
        raise ValueError(f"low must be smaller than high; got low={low}, high={high}")
    if not is_stable(low):
        raise ValueError(f"is_stable(low) must be True to start the bisection; it is False for low={low}")
    if is_stable(high):
        raise ValueError(f"is_stable(high) must be False to start the bisection; it is True for high={high}")
    while high - low > rtol * low:
        middle = 0.5 * (low + high)
        if is_stable(middle):
            low = middle
        else:
            high = middle
    return low


def loss_grid(loss, x_range, y_range, resolution=41):
    """A loss on a grid of the plane, for contour plots: ``(xs, ys, Z)`` with ``Z[i, j] = loss([xs[j], ys[i]])``.

    Rows follow y and columns follow x, the orientation Plotly's ``Contour`` and
    matplotlib's ``contour`` expect. ``loss`` takes points as the rows of an
    array of shape (m, 2) and returns m values (``Bowl.loss`` does).
    """
    resolution = check_positive_int(resolution, "resolution")
    xs = np.linspace(*x_range, resolution)
    ys = np.linspace(*y_range, resolution)
    points = np.stack(np.meshgrid(xs, ys), axis=-1).reshape(-1, 2)  # row i·res + j is (xs[j], ys[i])
    Z = np.asarray(loss(points), dtype=float).reshape(resolution, resolution)
    return xs, ys, Z


# -- measuring real training ----------------------------------------------------------------

def _flat(arrays):
    return np.concatenate([np.ravel(a) for a in arrays])


def hessian(network, X, y, loss="mse", *, eps=1e-5):
    """The Hessian of a network's loss with respect to all its parameters, by central differences of the gradient.

    Column k is (∇L(θ + ε e_k) − ∇L(θ − ε e_k)) / 2ε, with ∇L from backprop
    (``compute_gradients``); the result is symmetrised. The parameters are
    flattened in the order of ``network.parameters()`` (W1, b1, W2, …) and put
    back as they were. Its largest eigenvalue λ_max is the sharpness of the
    loss at this point: near here, gradient descent is stable for lr < 2/λ_max.
    """
    eps = check_positive_number(eps, "eps")
    parameters = network.parameters()
    saved = [p.copy() for p in parameters]
    size = sum(p.size for p in parameters)
    H = np.empty((size, size))
    try:
        k = 0
        for p in parameters:
            flat = p.reshape(-1)  # a view: changing it changes the network
            for i in range(p.size):
                original = flat[i]
                flat[i] = original + eps
                network.compute_gradients(X, y, loss)
                plus = _flat(network.gradients())
                flat[i] = original - eps
                network.compute_gradients(X, y, loss)
                H[:, k] = (plus - _flat(network.gradients())) / (2 * eps)
                flat[i] = original
                k += 1
    finally:
        for p, value in zip(parameters, saved):
            p[...] = value
    network.compute_gradients(X, y, loss)  # leave the gradients of the unchanged network
    return 0.5 * (H + H.T)


def epochs_to_reach(losses, target):
    """The first (1-based) epoch whose loss is below ``target``, or None if none is."""
    below = np.flatnonzero(np.asarray(losses, dtype=float) < target)
    return int(below[0]) + 1 if below.size else None


def train_until(network, X, y, *, target, max_epochs, lr, loss="mse", optimiser="sgd", chunk=50, **fit_options):
    """Train until the epoch loss falls below ``target`` (or ``max_epochs`` have run); returns (epoch or None, losses).

    Training runs in chunks of ``chunk`` epochs with one optimiser object, whose
    state carries over, so the numbers are those of one long ``fit``; it stops
    after the chunk in which the target was reached. ``losses`` holds the loss
    of every epoch that ran.
    """
    max_epochs = check_positive_int(max_epochs, "max_epochs")
    chunk = check_positive_int(chunk, "chunk")
    optimiser = get_optimiser(optimiser)
    rng = as_generator(fit_options.pop("seed", 0))
    losses = []
    while len(losses) < max_epochs:
        epochs = min(chunk, max_epochs - len(losses))
        history = network.fit(X, y, epochs=epochs, lr=lr, loss=loss, optimiser=optimiser, seed=rng, **fit_options)
        losses.extend(history.loss)
        reached = epochs_to_reach(losses, target)
        if reached is not None:
            return reached, np.array(losses)
    return None, np.array(losses)


def per_sample_gradients(network, X, y, loss="mse"):
    """One row per sample: the flattened gradient of that sample's loss alone, shape (n_samples, n_parameters)."""
    return np.array([_flat(_gradients_on(network, X[i:i + 1], y[i:i + 1], loss)) for i in range(len(X))])


def _gradients_on(network, X, y, loss):
    network.compute_gradients(X, y, loss)
    return [g.copy() for g in network.gradients()]


def minibatch_gradient_noise(network, X, y, batch_size, *, loss="mse", repeats=200, seed=0):
    """Measured and predicted mean squared distance ‖g_B − g‖² between a mini-batch gradient and the full one.

    g is the gradient on all n samples; g_B on B samples drawn without
    replacement (as one batch of a shuffled epoch). Measured: the mean over
    ``repeats`` random batches. Predicted: (σ²/B)·(n − B)/(n − 1), where σ² is
    the mean of ‖g_i − g‖² over the per-sample gradients g_i (the variance of a
    mean of B draws without replacement). Returns (measured, predicted).
    """
    batch_size = check_positive_int(batch_size, "batch_size")
    repeats = check_positive_int(repeats, "repeats")
    n = len(X)
    if batch_size > n:
        raise ValueError(f"batch_size must be at most the number of samples, {n}; got {batch_size}")
    G = per_sample_gradients(network, X, y, loss)
    full = G.mean(axis=0)   # the loss is a mean over samples, so is its gradient
    spread = np.mean(np.sum((G - full) ** 2, axis=1))
    rng = as_generator(seed)
    measured = np.mean([np.sum((G[rng.choice(n, batch_size, replace=False)].mean(axis=0) - full) ** 2)
                        for _ in range(repeats)])
    predicted = spread / batch_size * (n - batch_size) / (n - 1) if n > 1 else 0.0
    return float(measured), float(predicted)
