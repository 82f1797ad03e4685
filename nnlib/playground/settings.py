"""The playground's settings and their string form, e.g. ``dataset=circles;features=x1sq,x2sq;hidden=none``.

``parse_settings`` and ``format_settings`` turn a string into ``Settings`` and
back, exactly: ``format_settings(parse_settings(text)) == text`` for every string
that ``format_settings`` writes. Keys may come in any order and may be left out
(they take their defaults). Strings of the first playground still parse: their
key ``cross=1`` means the feature x1·x2 (``features=x1,x2,x1x2``).

Every value is checked here, in one place, with a message that names the key and
the allowed values; the widgets show the same messages beside their controls.
"""

import dataclasses

import numpy as np

DATASETS = ("xor", "and", "or", "implies", "threshold", "circles", "moons", "blobs", "spiral", "spiral3")
# The network's inputs, computed from the point (x1, x2): the key's token and what it is.
FEATURES = {"x1": "x₁", "x2": "x₂", "x1sq": "x₁²", "x2sq": "x₂²", "x1x2": "x₁x₂",
            "sinx1": "sin x₁", "sinx2": "sin x₂"}
ACTIVATIONS = ("tanh", "sigmoid", "relu", "leaky_relu", "identity")
OPTIMISERS = ("sgd", "momentum", "adam")
REGULARISERS = ("none", "l1", "l2")
# Ranges: (lowest, highest); lr must be above its lowest, the others may equal it.
LIMITS = {"n": (40, 2000), "noise": (0.0, 1.0), "train": (0.1, 0.9), "seed": (0, 2**32 - 1), "layers": 6,
          "width": (1, 64), "lr": (0.0, 100.0), "batch": (1, 2000), "rate": (0.0, 10.0), "epochs": (1, 100_000)}
TRUE_WORDS, FALSE_WORDS = ("1", "true", "on", "yes"), ("0", "false", "off", "no")


def shorten(text, limit=40):
    """``text`` for an error message: a long pasted string is cut, with its length said."""
    text = str(text)
    return repr(text) if len(text) <= limit else f"{text[:limit]!r}… ({len(text)} characters)"


def _fail(key, expected, got):
    raise ValueError(f"{key} must be {expected}; got {shorten(got) if isinstance(got, str) else repr(got)}")


def _integer(key, value, low, high):
    if isinstance(value, bool) or not isinstance(value, (int, np.integer)) or not low <= value <= high:
        _fail(key, f"a whole number from {low} to {high}", value)
    return int(value)


def _number(key, value, low, high, above=False):
    ok = isinstance(value, (int, float, np.integer, np.floating)) and not isinstance(value, bool)
    if not ok or not np.isfinite(value) or not (low < value if above else low <= value) or value > high:
        _fail(key, f"a number {'above' if above else 'from'} {low:g} {'and at most' if above else 'to'} {high:g}",
              value)
    return float(value)


def _choice(key, value, options):
    if value not in options:
        _fail(key, f"one of {', '.join(options)}", value)
    return value


def _flag(key, value):
    if not isinstance(value, (bool, np.bool_)):
        _fail(key, "True or False (1 or 0 in a settings string)", value)
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

    def __post_init__(self):
        for key in KEYS:  # the dataclass is frozen: normalise the types once, here
            object.__setattr__(self, key, check_value(key, getattr(self, key)))

    def __str__(self):
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
        return 3 if self.dataset == "spiral3" else 2


KEYS = tuple(field.name for field in dataclasses.fields(Settings))


def check_value(key, value):
    """``value`` checked for the field ``key`` (and normalised: tuples, floats, bools); ValueError if out of range."""
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
            _fail(key, "a sequence of feature names, e.g. ('x1', 'x2')", value)
        value = tuple(value)
        for name in value:
            _choice(key, name, tuple(FEATURES))
        if not value:
            _fail(key, "at least one of " + ", ".join(FEATURES), "none")
        return tuple(name for name in FEATURES if name in value)  # their canonical order
    if key == "hidden":
        if isinstance(value, (str, bytes)) or not hasattr(value, "__iter__"):
            _fail(key, "a sequence of layer widths, e.g. (4, 4)", value)
        low, high = LIMITS["width"]
        hidden = tuple(_integer(key + " widths", width, low, high) for width in value)
        if len(hidden) > LIMITS["layers"]:
            _fail(key, f"at most {LIMITS['layers']} layers", value)
        return hidden
    raise ValueError(f"unknown key {key!r}; the keys are {', '.join(KEYS)}")


# -- the string form --------------------------------------------------------------------


def format_value(key, value):
    """One value as it is written in a settings string (floats in Python's shortest exact form)."""
    if key == "hidden":
        return ",".join(map(str, value)) or "none"
    if key == "features":
        return ",".join(value)
    if key == "batch" and value is None:
        return "full"
    if isinstance(value, bool):
        return str(int(value))
    if isinstance(value, float):
        return repr(value)
    return str(value)


def format_settings(settings):
    """The compact string of a ``Settings``: ``key=value`` pairs joined by ``;``, in a fixed order."""
    return ";".join(f"{key}={format_value(key, getattr(settings, key))}" for key in KEYS)


def parse_value(key, text):
    """The value of field ``key`` written as ``text`` (as in a settings string or a text box), checked.

    Raises ValueError with a message naming the key, the allowed values and what was given.
    """
    text = str(text).strip()
    if key in ("dataset", "act", "optimiser", "reg"):
        return check_value(key, text.lower())
    if key == "hidden":
        if text.lower() in ("", "none", "-"):
            return ()
        parts = [part.strip() for part in text.split(",")]
        if not all(part.isdigit() for part in parts):
            _fail(key, "layer widths separated by commas, e.g. 4,4 (or none)", text)
        return check_value(key, tuple(int(part) for part in parts))
    if key == "features":
        names = [part.strip().lower() for part in text.split(",") if part.strip()]
        return check_value(key, tuple(names) if names else ())
    if key in ("show_test", "discrete"):
        if text.lower() in TRUE_WORDS + FALSE_WORDS:
            return text.lower() in TRUE_WORDS
        _fail(key, "1 or 0", text)
    if key == "batch" and text.lower() in ("full", "none", "all"):
        return None
    if key in ("n", "seed", "epochs", "batch"):
        if not text.isdigit():
            low, high = LIMITS[key]
            _fail(key, f"a whole number from {low} to {high}" + (" or full" if key == "batch" else ""), text)
        return check_value(key, int(text))
    if key in ("noise", "train", "lr", "rate"):
        try:
            number = float(text)
        except ValueError:
            number = None
        if number is None:
            low, high = LIMITS[key]
            _fail(key, f"a number {'above' if key == 'lr' else 'from'} {low:g} to {high:g}", text)
        return check_value(key, number)
    raise ValueError(f"unknown key {key!r}; the keys are {', '.join(KEYS)}")


def parse_settings(text):
    """``Settings`` from a string such as ``"dataset=circles;hidden=8,8;lr=0.1"``.

    Pairs are separated by ``;`` (spaces and newlines around them are ignored), keys
    may come in any order, keys left out keep their defaults. ``hidden`` is a
    comma-separated list of widths or ``none``; ``features`` a comma-separated list
    of FEATURES tokens; ``batch`` is ``full`` or a whole number; flags are 1/0.
    Raises ValueError naming the key for an unknown or repeated key, a missing
    ``=`` or a bad value; TypeError if ``text`` is not a str.
    """
    if not isinstance(text, str):
        raise TypeError(f"settings must be a str like 'dataset=xor;hidden=4'; got {type(text).__name__}")
    found, cross = {}, None
    for item in text.split(";"):
        item = item.strip()
        if not item:
            continue
        key, sep, value = item.partition("=")
        key = key.strip().lower()
        if not sep:
            raise ValueError(f"settings: {shorten(item)} is not a key=value pair (pairs are separated by ';')")
        if key in found or (key == "cross" and cross is not None):
            raise ValueError(f"settings: key {key!r} is given twice")
        if key == "cross":  # the first playground's x1·x2 switch
            cross = _old_cross(value)
            continue
        if key not in KEYS:
            raise ValueError(f"settings: unknown key {shorten(key, 20)}; the keys are {', '.join(KEYS)}")
        try:
            found[key] = parse_value(key, value)
        except ValueError as error:
            raise ValueError(f"settings: {error}") from None
    if cross is not None:
        if "features" in found:
            raise ValueError("settings: give features (e.g. features=x1,x2,x1x2) or the old cross=1, not both")
        found["features"] = ("x1", "x2", "x1x2") if cross else ("x1", "x2")
    return Settings(**found)


def _old_cross(text):
    text = text.strip().lower()
    if text not in TRUE_WORDS + FALSE_WORDS:
        raise ValueError(f"settings: cross must be 1 or 0 (it means features=x1,x2,x1x2); got {shorten(text)}")
    return text in TRUE_WORDS
