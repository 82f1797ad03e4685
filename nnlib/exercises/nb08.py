"""Answer keys of notebook 08 · Layers and networks."""

import numpy as np

from ..activations import sigmoid
from . import misconceptions as m
from . import track08
from .tutor import Exercise

N_SAMPLES, BATCH = 200, 32     # exercise 08.1
# Exercise 08.3: the last mini-batch of an epoch: 14 samples in batches of 5 leave 4, each with 3 outputs. Every
# count differs (14, 5, 4, 3), so dividing by the batch size, by all samples, by the samples or the outputs alone,
# or forgetting the 2, each gives another number.
SAMPLES_3, BATCH_3, OUTPUTS_3 = 14, 5, 3
LAST_3 = SAMPLES_3 - (SAMPLES_3 - 1) // BATCH_3 * BATCH_3    # the samples in the last batch

_rng = np.random.default_rng(8)
CASES = [(_rng.normal(0, 2, size=(4, 3)).tolist(), _rng.normal(size=(4, 3)).tolist()) for _ in range(3)]


def tanh_backward(Z, dA):  # noqa: N803 (the notebook's names)
    return dA * (1 - np.tanh(Z) ** 2)


EXERCISES = {
    "08.1": Exercise(
        asks="the number of updates per epoch",
        form="a whole number",
        answer=int(np.ceil(N_SAMPLES / BATCH)),
        misconceptions=(
            m.looks_like("floor", "the last, smaller batch is a step too: every sample is used once per epoch",
                         N_SAMPLES // BATCH),
            m.looks_like("not whole", "a number of steps is a whole number: the last batch is just smaller",
                         N_SAMPLES / BATCH),
            m.looks_like("batch size", "that is the batch size, the number of samples per step", BATCH),
            m.looks_like("per sample", "that would be batch_size=1, one step per sample", N_SAMPLES),
            m.off_by_one("count the full batches, then the one left over"),
        ),
        hints=("How many full batches of 32 fit into 200 samples, and what happens to the rest?",
               "One step per batch: the full batches, plus one for the leftover samples (a ceiling, not a floor)."),
    ),
    "08.2": Exercise(
        asks="dL/dZ",
        form="a function of (Z, dA)",
        answer=tanh_backward,
        cases=CASES,
        misconceptions=(
            m.derivative_of_output(lambda Z, dA: dA * (1 - np.tanh(np.tanh(Z)) ** 2), f="tanh"),
            m.looks_like("no dA", "the chain rule multiplies the incoming gradient dA by tanh'(Z)",
                         lambda Z, dA: 1 - np.tanh(Z) ** 2),
            m.looks_like("1 − Z²", "1 − a² is tanh' in terms of the output a = tanh(z), but Z is the layer's "
                         "input", lambda Z, dA: dA * (1 - Z**2)),
            m.looks_like("sigmoid", "σ(Z)(1 − σ(Z)) is the sigmoid's derivative, not tanh's",
                         lambda Z, dA: dA * sigmoid(Z) * (1 - sigmoid(Z))),
            m.sign_flip(),
            m.looks_like("(1 − tanh)²", "the square belongs to tanh(Z) alone: 1 − tanh²(Z), not (1 − tanh(Z))²",
                         lambda Z, dA: dA * (1 - np.tanh(Z)) ** 2),
        ),
        hints=("backward multiplies the gradient that arrives, dA, element by element by the activation's slope "
               "at Z.",
               "tanh'(z) = 1 − tanh²(z), taken at Z; the chain rule multiplies it, entry by entry, with dA."),
    ),
    "08.3": Exercise(
        asks="the factor in ∂L/∂p for the last batch",
        answer=2 / (LAST_3 * OUTPUTS_3),
        misconceptions=(
            m.looks_like("full batch size", "the last batch is smaller than batch_size: count the samples it holds",
                         2 / (BATCH_3 * OUTPUTS_3)),
            m.looks_like("all samples", "each step is the gradient of its own batch's mean loss: divide by that "
                         "batch's entries, not the whole data's", 2 / (SAMPLES_3 * OUTPUTS_3)),
            m.missing_factor_2("the derivative of (p − y)² is 2(p − y)"),
            m.sum_instead_of_mean(LAST_3 * OUTPUTS_3, why="nnlib's MSE is the mean over all entries, not their sum"),
            m.looks_like("per sample", "the mean is over all entries of the batch's output, samples times outputs, "
                         "not over the samples only", 2 / LAST_3),
            m.looks_like("per sample, no 2", "the mean is over every entry, and (p − y)² brings a factor 2",
                         1 / LAST_3),
            m.looks_like("per output", "the mean is over all entries of the batch's output, samples times outputs, "
                         "not over the outputs only", 2 / OUTPUTS_3),
        ),
        hints=("How many samples are left for the last batch of an epoch? L is the mean of (p − y)² over every "
               "entry of that batch's output.",
               "∂L/∂p = 2(p − y)/n with n = out.size of the batch: its samples × its outputs."),
    ),
    # The build track: the student writes a Dense layer and the mini-batch loop (track08.py).
    "08.4": track08.LAYER,
    "08.5": track08.LOOP,
}
