"""Training history: columns per task, bounded per-batch curve, checked JSON round trip."""

import json
import zipfile

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


def _stored(batch_loss, train_loss=(0.5,)):
    columns = {c: [None] * len(train_loss) for c in column_names("regression")}
    columns["epoch"] = list(range(1, len(train_loss) + 1))
    columns["train_loss"] = list(train_loss)
    return {"task": "regression", "epochs": columns, "batch_loss": list(batch_loss)}


@pytest.mark.parametrize("batch_loss", [
    [0.5, float("nan")], [float("inf"), 1.0], [1.0, -float("inf")], [True, 0.5], [None, 0.5],
    [0.5, "0.25"], [1.0, 10**400],
])
def test_a_batch_curve_with_anything_but_finite_numbers_is_refused(batch_loss):
    # a ValueError only: 10**400 was Python's OverflowError, a traceback on opening the project
    with pytest.raises(ValueError, match="'batch_loss' must be a list of numbers"):
        History.from_dict(_stored(batch_loss))


@pytest.mark.parametrize("train_loss", [(0.5, float("nan")), (float("inf"),), (False,),
                                        (0.5, 10**400)])
def test_an_epoch_column_with_anything_but_finite_numbers_or_none_is_refused(train_loss):
    with pytest.raises(ValueError, match="column 'train_loss' must be a list of numbers"):
        History.from_dict(_stored([0.5], train_loss))


def test_finite_numbers_are_read_even_when_their_sum_is_not_finite():
    history = History.from_dict(_stored([1e308, 1e308, 3], train_loss=(1e308, 1e308, None)))
    assert history.batch_loss == [1e308, 1e308, 3.0]
    assert all(type(v) is float for v in history.batch_loss)
    assert history.epochs["train_loss"] == [1e308, 1e308, None]


def test_a_measure_from_a_newer_netcanvas_says_what_to_do():
    """A newer NetCanvas may measure more (an "f1" column): its history was refused with "must
    hold exactly the columns …", which left the student thinking the file was broken, while
    any other unknown field says a newer NetCanvas may have written it."""
    newer = _stored([0.5])
    newer["epochs"]["val_f1"] = [0.9]
    with pytest.raises(ValueError) as refused:
        History.from_dict(newer)
    assert str(refused.value) == ("the history's 'epochs' has an unknown field: val_f1 — if a "
                                  "newer NetCanvas made it, update NetCanvas to open it")
    del newer["epochs"]["train_loss"]  # one replaced by another: still the newer's hint
    with pytest.raises(ValueError, match="val_f1 — if a newer NetCanvas made it"):
        History.from_dict(newer)


def test_a_measure_from_a_newer_netcanvas_is_named_in_korean(tmp_path):
    """Opened as a project (the runs' history), in Korean."""
    from core import NetworkSpec, i18n
    from core.datasets.ref import DataRef
    from core.project import Project, ProjectError, load_project, save_project
    from core.training.runs import Runs
    from core.training.settings import TrainingSettings

    history = History.from_dict(_stored([0.5]))
    runs = Runs().record(TrainingSettings(), history, 1, "completed", "finished")
    path = tmp_path / "newer.netcanvas"
    save_project(Project(NetworkSpec.mlp([2, 1]), TrainingSettings(),
                         DataRef.builtin("moons"), runs=runs), path)
    with zipfile.ZipFile(path) as archive:
        files = {name: archive.read(name) for name in archive.namelist()}
    document = json.loads(files["project.json"])
    document["runs"][0]["history"]["epochs"]["val_f1"] = [0.9]
    files["project.json"] = json.dumps(document).encode()
    with zipfile.ZipFile(path, "w") as archive:
        for name, data in files.items():
            archive.writestr(name, data)
    i18n.set_language("ko")
    try:
        with pytest.raises(ProjectError) as refused:
            load_project(path)
    finally:
        i18n.set_language("en")
    assert "학습 기록의 'epochs'에 알 수 없는 필드가 있습니다: val_f1" in str(refused.value)
    assert str(refused.value).endswith("열려면 NetCanvas를 업데이트하세요")
