"""nnlib.diagnostics.descent: quadratic bowls, descent paths, the largest stable rate, Hessians and mini-batch noise."""

import numpy as np
import pytest

import nnlib
from nnlib.diagnostics import descent
from nnlib.diagnostics.descent import Bowl, descent_path, largest_stable_rate, rotated_bowl


def test_bowl_loss_and_gradient_are_the_quadratic_and_its_derivative():
    bowl = Bowl([[3.0, 1.0], [1.0, 2.0]], centre=[1.0, -2.0])
    theta = np.array([0.5, 0.25])
    d = theta - bowl.centre
    assert np.isclose(bowl.loss(theta), 0.5 * d @ bowl.hessian @ d, rtol=1e-14)
    eps = 1e-6
    numeric = [(bowl.loss(theta + eps * e) - bowl.loss(theta - eps * e)) / (2 * eps) for e in np.eye(2)]
    assert np.allclose(bowl.gradient(theta), numeric, rtol=1e-8)
    assert bowl.loss(bowl.centre) == 0.0 and np.all(bowl.gradient(bowl.centre) == 0.0)
    rows = np.array([[0.5, 0.25], [2.0, 1.0], [-1.0, 0.0]])   # many points at once, one per row
    assert np.allclose(bowl.loss(rows), [bowl.loss(r) for r in rows], rtol=1e-14)
    assert np.allclose(bowl.gradient(rows), [bowl.gradient(r) for r in rows], rtol=1e-14)


def test_bowl_limits_are_computed_from_the_eigenvalues():
    bowl = Bowl(np.diag([1.0, 4.0]))
    assert bowl.stability_limit == 0.5 and bowl.best_rate == 0.4
    assert np.array_equal(bowl.eigenvalues, [1.0, 4.0])


@pytest.mark.parametrize(("hessian", "centre", "words"), [
    ([[1.0, 2.0, 3.0]], None, "square"),
    ([[1.0, 0.5], [0.0, 1.0]], None, "symmetric"),
    ([[1.0, 0.0], [0.0, -1.0]], None, "positive definite"),
    ([[1.0, 0.0], [0.0, 0.0]], None, "positive definite"),
    ([[1.0, 0.0], [0.0, 1.0]], [1.0, 2.0, 3.0], "centre"),
    ([[1.0, 0.0], [0.0, np.nan]], None, "finite"),
])
def test_bad_bowls_are_refused_with_a_named_error(hessian, centre, words):
    with pytest.raises(ValueError, match=words):
        Bowl(hessian, centre)


@pytest.mark.parametrize(("hessian", "symmetric"), [
    ([[1e6, 1.0], [1.0 + 8e-7, 1e6]], True),     # rounding-sized, relative to the largest entry: 1e-12 · 1e6
    ([[1e-3, 0.0], [1e-13, 1e-3]], True),        # for small entries the tolerance stays 1e-12
    ([[1.0, 0.0], [1.5e-12, 1.0]], False),       # just above it
    ([[1.0, 0.5], [0.4, 1.0]], False),           # not a relative tolerance: 0.1 off is off
])
def test_symmetry_is_checked_up_to_rounding(hessian, symmetric):
    if symmetric:
        Bowl(hessian)
    else:
        with pytest.raises(ValueError, match="symmetric"):
            Bowl(hessian)


def test_rotated_bowl_has_the_eigenvalues_and_the_shallow_axis_at_the_angle():
    bowl = rotated_bowl([1.0, 4.0], 30)
    assert np.allclose(bowl.eigenvalues, [1.0, 4.0], rtol=1e-12)
    shallow = np.array([np.cos(np.pi / 6), np.sin(np.pi / 6)])
    assert np.allclose(bowl.hessian @ shallow, 1.0 * shallow, atol=1e-12)
    assert np.array_equal(bowl.hessian, bowl.hessian.T)
    with pytest.raises(ValueError, match="two numbers"):
        rotated_bowl([1.0, 2.0, 3.0], 0)
    with pytest.raises(TypeError, match="angle"):
        rotated_bowl([1.0, 2.0], "30")


# -- descent paths: the points equal the iterates of each update rule ----------------------------

BOWL = rotated_bowl([1.0, 25.0], 20, centre=[0.5, -0.25])
START = np.array([-3.0, 1.5])


def reference_sgd(A, c, theta, lr, steps):
    path = [theta]
    for _ in range(steps):
        theta = theta - lr * A @ (theta - c)
        path.append(theta)
    return np.array(path)


def reference_momentum(A, c, theta, lr, steps, mu=0.9):
    path, v = [theta], np.zeros_like(theta)
    for _ in range(steps):
        v = mu * v + A @ (theta - c)
        theta = theta - lr * v
        path.append(theta)
    return np.array(path)


def reference_adam(A, c, theta, lr, steps, b1=0.9, b2=0.999, eps=1e-8):
    path, m, s = [theta], np.zeros_like(theta), np.zeros_like(theta)
    for t in range(1, steps + 1):
        g = A @ (theta - c)
        m = b1 * m + (1 - b1) * g
        s = b2 * s + (1 - b2) * g * g
        theta = theta - lr * (m / (1 - b1**t)) / (np.sqrt(s / (1 - b2**t)) + eps)
        path.append(theta)
    return np.array(path)


@pytest.mark.parametrize(("optimiser", "lr", "reference"), [
    ("sgd", 0.07, reference_sgd), ("momentum", 0.02, reference_momentum), ("adam", 0.1, reference_adam)])
def test_descent_path_points_are_the_update_rule_iterates(optimiser, lr, reference):
    path = descent_path(BOWL, START, lr, 60, optimiser)
    expected = reference(BOWL.hessian, BOWL.centre, START, lr, 60)
    assert path.shape == (61, 2)
    assert np.array_equal(path[0], START)
    assert np.allclose(path, expected, rtol=0, atol=1e-12)


def test_descent_path_resets_an_optimiser_object_and_leaves_the_start_untouched():
    adam = nnlib.Adam()
    start = START.copy()
    first = descent_path(BOWL, start, 0.1, 20, adam)
    again = descent_path(BOWL, start, 0.1, 20, adam)   # the same object: reset, so the same path
    assert np.array_equal(first, again) and np.array_equal(start, START)


def test_plain_descent_multiplies_each_eigen_component_by_one_minus_lr_lambda():
    bowl = rotated_bowl([1.0, 4.0], 30)
    vectors = np.linalg.eigh(bowl.hessian)[1]
    start = vectors @ np.array([2.0, 1.0])      # 2 along the shallow eigenvector, 1 along the steep one
    for lr in (0.05, 0.4, 0.5, 0.55):
        path = descent_path(bowl, start, lr, 30)
        components = path @ vectors              # coordinates along the eigenvectors
        t = np.arange(31)
        assert np.allclose(components[:, 0], 2.0 * (1 - lr * 1.0) ** t, rtol=1e-9, atol=1e-12)
        assert np.allclose(components[:, 1], 1.0 * (1 - lr * 4.0) ** t, rtol=1e-9, atol=1e-12)


def test_descent_path_refuses_bad_arguments():
    with pytest.raises(TypeError, match="bowl"):
        descent_path(np.eye(2), START, 0.1, 10)
    with pytest.raises(ValueError, match="start"):
        descent_path(BOWL, [1.0, 2.0, 3.0], 0.1, 10)
    with pytest.raises(ValueError, match="lr"):
        descent_path(BOWL, START, -0.1, 10)
    with pytest.raises(TypeError, match="steps"):
        descent_path(BOWL, START, 0.1, 2.5)


# -- the largest stable rate ------------------------------------------------------------------------

def test_bisection_finds_two_over_lambda_max_on_a_bowl():
    bowl = rotated_bowl([0.7, 9.0], 35)
    start = np.array([1.0, 1.0])

    def stable(lr):
        return descent.does_not_grow(bowl, start, lr, steps=2000)

    found = largest_stable_rate(stable, 0.01, 1.0, rtol=1e-6)
    assert abs(found / bowl.stability_limit - 1) < 1e-3
    assert stable(found) and not stable(found * 1.01)


def test_does_not_grow_tells_shrinking_from_growing_runs_and_counts_overflow_as_growing():
    bowl = Bowl(np.diag([1.0, 4.0]), centre=[1.0, 1.0])
    start = np.array([2.0, 3.0])
    assert descent.does_not_grow(bowl, start, 0.49)
    assert descent.does_not_grow(bowl, start, 0.5)          # at the edge the steep part only flips sign
    assert not descent.does_not_grow(bowl, start, 0.51)
    assert not descent.does_not_grow(bowl, start, 50.0)     # overflows to inf: growing


def test_bisection_needs_a_stable_low_end_and_an_unstable_high_end():
    with pytest.raises(ValueError, match="is_stable\\(low\\)"):
        largest_stable_rate(lambda lr: lr < 0.1, 0.2, 1.0)
    with pytest.raises(ValueError, match="is_stable\\(high\\)"):
        largest_stable_rate(lambda lr: lr < 2.0, 0.2, 1.0)
    with pytest.raises(ValueError, match="smaller"):
        largest_stable_rate(lambda lr: True, 1.0, 0.5)
    assert abs(largest_stable_rate(lambda lr: lr <= 0.3, 0.1, 1.0, rtol=1e-9) - 0.3) < 1e-8


def test_loss_grid_rows_follow_y_and_columns_follow_x():
    def f(points):
        return points[:, 0] + 10 * points[:, 1]   # different in x and y, so a transposed grid shows
    xs, ys, Z = descent.loss_grid(f, (-1.0, 1.0), (0.0, 2.0), resolution=5)
    assert Z.shape == (5, 5)
    assert np.array_equal(xs, np.linspace(-1, 1, 5)) and np.array_equal(ys, np.linspace(0, 2, 5))
    for i in range(5):
        for j in range(5):
            assert Z[i, j] == xs[j] + 10 * ys[i]


# -- measuring real training ----------------------------------------------------------------------

def linear_neuron():
    X, y = nnlib.threshold(20)
    net = nnlib.mlp([1, 1], output="identity", seed=0)
    return net, X, y


def test_hessian_of_a_linear_neuron_with_mse_is_two_over_n_xtx():
    net, X, y = linear_neuron()
    before = net.get_parameters()
    H = descent.hessian(net, X, y, "mse")
    X1 = np.column_stack([X[:, 0], np.ones(len(X))])          # parameters (w, b): inputs (x, 1)
    assert np.allclose(H, 2 / len(X) * X1.T @ X1, rtol=1e-6, atol=1e-8)
    assert np.array_equal(H, H.T)
    assert all(np.array_equal(a, b) for a, b in zip(before, net.get_parameters()))   # put back exactly


def test_hessian_of_a_small_network_matches_second_differences_of_the_loss():
    X, y = nnlib.logic_gate("xor", encoding="bipolar")
    net = nnlib.mlp([2, 2, 1], hidden="tanh", output="tanh", seed=3)
    H = descent.hessian(net, X, y, "mse")
    theta = np.concatenate([p.ravel() for p in net.get_parameters()])

    def loss_at(t):
        probe = nnlib.mlp([2, 2, 1], hidden="tanh", output="tanh", seed=3)
        sizes = np.cumsum([p.size for p in probe.parameters()])[:-1]
        probe.set_parameters([part.reshape(p.shape) for part, p in zip(np.split(t, sizes), probe.parameters())])
        return probe.loss(X, y, "mse")

    h = 1e-4
    for i, j in [(0, 0), (0, 5), (3, 7), (8, 8)]:
        ei, ej = np.eye(9)[i] * h, np.eye(9)[j] * h
        second = (loss_at(theta + ei + ej) - loss_at(theta + ei - ej) - loss_at(theta - ei + ej)
                  + loss_at(theta - ei - ej)) / (4 * h * h)
        assert abs(H[i, j] - second) < 1e-5


def test_epochs_to_reach_counts_from_one():
    assert descent.epochs_to_reach([0.5, 0.3, 0.09, 0.2], 0.1) == 3
    assert descent.epochs_to_reach([0.5, 0.3], 0.1) is None
    assert descent.epochs_to_reach([0.05], 0.1) == 1


@pytest.mark.parametrize("optimiser", ["sgd", "momentum", "adam"])
def test_train_until_gives_the_numbers_of_one_long_run(optimiser):
    X, y = nnlib.logic_gate("xor")
    long = nnlib.mlp([2, 4, 1], hidden="tanh", output="sigmoid", seed=1)
    losses = long.fit(X, y, epochs=300, lr=0.1, loss="bce", optimiser=optimiser).loss
    target = losses[137]    # first reached at some epoch inside the third chunk
    expected = descent.epochs_to_reach(losses, target)
    chunked = nnlib.mlp([2, 4, 1], hidden="tanh", output="sigmoid", seed=1)
    epoch, run = descent.train_until(chunked, X, y, target=target, max_epochs=300, lr=0.1, loss="bce",
                                     optimiser=optimiser, chunk=50)
    assert epoch == expected
    assert len(run) == 50 * int(np.ceil(expected / 50))
    assert np.allclose(run, losses[:len(run)], rtol=1e-13, atol=0)
    never, run = descent.train_until(nnlib.mlp([2, 4, 1], seed=1), X, y, target=-1.0, max_epochs=120, lr=0.1,
                                     chunk=50)
    assert never is None and len(run) == 120


def test_train_until_with_minibatches_shuffles_as_one_run():
    X, y = nnlib.moons(40, 0.1, seed=0)
    one = nnlib.mlp([2, 4, 1], hidden="tanh", output="sigmoid", seed=0)
    losses = one.fit(X, y, epochs=60, lr=0.5, loss="bce", batch_size=8, seed=7).loss
    chunked = nnlib.mlp([2, 4, 1], hidden="tanh", output="sigmoid", seed=0)
    _, run = descent.train_until(chunked, X, y, target=-1.0, max_epochs=60, lr=0.5, loss="bce", batch_size=8,
                                 seed=np.random.default_rng(7), chunk=20)
    assert np.allclose(run, losses, rtol=1e-13, atol=0)


def test_per_sample_gradients_average_to_the_full_gradient():
    X, y = nnlib.moons(30, 0.1, seed=1)
    net = nnlib.mlp([2, 3, 1], hidden="tanh", output="sigmoid", seed=0)
    G = descent.per_sample_gradients(net, X, y, "bce")
    net.compute_gradients(X, y, "bce")
    full = np.concatenate([g.ravel() for g in net.gradients()])
    assert G.shape == (30, full.size)
    assert np.allclose(G.mean(axis=0), full, rtol=1e-10, atol=1e-14)


def test_minibatch_gradient_noise_follows_sigma_squared_over_b():
    X, y = nnlib.moons(60, 0.2, seed=0)
    net = nnlib.mlp([2, 4, 1], hidden="tanh", output="sigmoid", seed=0)
    results = {b: descent.minibatch_gradient_noise(net, X, y, b, loss="bce", repeats=3000, seed=1)
               for b in (1, 4, 16, 60)}
    for b in (1, 4, 16):
        measured, predicted = results[b]
        assert abs(measured / predicted - 1) < 0.1, (b, measured, predicted)
    assert results[60][1] == 0.0 and results[60][0] < 1e-25   # the whole set: no noise at all
    assert results[1][1] > 3.5 * results[4][1] > 3.5 * 3.5 * results[16][1]
    with pytest.raises(ValueError, match="batch_size"):
        descent.minibatch_gradient_noise(net, X, y, 61)


# -- what the survivors of tools/mutants.py showed untested ------------------------------------------

def test_a_new_bowl_starts_at_its_centre_and_says_what_it_is():
    bowl = Bowl(np.diag([1.0, 4.0]), centre=[1.0, -2.0])
    np.testing.assert_array_equal(bowl.parameters()[0], [1.0, -2.0])
    assert repr(bowl) == "Bowl(eigenvalues=[1.0, 4.0], centre=[1.0, -2.0])"
    with pytest.raises(ValueError, match="centre must be finite"):
        Bowl(np.eye(2), centre=[np.nan, 0.0])


def test_the_limits_use_the_largest_and_smallest_of_any_number_of_eigenvalues():
    bowl = Bowl(np.diag([1.0, 2.0, 4.0]))
    assert bowl.stability_limit == 0.5 and bowl.best_rate == 2 / 5


def test_does_not_grow_at_exactly_the_limit_and_answers_true_or_false():
    # lr = 2/λ turns θ − c into −(θ − c) exactly: the distance stays the same, which is not growing.
    assert descent.does_not_grow(Bowl([[4.0]]), [1.0], 0.5) is True
    # Distances are measured from the centre: growing by 1.04^10 ≈ 1.5 from a distance of 1 is growing.
    assert descent.does_not_grow(Bowl([[4.0]], centre=[1.0]), [2.0], 0.51, steps=10) is False


def test_does_not_grow_takes_1000_steps_by_default():
    # lr = 1 on λ = (1, 2.001): the shallow part vanishes at the first step, the steep one grows by 1.001 per
    # step. From (a, 1) with a² = 1.001^1999 − 1 the distance is below the start after 999 steps, above after 1000.
    bowl = Bowl(np.diag([1.0, 2.001]))
    start = [np.sqrt(1.001**1999 - 1), 1.0]
    assert descent.does_not_grow(bowl, start, 1.0, steps=999)
    assert not descent.does_not_grow(bowl, start, 1.0)


def test_bisection_halves_until_the_interval_is_rtol_times_its_lower_end():
    # The number of is_stable calls is the cost (each may be a training run): 2 for the ends, then one per halving.
    calls = []

    def stable(lr):
        calls.append(lr)
        assert len(calls) < 100, "the bisection does not narrow the interval"  # a failure, not an endless loop
        return lr <= 4.0

    found = largest_stable_rate(stable, 2.0, 6.0)
    assert 4.0 * (1 - 1e-4) < found <= 4.0
    assert len(calls) == 2 + 14  # the interval of 4 halved until below 1e-4 · 4: 4 / 2^14 < 4e-4 < 4 / 2^13
    # An interval exactly rtol · low wide is narrow enough already: no halving.
    calls.clear()
    assert largest_stable_rate(stable, 4.0, 4.0 + 2.0**-8, rtol=2.0**-10) == 4.0
    assert len(calls) == 2


@pytest.mark.parametrize(("low", "high", "message"), [
    (-1.0, 2.0, "low must be a positive"),
    (2.0, 2.0, "low must be smaller than high"),
])
def test_bisection_refuses_a_bad_interval(low, high, message):
    with pytest.raises(ValueError, match=message):
        largest_stable_rate(lambda lr: lr < 1.0, low, high)


def test_loss_grid_defaults_to_41_points_and_checks_the_resolution():
    xs, ys, Z = descent.loss_grid(lambda points: points[:, 0], (0.0, 1.0), (0.0, 1.0))
    assert len(xs) == len(ys) == 41 and Z.shape == (41, 41)
    with pytest.raises(ValueError, match="resolution must be a positive int"):
        descent.loss_grid(lambda points: points[:, 0], (0.0, 1.0), (0.0, 1.0), resolution=0)


def test_hessian_leaves_the_gradients_and_puts_the_parameters_back_even_after_an_error():
    net, X, y = linear_neuron()
    before = net.get_parameters()
    descent.hessian(net, X, y, "mse")
    after = [g.copy() for g in net.gradients()]
    net.compute_gradients(X, y, "mse")
    for a, b in zip(after, net.gradients()):
        np.testing.assert_array_equal(a, b)  # the gradients of the network as it is, not of a nudged one
    with pytest.raises(ValueError, match="binary cross-entropy needs targets"):
        descent.hessian(net, X, 2 * y - 1, "bce")  # fails at the first nudged parameter
    for a, b in zip(before, net.get_parameters()):
        np.testing.assert_array_equal(a, b)
    with pytest.raises(ValueError, match="eps must be a positive"):
        descent.hessian(net, X, y, eps=0.0)


def test_epochs_to_reach_needs_a_loss_strictly_below_the_target():
    assert descent.epochs_to_reach([3.0, 2.0, 1.0], 2.0) == 3


def test_train_until_runs_chunks_of_50_shuffled_with_seed_0_and_checks_its_counts():
    X, y = nnlib.moons(40, 0.1, seed=0)
    one = nnlib.mlp([2, 4, 1], hidden="tanh", output="sigmoid", seed=0)
    losses = one.fit(X, y, epochs=100, lr=0.5, loss="bce", batch_size=8, seed=0).loss
    chunked = nnlib.mlp([2, 4, 1], hidden="tanh", output="sigmoid", seed=0)
    epoch, run = descent.train_until(chunked, X, y, target=losses[9], max_epochs=100, lr=0.5, loss="bce",
                                     batch_size=8)
    assert epoch == descent.epochs_to_reach(losses, losses[9]) and len(run) == 50  # stopped after the first chunk
    np.testing.assert_allclose(run, losses[:50], rtol=1e-13, atol=0)
    for kwargs in ({"max_epochs": 0}, {"max_epochs": 10, "chunk": 0}):
        name = "chunk" if "chunk" in kwargs else "max_epochs"
        with pytest.raises(ValueError, match=f"{name} must be a positive int"):
            descent.train_until(chunked, X, y, target=0.1, lr=0.5, **kwargs)


def test_minibatch_gradient_noise_predicts_exactly_the_formula():
    X, y = nnlib.moons(12, 0.2, seed=0)
    net = nnlib.mlp([2, 3, 1], hidden="tanh", output="sigmoid", seed=0)
    G = descent.per_sample_gradients(net, X, y, "bce")
    sigma2 = np.mean(np.sum((G - G.mean(axis=0)) ** 2, axis=1))
    measured, predicted = descent.minibatch_gradient_noise(net, X, y, 5, loss="bce")
    assert predicted == pytest.approx(sigma2 / 5 * (12 - 5) / (12 - 1), rel=1e-12)
    assert (measured, predicted) == descent.minibatch_gradient_noise(net, X, y, 5, loss="bce", repeats=200, seed=0)
    assert descent.minibatch_gradient_noise(net, X[:1], y[:1], 1, loss="bce") == (0.0, 0.0)  # one sample: no noise
    two = descent.per_sample_gradients(net, X[:2], y[:2], "bce")
    spread = np.sum((two[0] - two[1]) ** 2) / 4  # each of the two is half the difference away from their mean
    assert descent.minibatch_gradient_noise(net, X[:2], y[:2], 1, loss="bce")[1] == pytest.approx(spread, rel=1e-12)
    for kwargs, name in (({"batch_size": 0}, "batch_size"), ({"batch_size": 2, "repeats": 0}, "repeats")):
        with pytest.raises(ValueError, match=f"{name} must be a positive int"):
            descent.minibatch_gradient_noise(net, X, y, loss="bce", **kwargs)


def test_hessian_steps_by_1e_minus_5_by_default():
    # On a nonlinear network the step changes the last digits; the default is the documented ε = 1e-5.
    X, y = nnlib.moons(8, 0.1, seed=0)
    net = nnlib.mlp([2, 2, 1], hidden="tanh", output="sigmoid", seed=0)
    np.testing.assert_array_equal(descent.hessian(net, X, y, "bce"), descent.hessian(net, X, y, "bce", eps=1e-5))
    assert not np.array_equal(descent.hessian(net, X, y, "bce"), descent.hessian(net, X, y, "bce", eps=5e-6))


def test_train_until_stops_after_max_epochs_when_the_target_is_never_reached():
    X, y = nnlib.logic_gate("xor")
    net = nnlib.mlp([2, 2, 1], seed=0)
    fit, calls = net.fit, []

    def counted_fit(*args, **kwargs):
        calls.append(kwargs["epochs"])
        assert len(calls) < 20, "train_until does not count the epochs it ran"  # a failure, not an endless loop
        return fit(*args, **kwargs)

    net.fit = counted_fit
    epoch, losses = descent.train_until(net, X, y, target=-1.0, max_epochs=120, lr=0.1, chunk=50)
    assert epoch is None and len(losses) == 120 and calls == [50, 50, 20]
