"""The exercises of the series: checks that answer like a tutor and never give the answer away.

In a notebook::

    from nnlib.exercises import check, hint
    check("04.1", my_answer)    # prints "not attempted yet: ...", "not yet: <what is likely wrong>" or "correct: ..."
    hint("04.1")                # the next hint: a nudge first, then the formula, never the number

Some checks need the exercise's data, passed by name (``check("04.2", my_dW, dZ1=dZ1, X=X)``), never its
answer. Instructors get the solutions with ``solution("04.1")``.

The machinery is in tutor.py, the known mistakes it recognises in misconceptions.py, and the answer keys in
one module per notebook: nb00.py, nb01.py, ... (a dict ``EXERCISES`` of id → ``Exercise``).
"""

from .legacy import check_function, check_value
from .tutor import NOT_ATTEMPTED, Exercise, NotYet, check, hint, solution

__all__ = ["check", "hint", "solution", "Exercise", "NotYet", "NOT_ATTEMPTED", "check_value", "check_function"]
