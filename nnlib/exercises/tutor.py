"""check, hint and solution: the machinery behind every exercise of the series.

An exercise's key (an ``Exercise`` in nnlib/exercises/nbNN.py) holds the right answer, the points at which a
function answer is tried, the misconceptions to look for and the hints. ``check`` compares a student's
answer with the key and prints one verdict; it never prints the right answer, nor a shape that would
give it away.
"""

import importlib
import re
import warnings
from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

from . import record
from .misconceptions import Misconception

NOT_ATTEMPTED = "not attempted yet: replace the ... with your answer and run the cell again."


class NotYet(Exception):  # noqa: N818 (it is a verdict, not an error)
    """Raised by a key's ``observe`` to say what is wrong with the form of an answer (e.g. "give four numbers")."""


@dataclass(frozen=True)
class Exercise:
    """The key of one exercise.

    asks:     what the answer is, as the verdicts name it, e.g. "∂L/∂c".
    answer:   the right answer: a value; or a function of the context (see ``needs``) that computes it; or,
              for a function exercise, the reference function the student's function must agree with.
    points:   a function exercise: the student's function is called on this array, once.
    cases:    or: it is called once per tuple of arguments in this list (functions of several arrays).
    needs:    the keyword context ``check`` must be given (the exercise's data, never its answer).
    observe:  turns the student's answer into what is compared, e.g. a neuron's weights into its outputs
              (``answer`` and the misconceptions' answers are then written as such outputs).
    solution: what an instructor would hand in, if it is not ``answer`` itself (e.g. the weights).
    misconceptions: tried in order; the first one that fits names the mistake.
    hints:    the stages ``hint`` gives: a nudge first, the formula last, never the number.
    form:     what kind of answer is expected, e.g. "a number" or "a function of z".
    rtol:     how close counts as correct, relative to the size of the right answer.
    """

    asks: str
    answer: object
    form: str = "a number"
    points: object = None
    cases: tuple = ()
    needs: tuple = ()
    observe: Callable | None = None
    solution: object = None
    misconceptions: tuple = ()
    hints: tuple = ()
    rtol: float = 1e-6

    @property
    def wants_function(self):
        return self.points is not None or bool(self.cases)


# -- finding an exercise ------------------------------------------------------------------------------

def _key(exercise_id):
    """The Exercise filed under an id such as "04.2", from the module nnlib/exercises/nb04.py."""
    if not isinstance(exercise_id, str) or not re.fullmatch(r"\d\d\.\d+", exercise_id):
        raise ValueError(f'exercise id must be a string like "04.2" (notebook, dot, number); got {exercise_id!r}')
    module_name = f"{__package__}.nb{exercise_id[:2]}"
    try:
        module = importlib.import_module(module_name)
    except ModuleNotFoundError as error:
        if error.name != module_name:
            raise
        raise ValueError(f"exercise id {exercise_id!r}: notebook {exercise_id[:2]} has no exercises") from None
    if exercise_id not in module.EXERCISES:
        known = ", ".join(f'"{name}"' for name in module.EXERCISES)
        raise ValueError(f"exercise id {exercise_id!r} does not exist; notebook {exercise_id[:2]} has {known}")
    return module.EXERCISES[exercise_id]


def _checked_context(exercise_id, exercise, context):
    missing = [name for name in exercise.needs if name not in context]
    extra = [name for name in context if name not in exercise.needs]
    if missing:
        wanted = ", ".join(f"{name}=..." for name in exercise.needs)
        raise TypeError(f'check("{exercise_id}", answer, {wanted}) needs the data of the exercise; missing {missing}')
    if extra:
        raise TypeError(f'check("{exercise_id}", ...) takes no keyword argument {extra[0]!r}')
    return context


# -- evaluating answers -------------------------------------------------------------------------------

def _is_missing(answer):
    """``...``, None, or a list/tuple with a ``...`` left in it."""
    if answer is None or answer is Ellipsis:
        return True
    return isinstance(answer, (list, tuple)) and any(_is_missing(part) for part in answer)


def _call(function, exercise):
    """The function's results at the key's points: one array (or None if the function is a stub)."""
    with warnings.catch_warnings(), np.errstate(all="ignore"):
        warnings.simplefilter("ignore")  # e.g. log(0) in a student's function: judged by its result below
        if exercise.points is not None:
            result = function(np.array(exercise.points, dtype=float))
            if _is_missing(result):
                return None
            return np.broadcast_to(np.asarray(result, dtype=float), np.shape(exercise.points))
        results = [function(*(np.array(arg) for arg in case)) for case in exercise.cases]
        if any(_is_missing(r) for r in results):
            return None
        shapes = [np.shape(r) for r in results]
        if len(set(shapes)) > 1:  # e.g. a mask returned where a count is asked, for inputs of different lengths
            raise NotYet(f"your function's results have different shapes for different inputs ({shapes[0]} and "
                         f"{next(s for s in shapes if s != shapes[0])}); this exercise asks for {exercise.form}")
        return np.array(results, dtype=float)


def _evaluate(spec, exercise, context):
    """A right or mistaken answer written in the key's form, as an array comparable with the student's."""
    if exercise.wants_function:
        return _call(spec, exercise)
    return np.asarray(spec(**context) if callable(spec) else spec, dtype=float)


def _close(got, right, rtol):
    """Entry by entry: within rtol of the right entry (of the largest entry, for entries near 0)."""
    finite = np.abs(right[np.isfinite(right)])
    scale = finite.max() if finite.size else 0.0
    with np.errstate(invalid="ignore"):
        close = np.abs(got - right) <= rtol * np.maximum(np.abs(right), 1e-3 * scale) + 1e-12
    return close | (got == right) | (np.isnan(got) & np.isnan(right))


def _same(got, right, rtol):
    got = _fitted(got, right)
    return got is not None and bool(np.all(_close(got, right, rtol)))


def _fitted(got, right):
    """got reshaped to right's shape where only length-1 axes differ: a (1, k) row for (k,), a 1×1 for a number."""
    if got.shape == right.shape:
        return got
    if got.size == right.size == 1:
        return got.reshape(right.shape)
    if 1 not in right.shape and tuple(d for d in got.shape if d != 1) == right.shape:
        return got.reshape(right.shape)
    return None


def _written(x):
    """How x looks written out in full: (its decimals, its significant digits); 3.8e-06 is 0.0000038: (7, 2)."""
    text = np.format_float_positional(float(x), trim="-").lstrip("-")
    decimals = len(text.split(".")[1]) if "." in text else 0
    return decimals, len(text.replace(".", "").lstrip("0"))


def _looks_rounded(got, right):
    """Every entry is the right one rounded or cut off at the precision the student worked to.

    That precision is the most decimals any entry shows (np.round(a, 2) writes 1.0012 as 1.0,
    so 1.0 next to 0.25 counts as rounded to 2 decimals), and some entry must show at least
    2 significant digits: a lone 1 or 0.5 is a guess, not a rounding.
    """
    if got.shape != right.shape or not np.all(np.isfinite(got)):
        return False
    written = [_written(g) for g in got.ravel()]
    decimals = max(d for d, _ in written)
    if max(s for _, s in written) < 2:
        return False
    step = 10.0**-decimals
    for g, r in zip(got.ravel(), right.ravel()):
        rounded = abs(g - r) <= 0.5 * step * (1 + 1e-9)
        cut_off = abs(g) <= abs(r) and abs(g - r) < step and g * r >= 0
        if not (rounded or cut_off):
            return False
    return True


def _shows(misconception: Misconception, got, right, exercise, context):
    if misconception.test is not None:   # a question about the answer's entries: only for an answer of right's shape
        return got.shape == right.shape and bool(misconception.test(got, right))
    if misconception.wrong is not None:
        candidates = misconception.wrong(right, context)
    else:
        candidates = [_evaluate(misconception.answer, exercise, context)]
    return any(_same(got, np.asarray(c, dtype=float), exercise.rtol) for c in candidates)


def _student(answer, exercise):
    """The student's answer as an array, or None for a stub; NotYet says what is wrong with its form."""
    if exercise.wants_function:
        if not callable(answer):
            raise NotYet(f"this exercise asks for {exercise.form} (a lambda, or the name of a def), "
                         f"not a {type(answer).__name__}")
        return _call(answer, exercise)
    if callable(answer):
        raise NotYet(f"this exercise asks for {exercise.form}, not a function")
    value = exercise.observe(answer) if exercise.observe is not None else answer
    try:
        value = np.asarray(value)
    except ValueError:  # lists of different lengths
        value = np.asarray(None)
    if value.dtype.kind not in "biuf":  # numbers only: no strings ("0.46" is not an answer), no None inside
        raise NotYet(f"this exercise asks for {exercise.form}, not a {type(answer).__name__}")
    return value.astype(float)


def _sentence(text):
    return text if text.endswith((".", "?", "!")) else text + "."


def _verdict(exercise_id, exercise, answer, context):
    """The one line ``check`` prints."""
    if hasattr(exercise, "judge"):   # a build exercise (build.py) grades the student's code itself
        return exercise.judge(exercise_id, answer, context)
    if _is_missing(answer):
        return NOT_ATTEMPTED
    try:
        got = _student(answer, exercise)
    except NotImplementedError:
        return NOT_ATTEMPTED
    except NotYet as reason:
        return f"not yet: {_sentence(str(reason))}"
    except Exception as error:  # a student's bug is explained, not turned into a traceback
        return f"not yet: your {'function' if exercise.wants_function else 'answer'} raised " \
               f"{type(error).__name__}: {error}"
    if got is None:  # a function whose body is still ... returns None
        return NOT_ATTEMPTED
    right = _evaluate(exercise.answer, exercise, context)
    got = _fitted(got, right) if _fitted(got, right) is not None else got
    if _same(got, right, exercise.rtol):
        return f"correct: {exercise.asks} is right."
    for misconception in exercise.misconceptions:
        if _shows(misconception, got, right, exercise, context):
            return f"not yet: {_sentence(misconception.message)}"
    if got.shape != right.shape:
        return f"not yet: your answer does not have the shape of {exercise.asks}; this exercise asks for " \
               f"{exercise.form}. hint(\"{exercise_id}\") gives a nudge."
    if not exercise.wants_function and _looks_rounded(got, right):
        return "not yet: your answer looks rounded; give it unrounded (let Python compute it, do not retype it)."
    if not np.all(np.isfinite(got)):
        return "not yet: your answer contains inf or nan."
    if exercise.points is not None:
        differ = ~_close(got, right, exercise.rtol)
        first = np.asarray(exercise.points, dtype=float)[differ].ravel()[0]
        return f"not yet: your function differs from {exercise.asks} at {differ.sum()} of {differ.size} test " \
               f"points, the first at {first:g}. hint(\"{exercise_id}\") gives a nudge."
    return f"not yet: that is not {exercise.asks}. hint(\"{exercise_id}\") gives a nudge."


# -- the three functions the notebooks call -----------------------------------------------------------

def check(exercise_id, answer, **context):
    """Print one verdict on ``answer``: "not attempted yet", "not yet: <what is likely wrong>" or "correct".

    ``context`` is the exercise's data where its key needs them (e.g. ``X=X``), never its answer.
    Returns None, so a check on the last line of a cell shows only its verdict.
    """
    exercise = _key(exercise_id)
    verdict = _verdict(exercise_id, exercise, answer, _checked_context(exercise_id, exercise, context))
    record.note(exercise_id, verdict)
    print(verdict)


_hints_given = {}


def hint(exercise_id):
    """Print the next hint of an exercise: first a nudge, then the formula to use; never the number."""
    hints = _key(exercise_id).hints
    if not hints:
        return print(f'exercise "{exercise_id}" has no hints.')
    stage = min(_hints_given.get(exercise_id, 0), len(hints) - 1)
    gate, tries = getattr(_key(exercise_id), "hint_gate", 0), record.wrong_tries(exercise_id)
    if stage == len(hints) - 1 and tries < gate:   # the formula only after the student has tried
        return print(f"hint {stage + 1} of {len(hints)} (the formula) comes after {gate} wrong tries at check "
                     f"(so far: {tries}): try your function, the check's verdict says what is wrong with it.")
    _hints_given[exercise_id] = stage + 1
    last = " (the last one)" if stage == len(hints) - 1 else ""
    print(f"hint {stage + 1} of {len(hints)}{last}: {hints[stage]}")


def solution(exercise_id, **context):
    """The instructors' solution: a value, or a function for an exercise that asks for one.

    An exercise that needs context (see ``Exercise.needs``) computes its solution from it.
    """
    exercise = _key(exercise_id)
    if hasattr(exercise, "judge"):   # a build exercise: the function its source defines
        return exercise.solution
    context = _checked_context(exercise_id, exercise, context)
    if exercise.solution is not None:
        return exercise.solution
    if callable(exercise.answer) and not exercise.wants_function:
        return exercise.answer(**context)
    return exercise.answer

