"""Training history: columns per task, bounded per-batch curve, checked JSON round trip."""

import json

import pytest

from core.training import history as history_module
from core.training.history import History, column_names


def test_columns_follow_the_task():
    assert column_names("classification") == (
        "epoch", "train_loss", "train_accuracy", "val_loss", "val_accuracy", "test_loss",
        "test_accuracy")
    assert column_names("regression")[1:4] == ("train_loss", "train_mse", "train_r2")


def test_missing_and_non_finite_values_are_stored_as_none():
    history = History("classification")
    history.append_epoch(1, {"train_loss": 0.5, "train_accuracy": float("nan")})
    assert history.latest() == {"epoch": 1, "train_loss": 0.5, "train_accuracy": None,
                                "val_loss": None, "val_accuracy": None, "test_loss": None,
                                "test_accuracy": None}
    assert History.from_dict(json.loads(json.dumps(history.to_dict()))) == history


def test_the_batch_curve_is_averaged_in_pairs_when_full(monkeypatch):
    monkeypatch.setattr(history_module, "MAX_BATCH_POINTS", 8)
    history = History("regression")
    for value in range(8):
        history.append_batch(float(value))
    assert history.batch_loss == [0.5, 2.5, 4.5, 6.5] and history.batch_stride == 2
    history.append_batch(8.0)
    assert len(history.batch_loss) == 4  # waits for the second batch of the pair
    history.append_batch(10.0)
    assert history.batch_loss[-1] == 9.0
    copy = history.copy()
    assert copy == history and copy.batch_loss is not history.batch_loss


@pytest.mark.parametrize(("data", "message"), [
    ({"task": "clustering"}, "history: task 'clustering' is not"),
    ({"task": "regression", "epochs": {"epoch": []}}, "must hold exactly the columns"),
    ({"task": "regression", "epochs": {**{c: [] for c in column_names("regression")},
                                       "train_r2": ["high"]}},
     "column 'train_r2' must be a list of numbers"),
    ({"task": "regression", "epochs": {c: [] for c in column_names("regression")},
      "batch_stride": 0}, "'batch_stride' must be a whole number"),
])
def test_from_dict_checks_what_it_reads(data, message):
    with pytest.raises(ValueError, match=message):
        History.from_dict(data)
