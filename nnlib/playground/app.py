"""The playground as ipywidgets: controls, the pictures, and live training that never freezes the kernel.

How live training works: Train starts an asyncio task on the kernel's event
loop. Each frame trains for a time budget (``Playground.advance``: batch by
batch, so even a very slow epoch is cut), redraws, and yields with
``await asyncio.sleep``, so the kernel handles clicks between frames. A frame
aims at FRAME seconds, training plus drawing, so Pause takes effect within about
one frame even where clicks are handled only between frames (Google Colab's
ipykernel 6). With ipykernel 7 and ipywidgets 8 a click may also arrive on a
second thread while a frame is computing: Pause then only raises a flag, which
training reads before every batch, and everything else that changes the
playground (Reset, Apply, a control) holds one lock, so it waits for the frame
under way instead of changing the network under its feet. A frame is drawn only
once the browser has shown the one before (``pacing.FramePacer``); meanwhile
training goes on, so a slow browser or connection slows the pictures, never
the answer to Pause. Between training and drawing a frame the loop yields ECHO
seconds, so that the browser's echo of the last frame is read just before it
counts (read only after the drawing, most echoes came a frame late).

Nothing fails silently: every callback runs inside ``Messages.guard`` (see
``messages``), so whatever it raises is said in words beside the control that
caused it, and the app goes on working.
"""

import asyncio
import math
import threading
import time

import ipywidgets as widgets

from . import classroom
from .controls import Controls
from .diagram import neuron_names
from .frame import PICTURE, frame, legend, points
from .layout import arrange, buttons, picture, show  # noqa: F401 (show: the app displayed, for nnlib.playground)
from .messages import Messages
from .model import TRAINING_KEYS, Playground
from .pacing import FramePacer
from .presets import PRESETS
from .settings import SettingsError
from .strings import read_settings

FRAME = 0.05  # seconds per frame, training and drawing: about 20 redraws a second
ECHO = 0.005  # seconds between training and drawing a frame, for the kernel to read the browser's echo
FRAMES_PER_TRAIN = 60  # a Train of `epochs` epochs shows at least this many frames (when training is fast)
EMPTY = ("the settings box is empty: paste a settings string such as dataset=circles;hidden=8,8 "
         "(the box shows the current settings after every change)")


class PlaygroundApp:
    """ipywidgets around a ``Playground``; ``app.ui`` is the widget to display (``show()`` does it)."""

    def __init__(self, settings=None, clock=time.perf_counter):
        self.playground = Playground(settings)
        self.clock = clock
        self._lock = threading.RLock()  # one change of the playground at a time (see the module docstring)
        self._running = self._stop = False
        self._target, self._task, self.draw_seconds, self.frames = 0, None, 0.0, []
        self.chosen, self.pacer = None, FramePacer()
        self.controls = Controls(lambda key: self.messages.guard(key, self._on_control, key))
        self.messages = Messages(self.controls)
        self.failures = self.messages.failures  # (where, exception) of what failed unexpectedly in a callback
        self.controls.show(self.playground.settings)
        self.train_button, self.pause_button, self.step_button, self.reset_button = buttons(
            lambda action: self.messages.guard("top", action), self.train, self.pause, self.step, self.reset)
        self.preset = widgets.Dropdown(options=["choose a preset …"] + [p.name for p in PRESETS], description="preset",
                                       style={"description_width": "52px"}, layout=widgets.Layout(width="330px"))
        self.preset.observe(lambda change: self.messages.guard("top", self.choose_preset, change["new"]), names="value")
        self.claim = widgets.HTML(layout=widgets.Layout(width="auto", max_width="620px"))
        self.status = widgets.HTML(layout=widgets.Layout(width=f"{PICTURE}px"))
        self.neuron = widgets.Dropdown(description="large", style={"description_width": "40px"},
                                       layout=widgets.Layout(width=f"{PICTURE}px"))
        self.neuron.observe(lambda change: self.messages.guard("neuron", self._choose, change["new"]), names="value")
        self.diagram = widgets.HTML()
        regions, self.regions, self.regions_points = picture()
        large, self.large, self.large_points = picture()
        self.losses = widgets.HTML()
        self.settings_box = widgets.Textarea(description="settings", style={"description_width": "60px"},
                                             layout=widgets.Layout(width="auto", flex="1 1 400px", height="52px"))
        self.settings_box.add_class("playground-settings")  # for the browser test (the points box is one too)
        self.apply_button = widgets.Button(description="Apply settings", layout=widgets.Layout(width="120px"))
        self.apply_button.on_click(lambda _: self.messages.guard("settings", self.apply, self.settings_box.value))
        self.apply_message = self.messages.boxes["settings"]
        self.legend = widgets.HTML(layout=widgets.Layout(width=f"{PICTURE}px"))
        self.classroom_note = widgets.HTML()
        self.ui = arrange(self, regions, large)
        self.settings_box.value = self.playground.settings_string
        classroom.arrange(self, self.playground.settings)
        self._rebuilt()

    @property
    def apply_note(self):
        """The message beside Apply, as plain text."""
        return self.messages.texts["settings"]

    # -- settings ---------------------------------------------------------------------
    def _on_control(self, key):
        """A control changed: use its value if it is allowed, else say why beside it (the others still work)."""
        classroom.check_allowed(self, key)
        try:
            value = self.controls.read(key)
            changes = {key: value, "dataset": "own"} if key == "points" else {key: value}  # pasted: use them
            settings = self.playground.settings.replace(**changes)
        except SettingsError:
            if key in ("features", "dataset"):  # a menu or tick boxes cannot keep a bad value: show the last one
                self.controls.put_back(key, self.playground.settings)
            raise
        self.controls.show_value(key, value)
        self._use(settings)
        self.controls.put_back("dataset", self.playground.settings)
        self.messages.notes(self.playground.settings)

    def _use(self, settings):
        old = self.playground.settings
        if settings == old:
            return
        if any(getattr(settings, key) != getattr(old, key) for key in settings.__dataclass_fields__
               if key not in TRAINING_KEYS):
            self.pause()
        with self._lock:
            net = self.playground.net
            self.playground.apply(settings, keep_training=True)
            self.settings_box.value = self.playground.settings_string
            if self.playground.net is not net:
                self._rebuilt()
            else:
                self._points()
                self.draw()

    def apply(self, text, preset=None):
        """Restore the configuration in a settings string; a bad string only shows a message. Returns success.

        A string that leaves keys out is applied with a note beside Apply that names them (they take their
        defaults; a string cut short is one way to get there), and one with a value that has no effect with a
        note about it. A preset's claim stays while its settings are changed control by control (the claims
        say what to change); another settings string replaces it.
        """
        if not isinstance(text, str) or not text.strip():
            self._tell(EMPTY)
            return False
        try:
            settings, notes = read_settings(text)
        except SettingsError as error:
            self._tell(str(error))
            return False
        self._tell("" if preset is not None or not notes else "applied; " + "; ".join(notes), note=True)
        self.pause()
        with self._lock:
            self.playground.apply(settings)
            self.controls.show(settings)
            classroom.arrange(self, settings)
            self.settings_box.value = self.playground.settings_string
            self._rebuilt()
        self.messages.notes(self.playground.settings)
        if preset is None:
            self.claim.value = ""
            self.preset.value = self.preset.options[0]  # "choose a preset …": no preset is set
        else:
            self.claim.value = (f"<div style='font-size:13px;margin:2px 0 6px'><b>{preset.name}.</b> "
                                f"{preset.claim}</div>")
        return True

    def _tell(self, text, note=False):
        """The message beside Apply: a refusal, or with ``note`` a note."""
        self.messages.say("settings", text, note)

    def choose_preset(self, name):
        """Apply the preset called ``name`` (from the menu) and show what it should show."""
        preset = next((p for p in PRESETS if p.name == name), None)
        if preset is not None:
            self.apply(preset.settings, preset)

    def _rebuilt(self):
        """After a new network: the neuron menu, the points, the target of Train, a full redraw."""
        pg, self._target = self.playground, 0
        s = pg.settings
        widths = [len(s.features), *s.hidden, s.classes if s.classes > 2 else 1]
        options = neuron_names(widths, s.features)
        keep = self.chosen if self.chosen in [value for _, value in options] else (1 if s.hidden else 0, 0)
        self.chosen = None
        self.neuron.options = options
        self.neuron.value = keep
        self.chosen = keep
        self.legend.value = legend(s)
        self.export_area.layout.display = self.export_note.layout.display = "none"  # it was of the old network
        self._points()
        self.draw()

    def _points(self):
        self.regions_points.value = self.large_points.value = points(self.playground)

    def _choose(self, value):
        if value is not None and self.chosen is not None and value != self.chosen:
            self.chosen = value
            with self._lock:
                self.draw()

    # -- actions ------------------------------------------------------------------------
    def reset(self):
        """Back to the initial weights (Train starts a new run)."""
        self.pause()
        with self._lock:
            self.playground.reset()
            self._target = 0
            self.draw()

    def pause(self):
        """Stop training: before the next batch, or after the frame under way (Train resumes)."""
        self._stop = True
        self._buttons()

    def step(self):
        """Train one epoch and redraw."""
        if self._running:
            return
        with self._lock:
            self.playground.step(1)
            self.draw()

    def train(self, background=True):
        """Train ``epochs`` epochs (or resume a paused run), redrawing every frame.

        In a running kernel this returns at once and trains in an asyncio task;
        ``background=False`` (or no event loop) trains to the end before returning.
        """
        with self._lock:
            if self._running:
                return
            pg = self.playground
            if pg.epoch >= self._target:
                self._target = pg.epoch + pg.settings.epochs
            self._running, self._stop = True, False
            self._buttons()
        try:
            loop = asyncio.get_running_loop() if background else None
        except RuntimeError:
            loop = None
        if loop is None:  # no event loop (plain Python, tests): run to the end
            for _ in self.frames_until_done():
                pass
        else:
            self._task = loop.create_task(self._run())

    async def _run(self):
        for pause in self.frames_until_done():
            await asyncio.sleep(pause)  # the kernel handles clicks (Pause) here

    def frames_until_done(self):
        """Train and draw frame by frame; yields after each frame the seconds to wait before the next."""
        pg, failed = self.playground, False
        try:
            while True:
                with self._lock:
                    if self._stop or pg.epoch >= self._target or pg.diverged:
                        break
                    start = self.clock()
                    per_frame = max(1, math.ceil(pg.settings.epochs / FRAMES_PER_TRAIN))
                    budget = max(0.25 * FRAME, FRAME - self.draw_seconds - ECHO)  # leave time to draw
                    pg.advance(budget, max_epochs=min(per_frame, self._target - pg.epoch), clock=self.clock,
                               stop=lambda: self._stop)
                yield ECHO  # the browser's echo of the last frame (pacing) is read here, just before it counts
                with self._lock:  # no frame while the browser is still busy with the last one, or after Pause
                    if self._stop:
                        break
                    if self.pacer.ready(self.clock()):
                        self.draw()
                    elapsed = self.clock() - start
                    self.frames.append(elapsed)
                yield max(0.005, FRAME - elapsed)
        except Exception as error:  # shown in words, not lost inside a background task
            self.messages.failed("training", error)
            self.status.value = ("<span style='font-size:13px'>training stopped: something went wrong inside the "
                                 "playground (the details are in the log)</span>")
            failed = True
        finally:
            self._running = False
            self._buttons()  # first: Train is back as soon as training has stopped
        if not failed:
            with self._lock:
                self.draw()  # then the state it stopped in, whether or not its frame was due

    def _buttons(self):
        self.train_button.disabled = self._running
        self.pause_button.disabled = not self._running or self._stop
        self.step_button.disabled = self._running

    # -- drawing --------------------------------------------------------------------------
    def draw(self):
        """Redraw the diagram, the regions, the chosen neuron, the losses and the numbers."""
        start = self.clock()
        pictures = frame(self.playground, self.chosen, span=self._target)
        self.diagram.value = pictures["diagram"]
        self.regions.value, self.large.value = pictures["regions"], pictures["neuron"]
        self.losses.value = f"<div style='display:flex;flex-wrap:wrap'>{pictures['losses']}{pictures['accuracy']}</div>"
        self.status.value = f"<span style='font-size:13px'>{pictures['summary']}</span>"
        self.draw_seconds = self.clock() - start
        self.pacer.sent(self.clock())
