"""Draw nnlib's layers from its import graph (``make img``): img/nnlib_layers.svg, shown in the README.

Nothing in the picture is typed in by hand: the modules, the arrows between the parts and the libraries
each part uses all come from the imports that grimp (import-linter's engine) finds in the source, so the
picture cannot drift from the code; tests/test_layering.py redraws it and compares. An arrow points from
the part that imports to the part it uses; an arrow that points up (a lower layer using a higher one)
breaks a contract of ``make lint`` and is drawn red.

The SVG is written by hand, not by a plotting library: the file is the same on every machine.
"""

import html
import sys
from pathlib import Path

import grimp

HERE = Path(__file__).resolve().parent
OUTPUT = HERE / "nnlib_layers.svg"

# The parts, top layer first; a part in a later row never imports one in an earlier row.
ROWS = [["exercises"], ["playground"], ["plot", "symbolic", "diagnostics"]]
WHAT = {"exercises": "the tutor: check, hints, one answer key per chapter",
        "playground": "the interactive playground (notebook 14)",
        "plot": "every figure", "diagnostics": "looking inside a network", "symbolic": "SymPy derivations",
        "core": "the core a student reads beside the chapters: nnlib's top level"}
LIBRARIES = ("numpy", "tqdm", "sympy", "plotly", "matplotlib", "ipywidgets", "IPython")

WIDTH, BOX_H, GAP, MARGIN = 760, 66, 32, 10
CHANNEL = 90   # a lane on the right for arrows that skip a layer, so none passes behind a box
CHIP_W, CHIP_H, CHIP_GAP = 112, 30, 14
INK, MUTED, WRONG = "#222222", "#666666", "#D55E00"
FILL = {"exercises": "#F2F2F2", "playground": "#E8F0F8", "plot": "#FDF1E3", "diagnostics": "#EAF5EA",
        "symbolic": "#F3EAF6", "core": "#FFFFFF"}


def part_of(module):
    """'core' for nnlib's top-level modules, the subpackage's name for the rest (None for nnlib itself)."""
    names = module.split(".")
    if len(names) == 1:
        return None
    return names[1] if names[1] in {p for row in ROWS for p in row} else "core"


def import_graph():
    """(core modules, {(part, part)}, {(core, core)}, {part: libraries}) from nnlib's imports."""
    graph = grimp.build_graph("nnlib", include_external_packages=True)
    core = sorted(m.split(".")[1] for m in graph.modules if m.startswith("nnlib.") and part_of(m) == "core")
    between, inside, libraries = set(), set(), {}
    for module in graph.modules:
        source = part_of(module) if module.startswith("nnlib") else None
        if source is None:
            continue
        for target in graph.find_modules_directly_imported_by(module):
            if target.startswith("nnlib"):
                to = part_of(target)
                if to is None:
                    continue
                if to != source:
                    between.add((source, to))
                elif to == "core" and module != target:
                    inside.add((module.split(".")[1], target.split(".")[1]))
            elif target in LIBRARIES:
                libraries.setdefault(source, set()).add(target)
    return core, between, inside, libraries


def depths(core, inside):
    """Each core module's level: 0 if it imports no other core module, else one above the highest it imports."""
    level = {}

    def depth(name):
        if name not in level:
            level[name] = 1 + max((depth(b) for a, b in inside if a == name), default=-1)
        return level[name]

    for name in core:
        depth(name)
    return level


def text(x, y, content, size=13, anchor="middle", colour=INK, weight="normal"):
    return (f'<text x="{x:.1f}" y="{y:.1f}" font-size="{size}" text-anchor="{anchor}" fill="{colour}" '
            f'font-weight="{weight}">{html.escape(content)}</text>')


def box(x, y, w, h, fill, rounded=6):
    return (f'<rect x="{x:.1f}" y="{y:.1f}" width="{w:.1f}" height="{h:.1f}" rx="{rounded}" fill="{fill}" '
            f'stroke="{INK}" stroke-width="1.2"/>')


def arrow(*points, colour=MUTED, width=1.4):
    """A line through ``points`` with an arrow head at the last one."""
    marker = "wrong" if colour == WRONG else "head"
    path = " ".join(f"{x:.1f},{y:.1f}" for x, y in points)
    return (f'<polyline points="{path}" fill="none" stroke="{colour}" stroke-width="{width}" '
            f'marker-end="url(#{marker})"/>')


def route(source, target, places, lane):
    """The points of an arrow from one part's box to another's: straight down to the next layer, or
    along lane number ``lane`` of the channel on the right when it skips a layer."""
    sx, sy, sw, sh = places[source]
    tx, ty, tw, th = places[target]
    if ty < sy:  # upwards: a broken contract, drawn straight
        return [(sx + sw / 2, sy), (tx + tw / 2, ty + th)]
    if ty - (sy + sh) <= GAP:  # the next layer down
        lo, hi = max(sx, tx), min(sx + sw, tx + tw)
        x = (lo + hi) / 2 if lo < hi else tx + tw / 2
        return [(x, sy + sh), (x, ty)]
    x = WIDTH - MARGIN - CHANNEL + 18 + 26 * lane
    y = sy + sh / 2 + 8 * lane
    if target == "core":
        return [(sx + sw, y), (x, y), (x, ty)]
    return [(sx + sw, y), (x, y), (x, ty + th / 2), (tx + tw, ty + th / 2)]


def draw():
    """The SVG text of the picture."""
    core, between, inside, libraries = import_graph()
    level = depths(core, inside)
    places, items = {}, []

    y = MARGIN + 24
    for row in ROWS:  # the parts above the core, centred in their row
        w = (WIDTH - 2 * MARGIN - CHANNEL - GAP * (len(row) - 1)) / len(row)
        for i, part in enumerate(row):
            x = MARGIN + i * (w + GAP)
            places[part] = (x, y, w, BOX_H)
        y += BOX_H + GAP

    top_level = max(level.values())
    core_h = 62 + (top_level + 1) * (CHIP_H + CHIP_GAP)
    places["core"] = (MARGIN, y, WIDTH - 2 * MARGIN, core_h)
    height = y + core_h + MARGIN

    lane = 0
    for source, target in sorted(between):  # arrows between parts
        points = route(source, target, places, lane)
        lane += len(points) > 2
        upwards = points[-1][1] < points[0][1]
        items.append(arrow(*points, colour=WRONG if upwards else MUTED))

    for part, (x, y0, w, h) in places.items():
        items.append(box(x, y0, w, h, FILL[part]))
        label = "nnlib (the core)" if part == "core" else f"{part}/"
        items.append(text(x + 10, y0 + 20, label, 14, "start", weight="bold"))
        items.append(text(x + 10, y0 + 38, WHAT[part], 11.5, "start", MUTED))
        used = ", ".join(sorted(libraries.get(part, ()), key=str.lower)) or "nothing outside nnlib"
        if part == "core":
            items.append(text(x + w - 10, y0 + 20, f"uses: {used}", 11.5, "end", MUTED))
        else:
            items.append(text(x + 10, y0 + 56, f"uses: {used}", 11, "start", MUTED))

    # The core's modules, one chip each, in rows by level: a module sits above those it imports.
    cx, cy, cw, ch = places["core"]
    chips = {}
    for lvl in range(top_level + 1):
        names = [n for n in core if level[n] == lvl]
        row_w = len(names) * CHIP_W + (len(names) - 1) * CHIP_GAP
        for i, name in enumerate(names):
            x = cx + (cw - row_w) / 2 + i * (CHIP_W + CHIP_GAP)
            chips[name] = (x, cy + ch - 10 - (lvl + 1) * CHIP_H - lvl * CHIP_GAP)
    for a, b in sorted(inside):
        (ax, ay), (bx, by) = chips[a], chips[b]
        items.append(arrow((ax + CHIP_W / 2, ay + CHIP_H), (bx + CHIP_W / 2, by), colour="#AAAAAA", width=1.0))
    for name, (x, y0) in chips.items():
        items.append(box(x, y0, CHIP_W, CHIP_H, "#F7F7F7", 4))
        items.append(text(x + CHIP_W / 2, y0 + 20, f"{name}.py", 12))

    defs = "".join(f'<marker id="{mid}" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="7" markerHeight="7" '
                   f'orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" fill="{colour}"/></marker>'
                   for mid, colour in (("head", MUTED), ("wrong", WRONG)))
    title = text(MARGIN, MARGIN + 8, "nnlib's layers: an arrow points from the part that imports to the part it uses",
                 12, "start", MUTED)
    return (f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {height:.0f}" width="{WIDTH}" '
            f'height="{height:.0f}" font-family="DejaVu Sans, Helvetica, Arial, sans-serif">\n'
            f"<defs>{defs}</defs>\n" + "\n".join([title, *items]) + "\n</svg>\n")


def main():
    OUTPUT.write_text(draw(), encoding="utf-8")
    print(f"img/{OUTPUT.name}")


if __name__ == "__main__":
    sys.exit(main())
