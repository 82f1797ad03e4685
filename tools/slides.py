"""Each chapter as reveal.js slides for live teaching (``make slides``).

    python tools/slides.py [OUTPUT_DIR]

The slide structure is kept in the notebooks' own cell metadata, marked by the rule in
tools/slide_marks.py; an instructor overrides it for one cell with a tag ("slide", "subslide",
"fragment", "skip": View → Cell Toolbar → Tags in JupyterLab). The slides are written beside the site's
pages (NN_name.slides.html) and use its assets: reveal.js (from npm), plotly.js and MathJax, so they
work offline.
"""

import shutil
import sys
from pathlib import Path

import nbformat
from nbconvert import SlidesExporter

sys.path.insert(0, str(Path(__file__).resolve().parent))
from slide_marks import mark  # noqa: E402
from website import NOTEBOOKS, NPM, ROOT, TEMPLATE, plotly_to_html, prepare  # noqa: E402

REVEAL = NPM / "reveal.js"


def copy_reveal(out):
    if not (REVEAL / "dist" / "reveal.js").exists():
        sys.exit(f"{REVEAL} is missing: run `make slides`, which installs it from npm")
    target = out / "assets" / "reveal.js"
    for part in ("dist", "plugin"):
        shutil.copytree(REVEAL / part, target / part, dirs_exist_ok=True)


def build(out):
    copy_reveal(out)
    exporter = SlidesExporter(template_name="slides_template", extra_template_basedirs=[str(TEMPLATE.parent)],
                              reveal_url_prefix="assets/reveal.js", reveal_theme="white")
    for path in sorted(NOTEBOOKS.glob("[0-9][0-9]_*.ipynb")):
        nb = nbformat.read(path, as_version=4)
        slides = mark(nb)  # the rule's marks (the same as the committed ones once make execute ran)
        prepare(nb)
        plotly_to_html(nb)
        body, _ = exporter.from_notebook_node(nb, resources={"metadata": {"name": path.stem},
                                                             "chapter_page": f"{path.stem}.html"})
        (out / f"{path.stem}.slides.html").write_text(body, encoding="utf-8")
        print(f"{path.name} -> {path.stem}.slides.html ({slides} slides)")


if __name__ == "__main__":
    build(Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "site")
