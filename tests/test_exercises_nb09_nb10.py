"""The exercises of notebooks 09 and 10, answered wrongly on purpose and then rightly.

As for notebooks 00-04 (tests/test_exercises_keys.py): for each exercise at least three wrong answers, every
misconception its key names among them, and one that is no known mistake. Each gets "not yet", names its
misconception, and shows no expected value in any usual format; the instructors' solution gets "correct". The
keys' own numbers are checked against nnlib.
"""

import numpy as np
import pytest

import nnlib
from nnlib import descent
from nnlib.exercises import check, hint, nb09, nb10, solution, tutor

A, G, THETA0 = nb09.A, nb09.G, nb09.THETA0
Z = nb09.Z_NO_BIAS

# (id, wrong answer, the misconception it shows, or None for a plain wrong answer)
WRONG = [
    ("09.1", 1 / 6, "missing factor 2"),
    ("09.1", 2.0, "λ_min"),
    ("09.1", 0.4, "diagonal"),
    ("09.1", 2 / 7, "best rate"),
    ("09.1", 3.0, "upside down"),
    ("09.1", 0.5, None),
    ("09.2", THETA0 - 0.01 * G, "plain descent"),
    ("09.2", THETA0 - 0.01 * 0.1 * G / np.sqrt(0.001 * G**2), "no bias correction"),
    ("09.2", THETA0 - 0.01 / G, "no square root"),
    ("09.2", THETA0 + 0.01 * np.sign(G), "uphill"),
    ("09.2", -0.01 * np.sign(G), "the step"),
    ("09.2", [0.99, 1.0], None),
    ("09.3", Z.max(), "sign"),
    ("09.3", -Z.min(), "smallest"),
    ("09.3", -Z.mean(), "mean"),
    ("09.3", -Z[0], "one point"),
    ("09.3", -1.0, None),
    ("10.1", 2 / 50, "variance"),
    ("10.1", np.sqrt(2 / 250), "Xavier"),
    ("10.1", np.sqrt(2 / 200), "n_out"),
    ("10.1", np.sqrt(1 / 50), "LeCun"),
    ("10.1", 2 / np.sqrt(50), "2 outside the root"),
    ("10.1", 0.5, None),
    ("10.2", 2 * 0.04, "no mean"),
    ("10.2", 2 * 0.04 + 0.25, "mean added outside"),
    ("10.2", 2 * (0.04 + 0.25) / 64, "mean instead of sum"),
    ("10.2", np.sqrt(2 * (0.04 + 0.25)), "standard deviation"),
    ("10.2", 2 * (0.04 + 0.5), "μ not squared"),
    ("10.2", 0.29, None),
    ("10.3", 0.25**10, "ten layers"),
    ("10.3", 0.25**8, "eight layers"),
    ("10.3", 4.0**9, "upside down"),
    ("10.3", 1.0, "no slope"),
    ("10.3", 0.5**9, "σ(0) for σ'(0)"),
    ("10.3", 0.25, None),
]

IDS = ["09.1", "09.2", "09.3", "10.1", "10.2", "10.3"]


def verdict(capsys, exercise_id, answer):
    check(exercise_id, answer)
    return capsys.readouterr().out.strip()


def number_forms(value):
    """The ways a number may be written: 0.3333, 0.33333333, 3.33e-01, 33.3 %, with or without its sign.

    Forms that are a bare small integer ("1" for 1.01 to two digits) are left out: they are in "t = 1" and
    "1 − β₁", and say nothing about the answer.
    """
    value = float(value)
    forms = {repr(value), f"{value:.8g}", str(round(value, 8))}
    forms |= {f"{value:.{k}g}" for k in range(2, 9)} | {f"{value:.{k - 1}e}" for k in range(2, 7)}
    forms |= {f"{value:.{k}f}" for k in range(2, 9)} | {f"{100 * value:g} %", f"{100 * value:g}%"}
    forms |= {form.lstrip("-") for form in forms}
    return {form for form in forms if not (form.lstrip("-").isdigit() and abs(float(form)) < 10)}


def assert_gives_nothing_away(exercise_id, text):
    values = np.ravel(np.asarray(solution(exercise_id), dtype=float))
    for value in values:
        for form in number_forms(value):
            assert form not in text, (exercise_id, form, text)


@pytest.mark.parametrize(("exercise_id", "answer", "name"), WRONG,
                         ids=[f"{i}-{n or 'plain'}-{k}" for k, (i, _, n) in enumerate(WRONG)])
def test_a_wrong_answer_gets_not_yet_names_the_mistake_and_gives_nothing_away(capsys, exercise_id, answer, name):
    out = verdict(capsys, exercise_id, answer)
    assert out.startswith("not yet: "), out
    if name is not None:
        [misconception] = [c for c in tutor._key(exercise_id).misconceptions if c.name == name]
        assert misconception.message in out
    else:
        assert 'hint("' in out
    assert_gives_nothing_away(exercise_id, out)


@pytest.mark.parametrize("exercise_id", IDS)
def test_every_exercise_has_three_wrong_answers_covering_each_of_its_misconceptions(exercise_id):
    tried = [name for i, _, name in WRONG if i == exercise_id]
    assert len(tried) >= 3 and None in tried
    assert {c.name for c in tutor._key(exercise_id).misconceptions} <= set(tried)


@pytest.mark.parametrize("exercise_id", IDS)
def test_the_solution_is_correct_and_the_hints_never_give_the_number(capsys, exercise_id):
    assert verdict(capsys, exercise_id, solution(exercise_id)).startswith("correct: ")
    assert verdict(capsys, exercise_id, ...).startswith("not attempted yet")
    exercise = tutor._key(exercise_id)
    assert len(exercise.hints) >= 2
    for text in (*exercise.hints, *(m.message for m in exercise.misconceptions)):
        assert_gives_nothing_away(exercise_id, text)
    hint(exercise_id)
    assert capsys.readouterr().out.startswith("hint ")


def test_all_exercises_of_notebooks_09_and_10_are_tested():
    assert list(nb09.EXERCISES) + list(nb10.EXERCISES) == IDS


# -- the keys' numbers ----------------------------------------------------------------------------------

def test_key_09_1_is_where_descent_on_that_bowl_stops_converging():
    bowl = descent.Bowl(A)
    start = np.array([1.0, -0.5])
    found = descent.largest_stable_rate(lambda lr: descent.does_not_grow(bowl, start, lr, steps=3000), 0.01, 2.0,
                                        rtol=1e-6)
    assert abs(found - solution("09.1")) < 1e-3


def test_key_09_2_is_nnlibs_first_adam_step():
    centre = np.array([0.0, 2.0])
    bowl = descent.Bowl(np.diag(G / (THETA0 - centre)), centre=centre)   # a bowl whose gradient at θ₀ is G
    assert np.allclose(bowl.gradient(THETA0), G)
    path = descent.descent_path(bowl, THETA0, nb09.LR, 1, nnlib.Adam())
    assert np.allclose(path[1], solution("09.2"), rtol=1e-12)


def test_key_09_3_is_the_bias_at_which_the_unit_turns_off_on_all_points():
    b = solution("09.3")
    z = nb09.POINTS @ nb09.W_UNIT + b
    assert np.all(z <= 1e-12) and np.isclose(z.max(), 0.0, atol=1e-12)
    assert np.any(nb09.POINTS @ nb09.W_UNIT + b + 1e-6 > 0)    # any larger bias revives it somewhere


def test_key_10_1_is_nnlibs_he_scale():
    assert solution("10.1") == nnlib.layers.init_std("he", None, nb10.N_IN, nb10.N_OUT)


def test_key_10_2_matches_a_simulation_of_such_a_layer():
    rng = np.random.default_rng(5)
    moments = []
    for seed in range(60):                     # the rule averages over the random weights too
        x = rng.normal(nb10.MEAN_X, np.sqrt(nb10.VAR_X), size=(200, nb10.N))
        z = nnlib.Dense(nb10.N, 64, seed=seed, init_scale=float(np.sqrt(nb10.VAR_W))).forward(x)
        moments.append(np.mean(z**2))
    assert abs(np.mean(moments) / solution("10.2") - 1) < 0.05


def test_key_10_3_is_the_linearised_backward_factor_of_a_sigmoid_stack():
    # Near z = 0 each sigmoid layer passes the error back as σ'(0)·Wᵀδ; with n units and weights of std σ_w
    # the size of δ shrinks by σ'(0)·σ_w·√n per layer. Check on a linear stand-in, averaged over seeds.
    rng = np.random.default_rng(0)
    ratios = []
    for _ in range(30):
        delta = rng.normal(size=nb10.WIDTH)
        start = np.linalg.norm(delta)
        for _ in range(nb10.STEPS):
            W = rng.normal(0, nb10.SIGMA_W, size=(nb10.WIDTH, nb10.WIDTH))
            delta = nb10.SLOPE * (W.T @ delta)
        ratios.append(np.linalg.norm(delta) / start)
    assert abs(np.mean(ratios) / solution("10.3") - 1) < 0.1
