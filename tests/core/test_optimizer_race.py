"""The optimizer race's paths follow CONCEPTS.md §7's rules; the network race is fair."""

import threading

import numpy as np
import pytest

from core.datasets import load_digits
from core.optimizer_race import BOOK_LR, SURFACES, path, train_curves
from core.settings import TrainingSettings
from core.spec import NetworkSpec

BOWL = SURFACES["x²/20 + y²"]


def test_sgd_path_is_the_rule_by_hand():
    points = path(BOWL, "sgd", 0.95, steps=30)
    x, y = -7.0, 2.0
    for k in range(1, 31):
        x, y = x - 0.95 * x / 10, y - 0.95 * 2 * y
        assert points[k] == pytest.approx([x, y], abs=1e-12)
    assert points.shape == (31, 2)
    assert int(np.sum(np.diff(np.sign(points[:, 1])) != 0)) == 30  # zig-zags every step


def test_momentum_path_is_the_rule_by_hand():
    points = path(BOWL, "momentum", 0.1, steps=30)
    p, v = np.array([-7.0, 2.0]), np.zeros(2)
    for k in range(1, 31):
        v = 0.9 * v - 0.1 * np.array([p[0] / 10, 2 * p[1]])
        p = p + v
        np.testing.assert_allclose(points[k], p, atol=1e-12)


def test_every_optimizer_gets_closer_with_the_books_rates():
    start = np.hypot(-7, 2)
    for name, lr in BOOK_LR.items():
        end = path(BOWL, name, lr, steps=30)[-1]
        assert np.hypot(*end) < start, name
    # AdaGrad damps y at once: it never changes sign
    ada = path(BOWL, "adagrad", 1.5)
    assert np.all(ada[:, 1] >= 0)


def test_network_race_starts_every_optimizer_from_the_same_weights():
    spec = NetworkSpec.mlp([64, 30, 10], hidden_activation="relu")
    settings = TrainingSettings(epochs=3, batch_size=64, standardize=True)
    curves = train_curves(spec, load_digits(), settings, ("sgd", "adam"),
                          {"sgd": 0.01, "adam": 0.001})
    assert set(curves) == {"sgd", "adam"} and all(len(c) == 3 for c in curves.values())
    assert curves["adam"][-1] < curves["sgd"][-1]  # on digits Adam learns faster here


def test_network_race_reports_every_epoch_and_stops_when_cancelled():
    spec = NetworkSpec.mlp([64, 30, 10], hidden_activation="relu")
    settings = TrainingSettings(epochs=3, batch_size=64, standardize=True)
    seen = []
    curves = train_curves(spec, load_digits(), settings, ("sgd", "adam"),
                          {"sgd": 0.01, "adam": 0.001},
                          on_epoch=lambda name, curve: seen.append((name, len(curve))))
    assert seen == [("sgd", 1), ("sgd", 2), ("sgd", 3), ("adam", 1), ("adam", 2), ("adam", 3)]

    cancel = threading.Event()

    def stop_after_first(name, curve):
        cancel.set()

    cut = train_curves(spec, load_digits(), settings, ("sgd", "adam"),
                       {"sgd": 0.01, "adam": 0.001}, on_epoch=stop_after_first, cancel=cancel)
    assert list(cut) == ["sgd"] and cut["sgd"] == curves["sgd"][:1]
