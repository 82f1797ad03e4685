"""nnlib's layout: the core is small and at the top level, and its layers are contracts that can fail.

The contracts live in pyproject.toml ([tool.importlinter]) and `make lint` checks them. Here they are
also shown to *fail*: a copy of nnlib with one import across the layers the wrong way is refused.
"""

import importlib.util
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "nnlib"
LINT_IMPORTS = Path(sys.executable).with_name("lint-imports")
CORE = {"activations", "autograd", "checks", "data", "deep", "gradcheck", "layers", "losses", "network", "optimisers",
        "regularisation", "training"}


def lint_imports(root):
    """Run import-linter on the nnlib found in ``root`` (its pyproject.toml holds the contracts)."""
    env = {"PATH": str(LINT_IMPORTS.parent), "PYTHONPATH": str(root)}
    return subprocess.run([str(LINT_IMPORTS), "--no-cache"], cwd=root, env=env, capture_output=True, text=True)


def copy_of_nnlib(tmp_path):
    shutil.copytree(PACKAGE, tmp_path / "nnlib", ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(ROOT / "pyproject.toml", tmp_path)
    return tmp_path


def test_the_top_level_holds_only_the_core():
    top = {f.stem for f in PACKAGE.glob("*.py")} - {"__init__"}
    assert top <= CORE | {"autograd"}, f"not core, yet at nnlib's top level: {sorted(top - CORE)}"
    assert len(top) <= 12
    subpackages = {d.name for d in PACKAGE.iterdir() if (d / "__init__.py").is_file()}
    assert subpackages == {"plot", "diagnostics", "symbolic", "playground", "exercises"}


def test_no_file_of_nnlib_is_over_300_lines():
    sizes = {str(f.relative_to(ROOT)): len(f.read_text(encoding="utf-8").splitlines()) for f in PACKAGE.rglob("*.py")}
    assert {name: n for name, n in sizes.items() if n > 300} == {}


def test_the_contracts_hold_for_nnlib_as_it_is(tmp_path):
    result = lint_imports(copy_of_nnlib(tmp_path))
    assert result.returncode == 0, result.stdout + result.stderr
    assert "6 kept, 0 broken" in result.stdout


# One import the wrong way per contract: (file, line added, the contract it breaks).
WRONG_WAYS = [
    ("layers.py", "from .plot import palette", "the core imports nothing but numpy"),
    ("data.py", "from .diagnostics import metrics", "the core imports nothing but numpy"),
    ("losses.py", "import matplotlib", "the core imports nothing but numpy"),
    ("network.py", "from .exercises import check", "the core imports nothing but numpy"),
    ("plot/loss.py", "from ..diagnostics import descent", "plot/ draws with the core"),
    ("plot/grid.py", "import ipywidgets", "plot/ draws with the core"),
    ("diagnostics/metrics.py", "import plotly.graph_objects", "diagnostics/ measures with the core only"),
    ("symbolic/__init__.py", "from ..plot import grid", "symbolic/ derives with the core and SymPy only"),
    ("playground/model.py", "from ..exercises import tutor", "the playground builds on plot/ and the core"),
    ("exercises/nb01.py", "import sympy", "the exercises' answer keys import no drawing"),
]


@pytest.mark.parametrize(("module", "line", "contract"), WRONG_WAYS, ids=[w[0] for w in WRONG_WAYS])
def test_an_import_across_the_layers_is_refused(tmp_path, module, line, contract):
    root = copy_of_nnlib(tmp_path)
    with open(root / "nnlib" / module, "a", encoding="utf-8") as f:
        f.write(f"\n{line}  # noqa\n")
    result = lint_imports(root)
    assert result.returncode != 0
    broken = result.stdout.split("Broken contracts", 1)[-1]
    assert contract in broken, result.stdout


def test_the_readme_picture_of_the_layers_is_drawn_from_the_imports_of_today():
    spec = importlib.util.spec_from_file_location("layers_picture", ROOT / "img" / "layers.py")
    picture = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(picture)
    core, between, inside, _ = picture.import_graph()
    assert set(core) == {f.stem for f in PACKAGE.glob("*.py")} - {"__init__"}
    assert ("playground", "plot") in between and ("plot", "core") in between
    assert not any(target == "exercises" for _, target in between)
    assert {source for source, target in between if target == "playground"} == {"exercises"}
    assert ("network", "layers") in inside
    committed = (ROOT / "img" / "nnlib_layers.svg").read_text(encoding="utf-8")
    assert picture.draw() == committed, "nnlib's imports changed: run make img and commit img/nnlib_layers.svg"
