"""The exercises of the series: checks that answer like a tutor and never give the answer away.

In a notebook::

    from nnlib.exercises import check, hint
    check("04.1", my_answer)    # prints "not attempted yet: ...", "not yet: <what is likely wrong>" or "correct: ..."
    hint("04.1")                # the next hint: a nudge first, then the formula, never the number
    progress("04")              # which exercises this kernel has seen correct, tried, or not attempted

Some checks need the exercise's data, passed by name (``check("04.2", my_dW, dZ1=dZ1, X=X)``), never its
answer. Instructors get the solutions with ``solution("04.1")``.

Build exercises (the student writes a function: a sigmoid, a backward pass, a training loop) are
graded on inputs made at check time by build.py, with nnlib's own version switched off (forbid.py) and
the differences described without the right values (describe.py); their keys are in track01.py, track02.py,
... . The machinery is in tutor.py, the known mistakes it recognises in misconceptions.py, what this kernel
has seen in record.py (``progress``), and the answer keys in one module per notebook: nb00.py, nb01.py, ...
(a dict ``EXERCISES`` of id → ``Exercise`` or ``Build``).
"""

from .build import Build, Case
from .record import progress, solved
from .tutor import NOT_ATTEMPTED, Exercise, NotYet, check, hint, solution

__all__ = ["check", "hint", "solution", "progress", "solved", "Exercise", "Build", "Case", "NotYet",
           "NOT_ATTEMPTED"]
