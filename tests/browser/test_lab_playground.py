"""The playground in a real JupyterLab 4 with the newest ipywidgets, clicked in headless Chromium.

A JupyterLab server runs on 127.0.0.1 in a temporary folder holding a copy of
notebook 09; the test runs the cells up to the playground, then clicks Train,
Pause and Train again, reading the epoch from the status line and checking that
the picture changes.
"""

import json
import os
import re
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

expect = pytest.importorskip("playwright.sync_api").expect

NOTEBOOK = Path(__file__).resolve().parents[2] / "notebooks" / "14_playground.ipynb"
STATUS = ".widget-label:text-matches('^epoch ')"
LONG_RUN = "dataset=circles;n=1000;hidden=16,16;act=tanh;lr=0.1;epochs=100000"


@pytest.fixture(scope="module")
def lab(tmp_path_factory):
    folder = tmp_path_factory.mktemp("lab")
    shutil.copy(NOTEBOOK, folder)
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    command = [sys.executable, "-m", "jupyterlab", "--no-browser", "--ip=127.0.0.1", f"--port={port}",
               f"--ServerApp.root_dir={folder}", "--IdentityProvider.token=", "--ServerApp.password=",
               "--LabApp.news_url=", "--LabApp.check_for_updates_class=jupyterlab.NeverCheckForUpdate"]
    if os.geteuid() == 0:
        command.append("--allow-root")
    env = {**os.environ, "JUPYTER_RUNTIME_DIR": str(folder / ".runtime")}
    server = subprocess.Popen(command, cwd=folder, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}"
    for _ in range(120):
        try:
            urllib.request.urlopen(f"{url}/lab", timeout=1)
            break
        except OSError:
            time.sleep(0.5)
    else:
        server.kill()
        pytest.fail("JupyterLab did not start within 60 s")
    yield url
    server.terminate()
    server.wait(timeout=30)


def epoch_shown(page):
    text = page.locator(STATUS).first.inner_text()
    return int(re.match(r"epoch (\d+)", text).group(1))


def wait_for_epoch_above(page, epoch):
    page.wait_for_function("""(epoch) => {
        const label = Array.from(document.querySelectorAll('.widget-label')).find(l => /^epoch /.test(l.innerText));
        return label && parseInt(label.innerText.slice(6)) > epoch; }""", arg=epoch, timeout=60_000)


def picture(page):
    return page.evaluate("Array.from(document.querySelectorAll('.widget-output img')).map(i => i.src).join()")


def test_playground_trains_pauses_and_resumes_in_jupyterlab(lab, browser):
    page = browser.new_page(viewport={"width": 1400, "height": 1000})
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(f"{lab}/lab/tree/{NOTEBOOK.name}")
    page.wait_for_selector(".jp-Notebook-ExecutionIndicator[data-status='idle']", timeout=90_000)

    cells = page.locator(".jp-Notebook .jp-Cell")
    # JupyterLab draws only the cells in view, so the cell to run up to is found in the file.
    sources = ["".join(cell["source"]) for cell in json.loads(NOTEBOOK.read_text())["cells"]]
    show = next(i for i, source in enumerate(sources) if "playground.show()" in source)
    for i in range(show + 1):
        cells.nth(i).click()
        page.keyboard.press("Shift+Enter")
    page.wait_for_selector(STATUS, timeout=60_000)
    page.wait_for_selector(".widget-output img", timeout=60_000)
    assert epoch_shown(page) == 0
    before = picture(page)

    # A long run (about 25 s here, in chunks of 5000 epochs of about 1 s each), so that
    # it is still going whenever Pause is clicked, on a fast machine or a slow one.
    page.locator(".widget-textarea textarea").first.fill(LONG_RUN)
    page.locator(".widget-button", has_text="Apply settings").click()
    # Applied when the epochs slider (max 5000 until now) shows 100000; the textarea holds what was typed anyway.
    page.wait_for_function(
        "Array.from(document.querySelectorAll('.widget-readout')).some(r => r.innerText.trim() == '100000')")
    train = page.locator(".widget-button", has_text="Train")
    pause = page.locator(".widget-button", has_text="Pause")

    train.click()
    wait_for_epoch_above(page, 0)
    pause.click()
    expect(train).to_be_enabled(timeout=60_000)  # the chunk under way ends, then it stops
    paused_at = epoch_shown(page)
    page.wait_for_timeout(2000)
    assert epoch_shown(page) == paused_at, "training went on after Pause"
    assert 0 < paused_at < 100_000, f"Pause came too late: epoch {paused_at}"
    assert picture(page) != before, "the picture did not change while training"

    train.click()
    wait_for_epoch_above(page, paused_at)  # Train resumes where Pause stopped
    pause.click()
    expect(train).to_be_enabled(timeout=60_000)
    assert epoch_shown(page) < 100_000, "the run ended before the second Pause"
    assert not errors, "; ".join(errors)
    page.close()
