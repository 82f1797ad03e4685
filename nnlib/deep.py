"""What lets a deep network train: batch normalisation and residual blocks.

A plain stack of twenty tanh or relu layers barely trains: the signal and its
gradient shrink or grow by a factor at every layer (notebook 10), and twenty
factors make it vanish or explode. Two remedies, both layers with the usual
interface (``nnlib.layers``):

- ``BatchNorm`` rescales every unit to mean 0 and variance 1 over the batch, then
  lets the network choose the scale and shift it wants (γ, β), so no layer sees
  its input drift away from where its nonlinearity is useful;
- ``Residual`` wraps a few layers f and outputs x + f(x): the gradient that
  reaches x is the one from f plus the one that came in, unchanged, so every
  layer has a path to the loss that no product of small factors can close.
"""

import numbers

import numpy as np

from .checks import check_fraction, check_positive_int
from .layers import check_layers


class BatchNorm:
    """Batch normalisation of each of ``n_features`` units: Y = γ ⊙ X̂ + β, X̂ = (X − μ) / √(σ² + ε).

    Training (``training`` True): μ and σ² are the mean and the (biased, divided by
    N) variance of each column over the batch, and the running averages move
    towards them: r ← momentum · r + (1 − momentum) · (the batch's value).
    Evaluation: μ and σ² are the running averages, so a sample's output does not
    depend on the other samples it comes with. γ starts at 1, β at 0; they are
    learned (and, being 1-D, never penalised nor decayed, like biases).

    Backward in training has to remember that μ and σ² depend on every sample of
    the batch. With s = 1/√(σ² + ε), G = ∂L/∂Y ⊙ γ and sums over the batch:

        ∂L/∂γ = Σ ∂L/∂Y ⊙ X̂,   ∂L/∂β = Σ ∂L/∂Y,
        ∂L/∂X = (s / N) (N G − Σ G − X̂ ⊙ Σ (G ⊙ X̂)),

    and in evaluation, where μ and σ² are constants, simply ∂L/∂X = G s.
    """

    def __init__(self, n_features, *, momentum=0.9, eps=1e-5):
        n = check_positive_int(n_features, "n_features")
        self.momentum = check_fraction(momentum, "momentum")
        if not isinstance(eps, numbers.Real) or isinstance(eps, bool) or not (np.isfinite(eps) and eps > 0):
            raise ValueError(f"eps must be a small positive number such as 1e-5; got {eps!r}")
        self.eps = float(eps)
        self.gamma, self.beta = np.ones(n), np.zeros(n)
        self.dgamma, self.dbeta = np.zeros(n), np.zeros(n)
        self.running_mean, self.running_var = np.zeros(n), np.ones(n)
        self.training = False

    @property
    def n_inputs(self):
        return len(self.gamma)

    @property
    def n_outputs(self):
        return len(self.gamma)

    def forward(self, X):
        if X.ndim != 2 or X.shape[1] != len(self.gamma):  # γ of shape (1,) would broadcast over any width
            raise ValueError(f"X must have shape (n_samples, {len(self.gamma)}); got shape {X.shape}")
        self.batch_statistics = self.training  # backward needs to know which of the two it undoes
        if self.training:
            if len(X) < 2:  # one sample is its own mean: X̂ = 0 and nothing to learn from
                raise ValueError(f"BatchNorm in training needs a batch of at least 2 samples; got shape {X.shape}")
            mean, var = X.mean(axis=0), X.var(axis=0)
            self.running_mean *= self.momentum
            self.running_mean += (1.0 - self.momentum) * mean
            self.running_var *= self.momentum
            self.running_var += (1.0 - self.momentum) * var
        else:
            mean, var = self.running_mean, self.running_var
        self.inv_std = 1.0 / np.sqrt(var + self.eps)
        self.X_hat = (X - mean) * self.inv_std
        return self.gamma * self.X_hat + self.beta

    def backward(self, dY):
        self.dgamma = np.sum(dY * self.X_hat, axis=0)
        self.dbeta = dY.sum(axis=0)
        G = dY * self.gamma
        if not self.batch_statistics:
            return G * self.inv_std
        n = len(G)
        return (self.inv_std / n) * (n * G - G.sum(axis=0) - self.X_hat * np.sum(G * self.X_hat, axis=0))

    def update(self, lr):
        self.gamma -= lr * self.dgamma
        self.beta -= lr * self.dbeta

    def parameters(self):
        return [self.gamma, self.beta]

    def gradients(self):
        return [self.dgamma, self.dbeta]

    def state(self):
        """Copies of the running averages (mean, variance): not learned by gradients, but part of the network."""
        return self.running_mean.copy(), self.running_var.copy()

    def set_state(self, state):
        mean, var = state
        self.running_mean[...] = mean
        self.running_var[...] = var

    def __repr__(self):
        return f"BatchNorm({self.n_inputs})"


class Residual:
    """A residual block: Y = X + f(X), with f the given layers applied in turn (He et al., 2016).

    f must keep the width (its first sized layer takes as many inputs as its last
    gives outputs), or X and f(X) could not be added. Backward is the sum rule:
    ∂L/∂X = ∂L/∂Y + (∂L/∂Y sent back through f), so the gradient reaches X even
    when f's part is tiny. The block's parameters are those of its layers, in order.
    """

    def __init__(self, layers):
        self.layers = list(layers)
        n_in, n_out = check_layers(self.layers, "layers")
        if n_in != n_out:
            raise ValueError(f"a residual block adds f(X) to X, so its layers must keep the width; "
                             f"they take {n_in} inputs and give {n_out} outputs")
        self.width = n_in

    @property
    def n_inputs(self):
        return self.width

    @property
    def n_outputs(self):
        return self.width

    def forward(self, X):
        F = X
        for layer in self.layers:
            F = layer.forward(F)
        return X + F

    def backward(self, dY):
        dF = dY
        for layer in reversed(self.layers):
            dF = layer.backward(dF)
        return dY + dF

    def update(self, lr):
        for layer in self.layers:
            layer.update(lr)

    def parameters(self):
        return [p for layer in self.layers for p in layer.parameters()]

    def gradients(self):
        return [g for layer in self.layers for g in layer.gradients()]

    def __repr__(self):
        return "Residual([" + ", ".join(map(repr, self.layers)) + "])"
