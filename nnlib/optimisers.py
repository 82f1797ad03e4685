"""Optimisers: how a training step turns the gradients into a change of the parameters.

Each optimiser is a small object with ``step(network, lr)``, called once per batch
after backward, and ``reset()``, which forgets what it has accumulated. Given by
name to ``Network.fit`` ("sgd", "momentum", "adam") a fresh one is made for that
call; an object you pass keeps its state from one ``fit`` call to the next, so
training in chunks gives the same numbers as one long run.

With g = ∂L/∂θ for a parameter θ and learning rate lr (notebook 09 compares them):

- plain gradient descent:  θ ← θ − lr · g
- momentum:                v ← μ v + g,   θ ← θ − lr · v
- Adam:                    m ← β₁ m + (1 − β₁) g,   s ← β₂ s + (1 − β₂) g²,
                           m̂ = m / (1 − β₁ᵗ),   ŝ = s / (1 − β₂ᵗ),   θ ← θ − lr · m̂ / (√ŝ + ε)
  (Kingma and Ba, 2015; t counts the steps, and dividing by 1 − βᵗ corrects the
  bias of m and s towards their zero start).
"""

import numbers

import numpy as np


def _check_fraction(value, name):
    """A number in [0, 1): the decay rates of momentum and Adam."""
    if not isinstance(value, numbers.Real) or isinstance(value, bool):
        raise TypeError(f"{name} must be a number in [0, 1); got {type(value).__name__} {value!r}")
    if not 0.0 <= value < 1.0:
        raise ValueError(f"{name} must be in [0, 1); got {value}")
    return float(value)


class SGD:
    """Plain gradient descent. Each layer takes its own step (``layer.update(lr)``, as notebook 08 shows)."""

    name = "sgd"

    def step(self, network, lr):
        network.update(lr)

    def reset(self):
        pass

    def __repr__(self):
        return "SGD()"


class _Stateful:
    """Shared by Momentum and Adam: one buffer per parameter array, made at the first step."""

    def reset(self):
        self.buffers = None
        self.steps = 0

    def _buffers(self, parameters, count):
        shapes = [p.shape for p in parameters]
        if self.buffers is None:
            self.buffers = [[np.zeros(shape) for shape in shapes] for _ in range(count)]
        elif [b.shape for b in self.buffers[0]] != shapes:
            raise ValueError(f"this {type(self).__name__} was used with a network of other shapes; "
                             "call reset() before using it with another network")
        self.steps += 1
        return self.buffers


class Momentum(_Stateful):
    """Gradient descent with momentum: a velocity v that remembers past gradients, v ← μ v + g, θ ← θ − lr v."""

    name = "momentum"

    def __init__(self, momentum=0.9):
        self.momentum = _check_fraction(momentum, "momentum")
        self.reset()

    def step(self, network, lr):
        parameters, gradients = network.parameters(), network.gradients()
        (velocities,) = self._buffers(parameters, 1)
        for theta, g, v in zip(parameters, gradients, velocities):
            v *= self.momentum
            v += g
            theta -= lr * v

    def __repr__(self):
        return f"Momentum(momentum={self.momentum})"


class Adam(_Stateful):
    """Adam: a step along the running mean of g, divided by the running root mean square of g."""

    name = "adam"

    def __init__(self, beta1=0.9, beta2=0.999, eps=1e-8):
        self.beta1 = _check_fraction(beta1, "beta1")
        self.beta2 = _check_fraction(beta2, "beta2")
        if not isinstance(eps, numbers.Real) or isinstance(eps, bool) or not (np.isfinite(eps) and eps > 0):
            raise ValueError(f"eps must be a small positive number such as 1e-8; got {eps!r}")
        self.eps = float(eps)
        self.reset()

    def step(self, network, lr):
        parameters, gradients = network.parameters(), network.gradients()
        means, squares = self._buffers(parameters, 2)
        t = self.steps
        for theta, g, m, s in zip(parameters, gradients, means, squares):
            m *= self.beta1
            m += (1 - self.beta1) * g
            s *= self.beta2
            s += (1 - self.beta2) * g * g
            m_hat = m / (1 - self.beta1**t)
            s_hat = s / (1 - self.beta2**t)
            theta -= lr * m_hat / (np.sqrt(s_hat) + self.eps)

    def __repr__(self):
        return f"Adam(beta1={self.beta1}, beta2={self.beta2}, eps={self.eps})"


OPTIMISERS = {"sgd": SGD, "momentum": Momentum, "adam": Adam}


def get_optimiser(optimiser):
    """An optimiser from a name ("sgd", "momentum", "adam": a fresh one) or the object itself."""
    if isinstance(optimiser, str):
        if optimiser not in OPTIMISERS:
            raise ValueError(f"optimiser must be one of {sorted(OPTIMISERS)} or an optimiser object; got {optimiser!r}")
        return OPTIMISERS[optimiser]()
    if callable(getattr(optimiser, "step", None)) and callable(getattr(optimiser, "reset", None)):
        return optimiser
    raise TypeError(f"optimiser must be a name, one of {sorted(OPTIMISERS)}, or an object with step(network, lr) "
                    f"and reset(); got {type(optimiser).__name__}")
