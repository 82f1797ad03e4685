"""Animations from training snapshots: which snapshots become frames, and the Play/Pause/slider controls.

Training knows nothing about drawing: ``Network.fit(..., snapshot_every=k)`` records the parameters every
k epochs, and the figures turn those snapshots into frames.
"""

import numpy as np


def pick_snapshots(snapshots, max_frames=30):
    """At most ``max_frames`` snapshots, evenly spread, always keeping the first and the last."""
    snapshots = list(snapshots)
    if not snapshots:
        raise ValueError("snapshots is empty: train with fit(..., snapshot_every=k) to record them")
    if isinstance(max_frames, bool) or not isinstance(max_frames, (int, np.integer)) or max_frames < 2:
        raise ValueError(f"max_frames must be an int ≥ 2; got {max_frames!r}")
    if len(snapshots) <= max_frames:
        return snapshots
    keep = np.unique(np.round(np.linspace(0, len(snapshots) - 1, max_frames)).astype(int))
    return [snapshots[i] for i in keep]


def at_snapshots(network, snapshots):
    """Set ``network`` to each snapshot in turn, yielding the snapshot; its own parameters come back after."""
    saved = network.get_parameters()
    try:
        for snapshot in snapshots:
            network.set_parameters(snapshot.parameters)
            yield snapshot
    finally:
        network.set_parameters(saved)


# Room below the plot for the axis title, the Play/Pause row and the slider under it.
PLAYER_MARGIN = 175


def player(frame_names, frame_duration=150, *, prefix="epoch ", redraw=True, axis_title_room=55):
    """Play and Pause buttons with a slider below them, for frames named ``frame_names``: layout keywords.

    The buttons sit on their own row under the x-axis title and the slider spans the whole width under
    them, so nothing overlaps in a narrow (800 px) column; leave ``PLAYER_MARGIN`` px of bottom margin.
    ``redraw=True`` is needed for heat maps and contours, which Plotly redraws rather than tweens.
    """
    play = {"frame": {"duration": frame_duration, "redraw": redraw}, "fromcurrent": True,
            "transition": {"duration": 0}, "mode": "immediate"}
    pause = {"frame": {"duration": 0, "redraw": False}, "transition": {"duration": 0}, "mode": "immediate"}
    jump = {"frame": {"duration": 0, "redraw": redraw}, "transition": {"duration": 0}, "mode": "immediate"}
    return {
        "updatemenus": [{"type": "buttons", "direction": "left", "showactive": False,
                         "x": 0.0, "y": 0.0, "xanchor": "left", "yanchor": "top", "pad": {"t": axis_title_room},
                         "buttons": [{"label": "▶ Play", "method": "animate", "args": [None, play]},
                                     {"label": "❚❚ Pause", "method": "animate", "args": [[None], pause]}]}],
        "sliders": [{"active": 0, "x": 0.0, "len": 1.0, "y": 0.0, "yanchor": "top", "pad": {"t": axis_title_room + 45},
                     "currentvalue": {"prefix": prefix, "visible": True, "xanchor": "left"},
                     "transition": {"duration": 0},
                     "steps": [{"label": name, "method": "animate", "args": [[name], jump]} for name in frame_names]}],
    }
