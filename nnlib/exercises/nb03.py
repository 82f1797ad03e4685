"""Answer keys of notebook 03 · Logic gates."""

import numpy as np

from ..activations import step
from . import misconceptions as m
from .tutor import Exercise, NotYet

CORNERS = np.array([[0.0, 0.0], [0.0, 1.0], [1.0, 0.0], [1.0, 1.0]])
XNOR, XOR, AND, NOR = [1, 0, 0, 1], [0, 1, 1, 0], [0, 0, 0, 1], [1, 0, 0, 0]


def cross_neuron_outputs(weights):
    """What a step neuron with inputs (x1, x2, x1·x2) and weights (w1, w2, w3, b) says at the four corners."""
    try:
        w = np.asarray(weights, dtype=float).ravel()
    except (TypeError, ValueError):
        raise NotYet("give four numbers: (w1, w2, w3, b)") from None
    if w.size != 4:
        raise NotYet("give four numbers: (w1, w2, w3, b)")
    features = np.column_stack([CORNERS, CORNERS[:, 0] * CORNERS[:, 1]])
    return step(features @ w[:3] + w[3])


def same_everywhere(got, right):
    return bool(np.all(got == got.flat[0]))


OWN_FEATURE_SOLUTION = "my_feature = lambda x1, x2: (x1 + x2) ** 2;  my_weights = (2, 2, -1, -0.5)"


def own_feature_outputs(answer):
    """03.4: what a step neuron with inputs (x1, x2, f(x1, x2)) and the student's weights says at the corners.

    A feature that cannot help is refused with the reason: one that is a weighted sum of x1, x2 and 1 at the
    corners (the four lifted points stay on one plane, where XOR stays inseparable), the notebook's x1·x2 up to
    scale and shift, or XOR itself (a neuron that copies its input has learnt nothing).
    """
    try:
        feature, weights = answer
    except (TypeError, ValueError):
        raise NotYet("give two things: your feature, a function of (x1, x2), and the weights (w1, w2, w3, b)") \
            from None
    if not callable(feature):
        raise NotYet("the first of the two must be your feature as a function of (x1, x2), e.g. a def or a lambda")
    with np.errstate(all="ignore"):
        values = feature(CORNERS[:, 0].copy(), CORNERS[:, 1].copy())
    if values is None:
        raise NotImplementedError   # the feature is still the stub
    values = np.broadcast_to(np.asarray(values, dtype=float), (4,))
    if not np.all(np.isfinite(values)):
        raise NotYet("your feature gives inf or nan at a corner")
    f00, f01, f10, f11 = values
    scale = max(np.abs(values).max(), 1.0)
    if abs(f00 - f01 - f10 + f11) <= 1e-9 * scale:
        raise NotYet("at the four corners your feature is a weighted sum of x1, x2 and 1 (on inputs 0 and 1, x1², "
                     "x1 + x2 and the like are): the lifted corners stay on one flat plane, where no plane "
                     "separates XOR. Find a feature that bends the square")
    if np.isclose(f00, f01) and np.isclose(f01, f10):
        raise NotYet("at the corners your feature is the notebook's x1·x2, up to scale and shift (min(x1, x2) and "
                     "the like are too): find one of your own")
    if np.isclose(f00, f11) and np.isclose(f01, f10):
        raise NotYet("at the corners your feature is XOR itself (or its opposite), up to scale and shift: a neuron "
                     "that copies its input has learnt nothing. Find a feature that is not the answer already")
    try:
        w = np.asarray(weights, dtype=float).ravel()
    except (TypeError, ValueError):
        raise NotYet("the weights must be four numbers: (w1, w2, w3, b)") from None
    if w.size != 4:
        raise NotYet("the weights must be four numbers: (w1, w2, w3, b)")
    return step(np.column_stack([CORNERS, values]) @ w[:3] + w[3])


EXERCISES = {
    "03.1": Exercise(
        asks="the decision line",
        form="a function x2 = line(x1)",
        answer=lambda x1: (3 * x1 + 1) / 2,          # 3 x1 − 2 x2 + 1 = 0, solved for x2
        points=np.linspace(-2, 2, 9),
        misconceptions=(
            m.looks_like("not divided by w2", "after moving the other terms across, divide by x2's weight",
                         lambda x1: 3 * x1 + 1),
            m.sign_flip("dividing by w2 < 0, or moving a term across the = sign, changes a sign"),
            m.looks_like("solved for x1", "that solves the equation for x1; the question asks for x2 as a "
                         "function of x1", lambda x1: (2 * x1 - 1) / 3),
            m.looks_like("no bias", "the bias moves the line away from the origin; it seems to be missing",
                         lambda x1: 1.5 * x1),
            m.looks_like("along w", "that line points along (w1, w2); the decision line is perpendicular to it",
                         lambda x1: -2 / 3 * x1),
            m.looks_like("bias sign", "the bias term has the wrong sign: it stays on the same side of the = sign as "
                         "3·x1, so it keeps its sign", lambda x1: (3 * x1 - 1) / 2),
            m.looks_like("bias not divided", "divide every term by x2's weight, the bias too",
                         lambda x1: 1.5 * x1 + 1),
        ),
        hints=("On the decision line z = w1·x1 + w2·x2 + b is exactly 0.",
               "Solve 3·x1 − 2·x2 + 1 = 0 for x2."),
    ),
    "03.2": Exercise(
        asks="your XNOR neuron",
        form="four numbers (w1, w2, w3, b)",
        answer=XNOR,
        observe=cross_neuron_outputs,
        solution=(-1.0, -1.0, 2.0, 0.5),
        misconceptions=(
            m.looks_like("sign flip", "your neuron computes XOR, the opposite of XNOR: flipping the sign of all "
                         "four numbers turns every output around", XOR),
            m.looks_like("AND", "your neuron computes AND: (0, 0) should give 1 too", AND),
            m.looks_like("NOR", "your neuron computes NOR: (1, 1) should give 1 too; that is the job of the "
                         "x1·x2 weight", NOR),
            m.Misconception("constant", "your neuron gives the same output at all four corners; the bias alone "
                            "decides the output at (0, 0)", test=same_everywhere),
        ),
        hints=("XNOR is the opposite of XOR. How does a step neuron's output change when all its numbers change sign?",
               "Start from a plane that computes XOR (the text gives one) and flip the sign of all four numbers; "
               "step(0) is 0, so check that no corner lands exactly on z = 0."),
    ),
    "03.3": Exercise(
        asks="the number of functions one neuron can compute",
        form="a whole number",
        answer=14,   # all 16 truth tables of two inputs except XOR and its opposite, XNOR
        misconceptions=(
            m.looks_like("XNOR", "you left out only XOR; its opposite (1 when the inputs are equal) is not "
                         "separable either", 15),
            m.looks_like("all", "not all of them: this notebook shows one that no line separates", 16),
            m.looks_like("the others", "that counts the functions one neuron cannot compute", 2),
            m.looks_like("this notebook's gates", "AND, OR and implication are only three of the 16 truth tables; "
                         "count them all", 3),
            m.off_by_one("go through all 16 truth tables once more, the two constant ones included"),
        ),
        hints=("List the 16 truth tables: the outputs at (0,0), (0,1), (1,0), (1,1) are four bits.",
               "A table is computable by one neuron if some line has all its 1s on one side and its 0s on the "
               "other. The random-lines cell above can test each table: count those it finds a line for."),
    ),
    "03.4": Exercise(
        asks="your neuron with your own feature",
        form="two things: a function of (x1, x2) and four numbers (w1, w2, w3, b)",
        answer=XOR,
        observe=own_feature_outputs,
        solution=OWN_FEATURE_SOLUTION,
        misconceptions=(
            m.looks_like("XNOR", "your neuron computes the opposite of XOR: flipping the sign of all four weights "
                         "turns every output around", XNOR),
            m.looks_like("OR", "your neuron computes OR: (1, 1) is on the class-1 side; the weight of your feature "
                         "has to pull it back across", [0, 1, 1, 1]),
            m.looks_like("AND", "your neuron computes AND: only (1, 1) is on the class-1 side", AND),
            m.Misconception("constant", "your neuron gives the same output at all four corners; the bias alone "
                            "decides the output at (0, 0)", test=same_everywhere),
        ),
        hints=("A feature helps if the four corners, lifted to the height f(x1, x2), no longer lie on one plane. "
               "Try a few: the square of something, a maximum, an exponential...",
               "Print your feature at the four corners, then choose a plane: z = w1·x1 + w2·x2 + w3·f + b must be "
               "above 0 at (0, 1) and (1, 0) and at or below 0 at (0, 0) and (1, 1) (step(0) is 0). Write the "
               "four inequalities and pick numbers that satisfy them."),
    ),
}
