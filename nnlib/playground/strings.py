"""The settings string, e.g. ``dataset=circles;features=x1sq,x2sq;hidden=none``: written and read back.

``parse_settings`` and ``format_settings`` turn a string into ``Settings`` and
back, exactly: each ``Settings`` has one string, its canonical form, and
``format_settings(parse_settings(text)) == text`` for every string that
``format_settings`` writes. That form writes numbers in Python's shortest exact form
without a trailing ``.0`` (``rate=0``, ``lr=0.03``), ``-0`` as 0, no hidden layer as
``hidden=none``, the features in FEATURES order, ``batch=full``, flags as 1/0.
Reading is forgiving about the rest: keys in any order, spaces, capitals, ``+5``,
keys left out (they take their defaults). Strings of the first playground still
parse: their key ``cross=1`` means the feature x1·x2 (``features=x1,x2,x1x2``).
"""

import re

from .own import compact, parse_compact
from .settings import CONTROLS, KEYS, LIMITS, Settings, SettingsError, check_value, number_words, refuse, shorten

TRUE_WORDS, FALSE_WORDS = ("1", "true", "on", "yes"), ("0", "false", "off", "no")
# Numbers as they may be typed: ASCII digits only (Python's int() and float() take "²", "٣" or "1_000" too).
# Written only when not empty (so that the strings of every earlier version stay canonical): classroom mode.
OPTIONAL = ("hide", "lock", "points")
# Control names in hide= and lock= may also be the labels the controls show, or the name of a group of
# controls (written back as their keys): hide=training hides every training control.
ALIASES = {"penalty": "reg", "activation": "act", "preset": "presets",
           "data": "dataset,n,noise,train,seed,points", "network": "features,hidden,act",
           "training": "lr,batch,optimiser,reg,rate,epochs", "view": "show_test,discrete"}
WHOLE = re.compile(r"[+-]?[0-9]+")
DECIMAL = re.compile(r"[+-]?([0-9]+\.?[0-9]*|\.[0-9]+)([eE][+-]?[0-9]+)?")


def format_value(key, value):
    """One value as it is written in a settings string (floats in Python's shortest exact form)."""
    if key == "hidden":
        return ",".join(map(str, value)) or "none"
    if key in ("features", "hide", "lock"):
        return ",".join(value) or "none"
    if key == "points":
        return compact(value) or "none"
    if key == "batch" and value is None:
        return "full"
    if isinstance(value, bool):
        return str(int(value))
    if isinstance(value, float):
        text = repr(value + 0.0)  # never -0.0
        return text[:-2] if text.endswith(".0") else text  # 1.0 is written 1
    return str(value)


def format_settings(settings):
    """The compact string of a ``Settings``: ``key=value`` pairs joined by ``;``, in a fixed order."""
    return ";".join(f"{key}={format_value(key, getattr(settings, key))}" for key in KEYS
                    if key not in OPTIONAL or getattr(settings, key))


def parse_value(key, text):
    """The value of field ``key`` written as ``text`` (as in a settings string or a text box), checked.

    Numbers are written with the digits 0-9 (a sign, a point and an exponent as in 1e-3 may come with
    them), so ``+5`` and ``-0`` mean 5 and 0 for every number. Raises SettingsError (a ValueError) with a
    message naming the key, the allowed values and what was given.
    """
    text = str(text).strip()
    if key in ("dataset", "act", "optimiser", "reg"):
        return check_value(key, text.lower())
    if key == "hidden":
        if text.lower() in ("none", "-"):
            return ()
        parts = [part.strip() for part in text.split(",")]
        if not all(WHOLE.fullmatch(part) for part in parts):
            refuse(key, "layer widths separated by commas, e.g. 4,4, or none for no hidden layer", text)
        return check_value(key, tuple(int(part) for part in parts))
    if key == "features":
        names = [part.strip().lower() for part in text.split(",") if part.strip()]
        return check_value(key, tuple(names) if names else ())
    if key == "points":
        return () if text.lower() in ("none", "") else parse_compact(text)
    if key in ("hide", "lock"):
        names = [part.strip().lower() for part in text.split(",") if part.strip()]
        if names == ["none"]:
            return ()
        names = [part for name in names for part in ALIASES.get(name, name).split(",")]
        if not names:
            refuse(key, f"control names separated by commas (any of {', '.join(CONTROLS)}), or none", text)
        return check_value(key, tuple(names))
    if key in ("show_test", "discrete"):
        if text.lower() in TRUE_WORDS + FALSE_WORDS:
            return text.lower() in TRUE_WORDS
        refuse(key, "1 or 0", text)
    if key == "batch" and text.lower() in ("full", "none", "all"):
        return None
    if key in ("n", "seed", "epochs", "batch"):
        if not WHOLE.fullmatch(text):
            low, high = LIMITS[key]
            refuse(key, f"a whole number from {low} to {high}" + (" or full" if key == "batch" else ""), text)
        return check_value(key, int(text))
    if key in ("noise", "train", "lr", "rate"):
        if not DECIMAL.fullmatch(text):
            refuse(key, number_words(*LIMITS[key], above=key == "lr"), text)
        return check_value(key, float(text))
    raise SettingsError(f"unknown key {key!r}; the keys are {', '.join(KEYS)}")


def parse_settings(text):
    """``Settings`` from a string such as ``"dataset=circles;hidden=8,8;lr=0.1"``.

    Pairs are separated by ``;`` (spaces and newlines around them are ignored), keys
    may come in any order, keys left out keep their defaults (an empty string gives
    the defaults). ``hidden`` is a comma-separated list of widths or ``none``;
    ``features`` a comma-separated list of FEATURES tokens; ``batch`` is ``full`` or a
    whole number; flags are 1/0. Raises SettingsError (a ValueError) naming the key
    for an unknown or repeated key, a missing ``=`` or a bad value, and for a string
    of separators only (``;;;``); TypeError if ``text`` is not a str.
    """
    return read_settings(text)[0]


def read_settings(text):
    """``(settings, notes)``: ``parse_settings(text)`` and what a person who pasted ``text`` should be told.

    ``notes`` (a list of sentences, often empty) names the keys the string left out,
    which took their defaults (and asks whether a string that stops after the first
    keys in their written order was cut short), and values that have no effect
    (``unused``).
    """
    if not isinstance(text, str):
        raise TypeError(f"settings must be a str like 'dataset=xor;hidden=4'; got {type(text).__name__}")
    found, cross, items = {}, None, [item.strip() for item in text.split(";")]
    if text.strip() and not any(items):
        raise SettingsError(f"settings: {shorten(text.strip())} holds no key=value pair (a settings string looks "
                            "like dataset=circles;hidden=8,8)")
    given = []  # the keys in the order they came
    for item in filter(None, items):
        key, sep, value = item.partition("=")
        key = key.strip().lower()
        if not sep:
            raise SettingsError(f"settings: {shorten(item)} is not a key=value pair (pairs are separated by ';')")
        if key in found or (key == "cross" and cross is not None):
            raise SettingsError(f"settings: key {key!r} is given twice")
        given.append(("features" if key == "cross" else key, item))
        if key == "cross":  # the first playground's x1·x2 switch
            cross = _old_cross(value)
            continue
        if key not in KEYS:
            raise SettingsError(f"settings: unknown key {shorten(key, 20)}; the keys are {', '.join(KEYS)}")
        try:
            found[key] = parse_value(key, value)
        except SettingsError as error:
            raise SettingsError(f"settings: {error}") from None
    if cross is not None:
        if "features" in found:
            raise SettingsError("settings: give features (e.g. features=x1,x2,x1x2) or the old cross=1, not both")
        found["features"] = ("x1", "x2", "x1x2") if cross else ("x1", "x2")
    settings, notes = Settings(**found), []
    missing = [key for key in KEYS if key not in found and key not in OPTIONAL]
    if given and missing:
        note = ("not in the string, so at their defaults: "
                + ", ".join(f"{key}={format_value(key, getattr(settings, key))}" for key in missing))
        if len(given) >= 2 and [key for key, _ in given] == list(KEYS[:len(given)]):
            note += f"; was the string cut short? Its last value, {shorten(given[-1][1], 30)}, may be cut too"
        notes.append(note)
    return settings, notes + list(unused(settings).values())


def _old_cross(text):
    text = text.strip().lower()
    if text not in TRUE_WORDS + FALSE_WORDS:
        raise SettingsError(f"settings: cross must be 1 or 0 (it means features=x1,x2,x1x2); got {shorten(text)}")
    return text in TRUE_WORDS


def unused(settings):
    """{key: note} for values that are allowed but have no effect (a penalty rate while the penalty is none,
    pasted points while another data set is chosen)."""
    notes = {}
    if settings.reg == "none" and settings.rate != 0:
        notes["rate"] = (f"rate={format_value('rate', settings.rate)} is not used while the penalty (reg) is none: "
                         "choose l1 or l2 for it to act")
    if settings.points and settings.dataset != "own":
        notes["points"] = (f"your {len(settings.points)} points are not used while the data set is "
                           f"{settings.dataset}: choose own for them")
    return notes
