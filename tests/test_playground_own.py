"""Your own data: points pasted as text, checked line by line, trained on, kept in the settings string."""

import numpy as np
import pytest

from nnlib.playground import Playground, PlaygroundApp, Settings, SettingsError, parse_settings
from nnlib.playground.own import as_lines, compact, kind, parse_compact, read_points
from nnlib.playground.strings import format_settings


def xor_points(n=40, seed=0):
    X = np.random.default_rng(seed).uniform(-1, 1, size=(n, 2))
    return [(a, b, float(a * b > 0)) for a, b in X.round(2)]


def pasted(points, header="x1,x2,class"):
    return header + "\n" + "\n".join(f"{a}, {b}, {t:g}" for a, b, t in points)


def test_pasted_points_are_read_in_any_usual_layout():
    expected = ((0.5, 1.2, 1.0), (-0.3, 0.4, 0.0))
    for text in ("0.5, 1.2, 1\n-0.3, 0.4, 0", "x1\tx2\tclass\n0.5\t1.2\t1\n\n-0.3\t0.4\t0\n",
                 "# my points\n0.5 1.2 1\n−0.3;0.4;0", " 0.5 ,1.2, 1 \n-.3,  +.4,0e0"):
        points = read_points(text + "\n" + "\n".join(["0, 0, 0"] * 10))  # at least 10 points
        assert points[:2] == expected and len(points) == 12


@pytest.mark.parametrize("text, words", [
    ("0.5, 1.2, 1\n0.5, 1.2", "line 2, '0.5, 1.2', must be three numbers: x1, x2 and a class (0, 1, 2) or a value; "
                              "it holds 2 numbers"),
    ("x1,x2,class\n0.5, 1.2, 1\n0.5, abc, 1", "line 3, '0.5, abc, 1', must be three numbers"),
    ("0.5, 1.2, 1\n1,2,3,4", "line 2, '1,2,3,4', must be three numbers"),
    ("0.5, 1.2, 1\n" * 3, "give from 10 to 2000 points, so that training and test both get some; got 3"),
    ("0.5, 1.2, 1\n" * 12 + "7, 0, 1", "line 13, (7, 0, 1), must have x1 and x2 from -5 to 5"),
    ("0.5, 1.2, 1\n" * 12 + "0, 0, 1e300", "line 13, (0, 0, 1e+300), must have x1 and x2 from -5 to 5 and a class or"),
    ("# nothing\n\n", "no points pasted"),
    ("0.5, 1.2, nan\n" * 12, "line 1, '0.5, 1.2, nan', must be three numbers"),
])
def test_a_bad_line_is_named_with_what_is_wrong(text, words):
    with pytest.raises(SettingsError, match="^points: ") as error:
        read_points(text)
    assert words in str(error.value)


def test_the_points_survive_in_the_settings_string_exactly():
    points = read_points(pasted(xor_points()))
    settings = Settings(dataset="own", points=points)
    text = format_settings(settings)
    assert text.endswith(";points=" + compact(points)) and ";hide" not in text
    assert parse_settings(text) == settings and format_settings(parse_settings(text)) == text
    assert parse_compact(compact(points)) == points and read_points(as_lines(points)) == points
    assert compact([(0.1, -0.0, 1.0), (1e-7, 2.5, 0.0)]) == "0.1,0,1/1e-07,2.5,0"  # short, exact, -0 is 0
    with pytest.raises(SettingsError, match="points: point 2, '1,x,0', must be three numbers x1,x2,class"):
        parse_settings("points=" + "/".join(["1,2,0", "1,x,0"] + ["1,2,0"] * 10))
    with pytest.raises(SettingsError, match="dataset own needs your points"):
        parse_settings("dataset=own")


def test_the_third_column_decides_classes_or_regression():
    assert kind([(0, 0, 0), (1, 1, 1)]) == 2 and kind([(0, 0, 2), (1, 1, 1)]) == 3 and kind([(0, 0, 0.5)]) == 0
    two = Settings(dataset="own", points=xor_points())
    assert two.classes == 2 and not two.regression
    three = Settings(dataset="own", points=[(a, b, t + (a > 0.5)) for a, b, t in xor_points()])
    assert three.classes == 3 and Playground(three).net.n_outputs == 3
    values = Settings(dataset="own", points=[(a, b, a - b) for a, b, _ in xor_points()])
    assert values.regression and Playground(values).loss_name == "mse"


def test_the_network_trains_on_your_points_like_on_any_data_set():
    points = xor_points(80)
    pg = Playground(Settings(dataset="own", points=points, train=0.75, hidden=(8,), lr=1.0, epochs=500)).train()
    assert len(pg.X_train) == 60 and len(pg.X_test) == 20
    together = np.vstack([np.column_stack([pg.X_train, pg.y_train]), np.column_stack([pg.X_test, pg.y_test])])
    assert sorted(map(tuple, together.tolist())) == sorted(points)  # every point, once, with its class
    assert pg.train_accuracy >= 0.95
    regression = Playground(Settings(dataset="own", points=[(a, b, a + b) for a, b, _ in points], hidden=(),
                                     lr=0.1, epochs=300)).train()
    assert regression.test_loss[-1] < 1e-3  # a plane, learned from your points


def test_the_app_trains_on_pasted_points_and_names_a_bad_line():
    app = PlaygroundApp("epochs=20")
    app.controls.points_area.value = pasted(xor_points())
    app.controls.points_button.click()
    assert app.playground.settings.dataset == "own" and app.controls.fields["dataset"].value == "own"
    assert ";points=" in app.settings_box.value and app.controls.notes["points"] == ""
    app.train(background=False)
    assert app.playground.epoch == 20
    app.controls.points_area.value = "0.5, 1.2, 1\nfoo"
    app.controls.points_button.click()
    assert app.controls.notes["points"].startswith("points: line 2, 'foo', must be three numbers")
    assert app.playground.epoch == 20  # the last good points stay, trained as they were
    app.controls.fields["dataset"].value = "circles"
    assert app.playground.settings.points and app.controls.notes["points"]  # the points wait for a return to own
    app.controls.fields["dataset"].value = "own"
    assert len(app.playground.X_train) + len(app.playground.X_test) == 40
    fresh = PlaygroundApp()
    fresh.controls.fields["dataset"].value = "own"  # no points yet: said beside the data set
    assert fresh.playground.settings.dataset == "xor" and "needs your points" in fresh.controls.notes["dataset"]
    assert fresh.controls.fields["dataset"].value == "xor"  # the menu shows the data set in use
    assert fresh.apply(app.settings_box.value)  # the string brings the points along, into the box too
    assert read_points(fresh.controls.points_area.value) == app.playground.settings.points


def test_points_left_while_another_data_set_is_chosen_get_a_note():
    app = PlaygroundApp(Settings(dataset="own", points=xor_points()))
    app.controls.fields["dataset"].value = "moons"
    assert "your 40 points are not used while the data set is moons" in app.controls.notes["points"]
    assert "points" not in app.controls.refused
