"""How responsive is the playground? Redraw intervals, redraws per second and Pause latency.

Run with ``make bench`` (bench.py calls ``main``) or ``.venv/bin/python bench/bench_playground.py``.
For three settings (the defaults, moons with two hidden layers of 8, and the heaviest
the settings allow) the app trains the way it does in a notebook, frame after frame
(``PlaygroundApp.frames_until_done``: a time-bounded chunk of training, then a full
redraw of the diagram with every neuron's picture, the regions, the chosen neuron
and the losses), without a browser and on one BLAS thread. It prints:

- the redraw interval, median and worst: the time of one frame, training and drawing;
  the goal is a redraw at least every 100 ms (aim 50) whatever the setting;
- redraws per second when only drawing (no training between), the goal being ≥ 15 at the defaults;
- Pause latency: where clicks are handled only between frames (Google Colab's
  ipykernel 6), a click waits for the frame under way, so the worst case is the worst
  frame; where a click arrives on another thread (ipykernel 7), Pause is pressed from a
  timer thread at a random moment and the time until training has stopped is measured.
  The goal is 150 ms.

Nothing here is asserted in the tests: speed is measured, not asserted.
"""

import os

os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")  # one core, as the issue asks; before numpy is imported
os.environ.setdefault("OMP_NUM_THREADS", "1")

import random  # noqa: E402
import threading  # noqa: E402
import time  # noqa: E402

import numpy as np  # noqa: E402

SETTINGS = {
    "defaults": "",
    "moons, 2 hidden layers of 8": "dataset=moons;hidden=8,8",
    "heaviest allowed": "dataset=spiral3;n=2000;features=x1,x2,x1sq,x2sq,x1x2,sinx1,sinx2;"
                        "hidden=64,64,64,64,64,64;batch=1;optimiser=adam;lr=0.001;reg=l2;rate=0.001;epochs=100000;"
                        "show_test=1",
}
GOALS = {"interval": 0.100, "aim": 0.050, "redraws": 15, "pause": 0.150}


def frame_intervals(app, seconds):
    """Run the app's frames for about ``seconds``: the time each frame computes (train + draw).

    In a kernel the app then waits FRAME − that (at least 5 ms) before the next frame,
    so the redraw interval there is max(FRAME, frame + 5 ms).
    """
    app.playground.reset()
    app._target, app._running, app._stop = 10**9, True, False  # runs until paused after `seconds`
    app.frames = []
    end = time.perf_counter() + seconds
    for _ in app.frames_until_done():
        if time.perf_counter() > end:
            app.pause()
    return np.array(app.frames)


def redraw_times(app, count):
    times = []
    for _ in range(count):
        start = time.perf_counter()
        app.draw()
        times.append(time.perf_counter() - start)
    return np.array(times)


def pause_latency_from_a_thread(app, trials, rng):
    """Pause pressed from another thread at a random moment of a run; seconds until training has stopped."""
    latencies = []
    for _ in range(trials):
        app.playground.reset()
        app._target, app._running, app._stop = 10**9, True, False  # Pause, not the end, stops it
        pressed = {}

        def press(pressed=pressed):
            pressed["at"] = time.perf_counter()
            app.pause()

        timer = threading.Timer(rng.uniform(0.2, 0.5), press)
        timer.start()
        for _ in app.frames_until_done():
            pass
        latencies.append(time.perf_counter() - pressed["at"])
        timer.join()
    return np.array(latencies)


def main(seconds=3.0):
    from nnlib.playground import PlaygroundApp  # ipywidgets is imported here, not for bench.py's loops

    rng = random.Random(0)
    print("\nplayground: a frame = a time-bounded chunk of training + a full redraw (one BLAS thread)")
    print(f"  {'setting':<30}{'redraw every (ms)':>20}{'draw only':>14}{'Pause (ms), worst':>22}")
    print(f"  {'':<30}{'median':>10}{'worst':>10}{'redraws/s':>14}{'between frames':>16}{'thread':>8}")
    for name, text in SETTINGS.items():
        app = PlaygroundApp(text)
        redraw_times(app, 3)  # warm up
        from nnlib.playground.app import FRAME

        computed = frame_intervals(app, seconds)
        intervals = np.maximum(FRAME, computed + 0.005)
        pg = app.playground
        trained = (f"{len(computed)} frames, {pg.epoch} epochs ({pg.batches} batches) in {seconds:g} s; "
                   f"95 % of the redraws within {np.percentile(intervals, 95) * 1e3:.0f} ms")
        draws = redraw_times(app, 20)
        thread = pause_latency_from_a_thread(app, 5, rng)
        median, worst = np.median(intervals), intervals.max()  # Pause waits at most the frame under way
        print(f"  {name:<30}{median * 1e3:>10.0f}{worst * 1e3:>10.0f}{1 / np.median(draws):>14.1f}"
              f"{worst * 1e3:>16.0f}{thread.max() * 1e3:>8.0f}")
        verdicts = [f"redraw ≤ {GOALS['interval'] * 1e3:.0f} ms {'met' if worst <= GOALS['interval'] else 'MISSED'}",
                    f"Pause ≤ {GOALS['pause'] * 1e3:.0f} ms "
                    f"{'met' if max(worst, thread.max()) <= GOALS['pause'] else 'MISSED'}"]
        if name == "defaults":
            verdicts.append(f"≥ {GOALS['redraws']} redraws/s {'met' if 1 / np.median(draws) >= 15 else 'MISSED'}")
        print(f"  {'':<30}{'; '.join(verdicts)}\n  {'':<30}{trained}")


if __name__ == "__main__":
    main()
