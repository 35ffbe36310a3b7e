"""The timeline's budget, truncation and file arrays."""

import numpy as np
import pytest

from core.training.history import History
from core.training.timeline import Timeline, history_until


def params(epoch: int, size: int = 4) -> dict[str, np.ndarray]:
    return {"W1": np.full((size, 2), float(epoch)), "b1": np.full(2, -float(epoch))}


def test_records_are_private_copies_of_each_epoch() -> None:
    timeline = Timeline()
    weights = params(0)
    timeline.record(0, weights, {"mean1": np.zeros(2)}, {"1": 0.5}, {"1": 0.1})
    weights["W1"][:] = 99
    record = timeline.at(0)
    assert record.params["W1"][0, 0] == 0.0
    assert record.gradient_norms == {"1": 0.5} and record.state["mean1"].shape == (2,)
    assert not timeline.record(0, params(0))  # not after the latest: ignored


def test_thinning_keeps_the_first_the_latest_and_an_even_spacing() -> None:
    timeline = Timeline(max_snapshots=10)
    for epoch in range(0, 301):
        timeline.record(epoch, params(epoch))
        assert len(timeline) <= 10
    epochs = timeline.epochs
    assert epochs[0] == 0 and epochs[-1] == 300
    assert timeline.stride == 64
    assert epochs == [0, 64, 128, 192, 256, 300]
    assert timeline.at(128).params["W1"][0, 0] == 128.0


def test_the_byte_budget_thins_too() -> None:
    one = sum(a.nbytes for a in params(0, 100).values())
    timeline = Timeline(max_snapshots=200, max_bytes=one * 8)
    for epoch in range(1, 41):
        timeline.record(epoch, params(epoch, 100))
        assert timeline.nbytes <= one * 8
    assert timeline.epochs[0] == 1 and timeline.epochs[-1] == 40
    assert np.all(np.diff(timeline.epochs[:-1]) == timeline.stride)


def test_a_network_too_big_for_the_budget_keeps_first_and_latest() -> None:
    timeline = Timeline(max_bytes=10)
    for epoch in range(5):
        timeline.record(epoch, params(epoch))
    assert timeline.epochs == [0, 4]


def test_truncate_and_restore() -> None:
    timeline = Timeline()
    for epoch in range(6):
        timeline.record(epoch, params(epoch))
    dropped = timeline.truncate(2)
    assert timeline.epochs == [0, 1, 2] and [r.epoch for r in dropped] == [3, 4, 5]
    timeline.restore(dropped)
    assert timeline.epochs == list(range(6))
    with pytest.raises(KeyError):
        timeline.at(9)


def test_arrays_round_trip_and_are_checked() -> None:
    timeline = Timeline()
    for epoch in (0, 1, 2):
        timeline.record(epoch, params(epoch), {"mean1": np.full(2, epoch / 10)},
                        {"1": epoch + 0.5} if epoch else {}, {"1": 0.25} if epoch else {})
    arrays = timeline.to_arrays()
    assert arrays["params/W1"].shape == (3, 4, 2)
    shapes = {"W1": (4, 2), "b1": (2,), "mean1": (2,)}
    back = Timeline.from_arrays(arrays, shapes)
    assert back.epochs == [0, 1, 2]
    assert back.at(2).params["b1"].tolist() == [-2.0, -2.0]
    assert back.at(1).state["mean1"].tolist() == [0.1, 0.1]
    assert back.at(2).gradient_norms == {"1": 2.5} and back.at(0).gradient_norms == {}
    assert back.at(2).gradient_signals == {"1": 0.25}
    # a file written before the signals were measured on fixed rows (no signals_version)
    # keeps its norms and drops its mini-batch signals: those bars are drawn unflagged
    old = Timeline.from_arrays({k: v for k, v in arrays.items() if k != "signals_version"},
                               shapes)
    assert old.at(2).gradient_norms == {"1": 2.5} and old.at(2).gradient_signals == {}
    with pytest.raises(ValueError, match="do not match the network"):
        Timeline.from_arrays(arrays, {"W1": (4, 2), "b1": (2,)})
    with pytest.raises(ValueError, match="has shape"):
        Timeline.from_arrays(arrays, {**shapes, "W1": (3, 2)})
    with pytest.raises(ValueError, match="not increasing"):
        Timeline.from_arrays({**arrays, "epochs": np.array([0, 2, 1])}, shapes)
    with pytest.raises(ValueError, match="no list of epochs"):
        Timeline.from_arrays({k: v for k, v in arrays.items() if k != "epochs"}, shapes)


def test_history_until_drops_later_epochs_and_batches() -> None:
    history = History("classification")
    for epoch in range(1, 6):
        for _ in range(4):
            history.append_batch(1.0 / epoch)
        history.append_epoch(epoch, {"train_loss": 1.0 / epoch})
    earlier = history_until(history, 2, batches_per_epoch=4)
    assert earlier.epochs["epoch"] == [1, 2]
    assert earlier.epochs["train_loss"] == [1.0, 0.5]
    assert earlier.batch_loss == [1.0] * 4 + [0.5] * 4
    assert history.n_epochs == 5  # the original is unchanged
