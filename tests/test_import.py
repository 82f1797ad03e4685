"""`import nnlib` stays light: only numpy, none of the notebook libraries."""

import subprocess
import sys

HEAVY = ["sympy", "plotly", "matplotlib", "ipywidgets", "tqdm", "IPython", "scipy", "pandas"]


def test_import_nnlib_loads_no_heavy_library():
    # A fresh interpreter: in this one, other tests may already have imported them.
    code = (
        "import sys, nnlib\n"
        "nnlib.mlp([2, 2, 1]).fit(*nnlib.logic_gate('xor'), epochs=2, lr=0.1)\n"
        f"print(','.join(m for m in {HEAVY!r} if m in sys.modules))"
    )
    result = subprocess.run([sys.executable, "-W", "error", "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "", f"import nnlib loaded: {result.stdout.strip()}"
    assert result.stderr == ""


def test_the_probe_can_see_a_loaded_module():
    # The check above would pass vacuously if sys.modules were read wrongly: prove it sees a real import.
    code = "import sys, nnlib, tqdm\nprint('tqdm' in sys.modules)"
    result = subprocess.run([sys.executable, "-W", "error", "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "True"
