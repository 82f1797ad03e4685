"""nnlib.playground.settings and .strings: one canonical string per settings, old strings parse, bad ones are named."""

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from nnlib.playground.own import compact
from nnlib.playground.settings import (
    ACTIVATIONS,
    CONTROLS,
    DATASETS,
    FEATURES,
    KEYS,
    OPTIMISERS,
    REGULARISERS,
    Settings,
    check_value,
    shorten,
)
from nnlib.playground.strings import format_settings, format_value, parse_settings, parse_value

DEFAULT = ("dataset=xor;n=200;noise=0.2;train=0.5;seed=0;features=x1,x2;hidden=4;act=tanh;lr=0.3;batch=full;"
           "optimiser=sgd;reg=none;rate=0;epochs=300;show_test=0;discrete=0")


def test_default_settings_string():
    assert format_settings(Settings()) == str(Settings()) == DEFAULT
    assert parse_settings(DEFAULT) == Settings()
    assert parse_settings("") == Settings() == parse_settings(" \n") == parse_settings("dataset=xor;;")


@pytest.mark.parametrize("text", [
    DEFAULT,
    "dataset=circles;n=300;noise=0.05;train=0.7;seed=42;features=x1sq,x2sq;hidden=8,8,2;act=relu;lr=0.01;batch=10;"
    "optimiser=adam;reg=l2;rate=0.003;epochs=1000;show_test=1;discrete=1",
    "dataset=spiral3;n=2000;noise=1;train=0.1;seed=4294967295;features=x1,x2,x1sq,x2sq,x1x2,sinx1,sinx2;"
    "hidden=64,64,64,64,64,64;act=leaky_relu;lr=100;batch=1;optimiser=momentum;reg=l1;rate=10;epochs=100000;"
    "show_test=0;discrete=1",
])
def test_canonical_strings_round_trip(text):
    assert format_settings(parse_settings(text)) == text


# every data set but "own", which needs points (test_playground_own.py); points may come with any of them
settings_strategy = st.builds(
    Settings,
    dataset=st.sampled_from(DATASETS[:-1]), n=st.integers(40, 2000), noise=st.floats(0, 1), train=st.floats(0.1, 0.9),
    seed=st.integers(0, 2**32 - 1),
    features=st.sets(st.sampled_from(tuple(FEATURES)), min_size=1).map(tuple),
    hidden=st.lists(st.integers(1, 64), max_size=6).map(tuple), act=st.sampled_from(ACTIVATIONS),
    lr=st.floats(1e-9, 100, exclude_min=True), batch=st.none() | st.integers(1, 2000),
    optimiser=st.sampled_from(OPTIMISERS), reg=st.sampled_from(REGULARISERS), rate=st.floats(0, 10),
    epochs=st.integers(1, 100_000), show_test=st.booleans(), discrete=st.booleans(),
    hide=st.sets(st.sampled_from(CONTROLS)).map(tuple), lock=st.sets(st.sampled_from(CONTROLS)).map(tuple),
    points=st.just(()) | st.lists(st.tuples(st.floats(-5, 5), st.floats(-5, 5), st.floats(-1e6, 1e6)),
                                  min_size=10, max_size=12).map(tuple),
)


@given(settings_strategy)
def test_any_settings_round_trip_exactly(settings):
    text = format_settings(settings)
    assert parse_settings(text) == settings
    assert format_settings(parse_settings(text)) == text


@given(settings_strategy)
def test_the_string_is_canonical(settings):
    text = format_settings(settings)
    assert text.split(";")[6] == f"hidden={','.join(map(str, settings.hidden)) or 'none'}"  # never hidden= alone
    assert not re.search(r"=[^;]*\.0(;|$)", text) and not re.search(r"=-0(;|$)", text)  # 1 not 1.0, 0 not -0
    assert not re.search(r"=\+", text) and re.fullmatch(r"[a-z_]+=[^;=\s]+(;[a-z_]+=[^;=\s]+)*", text)
    written = [key for key in KEYS if key not in ("hide", "lock", "points") or getattr(settings, key)]  # if any
    assert [pair.split("=")[0] for pair in text.split(";")] == written


WORDS = {True: ["1", "true", "on", "yes", "TRUE", "Yes"], False: ["0", "false", "off", "no", "False", "NO"]}


@st.composite
def spellings(draw, key, value):
    """Any way to write ``value`` of ``key`` that parse_settings accepts, besides the canonical one."""
    if isinstance(value, bool):
        return draw(st.sampled_from(WORDS[value]))
    if value is None:  # batch
        return draw(st.sampled_from(["full", "FULL", "all", "none", "Full"]))
    if isinstance(value, str):
        return draw(st.sampled_from([value, value.upper(), value.title()]))
    if key == "hidden":
        if not value:
            return draw(st.sampled_from(["none", "NONE", "None", "-"]))
        return draw(st.sampled_from([",", ", ", " ,"])).join(draw(spellings("n", width)) for width in value)
    if key == "points":
        return compact(value) if value else draw(st.sampled_from(["none", "NONE", " none "]))
    if key in ("hide", "lock") and not value:
        return draw(st.sampled_from(["none", "NONE", " none "]))
    if key in ("features", "hide", "lock"):
        names = draw(st.permutations(value))
        return ", ".join(draw(st.sampled_from([name, name.upper()])) for name in names)
    if isinstance(value, int):
        forms = [str(value), f"+{value}", f"0{value}", f"+00{value}"] + (["-0", "-00"] if value == 0 else [])
        return draw(st.sampled_from(forms))
    text = repr(value)
    forms = [text, f"+{text}", f"{value:.17e}", f"{value:.17E}", f"{value:.17g}"]
    forms += [text + "0"] if "." in text and "e" not in text else []
    forms += [text[:-2]] if text.endswith(".0") else []  # 1.0 as 1
    forms += [text.replace("0.", ".", 1)] if text.startswith("0.") else []  # 0.5 as .5
    forms += ["-0", "-0.0", "-0e5", "0e0", "-.0"] if value == 0 else []
    return draw(st.sampled_from(forms))


@st.composite
def any_spelling(draw):
    """Settings and a string that means them: keys in any order and case, spaces, defaults left out, ';' at the end."""
    settings, pairs = draw(settings_strategy), []
    space = st.sampled_from(["", " ", "  ", "\n"])
    for key in KEYS:
        value = getattr(settings, key)
        if value == getattr(Settings(), key) and draw(st.booleans()):
            continue  # left out: it takes its default
        name = draw(st.sampled_from([key, key.upper()]))
        pairs.append(f"{draw(space)}{name}{draw(space)}={draw(space)}{draw(spellings(key, value))}{draw(space)}")
    return settings, ";".join(draw(st.permutations(pairs))) + draw(st.sampled_from(["", ";", " ; ", ";\n"]))


@given(any_spelling())
def test_any_spelling_is_read_as_its_settings_and_written_back_canonical(case):
    settings, text = case
    assert parse_settings(text) == settings
    canonical = format_settings(parse_settings(text))
    assert canonical == format_settings(settings)  # one string per settings, however they were written
    assert format_settings(parse_settings(canonical)) == canonical


def test_minus_zero_and_whole_floats_are_written_canonically():
    for key in ("noise", "rate"):
        assert format_value(key, -0.0) == "0" and format_value(key, 0.0) == "0"
        value = parse_value(key, "-0")
        assert value == 0 and str(value) == "0.0"  # a positive zero (numpy refuses a noise scale of −0.0)
    assert format_settings(Settings(noise=-0.0, rate=-0.0)) == format_settings(Settings(noise=0, rate=0))
    assert "noise=0;" in format_settings(Settings(noise=-0.0)) and "rate=0;" in format_settings(Settings(rate=-0.0))
    assert format_value("lr", 1.0) == "1" and format_value("lr", 0.03) == "0.03"
    assert format_value("lr", 1e-05) == "1e-05" and format_value("lr", 100.0) == "100"
    assert format_value("hidden", ()) == "none" and parse_value("hidden", "none") == ()


def test_parse_is_forgiving_about_order_spaces_case_and_missing_keys():
    settings = parse_settings(" seed = 3 ;\n hidden = 4, 4 ; Dataset=moons; features = x2, X1; batch=FULL;")
    assert settings == Settings(dataset="moons", hidden=(4, 4), features=("x1", "x2"), seed=3)
    assert parse_settings("lr=1e-2").lr == 0.01
    assert parse_settings("features=x1x2,x1").features == ("x1", "x1x2")  # always in FEATURES order


@pytest.mark.parametrize("old, features", [
    # strings written by the first playground (notebook 09) still parse, with the same meaning
    ("dataset=xor;n=200;noise=0.2;train=0.5;hidden=4;act=tanh;cross=0;lr=0.3;batch=full;epochs=300;seed=0",
     ("x1", "x2")),
    ("dataset=moons;n=300;noise=0.1;train=0.7;hidden=8,8;act=relu;cross=1;lr=0.05;batch=37;epochs=20;seed=250",
     ("x1", "x2", "x1x2")),
    ("dataset=threshold;n=40;noise=0.0;train=0.1;hidden=none;act=identity;cross=0;lr=100.0;batch=1;epochs=1;seed=0",
     ("x1", "x2")),
])
def test_strings_of_the_first_playground_still_parse(old, features):
    settings = parse_settings(old)
    assert settings.features == features
    for pair in old.split(";"):
        key, value = pair.split("=")
        if key != "cross":
            assert getattr(settings, key) == parse_value(key, value)


@pytest.mark.parametrize("text, words", [
    ("dataset=swirl", ["dataset", "swirl", "xor", "spiral3"]),
    ("colour=red", ["unknown key", "colour", "dataset"]),
    ("dataset", ["key=value"]),
    ("seed=1;seed=2", ["seed", "twice"]),
    ("cross=1;cross=0", ["cross", "twice"]),
    ("cross=1;features=x1", ["features", "cross", "not both"]),
    ("cross=maybe", ["cross", "maybe"]),
    ("hidden=4,,4", ["hidden", "4,,4"]),
    ("hidden=4,x", ["hidden"]),
    ("hidden=4,0", ["hidden", "from 1 to 64", "0"]),
    ("hidden=1,1,1,1,1,1,1", ["hidden", "at most 6"]),
    ("features=x3", ["features", "x3", "x1sq"]),
    ("features=none", ["features", "none"]),
    ("features=", ["features", "at least one"]),
    ("act=softmax", ["act", "softmax", "leaky_relu"]),
    ("optimiser=rmsprop", ["optimiser", "rmsprop", "adam"]),
    ("reg=l3", ["reg", "l3", "l1", "l2"]),
    ("rate=-1", ["rate", "from 0 to 10", "-1"]),
    ("rate=11", ["rate", "11"]),
    ("lr=-1", ["lr", "above 0", "-1"]),
    ("lr=0", ["lr", "above 0"]),
    ("lr=nan", ["lr", "nan"]),
    ("lr=inf", ["lr", "inf"]),
    ("lr=fast", ["lr", "a number", "fast"]),
    ("epochs=1.5", ["epochs", "whole number", "1.5"]),
    ("epochs=0", ["epochs", "from 1 to 100000"]),
    ("epochs=100001", ["epochs", "100001"]),
    ("batch=big", ["batch", "full", "big"]),
    ("batch=0", ["batch", "from 1"]),
    ("train=1.5", ["train", "0.9", "1.5"]),
    ("noise=-0.1", ["noise", "-0.1"]),
    ("n=10", ["n", "40", "2000", "10"]),
    ("n=5000", ["n", "5000"]),
    ("show_test=maybe", ["show_test", "1 or 0", "maybe"]),
    ("seed=-1", ["seed", "-1"]),
])
def test_bad_settings_strings_raise_a_clear_value_error(text, words):
    with pytest.raises(ValueError) as error:
        parse_settings(text)
    message = str(error.value)
    assert message.startswith("settings: ")
    for word in words:
        assert word in message, f"{word!r} not in {message!r}"


def test_long_bad_values_are_shortened_in_the_message():
    with pytest.raises(ValueError) as error:
        parse_settings("dataset=" + "x" * 500)
    assert len(str(error.value)) < 200 and "(500 characters)" in str(error.value)
    with pytest.raises(ValueError) as error:
        parse_settings("y" * 1000)
    assert len(str(error.value)) < 200 and "(1000 characters)" in str(error.value)
    assert shorten("short") == "'short'"


def test_bad_settings_objects_and_types():
    with pytest.raises(TypeError, match="settings must be a str"):
        parse_settings(42)
    for key, bad in [("lr", "0.1"), ("hidden", "4"), ("features", "x1"), ("show_test", 1), ("n", 100.0),
                     ("n", True), ("batch", 0), ("features", ())]:
        with pytest.raises(ValueError, match=key):
            Settings(**{key: bad})
    with pytest.raises(ValueError, match="unknown key"):
        check_value("colour", 1)


def test_regularisation_and_classes_follow_the_settings():
    assert (Settings(reg="l1", rate=0.1).l1, Settings(reg="l1", rate=0.1).l2) == (0.1, 0.0)
    assert (Settings(reg="l2", rate=0.1).l1, Settings(reg="l2", rate=0.1).l2) == (0.0, 0.1)
    assert (Settings(rate=0.1).l1, Settings(rate=0.1).l2) == (0.0, 0.0)  # reg=none keeps the rate, unused
    assert Settings(dataset="spiral3").classes == 3 and Settings(dataset="spiral").classes == 2
    assert KEYS[0] == "dataset" and len(KEYS) == len(set(KEYS))
