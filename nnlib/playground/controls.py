"""The playground's controls: one ipywidget per key of the settings, each with a message beside it.

Numbers are typed into text boxes rather than set with sliders, because a slider
silently clamps a typed value to its range. A value that is not allowed is
refused: the box keeps what was typed, the message right under it says what is
allowed (in red), and the playground keeps its last good value of that key; every
other control still works. A value that is allowed but has no effect (a penalty
rate while the penalty is none) gets a note instead (in brown). Only core widgets
that exist in ipywidgets 7.7 (Google Colab) and 8 are used.
"""

import ipywidgets as widgets

from .messages import message_box, say
from .own import as_lines, read_points
from .settings import ACTIVATIONS, DATASETS, FEATURES, OPTIMISERS, REGULARISERS
from .strings import format_value, parse_value

# key: (label, placeholder) of the text boxes
TEXTS = {"n": ("points", "40 … 2000"), "noise": ("noise", "0 … 1"), "train": ("train part", "0.1 … 0.9"),
         "seed": ("seed", "a whole number"), "hidden": ("hidden layers", "e.g. 4,4, or none"),
         "lr": ("learning rate", "e.g. 0.03"), "batch": ("batch size", "full or 1 … 2000"),
         "rate": ("penalty rate", "0 … 10"), "epochs": ("epochs", "one Train: 1 … 100000")}
CHOICES = {"dataset": ("data", DATASETS), "act": ("activation", ACTIVATIONS), "optimiser": ("optimiser", OPTIMISERS),
           "reg": ("penalty", REGULARISERS)}
FLAGS = {"show_test": "show test points", "discrete": "discretise regions"}
GROUPS = {"Data": ("dataset", "n", "noise", "train", "seed", "points"), "Network": ("hidden", "act"),
          "Training": ("lr", "batch", "optimiser", "reg", "rate", "epochs"), "View": ("show_test", "discrete")}
STYLE = {"description_width": "96px"}
GROUP_WIDTH = "290px"  # two groups side by side in a 600 px column


class Controls:
    """The widgets for every key of the settings: ``fields[key]``, ``messages[key]`` and the ``box`` to show.

    ``read(key)`` gives the control's value for the settings (SettingsError if it is not
    allowed); ``show(settings)`` puts settings into the controls. ``on_change(key)`` is
    called when the user changes the control of ``key``. ``notes[key]`` is the message
    shown under the control as plain text, ``refused`` the keys whose message is a refusal.
    """

    def __init__(self, on_change):
        self.on_change = on_change
        self.syncing = False
        self.fields, self.messages, self.notes, self.refused = {}, {}, {}, set()
        for key, (label, placeholder) in TEXTS.items():
            self.fields[key] = widgets.Text(description=label, placeholder=placeholder, continuous_update=False,
                                            style=STYLE, layout=widgets.Layout(width="206px"))
        for key, (label, options) in CHOICES.items():
            self.fields[key] = widgets.Dropdown(description=label, options=list(options), style=STYLE,
                                                layout=widgets.Layout(width="206px"))
        for key, label in FLAGS.items():
            self.fields[key] = widgets.Checkbox(description=label, indent=False, layout=widgets.Layout(width="180px"))
        self.features = {token: widgets.Checkbox(description=name, indent=False, layout=widgets.Layout(width="90px"))
                         for token, name in FEATURES.items()}
        for key, widget in self.fields.items():
            self.messages[key] = message_box()
            widget.observe(lambda change, key=key: self._changed(key), names="value")
        self.messages["features"] = message_box()
        self.messages["points"] = message_box()
        # your own points: pasted, then used with the button (a data set of their own, "own")
        self.points_area = widgets.Textarea(placeholder="your points: x1, x2, class (or value) per line, e.g.\n"
                                            "0.5, 1.2, 1\n-0.3, 0.4, 0", layout=widgets.Layout(width="270px",
                                                                                                 height="70px"))
        self.points_button = widgets.Button(description="Use these points", layout=widgets.Layout(width="140px"),
                                            tooltip="train on the points pasted above (data set: own)")
        self.points_button.on_click(lambda _: self._changed("points"))
        for widget in self.features.values():
            widget.observe(lambda change: self._changed("features"), names="value")

        # a control and, right under it, its message (empty unless a value was refused)
        self.rows = {key: widgets.VBox([self.fields[key], self.messages[key]]) for key in self.fields}
        label = widgets.HTML("<span style='font-size:12px'>your own points (data own): x1, x2 and a class or a value "
                             "per line</span>", layout=widgets.Layout(width="270px"))
        self.rows["points"] = widgets.VBox([label, self.points_area, self.points_button, self.messages["points"]])

        def group(title, children):
            return widgets.VBox([widgets.HTML(f"<b style='font-size:13px'>{title}</b>"), *children],
                                layout=widgets.Layout(width=GROUP_WIDTH, margin="0 8px 8px 0"))

        ticks = list(self.features.values())
        feature_rows = [widgets.HBox(ticks[i:i + 3]) for i in range(0, len(ticks), 3)]
        self.rows["features"] = widgets.VBox([*feature_rows, self.messages["features"]])
        self.groups = {title: (keys, group(title, [self.rows[key] for key in keys])) for title, keys in GROUPS.items()}
        self.groups["Features"] = (("features",), group("Features (the network's inputs)", [self.rows["features"]]))
        order = ("Data", "Features", "Network", "Training", "View")
        self.box = widgets.HBox([self.groups[title][1] for title in order],
                                layout=widgets.Layout(flex_flow="row wrap", align_items="flex-start"))

    def classroom(self, settings):
        """Hide the controls of ``settings.hide`` (a group whose controls are all hidden, title and all) and lock
        (disable) those of ``settings.lock``; the others are shown and enabled."""
        for key, row in self.rows.items():
            row.layout.display = "none" if key in settings.hide else ""
            for widget in self._widgets(key):
                widget.disabled = key in settings.lock
        for keys, box in self.groups.values():
            box.layout.display = "none" if all(key in settings.hide for key in keys) else ""

    def _widgets(self, key):
        if key == "features":
            return tuple(self.features.values())
        return (self.points_area, self.points_button) if key == "points" else (self.fields[key],)

    def _changed(self, key):
        if not self.syncing:
            self.on_change(key)

    def read(self, key):
        """The value of ``key`` in the control, checked (SettingsError with the reason if it is not allowed)."""
        if key == "features":
            return parse_value("features", ",".join(t for t, box in self.features.items() if box.value))
        if key == "points":
            return read_points(self.points_area.value)
        widget = self.fields[key]
        if key in TEXTS:
            return parse_value(key, widget.value)
        return widget.value

    def say(self, key, text="", note=False):
        """Show ``text`` under the control of ``key``: a refusal, or with ``note`` a note (an empty text clears it)."""
        self.notes[key] = text
        (self.refused.discard if note or not text else self.refused.add)(key)
        say(self.messages[key], text, note)

    def show_value(self, key, value):
        """Write an accepted value of a text box as the settings string has it ("-0" becomes 0, "+5" 5)."""
        if key in TEXTS and self.fields[key].value != format_value(key, value):
            self.syncing = True
            try:
                self.fields[key].value = format_value(key, value)
            finally:
                self.syncing = False

    def format(self, key, settings):
        """The value of ``key`` in ``settings`` as the settings string writes it."""
        return format_value(key, getattr(settings, key))

    def put_back(self, key, settings):
        """Show the value of ``key`` in ``settings`` in its control again (without calling ``on_change``)."""
        if key == "features":
            return self.show_features(settings)
        if key == "points":
            self.points_area.value = as_lines(settings.points)
            return None
        self.syncing = True
        try:
            value = getattr(settings, key)
            self.fields[key].value = format_value(key, value) if key in TEXTS else value
        finally:
            self.syncing = False

    def show_features(self, settings):
        """Tick the features of ``settings`` (without calling ``on_change``), the other controls as they are."""
        self.syncing = True
        try:
            for token, box in self.features.items():
                box.value = token in settings.features
        finally:
            self.syncing = False

    def show(self, settings):
        """Put ``settings`` into every control and clear the messages (without calling ``on_change``)."""
        self.syncing = True
        try:
            for key, widget in self.fields.items():
                value = getattr(settings, key)
                widget.value = format_value(key, value) if key in TEXTS else value
                self.say(key)
            self.say("features")
            self.say("points")
            self.points_area.value = as_lines(settings.points)
        finally:
            self.syncing = False
        self.show_features(settings)
