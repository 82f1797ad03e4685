"""The build track in notebook 05: the student's own training loop, run with their own backward, learns XOR.

``my_train(gradients, parameters, X, y, lr, epochs)`` → the trained [W1, b1, W2, b2]: full-batch gradient
descent, calling ``gradients(parameters, X, y)`` as 04.4's function is called. The check runs it with the key's
gradients on random networks and data, then with the student's own gradients (``check("05.4", my_train,
gradients=my_gradients)``) on XOR from notebook 05's start: it must learn all four points and end where
nnlib's ``fit`` ends.
"""

import numpy as np

from ..data import logic_gate
from ..network import Network, mlp
from ..training import fit
from . import misconceptions as m
from .build import Build, Case
from .track04 import GRADIENTS, forward, reference_gradients

EPOCHS, LR = 300, 0.2   # notebook 05's training of the 2-2-1 tanh network, seed 0


def reference_train(gradients, parameters, X, y, lr, epochs):  # noqa: N803
    parameters = [np.array(p, dtype=float) for p in parameters]
    for _ in range(epochs):
        steps = gradients(parameters, X, y)           # every gradient at the same parameters ...
        parameters = [p - lr * g for p, g in zip(parameters, steps)]   # ... then every step
    return parameters


def train_cases(rng):
    cases = []
    for n_in, n_hidden in ((2, 2), (int(rng.integers(3, 5)), int(rng.integers(3, 6)))):
        n, lr, epochs = int(rng.integers(4, 12)), float(rng.uniform(0.05, 1.0)), int(rng.integers(3, 30))
        parameters = [rng.normal(0, 1, (n_hidden, n_in)), rng.normal(0, 1, n_hidden), rng.normal(0, 1, (1, n_hidden)),
                      rng.normal(0, 1, 1)]
        X, y = rng.uniform(-1, 1, (n, n_in)), rng.choice([-1.0, 1.0], n)  # noqa: N806
        cases.append(Case(f"a {n_in}-{n_hidden}-1 network, {n} samples, lr = {lr:.3g}, {epochs} epochs",
                          (reference_gradients, parameters, X, y, lr, epochs)))
    return cases


def xor_start_and_end():
    """Notebook 05's start (mlp seed 0), and where nnlib's fit takes it on bipolar XOR."""
    X, y = logic_gate("xor", encoding="bipolar")  # noqa: N806
    net = mlp([2, 2, 1], hidden="tanh", output="tanh", seed=0)
    start = net.get_parameters()
    net.fit(X, y, epochs=EPOCHS, lr=LR, loss="mse")
    return X, y, start, net.get_parameters()


def learns_xor(my_train, context):
    """With the student's own gradients: all four XOR points right, and the parameters nnlib's fit reaches."""
    gradients = context["gradients"]
    said = GRADIENTS.judge("04.4", gradients, {}) if callable(gradients) else "not attempted"
    if said.startswith("not attempted"):
        return "your loop is right; now give it your own gradients: copy your function from 04.4 into " \
               "my_gradients above and pass it, check(\"05.4\", my_train, gradients=my_gradients)"
    if not said.startswith("correct"):
        return "your loop is right, but your gradients are not yet: check(\"04.4\", my_gradients) says what is " \
               "wrong with them"
    X, y, start, end = xor_start_and_end()  # noqa: N806
    with np.errstate(all="ignore"):
        trained = [np.asarray(p, dtype=float) for p in my_train(gradients, start, X, y, LR, EPOCHS)]
    outputs = forward(trained, X)[1][:, 0]
    if not np.array_equal(np.sign(outputs), y):
        return f"your loop and gradients are each right, yet after {EPOCHS} epochs at lr {LR} from notebook 05's " \
               "start XOR is not learned: does your loop change the parameters it is given between calls?"
    if not all(np.allclose(p, q, rtol=1e-8, atol=1e-10) for p, q in zip(trained, end)):
        return "your network learns XOR, but does not end where nnlib's fit ends from the same start"
    return None


def _steps(lr_of, epochs_of=lambda e: e, which=(0, 1, 2, 3)):
    """A loop that differs from the reference in its learning rate, its number of epochs or what it updates."""
    def train(gradients, parameters, X, y, lr, epochs):  # noqa: N803
        parameters = [np.array(p, dtype=float) for p in parameters]
        for _ in range(epochs_of(epochs)):
            steps = gradients(parameters, X, y)
            parameters = [p - lr_of(lr) * g if k in which else p for k, (p, g) in enumerate(zip(parameters, steps))]
        return parameters
    return train


def _one_array_at_a_time(gradients, parameters, X, y, lr, epochs):  # noqa: N803
    parameters = [np.array(p, dtype=float) for p in parameters]
    for _ in range(epochs):
        for k in range(4):
            parameters[k] = parameters[k] - lr * gradients(parameters, X, y)[k]
    return parameters


def _per_sample(gradients, parameters, X, y, lr, epochs):  # noqa: N803
    parameters = [np.array(p, dtype=float) for p in parameters]
    for _ in range(epochs):
        for i in range(len(X)):
            steps = gradients(parameters, X[i:i + 1], y[i:i + 1])
            parameters = [p - lr * g for p, g in zip(parameters, steps)]
    return parameters


TRAIN = Build(
    asks="your training loop",
    form="a function (gradients, parameters, X, y, lr, epochs) returning the trained [W1, b1, W2, b2]",
    outputs=("W1", "b1", "W2", "b2"),
    reference=reference_train,
    cases=train_cases,
    needs=("gradients",),
    after=learns_xor,
    done=f", and with your gradients it learns XOR in {EPOCHS} epochs, ending where nnlib's fit ends",
    source='''def my_train(gradients, parameters, X, y, lr, epochs):
    for epoch in range(epochs):
        steps = gradients(parameters, X, y)     # all four gradients at the same parameters
        parameters = [p - lr * g for p, g in zip(parameters, steps)]
    return parameters
''',
    forbidden=(fit, Network.fit),
    rtol=1e-9, atol=1e-12,
    misconceptions=(
        m.looks_like("uphill", "a step of gradient descent subtracts lr times the gradient", _steps(lambda lr: -lr)),
        m.looks_like("one epoch short", "count the steps: one per epoch, epochs of them",
                     _steps(lambda lr: lr, lambda e: e - 1)),
        m.looks_like("one epoch too many", "count the steps: one per epoch, epochs of them",
                     _steps(lambda lr: lr, lambda e: e + 1)),
        m.looks_like("no learning rate", "the step is lr times the gradient", _steps(lambda lr: 1.0)),
        m.looks_like("lr twice", "the learning rate seems to be applied twice", _steps(lambda lr: lr**2)),
        m.looks_like("biases not trained", "the biases b1 and b2 must be updated too",
                     _steps(lambda lr: lr, which=(0, 2))),
        m.looks_like("only the output layer", "the hidden layer's W1 and b1 must be updated too",
                     _steps(lambda lr: lr, which=(2, 3))),
        m.looks_like("not updated", "the parameters are where they started: the new values must be assigned back "
                     "(and returned)", lambda g, parameters, X, y, lr, epochs: parameters),
        m.looks_like("one array at a time", "each gradient seems to be computed after the arrays before it have "
                     "already moved: take all four at the same parameters, then step", _one_array_at_a_time),
        m.looks_like("one sample at a time", "that is one step per sample (stochastic descent); this loop takes "
                     "one step per epoch on the whole batch (full batch)", _per_sample),
    ),
    hints=("One epoch is one step on the whole batch: all four gradients at the current parameters, then the "
           "four updates.",
           "Gradient descent: θ ← θ − η·∂L/∂θ for each of W1, b1, W2, b2, every epoch; zip pairs each parameter "
           "with its gradient.",
           "for epoch in range(epochs): steps = gradients(parameters, X, y); parameters = [p - lr * g for p, g in "
           "zip(parameters, steps)]; then return parameters."),
)
