"""While a student's code runs, nnlib's own version of what the exercise builds refuses to run.

A build exercise asks the student to write, say, the sigmoid. Handing in ``nnlib.activations.sigmoid``
itself is caught by identity, but ``lambda z: sigmoid(z)``, a subclass that changes nothing, or a
function that calls nnlib's on the way are not. So during the student's call the forbidden functions'
code is swapped for code that raises ``UsedNnlib``: every name bound to them anywhere (an import made
in an earlier cell included) then reaches the stand-in. The original code is put back afterwards,
whatever happens.
"""

import contextlib
import functools
import inspect


class UsedNnlib(Exception):  # noqa: N818 (a verdict, not an error)
    """The student's code called nnlib's own implementation of what it was asked to write."""

    def __init__(self, name):
        super().__init__(name)
        self.name = name


def _stand_in(name):
    """A code object that raises UsedNnlib(name), usable in place of any function's code without a closure."""
    namespace = {}
    # The stand-in runs with the forbidden function's globals, so it imports what it raises by its full path.
    exec(f"def stand_in(*args, **kwargs):\n"
         f"    raise __import__('nnlib.exercises.forbid', fromlist=['UsedNnlib']).UsedNnlib({name!r})",
         namespace)
    return namespace["stand_in"].__code__


def _functions(thing):
    """The plain functions whose code is swapped: a function itself, or every method a class defines."""
    if inspect.isclass(thing):
        return [f for f in vars(thing).values() if inspect.isfunction(f) and not f.__code__.co_freevars]
    return [thing] if inspect.isfunction(thing) and not thing.__code__.co_freevars else []


@contextlib.contextmanager
def forbidding(things):
    """Within the block, calling any of ``things`` (functions or classes) raises UsedNnlib."""
    saved = []
    try:
        for thing in things:
            for function in _functions(thing):
                saved.append((function, function.__code__))
                function.__code__ = _stand_in(function.__qualname__)
        yield
    finally:
        for function, code in saved:
            function.__code__ = code


def is_one_of(answer, things):
    """Whether the answer is one of ``things`` itself, a bound method or partial of it, or a subclass of one."""
    target = answer
    while isinstance(target, functools.partial):
        target = target.func
    target = getattr(target, "__func__", target)
    if any(target is thing for thing in things):
        return True
    return inspect.isclass(target) and any(inspect.isclass(t) and issubclass(target, t) for t in things)


def name_of(thing):
    return getattr(thing, "__qualname__", getattr(thing, "__name__", repr(thing)))
