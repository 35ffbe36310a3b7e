"""Epoch metrics from one inference pass per chunk: the same numbers as the network's own
loss, predict and classify, computed separately."""

import numpy as np
import pytest

from core import NetworkSpec, build
from core.datasets import load_builtin
from core.training import measure
from core.training.prepare import prepare


def test_loss_and_output_is_loss_and_predict_of_one_pass():
    net = build(NetworkSpec.mlp([2, 8, 3]), seed=3, dtype=np.float64)
    x = np.random.default_rng(0).standard_normal((20, 2))
    labels = np.arange(20) % 3
    loss, output = net.loss_and_output(x, labels)
    assert loss == net.loss(x, labels)
    np.testing.assert_array_equal(output, net.predict(x))


@pytest.mark.parametrize("chunk", [7, 2048])
def test_classification_metrics_match_the_network_on_the_first_rows(monkeypatch, chunk):
    monkeypatch.setattr(measure, "EVAL_CHUNK", chunk)
    monkeypatch.setattr(measure, "MAX_EVAL_ROWS", 50)  # 70 training rows: the first 50 count
    data = load_builtin("spiral", n_samples=100, seed=1)
    spec = NetworkSpec.mlp([2, 8, 2])
    prepared = prepare(data, spec, (0.7, 0.15, 0.15), 0, True, np.float64)
    net = build(spec, seed=0, dtype=np.float64)
    metrics = measure.evaluate(net, prepared)
    train = prepared.train
    assert metrics["train_loss"] == pytest.approx(net.loss(train.x[:50], train.t[:50]), rel=1e-12)
    assert metrics["train_accuracy"] == np.mean(net.classify(train.x[:50]) == train.y[:50])
    test = prepared.parts["test"]
    assert metrics["test_accuracy"] == np.mean(net.classify(test.x) == test.y)
    assert set(metrics) == {f"{p}_{k}" for p in ("train", "val", "test")
                            for k in ("loss", "accuracy")}


def test_regression_metrics_are_mse_and_r2_of_the_predictions():
    data = load_builtin("plane", n_samples=60, seed=2)
    spec = NetworkSpec.mlp([2, 4, 1], output_activation="identity")
    prepared = prepare(data, spec, (1.0, 0.0, 0.0), 0, False, np.float64)
    net = build(spec, seed=1, dtype=np.float64)
    metrics = measure.evaluate(net, prepared)
    y = prepared.train.y
    error = net.predict(prepared.train.x) - y
    assert metrics["train_mse"] == pytest.approx(np.mean(error ** 2), rel=1e-12)
    assert metrics["train_r2"] == pytest.approx(
        1 - np.sum(error ** 2) / np.sum((y - y.mean(axis=0)) ** 2), rel=1e-12)
    assert metrics["train_loss"] == pytest.approx(net.loss(prepared.train.x, prepared.train.t),
                                                  rel=1e-12)
