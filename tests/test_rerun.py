"""Every cell of every notebook can be run twice before going on.

A student who runs a cell again (to see it once more, or after a typo) must not break the cells that
follow: a training cell builds its own network and data instead of training one built elsewhere
further. Each notebook is executed in one kernel with every code cell run twice in a row; any error,
an AssertionError of a later cell included, fails the test.
"""

import os
from pathlib import Path

import nbformat
import pytest

nbclient = pytest.importorskip("nbclient")

ROOT = Path(__file__).resolve().parents[1]
PATHS = sorted((ROOT / "notebooks").glob("[0-9][0-9]_*.ipynb"))



def run_every_cell_twice(path):
    nb = nbformat.read(path, as_version=4)
    client = nbclient.NotebookClient(nb, timeout=600, kernel_name="python3",
                                     resources={"metadata": {"path": str(path.parent)}})
    with client.setup_kernel():
        for index, cell in enumerate(nb.cells):
            if cell.cell_type == "code":
                client.execute_cell(cell, index)
                client.execute_cell(cell, index)   # raises CellExecutionError on any error
    return nb


@pytest.mark.parametrize("path", PATHS, ids=[path.stem for path in PATHS])
def test_every_cell_runs_twice_in_a_row(path, monkeypatch):
    # One BLAS thread per kernel, as `make` sets: the tests run two workers on two cores.
    monkeypatch.setitem(os.environ, "OPENBLAS_NUM_THREADS", os.environ.get("OPENBLAS_NUM_THREADS", "1"))
    nb = run_every_cell_twice(path)
    code = [cell for cell in nb.cells if cell.cell_type == "code"]
    assert code and all(cell.execution_count for cell in code), "every code cell ran"


def test_the_runner_fails_on_a_cell_that_breaks_when_run_again(tmp_path):
    # The test must be able to fail: a cell that trains further what another cell built breaks on its
    # second run, exactly the pattern this file guards against.
    nb = nbformat.v4.new_notebook()
    nb.cells = [nbformat.v4.new_code_cell("epochs = 0"),
                nbformat.v4.new_code_cell("epochs += 100\nassert epochs == 100, 'trained twice'")]
    path = tmp_path / "99_trains_twice.ipynb"
    nbformat.write(nb, path)
    with pytest.raises(nbclient.exceptions.CellExecutionError, match="trained twice"):
        run_every_cell_twice(path)
    nb.cells[1].source = "epochs = 0\nepochs += 100\nassert epochs == 100, 'trained twice'"
    nbformat.write(nb, path)
    run_every_cell_twice(path)
