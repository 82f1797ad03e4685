"""The website in a real browser: headless Chromium driven by Playwright.

Run by ``make test-browser`` after ``make html``. Every page must load without a
JavaScript error and without fetching anything from outside the site, every
Plotly figure must be drawn, formulas must be typeset, and the decision-boundary
animation of notebook 05 must move when Play is clicked.
"""

import functools
import http.server
import json
import threading
from pathlib import Path

import pytest

SITE = Path(__file__).resolve().parents[2] / "site"
NOTEBOOKS = Path(__file__).resolve().parents[2] / "notebooks"
pages = sorted(p.name for p in SITE.glob("*.html") if not p.name.endswith(".slides.html"))  # slides: below
if not pages:
    pytest.skip("no site/ to test: run `make html` first", allow_module_level=True)


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):  # one line per request would bury the test report
        pass


@pytest.fixture(scope="module")
def server():
    handler = functools.partial(QuietHandler, directory=str(SITE))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


def open_page(browser, url):
    """Open url; return the page and the lists of errors and outside requests seen."""
    page = browser.new_page(viewport={"width": 1200, "height": 900})
    errors, outside = [], []
    page.on("pageerror", lambda error: errors.append(f"JavaScript error: {error}"))
    page.on("console", lambda msg: msg.type == "error" and errors.append(f"console error: {msg.text}"))

    def route(route_):
        if route_.request.url.startswith(url.split("/", 3)[0] + "//" + url.split("/")[2]):
            route_.continue_()
        else:
            outside.append(route_.request.url)
            route_.abort()

    page.route("**/*", route)
    page.goto(url, wait_until="load")
    return page, errors, outside


def plotly_outputs(stem):
    path = NOTEBOOKS / f"{stem}.ipynb"
    if not path.exists():
        return 0
    cells = json.loads(path.read_text())["cells"]
    return sum("application/vnd.plotly.v1+json" in out.get("data", {}) for c in cells for out in c.get("outputs", []))


def has_math(stem):
    path = NOTEBOOKS / f"{stem}.ipynb"
    if not path.exists():
        return False
    cells = json.loads(path.read_text())["cells"]
    return any("$" in "".join(c["source"]) for c in cells if c["cell_type"] == "markdown")


@pytest.mark.parametrize("name", pages)
def test_page_loads_and_draws(browser, server, name):
    page, errors, outside = open_page(browser, f"{server}/{name}")
    stem = name.removesuffix(".html")
    expected_figures = plotly_outputs(stem)
    if expected_figures:
        page.wait_for_function(f"document.querySelectorAll('.js-plotly-plot .main-svg').length >= {expected_figures}",
                               timeout=30_000)
        drawn = page.evaluate("""() => Array.from(document.querySelectorAll('.js-plotly-plot')).map(
            gd => Boolean(gd._fullLayout) && gd.querySelectorAll('.main-svg').length > 0 && gd.data.length > 0)""")
        assert len(drawn) == expected_figures, \
            f"{name}: {len(drawn)} Plotly figures on the page, {expected_figures} in the notebook"
        assert all(drawn), f"{name}: Plotly figures not drawn: {[i for i, ok in enumerate(drawn) if not ok]}"
    if has_math(stem):
        page.wait_for_function("window.MathJax && MathJax.startup && MathJax.startup.promise", timeout=30_000)
        page.evaluate("MathJax.startup.promise")
        typeset = page.evaluate("document.querySelectorAll('mjx-container').length")
        assert typeset > 0, f"{name}: formulas were not typeset by MathJax"
        assert page.evaluate("document.querySelectorAll('mjx-merror').length") == 0, f"{name}: MathJax errors"
        # SymPy's outputs (text/latex) too: none may be left as raw TeX on the page.
        raw = page.evaluate("Array.from(document.querySelectorAll('.jp-RenderedLatex')).filter("
                            "e => !e.querySelector('mjx-container')).length")
        assert raw == 0, f"{name}: {raw} LaTeX outputs left untypeset"
    page.wait_for_timeout(300)
    assert not errors, f"{name}: " + "; ".join(errors)
    assert not outside, f"{name} fetched from outside the site: {outside}"
    page.close()


@pytest.mark.skipif("05_xor_hidden_layer.html" not in pages, reason="notebook 05 not built")
def test_xor_animation_plays(browser, server):
    page, errors, _ = open_page(browser, f"{server}/05_xor_hidden_layer.html")
    page.wait_for_function("Array.from(document.querySelectorAll('.js-plotly-plot')).some("
                           "gd => gd._transitionData && gd._transitionData._frames.length >= 20)", timeout=30_000)
    # The first animated figure is the decision-boundary animation.
    page.evaluate("""() => {
        const gd = Array.from(document.querySelectorAll('.js-plotly-plot'))
            .find(gd => gd._transitionData && gd._transitionData._frames.length >= 20);
        gd.id = 'animation-under-test';
        window.framesShown = [];
        gd.on('plotly_animatingframe', event => window.framesShown.push(event.name));
        window.firstZ = JSON.stringify(gd.data.map(trace => trace.z || null));
    }""")
    n_frames = page.evaluate("document.getElementById('animation-under-test')._transitionData._frames.length")
    assert 20 <= n_frames <= 50, f"the animation has {n_frames} frames; 20 to 50 expected"
    page.locator("#animation-under-test .updatemenu-button", has_text="Play").first.click()
    page.wait_for_function("new Set(window.framesShown).size >= 5", timeout=30_000)
    changed = page.evaluate("""() => JSON.stringify(document.getElementById('animation-under-test').data
        .map(trace => trace.z || null)) !== window.firstZ""")
    assert changed, "Play did not change the decision boundary shown"
    assert not errors, "; ".join(errors)
    page.close()


# -- the course site: sidebar, search, downloads, narrow screens -----------------------------------------
chapter_pages = [p for p in pages if p[:2].isdigit()]
HREFS = "links => links.map(a => a.getAttribute('href'))"


def test_search_finds_the_softmax_chapter_and_its_link_opens_it(browser, server):
    page, errors, outside = open_page(browser, f"{server}/index.html")
    page.fill("#series-search-input", "softmax")
    page.wait_for_function("document.querySelectorAll('#series-search-results a').length > 0", timeout=10_000)
    first = page.locator("#series-search-results a").first
    assert first.get_attribute("href").startswith("11_softmax_many_classes.html")
    first.click()
    page.wait_for_load_state("load")
    assert page.url.split("/")[-1].startswith("11_softmax_many_classes.html")
    assert "Softmax" in page.locator("h1").first.inner_text()
    # A word that is nowhere says so instead of showing nothing.
    page.fill("#series-search-input", "zzzqqq")
    page.wait_for_function("document.querySelector('#series-search-results .none') !== null", timeout=10_000)
    assert not errors and not outside, errors + outside
    page.close()


def test_search_finds_a_section_by_its_words_and_code(browser, server):
    page, _, _ = open_page(browser, f"{server}/index.html")
    for query, chapter in (("confusion matrix", "13_"), ("momentum", "09_"), ("largest_stable_rate", "09_")):
        page.fill("#series-search-input", query)
        page.wait_for_function("document.querySelectorAll('#series-search-results a').length > 0", timeout=10_000)
        hrefs = page.eval_on_selector_all("#series-search-results a", HREFS)
        assert any(h.startswith(chapter) for h in hrefs[:3]), f"{query!r}: {hrefs[:3]}"
    page.close()


@pytest.mark.parametrize("name", chapter_pages)
def test_every_sidebar_link_works_and_the_notebook_downloads(browser, server, name):
    page, _, _ = open_page(browser, f"{server}/{name}")
    hrefs = page.eval_on_selector_all(".series-sidebar a, .series-nav a", HREFS)
    chapters = [h for h in hrefs if h.endswith(".html") and h[:2].isdigit() and not h.endswith(".slides.html")]
    assert len(set(chapters)) == len(chapter_pages), "every chapter is in the sidebar"
    sections = page.eval_on_selector_all(".series-sidebar .sections a", HREFS)
    assert sections, f"{name}: the current chapter's sections are listed"
    for href in sections:  # each section link lands on a heading of this page
        anchor = href.split("#", 1)[1]
        assert page.evaluate("id => (document.getElementById(id) || document.getElementById(decodeURIComponent(id)))"
                             " !== null", anchor), href
    for href in {h.split("#")[0] for h in hrefs if not h.startswith("http")}:
        status = page.evaluate("url => fetch(url).then(r => r.status)", href)
        assert status == 200, f"{name}: {href} answers {status}"
    download = page.locator(".series-get a[download]").get_attribute("href")
    notebook = page.evaluate("url => fetch(url).then(r => r.json())", download)
    assert notebook["nbformat"] == 4 and len(notebook["cells"]) > 5
    colab = page.locator(".series-get a", has_text="Colab").get_attribute("href")
    assert colab.startswith("https://colab.research.google.com/github/")
    assert colab.endswith(name.replace(".html", ".ipynb"))
    page.close()


@pytest.mark.parametrize("name", pages)
def test_nothing_overflows_on_a_phone(browser, server, name):
    page = browser.new_page(viewport={"width": 360, "height": 740})
    page.goto(f"{server}/{name}", wait_until="load")
    page.wait_for_timeout(300)
    width = page.evaluate("document.scrollingElement.scrollWidth")
    assert width <= 360, f"{name} is {width} px wide at 360 px: it scrolls sideways"
    page.close()


@pytest.mark.skipif("14_playground.html" not in pages, reason="notebook 14 not built")
def test_the_playground_page_shows_the_app_as_the_notebook_left_it(browser, server):
    page, errors, outside = open_page(browser, f"{server}/14_playground.html")
    # The widget manager (from npm, served by the site) draws the widgets' saved state without a kernel.
    page.wait_for_function("document.querySelectorAll('.jupyter-widgets img').length >= 2", timeout=30_000)
    pictures = page.evaluate("Array.from(document.querySelectorAll('.jupyter-widgets img'))"
                             ".map(img => [img.naturalWidth, img.naturalHeight])")
    assert all(w >= 100 and h >= 100 for w, h in pictures), f"the heat maps are not drawn: {pictures}"
    buttons = page.evaluate("Array.from(document.querySelectorAll('.jupyter-widgets button')).map(b => b.textContent)")
    assert any("Train" in b for b in buttons), buttons
    settings = page.evaluate("Array.from(document.querySelectorAll('.jupyter-widgets textarea')).map(t => t.value)")
    assert any(s.startswith("dataset=") for s in settings), settings
    page.wait_for_timeout(500)
    assert not errors, "; ".join(errors)
    assert not outside, outside
    page.close()


slide_decks = sorted(p.name for p in SITE.glob("*.slides.html"))


def test_every_chapter_has_slides():
    assert [d.removesuffix(".slides.html") for d in slide_decks] == [p.removesuffix(".html") for p in chapter_pages]


@pytest.mark.parametrize("name", ["05_xor_hidden_layer.slides.html", "11_softmax_many_classes.slides.html"])
def test_the_slides_advance_and_draw_their_figures(browser, server, name):
    page, errors, outside = open_page(browser, f"{server}/{name}")
    page.wait_for_function("window.Reveal && Reveal.isReady()", timeout=30_000)
    total = page.evaluate("Reveal.getTotalSlides()")
    assert 15 <= total <= 30, f"{name}: {total} slides"
    page.keyboard.press("ArrowRight")
    page.wait_for_function("Reveal.getIndices().h === 1", timeout=10_000)
    page.keyboard.press("Space")  # the next slide: down into the section's sub-slides, or on to the next section
    page.wait_for_function("Reveal.getIndices().h + Reveal.getIndices().v >= 2", timeout=10_000)
    # Walk to the first slide that shows a Plotly figure: it is drawn there, at a size that fits the slide.
    for _ in range(total):
        if page.evaluate("Reveal.getCurrentSlide().querySelector('.js-plotly-plot') !== null"):
            break
        page.evaluate("Reveal.next()")
    page.wait_for_function("Reveal.getCurrentSlide().querySelector('.js-plotly-plot .main-svg') !== null",
                           timeout=30_000)
    width = page.evaluate("Reveal.getCurrentSlide().querySelector('.js-plotly-plot').getBoundingClientRect().width")
    assert 200 < width <= page.viewport_size["width"], f"{name}: the figure is {width} px wide"
    assert not errors, "; ".join(errors)
    assert not outside, outside
    page.close()


@pytest.mark.skipif("teachers-guide.html" not in pages, reason="the guide is not built")
def test_the_teachers_guide_links_every_chapter(browser, server):
    page, errors, outside = open_page(browser, f"{server}/teachers-guide.html")
    links = set(page.eval_on_selector_all("main a", HREFS))
    assert set(chapter_pages) <= links, sorted(set(chapter_pages) - links)
    assert page.locator("main li", has_text="Ask first").count() == len(chapter_pages)
    assert not errors and not outside, errors + outside
    page.close()
