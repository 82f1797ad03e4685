"""Build exercises: the student writes a function (a piece of the network), the tutor grades it.

The key (a ``Build`` in nnlib/exercises/nbNN.py) holds a reference implementation written in the key
itself, and a recipe for inputs. At every check the recipe makes new inputs from a fresh random seed:
shapes, sizes and values that appear nowhere in the notebook, so a function that works only for the
notebook's example, or a value left in a variable, cannot pass. The student's function is run on a
copy of each case with nnlib's own implementation of the piece switched off (forbid.py), its warnings
recorded, and its results compared with the reference's; a backward pass is also held to a gradient
check of the key's loss. The first case that fails is named with what differs (describe.py), and a
known mistake is recognised by running the key's wrong implementations on the same case.
"""

import copy
import re
import warnings
from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

from ..gradcheck import numerical_gradient, relative_error
from .describe import as_outputs, difference, fitted
from .forbid import UsedNnlib, forbidding, is_one_of, name_of
from .tutor import NOT_ATTEMPTED, NotYet, _is_missing, _sentence

SEED = None   # None: every check draws fresh inputs; the tests fix it to replay a case


@dataclass(frozen=True)
class Case:
    """One input to the student's function: its arguments and how the verdicts name it."""

    what: str                       # e.g. "z of shape (37,)", "X of shape (7, 3) with 4 hidden units"
    args: tuple
    locate: Callable | None = None  # index of an entry of the result -> "z = -731.2", to say where it differs


@dataclass(frozen=True)
class Build:
    """The key of a build exercise.

    asks:       what the student writes, as the verdicts name it, e.g. "your sigmoid".
    form:       the function's signature in words, e.g. "a function of z returning σ(z)".
    outputs:    the names of what the function returns, one per returned array, e.g. ("dW1", "db1", ...).
    reference:  the right implementation (written in the key, not nnlib's), called like the student's.
    cases:      rng -> list of Case; made anew at every check.
    misconceptions: Misconception(answer=a wrong implementation): the first one whose results equal the
                student's on the failing case names the mistake; or Misconception(test=...), a question
                (student's outputs, right outputs, case) -> bool, for a mistake no single wrong function gives.
    forbidden:  nnlib's own objects that must not be handed in nor called.
    loss:       for a backward pass: case -> (objective, parameters): objective(parameters) is the loss, and the
                gradient check compares the student's gradients (in the order of ``outputs``) with its central
                differences with respect to each of the parameters.
    after:      (student's function, context) -> None, or the reason it is not yet done (e.g. "it does not
                learn XOR"); run once every case has passed.
    warns:      what to say when the results are right but numpy warned; None: warnings are allowed.
    harness:    for a class (a layer) or a loop that needs a network: runs an implementation on a case and returns
                its results (e.g. builds the layer, calls forward, backward and update, returns what they gave).
    done:       what the correct verdict adds after "right on N new cases made just now", e.g. ", and ...".
    source:     the instructors' solution as the text a student would type (the notebook test fills cells
                with it); solution() returns the function it defines.
    """

    asks: str
    form: str
    outputs: tuple
    reference: Callable
    cases: Callable
    source: str
    misconceptions: tuple = ()
    forbidden: tuple = ()
    loss: Callable | None = None
    after: Callable | None = None
    needs: tuple = ()
    warns: str | None = None
    done: str = ""          # what the correct verdict adds, e.g. what ``after`` has shown
    hints: tuple = ()
    harness: Callable | None = None   # (the student's or the key's implementation, *case args) -> results
    hint_gate: int = 2      # the last hint (the formula) only after this many wrong tries at check
    rtol: float = 1e-9
    atol: float = 1e-12

    wants_function = True

    @property
    def solution(self):
        namespace = {}
        exec(self.source, namespace)   # the source imports what it uses, as a notebook cell would
        return namespace[re.findall(r"^(?:def|class) (\w+)", self.source, re.MULTILINE)[-1]]

    def judge(self, exercise_id, answer, context):
        return _verdict(exercise_id, self, answer, context)


def _as_function(build, implementation):
    """The implementation as a function of the case's arguments (through the key's harness, if it has one)."""
    if build.harness is None:
        return implementation
    return lambda *args: build.harness(implementation, *args)


def _run(function, case, forbidden):
    """The function's results on a copy of the case, with the warnings numpy raised on the way."""
    args = copy.deepcopy(case.args)
    with warnings.catch_warnings(record=True) as caught, forbidding(forbidden):
        warnings.simplefilter("always")
        result = function(*args)
    return result, [str(w.message) for w in caught if issubclass(w.category, RuntimeWarning)]


def _quiet(function, case):
    with warnings.catch_warnings(), np.errstate(all="ignore"):
        warnings.simplefilter("ignore")
        return function(*copy.deepcopy(case.args))


def _compare(build, got, right, case):
    """None if every output is right, else what differs."""
    for name, g, r in zip(build.outputs, got, right):
        shaped = fitted(g, r)
        if shaped is None:
            return f"your {name} has shape {g.shape}; it must have shape {r.shape}"
        said = difference(name, shaped, r, build.rtol, build.atol, case.locate)
        if said:
            return said
    return None


def _recognised(build, got, case):
    """The message of the first known mistake whose results equal the student's on this case."""
    for misconception in build.misconceptions:
        if misconception.test is not None:
            right = as_outputs(_quiet(_as_function(build, build.reference), case), build.outputs)
            if misconception.test(got, right, case):
                return misconception.message
            continue
        try:
            wrong = as_outputs(_quiet(_as_function(build, misconception.answer), case), build.outputs)
        except Exception:   # a mistake that crashes on this case cannot be what the student did here
            continue
        if wrong is not None and _compare(build, got, wrong, case) is None:
            return misconception.message
    return None


def _gradient_check(build, got, case):
    """None, or which of the student's gradients central differences of the key's loss disagree with.

    build.loss(case) gives (objective, parameters): a list in the order of ``outputs``, or a dict from the names
    of the outputs that are gradients to the arrays they are gradients with respect to.
    """
    objective, parameters = build.loss(case)
    names = list(parameters) if isinstance(parameters, dict) else list(build.outputs)
    theta = [np.array(p, dtype=float) for p in (parameters.values() if isinstance(parameters, dict) else parameters)]
    results = dict(zip(build.outputs, got))
    for name, array in zip(names, theta):
        numeric = numerical_gradient(lambda: objective(theta), array)
        mine = fitted(results[name], numeric)
        error = relative_error(mine, numeric)
        # a gradient near 0 (e.g. a bias whose samples cancel) makes any relative error large: 1e-7 absolute is
        # far below a real mistake and far above central differences' noise on these losses
        if error > 1e-6 and np.linalg.norm(mine - numeric) > 1e-7:
            return f"a gradient check on this case finds your {name} off by a relative error of {error:.1e}"
    return None


def _verdict(exercise_id, build, answer, context):
    if _is_missing(answer):
        return NOT_ATTEMPTED
    if not callable(answer):
        return f"not yet: this exercise asks for {build.form} (the name of your def or class), " \
               f"not a {type(answer).__name__}."
    if is_one_of(answer, build.forbidden):
        return f"not yet: that is nnlib's own {name_of(answer)}; this exercise asks you to write it yourself."
    rng = np.random.default_rng(SEED)
    cases = build.cases(rng)
    for number, case in enumerate(cases, start=1):
        label = f"case {number} of {len(cases)} ({case.what})"
        try:
            result, warned = _run(_as_function(build, answer), case, build.forbidden)
        except UsedNnlib as used:
            return f"not yet: your code calls nnlib's own {used.name}; this exercise asks you to write " \
                   "it yourself (nnlib's version is for after the check)."
        except NotImplementedError:
            return NOT_ATTEMPTED
        except NotYet as reason:   # the key's harness says what is wrong with the form of the student's code
            return f"not yet: on {label}, {_sentence(str(reason))}"
        except Exception as error:   # a student's bug is explained, not turned into a traceback
            return f"not yet: on {label} your code raised {type(error).__name__}: {error}"
        if _is_missing(result):
            return NOT_ATTEMPTED
        try:
            got = as_outputs(result, build.outputs)
        except NotYet as reason:
            return f"not yet: {_sentence(str(reason))}"
        if got is None:
            return NOT_ATTEMPTED
        right = as_outputs(_quiet(_as_function(build, build.reference), case), build.outputs)
        differs = _compare(build, got, right, case)
        if differs:
            known = _recognised(build, got, case)
            more = f" Likely cause: {_sentence(known)}" if known else \
                f" hint(\"{exercise_id}\") gives a nudge."
            return f"not yet: on {label}, {_sentence(differs)}{more}"
        if build.loss is not None:
            failed = _gradient_check(build, got, case)
            if failed:
                return f"not yet: on {label}, {_sentence(failed)}"
        if warned and build.warns is not None:
            return f"not yet: on {label} your results are right, but numpy warned \"{warned[0]}\": " \
                   f"{_sentence(build.warns)}"
    if build.after is not None:
        reason = build.after(answer, context)
        if reason:
            return f"not yet: {_sentence(reason)}"
    return f"correct: {build.asks} is right on {len(cases)} new cases made just now{build.done}."
