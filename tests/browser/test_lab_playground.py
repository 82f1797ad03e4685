"""The playground of notebook 14 in a real JupyterLab 4 with the newest ipywidgets, clicked in headless Chromium.

A JupyterLab server runs on 127.0.0.1 in a temporary folder holding a copy of
notebook 14; each test opens it, runs the cells up to the playground and then
uses it as a reader would: the neuron pictures must change while training,
ticking a feature must add an input neuron to the diagram, a preset must apply,
Pause must stop training within 150 ms (the median of three tries), and at 800 px nothing may be cut off or
scroll sideways, with no text under 12 px (the diagram's labels, which shrink with it, not under 11 px for the
widest network the controls allow). A bad value typed into a box is refused with a message beside it, and the
app goes on working. A regression set trains with its colour scale and no accuracy, every connection's weight
is reachable by the pointer in a <title>, Export shows Python that rebuilds the network, and a classroom string
hides and locks controls until another string is applied. Screenshots at 800 and 1400 px are saved (their
folder is printed) for a person to look at.
"""

import json
import re
from pathlib import Path

import pytest
from conftest import jupyterlab

expect = pytest.importorskip("playwright.sync_api").expect

NOTEBOOK = Path(__file__).resolve().parents[2] / "notebooks" / "14_playground.ipynb"
STATUS = ".widget-html >> text=/^epoch [0-9]/"  # the numbers under the pictures
# The heaviest setting allowed: frames of about 50 ms, each cut in the middle of an epoch.
HEAVY = ("dataset=spiral3;n=2000;features=x1,x2,x1sq,x2sq,x1x2,sinx1,sinx2;hidden=64,64,64,64,64,64;batch=1;"
         "optimiser=adam;lr=0.001;epochs=100000")
PAUSE_BOUND_MS = 150


@pytest.fixture(scope="module")
def lab(tmp_path_factory):
    with jupyterlab(tmp_path_factory.mktemp("lab"), [NOTEBOOK]) as url:
        yield url


@pytest.fixture(scope="module")
def screenshots(tmp_path_factory):
    folder = tmp_path_factory.mktemp("screenshots")
    print(f"\nscreenshots of the playground: {folder}")
    return folder


def open_playground(browser, lab, width):
    """A page of the given width with the notebook's cells run up to the playground, the left sidebar closed."""
    page = browser.new_page(viewport={"width": width, "height": 1000})
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(f"{lab}/lab/tree/{NOTEBOOK.name}?reset")
    page.wait_for_selector(".jp-Notebook-ExecutionIndicator[data-status='idle']", state="attached", timeout=90_000)
    page.keyboard.press("Control+b")  # close the file browser: the notebook gets the window's width
    page.wait_for_timeout(500)
    cells = page.locator(".jp-Notebook .jp-Cell")
    # JupyterLab draws only the cells in view, so the cell to run up to is found in the file.
    sources = ["".join(cell["source"]) for cell in json.loads(NOTEBOOK.read_text())["cells"]]
    show = next(i for i, source in enumerate(sources) if "playground.show()" in source)
    for i in range(show + 1):
        cells.nth(i).click()
        page.keyboard.press("Shift+Enter")
    page.wait_for_selector(STATUS, timeout=60_000)
    page.wait_for_selector(".widget-image", timeout=60_000)
    return page, errors


def epoch_shown(page):
    return int(re.match(r"epoch (\d+)", page.locator(STATUS).first.inner_text()).group(1))


PICTURES = "Array.from(document.querySelectorAll('.widget-html image.layer')).map(i => i.getAttribute('href')).join()"


def pictures(page):
    """The neuron pictures of the diagram (one PNG per layer), as their data URIs."""
    return page.evaluate(PICTURES)


def wait_for_new_pictures(page, before):
    page.wait_for_function(f"(before) => {PICTURES} !== before", arg=before, timeout=30_000)


def input_neurons(page):
    return page.locator("rect.neuron[data-column='0']").count()


def settings_shown(page):
    return page.locator(".playground-settings textarea").first.input_value()


def apply(page, text):
    page.locator(".playground-settings textarea").first.fill(text)
    page.locator(".widget-button", has_text="Apply settings").click()
    page.wait_for_function("(text) => document.querySelector('.playground-settings textarea').value.includes(text)",
                           arg=text.split(";")[0], timeout=30_000)


def press_pause_and_time_it(page):
    """Click Pause; the milliseconds until training has really stopped (the kernel gives Train back)."""
    return page.evaluate("""() => new Promise(resolve => {
        const button = name => Array.from(document.querySelectorAll('.widget-button'))
            .find(b => b.innerText.trim() === name);
        const train = button('Train'), pause = button('Pause');
        const start = performance.now();
        new MutationObserver((_, observer) => {
            if (!train.disabled) { observer.disconnect(); resolve(performance.now() - start); }
        }).observe(train, {attributes: true});
        pause.click();
    })""")


def test_the_playground_trains_draws_every_neuron_applies_presets_and_pauses_at_once(lab, browser, screenshots):
    page, errors = open_playground(browser, lab, 1400)
    assert epoch_shown(page) == 0
    assert input_neurons(page) == 2  # x1 and x2

    # ticking a feature adds an input neuron to the diagram
    page.locator(".widget-checkbox", has=page.get_by_text("x₁²", exact=True)).locator("input").check()
    expect(page.locator("rect.neuron[data-column='0']")).to_have_count(3, timeout=30_000)
    assert "features=x1,x2,x1sq" in settings_shown(page)

    # a preset applies: its settings string is what the playground then uses
    page.locator(".widget-dropdown", has=page.get_by_text("preset", exact=True)).locator("select").select_option(
        label="x1·x2 replaces the hidden layer")
    page.wait_for_function("document.querySelector('.playground-settings textarea').value.includes('x1x2;hidden=none')")
    # the diagram follows the settings string in a later message from the kernel: wait for it
    expect(page.locator("rect.neuron[data-column='1']")).to_have_count(1, timeout=30_000)  # the output, no hidden layer
    assert input_neurons(page) == 3
    expect(page.get_by_text("one neuron separates XOR", exact=False)).to_be_visible()

    # the neuron pictures change while training
    apply(page, HEAVY)
    before = pictures(page)
    train = page.locator(".widget-button", has_text="Train")
    train.click()
    wait_for_new_pictures(page, before)
    wait_for_new_pictures(page, pictures(page))  # and again: they go on changing
    page.screenshot(path=screenshots / "playground-1400-training.png", full_page=True)

    # Pause stops training within the bound (the median of three: this machine's browser, server and kernel
    # share its cores), training stays stopped, and Train resumes
    latencies = []
    for trial in range(3):
        if trial:
            running = pictures(page)
            train.click()
            wait_for_new_pictures(page, running)
        latencies.append(press_pause_and_time_it(page))
        page.wait_for_timeout(500)  # the frame of the state it stopped in follows Train
        paused = pictures(page)
        page.wait_for_timeout(1000)
        assert pictures(page) == paused, "the pictures changed after Pause"
    print(f"Pause took {', '.join(f'{ms:.0f}' for ms in latencies)} ms (click to Train enabled again)")
    assert sorted(latencies)[1] <= PAUSE_BOUND_MS, f"Pause took {sorted(latencies)[1]:.0f} ms (median)"
    assert not errors, "; ".join(errors)
    page.close()


LAYOUT_PROBLEMS = """() => {
    const out = document.querySelector('.jp-OutputArea-output .widget-vbox');
    const edge = out.getBoundingClientRect().right + 1;
    const problems = [];
    for (const element of out.querySelectorAll('*')) {
        const box = element.getBoundingClientRect();
        if (box.width === 0 || box.height === 0) continue;
        const name = element.className.baseVal !== undefined ? element.tagName : element.className;
        if (box.right > edge) problems.push(`${name} ends at ${box.right.toFixed(0)} px, past ${edge.toFixed(0)}`);
        const style = getComputedStyle(element);
        const scrolls = ['auto', 'scroll'].includes(style.overflowX) || element.classList.contains('widget-box');
        if (scrolls && element.scrollWidth > element.clientWidth + 1)
            problems.push(`${name} scrolls sideways (${element.scrollWidth} > ${element.clientWidth})`);
        if ((element.classList.contains('widget-label') || element.tagName === 'LABEL')
                && element.scrollWidth > element.clientWidth + 1)
            problems.push(`label "${element.innerText}" is cut off`);
        const text = Array.from(element.childNodes).some(n => n.nodeType === 3 && n.textContent.trim());
        // SVG text is drawn at its font size times the SVG's scale (a diagram shrinks to fit its column)
        const svg = element.ownerSVGElement;
        const scale = svg && svg.viewBox.baseVal && svg.viewBox.baseVal.width
            ? svg.getBoundingClientRect().width / svg.viewBox.baseVal.width : 1;
        const size = parseFloat(style.fontSize) * scale, least = svg ? 11 : 12;
        if (text && size < least - 0.01)
            problems.push(`"${element.textContent.trim().slice(0, 30)}" is ${size.toFixed(1)} px`);
    }
    return problems;
}"""


@pytest.mark.parametrize("width", [800, 1400])
def test_nothing_is_cut_off_and_no_text_is_smaller_than_12_px(lab, browser, screenshots, width):
    page, errors = open_playground(browser, lab, width)
    # the widest diagram the controls allow (every layer of 8 gets its own column), three classes
    apply(page, "dataset=spiral3;n=400;features=x1,x2,x1sq,x2sq,x1x2,sinx1,sinx2;hidden=8,8,8,8,8,8;show_test=1")
    page.wait_for_timeout(1000)
    problems = page.evaluate(LAYOUT_PROBLEMS)
    page.set_viewport_size({"width": width, "height": 2200})  # all of the output in one picture
    page.locator(".jp-OutputArea-output .widget-vbox").first.evaluate("element => element.scrollIntoView()")
    page.wait_for_timeout(500)
    page.screenshot(path=screenshots / f"playground-{width}.png", full_page=True)
    assert not problems, "\n".join(problems[:20])
    # narrower than about 1000 px the pictures are below the controls, wider beside them
    last = page.locator(".widget-checkbox", has=page.get_by_text("discretise regions")).bounding_box()
    rate = page.locator(".widget-text", has=page.get_by_text("learning rate")).bounding_box()
    picture = page.locator(".widget-image").first.bounding_box()
    if width == 800:
        assert picture["y"] > last["y"] + last["height"], "the pictures should be below the controls"
    else:
        assert picture["x"] > rate["x"] + rate["width"], "the pictures should be beside the controls"
    assert not errors, "; ".join(errors)
    page.close()


def type_into(page, label, text):
    box = page.locator(".widget-text", has=page.get_by_text(label, exact=True)).locator("input")
    box.fill(text)
    box.press("Enter")


def test_a_bad_value_is_said_beside_its_box_and_the_app_goes_on(lab, browser, screenshots):
    page, errors = open_playground(browser, lab, 1400)
    type_into(page, "noise", "-0")  # once an exception inside a callback, which froze the data set
    page.wait_for_function("document.querySelector('.playground-settings textarea').value.includes(';noise=0;')")
    type_into(page, "seed", "²")
    expect(page.get_by_text("seed must be a whole number from 0 to 4294967295; got '²'")).to_be_visible()
    type_into(page, "hidden layers", "")
    expect(page.get_by_text("or none for no hidden layer; got nothing", exact=False)).to_be_visible()
    type_into(page, "penalty rate", "0.1")
    expect(page.get_by_text("rate=0.1 is not used while the penalty (reg) is none", exact=False)).to_be_visible()
    page.locator(".playground-settings textarea").first.fill(";;;")
    page.locator(".widget-button", has_text="Apply settings").click()
    expect(page.get_by_text("holds no key=value pair", exact=False)).to_be_visible()
    page.screenshot(path=screenshots / "playground-1400-messages.png", full_page=True)
    # and the app still works: another data set is drawn
    page.locator(".widget-dropdown", has=page.get_by_text("data", exact=True)).locator("select").select_option("moons")
    page.wait_for_function("document.querySelector('.playground-settings textarea').value.startsWith('dataset=moons')")
    assert "noise=0;" in settings_shown(page) and "rate=0.1;" in settings_shown(page)
    assert not page.get_by_text("invalid literal", exact=False).count()
    assert not errors, "; ".join(errors)
    page.close()


def test_regression_export_weights_on_hover_and_a_classroom_string(lab, browser, screenshots):
    page, errors = open_playground(browser, lab, 1400)
    # regression: the output is a number on a colour scale, the loss is squared error, no accuracy
    apply(page, "dataset=gaussians;noise=0.05;hidden=8;optimiser=adam;lr=0.03;epochs=100")
    expect(page.get_by_text("output: the network's number", exact=False)).to_be_visible(timeout=30_000)
    assert page.locator("linearGradient#value-scale").count() == 1
    page.locator(".widget-button", has_text="Train").click()
    expect(page.locator(STATUS).first).to_contain_text("epoch 100 ·", timeout=60_000)
    status = page.locator(STATUS).first.inner_text()
    assert "loss train" in status and "accuracy" not in status
    assert page.locator("svg[aria-label='training and test accuracy']").count() == 0
    page.screenshot(path=screenshots / "playground-1400-regression.png", full_page=True)

    # every connection holds its weight in a <title>, and the pointer reaches it between the neurons
    hover = page.evaluate("""() => {
        const paths = Array.from(document.querySelectorAll('path.weight'));
        const hits = paths.filter(path => {
            const box = path.getBoundingClientRect();
            const x = box.left + box.width / 2, y = box.top + box.height / 2;
            return document.elementFromPoint(x, y) === path || document.elementsFromPoint(x, y).includes(path);
        });
        return {count: paths.length, hits: hits.length, title: paths.length ? paths[0].textContent : ''};
    }""")
    assert hover["count"] == 2 * 8 + 8 and hover["hits"] == hover["count"], hover
    assert re.fullmatch(r"weight -?[0-9.e+-]+: input x[₁₂] → layer 1, neuron [0-9]", hover["title"]), hover

    # Export: Python that rebuilds the network
    page.locator(".widget-button", has_text="Export").click()
    page.wait_for_function("Array.from(document.querySelectorAll('.widget-textarea textarea'))"
                           ".some(area => area.value.includes('nnlib.mlp([2, 8, 1]'))", timeout=30_000)
    expect(page.get_by_text("app.playground.weights()", exact=False)).to_be_visible()

    # a classroom string: noise, optimiser and penalty hidden, the data set locked
    apply(page, "dataset=circles;hide=noise,optimiser,penalty;lock=dataset")
    expect(page.get_by_text("Classroom mode (hidden: noise, optimiser, reg; locked: dataset)",
                            exact=False)).to_be_visible(timeout=30_000)
    for label in ("noise", "optimiser", "penalty"):
        expect(page.locator(".widget-text, .widget-dropdown", has=page.get_by_text(label, exact=True))).to_be_hidden()
    dataset = page.locator(".widget-dropdown", has=page.get_by_text("data", exact=True)).locator("select")
    expect(dataset).to_be_disabled()
    expect(page.locator(".widget-text", has=page.get_by_text("learning rate", exact=True))).to_be_visible()
    classes = page.locator(".widget-html", has_text="regions of each class")
    expect(classes).to_be_visible()
    page.screenshot(path=screenshots / "playground-1400-classroom.png", full_page=True)
    # the settings box, shown, leads out of it
    apply(page, "dataset=moons")
    expect(page.locator(".widget-text", has=page.get_by_text("noise", exact=True))).to_be_visible(timeout=30_000)
    expect(dataset).to_be_enabled()
    assert not errors, "; ".join(errors)
    page.close()


def test_your_own_points_pasted_train_and_a_bad_line_is_named(lab, browser, screenshots):
    page, errors = open_playground(browser, lab, 1400)
    box = page.locator(".widget-textarea textarea[placeholder^='your points']")
    use = page.locator(".widget-button", has_text="Use these points")
    box.fill("x1,x2,class\n0.5, 1.2, 1\n0.5, abc, 0")
    use.click()
    expect(page.get_by_text("points: line 3, '0.5, abc, 0', must be three numbers", exact=False)).to_be_visible()
    # an XOR of 40 points, as a spreadsheet would paste it (tabs)
    lines = [f"{a / 5 - 0.9:.1f}\t{b / 5 - 0.9:.1f}\t{int((a < 5) == (b < 5))}"
             for a in range(10) for b in range(0, 10, 3)]
    box.fill("\n".join(lines))
    use.click()
    page.wait_for_function("document.querySelector('.playground-settings textarea').value.startsWith('dataset=own')",
                           timeout=30_000)
    assert ";points=-0.9,-0.9,1/" in settings_shown(page)
    expect(page.get_by_text("points: line", exact=False)).to_have_count(0)
    page.locator(".widget-button", has_text="Train").click()
    expect(page.locator(STATUS).first).to_contain_text("epoch 300 ·", timeout=60_000)
    assert "accuracy train" in page.locator(STATUS).first.inner_text()
    page.screenshot(path=screenshots / "playground-1400-own-points.png", full_page=True)
    assert not errors, "; ".join(errors)
    page.close()


REDRAWS = """(seconds) => new Promise(resolve => {
    // every redraw of the diagram replaces its HTML: one observer call per frame that reached the page
    const diagram = document.querySelector('.widget-html image.layer').closest('.widget-html');
    const times = [];
    const observer = new MutationObserver(() => times.push(performance.now()));
    observer.observe(diagram, {subtree: true, childList: true, characterData: true, attributes: true});
    setTimeout(() => { observer.disconnect(); resolve(times); }, seconds * 1000);
})"""


def test_redraws_at_the_defaults_are_measured(lab, browser):
    """How often the pictures change in the browser while the default network trains: printed, with a loose bound.

    The app aims at 20 frames a second (app.FRAME); the bound asserted is 10 a second (median interval ≤ 100
    ms), because this machine's browser, server and kernel share two cores with other work."""
    page, errors = open_playground(browser, lab, 1400)
    apply(page, "dataset=xor;epochs=100000")  # the default network, trained for longer than the test watches
    page.locator(".widget-button", has_text="Train").click()
    wait_for_new_pictures(page, pictures(page))
    times = page.evaluate(REDRAWS, 3)
    page.locator(".widget-button", has_text="Pause").click()
    gaps = sorted(b - a for a, b in zip(times, times[1:]))
    assert len(gaps) >= 5, f"only {len(times)} redraws in 3 s"
    median, worst = gaps[len(gaps) // 2], gaps[-1]
    print(f"redraws at the defaults: {len(times) / 3:.1f} a second, median {median:.0f} ms, worst {worst:.0f} ms")
    assert median <= 100, f"redraws every {median:.0f} ms (median)"
    assert not errors, "; ".join(errors)
    page.close()
