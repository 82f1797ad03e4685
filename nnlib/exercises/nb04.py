"""Answer keys of notebook 04 · Backpropagation, derived."""

import numpy as np

from . import misconceptions as m
from . import track04
from .tutor import Exercise

# The 2-2-1 tanh network of notebook 04 and the sample of exercise 04.1.
W1, B1 = np.array([[0.2, 0.4], [0.3, 0.7]]), np.array([0.1, -0.2])
V, C = np.array([0.4, 0.9]), -0.1
X, Y = np.array([-1.0, -1.0]), -1.0
OUT = np.tanh(V @ np.tanh(W1 @ X + B1) + C)
# What is still in the notebook's variables from the sample followed step by step, x = (1, -1) with y = +1,
# and the batch's ∂L/∂c from its table: numbers a student may pick up by mistake.
X_FOLLOWED, Y_FOLLOWED = np.array([1.0, -1.0]), 1.0
OUT_FOLLOWED = np.tanh(V @ np.tanh(W1 @ X_FOLLOWED + B1) + C)
XOR_BIPOLAR = np.array([[-1.0, -1.0], [-1.0, 1.0], [1.0, -1.0], [1.0, 1.0]]), np.array([-1.0, 1.0, 1.0, -1.0])
_out_batch = np.tanh(np.tanh(XOR_BIPOLAR[0] @ W1.T + B1) @ V + C)
BATCH_DL_DC = np.mean(2 * (_out_batch - XOR_BIPOLAR[1]) * (1 - _out_batch**2))

ETA = 0.3                 # exercise 04.3: the learning rate η of its loop
ETA_SECTION = 0.15        # the rate of the loop in the notebook's section "A learning rate applied twice"


def batch_weight_gradient(dZ, X):  # noqa: N803 (the notebook's names)
    return dZ @ X.T   # samples as columns: Σ_i δ_i x_iᵀ, the matrix product sums over the samples


EXERCISES = {
    "04.1": Exercise(
        asks="∂L/∂c",
        answer=2 * (OUT - Y) * (1 - OUT**2),
        misconceptions=(
            m.missing_factor_2("the derivative of (o − y)² is 2(o − y)"),
            m.labels_swapped(why="L = (o − y)², so ∂L/∂o = 2(o − y), output minus target"),
            m.looks_like("no tanh'", "the output's tanh' factor, 1 − o², seems to be missing", 2 * (OUT - Y)),
            m.derivative_of_output(2 * (OUT - Y) * (1 - np.tanh(OUT) ** 2), f="tanh"),
            m.looks_like("sigmoid's derivative", "o(1 − o) is the sigmoid's derivative; this network's output is "
                         "tanh", 2 * (OUT - Y) * OUT * (1 - OUT)),
            m.looks_like("target of the sample followed", "that uses y = +1, the target of the sample followed step by "
                         "step (the variable target); this sample's target is −1",
                         2 * (OUT - Y_FOLLOWED) * (1 - OUT**2)),
            m.looks_like("output of the sample followed", "that uses o of the sample x = (1, −1) (the variable o); "
                         "use this sample's output, o_ex", 2 * (OUT_FOLLOWED - Y) * (1 - OUT_FOLLOWED**2)),
            m.looks_like("δ_out of the sample followed", "that is δ_out of the sample x = (1, −1) followed step by "
                         "step; this exercise asks about the sample x = (−1, −1)",
                         2 * (OUT_FOLLOWED - Y_FOLLOWED) * (1 - OUT_FOLLOWED**2)),
            m.looks_like("the batch's ∂L/∂c", "that is ∂L/∂c of the mean loss over the four XOR points (the table); "
                         "this exercise asks for one sample's L = (o − y)²", BATCH_DL_DC),
        ),
        hints=("c enters u = v1·h1 + v2·h2 + c with the factor 1. Which local derivatives lie between L and u?",
               "∂L/∂c = ∂L/∂o · ∂o/∂u · ∂u/∂c = 2(o − y) · (1 − o²) · 1."),
    ),
    "04.2": Exercise(
        asks="dW",
        form="an array shaped like the layer's W",
        answer=batch_weight_gradient,
        needs=("dZ", "X"),
        misconceptions=(
            m.transposed("the rows of dW belong to the layer's units and its columns to its inputs, like W's"),
            m.mean_instead_of_sum(lambda dZ, X: X.shape[1], why="the 1/n of the mean loss is already inside dZ"),
            m.looks_like("one sample", "that is one sample's δ xᵀ; a weight shared by all samples gets the sum over "
                         "the batch", lambda dZ, X: np.outer(dZ[:, 0], X[:, 0])),
        ),
        hints=("Per sample the gradient is the outer product δ_i x_iᵀ, and here sample i is column i of dZ and of "
               "X; the batch gradient adds them up.",
               "With samples as columns, Σ_i δ_i x_iᵀ is one matrix product of dZ and X; which one needs the "
               "transpose so that the result has one row per unit and one column per input?"),
    ),
    "04.3": Exercise(
        asks="the first hidden layer's learning rate",
        answer=ETA**3,
        misconceptions=(
            m.looks_like("η²", "that is the rate of the hidden layer next to the output; the first hidden layer's "
                         "delta is made from that one, and multiplied by η once more", ETA**2),
            m.looks_like("η once", "that is η, the output layer's rate; every delta below it holds one more η",
                         ETA),
            m.looks_like("η + η + η", "the η of the deltas multiply, they do not add", 3 * ETA),
            m.looks_like("slow-down", "that is how many times smaller the step is than the gradient; the question "
                         "asks for the factor itself", 1 / ETA**3),
            m.looks_like("η four times", "count the deltas between the loss and the first hidden layer's weights: "
                         "one η in each", ETA**4),
            m.looks_like("the section's η", "that is the answer for η = 0.15, the section's rate; this exercise takes "
                         "η = 0.3", ETA_SECTION**3),
        ),
        hints=("Follow η through the loop: which deltas is it multiplied into, and which delta does the first hidden "
               "layer's update use?",
               "Δ_out = η·ε·σ', the next delta is η·(W_outᵀ Δ_out)·σ', the one below it η·(Wᵀ Δ)·σ' again: the first "
               "hidden layer's step carries one η per delta on the way."),
    ),
    # The build track: the student writes the network's forward and backward pass (track04.py).
    "04.4": track04.GRADIENTS,
}
