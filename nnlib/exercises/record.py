"""What this kernel has seen of each exercise: correct, tried but not yet correct, or not attempted.

``check`` notes every verdict here; ``hint`` asks how often an exercise was tried (its last stage, the
formula, waits for two wrong tries); ``progress`` prints the record for one notebook or the series.
"""

import importlib
import pkgutil

_correct = set()
_wrong = {}   # exercise id -> how many "not yet" verdicts check has given it


def note(exercise_id, verdict):
    if verdict.startswith("correct"):
        _correct.add(exercise_id)
    elif verdict.startswith("not yet"):
        _wrong[exercise_id] = _wrong.get(exercise_id, 0) + 1


def solved(exercise_id):
    """Whether check has said "correct" to this exercise in this kernel (a notebook then goes on with the
    student's own code instead of nnlib's stand-in)."""
    return exercise_id in _correct


def wrong_tries(exercise_id):
    return _wrong.get(exercise_id, 0)


def _notebooks():
    """Notebook number -> its exercise ids in key order, for every notebook with an answer key."""
    package = importlib.import_module(__package__)
    names = sorted(m.name for m in pkgutil.iter_modules(package.__path__) if m.name[:2] == "nb")
    return {name[2:]: list(importlib.import_module(f"{__package__}.{name}").EXERCISES) for name in names}


def _line(label, ids):
    return f"  {label:<16}{', '.join(ids)}" if ids else None


def progress(notebook=None):
    """Print, for one notebook ("01" or 1) or for the whole series, what this kernel has seen."""
    notebooks = _notebooks()
    if notebook is not None:
        key = f"{int(notebook):02d}" if str(notebook).isdigit() else str(notebook)
        if key not in notebooks:
            raise ValueError(f"notebook must be one of {', '.join(notebooks)}; got {notebook!r}")
        notebooks = {key: notebooks[key]}
    for key, ids in notebooks.items():
        correct = [i for i in ids if i in _correct]
        tried = [f"{i} ({_wrong[i]}×)" for i in ids if i not in _correct and i in _wrong]
        untried = [i for i in ids if i not in _correct and i not in _wrong]
        print(f"notebook {key}: {len(correct)} of {len(ids)} correct")
        for line in (_line("correct:", correct), _line("not yet correct:", tried), _line("not attempted:", untried)):
            if line:
                print(line)
