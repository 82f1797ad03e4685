"""Build the series as a static course website in site/ (``make html``).

    python tools/website.py [OUTPUT_DIR] [--assets-only]

Every notebook becomes a page with a sidebar: every chapter, the current chapter's sections, a search
over all chapters, the chapter's .ipynb to download and its Open in Colab link; prev/next links above
and below. An index page lists the chapters with the one-line descriptions of the README's curriculum
table. The site works offline, from a server or from ``file://``: plotly.js (from the plotly package),
MathJax and lunr.js (from npm, see the Makefile) are copied in under assets/, and no page fetches
anything from the internet: Plotly outputs become <div>s drawn by the local plotly.js, the Colab badge
(an image on Google's server) becomes a plain link.
"""

import html
import re
import shutil
import sys
from pathlib import Path

import nbformat
import plotly
import plotly.io as pio
from nbclient import NotebookClient
from nbconvert import HTMLExporter

sys.path.insert(0, str(Path(__file__).resolve().parent))
from site_search import plain_text, search_index, sections  # noqa: E402
from teachers_guide import guide_markdown  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
NOTEBOOKS = ROOT / "notebooks"
TEMPLATE = Path(__file__).resolve().parent / "site_template"
NPM = ROOT / "build" / "npm" / "node_modules"
MATHJAX = NPM / "mathjax" / "es5"
LUNR = NPM / "lunr" / "lunr.min.js"
WIDGETS = NPM / "@jupyter-widgets" / "html-manager" / "dist"  # draws saved widget state without a kernel
WIDGET_VIEW = "application/vnd.jupyter.widget-view+json"
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


def colab_url(nb):
    for cell in nb.cells:
        if "colab-badge" in cell.metadata.get("tags", []):
            return re.search(r'href="([^"]+)"', cell.source).group(1)
    return None


def prepare(nb):
    """The notebook as the site shows it: the badge as a text link, links between notebooks to pages."""
    url = colab_url(nb)
    for cell in nb.cells:
        if "colab-badge" in cell.metadata.get("tags", []):  # a link fetches nothing until it is clicked
            cell.source = f'<a href="{url}">Open this notebook in Colab</a>'
        if cell.cell_type == "markdown":
            cell.source = re.sub(r"\(([0-9]{2}_\w+)\.ipynb\)", r"(\1.html)", cell.source)
            cell.source = cell.source.replace("](../img/", "](img/").replace('src="../img/', 'src="img/')


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


def with_widget_state(nb, path):
    """Run a notebook that shows widgets (the playground, progress bars) again, in memory, keeping the
    widgets' state: the committed notebook leaves it out (it changes at every run), and the page needs it
    to draw the widgets as the notebook left them, with the widget manager's own JavaScript."""
    if any(WIDGET_VIEW in out.get("data", {}) for cell in nb.cells for out in cell.get("outputs", [])):
        NotebookClient(nb, timeout=600, kernel_name="python3", store_widget_state=True,
                       resources={"metadata": {"path": str(path.parent)}}).execute()


def page_anchors(body):
    """{a section heading's plain text: its id} for the '## ' headings (h2) nbconvert wrote."""
    found = re.findall(r'<h2 id="([^"]+)">(.*?)<a class="anchor-link"', body, re.S)
    return {plain_text(html.unescape(re.sub(r"<[^>]+>", "", text))): anchor for anchor, text in found}


def sidebar(chapters, current=None, parts=(), colab=None):
    """The sidebar's HTML: search, every chapter (the current one with its sections), the downloads."""
    items = []
    for stem, title in chapters:
        if stem != current:
            items.append(f'<li><a href="{stem}.html">{html.escape(title)}</a></li>')
            continue
        links = "".join(f'<li><a href="{p["id"]}">{html.escape(p["title"])}</a></li>' for p in parts[1:])
        items.append(f'<li class="current"><a href="{stem}.html" aria-current="page">{html.escape(title)}</a>'
                     f'<ol class="sections">{links}</ol></li>')
    get = ""
    if current is not None:
        get = (f'<div class="series-get"><a href="notebooks/{current}.ipynb" download>Download this notebook '
               f'(.ipynb)</a>' + (f'<a href="{colab}">Open it in Colab</a>' if colab else "")
               + f'<a href="{current}.slides.html">Slides for teaching it</a></div>')
    return f"""<aside class="series-sidebar">
<a class="site-title" href="index.html">nnlib: neural networks from scratch</a>
<div class="series-search" role="search"><input id="series-search-input" type="search"
 placeholder="Search all chapters" aria-label="Search all chapters"><ol id="series-search-results"></ol></div>
{get}
<details class="chapters" open><summary>Chapters</summary><ol>{"".join(items)}</ol></details>
<p><a href="teachers-guide.html">Teacher's guide</a></p>
</aside>"""


def copy_assets(out):
    assets = out / "assets"
    assets.mkdir(parents=True, exist_ok=True)
    shutil.copy(Path(plotly.__file__).parent / "package_data" / "plotly.min.js", assets / "plotly.min.js")
    for needed in (MATHJAX / "tex-chtml-full.js", LUNR, WIDGETS / "embed.js"):
        if not needed.exists():
            sys.exit(f"{needed} is missing: run `make html`, which installs it from npm")
    shutil.copytree(MATHJAX, assets / "mathjax", dirs_exist_ok=True)
    shutil.copytree(WIDGETS, assets / "html-manager", dirs_exist_ok=True)
    shutil.copy(LUNR, assets / "lunr.min.js")
    for name in ("site.css", "site.js"):
        shutil.copy(TEMPLATE / name, assets / name)
    if (ROOT / "img").is_dir():
        shutil.copytree(ROOT / "img", out / "img", dirs_exist_ok=True)
    (out / "notebooks").mkdir(exist_ok=True)


def build(out):
    copy_assets(out)
    exporter = HTMLExporter(template_name=TEMPLATE.name, extra_template_basedirs=[str(TEMPLATE.parent)],
                            widget_renderer_url="assets/html-manager/embed.js")
    paths = sorted(NOTEBOOKS.glob("[0-9][0-9]_*.ipynb"))
    notebooks = {path.stem: nbformat.read(path, as_version=4) for path in paths}
    chapters = [(stem, title_of(nb, stem)) for stem, nb in notebooks.items()]
    stems = [stem for stem, _ in chapters]
    searchable = []
    for i, (stem, title) in enumerate(chapters):
        nb = notebooks[stem]
        shutil.copy(NOTEBOOKS / f"{stem}.ipynb", out / "notebooks" / f"{stem}.ipynb")
        colab = colab_url(nb)
        with_widget_state(nb, NOTEBOOKS / f"{stem}.ipynb")
        prepare(nb)
        figures = plotly_to_html(nb)
        links = ['<a href="index.html">All chapters</a>']
        if i > 0:
            links.append(f'<a href="{stems[i - 1]}.html" rel="prev">← {stems[i - 1]}</a>')
        if i + 1 < len(stems):
            links.append(f'<a href="{stems[i + 1]}.html" rel="next">{stems[i + 1]} →</a>')
        body, _ = exporter.from_notebook_node(nb, resources={"metadata": {"name": title},
                                                             "series_nav": " ".join(links)})
        parts = sections(nb, stem, page_anchors(body))
        body = body.replace("<!--SIDEBAR-->", sidebar(chapters, stem, parts, colab), 1)
        (out / f"{stem}.html").write_text(body, encoding="utf-8")
        searchable.append((title, parts))
        print(f"{stem}.ipynb -> {stem}.html ({figures} Plotly figures, {len(parts) - 1} sections)")

    (out / "assets" / "search-index.js").write_text(search_index(searchable), encoding="utf-8")
    write_index(out, chapters)
    write_page(out, chapters, "teachers-guide.html", "Teaching with the series",
               markdown_to_html(guide_markdown(link=lambda stem: f"{stem}.html")))
    print(f"site written to {out}/ ({len(chapters)} chapters)")


def markdown_to_html(text):
    import mistune  # nbconvert's Markdown renderer, already installed with it

    return mistune.html(text)


def write_index(out, chapters):
    lines = descriptions()
    items = "\n".join(f'  <li><a href="{stem}.html">{html.escape(title)}</a><br>'
                      f'<span>{html.escape(lines.get(stem, ""))}</span></li>' for stem, title in chapters)
    write_page(out, chapters, "index.html", "nnlib: neural networks from scratch, derived, tested and animated",
               f"""<p>Each page is a chapter of the series, run and stored with its outputs. Run them yourself with
<code>make lab</code>, download a chapter's notebook from its page, or open it in Colab from there. Teaching
it? See the <a href="teachers-guide.html">teacher's guide</a>.</p>
<ol start="0">
{items}
</ol>""")


def write_page(out, chapters, name, heading, body):
    """A page of the site that is not a chapter: the sidebar, a heading and ``body`` (HTML)."""
    (out / name).write_text(f"""<!DOCTYPE html>
<html lang="en">
<head><meta charset="utf-8"><title>{html.escape(heading)}</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="icon" href="data:,">
<link rel="stylesheet" href="assets/site.css">
<style>
  .index {{ font-family: sans-serif; max-width: 50em; margin: 1em auto; line-height: 1.5; padding: 0 1em; }}
  .index li {{ margin-bottom: 0.8em; }} .index span {{ color: #555; }}
</style></head>
<body>
<div class="series-layout">
{sidebar(chapters)}
<main class="index">
<h1>{html.escape(heading)}</h1>
{body}
</main>
</div>
<script src="assets/lunr.min.js"></script>
<script src="assets/search-index.js"></script>
<script src="assets/site.js"></script>
</body>
</html>
""", encoding="utf-8")


if __name__ == "__main__":
    target = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "site"
    if "--assets-only" in sys.argv:  # make slides: the assets the slides share with the pages
        copy_assets(target)
    else:
        build(target)
