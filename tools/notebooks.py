"""Keep the notebooks' shared cells in step, and execute the notebooks in place.

    python tools/notebooks.py stamp   notebooks/*.ipynb   # badge and setup cell only
    python tools/notebooks.py execute notebooks/*.ipynb   # stamp, run top to bottom, save
    python tools/notebooks.py check   notebooks/*.ipynb   # exit 1 if a stamp is out of date

Every notebook opens with two generated cells, found by their tag: a Colab badge
("colab-badge") and a setup cell ("setup") that installs nnlib when the notebook
runs in Colab and does nothing locally. Both are made from the repository URL in
pyproject.toml, the one place it is kept. Markdown cells that show
``attachment:NAME.png`` get the current img/NAME.png attached. After running, every Plotly output gets a
JPEG twin, so that viewers without JavaScript (GitHub's) show a picture, not a blank. Every cell's slide
mark (tools/slide_marks.py) is written too.
"""

import base64
import copy
import os
import re
import shutil
import sys
import tempfile
import time
from pathlib import Path

import nbformat
from nbclient import NotebookClient

sys.path.insert(0, str(Path(__file__).resolve().parent))
from slide_marks import mark  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
PLOTLY_MIME = "application/vnd.plotly.v1+json"
# The size of a static twin whose figure fills its container: an 800 px notebook column.
STATIC_WIDTH, STATIC_HEIGHT = 800, 500


def repository_url():
    text = (ROOT / "pyproject.toml").read_text()
    return re.search(r'^Repository\s*=\s*"([^"]+)"', text, re.MULTILINE).group(1)


def badge_source(notebook_path):
    repo = repository_url().removeprefix("https://github.com/")
    url = f"https://colab.research.google.com/github/{repo}/blob/main/notebooks/{Path(notebook_path).name}"
    image = "https://colab.research.google.com/assets/colab-badge.svg"
    return f'<a href="{url}" target="_parent"><img src="{image}" alt="Open In Colab"/></a>'


def setup_source():
    return f'''# Setup. In Colab this installs nnlib from the course repository; locally `make lab` already did.
import subprocess
import sys

REPOSITORY = "{repository_url()}"
if "google.colab" in sys.modules:
    package = f"nnlib[notebooks] @ git+{{REPOSITORY}}"
    subprocess.run([sys.executable, "-m", "pip", "install", "--quiet", package], check=True)'''


def embed_diagrams(nb):
    """Attach the current img/NAME.png to every markdown cell that shows ``attachment:NAME.png``.

    An attachment travels inside the notebook, so the diagram shows in JupyterLab,
    Colab and the website alike; img/draw.py stays the one source of the pictures.
    """
    for cell in nb.cells:
        if cell.cell_type != "markdown":
            continue
        names = re.findall(r"attachment:([\w.-]+\.png)", cell.source)
        if names:
            cell["attachments"] = {name: {"image/png": base64.b64encode((ROOT / "img" / name).read_bytes()).decode()}
                                   for name in names}
    return nb


def _tagged(nb, tag):
    return [i for i, cell in enumerate(nb.cells) if tag in cell.metadata.get("tags", [])]


def stamp(nb, path):
    """Put the badge first and the setup cell right after the title cell (creating them if missing)."""
    for tag, make, position in (("colab-badge", lambda: nbformat.v4.new_markdown_cell(badge_source(path)), 0),
                                ("setup", lambda: nbformat.v4.new_code_cell(setup_source()), None)):
        found = _tagged(nb, tag)
        if found:
            cell = nb.cells[found[0]]
        else:
            cell = make()
            cell.metadata["tags"] = [tag]
            # The setup cell goes after the badge and the title/goals markdown that follows it.
            if position is None:
                position = 1
                while position < len(nb.cells) and nb.cells[position].cell_type == "markdown":
                    position += 1
            nb.cells.insert(position, cell)
        cell.source = badge_source(path) if tag == "colab-badge" else setup_source()
    mark(nb)  # the slides' structure (tools/slide_marks.py), from the outputs the notebook has
    return embed_diagrams(nb)


def clean_metadata(nb):
    """Drop what changes from run to run (timings, widget state), so diffs show only real changes."""
    nb.metadata.pop("widgets", None)
    for cell in nb.cells:
        cell.metadata.pop("execution", None)
        if "id" in cell and not re.fullmatch(r"[a-z0-9-]{1,64}", cell.id):
            del cell["id"]
    return nb


def static_version(spec):
    """A Plotly figure spec as a still: an animation shows its last frame, without buttons or slider."""
    spec = copy.deepcopy(spec)
    frames = spec.pop("frames", None) or []
    if frames:
        last = frames[-1]
        indices = last.get("traces", range(len(last.get("data", []))))
        for index, trace in zip(indices, last.get("data", [])):
            spec["data"][index] = {**spec["data"][index], **trace}
        spec["layout"] = {**spec.get("layout", {}), **last.get("layout", {})}
        spec["layout"].pop("updatemenus", None)
        spec["layout"].pop("sliders", None)
    return spec


def add_static_pictures(nb):
    """Give every Plotly output a JPEG twin, which viewers without JavaScript (GitHub's) show instead.

    JupyterLab prefers the interactive Plotly output; nbval does not compare images.
    JPEG, because a heat map as PNG is five times larger and notebooks stay under 2 MB.
    The pictures are drawn by kaleido with the system's Chromium.
    """
    outputs = [out for cell in nb.cells if cell.cell_type == "code" for out in cell.get("outputs", [])
               if PLOTLY_MIME in out.get("data", {})]
    if not outputs:
        return
    browser = os.environ.get("BROWSER_PATH") or shutil.which("chromium") or shutil.which("chromium-browser")
    if not browser:
        sys.exit("make execute draws static pictures of Plotly figures with Chromium: "
                 "install it (Debian: apt-get install chromium) or set BROWSER_PATH")
    os.environ["BROWSER_PATH"] = browser
    import plotly.graph_objects as go
    import plotly.io as pio

    with tempfile.TemporaryDirectory() as folder:
        figures = [go.Figure(static_version(out["data"][PLOTLY_MIME])) for out in outputs]
        files = [Path(folder) / f"figure{i}.jpg" for i in range(len(figures))]
        # nnlib's figures fill their container (no layout width): the still is drawn at the width of the
        # notebook column they are designed for, at their own height. write_images would use 700×500.
        widths = [fig.layout.width or STATIC_WIDTH for fig in figures]
        heights = [fig.layout.height or STATIC_HEIGHT for fig in figures]
        pio.write_images(figures, files, format="jpg", width=widths, height=heights)
        for out, file in zip(outputs, files):
            out["data"].pop("image/png", None)
            out["data"]["image/jpeg"] = base64.b64encode(file.read_bytes()).decode("ascii")


def execute(path):
    nb = stamp(nbformat.read(path, as_version=4), path)
    start = time.perf_counter()
    NotebookClient(nb, timeout=600, kernel_name="python3", resources={"metadata": {"path": str(Path(path).parent)}},
                   record_timing=False).execute()
    seconds = time.perf_counter() - start
    add_static_pictures(nb)
    mark(nb)  # again: the new outputs decide which cells show figures
    nbformat.write(clean_metadata(nb), path)
    size = Path(path).stat().st_size / 1e6
    print(f"{path}: executed in {seconds:.1f} s, {size:.2f} MB")
    if size > 2:
        print(f"  warning: {path} is over 2 MB; shrink its Plotly figures (fewer frames, coarser grid, float32)")


def main(argv):
    if len(argv) < 2 or argv[0] not in ("stamp", "execute", "check"):
        sys.exit(__doc__)
    command, paths = argv[0], argv[1:]
    stale = []
    for path in paths:
        if command == "execute":
            execute(path)
            continue
        nb = nbformat.read(path, as_version=4)
        before = nbformat.writes(nb)
        after = nbformat.writes(stamp(nb, path))
        if command == "stamp":
            nbformat.write(nb, path)
        elif before != after:
            stale.append(path)
    if stale:
        sys.exit("out of date (run `make execute`): " + ", ".join(stale))


if __name__ == "__main__":
    main(sys.argv[1:])
