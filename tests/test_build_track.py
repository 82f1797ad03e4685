"""The whole build track is known to work: every `...` a student fills in, filled with the key's solution.

The notebooks are committed with the student's cells unsolved (nbval compares their "not attempted yet").
Here each cell left as `...` gets the solution of the exercise whose check names it: a function stub of a
build exercise gets the key's source (what a student would type), any other `name = ...` gets
``solution("NN.k", <the check's data>)``. Then the notebook runs top to bottom in a fresh kernel, and every
check must say "correct", the later cells (nnlib's own versions) must run as before.
"""

import re
from pathlib import Path

import nbformat
import pytest
from nbclient import NotebookClient

from nnlib.exercises import tutor

ROOT = Path(__file__).resolve().parents[1]
TRACK = ["01_neuron_and_activations", "02_threshold_classifier", "04_backprop_derived", "05_xor_hidden_layer",
         "08_layers_and_networks", "09_learning_rate_and_optimisers", "11_softmax_many_classes"]
CHECK = re.compile(r'check\("(\d\d\.\d+)",\s*(\w+)((?:,\s*\w+=[\w.\[\]:]+)*)\)')
VERDICT = re.compile(r"^(correct: |not yet: |not attempted yet: )", re.MULTILINE)
STUB = re.compile(r"(^\w+ = \.\.\.|^\s+(return )?\.\.\.)", re.MULTILINE)


def _def_block(source, name):
    """The span of ``def name(...):`` or ``class name:`` and its indented body."""
    match = re.search(rf"^(?:def|class) {name}\b.*?(?=^\S|\Z)", source, re.MULTILINE | re.DOTALL)
    return match.span() if match else None


def _filled(source, checks):
    """The cell with every stub that a check names replaced by that exercise's solution."""
    for exercise_id, name, data in checks:
        key = tutor._key(exercise_id)
        span = _def_block(source, name)
        if span is not None:
            if hasattr(key, "judge"):   # a build exercise: the code a student would write, under their name
                [(kind, key_name)] = re.findall(r"^(def|class) (\w+)\b", key.source, re.MULTILINE)[-1:]
                code = key.source.replace(f"{kind} {key_name}", f"{kind} {name}")
            else:
                code = f'{name} = solution("{exercise_id}"{data})\n'
            source = source[:span[0]] + code + "\n\n" + source[span[1]:].lstrip("\n")
        else:
            source = re.sub(rf"^{name} = \.\.\..*$", f'{name} = solution("{exercise_id}"{data})', source,
                            flags=re.MULTILINE)
    return source


def filled_notebook(path):
    nb = nbformat.read(path, as_version=4)
    code = [cell for cell in nb.cells if cell.cell_type == "code"]
    checks = [found for cell in code for found in CHECK.findall(cell.source)]
    stubs = 0
    for cell in code:
        if not STUB.search(cell.source):
            continue
        stubs += 1
        named = [c for c in checks if re.search(rf"^((def|class) )?{c[1]}\b", cell.source, re.MULTILINE)]
        assert named, f"a cell left as ... that no check names:\n{cell.source}"
        first = {}
        for c in named:   # the first check of each name (05 checks my_gradients as 04.4)
            first.setdefault(c[1], c)
        cell.source = "from nnlib.exercises import solution  # noqa: F401\n" + _filled(cell.source, first.values())
        assert not STUB.search(cell.source), cell.source
    return nb, len(checks), stubs


@pytest.mark.parametrize("name", TRACK)
def test_the_notebook_with_every_exercise_solved_runs_and_every_check_says_correct(name):
    path = ROOT / "notebooks" / f"{name}.ipynb"
    nb, n_checks, n_stubs = filled_notebook(path)
    assert n_stubs >= 3 and n_checks >= n_stubs
    NotebookClient(nb, timeout=600, kernel_name="python3", resources={"metadata": {"path": str(path.parent)}},
                   record_timing=False).execute()
    text = "\n".join(output.get("text", "") for cell in nb.cells if cell.cell_type == "code"
                     for output in cell.outputs if output.output_type == "stream")
    verdicts = [line for line in text.splitlines() if VERDICT.match(line)]
    assert len(verdicts) == n_checks, verdicts
    assert all(v.startswith("correct: ") for v in verdicts), [v for v in verdicts if not v.startswith("correct")]


def test_filling_replaces_a_stub_by_the_solution_a_student_would_type():
    source = 'def my_sigmoid(z):\n    ...   # your code\n\n\nprint("after")\n'
    filled = _filled(source, [("01.4", "my_sigmoid", "")])
    assert "np.exp(-np.abs(z))" in filled and filled.endswith('print("after")\n') and "..." not in filled
    assert _filled("dW_yours = ...  # one expression\n", [("04.2", "dW_yours", ", dZ=dZ_cols, X=X_cols")]) == \
        'dW_yours = solution("04.2", dZ=dZ_cols, X=X_cols)\n'
