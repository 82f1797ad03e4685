"""The exercises of notebooks 09 and 10: their wrong answers, and the keys' own numbers checked against nnlib.

The table below is held to the rules every notebook's exercises follow in test_exercises_tables.py.
"""

import numpy as np
from exercise_checks import ExerciseTable

import nnlib
from nnlib.diagnostics import descent
from nnlib.exercises import nb09, nb10, solution

A, G1, G2, THETA0 = nb09.A, nb09.G1, nb09.G2, nb09.THETA0
Z = nb09.Z_NO_BIAS


def _adam(gradients, beta1=0.9, beta2=0.999, *, corrected=True, t_stays_1=False, keep_hats=False, root=True):
    """θ after Adam steps from THETA0, written out here apart from the key; the keywords make the slips."""
    theta, m, s = THETA0.copy(), np.zeros(2), np.zeros(2)
    for t, g in enumerate(gradients, start=1):
        t = 1 if t_stays_1 else t
        m, s = beta1 * m + (1 - beta1) * g, beta2 * s + (1 - beta2) * g * g
        m_hat, s_hat = (m / (1 - beta1**t), s / (1 - beta2**t)) if corrected else (m, s)
        theta = theta - 0.01 * m_hat / ((np.sqrt(s_hat) if root else s_hat) + 1e-8)
        if keep_hats:
            m, s = m_hat, s_hat
    return theta

# (id, wrong answer, the misconception it shows, or None for a plain wrong answer)
WRONG = [
    ("09.1", 1 / 6, "missing factor 2"),
    ("09.1", 2.0, "h_min"),
    ("09.1", 0.4, "diagonal"),
    ("09.1", 2 / 7, "best rate"),
    ("09.1", 3.0, "upside down"),
    ("09.1", 0.5, None),
    ("09.2", THETA0 - 0.01 * (G1 + G2), "plain descent"),
    ("09.2", _adam([G1, G2], corrected=False), "no bias correction"),
    ("09.2", _adam([G1]) - 0.01 * np.sign(G2), "state restarted"),   # the second step alone moves by η again
    ("09.2", THETA0, "state restarted"),
    ("09.2", _adam([G1, G2], t_stays_1=True), "t stays 1"),
    ("09.2", _adam([G1, G2], keep_hats=True), "corrected state"),
    ("09.2", _adam([G1, G2], root=False), "no square root"),
    ("09.2", _adam([G1, G2], beta1=0.999, beta2=0.9), "β₁ and β₂ swapped"),
    ("09.2", 2 * THETA0 - _adam([G1, G2]), "uphill"),
    ("09.2", THETA0 - 0.01 * np.sign(G1), "one step"),
    ("09.2", _adam([G1, G2]) - THETA0, "the steps"),
    ("09.2", [0.99, 1.0], None),
    ("09.2", [0.98, 1.02], None),
    ("09.3", Z.max(), "sign"),
    ("09.3", -Z.min(), "smallest"),
    ("09.3", -Z.mean(), "mean"),
    ("09.3", -Z[0], "one point"),
    ("09.3", -1.0, "not the largest"),
    ("09.3", -Z.max() - 1e-3, "not the largest"),
    ("09.3", -0.5, None),
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
    ("10.2", 2 * (0.2 + 0.25), "standard deviation of x"),
    ("10.2", 0.29, None),
    ("10.3", 0.3125**10, "ten layers"),
    ("10.3", 0.3125**8, "eight layers"),
    ("10.3", 3.2**9, "upside down"),
    ("10.3", 1.25**9, "no slope"),
    ("10.3", 0.625**9, "σ(0) for σ'(0)"),
    ("10.3", 0.25**9, "no weight factor"),
    ("10.3", (0.25 * 0.125 * 100)**9, "n·σ_w"),
    ("10.3", (0.25 * 0.125**2 * 100)**9, "variance"),
    ("10.3", 0.3125, "one layer"),
    ("10.3", 2.8e-5, "rounded"),
    ("10.3", 0.3125 * 9, None),
]

TABLE = ExerciseTable(notebooks=(9, 10), wrong=WRONG)


# -- the keys' numbers ----------------------------------------------------------------------------------

def test_key_09_1_is_where_descent_on_that_bowl_stops_converging():
    bowl = descent.Bowl(A)
    start = np.array([1.0, -0.5])
    found = descent.largest_stable_rate(lambda lr: descent.does_not_grow(bowl, start, lr, steps=3000), 0.01, 2.0,
                                        rtol=1e-6)
    assert abs(found - solution("09.1")) < 1e-3


class _Given:
    """A stand-in network whose gradients are given, for nnlib's Adam to step."""

    def __init__(self, theta):
        self.theta, self.g = theta.copy(), None

    def parameters(self):
        return [self.theta]

    def gradients(self):
        return [self.g]


def test_key_09_2_is_nnlibs_adam_after_two_steps():
    net, adam = _Given(THETA0), nnlib.Adam()
    for g in (G1, G2):
        net.g = g
        adam.step(net, nb09.LR)
    assert np.allclose(net.theta, solution("09.2"), rtol=1e-12) and np.allclose(_adam([G1, G2]), net.theta, rtol=1e-12)
    # and not what one step gives, the chapter's "about η per coordinate"
    assert not np.allclose(net.theta, THETA0 - 2 * nb09.LR * np.sign(G1), rtol=1e-3)


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
