"""Pictures of training: Plotly for interactive figures, matplotlib for static ones.

Training knows nothing about drawing: ``Network.fit(..., snapshot_every=k)``
records the parameters every k epochs, and the functions here turn those
snapshots into figures and animation frames.

Plotly and matplotlib are imported here, not by ``import nnlib``.
"""

import numpy as np

# Figures are drawn from float32 arrays on coarse grids, so a notebook with a
# few animations stays well under 2 MB.
DTYPE = np.float32

# -- loss curves and loss surfaces (notebook 02) ---------------------------------

# -- decision boundaries and their animation (notebooks 03 and 05) ----------------
