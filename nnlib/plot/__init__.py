"""Every figure of the series, one file per kind of picture; Plotly and matplotlib are imported only when
a figure is drawn, so ``from nnlib import plot`` stays fast.

Training knows nothing about drawing: ``Network.fit(..., snapshot_every=k)`` records the parameters, and
the functions here turn them into figures and animation frames. All of them are reachable as
``plot.<name>``:

- ``loss``: loss curves, the loss surface over two parameters with the descent path (02)
- ``boundary``, ``boundary_static``: a network's output and decision boundary over the plane, animated (03, 05)
- ``hidden``: each hidden unit's picture, the hidden space, the output as a surface (05)
- ``descent``: descent paths on contour plots, families of curves, two-panel sweeps (09)
- ``depth``: activation histograms layer by layer (10)
- ``regions``: class regions of many-class networks (11)
- ``sweeps``: success rates, capacity and decay sweeps, early stopping, optimism (05, 12)
- ``images``: digits and first-layer weights as image grids, the confusion matrix (13)
- ``palette``, ``grid``, ``style``, ``animation``: what the figures share (colours, the plane's grid,
  sizes, the Play/Pause/slider controls)
"""

from . import palette
from .animation import at_snapshots, pick_snapshots, player
from .boundary import decision_boundary_animation, decision_boundary_figure, grid_outputs, neuron_line
from .boundary_static import draw_neuron_line, plot_decision_boundary
from .depth import activation_histograms, layer_histogram
from .descent import curves_figure, descent_animation, drawable, frame_steps, log_levels, paths_figure, sweep_panels
from .grid import plane_grid
from .hidden import hidden_space, hidden_unit_panels, output_surface
from .images import as_images, confusion_figure, digit_grid, image_grid, weight_cmap, weight_grid
from .loss import loss_comparison, loss_curves, loss_surface, parameter_path
from .regions import (
    class_grid,
    class_probabilities,
    class_regions_animation,
    class_regions_figure,
    class_regions_panels,
    plane_axes,
    region_codes,
    region_colorscale,
    region_colours,
)
from .style import unit_dash
from .sweeps import early_stopping_figure, optimism_figure, stopping_epochs, success_bar_chart, sweep_figure

__all__ = [
    "palette", "at_snapshots", "pick_snapshots", "player", "decision_boundary_animation", "decision_boundary_figure",
    "grid_outputs", "neuron_line", "draw_neuron_line", "plot_decision_boundary", "activation_histograms",
    "layer_histogram", "curves_figure", "descent_animation", "drawable", "frame_steps", "log_levels", "paths_figure",
    "sweep_panels", "plane_grid", "hidden_space", "hidden_unit_panels", "output_surface", "as_images",
    "confusion_figure", "digit_grid", "image_grid", "weight_cmap", "weight_grid", "loss_comparison", "loss_curves",
    "loss_surface", "parameter_path", "class_grid", "class_probabilities", "class_regions_animation",
    "class_regions_figure", "class_regions_panels", "plane_axes", "region_codes", "region_colorscale",
    "region_colours", "unit_dash", "early_stopping_figure", "optimism_figure", "stopping_epochs",
    "success_bar_chart", "sweep_figure",
]
