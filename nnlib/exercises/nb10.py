"""Answer keys of notebook 10 · Initialisation and depth."""

import numpy as np

from . import misconceptions as m
from .tutor import Exercise

# Exercise 10.1: He's rule, Var w = 2/n_in, for a relu layer of N_IN inputs and N_OUT units.
N_IN, N_OUT = 50, 200

# Exercise 10.2: Var z = n · Var w · (Var x + μ²) for inputs with a mean (sigmoid outputs).
N, VAR_W, MEAN_X, VAR_X = 64, 2 / 64, 0.5, 0.04

# Exercise 10.3: the error shrinks by σ'(0)·σ_w·√n per layer on its way back, from hidden layer 10 to layer 1.
# σ_w·√n = 1.25, not 1, so that an answer which leaves the weights out (σ'(0) alone), or takes n·σ_w or n·σ_w²
# for σ_w·√n, gives another number.
SLOPE, SIGMA_W, WIDTH, FROM_LAYER, TO_LAYER = 0.25, 0.125, 100, 10, 1
PER_LAYER = SLOPE * SIGMA_W * np.sqrt(WIDTH)
STEPS = FROM_LAYER - TO_LAYER

EXERCISES = {
    "10.1": Exercise(
        asks="He's standard deviation",
        answer=np.sqrt(2 / N_IN),
        misconceptions=(
            m.looks_like("variance", "that is the variance of the weights; the question asks for their standard "
                         "deviation", 2 / N_IN),
            m.looks_like("Xavier", "that is Xavier's scale, 2/(n_in + n_out) under the root; He's rule, for relu, "
                         "uses the inputs only", np.sqrt(2 / (N_IN + N_OUT))),
            m.looks_like("n_out", "that counts the layer's units; the forward rule counts what each unit sums over, "
                         "its inputs", np.sqrt(2 / N_OUT)),
            m.looks_like("LeCun", "that is LeCun's 1/√n_in; relu zeroes half of the signal, which He's rule makes up "
                         "for with a factor 2 in the variance", np.sqrt(1 / N_IN)),
            m.looks_like("2 outside the root", "the 2 belongs under the square root: Var w = 2/n_in",
                         2 / np.sqrt(N_IN)),
        ),
        hints=("Which count goes into He's rule, the layer's inputs or its units? And is the rule about the variance "
               "or the standard deviation?",
               "He: Var w = 2 / n_in, and the standard deviation is its square root."),
    ),
    "10.2": Exercise(
        asks="Var z",
        answer=N * VAR_W * (VAR_X + MEAN_X**2),
        misconceptions=(
            m.looks_like("no mean", "that forgets the inputs' mean: with E w = 0, Var(w x) = Var w · E[x²], and "
                         "E[x²] = Var x + μ²", N * VAR_W * VAR_X),
            m.looks_like("mean added outside", "the mean enters every one of the n products, multiplied by Var w, "
                         "not once at the end", N * VAR_W * VAR_X + MEAN_X**2),
            m.mean_instead_of_sum(N, why="z adds up n independent terms, so their variances add"),
            m.looks_like("standard deviation", "that is the standard deviation of z; the question asks for its "
                         "variance", np.sqrt(N * VAR_W * (VAR_X + MEAN_X**2))),
            m.looks_like("μ not squared", "E[x²] = Var x + μ², with μ squared", N * VAR_W * (VAR_X + MEAN_X)),
            m.looks_like("standard deviation of x", "that uses the inputs' standard deviation where their variance "
                         "belongs: the rule adds Var x and μ², two squares", N * VAR_W * (np.sqrt(VAR_X) + MEAN_X**2)),
        ),
        hints=("Start from one term, w·x, with w of mean 0 and independent of x. What is E[(w x)²]?",
               "Var z = n · Var w · (Var x + μ²)."),
    ),
    "10.3": Exercise(
        asks="the factor",
        answer=PER_LAYER**STEPS,
        misconceptions=(
            m.looks_like("ten layers", "count the steps between layer 10 and layer 1: each step back passes one "
                         "layer's weights and slope, and there is one step fewer than there are layers",
                         PER_LAYER**FROM_LAYER),
            m.looks_like("eight layers", "count the steps again: from layer 10 down to layer 1",
                         PER_LAYER**(STEPS - 1)),
            m.looks_like("upside down", "that is how much larger layer 10's error is; the question asks for layer 1's "
                         "divided by layer 10's, a number below 1", PER_LAYER**-STEPS),
            m.looks_like("no slope", "that leaves out the sigmoid's slope σ'(0) in every layer",
                         (SIGMA_W * np.sqrt(WIDTH))**STEPS),
            m.looks_like("σ(0) for σ'(0)", "σ(0) = 1/2 is the sigmoid's value at 0; its slope there is σ(0)(1 − σ(0))",
                         (0.5 * SIGMA_W * np.sqrt(WIDTH))**STEPS),
            m.looks_like("no weight factor", "that is σ'(0) alone in every layer; the error also passes each "
                         "layer's weights, which scale it by σ_w·√n", SLOPE**STEPS),
            m.looks_like("n·σ_w", "the weights scale the error by σ_w·√n, the square root of n",
                         (SLOPE * SIGMA_W * WIDTH)**STEPS),
            m.looks_like("variance", "n·σ_w² is the factor of the variance; the error's size, a standard deviation, "
                         "scales by its square root, σ_w·√n", (SLOPE * SIGMA_W**2 * WIDTH)**STEPS),
            m.looks_like("one layer", "that is the factor of one layer; the error meets it again at every step back, "
                         "so the factors multiply", PER_LAYER),
        ),
        hints=("Work out the factor for one layer first, then ask how many layers the error passes between layer 10 "
               "and layer 1.",
               "factor = (σ'(0) · σ_w · √n) ** (number of steps back), with σ'(0) = σ(0)(1 − σ(0))."),
    ),
}
