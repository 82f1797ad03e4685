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
- AdamW:                   Adam's step plus decoupled weight decay wd on the weight matrices:
                           θ ← θ − lr · (m̂ / (√ŝ + ε) + wd · θ)   (Loshchilov and Hutter, 2019).
  An L2 penalty under Adam adds λθ to g, and Adam then divides it by √ŝ: weights
  with large gradients are hardly decayed at all. AdamW shrinks every weight by
  the same fraction lr · wd per step, whatever its gradients.

The learning rate may change from epoch to epoch: ``fit(..., lr=schedule)`` takes
any function of the epoch (1, 2, …) that returns the rate, such as ``StepDecay``,
``Cosine`` and ``WarmUp`` below (``WarmUp(5, Cosine(0.1, 95))``: a linear warm-up,
then a cosine).
"""

import math
import numbers

import numpy as np

from .checks import check_fraction, check_positive_int, check_positive_number


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
        self.momentum = check_fraction(momentum, "momentum")
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
        self.beta1 = check_fraction(beta1, "beta1")
        self.beta2 = check_fraction(beta2, "beta2")
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


class AdamW(Adam):
    """Adam with decoupled weight decay: each step first shrinks the weight matrices, θ ← θ − lr · wd · θ.

    Only the 2-D parameters (Dense weights) decay, as only they are penalised by
    ``nnlib.regularisation``: biases and BatchNorm's γ, β (1-D) only shift and
    scale, and pulling them to 0 would not make the network simpler.
    """

    name = "adamw"

    def __init__(self, weight_decay=0.01, beta1=0.9, beta2=0.999, eps=1e-8):
        if not isinstance(weight_decay, numbers.Real) or isinstance(weight_decay, bool):
            raise TypeError(f"weight_decay must be a number >= 0; got {type(weight_decay).__name__} {weight_decay!r}")
        if not (np.isfinite(weight_decay) and weight_decay >= 0):
            raise ValueError(f"weight_decay must be a finite number >= 0; got {weight_decay}")
        self.weight_decay = float(weight_decay)
        super().__init__(beta1, beta2, eps)

    def step(self, network, lr):
        if self.weight_decay:  # with θ as it was: the decay and Adam's step both start from θ_(t−1)
            for theta in network.parameters():
                if theta.ndim == 2:
                    theta -= (lr * self.weight_decay) * theta
        super().step(network, lr)

    def __repr__(self):
        return f"AdamW(weight_decay={self.weight_decay}, beta1={self.beta1}, beta2={self.beta2}, eps={self.eps})"


OPTIMISERS = {"sgd": SGD, "momentum": Momentum, "adam": Adam, "adamw": AdamW}


def get_optimiser(optimiser):
    """An optimiser from a name ("sgd", "momentum", "adam", "adamw": a fresh one) or the object itself."""
    if isinstance(optimiser, str):
        if optimiser not in OPTIMISERS:
            names = sorted(set(OPTIMISERS) - {"adamw"})  # the three plain ones, then the variant
            raise ValueError(f"optimiser must be one of {names} or 'adamw' (Adam with decoupled weight decay), "
                             f"or an optimiser object; got {optimiser!r}")
        return OPTIMISERS[optimiser]()
    if callable(getattr(optimiser, "step", None)) and callable(getattr(optimiser, "reset", None)):
        return optimiser
    raise TypeError(f"optimiser must be a name, one of {sorted(OPTIMISERS)}, or an object with step(network, lr) "
                    f"and reset(); got {type(optimiser).__name__}")


# -- learning-rate schedules: functions of the epoch (1, 2, …) ------------------------------------
def _epoch(epoch):
    if not isinstance(epoch, numbers.Integral) or isinstance(epoch, bool):
        raise TypeError(f"epoch must be a positive int; got {type(epoch).__name__} {epoch!r}")
    if epoch < 1:
        raise ValueError(f"epoch must be a positive int (the first epoch is 1); got {epoch}")
    return int(epoch)


class StepDecay:
    """lr · factor^⌊(epoch − 1) / every⌋: the rate is multiplied by ``factor`` after every ``every`` epochs."""

    def __init__(self, lr, every, factor=0.5):
        self.lr, self.every = check_positive_number(lr, "lr"), check_positive_int(every, "every")
        self.factor = check_positive_number(factor, "factor")
        if self.factor > 1:
            raise ValueError(f"factor must be in (0, 1]: the rate decays; got {factor}")

    def __call__(self, epoch):
        return self.lr * self.factor ** ((_epoch(epoch) - 1) // self.every)

    def __repr__(self):
        return f"StepDecay(lr={self.lr}, every={self.every}, factor={self.factor})"


class Cosine:
    """From lr down to ``final`` along half a cosine over ``epochs`` epochs, then ``final``.

    rate(e) = final + (lr − final) · (1 + cos(π (e − 1) / epochs)) / 2 for e = 1 … epochs:
    lr at the first epoch, slow at both ends, fastest halfway.
    """

    def __init__(self, lr, epochs, final=0.0):
        self.lr, self.epochs = check_positive_number(lr, "lr"), check_positive_int(epochs, "epochs")
        if not isinstance(final, numbers.Real) or isinstance(final, bool):
            raise TypeError(f"final must be a number from 0 to lr; got {type(final).__name__} {final!r}")
        if not 0 <= final <= self.lr:
            raise ValueError(f"final must be a number from 0 to lr = {self.lr}; got {final}")
        self.final = float(final)

    def __call__(self, epoch):
        epoch = _epoch(epoch)
        if epoch > self.epochs:
            return self.final
        return self.final + (self.lr - self.final) * (1 + math.cos(math.pi * (epoch - 1) / self.epochs)) / 2

    def __repr__(self):
        return f"Cosine(lr={self.lr}, epochs={self.epochs}, final={self.final})"


class WarmUp:
    """A linear warm-up over ``epochs`` epochs, then ``then`` (a number, or a schedule that starts afresh).

    rate(e) = then(1) · e / epochs for e ≤ epochs, and then(e − epochs) after: early
    steps, taken while Adam's averages and the weights are still far from settled,
    are small. ``WarmUp(5, Cosine(0.1, 95))`` is 100 epochs: 5 up, 95 down.
    """

    def __init__(self, epochs, then):
        self.epochs = check_positive_int(epochs, "epochs")
        self.then = then if callable(then) else check_positive_number(then, "then")

    def _then(self, epoch):
        return self.then(epoch) if callable(self.then) else self.then

    def __call__(self, epoch):
        epoch = _epoch(epoch)
        if epoch <= self.epochs:
            return self._then(1) * epoch / self.epochs
        return self._then(epoch - self.epochs)

    def __repr__(self):
        return f"WarmUp({self.epochs}, {self.then!r})"
