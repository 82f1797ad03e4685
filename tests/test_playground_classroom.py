"""Classroom mode: hide= and lock= in the settings string hide or lock controls, and nothing hidden can change."""

import pytest

from nnlib.playground import PlaygroundApp, Settings, SettingsError, parse_settings
from nnlib.playground.settings import CONTROLS
from nnlib.playground.strings import format_settings

LESSON = "dataset=circles;hide=noise,optimiser,penalty;lock=dataset"


def test_hide_and_lock_have_one_canonical_form_written_only_when_used():
    settings = parse_settings(LESSON)
    assert settings.hide == ("noise", "optimiser", "reg") and settings.lock == ("dataset",)
    text = format_settings(settings)
    assert text.endswith(";discrete=0;hide=noise,optimiser,reg;lock=dataset") and parse_settings(text) == settings
    assert "hide" not in str(Settings()) and "lock" not in str(Settings())  # the strings of before stay canonical
    # any order, repeats, capitals and labels give the same canonical form
    assert parse_settings("hide=Penalty, noise,optimiser,noise") == parse_settings("hide=noise,optimiser,reg")
    assert parse_settings("hide=none") == Settings() == parse_settings("hide=None;lock=none")
    # names of groups stand for their controls
    assert parse_settings("hide=training").hide == ("lr", "batch", "optimiser", "reg", "rate", "epochs")
    assert parse_settings("lock=data").lock == ("dataset", "n", "noise", "train", "seed", "points")
    assert parse_settings("hide=network,view").hide == ("features", "hidden", "act", "show_test", "discrete")
    assert parse_settings("hide=" + ",".join(reversed(CONTROLS))).hide == CONTROLS


@pytest.mark.parametrize("text, words", [
    ("hide=colour", "hide must be one of dataset, n, noise"),
    ("lock=", "lock must be control names separated by commas"),
    ("hide=noise,,lr;lock=train,size", "lock must be one of"),
])
def test_a_bad_control_name_is_refused_naming_the_key(text, words):
    with pytest.raises(SettingsError, match=words):
        parse_settings(text)
    with pytest.raises(SettingsError, match="hide must be a sequence of control names"):
        Settings(hide="noise")


def test_the_app_hides_and_locks_what_the_string_says():
    app = PlaygroundApp(LESSON)
    controls = app.controls
    for key in ("noise", "optimiser", "reg"):
        assert controls.rows[key].layout.display == "none"
    assert controls.rows["lr"].layout.display == "" and not controls.fields["lr"].disabled
    assert controls.fields["dataset"].disabled and controls.rows["dataset"].layout.display == ""
    assert "Classroom mode (hidden: noise, optimiser, reg; locked: dataset)" in app.classroom_note.value
    assert "remove hide=" in app.classroom_note.value
    assert app.settings_box.value.endswith(";hide=noise,optimiser,reg;lock=dataset")
    app.controls.fields["lr"].value = "0.1"  # what is shown still works, and the classroom stays
    assert app.playground.settings.lr == 0.1 and app.playground.settings.hide == ("noise", "optimiser", "reg")
    assert app.settings_box.value.endswith(";hide=noise,optimiser,reg;lock=dataset")


@pytest.mark.parametrize("key, value", [("dataset", "xor"), ("noise", "0.5"), ("optimiser", "adam")])
def test_a_hidden_or_locked_control_cannot_change_the_settings(key, value):
    app = PlaygroundApp(LESSON)
    before = app.playground.settings
    app.controls.fields[key].value = value  # as if a change came from the browser anyway
    assert app.playground.settings == before
    assert app.controls.fields[key].value == app.controls.format(key, before)  # put back
    assert "(classroom mode)" in app.controls.notes[key]


def test_features_the_presets_and_the_settings_box_can_be_hidden_or_locked():
    app = PlaygroundApp("hide=features,presets,export,settings")
    assert app.controls.groups["Features"][1].layout.display == "none"
    assert app.export_button.layout.display == "none"
    assert app.preset.layout.display == "none" and app.settings_row.layout.display == "none"
    assert "the settings box is hidden too" in app.classroom_note.value
    app.controls.features["x1sq"].value = True
    assert app.playground.settings.features == ("x1", "x2") and not app.controls.features["x1sq"].value
    assert app.apply("lock=features,presets,export,settings")  # from Python (the instructor's cell) it applies
    assert app.preset.layout.display == "" and app.preset.disabled and app.settings_box.disabled
    assert app.export_button.disabled and app.export_button.layout.display == ""
    assert app.apply_button.disabled and all(box.disabled for box in app.controls.features.values())
    assert "the settings box is locked" in app.classroom_note.value
    assert app.apply("dataset=xor")  # a string without hide= and lock= shows and unlocks everything
    assert app.classroom_note.value == "" and not app.settings_box.disabled and not app.preset.disabled
    assert all(row.layout.display == "" for row in app.controls.rows.values())
    assert all(box.layout.display == "" for _, box in app.controls.groups.values())


def test_a_group_with_every_control_hidden_is_hidden_title_and_all():
    app = PlaygroundApp("hide=view,lr")
    assert app.controls.groups["View"][1].layout.display == "none"
    assert app.controls.groups["Training"][1].layout.display == ""  # only lr of it is hidden


def test_pasted_points_cannot_replace_a_locked_data_set():
    app = PlaygroundApp("dataset=circles;lock=dataset")
    app.controls.points_area.value = "\n".join(f"{i / 10}, 0, {i % 2}" for i in range(12))
    app.controls.points_button.click()
    assert app.playground.settings.dataset == "circles" and not app.playground.settings.points
    assert "dataset is locked by the settings string (classroom mode)" in app.controls.notes["points"]
