"""nnlib: neural networks from scratch, small enough to read in one sitting.

The top level is the core a student reads beside the chapters, numpy only:
activations, losses, layers, deep (batch norm, residual blocks), network, training, optimisers,
regularisation, data, gradcheck, checks, and autograd (a scalar computational graph that differentiates
itself, micrograd-sized).
Beside it, imported only when a notebook asks for them, so ``import nnlib`` stays fast:
``nnlib.plot`` (every figure: Plotly, matplotlib), ``nnlib.diagnostics`` (instruments for looking
inside a network), ``nnlib.symbolic`` (SymPy), ``nnlib.playground`` (ipywidgets) and
``nnlib.exercises`` (the tutor). The layering is checked by ``make lint`` (import-linter).
"""

from . import (
    activations,
    autograd,
    data,
    deep,
    gradcheck,
    layers,
    losses,
    network,
    optimisers,
    regularisation,
    training,
)
from .activations import get_activation
from .autograd import Value
from .data import blobs, circles, logic_gate, moons, one_hot, spiral, split, threshold
from .deep import BatchNorm, Residual
from .gradcheck import gradient_check, numerical_gradient
from .layers import ActivationLayer, Dense, Dropout, Softmax
from .losses import get_loss
from .network import Network, mlp
from .optimisers import SGD, Adam, AdamW, Cosine, Momentum, StepDecay, WarmUp, get_optimiser
from .training import History, Snapshot

__version__ = "0.1.0"

__all__ = [
    "activations", "autograd", "data", "deep", "gradcheck", "layers", "losses", "network", "optimisers",
    "regularisation", "training",
    "get_activation", "get_loss", "get_optimiser", "logic_gate", "split", "threshold", "circles", "moons", "blobs",
    "spiral", "one_hot", "gradient_check", "numerical_gradient", "ActivationLayer", "Dense", "Dropout", "Softmax",
    "History", "Network", "Snapshot", "mlp", "SGD", "Momentum", "Adam", "AdamW", "StepDecay",
    "Cosine", "WarmUp", "Value", "BatchNorm",
    "Residual",
]
