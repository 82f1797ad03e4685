"""Nothing fails silently: every message of the app, in words, beside the control it is about.

Every callback of the app (a control, a button, a menu, Apply) runs inside
``Messages.guard``. A value that is not allowed raises ``SettingsError``, whose
message says what is allowed; it is shown under the control. Anything else that a
callback raises is shown there too, in words (never a raw Python message such as
"invalid literal for int()"), and its details go to the log (``logging``, logger
``nnlib.playground``) and to ``failures``. The playground changes all or nothing
(``Playground.apply``), so every control still works afterwards. A value that is
allowed but has no effect gets a note (brown) rather than a refusal (red).
Core widgets only (ipywidgets 7.7 and 8).
"""

import html
import logging

import ipywidgets as widgets

from .settings import SettingsError
from .strings import unused

ERROR, NOTE = "#B00020", "#7A4A00"  # the colours of a refusal and of a note
LOG = logging.getLogger("nnlib.playground")
# Where a message can go besides the controls: beside Apply, beside the buttons and presets, under the neuron menu.
PLACES = ("settings", "top", "neuron")
# What went wrong, in words, by where it happened (a key of the settings means that key's control).
WHAT = {"settings": "these settings", "top": "that", "neuron": "this neuron's picture", "training": "training"}


def message_box():
    """An (empty) HTML widget for a message, under or beside its control, wrapping inside its width."""
    return widgets.HTML(value="", layout=widgets.Layout(width="auto", margin="0 0 2px 8px"))


def say(box, text="", note=False):
    """Show ``text`` (or clear the message when it is empty): a refusal in red, or with ``note`` a note in brown."""
    colour = NOTE if note else ERROR
    box.value = (f"<span style='color:{colour};font-size:12px;line-height:1.3'>{html.escape(text)}</span>"
                 if text else "")


def failure(where):
    """The words shown beside a control when something unexpected failed in its callback."""
    return (f"{WHAT.get(where, 'this value')} could not be used: something went wrong inside the playground "
            "(the details are in the log). It keeps its last working settings, and every control still works.")


class Messages:
    """The app's messages: under each control (``controls``) and in ``boxes`` for the PLACES.

    ``texts[place]`` is a place's message as plain text; ``failures`` lists
    (where, exception) for everything that failed unexpectedly.
    """

    def __init__(self, controls):
        self.controls = controls
        self.boxes = {place: message_box() for place in PLACES}
        self.texts = dict.fromkeys(PLACES, "")
        self.failures = []

    def say(self, where, text="", note=False):
        """Show ``text`` at ``where``: a key of the settings (under its control) or one of PLACES."""
        if where in self.controls.messages:
            self.controls.say(where, text, note)
        else:
            self.texts[where] = text
            say(self.boxes[where], text, note)

    def notes(self, settings):
        """Notes under the controls whose value in ``settings`` is allowed but unused (unless they show a refusal)."""
        notes = unused(settings)
        for key in ("rate", "points"):
            if key not in self.controls.refused:
                self.controls.say(key, notes.get(key, ""), note=True)

    def guard(self, where, action, *args):
        """``action(*args)`` for the control ``where``, its message cleared first; whatever it raises is said
        there in words, and None returned."""
        self.say(where, "")
        try:
            return action(*args)
        except SettingsError as error:  # a value that is not allowed: the message says what is
            self.say(where, str(error))
        except Exception as error:  # anything else: words here, the details in the log
            self.failed(where, error)
        return None

    def failed(self, where, error):
        """Record and log ``error``, and say in words that ``where`` failed (training: beside the buttons)."""
        self.failures.append((where, error))
        LOG.error("the playground: %s failed", where, exc_info=error)
        self.say("top" if where == "training" else where, failure(where))
