"""nnlib.playground.app: the widget app driven without a browser (no event loop: Train runs to the end)."""

import threading

import numpy as np
import pytest

from nnlib.playground import PRESETS, PlaygroundApp, parse_settings
from nnlib.playground.app import EMPTY, FRAME


def neurons(app, column):
    return app.diagram.value.count(f"class='neuron' data-column='{column}'")


def test_buttons_controls_and_settings_box():
    app = PlaygroundApp("epochs=40")
    assert app.settings_box.value == app.playground.settings_string
    assert "epoch 0" in app.status.value and bytes(app.regions.value).startswith(b"\x89PNG")
    app.train_button.click()
    assert app.playground.epoch == 40 and "epoch 40" in app.status.value
    assert not app.train_button.disabled and app.pause_button.disabled
    app.controls.fields["lr"].value = "1.0"  # a training setting: training is kept
    assert app.playground.epoch == 40 and "lr=1;" in app.settings_box.value
    app.controls.fields["dataset"].value = "circles"  # a data setting: rebuilt
    assert app.playground.epoch == 0 and app.settings_box.value.startswith("dataset=circles")
    app.step_button.click()
    assert app.playground.epoch == 1
    app.reset_button.click()
    assert app.playground.epoch == 0
    app.train(background=False)
    assert app.playground.epoch == 40
    app.train(background=False)  # Train again: another `epochs` epochs
    assert app.playground.epoch == 80


def test_toggling_a_feature_adds_an_input_node():
    app = PlaygroundApp()
    assert neurons(app, 0) == 2 and "x₁²" not in app.diagram.value
    app.controls.features["x1sq"].value = True
    assert neurons(app, 0) == 3 and "x₁²" in app.diagram.value and app.playground.net.n_inputs == 3
    assert "features=x1,x2,x1sq" in app.settings_box.value
    app.controls.features["x1"].value = False
    app.controls.features["x2"].value = False
    app.controls.features["x1sq"].value = False  # the last one: refused, ticked again, and said why
    assert app.controls.features["x1sq"].value and "at least one" in app.controls.messages["features"].value
    assert app.playground.settings.features == ("x1sq",)


def test_a_refused_value_is_explained_beside_its_control_and_blocks_nothing_else():
    app = PlaygroundApp()
    app.controls.fields["n"].value = "5000"
    message = app.controls.messages["n"].value
    assert "40" in message and "2000" in message and "5000" in message  # the allowed range and what was typed
    assert app.playground.settings.n == 200 and app.controls.fields["n"].value == "5000"  # not clamped
    app.controls.fields["noise"].value = "0.3"  # another field still works
    assert app.playground.settings.noise == 0.3 and app.controls.messages["noise"].value == ""
    assert "5000" in app.controls.messages["n"].value  # and the first message stays until it is fixed
    app.controls.fields["n"].value = "300"
    assert app.playground.settings.n == 300 and app.controls.messages["n"].value == ""
    for key, bad in [("hidden", "4,,"), ("lr", "-1"), ("batch", "big"), ("epochs", "1.5"), ("rate", "x" * 300)]:
        app.controls.fields[key].value = bad
        assert app.controls.messages[key].value, key
    assert "(300 characters)" in app.controls.messages["rate"].value  # a long value is shortened
    assert app.playground.settings.hidden == (4,) and app.playground.settings.lr == 0.3


def test_apply_restores_a_configuration_and_explains_bad_or_empty_strings():
    app = PlaygroundApp()
    text = ("dataset=moons;n=300;noise=0.1;train=0.7;seed=250;features=x1,x2,x1x2;hidden=8,8;act=relu;lr=0.05;"
            "batch=37;optimiser=adam;reg=l2;rate=0.001;epochs=20;show_test=1;discrete=1")
    app.settings_box.value = text
    app.apply_button.click()
    assert app.playground.settings_string == text and app.settings_box.value == text
    fields = app.controls.fields
    assert (fields["hidden"].value, fields["batch"].value, fields["seed"].value) == ("8,8", "37", "250")
    assert all(app.controls.read(key) == getattr(parse_settings(text), key) for key in
               ("dataset", "n", "noise", "train", "seed", "features", "hidden", "act", "lr", "batch", "optimiser",
                "reg", "rate", "epochs", "show_test", "discrete"))
    assert app.apply("dataset=swirl") is False
    assert "dataset" in app.apply_message.value and "dataset" in app.apply_note
    assert app.playground.settings_string == text
    assert app.apply("   ") is False and app.apply_note == EMPTY
    assert EMPTY.startswith("the settings box is empty")
    assert app.apply("q" * 5000) is False and len(app.apply_message.value) < 400
    assert app.apply("dataset=xor") is True and app.apply_note.startswith("applied; not in the string")
    assert app.apply(text) is True and app.apply_message.value == ""  # a whole string: nothing to say


@pytest.mark.parametrize("preset", PRESETS, ids=lambda p: p.name)
def test_every_preset_applies_from_the_menu(preset):
    app = PlaygroundApp()
    app.preset.value = preset.name
    assert app.playground.settings == parse_settings(preset.settings)
    assert preset.claim[:30] in app.claim.value.replace("&#x27;", "'")
    app.controls.fields["hidden"].value = "4"  # what several claims ask for: the claim stays
    assert preset.claim[:30] in app.claim.value.replace("&#x27;", "'") and app.preset.value == preset.name
    app.apply("dataset=moons")  # another configuration: the claim goes
    assert app.claim.value == "" and app.preset.value == app.preset.options[0]


def test_the_test_points_and_the_chosen_neuron():
    app = PlaygroundApp("dataset=moons;n=100")
    assert app.regions_points.value.count("stroke='#111'") == 0
    app.controls.fields["show_test"].value = True
    assert app.regions_points.value.count("stroke='#111'") == 50 == app.large_points.value.count("stroke='#111'")
    assert app.chosen == (1, 0) and "stroke-width='3'" in app.diagram.value
    before = app.large.value
    app.neuron.value = (1, 2)
    assert app.chosen == (1, 2) and bytes(app.large.value) != bytes(before)
    app.neuron.value = (2, 0)  # the output: the large picture is then the output's p
    app.controls.fields["hidden"].value = "none"
    assert app.chosen == (0, 0) and app.neuron.value == (0, 0)  # the neuron chosen before is gone


def test_frames_end_on_time_and_redraw_at_least_every_100_ms():
    app = PlaygroundApp("dataset=spiral;n=2000;hidden=64,64,64,64,64,64;batch=1;epochs=3")
    clock = {"now": 0.0}
    app.clock = lambda: clock["now"]
    train_batch, draw = app.playground._train_batch, app.draw

    def slow_batch():  # every batch of the heaviest setting takes 20 ms, every redraw 30 ms
        train_batch()
        clock["now"] += 0.02

    def slow_draw():
        draw()
        clock["now"] += 0.03

    app.playground._train_batch, app.draw = slow_batch, slow_draw
    app.draw()
    app._target, app._running, app._stop = 3, True, False
    frames = app.frames_until_done()
    for _ in range(10):
        start = clock["now"]
        wait = next(frames)
        assert clock["now"] - start <= FRAME + 0.02 + 1e-9  # training within its budget, then one redraw
        assert wait >= 0.005  # and the kernel gets a moment to handle clicks
    assert max(app.frames) <= 0.1
    app.pause()  # a click handled between two frames (Colab): no further frame starts
    with pytest.raises(StopIteration):
        next(frames)
    assert not app._running and not app.train_button.disabled


def test_a_click_from_another_thread_waits_for_the_frame_under_way():
    # ipykernel 7 + ipywidgets 8 deliver clicks on a second thread while a frame trains.
    app = PlaygroundApp("dataset=moons;batch=10;epochs=400")
    advance = app.playground.advance
    clicks = []

    def advance_with_clicks(*args, **kwargs):
        if not clicks:  # during the first frame: Pause, then Reset, from another thread
            app.pause()
            assert app.pause_button.disabled and app.train_button.disabled  # pausing, not yet paused
            clicks.append(threading.Thread(target=app.reset))
            clicks[0].start()
            clicks[0].join(timeout=0.2)
            assert clicks[0].is_alive(), "Reset did not wait for the frame under way"
        return advance(*args, **kwargs)

    app.playground.advance = advance_with_clicks
    app.train(background=False)
    clicks[0].join(timeout=30)
    assert app.playground.epoch == 0 and app.playground.batches == 0  # Pause stopped before any batch; Reset ran
    assert not app.train_button.disabled and app.pause_button.disabled
    app.train(background=False)
    assert app.playground.epoch == 400


def test_show_displays_the_app_at_the_defaults(monkeypatch):
    import IPython.display

    from nnlib.playground import show

    shown = []
    monkeypatch.setattr(IPython.display, "display", shown.append)
    app = show()
    assert shown == [app.ui] and app.playground.settings == parse_settings("")
    assert np.isfinite(app.playground.test_loss).all()


def test_frames_wait_for_the_browser_to_echo_the_last_one():
    from nnlib.playground.pacing import FramePacer

    pacer = FramePacer(patience=1.0)
    assert pacer.ready(0.0)  # no browser has answered yet (a script, a test): every frame is drawn
    pacer.sent(0.0)
    assert pacer.ready(0.1)
    pacer.echo.value = 1  # what the browser's link sends back once it has taken frame 1 in
    assert pacer.answering and pacer.ready(0.1)
    pacer.sent(0.2)
    assert not pacer.ready(0.3)  # frame 2 not yet echoed: the next frame waits
    assert pacer.ready(1.2)  # but not for ever (a hidden tab answers slowly)
    pacer.echo.value = 2
    assert pacer.ready(0.3)


def test_while_the_browser_is_busy_the_app_trains_on_without_drawing():
    app = PlaygroundApp("dataset=moons;epochs=200")
    app.pacer.echo.value = app.pacer.counter.value  # a browser that has shown everything so far …
    drawn = app.pacer.counter.value
    app.pacer.patience = float("inf")  # … and then never answers again
    app.train(background=False)
    assert app.playground.epoch == 200
    assert app.pacer.counter.value == drawn + 2  # the first frame, then only the final state
    assert "epoch 200" in app.status.value


def test_the_echo_that_comes_in_between_training_and_drawing_lets_the_frame_be_drawn():
    from nnlib.playground.app import ECHO

    app = PlaygroundApp("dataset=moons;epochs=600")
    app.pacer.patience = float("inf")
    app.pacer.echo.value = app.pacer.counter.value  # a browser that answers
    app.pacer.counter.value += 1  # a frame on its way, not yet echoed
    app._target, app._running, app._stop = 600, True, False
    frames = app.frames_until_done()
    sent = app.pacer.counter.value
    assert next(frames) == ECHO  # trained; a moment for the echo …
    app.pacer.echo.value = app.pacer.counter.value  # … which comes in then
    wait = next(frames)
    assert app.pacer.counter.value == sent + 1 and wait >= 0.005  # so this frame is drawn
    assert next(frames) == ECHO  # the next one trains; its echo does not come
    next(frames)
    assert app.pacer.counter.value == sent + 1  # not drawn: the browser is still busy
    app.pause()
    with pytest.raises(StopIteration):
        next(frames)
