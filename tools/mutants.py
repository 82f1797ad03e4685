"""Mutation testing of nnlib's numpy core: do the unit tests notice when the code is wrong?

A *mutant* is nnlib with one small change, the kind of slip a person makes: ``+`` written
as ``-``, ``<`` as ``<=``, a constant off by one, a condition negated, a statement left
out, ``axis=0`` for ``axis=1``, ``keepdims=True`` dropped. For every mutant this script
writes the changed module over the real one, runs the tests, and puts the original back
(always, even after Ctrl-C or kill). A mutant the tests fail on is *killed*; one they pass
is a *survivor*: either the tests have a gap there, or the change is *equivalent* (it
cannot alter anything observable, e.g. ``<`` for ``<=`` at a point never reached). A
mutant that runs past ``--timeout`` (an endless loop) is reported apart.

    .venv/bin/python tools/mutants.py                       # every module of the core
    .venv/bin/python tools/mutants.py --module losses --module layers
    .venv/bin/python tools/mutants.py --module losses --line 42 --list   # the mutants, without running tests

Each mutant first meets the module's own test files (TESTS, with ``-x``); one that survives
them meets every other test file of the core (``--quick`` skips that). The runs are forked
from this process, which has numpy, pytest, hypothesis and sympy loaded already, so a run
costs little more than its tests: a module takes from a minute (grid) to half an hour
(network) on one core. The tests import the nnlib next to this script (PYTHONPATH), so a
copy of the repository can be mutated while you work in this one.

Only the standard library (``ast``) is used. Nothing inside f-strings (error messages,
reprs) or docstrings is mutated: a message is checked by ``pytest.raises(..., match=...)``.
"""

import argparse
import ast
import os
import signal
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "nnlib"

# The test files that exercise each module most directly, run first for every mutant (-x stops at the first
# failure). A mutant they all pass is run again against the rest of CORE_TESTS before it counts as a survivor.
TESTS = {
    "activations": ["test_activations", "test_fused_losses"],
    "losses": ["test_losses", "test_fused_losses"],
    "layers": ["test_init", "test_gradcheck", "test_fused_losses"],
    "network": ["test_network", "test_errors", "test_fused_losses"],
    "training": ["test_network", "test_errors", "test_fused_losses"],
    "optimisers": ["test_optimisers"],
    "regularisation": ["test_regularisation"],
    "checks": ["test_errors"],
    "data": ["test_data", "test_split"],
    "diagnostics/metrics": ["test_metrics"],
    "gradcheck": ["test_gradcheck"],
    "diagnostics/descent": ["test_descent"],
    "diagnostics/layer_stats": ["test_layer_stats"],
    "plot/grid": ["test_playground_grid"],
    "symbolic/__init__": ["test_symbolic"],
}
# Every unit test file of the numpy core (the plots, the playground and the exercises have tests of their own).
CORE_TESTS = ["test_activations", "test_losses", "test_fused_losses", "test_init", "test_errors", "test_gradcheck",
              "test_network", "test_optimisers", "test_regularisation", "test_layer_stats", "test_data", "test_split",
              "test_metrics", "test_descent", "test_import", "test_symbolic", "test_playground_grid"]

SWAPPED_OPERATORS = {
    ast.Add: ast.Sub, ast.Sub: ast.Add, ast.Mult: ast.Div, ast.Div: ast.Mult, ast.FloorDiv: ast.Div,
    ast.Mod: ast.FloorDiv, ast.Pow: ast.Mult, ast.MatMult: ast.Mult,
}
SWAPPED_COMPARISONS = {
    ast.Lt: ast.LtE, ast.LtE: ast.Lt, ast.Gt: ast.GtE, ast.GtE: ast.Gt, ast.Eq: ast.NotEq, ast.NotEq: ast.Eq,
    ast.Is: ast.IsNot, ast.IsNot: ast.Is, ast.In: ast.NotIn, ast.NotIn: ast.In,
}
SYMBOLS = {
    ast.Add: "+", ast.Sub: "-", ast.Mult: "*", ast.Div: "/", ast.FloorDiv: "//", ast.Mod: "%", ast.Pow: "**",
    ast.MatMult: "@", ast.Lt: "<", ast.LtE: "<=", ast.Gt: ">", ast.GtE: ">=", ast.Eq: "==", ast.NotEq: "!=",
    ast.Is: "is", ast.IsNot: "is not", ast.In: "in", ast.NotIn: "not in", ast.And: "and", ast.Or: "or",
}
ORDERINGS = (ast.Lt, ast.LtE, ast.Gt, ast.GtE)  # swapped for their non-strict partner, not negated
# Statements that "delete a statement" replaces with pass (compound ones are reached through their parts).
SIMPLE_STATEMENTS = (ast.Assign, ast.AugAssign, ast.AnnAssign, ast.Expr, ast.Return, ast.Raise, ast.Assert)


@dataclass
class Mutant:
    line: int
    description: str
    source: str  # the whole module, mutated


def changed_numbers(value):
    """The constants a number is mutated into: 0 → 1, 1 → 0 and 2, any other x → x/2 (an int x → x − 1)."""
    if value == 0:
        return [type(value)(1)]
    if value == 1:
        return [type(value)(0), type(value)(2)]
    return [value - 1] if isinstance(value, int) else [value / 2]


class MutantMaker(ast.NodeVisitor):
    """Walks a module's tree and collects (node, replacement text, description) for every mutation."""

    def __init__(self, source):
        self.source = source
        self.lines = source.splitlines(keepends=True)
        self.edits = []  # (start line, start col, end line, end col, new text, description)

    # -- positions -------------------------------------------------------------------
    def text(self, node):
        return ast.get_source_segment(self.source, node)

    def replace(self, node, new_text, description):
        self.edits.append((node.lineno, node.col_offset, node.end_lineno, node.end_col_offset, new_text,
                           description))

    def replace_expression(self, node, new_node, description):
        # Parenthesised, so the new expression keeps its meaning wherever the old one stood.
        self.replace(node, f"({ast.unparse(new_node)})", description)

    # -- what is not mutated ---------------------------------------------------------
    def visit_JoinedStr(self, node):
        pass  # f-strings: error messages and reprs

    def visit_body(self, body):
        for i, statement in enumerate(body):
            is_docstring = (i == 0 and isinstance(statement, ast.Expr) and isinstance(statement.value, ast.Constant)
                            and isinstance(statement.value.value, str))
            if is_docstring:
                continue
            if isinstance(statement, SIMPLE_STATEMENTS):
                self.replace(statement, "pass", f"delete `{first_line(self.text(statement))}`")
            self.visit(statement)

    def generic_visit(self, node):
        # Statement lists are walked by visit_body, everything else as usual.
        for name, value in ast.iter_fields(node):
            if name in ("body", "orelse", "finalbody") and isinstance(value, list) and value \
                    and isinstance(value[0], ast.stmt):
                self.visit_body(value)
            elif isinstance(value, list):
                for item in value:
                    if isinstance(item, ast.AST):
                        self.visit(item)
            elif isinstance(value, ast.AST):
                self.visit(value)

    # -- the mutations ---------------------------------------------------------------
    def visit_BinOp(self, node):
        swapped = SWAPPED_OPERATORS.get(type(node.op))
        if swapped:
            new = ast.BinOp(node.left, swapped(), node.right)
            self.replace_expression(node, new, f"{SYMBOLS[type(node.op)]} -> {SYMBOLS[swapped]} in "
                                               f"`{first_line(self.text(node))}`")
        self.generic_visit(node)

    def visit_AugAssign(self, node):
        swapped = SWAPPED_OPERATORS.get(type(node.op))
        if swapped:
            new = ast.AugAssign(node.target, swapped(), node.value)
            self.replace(node, ast.unparse(new), f"{SYMBOLS[type(node.op)]}= -> {SYMBOLS[swapped]}= in "
                                                 f"`{first_line(self.text(node))}`")
        self.generic_visit(node)

    def visit_UnaryOp(self, node):
        if isinstance(node.op, (ast.USub, ast.Not)):
            self.replace_expression(node, node.operand, f"drop the `{'-' if isinstance(node.op, ast.USub) else 'not'}`"
                                                        f" of `{first_line(self.text(node))}`")
        self.generic_visit(node)

    def visit_Compare(self, node):
        for i, op in enumerate(node.ops):
            swapped = SWAPPED_COMPARISONS.get(type(op))
            if swapped:
                ops = list(node.ops)
                ops[i] = swapped()
                new = ast.Compare(node.left, ops, node.comparators)
                self.replace_expression(node, new, f"{SYMBOLS[type(op)]} -> {SYMBOLS[swapped]} in "
                                                   f"`{first_line(self.text(node))}`")
        self.generic_visit(node)

    def visit_BoolOp(self, node):
        swapped = ast.Or if isinstance(node.op, ast.And) else ast.And
        new = ast.BoolOp(swapped(), node.values)
        self.replace_expression(node, new, f"{SYMBOLS[type(node.op)]} -> {SYMBOLS[swapped]} in "
                                           f"`{first_line(self.text(node))}`")
        self.generic_visit(node)

    def negate_condition(self, test):
        # `not` of `a == b` or of `not x` is already made by swapping the comparison or dropping the `not`.
        if isinstance(test, ast.UnaryOp) and isinstance(test.op, ast.Not):
            return
        if isinstance(test, ast.Compare) and len(test.ops) == 1 and not isinstance(test.ops[0], ORDERINGS):
            return
        self.replace_expression(test, ast.UnaryOp(ast.Not(), test),
                                f"negate the condition `{first_line(self.text(test))}`")

    def visit_node_with_a_test(self, node):
        self.negate_condition(node.test)
        self.generic_visit(node)

    visit_If = visit_While = visit_IfExp = visit_Assert = visit_node_with_a_test

    def visit_Constant(self, node):
        value = node.value
        if isinstance(value, bool):
            self.replace(node, str(not value), f"{value} -> {not value}")
        elif isinstance(value, (int, float)):
            for new in changed_numbers(value):
                self.replace(node, repr(new), f"constant {value!r} -> {new!r}")

    def visit_Call(self, node):
        for keyword in node.keywords:
            if keyword.arg == "keepdims":
                call = ast.Call(node.func, node.args, [k for k in node.keywords if k is not keyword])
                self.replace_expression(node, call, f"drop keepdims in `{first_line(self.text(node))}`")
        self.generic_visit(node)

    def visit_Return(self, node):
        value = node.value
        if value is not None and not (isinstance(value, ast.Constant) and value.value is None):
            self.replace(node, "return None", f"return None instead of `{first_line(self.text(value))}`")
            negated = negation(value)
            if negated is not None:
                self.replace(node, f"return {ast.unparse(negated)}",
                             f"return {ast.unparse(negated)[:40]} instead of `{first_line(self.text(value))}`")
        self.generic_visit(node)

    # -- the mutated modules -----------------------------------------------------------
    def mutants(self):
        line_starts = [0]
        for line in self.lines:
            line_starts.append(line_starts[-1] + len(line.encode()))
        data = self.source.encode()  # ast's column offsets count UTF-8 bytes
        seen = set()
        for start_line, start_col, end_line, end_col, new_text, description in self.edits:
            start = line_starts[start_line - 1] + start_col
            end = line_starts[end_line - 1] + end_col
            source = (data[:start] + new_text.encode() + data[end:]).decode()
            try:
                compile(source, "<mutant>", "exec")
            except SyntaxError:
                continue
            if source in seen:  # e.g. `if not x` negated and with its `not` dropped
                continue
            seen.add(source)
            yield Mutant(start_line, description, source)


def negation(value):
    """The opposite of a returned expression: `not x` for a condition, −x for a number, None if neither makes sense."""
    is_condition = isinstance(value, (ast.Compare, ast.BoolOp)) or (
        isinstance(value, ast.UnaryOp) and isinstance(value.op, ast.Not))
    if is_condition:
        return ast.UnaryOp(ast.Not(), value)
    if isinstance(value, (ast.Tuple, ast.List, ast.Dict, ast.Set, ast.JoinedStr, ast.ListComp, ast.Lambda)):
        return None
    if isinstance(value, ast.Constant) and not isinstance(value.value, (int, float)):
        return None
    if isinstance(value, ast.Name) and value.id in ("self",):
        return None
    return ast.UnaryOp(ast.USub(), value)


def first_line(text, width=60):
    line = text.strip().splitlines()[0]
    return line if len(line) <= width else line[:width - 1] + "…"


def make_mutants(path):
    source = path.read_text()
    maker = MutantMaker(source)
    maker.visit(ast.parse(source))
    # Ordered by line, so the report reads like the file.
    return sorted(maker.mutants(), key=lambda mutant: mutant.line)


def test_environment():
    """The environment of every test run: one BLAS thread, no plugins but hypothesis, this copy's nnlib first."""
    # PYTHONPATH: the nnlib next to this script is the one tested, even if another checkout is installed, so a
    # copy of the repository can be mutated while the tests of the real one keep running on the real code.
    return dict(os.environ, OPENBLAS_NUM_THREADS="1", PYTEST_DISABLE_PLUGIN_AUTOLOAD="1", PYTHONPATH=str(ROOT))


def check_the_tested_nnlib_is_this_one():
    found = subprocess.run([sys.executable, "-c", "import nnlib; print(nnlib.__file__)"], cwd=ROOT,
                           env=test_environment(), capture_output=True, text=True, check=True).stdout.strip()
    if Path(found).resolve().parent != PACKAGE:
        sys.exit(f"the tests would import {found}, not the nnlib in {PACKAGE}")


def preload_the_test_tools():
    """Import once what every test run needs, except nnlib itself: each forked run then starts warm."""
    os.environ.update(test_environment())  # before numpy starts its BLAS threads
    import hypothesis  # noqa: F401  (not its pytest plugin: pytest warns about a plugin imported before it)
    import numpy  # noqa: F401
    import pytest  # noqa: F401
    import sympy  # noqa: F401
    assert "nnlib" not in sys.modules, "nnlib must be imported fresh, mutated, by every test run"


def run_tests(test_files, timeout):
    """'killed', 'survived' or 'timeout' for the module as it now is on disk.

    The tests run in a child forked from this process, which has numpy, pytest, hypothesis and sympy
    imported but not nnlib: each run imports nnlib (the mutant) and the test files, nothing else.
    """
    pid = os.fork()
    if pid == 0:  # the child: run pytest and exit with its code, whatever happens
        code = 3
        try:
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, 1)
            os.dup2(devnull, 2)
            os.chdir(ROOT)
            sys.path.insert(0, str(ROOT))
            # No .pyc files written: a mutant of the same size written within the same second as another
            # could otherwise be loaded from the other one's cached bytecode.
            sys.dont_write_bytecode = True
            import pytest
            code = int(pytest.main(["-x", "-q", "-W", "error", "-p", "no:cacheprovider",
                                    "-p", "hypothesis.extra.pytestplugin", *test_files]))
        finally:
            os._exit(code)
    deadline = time.monotonic() + timeout
    finished = 0
    try:
        while True:
            finished, status = os.waitpid(pid, os.WNOHANG)
            if finished:
                break
            if time.monotonic() > deadline:
                return "timeout"
            time.sleep(0.02)
    finally:
        if not finished:  # a timeout, Ctrl-C or kill: the child must not run on against the restored module
            os.kill(pid, signal.SIGKILL)
            os.waitpid(pid, 0)
    # pytest's exit codes: 0 every test passed, 1 some failed, 2 interrupted (an error while collecting,
    # e.g. a mutant that cannot be imported). 3 (internal error), 4 (usage error) and 5 (no tests) mean the
    # run itself is broken: that must stop this script, not count as a kill.
    code = os.waitstatus_to_exitcode(status)
    if code not in (0, 1, 2):
        sys.exit(f"pytest {' '.join(test_files)} ended with exit code {code}: the test run itself is broken")
    return "survived" if code == 0 else "killed"


def outcome_of(module, timeout, confirm):
    """The direct tests first; only a mutant that survives them meets the rest of the core's tests."""
    outcome = run_tests([f"tests/{name}.py" for name in TESTS[module]], timeout)
    if outcome == "survived" and confirm:
        outcome = run_tests([f"tests/{name}.py" for name in CORE_TESTS if name not in TESTS[module]], timeout)
    return outcome


def mutate_module(module, timeout, confirm=True, only_lines=None):
    path = PACKAGE / f"{module}.py"
    if run_tests([f"tests/{name}.py" for name in TESTS[module]], timeout) != "survived":
        sys.exit(f"the tests of {module} fail on the unchanged nnlib: fix them before mutating it")
    original = path.read_text()
    mutants = make_mutants(path)
    if only_lines:
        mutants = [m for m in mutants if m.line in only_lines]
    outcomes = {"killed": [], "survived": [], "timeout": []}
    then = " (then the rest of the core's)" if confirm else ""
    print(f"{module}: {len(mutants)} mutants, tests {' '.join(TESTS[module])}{then}", flush=True)
    try:
        for i, mutant in enumerate(mutants, 1):
            path.write_text(mutant.source)
            outcome = outcome_of(module, timeout, confirm)
            outcomes[outcome].append(mutant)
            if outcome != "killed":
                print(f"  [{i}/{len(mutants)}] {outcome.upper()} nnlib/{module}.py:{mutant.line}: {mutant.description}",
                      flush=True)
            elif i % 25 == 0:
                print(f"  [{i}/{len(mutants)}]", flush=True)
    finally:
        path.write_text(original)  # always put the real module back
        assert path.read_text() == original, f"{path} was not restored"
    return outcomes


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--module", action="append", choices=sorted(TESTS),
                        help="a module of nnlib to mutate (repeat for several; default: all)")
    parser.add_argument("--line", type=int, action="append", help="only the mutants on this line (repeatable)")
    parser.add_argument("--timeout", type=float, default=60.0, help="seconds per mutant before it counts as a timeout")
    parser.add_argument("--quick", action="store_true",
                        help="run only the module's own test files, not the rest of the core's for its survivors")
    parser.add_argument("--list", action="store_true", help="print the mutants and stop, without running tests")
    args = parser.parse_args()
    modules = args.module or list(TESTS)

    if args.list:
        for module in modules:
            for mutant in make_mutants(PACKAGE / f"{module}.py"):
                if args.line and mutant.line not in args.line:
                    continue
                print(f"nnlib/{module}.py:{mutant.line}: {mutant.description}")
        return

    # `kill` (SIGTERM) then ends the run like Ctrl-C does, through the finally that restores the module.
    signal.signal(signal.SIGTERM, lambda signum, frame: sys.exit(1))
    check_the_tested_nnlib_is_this_one()
    preload_the_test_tools()
    started = time.monotonic()
    summary = {}
    for module in modules:
        summary[module] = mutate_module(module, args.timeout, not args.quick, args.line)

    print(f"\n{'module':<16}{'mutants':>8}{'killed':>8}{'survived':>10}{'timeout':>9}")
    for module, outcomes in summary.items():
        counts = [len(outcomes[k]) for k in ("killed", "survived", "timeout")]
        print(f"{module:<16}{sum(counts):>8}{counts[0]:>8}{counts[1]:>10}{counts[2]:>9}")
    survivors = [(module, mutant) for module, outcomes in summary.items()
                 for mutant in outcomes["survived"] + outcomes["timeout"]]
    if survivors:
        print("\nsurvivors and timeouts:")
        for module, mutant in survivors:
            print(f"  nnlib/{module}.py:{mutant.line}: {mutant.description}")
    print(f"\n{time.monotonic() - started:.0f} s")


if __name__ == "__main__":
    main()
