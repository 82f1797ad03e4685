"""Answer keys of notebook 12 · Overfitting and regularisation."""

import numpy as np

from . import misconceptions as m
from .tutor import Exercise, NotYet


def total_gradient(W, dW, rate):  # noqa: N803 (the notebook's names)
    """∂/∂W of L_data + (λ/2) Σ w²: the data's gradient plus λ W."""
    return np.asarray(dW, dtype=float) + rate * np.asarray(W, dtype=float)


def best_and_stop(val_loss, patience):
    """(best epoch, stop epoch), counted from 1: the rule of ``Network.fit(..., early_stopping=patience)``.

    The run is assumed to stop before its end (the exercise's losses are chosen so that it does).
    """
    best, best_value = None, np.inf
    for epoch, value in enumerate(val_loss, start=1):
        if value < best_value:
            best, best_value = epoch, value
        if epoch - best >= patience:
            return np.array([best, epoch], dtype=float)
    raise ValueError("the run ends before early stopping acts")


def honest_report(val_accuracy, test_accuracy):
    """The test accuracy of the setting with the best validation accuracy."""
    return float(np.asarray(test_accuracy)[np.argmax(val_accuracy)])


def _pair(answer):
    """A (best_epoch, stop_epoch) pair of whole numbers, or a NotYet that says what is wrong with its form."""
    values = np.asarray(answer, dtype=float) if not isinstance(answer, str) else None
    if values is None or values.shape != (2,):
        raise NotYet("give two numbers, (best_epoch, stop_epoch)")
    if not np.all(values == np.round(values)):
        raise NotYet("epochs are whole numbers")
    return values


EXERCISES = {
    "12.1": Exercise(
        asks="the gradient of the total loss",
        form="an array shaped like W_ex",
        answer=total_gradient,
        needs=("W", "dW", "rate"),
        misconceptions=(
            m.looks_like("penalty left out", "that is the data's gradient alone; the penalty adds its own gradient "
                         "to it", lambda W, dW, rate: np.asarray(dW, dtype=float)),
            m.looks_like("the ½ forgotten", "the penalty is (λ/2) Σ w², and the ½ cancels the 2 of the square's "
                         "derivative: a factor 2 too many in the decay term",
                         lambda W, dW, rate: np.asarray(dW) + 2 * rate * np.asarray(W)),
            m.looks_like("half the decay", "the decay term looks halved; d/dw of (λ/2) w² is λ w",
                         lambda W, dW, rate: np.asarray(dW) + rate * np.asarray(W) / 2),
            m.looks_like("penalty only", "that is the penalty's gradient alone; the data's gradient is still there",
                         lambda W, dW, rate: rate * np.asarray(W, dtype=float)),
            m.looks_like("decay subtracted", "the sign of the decay term looks flipped: the penalty grows with |w|, "
                         "so its gradient points away from 0 and descent pulls the weights towards 0",
                         lambda W, dW, rate: np.asarray(dW) - rate * np.asarray(W)),
            m.looks_like("L1", "that is the L1 penalty's gradient, λ·sign(w); L2 gives a term proportional to w itself",
                         lambda W, dW, rate: np.asarray(dW) + rate * np.sign(W)),
            m.transposed("the gradient has the shape of W"),
            m.looks_like("the same decay for every weight", "that adds the same decay term to every entry; the "
                         "penalty's gradient depends on the value of each weight",
                         lambda W, dW, rate: np.asarray(dW, dtype=float) + rate),
        ),
        hints=("The gradient of a sum is the sum of the gradients: the data's part is given, differentiate "
               "(λ/2) w² for one weight.",
               "Differentiate (λ/2) Σ w² with respect to one weight: only one term of the sum depends on it. Do that "
               "for every entry of W_ex, and add the result to the data's gradient, entry by entry."),
    ),
    "12.2": Exercise(
        asks="(best_epoch, stop_epoch)",
        form="a pair of epochs, (best_epoch, stop_epoch)",
        answer=lambda val_loss, patience: best_and_stop(val_loss, patience),
        needs=("val_loss", "patience"),
        observe=_pair,
        misconceptions=(
            m.looks_like("counted from 0", "epochs count from 1 (the first entry of val_loss is epoch 1), not "
                         "from 0 like a Python index",
                         lambda val_loss, patience: best_and_stop(val_loss, patience) - 1),
            m.looks_like("whole run", "early stopping never sees the epochs after it has stopped: it stops the "
                         "first time the validation loss has not improved for `patience` epochs",
                         lambda val_loss, patience: np.array([np.argmin(val_loss) + 1, len(val_loss)], float)),
            m.looks_like("swapped", "the pair is (best_epoch, stop_epoch): the best epoch comes first, and it is "
                         "the earlier one", lambda val_loss, patience: best_and_stop(val_loss, patience)[::-1]),
            m.looks_like("last weights kept", "early stopping puts back the weights of the best epoch, not those "
                         "of the epoch where it stopped",
                         lambda val_loss, patience: best_and_stop(val_loss, patience)[[1, 1]]),
            m.looks_like("patience one short", "count again: training stops when `patience` epochs in a row have "
                         "not beaten the best, i.e. at best_epoch + patience",
                         lambda val_loss, patience: best_and_stop(val_loss, patience) - [0, 1]),
            m.looks_like("patience one long", "count again: the stop comes exactly `patience` epochs after the best "
                         "one, not one later", lambda val_loss, patience: best_and_stop(val_loss, patience) + [0, 1]),
        ),
        hints=("Walk through the list with the lowest loss so far: when did it last improve, and how many epochs "
               "have passed since?",
               "best_epoch is the epoch of the lowest loss so far; training stops at the first epoch with "
               "epoch − best_epoch = patience."),
    ),
    "12.3": Exercise(
        asks="the accuracy to report",
        form="a number between 0 and 1",
        answer=honest_report,
        needs=("val_accuracy", "test_accuracy"),
        misconceptions=(
            m.looks_like("chosen on the test set", "that is the best test accuracy: choosing by it lets the "
                         "test set choose (section 5), and the chosen score flatters",
                         lambda val_accuracy, test_accuracy: max(test_accuracy)),
            m.looks_like("validation score", "that is the chosen setting's validation accuracy, the score that "
                         "chose it; report a score from points that took no part in the choice",
                         lambda val_accuracy, test_accuracy: max(val_accuracy)),
            m.looks_like("mean", "the report is for the one setting you chose, not the average over all tried",
                         lambda val_accuracy, test_accuracy: float(np.mean(test_accuracy))),
            m.looks_like("lowest", "for an accuracy higher is better: choose the setting with the highest validation "
                         "accuracy", lambda val_accuracy, test_accuracy: honest_report(-np.asarray(val_accuracy),
                                                                                      test_accuracy)),
            m.looks_like("percent", "give the accuracy as a fraction between 0 and 1, not in percent",
                         lambda val_accuracy, test_accuracy: 100 * honest_report(val_accuracy, test_accuracy)),
        ),
        hints=("Two steps with two different sets: one chooses the setting, the other gives the number.",
               "Which of the two lists may choose (section 5 says what goes wrong when the test set chooses)? "
               "Its best entry picks a setting; the report is that same setting's score on the set that played "
               "no part in the choice (np.argmax gives a position)."),
    ),
}
