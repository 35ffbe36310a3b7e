"""The trainer's mechanics: batches and epochs, stop conditions, NaN detection, control from
another thread, live learning rate, input features, and snapshots that match the history."""

import math
import re
import threading
import warnings

import numpy as np
import pytest

from core import NetworkSpec, build
from core.datasets import DataError, load_builtin
from core.training.history import History
from core.training.prepare import DataMismatchError
from core.training.settings import TrainingSettings
from core.training.snapshot import Histogram, gradient_norms, node_stats
from core.training.trainer import Trainer


@pytest.fixture(scope="module")
def spiral():
    return load_builtin("spiral", n_samples=200, seed=1)


def spiral_trainer(dataset, **settings_changes):
    settings = dict(optimizer="adam", lr=0.01, epochs=5, batch_size=50, standardize=True)
    settings.update(settings_changes)
    spec = NetworkSpec.mlp([2, 8, 8, 2], hidden_activation="tanh")
    return Trainer(spec, dataset, TrainingSettings(**settings))


def test_steps_are_mini_batches_and_the_last_one_closes_the_epoch(spiral):
    trainer = spiral_trainer(spiral)
    n_train = trainer.data.train.n
    assert n_train == 140  # 70 % of 200
    assert trainer.batches_per_epoch == 3  # 50 + 50 + 40
    events = [trainer.step() for _ in range(3)]
    assert [(e.epoch, e.batch) for e in events] == [(1, 1), (1, 2), (1, 3)]
    assert events[0].epoch_metrics is None and events[1].epoch_metrics is None
    metrics = events[2].epoch_metrics
    assert set(metrics) == {f"{p}_{m}" for p in ("train", "val", "test")
                            for m in ("loss", "accuracy")}
    assert trainer.history.n_epochs == 1 and len(trainer.history.batch_loss) == 3
    assert trainer.history.latest()["train_loss"] == metrics["train_loss"]
    assert events[3 - 1].loss == trainer.history.batch_loss[-1]


def test_epoch_metrics_are_those_of_the_network_in_inference_mode(spiral):
    trainer = spiral_trainer(spiral, epochs=2)
    trainer.run()
    net, test = trainer.network, trainer.data.parts["test"]
    row = trainer.history.latest()
    assert row["test_loss"] == pytest.approx(net.loss(test.x, test.t), rel=1e-6)
    assert row["test_accuracy"] == pytest.approx(net.accuracy(test.x, test.y))


def test_the_same_seed_gives_the_same_run_and_another_seed_another(spiral):
    a, b, c = (spiral_trainer(spiral, seed=s) for s in (3, 3, 4))
    for trainer in (a, b, c):
        trainer.run()
    assert a.history.to_dict() == b.history.to_dict()
    assert a.history.to_dict() != c.history.to_dict()


def test_each_epoch_is_reshuffled(spiral):
    trainer = spiral_trainer(spiral)
    trainer.step()
    first = trainer._order.copy()
    for _ in range(trainer.batches_per_epoch):
        trainer.step()
    assert not np.array_equal(first, trainer._order)
    assert np.array_equal(np.sort(first), np.arange(trainer.data.train.n))
    assert np.array_equal(np.sort(trainer._order), np.arange(trainer.data.train.n))


@pytest.mark.parametrize(("data", "sizes", "activation", "lr", "what"), [
    ("plane", [2, 1], "identity", 3.0, "infinite"),
    ("spiral", [2, 32, 32, 2], "softmax", 1000.0, "NaN"),  # MAX_LR: wider layers blow up
])
def test_a_huge_learning_rate_stops_with_a_clear_reason(data, sizes, activation, lr, what):
    dataset = load_builtin(data, n_samples=200, seed=1)
    spec = NetworkSpec.mlp(sizes, output_activation=activation)
    trainer = Trainer(spec, dataset, TrainingSettings(optimizer="sgd", lr=lr, epochs=50,
                                                      batch_size=20))
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # overflow is reported once, as the outcome
        outcome = trainer.run()
    assert outcome.kind == "diverged" and outcome.failed
    rate = re.escape(f"{lr:g}")
    assert re.fullmatch(rf"loss became {what} at epoch \d+ — learning rate {rate} is probably "
                        r"too high; lower it, reset the weights and train again",
                        outcome.reason), outcome.reason
    assert trainer.history.n_epochs < 50
    assert all(math.isfinite(v) for v in trainer.history.batch_loss)
    with pytest.raises(RuntimeError, match="training has ended"):
        trainer.step()


def test_target_loss_stops_training():
    xor = load_builtin("xor", n_samples=4, noise=0.0)
    spec = NetworkSpec.mlp([2, 4, 1], hidden_activation="tanh", output_activation="sigmoid",
                           init="xavier")
    settings = TrainingSettings(optimizer="adam", lr=0.05, epochs=5000, batch_size=4,
                                split=(1, 0, 0), target_loss=0.1, dtype="float64")
    trainer = Trainer(spec, xor, settings)
    outcome = trainer.run()
    assert outcome.kind == "target_reached"
    losses = trainer.history.epochs["train_loss"]
    assert losses[-1] <= 0.1 < min(losses[:-1])
    assert outcome.reason.startswith("reached the target loss 0.1: training loss ")
    assert trainer.history.epochs["val_loss"] == [None] * len(losses)


def test_run_ends_before_the_next_batch_once_a_stop_flag_is_set():
    xor = load_builtin("xor", n_samples=4, noise=0.0)
    trainer = Trainer(NetworkSpec.mlp([2, 4, 1], output_activation="sigmoid"), xor,
                      TrainingSettings(epochs=5000, batch_size=4, split=(1, 0, 0)))
    flag = threading.Event()

    def after_each_batch(event):
        if event.step == 7:
            flag.set()  # as another thread (or a search's worker process) would

    outcome = trainer.run(after_each_batch, stop=flag)
    assert outcome.kind == "stopped" and trainer.step_count == 7


def test_early_stopping_waits_patience_epochs_after_the_best_validation_loss(spiral):
    trainer = spiral_trainer(spiral, lr=0.05, epochs=500, early_stopping_patience=4)
    outcome = trainer.run()
    val = trainer.history.epochs["val_loss"]
    assert outcome.kind == "early_stopped"
    assert len(val) < 500
    best = int(np.argmin(val))
    assert len(val) == best + 1 + 4
    assert f"best {val[best]:.4g} at epoch {best + 1}" in outcome.reason


def test_epochs_count_one_run_and_a_history_continues(spiral):
    first = spiral_trainer(spiral, epochs=3)
    assert first.run().kind == "completed"
    assert first.run().reason == "finished 3 epochs"
    history = History.from_dict(first.history.to_dict())
    second = Trainer(first.network, spiral, first.settings, history=history)
    second.run()
    assert second.history.epochs["epoch"] == [1, 2, 3, 4, 5, 6]


def test_a_network_passed_in_is_trained_in_place_with_the_settings_regularisation(spiral):
    spec = NetworkSpec.mlp([2, 8, 2])
    net = build(spec, seed=0)
    before = net.params["W1"].copy()
    trainer = Trainer(net, spiral, TrainingSettings(epochs=1, weight_decay=0.01, l1=0.001))
    trainer.run()
    assert trainer.network is net
    assert (net.weight_decay, net.l1) == (0.01, 0.001)
    assert not np.array_equal(before, net.params["W1"])


def test_settings_dtype_is_the_network_dtype(spiral):
    trainer = spiral_trainer(spiral, dtype="float64")
    assert trainer.network.dtype == np.float64 and trainer.data.train.x.dtype == np.float64


def test_regression_reports_mse_and_r2():
    plane = load_builtin("plane", n_samples=100, noise=0.01, seed=0)
    spec = NetworkSpec.mlp([2, 1], output_activation="identity")
    trainer = Trainer(spec, plane, TrainingSettings(epochs=3, batch_size=10, lr=0.05))
    metrics = None
    for event in trainer.iterate():
        metrics = event.epoch_metrics or metrics
    test = trainer.data.parts["test"]
    y = trainer.network.predict(test.x).astype(np.float64)
    mse = float(np.mean((y - test.y) ** 2))
    r2 = 1 - np.sum((y - test.y) ** 2) / np.sum((test.y - test.y.mean()) ** 2)
    assert metrics["test_mse"] == pytest.approx(mse, rel=1e-5)
    assert metrics["test_r2"] == pytest.approx(r2, rel=1e-5)
    assert "test_accuracy" not in metrics


# ------------------------------------------------------------------ input features and shapes
def test_input_features_build_the_columns_named_on_the_input_node():
    circle = load_builtin("circle", n_samples=200, seed=0)
    spec = NetworkSpec.mlp([3, 1], output_activation="sigmoid").with_node_changed(
        "0", features=("x1^2", "x2^2", "x1*x2"))
    trainer = Trainer(spec, circle, TrainingSettings(lr=0.05, epochs=60, split=(0.8, 0.2, 0)))
    x = circle.x[:3]
    np.testing.assert_allclose(trainer.data.inputs_for(x, np.float64),
                               np.column_stack([x[:, 0] ** 2, x[:, 1] ** 2, x[:, 0] * x[:, 1]]))
    trainer.run()
    # A single neuron on x1², x2² draws a circle: the disc inside the ring is separable.
    assert trainer.history.latest()["val_accuracy"] >= 0.95


def test_features_that_do_not_match_the_units_are_refused():
    circle = load_builtin("circle", n_samples=50, seed=0)
    spec = NetworkSpec.mlp([4, 2]).with_node_changed("0", features=("x1", "x2", "x1^2"))
    with pytest.raises(DataMismatchError, match=r"has 4 units but takes 3 columns "
                                                r"\(x1, x2, x1\^2\): make its units match"):
        Trainer(spec, circle, TrainingSettings())
    spec = spec.with_node_changed("0", features=("x1", "x9", "x1^2", "x2^2"))
    with pytest.raises(DataError, match="needs at least 9 data columns"):
        Trainer(spec, circle, TrainingSettings())


def test_raw_columns_must_match_the_input_units():
    circle = load_builtin("circle", n_samples=50, seed=0)
    with pytest.raises(DataMismatchError, match=r"the data has 2 feature columns but the "
                                                r"input node takes 3 units"):
        Trainer(NetworkSpec.mlp([3, 2]), circle, TrainingSettings())


@pytest.mark.parametrize(("units", "message"), [
    (3, r"the output node has 3 units but the data has 2 classes: give it 2 units \(or 1 "
        r"sigmoid unit for two classes\)"),
])
def test_output_units_must_fit_the_classes(units, message):
    circle = load_builtin("circle", n_samples=50, seed=0)
    with pytest.raises(DataMismatchError, match=message):
        Trainer(NetworkSpec.mlp([2, units]), circle, TrainingSettings())


def test_output_units_must_fit_regression_targets():
    plane = load_builtin("plane", n_samples=50, seed=0)
    with pytest.raises(DataMismatchError, match=r"has 2 units but the data has 1 target "
                                                r"value per sample: give it 1 unit"):
        Trainer(NetworkSpec.mlp([2, 2], output_activation="identity"), plane,
                TrainingSettings())


# ------------------------------------------------------------------ control from another thread
def test_pause_step_resume_and_stop_between_batches(spiral):
    trainer = spiral_trainer(spiral, epochs=100_000)
    events = []
    seen = threading.Semaphore(0)

    def record(event):
        events.append(event)
        seen.release()

    worker = threading.Thread(target=trainer.run, args=(record,))
    worker.start()
    for _ in range(5):
        assert seen.acquire(timeout=10)
    trainer.pause()
    assert trainer.paused
    while seen.acquire(timeout=0.3):  # at most the batch in flight finishes
        pass
    paused_at = len(events)
    assert not seen.acquire(timeout=0.3) and len(events) == paused_at

    trainer.request_step()  # teaching: exactly one more mini-batch while paused
    assert seen.acquire(timeout=10)
    assert not seen.acquire(timeout=0.3) and len(events) == paused_at + 1
    assert events[-1].step == events[-2].step + 1

    trainer.resume()
    for _ in range(5):
        assert seen.acquire(timeout=10)
    trainer.stop()
    worker.join(timeout=10)
    assert not worker.is_alive()
    assert trainer.outcome.kind == "stopped"
    assert events[-1].outcome == trainer.outcome
    assert all(e.outcome is None for e in events[:-1])


def test_stop_while_paused_ends_the_loop(spiral):
    trainer = spiral_trainer(spiral, epochs=100_000)
    trainer.pause()
    worker = threading.Thread(target=trainer.run)
    worker.start()
    trainer.stop()
    worker.join(timeout=10)
    assert not worker.is_alive() and trainer.outcome.kind == "stopped"
    assert trainer.step_count == 0


def test_the_learning_rate_can_change_during_training(spiral):
    trainer = spiral_trainer(spiral, optimizer="sgd", lr=0.1)
    trainer.step()
    trainer.set_lr(0.025)
    assert trainer.lr == 0.025 and trainer.optimizer.lr == 0.1  # not in the middle of a step
    assert trainer.settings.lr == 0.1  # what the run was started with
    before = trainer.network.params["W1"].copy()
    trainer.step()
    assert trainer.optimizer.lr == 0.025
    grads = trainer.network.last_gradients()
    np.testing.assert_allclose(trainer.network.params["W1"], before - 0.025 * grads["W1"],
                               rtol=1e-5, atol=1e-7)
    assert trainer.snapshot().lr == 0.025
    with pytest.raises(ValueError, match="lr: 0 must be above 0"):
        trainer.set_lr(0)
    with pytest.raises(ValueError, match=r"^lr must be a number, not NaN$"):  # the settings' words
        trainer.set_lr(float("nan"))


# ------------------------------------------------------------------ snapshots
def test_snapshots_come_at_the_requested_rate_and_at_the_end(spiral):
    trainer = spiral_trainer(spiral, epochs=4)
    trainer.snapshot_every = 5
    events = list(trainer.iterate())
    with_snapshot = [e.step for e in events if e.snapshot is not None]
    assert with_snapshot == [5, 10, 12]  # 4 epochs × 3 batches; the last event always has one
    assert trainer.snapshot_seconds > 0 and trainer.train_seconds > 0


def test_no_snapshots_unless_asked(spiral):
    trainer = spiral_trainer(spiral, epochs=2)
    assert all(e.snapshot is None for e in trainer.iterate())


def test_snapshot_content_is_consistent_with_the_network_and_history(spiral):
    trainer = spiral_trainer(spiral, epochs=3)
    trainer.run()
    snap = trainer.snapshot()
    net = trainer.network
    assert (snap.epoch, snap.batch, snap.step) == (3, 0, 9)
    assert snap.history.to_dict() == trainer.history.to_dict()
    assert snap.history is not trainer.history
    # Parameters are private copies.
    for name, value in net.params.items():
        assert np.array_equal(snap.params[name], value)
        assert not np.shares_memory(snap.params[name], value)
    # One weight and one gradient histogram per edge, counting every weight.
    assert set(snap.weight_histograms) == set(snap.gradient_histograms) == {"1", "2", "3"}
    for edge, hist in snap.weight_histograms.items():
        weights = snap.params[f"W{edge}"]
        assert hist.counts.sum() == weights.size
        assert hist.edges[0] == weights.min() and hist.edges[-1] == pytest.approx(weights.max())
    assert all(h.counts.sum() == snap.params[f"W{e}"].size
               for e, h in snap.gradient_histograms.items())
    # by node, and each edge's own weights under edge_key
    assert set(snap.gradient_norms) == {"1", "2", "3", "edge:1", "edge:2", "edge:3"}
    # Activation statistics on the fixed probe batch (up to 256 training rows: all 140 here).
    assert trainer._probe.shape == (140, 2)
    values = {k: v.post for k, v in net.activations(trainer._probe).items()}
    assert set(snap.activations) == {"0", "1", "2", "3"}
    for node_id, stats in snap.activations.items():
        assert stats.mean == pytest.approx(values[node_id].mean(), rel=1e-5, abs=1e-7)
        assert stats.std == pytest.approx(values[node_id].std(), rel=1e-5, abs=1e-7)
        assert stats.histogram.counts.sum() == values[node_id].size
    # Later changes to the network do not reach the snapshot.
    net.params["W1"][...] = 0
    net.params["b1"][...] = 0
    assert np.any(snap.params["W1"] != 0)
    # With W1 = 0 and b1 = 0 every tanh unit of node 1 outputs exactly 0: all dead.
    assert snap.activations["1"].dead == 0.0
    assert trainer.snapshot().activations["1"].dead == 1.0


def test_the_grid_covers_the_data_and_agrees_with_classify(spiral):
    trainer = spiral_trainer(spiral, epochs=2)
    trainer.run()
    grid = trainer.snapshot().grid
    assert grid.xs.shape == grid.ys.shape == (64,)
    assert grid.values.shape == (64, 64, 2) and grid.labels.shape == (64, 64)
    assert grid.xs[0] < spiral.x[:, 0].min() and grid.xs[-1] > spiral.x[:, 0].max()
    assert grid.ys[0] < spiral.x[:, 1].min() and grid.ys[-1] > spiral.x[:, 1].max()
    j, i = 10, 50
    point = trainer.data.inputs_for(np.array([[grid.xs[i], grid.ys[j]]]), np.float32)
    np.testing.assert_allclose(grid.values[j, i], trainer.network.predict(point)[0], rtol=1e-5)
    assert grid.labels[j, i] == trainer.network.classify(point)[0]


def test_one_feature_data_gets_a_curve_and_many_features_no_grid():
    sine = load_builtin("sine", n_samples=50, seed=0)
    trainer = Trainer(NetworkSpec.mlp([1, 8, 1], hidden_activation="tanh",
                                      output_activation="identity"), sine,
                      TrainingSettings(epochs=1))
    grid = trainer.snapshot().grid
    assert grid.ys is None and grid.values.shape == (256, 1) and grid.labels is None
    assert trainer.snapshot().gradient_norms == {}  # nothing trained yet


def test_histogram_matches_numpy_and_skips_non_finite_values():
    values = np.random.default_rng(0).standard_normal(10_000).astype(np.float32)
    ours = Histogram.of(values, 30)
    counts, edges = np.histogram(values, bins=30)
    assert ours.counts.sum() == values.size
    assert np.abs(ours.counts - counts).max() <= 1
    np.testing.assert_allclose(ours.edges, edges, rtol=1e-6, atol=1e-6)
    broken = Histogram.of(np.array([1.0, np.nan, 3.0, np.inf]), 2)
    assert broken.counts.tolist() == [1, 1]
    assert Histogram.of(np.full(5, 2.0), 4).counts.sum() == 5
    assert Histogram.of(np.array([np.nan]), 3).counts.tolist() == [0, 0, 0]


def test_node_stats_measure_saturation_and_dead_units():
    sigmoid = np.array([[0.001, 0.5], [0.999, 0.6]])
    assert node_stats("sigmoid", sigmoid).saturated == 0.5
    tanh = np.array([[-0.995, 0.1, 0.2, 0.999]])
    assert node_stats("tanh", tanh).saturated == 0.5
    relu = np.array([[0.0, 1.0, 0.0], [0.0, 2.0, 3.0]])
    stats = node_stats("relu", relu)
    assert stats.dead == pytest.approx(1 / 3) and stats.saturated == 0.0
    assert stats.mean == pytest.approx(1.0) and stats.std == pytest.approx(relu.std())


def test_snapshots_show_the_gradients_of_the_last_step_on_the_sgd_fast_path(spiral):
    trainer = spiral_trainer(spiral, optimizer="sgd", lr=0.5)
    trainer.step()
    net = trainer.network
    before = {k: v.copy() for k, v in net.params.items()}
    trainer.step()
    # Plain SGD: the step moved every parameter by exactly −lr·g.
    grads = {k: (before[k] - v) / 0.5 for k, v in net.params.items()}
    snap = trainer.snapshot()
    expected = gradient_norms(net, grads)
    assert snap.gradient_norms == {k: pytest.approx(v, rel=1e-4) for k, v in expected.items()}
    assert all(np.abs(grads[f"W{e}"]).max() == pytest.approx(
        max(abs(h.edges[0]), abs(h.edges[-1])), rel=1e-4)
        for e, h in snap.gradient_histograms.items())


def test_gradient_norms_sum_over_what_feeds_each_node():
    spec = NetworkSpec.mlp([2, 3, 2], batch_norm=True)
    net = build(spec)
    grads = {name: np.ones_like(p) for name, p in net.params.items()}
    norms = gradient_norms(net, grads)
    # node 1: W1 (2×3) + b1 + gamma1 + beta1 = 6 + 3 + 3 + 3 ones; node 2: W2 (3×2) + b2;
    # each edge: its own 6 weights
    assert norms == {"1": pytest.approx(15 ** 0.5), "2": pytest.approx(8 ** 0.5),
                     "edge:1": pytest.approx(6 ** 0.5), "edge:2": pytest.approx(6 ** 0.5)}


def test_clock_formats_times_left():
    from core.training.events import clock

    assert clock(0) == "0:00"
    assert clock(59.6) == "1:00"
    assert clock(754) == "12:34"
    assert clock(3 * 3600 + 5 * 60 + 7) == "3:05:07"


def test_run_trains_on_a_blas_thread_fewer_than_the_cores_and_gives_it_back(spiral):
    """As the window's worker does: on 2 cores one BLAS thread (an MNIST epoch is faster so,
    README Speed); the limit is the run's own and ends with it."""
    from core.engine import blas

    if blas.library_threads() is None:
        pytest.skip("this BLAS cannot be told its thread count")
    before = blas.library_threads()
    seen = []
    spiral_trainer(spiral, epochs=1).run(lambda event: seen.append(blas.library_threads()))
    assert set(seen) == {min(before, blas.gui_friendly_threads())}
    assert blas.library_threads() == before
