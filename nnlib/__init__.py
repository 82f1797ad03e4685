"""nnlib: neural networks from scratch, small enough to read in one sitting.

The numpy core is imported here; ``nnlib.symbolic`` (SymPy), ``nnlib.plot``
(Plotly, matplotlib) and ``nnlib.playground`` (ipywidgets) are imported only
when a notebook asks for them, so ``import nnlib`` stays fast.
"""

from . import activations, data, gradcheck, layers, losses, network
from .activations import get_activation
from .data import circles, logic_gate, moons, split, threshold
from .gradcheck import gradient_check, numerical_gradient
from .layers import ActivationLayer, Dense
from .losses import get_loss
from .network import History, Network, Snapshot, mlp

__version__ = "0.1.0"

__all__ = [
    "activations", "data", "gradcheck", "layers", "losses", "network",
    "get_activation", "get_loss", "logic_gate", "split", "threshold", "circles", "moons",
    "gradient_check", "numerical_gradient", "ActivationLayer", "Dense",
    "History", "Network", "Snapshot", "mlp",
]
