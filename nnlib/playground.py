"""A playground in the spirit of TensorFlow Playground, inside Jupyter.

Two layers, so that the part that computes can be tested without a browser:

- ``Playground`` holds a configuration (``Settings``), the data and a network.
  ``step(n)`` trains n more epochs, ``reset()`` starts again from the same
  initial weights, ``render()`` draws the decision boundary and the loss curves
  into a matplotlib Figure. No widgets, no event loop.
- ``PlaygroundApp`` wraps a Playground in ipywidgets controls (data set, layers,
  activation, learning rate, …), Train / Pause / Reset buttons and a settings
  string that can be copied and pasted back. ``show()`` builds and displays one.

A configuration is written as a compact string, e.g.::

    dataset=xor;n=200;noise=0.2;train=0.5;hidden=4;act=tanh;cross=0;lr=0.3;batch=full;epochs=300;seed=0

``parse_settings`` and ``format_settings`` turn it into ``Settings`` and back,
exactly: ``format_settings(parse_settings(text)) == text`` for every string
that ``format_settings`` writes. Keys may come in any order and may be left out
(they take their defaults); anything else raises a ValueError naming the key.

How live training works: Train starts an asyncio task on the kernel's event
loop that trains a chunk of epochs, redraws, and yields with
``await asyncio.sleep(...)``, so the kernel can handle button clicks (Pause)
between chunks. Training continues from the current weights, so chunks of
epochs give exactly the numbers of one long run. Without a running event loop
(plain Python, tests) Train simply runs to the end.

A click can also arrive *during* a chunk: ipykernel 7 with ipywidgets 8 handles
widget messages on a second thread (a kernel "subshell") while the main thread
computes. So every chunk, and everything that changes the playground (Reset,
Apply, a control), holds one lock: a click waits for the chunk under way to
finish instead of changing the network under its feet. Pause only raises a
flag, which the loop reads between chunks; its button greys out at once, and
Train comes back when training has really stopped.

ipywidgets and matplotlib are imported only when a figure or a widget is made.
Works with ipywidgets 7.7 (Colab) and 8.x: only Output, HBox/VBox, Dropdown,
FloatSlider, FloatLogSlider, IntSlider, Text, Textarea, Checkbox, Button and
Label are used, and figures are PNG images shown in an Output widget.
"""

import asyncio
import base64
import dataclasses
import io
import math
import threading
import time

import numpy as np

from .data import circles, logic_gate, moons, split, threshold
from .network import mlp

DATASETS = ("xor", "and", "or", "implies", "threshold", "circles", "moons")
ACTIVATIONS = ("tanh", "sigmoid", "relu", "identity")
LIMITS = {"n": (40, 2000), "noise": (0.0, 1.0), "train": (0.1, 0.9), "layers": 6, "units": (1, 64),
          "lr": (0.0, 100.0), "epochs": (1, 100_000), "seed": (0, 2**32 - 1)}
TRUE_WORDS, FALSE_WORDS = ("1", "true", "on", "yes"), ("0", "false", "off", "no")

# TensorFlow Playground's colours: orange for class 0, blue for class 1.
ORANGE, BLUE = "#f59322", "#0877bd"


# -- the settings and their string form ---------------------------------------------


@dataclasses.dataclass(frozen=True)
class Settings:
    """One configuration of the playground. Field names are the keys of the settings string.

    dataset: one of DATASETS. The logic gates are noisy clouds of ``n`` points
    around the four corners (±1, ±1); threshold is 1-D (x in [−5, 5], class x > 0).
    n: number of points; noise: standard deviation of the input noise, as a
    fraction of the data's scale (1 for gates, circles, moons; 5 for threshold);
    train: the fraction used for training (a stratified split; the rest is the test set);
    hidden: the widths of the hidden layers, () for none; act: their activation
    (the output is always one sigmoid unit, trained with cross-entropy);
    cross: add the feature x1·x2 as a third input (ignored for 1-D threshold data);
    lr: learning rate; batch: mini-batch size, None for the full batch;
    epochs: how many epochs one Train runs; seed: data, split, initial weights and shuffling.
    """

    dataset: str = "xor"
    n: int = 200
    noise: float = 0.2
    train: float = 0.5
    hidden: tuple = (4,)
    act: str = "tanh"
    cross: bool = False
    lr: float = 0.3
    batch: int | None = None
    epochs: int = 300
    seed: int = 0

    def __post_init__(self):
        def fail(key, expected, got):
            raise ValueError(f"settings: {key} must be {expected}; got {got!r}")

        def integer(key, value, low, high):
            if isinstance(value, bool) or not isinstance(value, (int, np.integer)) or not low <= value <= high:
                fail(key, f"an int from {low} to {high}", value)
            return int(value)

        def number(key, value, low, high, low_open=False):
            ok = isinstance(value, (int, float, np.integer, np.floating)) and not isinstance(value, bool)
            if not ok or not np.isfinite(value) or not (low < value if low_open else low <= value) or value > high:
                fail(key, f"a number {'>' if low_open else '>='} {low:g} and <= {high:g}", value)
            return float(value)

        set_ = object.__setattr__  # the dataclass is frozen; normalise types once, here
        if self.dataset not in DATASETS:
            fail("dataset", f"one of {', '.join(DATASETS)}", self.dataset)
        if self.act not in ACTIVATIONS:
            fail("act", f"one of {', '.join(ACTIVATIONS)}", self.act)
        set_(self, "n", integer("n", self.n, *LIMITS["n"]))
        set_(self, "noise", number("noise", self.noise, *LIMITS["noise"]))
        set_(self, "train", number("train", self.train, *LIMITS["train"]))
        if isinstance(self.hidden, (str, bytes)) or not hasattr(self.hidden, "__iter__"):
            fail("hidden", "a sequence of layer widths, e.g. (4, 4)", self.hidden)
        hidden = tuple(integer("hidden", width, *LIMITS["units"]) for width in self.hidden)
        if len(hidden) > LIMITS["layers"]:
            fail("hidden", f"at most {LIMITS['layers']} layers", self.hidden)
        set_(self, "hidden", hidden)
        if not isinstance(self.cross, (bool, np.bool_)):
            fail("cross", "True or False", self.cross)
        set_(self, "cross", bool(self.cross))
        set_(self, "lr", number("lr", self.lr, *LIMITS["lr"], low_open=True))
        if self.batch is not None:
            set_(self, "batch", integer("batch", self.batch, 1, LIMITS["n"][1]))
        set_(self, "epochs", integer("epochs", self.epochs, *LIMITS["epochs"]))
        set_(self, "seed", integer("seed", self.seed, *LIMITS["seed"]))

    def __str__(self):
        return format_settings(self)

    def replace(self, **changes):
        """A copy with some fields changed (and checked)."""
        return dataclasses.replace(self, **changes)


KEYS = tuple(field.name for field in dataclasses.fields(Settings))


def format_settings(settings):
    """The compact string of a ``Settings``: ``key=value`` pairs joined by ``;``, in a fixed order.

    Floats are written in Python's shortest exact form, so parsing gives back the same numbers.
    """
    s = settings
    values = {"dataset": s.dataset, "n": s.n, "noise": repr(s.noise), "train": repr(s.train),
              "hidden": ",".join(map(str, s.hidden)) or "none", "act": s.act, "cross": int(s.cross),
              "lr": repr(s.lr), "batch": "full" if s.batch is None else s.batch, "epochs": s.epochs,
              "seed": s.seed}
    return ";".join(f"{key}={values[key]}" for key in KEYS)


def parse_settings(text):
    """``Settings`` from a string such as ``"dataset=circles;hidden=8,8;lr=0.1"``.

    Pairs are separated by ``;`` (spaces and newlines around them are ignored),
    keys may come in any order, keys left out keep their defaults. ``hidden`` is
    a comma-separated list of widths or ``none``; ``batch`` is ``full`` or an int;
    ``cross`` is 1/0 (or true/false, on/off). Raises ValueError naming the key
    for an unknown or repeated key, a missing ``=``, or a value out of range.
    """
    if not isinstance(text, str):
        raise TypeError(f"settings must be a str like 'dataset=xor;hidden=4'; got {type(text).__name__}")
    found = {}
    for item in text.split(";"):
        item = item.strip()
        if not item:
            continue
        key, sep, value = item.partition("=")
        key, value = key.strip().lower(), value.strip()
        if not sep:
            raise ValueError(f"settings: {item!r} is not a key=value pair (pairs are separated by ';')")
        if key not in KEYS:
            raise ValueError(f"settings: unknown key {key!r}; the keys are {', '.join(KEYS)}")
        if key in found:
            raise ValueError(f"settings: key {key!r} is given twice")
        found[key] = _parse_value(key, value)
    return Settings(**found)


def _parse_value(key, text):
    def fail(expected):
        raise ValueError(f"settings: {key} must be {expected}; got {text!r}")

    if key in ("dataset", "act"):
        return text.lower()
    if key == "hidden":
        if text.lower() in ("", "none", "-"):
            return ()
        parts = [part.strip() for part in text.split(",")]
        if not all(part.isdigit() for part in parts):
            fail("layer widths separated by commas, e.g. 4,4 (or none)")
        return tuple(int(part) for part in parts)
    if key == "cross":
        if text.lower() in TRUE_WORDS:
            return True
        if text.lower() in FALSE_WORDS:
            return False
        fail("1 or 0")
    if key == "batch" and text.lower() in ("full", "none", "all"):
        return None
    if key in ("n", "batch", "epochs", "seed"):
        if not text.isdigit():
            fail("a whole number" + (" or full" if key == "batch" else ""))
        return int(text)
    try:  # noise, train, lr
        return float(text)
    except ValueError:
        fail("a number")


# -- the data -----------------------------------------------------------------------------


def make_data(settings):
    """The inputs X (n, 2), or (n, 1) for threshold, and 0/1 labels y (n,) of a configuration."""
    s = settings
    rng = np.random.default_rng(np.random.SeedSequence([s.seed, 1]))
    if s.dataset == "circles":
        return circles(s.n, s.noise, seed=rng)
    if s.dataset == "moons":
        return moons(s.n, s.noise, seed=rng)
    if s.dataset == "threshold":
        X, y = threshold(s.n)
        return X + rng.normal(0.0, 5 * s.noise, size=X.shape), y
    corners, _ = logic_gate(s.dataset, encoding="bipolar")
    _, labels = logic_gate(s.dataset)
    corner = rng.permutation(np.arange(s.n) % 4)  # as even as possible over the four corners
    return corners[corner] + rng.normal(0.0, s.noise, size=(s.n, 2)), labels[corner]


# -- the core: data, network, training, drawing -----------------------------------------


class Playground:
    """A configuration, its data, a network and its training history; no widgets.

    >>> pg = Playground("dataset=xor;hidden=4;lr=0.3")
    >>> pg.step(300)                      # train 300 epochs (more calls continue)
    >>> pg.test_accuracy, pg.settings_string
    >>> fig = pg.render()                  # a matplotlib Figure
    """

    def __init__(self, settings=None):
        self.apply(Settings() if settings is None else settings)

    # -- configuration ---------------------------------------------------------------
    def apply(self, settings, keep_training=False):
        """Switch to ``settings`` (a Settings or a settings string) and start again.

        With ``keep_training=True`` a change of only lr, batch or epochs keeps the
        network and its history (training simply continues with the new values).
        """
        new = parse_settings(settings) if isinstance(settings, str) else settings
        if not isinstance(new, Settings):
            raise TypeError(f"settings must be a Settings or a settings string; got {type(settings).__name__}")
        old = getattr(self, "settings", None)
        self.settings = new
        training_only = {"lr", "batch", "epochs"}
        if keep_training and old is not None and all(
                getattr(old, key) == getattr(new, key) for key in KEYS if key not in training_only):
            return self
        X, y = make_data(new)
        (self.X_train, self.y_train), (self.X_test, self.y_test) = split(
            X, y, (new.train, 1 - new.train), seed=np.random.default_rng(np.random.SeedSequence([new.seed, 2])))
        self.F_train, self.F_test = self.features(self.X_train), self.features(self.X_test)
        self.bounds = _bounds(X)
        self._picture = None  # drawn for the old data
        return self.reset()

    @property
    def settings_string(self):
        return format_settings(self.settings)

    @property
    def uses_cross(self):
        return self.settings.cross and self.X_train.shape[1] == 2

    def features(self, X):
        """The network's inputs for raw points X: X itself, plus the column x1·x2 if ``cross`` is on."""
        X = np.asarray(X, dtype=float)
        if self.settings.cross and X.shape[1] == 2:
            return np.column_stack([X, X[:, 0] * X[:, 1]])
        return X

    # -- training ----------------------------------------------------------------------
    def reset(self):
        """A fresh network (the same initial weights for the same seed), epoch 0, empty history."""
        s = self.settings
        sizes = [self.F_train.shape[1], *s.hidden, 1]
        self.net = mlp(sizes, hidden=s.act, output="sigmoid",
                       seed=np.random.default_rng(np.random.SeedSequence([s.seed, 3])))
        self._shuffle = np.random.default_rng(np.random.SeedSequence([s.seed, 4]))
        self.epoch = 0
        self.diverged = False
        self._train_loss, self._test_loss = [], []
        return self

    def step(self, epochs=None):
        """Train ``epochs`` more epochs (default: ``settings.epochs``), continuing from the current weights.

        Splitting a run into several steps gives the same numbers as one long step.
        Training stops (and ``diverged`` becomes True) if the loss stops being finite.
        """
        s = self.settings
        epochs = s.epochs if epochs is None else epochs
        if self.diverged:
            return self
        with np.errstate(over="ignore", invalid="ignore", divide="ignore"):
            history = self.net.fit(self.F_train, self.y_train, epochs=epochs, lr=s.lr, loss="bce",
                                   batch_size=s.batch, validation_data=(self.F_test, self.y_test),
                                   seed=self._shuffle)
        self._train_loss.append(history.loss)
        self._test_loss.append(history.val_loss)
        self.epoch += epochs
        if not (np.all(np.isfinite(history.loss)) and np.all(np.isfinite(self.net.get_parameters()[0]))):
            self.diverged = True
        return self

    def train(self):
        """Train ``settings.epochs`` epochs; returns self, so ``Playground(text).train().test_accuracy`` works."""
        return self.step()

    @property
    def train_loss(self):
        """Training loss (cross-entropy) of every epoch so far, as an array."""
        return np.concatenate(self._train_loss) if self._train_loss else np.empty(0)

    @property
    def test_loss(self):
        """Test loss after every epoch so far, as an array."""
        return np.concatenate(self._test_loss) if self._test_loss else np.empty(0)

    def _accuracy(self, F, y):
        with np.errstate(over="ignore", invalid="ignore"):
            return float(np.mean((self.net.forward(F)[:, 0] > 0.5) == (y > 0.5)))

    @property
    def train_accuracy(self):
        return self._accuracy(self.F_train, self.y_train)

    @property
    def test_accuracy(self):
        return self._accuracy(self.F_test, self.y_test)

    def probabilities(self, X):
        """The network's p(class 1) at raw points X (n, 2) or (n, 1)."""
        with np.errstate(over="ignore", invalid="ignore"):
            return self.net.forward(self.features(X))[:, 0]

    def summary(self):
        """One line: epoch, losses and accuracies."""
        loss = f"loss train {self.train_loss[-1]:.3f} test {self.test_loss[-1]:.3f} · " if self.epoch else ""
        text = (f"epoch {self.epoch} · {loss}accuracy train {self.train_accuracy:.0%} "
                f"test {self.test_accuracy:.0%}")
        return text + (" · diverged: lower the learning rate" if self.diverged else "")

    def __repr__(self):
        return f"Playground({self.settings_string!r}, epoch={self.epoch})"

    # -- drawing -----------------------------------------------------------------------
    def render(self, grid=60):
        """A matplotlib Figure: the decision boundary with train and test points, and the loss curves.

        A new Figure, made without pyplot (no global state); show it with
        ``IPython.display.display(fig)`` or save it with ``fig.savefig(path)``.
        """
        return _Picture(self, grid, fast=False).update(self).figure

    def to_png(self, grid=60):
        """The same picture as PNG bytes, fast: what the widget shows after every chunk of training.

        The figure is kept between calls; only what changes (the heat map, the
        points drawn over it, the loss curves, the titles) is redrawn over a saved
        background of axes, ticks and legends.
        """
        if self._picture is None or self._picture.grid != grid:
            self._picture = _Picture(self, grid, fast=True)
        return self._picture.update(self).png()


class _Picture:
    """The playground's figure: a data panel (heat map and points) and a loss panel.

    With ``fast=True`` the changing artists are marked animated: a full draw
    paints only the static background, which is saved, and each update paints
    the changing artists over it (blitting). A full draw happens again only
    when the loss panel's limits must grow.
    """

    def __init__(self, pg, grid, fast):
        from matplotlib.backends.backend_agg import FigureCanvasAgg
        from matplotlib.colors import LinearSegmentedColormap
        from matplotlib.figure import Figure
        from matplotlib.lines import Line2D

        self.grid, self.fast, self.background, self.contour = grid, fast, None, None
        self.cmap = LinearSegmentedColormap.from_list("playground", [ORANGE, "#ffffff", BLUE])
        self.figure = fig = Figure(figsize=(9.6, 4.0), dpi=70)  # 672 × 280 pixels: fits beside the controls
        self.canvas = FigureCanvasAgg(fig)
        self.ax = ax = fig.add_axes((0.07, 0.22, 0.42, 0.66))
        self.ax_loss = ax_loss = fig.add_axes((0.60, 0.22, 0.37, 0.66))
        (x0, x1), (y0, y1) = pg.bounds
        self.one_d = pg.X_train.shape[1] == 1
        image = {"origin": "lower", "aspect": "auto", "cmap": self.cmap, "vmin": 0, "vmax": 1,
                 "interpolation": "bilinear"}
        points = {"cmap": self.cmap, "vmin": 0, "vmax": 1, "s": 22, "linewidths": 0.7}
        if self.one_d:  # 1-D data: the curve p(x) over the points, on a shaded strip
            self.xs = np.linspace(x0, x1, 4 * grid)
            self.image = ax.imshow(np.zeros((1, len(self.xs))), extent=(x0, x1, -0.15, 1.15), alpha=0.6, **image)
            (self.curve,) = ax.plot(self.xs, np.zeros_like(self.xs), color="black", lw=1.5)
            self.points = [ax.scatter(X[:, 0], y + np.where(y > 0.5, -shift, shift), **{**points, "c": y},
                                      marker=marker, edgecolors="black")
                           for X, y, marker, shift in ((pg.X_train, pg.y_train, "o", 0.03),
                                                       (pg.X_test, pg.y_test, "^", -0.03))]
            ax.set(xlim=(x0, x1), ylim=(-0.15, 1.15), xlabel="x", ylabel="p(class 1); points at their label")
        else:
            self.xs, self.ys = np.linspace(x0, x1, grid), np.linspace(y0, y1, grid)
            gx, gy = np.meshgrid(self.xs, self.ys)
            self.grid_points = np.column_stack([gx.ravel(), gy.ravel()])
            self.curve = None
            self.image = ax.imshow(np.zeros((grid, grid)), extent=(x0, x1, y0, y1), alpha=0.75, **image)
            self.points = [ax.scatter(X[:, 0], X[:, 1], **{**points, "c": y}, marker=marker, edgecolors=edge)
                           for X, y, marker, edge in ((pg.X_train, pg.y_train, "o", "white"),
                                                      (pg.X_test, pg.y_test, "^", "black"))]
            ax.set(xlim=(x0, x1), ylim=(y0, y1), xlabel="$x_1$", ylabel="$x_2$")
        handles = [Line2D([], [], ls="", marker="o", color=BLUE, mec="white", label="train"),
                   Line2D([], [], ls="", marker="^", color=BLUE, mec="black", label="test"),
                   Line2D([], [], ls="", marker="s", color=ORANGE, label="class 0"),
                   Line2D([], [], ls="", marker="s", color=BLUE, label="class 1")]
        ax.legend(handles=handles, loc="upper center", bbox_to_anchor=(0.5, -0.13), ncol=4, fontsize=8,
                  frameon=False)
        (self.train_line,) = ax_loss.plot([], [], color="black", lw=1.5, label="train")
        (self.test_line,) = ax_loss.plot([], [], color="#c03030", lw=1.5, ls="--", label="test")
        ax_loss.legend(fontsize=8, loc="upper right")
        ax_loss.set(xlabel="epoch", ylabel="cross-entropy")
        ax_loss.grid(alpha=0.3)
        for artist in self._changing():
            artist.set_animated(fast)

    def _changing(self):
        return [self.image, *([self.curve] if self.curve else []), *self.points, self.train_line, self.test_line,
                self.ax.title, self.ax_loss.title]

    def update(self, pg):
        """Show the playground's current network and history; returns self."""
        if self.one_d:
            p = pg.probabilities(self.xs[:, None])
            self.image.set_data(p[None, :])
            self.curve.set_ydata(np.clip(np.nan_to_num(p, nan=0.5), -0.15, 1.15))
        else:
            p = pg.probabilities(self.grid_points).reshape(len(self.ys), len(self.xs))
            self.image.set_data(p)
            if self.contour is not None:
                self.contour.remove()
                self.contour = None
            if np.all(np.isfinite(p)) and p.min() < 0.5 < p.max():
                self.contour = self.ax.contour(self.xs, self.ys, p, levels=[0.5], colors="black", linewidths=1.2)
                self.contour.set_animated(self.fast)
        self.ax.set_title(f"{pg.settings.dataset}: epoch {pg.epoch}, test accuracy {pg.test_accuracy:.0%}",
                          fontsize=10)
        epochs = np.arange(1, pg.epoch + 1)
        train_loss, test_loss = pg.train_loss, pg.test_loss
        self.train_line.set_data(epochs, train_loss)
        self.test_line.set_data(epochs, test_loss)
        if pg.epoch:
            self.ax_loss.set_title(f"loss: train {train_loss[-1]:.3f}, test {test_loss[-1]:.3f}", fontsize=10)
        else:
            self.ax_loss.set_title("loss: press Train", fontsize=10)
        # Limits change in steps (a multiple of `epochs`, a tenth of the loss), so the background rarely changes.
        span = pg.settings.epochs * max(1, math.ceil(pg.epoch / pg.settings.epochs))
        finite = np.concatenate([train_loss, test_loss])
        finite = finite[np.isfinite(finite)]
        top = min(2.0, max(0.1, math.ceil(10 * finite.max()) / 10)) if len(finite) else 1.0
        limits = ((0.0, float(span)), (0.0, top * 1.05))
        if limits != (self.ax_loss.get_xlim(), self.ax_loss.get_ylim()):
            self.ax_loss.set_xlim(limits[0])
            self.ax_loss.set_ylim(limits[1])
            self.background = None
        return self

    def png(self):
        """The figure as PNG bytes (blitting the changing artists over the saved background)."""
        from PIL import Image

        if self.background is None:
            self.canvas.draw()  # everything that is not animated
            self.background = self.canvas.copy_from_bbox(self.figure.bbox)
        else:
            self.canvas.restore_region(self.background)
        for artist in [self.image, self.contour, self.curve, *self.points, self.train_line, self.test_line,
                       self.ax.title, self.ax_loss.title]:
            if artist is not None:
                self.figure.draw_artist(artist)
        width, height = self.canvas.get_width_height()
        buffer = io.BytesIO()
        Image.frombuffer("RGBA", (width, height), self.canvas.buffer_rgba(), "raw", "RGBA", 0, 1).save(
            buffer, format="png", compress_level=1)
        return buffer.getvalue()


def _bounds(X):
    """Plot limits around the data, with a margin."""
    low, high = X.min(axis=0), X.max(axis=0)
    pad = 0.12 * (high - low).max() + 0.1
    limits = [(float(a - pad), float(b + pad)) for a, b in zip(low, high)]
    return limits if len(limits) == 2 else [limits[0], (-0.15, 1.15)]


def time_retrain(settings=None, repeats=5):
    """Seconds for one reset + training of ``settings.epochs`` epochs + redraw to PNG (the median of ``repeats``).

    This is what a Train click costs before the first picture, at the default settings (XOR) unless given.
    """
    pg = Playground(settings)
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        pg.reset().step()
        pg.to_png()
        times.append(time.perf_counter() - start)
    return float(np.median(times))


# -- the widgets --------------------------------------------------------------------------


class PlaygroundApp:
    """ipywidgets controls around a ``Playground``; ``app.ui`` is the widget to display.

    Changing the data or the network rebuilds and redraws at once; changing the
    learning rate, batch size or epochs keeps the current training going. Train
    runs ``epochs`` epochs in about ``redraws`` chunks, redrawing after each;
    Pause stops after the current chunk and Train resumes; Reset starts again
    from the initial weights. The settings box always shows the current
    configuration; paste a string there and press Apply to restore one.
    """

    def __init__(self, settings=None, redraws=20):
        import ipywidgets as widgets

        self.playground = Playground(settings)
        self.redraws = redraws
        self._task = None
        self._running = False  # the chunk loop is going
        self._stop = False  # Pause was pressed: the loop ends after the chunk under way
        self._lock = threading.RLock()  # one change of the playground at a time (see the module docstring)
        self._target = 0
        self._syncing = False
        s = self.playground.settings
        wide = widgets.Layout(width="300px")
        slider = {"continuous_update": False, "layout": wide}

        self.dataset = widgets.Dropdown(options=list(DATASETS), value=s.dataset, description="data", layout=wide)
        self.n = widgets.IntSlider(value=s.n, min=LIMITS["n"][0], max=1000, step=20, description="points", **slider)
        self.noise = widgets.FloatSlider(value=s.noise, min=0, max=1, step=0.05, description="noise", **slider)
        self.train_fraction = widgets.FloatSlider(value=s.train, min=0.1, max=0.9, step=0.05,
                                                  description="train part", **slider)
        self.hidden = widgets.Text(value=",".join(map(str, s.hidden)) or "none", description="hidden",
                                   placeholder="e.g. 4, 4 (or none)", layout=wide)
        if hasattr(self.hidden, "continuous_update"):
            self.hidden.continuous_update = False
        self.act = widgets.Dropdown(options=list(ACTIVATIONS), value=s.act, description="activation", layout=wide)
        self.cross = widgets.Checkbox(value=s.cross, description="x1·x2 feature", indent=True)
        self.lr = widgets.FloatLogSlider(value=s.lr, base=10, min=-3, max=1, step=0.1, description="learning rate",
                                         readout_format=".3g", **slider)
        self.batch = widgets.Dropdown(options=self._batch_options(s.batch), value=s.batch or 0,
                                      description="batch", layout=wide)
        self.epochs = widgets.IntSlider(value=s.epochs, min=10, max=5000, step=10, description="epochs", **slider)
        self.seed = widgets.IntSlider(value=s.seed, min=0, max=max(100, s.seed), description="seed", **slider)
        self.train_button = widgets.Button(description="Train", button_style="success", icon="play")
        self.pause_button = widgets.Button(description="Pause", icon="pause", disabled=True)
        self.reset_button = widgets.Button(description="Reset", icon="refresh")
        self.settings_box = widgets.Textarea(value=self.playground.settings_string, description="settings",
                                             layout=widgets.Layout(width="620px", height="48px"))
        self.apply_button = widgets.Button(description="Apply settings")
        self.status = widgets.Label(value="")
        self.plot = widgets.Output(layout=widgets.Layout(width="690px", height="290px"))

        self.controls = [self.dataset, self.n, self.noise, self.train_fraction, self.hidden, self.act, self.cross,
                         self.lr, self.batch, self.epochs, self.seed]
        for control in self.controls:
            control.observe(self._on_control, names="value")
        self.train_button.on_click(lambda _: self.train())
        self.pause_button.on_click(lambda _: self.pause())
        self.reset_button.on_click(lambda _: self.reset())
        self.apply_button.on_click(lambda _: self.apply(self.settings_box.value))

        buttons = widgets.HBox([self.train_button, self.pause_button, self.reset_button])
        left = widgets.VBox([widgets.Label("Data"), self.dataset, self.n, self.noise, self.train_fraction,
                             widgets.Label("Network"), self.hidden, self.act, self.cross,
                             widgets.Label("Training"), self.lr, self.batch, self.epochs, self.seed, buttons])
        # In a narrow window (Colab, a split screen) the picture wraps below the controls instead of being cut.
        self.ui = widgets.VBox([widgets.HBox([left, widgets.VBox([self.plot, self.status])],
                                             layout=widgets.Layout(flex_flow="row wrap")),
                                widgets.HBox([self.settings_box, self.apply_button])])
        self._sync_widgets()
        self.draw()

    # -- widgets <-> settings ------------------------------------------------------------
    @staticmethod
    def _batch_options(extra=None):
        sizes = sorted({1, 5, 10, 20, 50, 100} | ({extra} if extra else set()))
        return [("full", 0)] + [(str(size), size) for size in sizes]

    def _settings_from_widgets(self):
        hidden = parse_settings(f"hidden={self.hidden.value}").hidden
        return Settings(dataset=self.dataset.value, n=self.n.value, noise=round(self.noise.value, 4),
                        train=round(self.train_fraction.value, 4), hidden=hidden, act=self.act.value,
                        cross=self.cross.value, lr=float(f"{self.lr.value:.3g}"), batch=self.batch.value or None,
                        epochs=self.epochs.value, seed=self.seed.value)

    def _sync_widgets(self):
        """Show the playground's settings in the controls (without triggering their handlers)."""
        s = self.playground.settings
        self._syncing = True
        try:
            self.seed.max = max(self.seed.max, s.seed)
            self.n.max = max(self.n.max, s.n)
            self.epochs.max = max(self.epochs.max, s.epochs)
            self.epochs.min = min(self.epochs.min, s.epochs)
            if s.batch and s.batch not in [value for _, value in self.batch.options]:
                self.batch.options = self._batch_options(s.batch)
            values = {self.dataset: s.dataset, self.n: s.n, self.noise: s.noise, self.train_fraction: s.train,
                      self.hidden: ",".join(map(str, s.hidden)) or "none", self.act: s.act, self.cross: s.cross,
                      self.lr: s.lr, self.batch: s.batch or 0, self.epochs: s.epochs, self.seed: s.seed}
            for widget, value in values.items():
                widget.value = value
            self.cross.disabled = s.dataset == "threshold"
            self.settings_box.value = self.playground.settings_string
        finally:
            self._syncing = False

    def _on_control(self, change):
        if self._syncing:
            return
        try:
            settings = self._settings_from_widgets()
        except ValueError as error:
            self.status.value = str(error)
            return
        rebuild = any(getattr(settings, key) != getattr(self.playground.settings, key)
                      for key in KEYS if key not in ("lr", "batch", "epochs"))
        if rebuild:
            self.pause()
        with self._lock:
            self.playground.apply(settings, keep_training=True)
            self._sync_widgets()
            self.draw()

    # -- actions --------------------------------------------------------------------------
    def apply(self, text):
        """Restore the configuration in a settings string (a bad string only shows an error)."""
        try:
            settings = parse_settings(text)
        except (ValueError, TypeError) as error:
            self.status.value = str(error)
            return False
        self.pause()
        with self._lock:
            self.playground.apply(settings)
            self._target = 0
            self._sync_widgets()
            self.draw()
        return True

    def reset(self):
        self.pause()
        with self._lock:
            self.playground.reset()
            self._target = 0
            self.draw()

    def pause(self):
        """Stop after the chunk under way (Train resumes)."""
        self._stop = True
        self._buttons()

    def train(self, background=True):
        """Train ``epochs`` epochs (or resume a paused run), redrawing after every chunk.

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
            for _ in self._chunks():
                pass
        else:
            self._task = loop.create_task(self._run())

    async def _run(self):
        for _ in self._chunks():
            await asyncio.sleep(0.005)  # let the kernel handle clicks (Pause) between chunks

    def _chunks(self):
        pg = self.playground
        try:
            while True:
                with self._lock:
                    if self._stop or pg.epoch >= self._target or pg.diverged:
                        break
                    chunk = max(1, math.ceil(pg.settings.epochs / self.redraws))
                    pg.step(min(chunk, self._target - pg.epoch))
                    self.draw()
                yield
        except Exception as error:  # shown, not lost inside a background task
            self.status.value = f"error: {type(error).__name__}: {error}"
        finally:
            self._running = False
            self._buttons()

    def _buttons(self):
        self.train_button.disabled = self._running
        self.pause_button.disabled = not self._running or self._stop

    def draw(self):
        """Redraw the figure and the status line."""
        png = base64.b64encode(self.playground.to_png()).decode("ascii")
        self.plot.outputs = ({"output_type": "display_data", "metadata": {},
                              "data": {"image/png": png, "text/plain": "<playground figure>"}},)
        self.status.value = self.playground.summary()


def show(settings=None):
    """Build a ``PlaygroundApp``, display it, and return it (for ``app.playground`` etc.)."""
    from IPython.display import display

    app = PlaygroundApp(settings)
    display(app.ui)
    return app
