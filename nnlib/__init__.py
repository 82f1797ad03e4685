"""nnlib: neural networks from scratch, small enough to read in one sitting.

The numpy core is imported here; ``nnlib.symbolic`` (SymPy), ``nnlib.plot``
(Plotly, matplotlib) and ``nnlib.playground`` (ipywidgets) are imported only
when a notebook asks for them, so ``import nnlib`` stays fast.
"""

from . import activations, data, gradcheck, layers, losses, network, optimisers, palette, regularisation
from .activations import get_activation
from .data import blobs, circles, logic_gate, moons, one_hot, spiral, split, threshold
from .gradcheck import gradient_check, numerical_gradient
from .layers import ActivationLayer, Dense, Softmax
from .losses import get_loss
from .network import History, Network, Snapshot, mlp
from .optimisers import SGD, Adam, Momentum, get_optimiser

__version__ = "0.1.0"

__all__ = [
    "activations", "data", "gradcheck", "layers", "losses", "network", "optimisers", "palette", "regularisation",
    "get_activation", "get_loss", "get_optimiser", "logic_gate", "split", "threshold", "circles", "moons", "blobs",
    "spiral", "one_hot", "gradient_check", "numerical_gradient", "ActivationLayer", "Dense", "Softmax",
    "History", "Network", "Snapshot", "mlp", "SGD", "Momentum", "Adam",
]
