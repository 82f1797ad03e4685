"""The playground's settings: one ``Settings`` holds a configuration, every value checked here, in one place.

A value that is not allowed raises ``SettingsError`` (a ValueError) with a message
that names the key, the allowed values and what was given; the widgets show the
same messages beside their controls. The string form of the settings
(``dataset=circles;features=x1sq,x2sq;hidden=none``) is in ``strings``.
"""

import dataclasses

import numpy as np

DATASETS = ("xor", "and", "or", "implies", "threshold", "circles", "moons", "blobs", "spiral", "spiral3", "plane",
            "gaussians", "own")
REGRESSION = ("plane", "gaussians")  # data sets whose target is a number: a linear output and squared error
# ("own", your pasted points, is regression when their third column holds numbers other than 0, 1 and 2)
# The network's inputs, computed from the point (x1, x2): the key's token and what it is.
FEATURES = {"x1": "x₁", "x2": "x₂", "x1sq": "x₁²", "x2sq": "x₂²", "x1x2": "x₁x₂",
            "sinx1": "sin x₁", "sinx2": "sin x₂"}
ACTIVATIONS = ("tanh", "sigmoid", "relu", "leaky_relu", "identity")
OPTIMISERS = ("sgd", "momentum", "adam")
REGULARISERS = ("none", "l1", "l2")
# Classroom mode: what a settings string can hide (hide=...) or lock (lock=...): every control, the preset
# menu, the Export button and the settings box itself. A hidden or locked control cannot be changed from the widgets.
CONTROLS = ("dataset", "n", "noise", "train", "seed", "points", "features", "hidden", "act", "lr", "batch", "optimiser",
            "reg", "rate", "epochs", "show_test", "discrete", "presets", "export", "settings")
# Ranges: (lowest, highest); lr must be above its lowest, the others may equal it.
LIMITS = {"n": (40, 2000), "noise": (0.0, 1.0), "train": (0.1, 0.9), "seed": (0, 2**32 - 1), "layers": 6,
          "width": (1, 64), "lr": (0.0, 100.0), "batch": (1, 2000), "rate": (0.0, 10.0), "epochs": (1, 100_000),
          "side": 5.0}  # your own points' x1 and x2 lie within ±side


def shorten(text, limit=40):
    """``text`` for an error message: a long pasted string is cut, with its length said."""
    text = str(text)
    return repr(text) if len(text) <= limit else f"{text[:limit]!r}… ({len(text)} characters)"


class SettingsError(ValueError):
    """A value or a settings string that is not allowed; its message says, in words, what is."""


def refuse(key, expected, got):
    """Raise SettingsError: ``key`` must be ``expected``; ``got`` is what was given (shortened; "nothing" if empty)."""
    shown = repr(got) if not isinstance(got, str) else shorten(got) if got.strip() else "nothing"
    raise SettingsError(f"{key} must be {expected}; got {shown}")


def _integer(key, value, low, high):
    if isinstance(value, bool) or not isinstance(value, (int, np.integer)) or not low <= value <= high:
        refuse(key, f"a whole number from {low} to {high}", value)
    return int(value)


def number_words(low, high, above=False):
    """The allowed range in words: "a number from 0 to 1", or with ``above`` "a number above 0 and at most 100"."""
    return f"a number {'above' if above else 'from'} {low:g} {'and at most' if above else 'to'} {high:g}"


def _number(key, value, low, high, above=False):
    ok = isinstance(value, (int, float, np.integer, np.floating)) and not isinstance(value, bool)
    if not ok or not np.isfinite(value) or not (low < value if above else low <= value) or value > high:
        refuse(key, number_words(low, high, above), value)
    return float(value) + 0.0  # -0.0 + 0.0 is 0.0: "-0" is 0 (numpy refuses a noise scale of -0.0)


def _choice(key, value, options):
    if value not in options:
        refuse(key, f"one of {', '.join(options)}", value)
    return value


def _flag(key, value):
    if not isinstance(value, (bool, np.bool_)):
        refuse(key, "True or False (1 or 0 in a settings string)", value)
    return bool(value)


@dataclasses.dataclass(frozen=True)
class Settings:
    """One configuration of the playground. Field names are the keys of the settings string.

    Data: ``dataset`` (one of DATASETS; spiral3 has three classes and a softmax output),
    ``n`` points, ``noise`` (the standard deviation of the noise, in the units of the
    plane, where the data lie within about ±1.5), ``train`` (the fraction used for
    training; the rest is the test set), ``seed`` (data, split, initial weights, shuffling).
    Network: ``features`` (the inputs, tokens of FEATURES in their order), ``hidden`` (the
    widths of the hidden layers, () for none), ``act`` (their activation).
    Training: ``lr``, ``batch`` (None for the full batch), ``optimiser``, ``reg`` and its
    ``rate`` (the weight penalty), ``epochs`` (how far one Train goes).
    View: ``show_test`` (draw the test points), ``discrete`` (regions without shades).
    Classroom: ``hide`` and ``lock`` (CONTROLS that are not shown, or shown but cannot be changed).
    Your own data: ``points``, (x1, x2, class or value) triples, used when ``dataset`` is "own"
    (``n`` and ``noise`` are then not used).
    """

    dataset: str = "xor"
    n: int = 200
    noise: float = 0.2
    train: float = 0.5
    seed: int = 0
    features: tuple = ("x1", "x2")
    hidden: tuple = (4,)
    act: str = "tanh"
    lr: float = 0.3
    batch: int | None = None
    optimiser: str = "sgd"
    reg: str = "none"
    rate: float = 0.0
    epochs: int = 300
    show_test: bool = False
    discrete: bool = False
    hide: tuple = ()
    lock: tuple = ()
    points: tuple = ()

    def __post_init__(self):
        for key in KEYS:  # the dataclass is frozen: normalise the types once, here
            object.__setattr__(self, key, check_value(key, getattr(self, key)))
        if self.dataset == "own" and not self.points:
            raise SettingsError("dataset own needs your points: paste them in the box 'your points' (x1, x2 and a "
                                "class per line) and press Use these points")

    def __str__(self):
        from .strings import format_settings  # the string form is built on this module

        return format_settings(self)

    def replace(self, **changes):
        """A copy with some fields changed (and checked)."""
        return dataclasses.replace(self, **changes)

    @property
    def l1(self):
        return self.rate if self.reg == "l1" else 0.0

    @property
    def l2(self):
        return self.rate if self.reg == "l2" else 0.0

    @property
    def classes(self):
        """The number of classes (3 for spiral3, else 2; a regression set has none, but one output as for 2)."""
        if self.dataset == "own":
            from .own import kind

            return kind(self.points) or 2
        return 3 if self.dataset == "spiral3" else 2

    @property
    def regression(self):
        """True when the target is a number (REGRESSION, or own points with values): a linear output, squared
        error, no accuracy."""
        if self.dataset == "own":
            from .own import kind

            return kind(self.points) == 0
        return self.dataset in REGRESSION


KEYS = tuple(field.name for field in dataclasses.fields(Settings))


def check_value(key, value):
    """``value`` checked for the field ``key`` (and normalised: tuples, floats, bools); SettingsError if not allowed."""
    if key in ("dataset", "act", "optimiser", "reg"):
        options = {"dataset": DATASETS, "act": ACTIVATIONS, "optimiser": OPTIMISERS, "reg": REGULARISERS}[key]
        return _choice(key, value, options)
    if key in ("n", "seed", "epochs"):
        return _integer(key, value, *LIMITS[key])
    if key == "batch":
        return None if value is None else _integer(key, value, *LIMITS[key])
    if key in ("noise", "train", "rate"):
        return _number(key, value, *LIMITS[key])
    if key == "lr":
        return _number(key, value, *LIMITS[key], above=True)
    if key in ("show_test", "discrete"):
        return _flag(key, value)
    if key == "features":
        if isinstance(value, (str, bytes)) or not hasattr(value, "__iter__"):
            refuse(key, "a sequence of feature names, e.g. ('x1', 'x2')", value)
        value = tuple(value)
        for name in value:
            _choice(key, name, tuple(FEATURES))
        if not value:
            refuse(key, "at least one of " + ", ".join(FEATURES), "")
        return tuple(name for name in FEATURES if name in value)  # their canonical order
    if key == "points":
        from .own import check_points

        return () if isinstance(value, tuple) and not value else check_points(value)
    if key in ("hide", "lock"):
        if isinstance(value, (str, bytes)) or not hasattr(value, "__iter__"):
            refuse(key, "a sequence of control names, e.g. ('noise', 'optimiser')", value)
        value = tuple(value)
        for name in value:
            _choice(key, name, CONTROLS)
        return tuple(name for name in CONTROLS if name in value)  # their canonical order, once each
    if key == "hidden":
        if isinstance(value, (str, bytes)) or not hasattr(value, "__iter__"):
            refuse(key, "a sequence of layer widths, e.g. (4, 4)", value)
        low, high = LIMITS["width"]
        hidden = tuple(_integer(key + " widths", width, low, high) for width in value)
        if len(hidden) > LIMITS["layers"]:
            refuse(key, f"at most {LIMITS['layers']} layers", value)
        return hidden
    raise SettingsError(f"unknown key {key!r}; the keys are {', '.join(KEYS)}")
