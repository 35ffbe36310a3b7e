"""The speed and time left that a run reports: the mini-batches' own speed, with an epoch's
end (measuring every part of the data: on MNIST 60 times a batch) counted once per epoch in
the time left instead of being smoothed into the speed."""

import time

import pytest

from core import NetworkSpec
from core.datasets import load_builtin
from core.training.settings import TrainingSettings
from core.training.trainer import Trainer

MEASURING = 0.2  # seconds an epoch's end takes here (a large data set's parts, measured)


@pytest.fixture
def slow_measuring(monkeypatch):
    evaluate = Trainer.evaluate

    def slow(self):
        time.sleep(MEASURING)
        return evaluate(self)

    monkeypatch.setattr(Trainer, "evaluate", slow)


def trainer(epochs: int) -> Trainer:
    data = load_builtin("spiral", n_samples=200, seed=1)
    settings = TrainingSettings(optimizer="sgd", lr=0.1, epochs=epochs, batch_size=20)
    return Trainer(NetworkSpec.mlp([2, 8, 2]), data, settings)


def test_an_epochs_end_does_not_slow_the_reported_speed(slow_measuring):
    run = trainer(epochs=2)
    events = list(run.iterate())
    first_end = next(e for e in events if e.epoch_metrics is not None)
    before = events[events.index(first_end) - 1]
    # smoothed with 0.1 of the newest batch, a 0.2 s batch of 20 rows would have dropped the
    # rate to at most 20 / (0.1 × 0.2) = 1,000 samples/s
    assert first_end.samples_per_second > 1_000
    assert first_end.samples_per_second == pytest.approx(before.samples_per_second, rel=0.9)


def test_the_time_left_counts_each_remaining_epochs_end(slow_measuring):
    run = trainer(epochs=4)
    events = run.iterate()
    ended = next(e for e in events if e.epoch_metrics is not None)  # epoch 1 of 4 done
    assert ended.epoch == 1
    # three epoch ends to come at ~MEASURING each, plus 30 batches of a few milliseconds
    assert 3 * MEASURING <= ended.eta_seconds < 3 * MEASURING + 1.0
    nxt = next(events)  # the first batch of epoch 2: still three ends to come
    assert 3 * MEASURING <= nxt.eta_seconds < 3 * MEASURING + 1.0
