"""Your own data: points pasted as text (x1, x2, class per line, or x1, x2, value), checked line by line.

``read_points`` turns pasted text into a tuple of (x1, x2, target) triples, or
raises SettingsError naming the first bad line and what is wrong with it.
``compact`` and ``parse_compact`` write and read the points in a settings string
(``points=0.5,1.2,1/-0.3,0.4,0``: a point's three numbers joined by commas, points by
slashes, each number in Python's shortest exact form, so the string gives back the
very same points). ``as_lines`` writes them back as pasted. The third column decides
what the network learns: only 0 and 1, two classes; 0, 1 and 2, three classes;
any other number, regression.
"""

import re

from .settings import LIMITS, SettingsError, refuse, shorten

NUMBER = re.compile(r"[+-]?([0-9]+\.?[0-9]*|\.[0-9]+)([eE][+-]?[0-9]+)?")
SEPARATOR = re.compile(r"[,;\s]+")  # commas, semicolons, spaces or tabs between a line's numbers
EXAMPLE = "0.5, 1.2, 1 (a line) and -0.3, 0.4, 0 (the next)"


def _number(text):
    text = text.replace("−", "-")  # a typographic minus, as text copied from a page may have
    return float(text) + 0.0 if NUMBER.fullmatch(text) else None


def check_points(points, lines=None):
    """``points`` as a tuple of float triples, checked: how many, finite, within the plane; SettingsError if not.

    ``lines``: the line each point was pasted on, to name it in a message (else "point 4").
    """
    low, high = LIMITS["n"][0] // 4, LIMITS["n"][1]
    side = LIMITS["side"]
    try:
        points = tuple((float(a) + 0.0, float(b) + 0.0, float(t) + 0.0) for a, b, t in points)
    except (TypeError, ValueError):
        refuse("points", "a sequence of (x1, x2, class or value) triples of numbers", points)
    if not low <= len(points) <= high:
        raise SettingsError(f"points: give from {low} to {high} points, so that training and test both get "
                            f"some; got {len(points)}")
    for i, (a, b, t) in enumerate(points):
        if not all(abs(v) <= side for v in (a, b)) or not abs(t) <= 1e6:
            where = f"point {i + 1}" if lines is None else f"line {lines[i]}"
            raise SettingsError(f"points: {where}, ({a:g}, {b:g}, {t:g}), must have x1 and x2 from {-side:g} to "
                                f"{side:g} and a class or value from -1e6 to 1e6")
    return points


def read_points(text):
    """The points in pasted ``text``: one point per line, x1, x2 and a class (0, 1, 2) or a value.

    Numbers are separated by commas, semicolons, spaces or tabs; empty lines and lines
    starting with # are skipped, and so is a first line without numbers (a header such
    as "x1,x2,class"). Raises SettingsError naming the first bad line.
    """
    if not isinstance(text, str):
        raise TypeError(f"points must be given as text; got {type(text).__name__}")
    points, lines, seen_data = [], [], False
    for number, line in enumerate(text.splitlines(), 1):
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        fields = [field for field in SEPARATOR.split(line) if field]
        values = [_number(field) for field in fields]
        if not seen_data and all(value is None for value in values):
            seen_data = True  # a header line
            continue
        seen_data = True
        if len(values) != 3 or None in values:
            bad = next((field for field, value in zip(fields, values) if value is None), None)
            why = f"{shorten(bad, 20)} is not a number" if bad is not None else f"it holds {len(values)} numbers"
            raise SettingsError(f"points: line {number}, {shorten(line)}, must be three numbers: x1, x2 and a class "
                                f"(0, 1, 2) or a value; {why}")
        points.append(tuple(values))
        lines.append(number)
    if not points:
        raise SettingsError("points: no points pasted; write one per line x1, x2 and a class, e.g. " + EXAMPLE)
    return check_points(points, lines)


def _write(value):
    text = repr(float(value) + 0.0)
    return text[:-2] if text.endswith(".0") else text


def compact(points):
    """The points as a settings string writes them: ``0.5,1.2,1/-0.3,0.4,0``."""
    return "/".join(",".join(_write(v) for v in point) for point in points)


def parse_compact(text):
    """Points from their compact form (``compact``); SettingsError naming the point that is not three numbers."""
    points = []
    for i, part in enumerate(text.strip().split("/"), 1):
        values = [_number(field.strip()) for field in part.split(",")]
        if len(values) != 3 or None in values:
            raise SettingsError(f"points: point {i}, {shorten(part, 30)}, must be three numbers x1,x2,class "
                                "(points are separated by /)")
        points.append(tuple(values))
    return check_points(points)


def as_lines(points):
    """The points as they are pasted: one "x1, x2, target" line each."""
    return "\n".join(", ".join(_write(v) for v in point) for point in points)


def kind(points):
    """How many classes the points' third column holds (2 or 3), or 0 for regression (any other number)."""
    targets = {t for _, _, t in points}
    if targets <= {0.0, 1.0}:
        return 2
    return 3 if targets <= {0.0, 1.0, 2.0} else 0
