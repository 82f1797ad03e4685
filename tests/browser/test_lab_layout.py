"""Every chapter fits the column a student reads it in: JupyterLab at 800 px with the file browser open.

That leaves an output column of about 370 px (a laptop split in two, a projector). Each notebook is
opened with its stored outputs (no kernel runs) and every Plotly figure is measured as drawn: it is no
wider than its output area, no text of it lies outside it (a cut title or label), no two of its titles
overlap, and no text is smaller than 11 px. At 1400 px the same must hold in the wider column.
"""

import json
from pathlib import Path

import pytest
from conftest import jupyterlab

ROOT = Path(__file__).resolve().parents[2]
NOTEBOOKS = sorted((ROOT / "notebooks").glob("[0-9][0-9]_*.ipynb"))
SMALLEST_TEXT_PX = 11
PLOTLY = "application/vnd.plotly.v1+json"

# What the browser measures of every Plotly figure on the page, as drawn.
MEASURE = """() => Array.from(document.querySelectorAll(
    '.jp-NotebookPanel:not(.lm-mod-hidden) .js-plotly-plot')).map(gd => {
  const box = gd.getBoundingClientRect();
  const area = gd.closest('.jp-OutputArea-output').getBoundingClientRect();
  const texts = Array.from(gd.querySelectorAll('text'))
    .filter(t => t.textContent.trim() && t.getBoundingClientRect().width > 0 && getComputedStyle(t).display !== 'none');
  const name = t => t.textContent.trim().slice(0, 40);
  const outside = texts.filter(t => { const r = t.getBoundingClientRect();
    return r.left < box.left - 1 || r.right > box.right + 1 || r.top < box.top - 1 || r.bottom > box.bottom + 1; });
  const size = t => { const m = t.getScreenCTM();
    return parseFloat(getComputedStyle(t).fontSize) * (m ? Math.hypot(m.a, m.b) : 1); };
  const titles = Array.from(gd.querySelectorAll('.gtitle, .xtitle, .ytitle, .annotation-text, .legendtitletext'))
    .filter(t => t.textContent.trim()).map(t => [name(t), t.getBoundingClientRect()]);
  const overlaps = [];
  titles.forEach(([a, ra], i) => titles.slice(i + 1).forEach(([b, rb]) => {
    if (ra.left < rb.right - 1 && rb.left < ra.right - 1 && ra.top < rb.bottom - 1 && rb.top < ra.bottom - 1)
      overlaps.push(a + ' / ' + b);
  }));
  const title = gd.querySelector('.gtitle');
  const small = texts.filter(t => size(t) < SMALLEST).map(t => name(t) + ' ' + size(t).toFixed(1) + ' px');
  return {title: title ? name(title) : '(no title)', width: box.width, area: area.width,
          cut: outside.map(name), small, overlaps};
})""".replace("SMALLEST", str(SMALLEST_TEXT_PX))


def plotly_figures(path):
    cells = json.loads(path.read_text())["cells"]
    return sum(PLOTLY in out.get("data", {}) for cell in cells for out in cell.get("outputs", []))


@pytest.fixture(scope="module")
def lab(tmp_path_factory):
    # Every cell rendered at once (no windowing), so every figure is drawn without scrolling to it.
    settings = {"@jupyterlab/notebook-extension/tracker": {"windowingMode": "none"}}
    with jupyterlab(tmp_path_factory.mktemp("layout"), NOTEBOOKS, settings) as url:
        yield url


def open_with_file_browser(browser, lab, name, width):
    """The notebook alone in a fresh workspace (no tab of an earlier test), with the file browser open."""
    page = browser.new_page(viewport={"width": width, "height": 900})
    page.goto(f"{lab}/lab/workspaces/layout-{width}-{name[:2]}/tree/{name}?reset", wait_until="load")
    page.wait_for_selector(".jp-NotebookPanel:not(.lm-mod-hidden) .jp-Cell", timeout=60_000)
    if not page.locator("#filebrowser").is_visible():  # the left panel folded: open the file browser
        page.locator(".jp-SideBar.jp-mod-left [data-id='filebrowser']").click()
        page.wait_for_selector("#filebrowser", state="visible", timeout=10_000)
    return page


@pytest.mark.parametrize("width", [800, 1400])
@pytest.mark.parametrize("path", [p for p in NOTEBOOKS if plotly_figures(p)], ids=lambda p: p.stem)
def test_every_figure_fits_the_column(browser, lab, path, width):
    page = open_with_file_browser(browser, lab, path.name, width)
    expected = plotly_figures(path)
    page.wait_for_function(f"document.querySelectorAll('.js-plotly-plot .main-svg').length >= {expected}",
                           timeout=60_000)
    page.wait_for_timeout(500)  # Plotly lays out titles and legends after the first draw
    figures = page.evaluate(MEASURE)
    column = max(f["area"] for f in figures)
    if width == 800:
        assert column <= 420, f"the output column is {column:.0f} px: the file browser should be open"
    problems = []
    for f in figures:
        if f["width"] > f["area"] + 1:
            problems.append(f"{f['title']!r}: {f['width']:.0f} px wide in a {f['area']:.0f} px column")
        if f["cut"]:
            problems.append(f"{f['title']!r}: text outside the figure: {f['cut'][:3]}")
        if f["small"]:
            problems.append(f"{f['title']!r}: text under {SMALLEST_TEXT_PX} px: {f['small'][:3]}")
        if f["overlaps"]:
            problems.append(f"{f['title']!r}: titles overlap: {f['overlaps'][:2]}")
    page.close()
    assert not problems, f"{path.stem} at {width} px ({column:.0f} px column):\n" + "\n".join(problems)
