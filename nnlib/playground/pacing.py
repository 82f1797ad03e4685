"""Frames no faster than the browser shows them: an acknowledgement of every frame, with core widgets only.

The kernel can compute frames faster than a browser can draw them (a slow
machine, a big diagram, Colab's connection). Frames sent faster pile up on the
way, and a click on Pause then waits behind them: its answer (Train enabled
again) arrives only after every frame sent before it has been drawn.

So every frame ends by setting a counter widget, and ``jsdlink`` copies it, in
the browser, into a second widget; a link in the browser saves what it copies,
which sends it back to the kernel. When that echo arrives the browser has taken
in everything sent before it, and the next frame may be drawn; until then the
app keeps training without drawing. Without a browser (tests, scripts) no echo
ever comes, and every frame is drawn; a browser that stops answering (a hidden
tab) still gets a frame every ``patience`` seconds. Works with ipywidgets 7.7
(Colab) and 8: ``jsdlink`` and IntText are core widgets.
"""

import ipywidgets as widgets


class FramePacer:
    """``ready(now)``: may a frame be drawn? ``sent(now)`` after drawing one. ``box``: the widgets to display."""

    def __init__(self, patience=1.0):
        hidden = widgets.Layout(display="none")
        self.counter, self.echo = widgets.IntText(value=0, layout=hidden), widgets.IntText(value=0, layout=hidden)
        self.link = widgets.jsdlink((self.counter, "value"), (self.echo, "value"))
        self.echo.observe(self._echoed, names="value")
        self.box = widgets.HBox([self.counter, self.echo], layout=hidden)
        self.patience, self.answering, self.last = patience, False, float("-inf")

    def _echoed(self, change):
        self.answering = True  # a browser is there and answers: from now on, wait for its echoes

    def ready(self, now):
        """True if the browser has shown every frame sent (or none answers, or it has been quiet too long)."""
        return not self.answering or self.echo.value >= self.counter.value or now - self.last >= self.patience

    def sent(self, now):
        """Call after a frame's widgets are set: the counter goes last, so its echo follows the whole frame."""
        self.last = now
        self.counter.value += 1
