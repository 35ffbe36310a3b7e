"""Optimizers against a scalar oracle on the book's f(x, y) = x²/20 + y², start (−7, 2).

Each oracle below is the rule of docs/book.md §7 written out for one plain Python float with its own
state, so it shares no code, buffers or evaluation tricks with core.engine.optimizers. Learning
rates are the book's (SGD 0.95, Momentum 0.1, AdaGrad 1.5, Adam 0.3); Nesterov and RMSprop use 0.1,
the Momentum value, since the book's picture does not show them.
"""

from __future__ import annotations

import math

import numpy as np
import pytest

from core.engine import optimizers
from core.engine.optimizers import NAMES, SGD, AdaGrad, Adam, Momentum, Nesterov, RMSprop, create

START = (-7.0, 2.0)
STEPS = 30
BOOK_LR = {
    "sgd": 0.95,
    "momentum": 0.1,
    "nesterov": 0.1,
    "adagrad": 1.5,
    "rmsprop": 0.1,
    "adam": 0.3,
}


# --- the oracle: one scalar, its own state dict, plain floats --------------------------------


def sgd_rule(p: float, g: float, lr: float, s: dict) -> float:
    return p - lr * g


def momentum_rule(p: float, g: float, lr: float, s: dict) -> float:
    s["v"] = 0.9 * s.get("v", 0.0) - lr * g
    return p + s["v"]


def nesterov_rule(p: float, g: float, lr: float, s: dict) -> float:
    v = s.get("v", 0.0)
    p = p + 0.9 * 0.9 * v - (1 + 0.9) * lr * g
    s["v"] = 0.9 * v - lr * g
    return p


def adagrad_rule(p: float, g: float, lr: float, s: dict) -> float:
    s["h"] = s.get("h", 0.0) + g * g
    return p - lr * g / (math.sqrt(s["h"]) + 1e-7)


def rmsprop_rule(p: float, g: float, lr: float, s: dict) -> float:
    s["h"] = 0.99 * s.get("h", 0.0) + (1 - 0.99) * g * g
    return p - lr * g / (math.sqrt(s["h"]) + 1e-7)


def adam_rule(p: float, g: float, lr: float, s: dict) -> float:
    t = s["t"] = s.get("t", 0) + 1
    lr_t = lr * math.sqrt(1 - 0.999**t) / (1 - 0.9**t)
    m, v = s.get("m", 0.0), s.get("v", 0.0)
    m = s["m"] = m + (1 - 0.9) * (g - m)
    v = s["v"] = v + (1 - 0.999) * (g * g - v)
    return p - lr_t * m / (math.sqrt(v) + 1e-7)


RULES = {
    "sgd": sgd_rule,
    "momentum": momentum_rule,
    "nesterov": nesterov_rule,
    "adagrad": adagrad_rule,
    "rmsprop": rmsprop_rule,
    "adam": adam_rule,
}


def oracle_path(name: str, lrs: list[float]) -> np.ndarray:
    """Points (x, y) visited, start included; ∂f/∂x = x/10, ∂f/∂y = 2y."""
    rule = RULES[name]
    x, y = START
    state_x: dict = {}
    state_y: dict = {}
    points = [(x, y)]
    for lr in lrs:
        gx, gy = x / 10.0, 2.0 * y
        x, y = rule(x, gx, lr, state_x), rule(y, gy, lr, state_y)
        points.append((x, y))
    return np.array(points)


def optimizer_path(opt: optimizers.Optimizer, lrs: list[float], dtype=np.float64) -> np.ndarray:
    """The same walk through ``opt``, setting ``opt.lr`` before every step as the GUI would."""
    params = {"x": np.array([START[0]], dtype), "y": np.array([START[1]], dtype)}
    points = [START]
    for lr in lrs:
        opt.lr = lr
        opt.update(params, {"x": params["x"] / 10.0, "y": 2.0 * params["y"]})
        points.append((float(params["x"][0]), float(params["y"][0])))
    return np.array(points)


def book_path(name: str) -> np.ndarray:
    return optimizer_path(create(name), [BOOK_LR[name]] * STEPS)


def sign_changes(values: np.ndarray) -> int:
    return int(np.count_nonzero(np.diff(np.sign(values))))


# --- exact rules ------------------------------------------------------------------------------


@pytest.mark.parametrize("name", NAMES)
def test_path_matches_scalar_oracle(name):
    lrs = [BOOK_LR[name]] * STEPS
    np.testing.assert_allclose(book_path(name), oracle_path(name, lrs), rtol=0, atol=1e-12)


@pytest.mark.parametrize("name", NAMES)
def test_learning_rate_changed_mid_run_takes_effect(name):
    lr = BOOK_LR[name]
    lrs = [lr] * 10 + [lr / 4] * 10 + [lr * 2] * 10
    path = optimizer_path(create(name, lr=lr), lrs)
    np.testing.assert_allclose(path, oracle_path(name, lrs), rtol=0, atol=1e-12)
    assert not np.allclose(path, oracle_path(name, [lr] * STEPS))


@pytest.mark.parametrize("name", NAMES)
def test_matrix_params_follow_the_rule_element_by_element(name):
    rng = np.random.default_rng(0)
    params = {"W": rng.normal(size=(3, 4)), "b": rng.normal(size=4)}
    grads_per_step = [{"W": rng.normal(size=(3, 4)), "b": rng.normal(size=4)} for _ in range(5)]
    expected = {key: value.copy() for key, value in params.items()}
    states = {key: [{} for _ in range(value.size)] for key, value in params.items()}
    for grads in grads_per_step:
        for key, value in expected.items():
            flat, grad = value.reshape(-1), grads[key].reshape(-1)
            for i, state in enumerate(states[key]):
                flat[i] = RULES[name](float(flat[i]), float(grad[i]), 0.1, state)
    opt = create(name, lr=0.1)
    for grads in grads_per_step:
        opt.update(params, grads)
    for key in params:
        np.testing.assert_allclose(params[key], expected[key], rtol=0, atol=1e-12)


# --- the behaviour the book's picture teaches, as numbers -------------------------------------


def test_sgd_zigzags_in_y_and_crawls_in_x():
    path = book_path("sgd")
    # y ← y − 0.95·2y = −0.9·y: the sign flips on every one of the 30 steps.
    assert sign_changes(path[:, 1]) == STEPS
    # x ← 0.905·x never overshoots and is still far from 0.
    assert sign_changes(path[:, 0]) == 0
    assert path[-1, 0] < -0.3


def test_momentum_rolls_past_the_minimum_like_a_ball():
    path = book_path("momentum")
    assert sign_changes(path[:, 0]) == 1  # overshoots in x once, then rolls back
    assert path[:, 0].max() > 0.8
    assert sign_changes(path[:, 1]) < 10  # far fewer flips than SGD's 30


def test_nesterov_brakes_earlier_than_momentum():
    nesterov, momentum = book_path("nesterov"), book_path("momentum")
    assert np.abs(nesterov[10:, 1]).max() < 0.3 < 0.9 < np.abs(momentum[10:, 1]).max()
    assert np.hypot(*nesterov[-1]) < np.hypot(*momentum[-1])


def test_adagrad_damps_y_quickly():
    path = book_path("adagrad")
    assert sign_changes(path[:, 1]) == 0
    assert abs(path[6, 1]) < 1e-3
    assert abs(path[10, 1]) < 1e-5
    assert abs(path[-1, 1]) < 1e-15


def test_rmsprop_damps_y_without_zigzag():
    path = book_path("rmsprop")
    assert sign_changes(path[:, 1]) == 0
    assert abs(path[-1, 1]) < 1e-7


def test_adam_first_step_moves_every_coordinate_by_lr():
    path = book_path("adam")
    # With bias correction the first step is lr·g/|g|, whatever the size of g.
    np.testing.assert_allclose(np.abs(path[1] - path[0]), [0.3, 0.3], atol=1e-5)
    assert np.hypot(*path[-1]) < 0.4


# --- in place, dtype, state -------------------------------------------------------------------


@pytest.mark.parametrize("name", NAMES)
def test_update_is_in_place(name):
    params = {"W": np.ones((2, 3)), "b": np.ones(3)}
    arrays = dict(params)
    opt = create(name)
    for _ in range(3):
        opt.update(params, {"W": np.full((2, 3), 0.5), "b": np.full(3, -0.5)})
    assert list(params) == ["W", "b"]
    assert all(params[key] is arrays[key] for key in params)
    assert (params["W"] < 1).all() and (params["b"] > 1).all()


@pytest.mark.parametrize("name", NAMES)
def test_float32_params_and_state_stay_float32(name):
    path32 = optimizer_path(create(name), [BOOK_LR[name]] * STEPS, dtype=np.float32)
    np.testing.assert_allclose(path32, book_path(name), rtol=1e-3, atol=1e-3)
    opt = create(name)
    params = {"W": np.ones((2, 2), np.float32)}
    opt.update(params, {"W": np.full((2, 2), 0.5)})  # a float64 gradient does not promote
    assert params["W"].dtype == np.float32
    assert all(buf.dtype == np.float32 for buf in opt.state["W"].values())


@pytest.mark.parametrize(
    ("cls", "slots"),
    [
        (SGD, ()),
        (Momentum, ("v",)),
        (Nesterov, ("v",)),
        (AdaGrad, ("h",)),
        (RMSprop, ("h",)),
        (Adam, ("m", "v")),
    ],
)
def test_state_is_created_lazily_per_name(cls, slots):
    opt = cls()
    assert opt.state == {}
    opt.update({"a": np.ones(2)}, {"a": np.ones(2)})
    assert list(opt.state) == ["a"]
    assert tuple(opt.state["a"]) == slots
    opt.update({"a": np.ones(2), "b": np.ones((3, 1))}, {"a": np.ones(2), "b": np.ones((3, 1))})
    assert list(opt.state) == ["a", "b"]
    assert all(buf.shape == (3, 1) for buf in opt.state["b"].values())


def test_momentum_velocity_starts_from_zero():
    opt = Momentum(lr=0.1)
    opt.update({"w": np.array([1.0])}, {"w": np.array([2.0])})
    np.testing.assert_array_equal(opt.state["w"]["v"], [-0.2])  # 0.9·0 − 0.1·2


@pytest.mark.parametrize("name", NAMES)
def test_reset_forgets_state(name):
    lrs = [BOOK_LR[name]] * 5
    opt = create(name)
    optimizer_path(opt, lrs)
    opt.reset()
    assert opt.state == {}
    np.testing.assert_allclose(optimizer_path(opt, lrs), oracle_path(name, lrs), atol=1e-12)


def test_state_is_rebuilt_when_a_param_changes_shape():
    opt = Momentum(lr=0.1)
    opt.update({"W": np.ones((2, 2))}, {"W": np.ones((2, 2))})
    params = {"W": np.ones((2, 3))}  # the user added a neuron
    opt.update(params, {"W": np.ones((2, 3))})
    np.testing.assert_array_equal(params["W"], np.full((2, 3), 0.9))
    assert opt.state["W"]["v"].shape == (2, 3)


# --- registry ---------------------------------------------------------------------------------


def test_defaults():
    assert {name: create(name).hyperparameters() for name in NAMES} == {
        "sgd": {"lr": 0.01},
        "momentum": {"lr": 0.01, "momentum": 0.9},
        "nesterov": {"lr": 0.01, "momentum": 0.9},
        "adagrad": {"lr": 0.01},
        "rmsprop": {"lr": 0.01, "decay_rate": 0.99},
        "adam": {"lr": 0.001, "beta1": 0.9, "beta2": 0.999},
    }


def test_create_passes_hyperparameters_and_ignores_case():
    opt = create("ADAM", lr=0.3, beta2=0.99)
    assert type(opt) is Adam
    assert opt.hyperparameters() == {"lr": 0.3, "beta1": 0.9, "beta2": 0.99}
    assert type(create("RMSprop")) is RMSprop
    assert type(create("Nesterov", momentum=0.5)) is Nesterov


def test_unknown_optimizer_lists_the_choices():
    with pytest.raises(ValueError, match="unknown optimizer 'lbfgs'") as error:
        create("lbfgs")
    assert all(name in str(error.value) for name in NAMES)
    with pytest.raises(ValueError, match="adam"):
        optimizers.describe("nadam")


def test_unknown_hyperparameter_lists_the_choices():
    with pytest.raises(ValueError, match=r"momentum for sgd; choose from lr$"):
        create("sgd", momentum=0.9)
    with pytest.raises(ValueError, match=r"beta3.*choose from lr, beta1, beta2"):
        create("adam", beta3=0.5)


def test_describe_gives_one_line_per_optimizer():
    for name in NAMES:
        text = optimizers.describe(name.upper())
        assert text and "\n" not in text
    assert len({optimizers.describe(name) for name in NAMES}) == len(NAMES)


# --- subnormal state ------------------------------------------------------------------------


def test_flush_subnormals_zeroes_only_what_is_below_the_smallest_normal():
    tiny = np.finfo(np.float32).tiny
    values = np.array([tiny / 2, -tiny / 8, tiny, -tiny, 1e-45, 0.0, -3.5, np.inf, np.nan],
                      np.float32)
    optimizers.flush_subnormals(values, np.empty_like(values))
    expected = np.array([0, 0, tiny, -tiny, 0, 0, -3.5, np.inf, np.nan], np.float32)
    np.testing.assert_array_equal(values, expected)


def adam_by_hand(p: np.ndarray, grads: list[np.ndarray], lr: float) -> tuple[np.ndarray, ...]:
    """Adam in float32 with the same operations as the engine's, without any flushing."""
    p, m, v = p.copy(), np.zeros_like(p), np.zeros_like(p)
    for t, g in enumerate(grads, start=1):
        lr_t = lr * math.sqrt(1 - 0.999**t) / (1 - 0.9**t)
        m += (g - m) * np.float32(0.1)
        v += (g * g - v) * np.float32(1 - 0.999)
        p -= (m / (np.sqrt(v) + np.float32(optimizers.EPSILON))) * np.float32(lr_t)
    return p, m, v


def test_a_velocity_that_decays_to_subnormal_becomes_zero_and_the_weights_do_not_notice():
    """Once a weight's gradient stays 0 (a dead ReLU), Adam's m decays by 0.9 a step; in
    float32 it sticks at a few units of the smallest subnormal (0.9·m rounds back to m) and
    every update then works on subnormals, ~10× slower. The engine zeroes it; the weights
    come out bit for bit as without that."""
    p = np.array([0.5, -0.25, 0.125], np.float32)
    grads = [np.array([0.3, -0.2, 0.1], np.float32)] * 3 + [np.zeros(3, np.float32)] * 1200
    expected_p, stuck_m, _ = adam_by_hand(p, grads, 0.03)
    assert np.all(stuck_m != 0) and np.all(np.abs(stuck_m) < np.finfo(np.float32).tiny)
    adam = Adam(lr=0.03)
    params = {"w": p.copy()}
    for g in grads:
        adam.update(params, {"w": g})
    np.testing.assert_array_equal(params["w"], expected_p)
    np.testing.assert_array_equal(adam.state["w"]["m"], 0.0)


def test_unknown_hyperparameters_are_counted_in_singular_or_plural():
    """"unknown hyperparameter(s) beta" read as a form half filled in."""
    from core.engine import optimizers as opt

    with pytest.raises(ValueError) as one:
        opt.create("sgd", beta=0.9)
    assert str(one.value) == "unknown hyperparameter beta for sgd; choose from lr"
    with pytest.raises(ValueError) as two:
        opt.create("sgd", beta=0.9, gamma=1.0)
    assert str(two.value) == "unknown hyperparameters beta, gamma for sgd; choose from lr"
