"""Nothing fails silently: every bad value, and every exception in a callback, is said in words beside its control.

The app is driven without a browser, as in test_playground_app.py: setting a
widget's value runs the callback that the browser's change would run.
"""

import re

import numpy as np
import pytest

from nnlib.playground import PlaygroundApp, Settings
from nnlib.playground import model as playground_model
from nnlib.playground.controls import TEXTS
from nnlib.playground.messages import ERROR, NOTE, failure

RAW = re.compile(r"invalid literal|could not convert|Traceback|Error\b|scale < 0|base 10")


def words(app, where):
    """The message at ``where`` (a key of the settings or a place of Messages) as plain text."""
    return app.controls.notes.get(where, "") if where in app.controls.messages else app.messages.texts[where]


def still_works(app):
    """Changing the data set and the seed afterwards takes effect (the app has not got stuck)."""
    app.controls.fields["dataset"].value = "circles"
    app.controls.fields["seed"].value = "7"
    s = app.playground.settings
    assert (s.dataset, s.seed, app.playground.epoch) == ("circles", 7, 0)
    assert app.settings_box.value.startswith("dataset=circles") and "seed=7" in app.settings_box.value
    X, _ = playground_model.make_data(s)
    np.testing.assert_array_equal(np.sort(np.concatenate([app.playground.X_train, app.playground.X_test]), axis=0),
                                  np.sort(X, axis=0))  # the data of the new settings, not the old
    app.step_button.click()
    assert app.playground.epoch == 1 and "epoch 1" in app.status.value


def test_minus_zero_noise_is_zero_in_the_box_and_in_the_settings_string():
    app = PlaygroundApp()
    app.controls.fields["noise"].value = "-0"
    assert app.playground.settings.noise == 0 and not np.signbit(app.playground.settings.noise)
    assert words(app, "noise") == "" and app.controls.fields["noise"].value == "0"
    assert ";noise=0;" in app.settings_box.value and app.failures == []
    still_works(app)
    assert app.apply("dataset=moons;noise=-0") is True
    assert app.playground.settings.noise == 0 and ";noise=0;" in app.settings_box.value
    assert app.controls.fields["noise"].value == "0"
    still_works(app)


def fail_for(monkeypatch, noise):
    """make_data raises numpy's own message for one noise level, as it did for noise −0."""
    make_data = playground_model.make_data

    def failing(settings):
        if settings.noise == noise:
            raise ValueError("scale < 0")
        return make_data(settings)

    monkeypatch.setattr(playground_model, "make_data", failing)


def test_an_exception_in_a_callback_is_said_in_words_beside_its_control_and_the_app_goes_on(monkeypatch):
    fail_for(monkeypatch, 0.5)
    app = PlaygroundApp("dataset=moons;seed=3")
    before = app.playground.settings
    app.controls.fields["noise"].value = "0.5"
    assert words(app, "noise") == failure("noise") and not RAW.search(words(app, "noise"))
    assert "could not be used" in words(app, "noise") and "keeps its last working settings" in words(app, "noise")
    assert f"color:{ERROR}" in app.controls.messages["noise"].value
    assert app.playground.settings == before and app.settings_box.value == str(before)  # all or nothing
    assert len(app.playground.X_train) == 100
    assert [(where, str(error)) for where, error in app.failures] == [("noise", "scale < 0")]  # kept for the log
    still_works(app)  # with noise 0.2, its last good value
    assert words(app, "noise") == failure("noise")  # the box still says why it holds 0.5
    app.controls.fields["noise"].value = "0.1"
    assert words(app, "noise") == "" and app.playground.settings.noise == 0.1


CALLBACKS = [  # (the control, where its message goes, what its words name, what a user does)
    ("Apply", "settings", "settings", lambda app: (setattr(app.settings_box, "value", "dataset=moons;noise=0.5"),
                                                   app.apply_button.click())),
    ("preset", "top", "top", lambda app: app.preset.set_trait("value", app.preset.options[3])),
    ("Step", "top", "top", lambda app: app.step_button.click()),
    ("Train", "top", "training", lambda app: app.train_button.click()),
    ("Reset", "top", "top", lambda app: app.reset_button.click()),
    ("neuron", "neuron", "neuron", lambda app: app.neuron.set_trait("value", (1, 2))),
    ("features", "features", "features", lambda app: app.controls.features["x1sq"].set_trait("value", True)),
    *[(key, key, key, lambda app, key=key, value=value: app.controls.fields[key].set_trait("value", value))
      for key, value in [("dataset", "spiral"), ("n", "300"), ("train", "0.7"), ("seed", "9"), ("hidden", "3"),
                         ("act", "relu"), ("lr", "0.1"), ("batch", "10"), ("optimiser", "adam"), ("reg", "l2"),
                         ("rate", "0.5"), ("epochs", "10"), ("show_test", True), ("discrete", True)]],
]


@pytest.mark.parametrize("control, where, what, act", CALLBACKS, ids=[c[0] for c in CALLBACKS])
def test_any_callback_that_fails_says_so_beside_its_control(monkeypatch, control, where, what, act):
    app = PlaygroundApp("dataset=moons;epochs=5")

    def broken(*args, **kwargs):
        raise RuntimeError("internal: list index out of range")

    # everything that changes, trains or draws fails, whichever control started it
    for name in ("apply", "step", "advance", "reset"):
        monkeypatch.setattr(app.playground, name, broken)
    monkeypatch.setattr(app, "draw", broken)
    act(app)
    shown = words(app, where)
    assert shown == failure(what) and not RAW.search(shown) and "internal" not in shown
    assert app.failures and all(isinstance(error, RuntimeError) for _, error in app.failures)
    assert not app.train_button.disabled  # nothing is left half-running
    monkeypatch.undo()
    app.playground = type(app.playground)(app.playground.settings)  # nothing broken any more
    still_works(app)


def test_training_that_fails_stops_with_words_and_train_comes_back(monkeypatch):
    app = PlaygroundApp("dataset=moons;epochs=50")
    monkeypatch.setattr(app.playground, "advance", lambda *a, **k: 1 / 0)
    app.train_button.click()
    assert "training stopped" in app.status.value and "ZeroDivision" not in app.status.value
    assert words(app, "top") == failure("training") and not app.train_button.disabled
    monkeypatch.undo()
    app.train_button.click()
    assert app.playground.epoch == 50 and words(app, "top") == ""  # the next click clears the message


@pytest.mark.parametrize("key", ["n", "seed", "epochs", "batch", "hidden"])
@pytest.mark.parametrize("bad", ["²", "٣", "1_0", "4.0", "x"])
def test_a_strange_character_in_a_whole_number_box_gets_a_clear_message(key, bad):
    app = PlaygroundApp()
    before = app.playground.settings
    app.controls.fields[key].value = bad
    message = words(app, key)
    assert message.startswith(f"{key} must be ") and f"got {bad!r}" in message and not RAW.search(message)
    assert ("whole number" in message) if key != "hidden" else ("layer widths" in message)
    assert app.playground.settings == before and app.failures == []


def test_an_empty_hidden_layers_box_is_refused_and_says_how_to_ask_for_no_hidden_layer():
    app = PlaygroundApp()
    assert "none" in TEXTS["hidden"][1]  # the placeholder says it too
    app.controls.fields["hidden"].value = ""
    assert words(app, "hidden") == ("hidden must be layer widths separated by commas, e.g. 4,4, or none for no "
                                    "hidden layer; got nothing")
    assert app.playground.settings.hidden == (4,)
    app.controls.fields["hidden"].value = "  "
    assert "got nothing" in words(app, "hidden")
    app.controls.fields["hidden"].value = "none"
    assert app.playground.settings.hidden == () and words(app, "hidden") == ""
    assert ";hidden=none;" in app.settings_box.value
    assert app.apply("dataset=xor;hidden=") is False and "hidden" in app.apply_note and "got nothing" in app.apply_note


@pytest.mark.parametrize("text", [";;;", " ; ;\n", ";"])
def test_separators_alone_in_the_settings_box_are_refused_not_a_reset(text):
    app = PlaygroundApp("dataset=moons;hidden=8,8")
    before = app.playground.settings
    app.settings_box.value = text
    app.apply_button.click()
    assert app.playground.settings == before
    assert "holds no key=value pair" in app.apply_note and f"color:{ERROR}" in app.apply_message.value


def test_a_truncated_settings_string_is_refused_or_applied_with_a_note_of_what_it_left_out():
    full = ("dataset=moons;n=300;noise=0.1;train=0.7;seed=250;features=x1,x2,x1x2;hidden=8,8;act=relu;lr=0.05;"
            "batch=37;optimiser=adam;reg=l2;rate=0.001;epochs=20;show_test=1;discrete=1")
    app = PlaygroundApp()
    for end in range(1, len(full) + 1):
        text = full[:end]
        applied = app.apply(text)
        note = app.apply_note
        if end == len(full):
            assert applied and note == ""  # the whole string: nothing to say
        elif not applied:
            assert note and app.apply_message.value.count(ERROR) == 1, text  # refused, saying why
        else:
            pairs = [pair for pair in text.split(";") if pair]
            given = [pair.split("=")[0] for pair in pairs]
            missing = [key for key in Settings.__dataclass_fields__ if key not in given + ["hide", "lock", "points"]]
            assert note.startswith("applied; not in the string, so at their defaults: "), text
            assert all(f"{key}=" in note.split("defaults: ")[1] for key in missing), text
            if len(given) >= 2:
                assert f"was the string cut short? Its last value, {pairs[-1]!r}" in note, text
            assert f"color:{NOTE}" in app.apply_message.value
    assert app.apply("epochs=20;dataset=moons") and "cut short" not in app.apply_note  # not in the written order


def test_minus_zero_penalty_rate_is_rate_0():
    app = PlaygroundApp("reg=l2;rate=0.01")
    app.controls.fields["rate"].value = "-0"
    assert app.playground.settings.rate == 0 and ";rate=0;" in app.settings_box.value
    assert app.controls.fields["rate"].value == "0" and words(app, "rate") == ""
    assert app.apply("rate=-0.0;reg=l1") and ";rate=0;" in app.settings_box.value
    assert "-0" not in app.settings_box.value


@pytest.mark.parametrize("key, typed, value", [("epochs", "+5", 5), ("n", "+50", 50), ("seed", "+0", 0),
                                               ("batch", "+8", 8), ("hidden", "+4, +2", (4, 2)), ("rate", "+5", 5.0),
                                               ("lr", "+5", 5.0), ("noise", "+.5", 0.5), ("seed", "-0", 0)])
def test_a_plus_sign_means_the_same_for_whole_numbers_as_for_rates(key, typed, value):
    app = PlaygroundApp("reg=l2")
    app.controls.fields[key].value = typed
    assert getattr(app.playground.settings, key) == value and words(app, key) == ""
    assert app.controls.fields[key].value == app.controls.fields[key].value.lstrip("+")  # shown without the sign
    assert app.apply(f"reg=l2;{key}={typed}") and getattr(app.playground.settings, key) == value


def test_a_penalty_rate_while_the_penalty_is_none_gets_a_note():
    app = PlaygroundApp()
    app.controls.fields["rate"].value = "0.1"
    assert app.playground.settings.rate == 0.1  # kept, for when a penalty is chosen
    assert words(app, "rate") == ("rate=0.1 is not used while the penalty (reg) is none: choose l1 or l2 for it "
                                  "to act")
    assert f"color:{NOTE}" in app.controls.messages["rate"].value and "rate" not in app.controls.refused
    app.controls.fields["reg"].value = "l2"
    assert words(app, "rate") == "" and app.playground.settings.l2 == 0.1
    app.controls.fields["reg"].value = "none"
    assert "not used" in words(app, "rate")
    app.controls.fields["rate"].value = "lots"  # a refusal is not covered by the note
    app.controls.fields["reg"].value = "l1"
    app.controls.fields["reg"].value = "none"
    assert words(app, "rate").startswith("rate must be") and "rate" in app.controls.refused
    assert app.apply("reg=none;rate=0.5") and "rate=0.5 is not used while the penalty (reg) is none" in app.apply_note
    assert "not used" in words(app, "rate")
    assert app.apply("reg=none;rate=0") and "not used" not in app.apply_note and words(app, "rate") == ""
