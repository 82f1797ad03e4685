"""Build the series as a static website in site/ (``make html``).

    python tools/site.py [OUTPUT_DIR]

An index page lists the notebooks in order, with the one-line descriptions of
the README's curriculum table; every notebook becomes a page. The site works
offline: plotly.js (from the plotly package) and MathJax (from npm, see the
Makefile) are copied in once, under assets/, and no page fetches anything from
the internet: Plotly outputs become <div>s drawn by the local plotly.js, the
Colab badge (an image on Google's server) becomes a plain link.
"""

import html
import re
import shutil
import sys
from pathlib import Path

import nbformat
import plotly
import plotly.io as pio
from nbconvert import HTMLExporter

ROOT = Path(__file__).resolve().parent.parent
NOTEBOOKS = ROOT / "notebooks"
TEMPLATE = Path(__file__).resolve().parent / "site_template"
MATHJAX = ROOT / "build" / "npm" / "node_modules" / "mathjax" / "es5"
PLOTLY_MIME = "application/vnd.plotly.v1+json"


def descriptions():
    """{notebook stem: one line}, from the README's curriculum table."""
    rows = re.findall(r"^\|\s*\[(\w+)\]\([^)]*\)\s*\|\s*(.+?)\s*\|\s*$", (ROOT / "README.md").read_text(), re.M)
    return dict(rows)


def title_of(nb, fallback):
    for cell in nb.cells:
        if cell.cell_type == "markdown":
            match = re.search(r"^#\s+(.+)$", cell.source, re.M)
            if match:
                return match.group(1).strip()
    return fallback


def colab_link(cell):
    """The badge cell as a text link: a link fetches nothing until it is clicked."""
    url = re.search(r'href="([^"]+)"', cell.source).group(1)
    cell.source = f'<a href="{url}">Open this notebook in Colab</a>'


def plotly_to_html(nb):
    """Replace every Plotly output by a <div> drawn by the site's own plotly.js."""
    count = 0
    for cell in nb.cells:
        for output in cell.get("outputs", []):
            spec = output.get("data", {}).get(PLOTLY_MIME)
            if spec is None:
                continue
            count += 1
            div = pio.to_html(spec, include_plotlyjs=False, full_html=False, auto_play=False, validate=False,
                              div_id=f"figure-{count}", config={"responsive": True})
            output["data"] = {"text/html": div}
    return count


def build(out):
    out.mkdir(parents=True, exist_ok=True)
    assets = out / "assets"
    assets.mkdir(exist_ok=True)
    shutil.copy(Path(plotly.__file__).parent / "package_data" / "plotly.min.js", assets / "plotly.min.js")
    if not (MATHJAX / "tex-chtml-full.js").exists():
        sys.exit(f"MathJax is missing ({MATHJAX}): run `make html`, which installs it from npm")
    shutil.copytree(MATHJAX, assets / "mathjax", dirs_exist_ok=True)
    if (ROOT / "img").is_dir():
        shutil.copytree(ROOT / "img", out / "img", dirs_exist_ok=True)

    exporter = HTMLExporter(template_name=TEMPLATE.name, extra_template_basedirs=[str(TEMPLATE.parent)])
    paths = sorted(NOTEBOOKS.glob("[0-9][0-9]_*.ipynb"))
    lines = descriptions()
    entries = []
    for i, path in enumerate(paths):
        nb = nbformat.read(path, as_version=4)
        for cell in nb.cells:
            if "colab-badge" in cell.metadata.get("tags", []):
                colab_link(cell)
            if cell.cell_type == "markdown":  # links between notebooks point at their pages
                cell.source = re.sub(r"\(([0-9]{2}_\w+)\.ipynb\)", r"(\1.html)", cell.source)
                cell.source = cell.source.replace("](../img/", "](img/").replace('src="../img/', 'src="img/')
        figures = plotly_to_html(nb)
        title = title_of(nb, path.stem)
        links = ['<a href="index.html">All notebooks</a>']
        if i > 0:
            links.append(f'<a href="{paths[i - 1].stem}.html">← {paths[i - 1].stem}</a>')
        if i + 1 < len(paths):
            links.append(f'<a href="{paths[i + 1].stem}.html">{paths[i + 1].stem} →</a>')
        body, _ = exporter.from_notebook_node(nb, resources={"metadata": {"name": title},
                                                             "series_nav": " ".join(links)})
        (out / f"{path.stem}.html").write_text(body, encoding="utf-8")
        entries.append((path.stem, title, lines.get(path.stem, "")))
        print(f"{path.name} -> {path.stem}.html ({figures} Plotly figures)")

    items = "\n".join(f'  <li><a href="{stem}.html">{html.escape(title)}</a><br><span>{html.escape(line)}</span></li>'
                      for stem, title, line in entries)
    (out / "index.html").write_text(f"""<!DOCTYPE html>
<html lang="en">
<head><meta charset="utf-8"><title>nnlib: neural networks from scratch</title>
<style>
  body {{ font-family: sans-serif; max-width: 50em; margin: 2em auto; line-height: 1.5; padding: 0 1em; }}
  li {{ margin-bottom: 0.8em; }} span {{ color: #555; }}
</style></head>
<body>
<h1>nnlib: neural networks from scratch, derived, tested and animated</h1>
<p>Each page is a notebook of the series, run and stored with its outputs. Run them yourself with
<code>make lab</code>, or open them in Colab from the link at the top of each page.</p>
<ol start="0">
{items}
</ol>
</body>
</html>
""", encoding="utf-8")
    print(f"site written to {out}/ ({len(entries)} notebooks)")


if __name__ == "__main__":
    build(Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "site")
