"""Answer keys of notebook 14 · Playground."""

import numpy as np

from . import misconceptions as m
from .tutor import Exercise, NotYet

BUDGET, BATCH = 0.040, 0.003  # exercise 14.3: a chunk's time budget and what every batch costs, in seconds

# Exercise 14.1 is judged on many fresh points at the default noise, not on the run's own test set: 40 points
# with train=0.9 leave 4 test points, which a straight line can get right by luck. At noise 0.2 the best
# boundary classifies about 88 % of the points (they overlap), a straight line about 50 %, and a neuron
# whose features lack one of the two that make a circle at most about 73 %: 85 % lies between, with room.
FRESH_POINTS, FRESH_SEED, NOISE, ENOUGH = 2000, 2026, 0.2, 0.85
# The features are judged apart from the run: a run with them and settings that train well (these) must
# reach ENOUGH. So a run that falls short with features that can do it is told so, not told to change them.
REFERENCE = "dataset=circles;hidden=none;lr=1;epochs=1000"


def fresh_accuracy(pg):
    """The fraction of FRESH_POINTS new circles points (noise NOISE) that the trained playground ``pg`` gets right."""
    from ..playground import make_data, parse_settings

    X, y = make_data(parse_settings(f"dataset=circles;n={FRESH_POINTS};noise={NOISE};seed={FRESH_SEED}"))
    return float(np.mean((pg.probabilities(X) > 0.5) == (y == 1)))


def circles_run(text):
    """A settings string judged for 14.1, as 1/0: [circles?, no hidden layer?, features that can do it?,
    at least ENOUGH of the fresh points right?]."""
    from ..playground import Playground, parse_settings

    if not isinstance(text, str):
        raise NotYet("give a settings string, e.g. \"dataset=circles;hidden=none;...\"")
    try:
        settings = parse_settings(text)
    except ValueError as error:
        raise NotYet(f"that settings string does not parse: {error}") from None
    if settings.epochs * settings.n > 2_000_000:
        raise NotYet("that run is too long to check here: keep epochs × points under 2 000 000")
    circles, flat = settings.dataset == "circles", settings.hidden == ()
    if not (circles and flat):
        return [circles, flat, 0, 0]
    can = fresh_accuracy(Playground(parse_settings(REFERENCE).replace(features=settings.features)).train()) >= ENOUGH
    return [1, 1, can, can and fresh_accuracy(Playground(settings).train()) >= ENOUGH]


def first_failed(index):
    """The run meets the exercise's conditions before ``index`` and fails condition ``index``."""
    return lambda got, right: got.shape == right.shape and bool(np.all(got[:index] == 1)) and got[index] == 0


def batches_in_a_chunk(budget=BUDGET, cost=BATCH):
    """What Playground.advance does: batch after batch, stopping before one that would end after the deadline."""
    done, now = 0, 0.0
    while True:
        done, now = done + 1, now + cost
        if now + cost > budget:
            return done


EXERCISES = {
    "14.1": Exercise(
        asks="your settings string",
        form="a settings string",
        answer=[1, 1, 1, 1],
        observe=circles_run,
        solution="dataset=circles;features=x1sq,x2sq;hidden=none;lr=1;epochs=500",
        # Every wrong run fails one of the four conditions: the first it fails is named.
        misconceptions=(
            m.Misconception("not circles", "that run is not on the circles (dataset=circles)", test=first_failed(0)),
            m.Misconception("hidden layer", "the exercise asks for no hidden layer (hidden=none): the features "
                            "must do the work", test=first_failed(1)),
            m.Misconception("a line", "one neuron draws a straight line in its inputs, and no straight line in "
                            "the features you chose encloses the inner ring (judged on 2000 new points, not on "
                            "the run's own test points): which features have the same value all around a "
                            "circle?", test=first_failed(2)),
            m.Misconception("not trained", "your features can do it, but this run did not get there on 2000 new "
                            "points at noise 0.2: train longer or with a larger learning rate, on points not "
                            "much noisier than that, with a small penalty or none", test=first_failed(3)),
        ),
        hints=("A point's distance from the centre decides its class. Which of the features make that distance?",
               "x1² + x2² is the squared distance from the centre: give the network those two features "
               "(and enough epochs and a learning rate near 1)."),
    ),
    "14.2": Exercise(
        asks="where the boundary crosses the x1 axis",
        form="a number (an x1 > 0)",
        answer=lambda w, b: np.sqrt(-b / w[0]),
        needs=("w", "b"),
        misconceptions=(
            m.looks_like("no square root", "that is x1², not x1: take the square root at the end",
                         lambda w, b: -b / w[0]),
            m.looks_like("z = 0.5", "the output p = σ(z) is 0.5 where z = 0, not where z = 0.5",
                         lambda w, b: np.sqrt((0.5 - b) / w[0])),
            m.looks_like("x2 axis", "that is where the boundary crosses the x2 axis: on the x1 axis x2 = 0, so "
                         "only x1²'s weight counts", lambda w, b: np.sqrt(-b / w[1])),
            m.sign_flip("the question asks for the crossing at x1 > 0"),
        ),
        hints=("On the boundary the output is 0.5, so z = w1·x1² + w2·x2² + b = 0; on the x1 axis x2 = 0.",
               "Solve w1·x1² + b = 0 for x1 > 0."),
    ),
    "14.3": Exercise(
        asks="the number of batches",
        form="a whole number",
        answer=batches_in_a_chunk(),
        misconceptions=(
            m.looks_like("past the deadline", "that last batch would end after the deadline: advance stops "
                         "before a batch that would probably finish late", batches_in_a_chunk() + 1),
            m.looks_like("a fraction", "a chunk runs whole batches", BUDGET / BATCH),
            m.off_by_one("count the batches that end by the deadline, one by one"),
        ),
        hints=("Batch k ends at k · 3 ms. advance stops after batch k if batch k + 1 would end after 40 ms.",
               "Every batch that ends by the deadline runs: find the largest k with k · 3 ms ≤ 40 ms."),
    ),
}
