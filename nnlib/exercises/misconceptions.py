"""Known mistakes, and how to recognise them in an answer.

A tutor who sees a wrong answer often knows at once what went wrong: "that is the transpose", "a factor 2
is missing". A ``Misconception`` is that knowledge written down: a name (for the tests), one sentence for
the student (which never contains the answer), and a way to tell whether an answer shows the mistake.
There are three ways, and each misconception uses one:

- ``wrong``: a function of the right answer that gives what the mistake produces (the transpose, half of
  it, minus it, ...). This is how the shared detectors below work: they need nothing but the answer.
- ``answer``: the mistaken answer itself, written like the key's right answer (a value, a function of
  the check's context, or for a function exercise the mistaken function), e.g. σ'(σ(z)) instead of σ'(z).
- ``test``: a yes/no question about the student's answer, for mistakes no single wrong value describes
  (e.g. "gives -inf somewhere the right answer is finite").

The shared detectors take an optional ``why``: half a sentence, specific to the exercise, that says where
the mistake usually comes from.
"""

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np


@dataclass(frozen=True)
class Misconception:
    name: str
    message: str
    wrong: Callable | None = None   # (right answer as an array, context) -> list of what the mistake gives
    answer: object = None           # or the mistaken answer, in the same form as the key's answer
    test: Callable | None = None    # or (student's answer as an array, right answer) -> True if it shows the mistake


def _say(sentence, why):
    return f"{sentence}: {why}" if why else sentence


def _count(n, context):
    return n(**context) if callable(n) else n


def transposed(why=""):
    """Rows and columns swapped: the answer is the right matrix's transpose."""
    return Misconception("transposed", _say("this looks like the transpose of the right matrix", why),
                         wrong=lambda right, context: [right.T] if right.ndim == 2 else [])


def missing_factor_2(why=""):
    return Misconception("missing factor 2", _say("a factor 2 seems to be missing", why),
                         wrong=lambda right, context: [right / 2])


def extra_factor_2(why=""):
    return Misconception("extra factor 2", _say("there seems to be a factor 2 too many", why),
                         wrong=lambda right, context: [2 * right])


def sign_flip(why=""):
    return Misconception("sign flip", _say("the sign looks flipped", why),
                         wrong=lambda right, context: [-right])


def off_by_one(why="", step=1):
    """One too many or one too few (``step``: the size of "one", e.g. 0.01 for one point in a hundred)."""
    return Misconception("off by one", _say("this is off by one", why),
                         wrong=lambda right, context: [right - step, right + step])


def mean_instead_of_sum(n=None, *, answer=None, why=""):
    """A mean where a sum belongs: the right answer divided by ``n`` (a number or a function of the context)."""
    message = _say("this looks like a mean where a sum belongs", why)
    if answer is not None:
        return Misconception("mean instead of sum", message, answer=answer)
    return Misconception("mean instead of sum", message, wrong=lambda right, context: [right / _count(n, context)])


def sum_instead_of_mean(n=None, *, answer=None, why=""):
    """A sum where a mean belongs: the right answer times ``n``."""
    message = _say("this looks like a sum where a mean belongs", why)
    if answer is not None:
        return Misconception("sum instead of mean", message, answer=answer)
    return Misconception("sum instead of mean", message, wrong=lambda right, context: [right * _count(n, context)])


def derivative_of_output(answer, f="σ", why=""):
    """f'(f(z)) instead of f'(z): the derivative applied to an output that is already activated."""
    sentence = f"this looks like {f}'({f}(z)) instead of {f}'(z): the derivative was applied to an output " \
               "that is already activated"
    return Misconception("derivative of the output", _say(sentence, why), answer=answer)


def labels_swapped(answer=None, why=""):
    """Labels and predictions swapped. Where swapping them only flips a sign (y − p for p − y), give no answer."""
    message = _say("this looks like the labels and the predictions swapped", why)
    if answer is None:
        return Misconception("labels and predictions swapped", message, wrong=lambda right, context: [-right])
    return Misconception("labels and predictions swapped", message, answer=answer)


def looks_like(name, message, answer):
    """An exercise's own misconception: ``answer`` is what a student who makes it would give."""
    return Misconception(name, message, answer=answer)


def not_finite_where_right_is(why=""):
    """The answer has inf or nan where the right answer is an ordinary number (a value rounded to 0 or 1 first)."""
    def test(got, right):
        return bool(np.any(~np.isfinite(got) & np.isfinite(right)))
    message = _say("your answer has inf or nan where the right one is an ordinary number", why)
    return Misconception("not finite", message, test=test)
