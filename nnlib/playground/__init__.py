"""A playground in the spirit of TensorFlow Playground, inside Jupyter and Colab.

One file per concern, so that the part that computes can be tested without a browser:

- ``settings``: the ``Settings`` of a configuration, every value checked (``SettingsError``);
  ``strings``: their string form (``parse_settings``, ``format_settings``), one per settings;
- ``datasets``: the data sets (classes, or numbers for the regression sets) and input features;
  ``own``: your own points, pasted as text, checked line by line, and their compact form;
- ``model``: ``Playground``, the network and a training loop bounded by the clock
  (``advance``); no widgets; ``export``: its weights and Python that rebuilds it;
- ``draw``, ``diagram`` and ``curves``: the pictures, straight from numpy (PNG heat maps, SVG);
  ``frame``: all of them at one moment (``static_html`` for where widgets do not run);
- ``controls``, ``layout``, ``pacing``, ``classroom`` (``hide=``, ``lock=``) and ``app``: the
  ipywidgets (``PlaygroundApp``, ``show``);
- ``presets``: the series' experiments as settings strings.

ipywidgets is imported only when the app is asked for, so ``Playground`` works in
plain Python.
"""

from .frame import static_html
from .model import Playground, make_data
from .presets import PRESETS
from .settings import ACTIVATIONS, DATASETS, FEATURES, KEYS, LIMITS, Settings, SettingsError
from .strings import format_settings, parse_settings

__all__ = ["Playground", "PlaygroundApp", "PRESETS", "Settings", "SettingsError", "ACTIVATIONS", "DATASETS",
           "FEATURES", "KEYS", "LIMITS", "format_settings", "make_data", "parse_settings", "show", "static_html"]


def __getattr__(name):
    # The widget app needs ipywidgets: imported on first use, not with the package.
    if name in ("PlaygroundApp", "show"):
        from . import app

        return getattr(app, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
