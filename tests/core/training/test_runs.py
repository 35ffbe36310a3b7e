"""Training runs: records with their settings and history, the words for what changed, and
files — schema 2 round trips, schema-1 files' history becomes run 1, bad runs are refused in
one sentence."""

import json
import zipfile
from dataclasses import replace

import pytest
from hypothesis import given
from hypothesis import strategies as st

from core import NetworkSpec
from core.datasets.ref import DataRef
from core.project import Project, ProjectError, load_project, save_project
from core.training.history import History
from core.training.runs import Change, Run, Runs, changes_words, ending, local_time
from core.training.settings import TrainingSettings
from core.training.trainer import Trainer
from tests.core.test_fuzz_files import FUZZ, ODD_VALUES, _edit, _paths

SPEC = NetworkSpec.mlp([2, 4, 2], hidden_activation="tanh")
DATA = DataRef.builtin("moons", n_samples=80, noise=0.1, seed=1)


def trained(settings: TrainingSettings, history: History | None = None) -> Trainer:
    trainer = Trainer(SPEC, DATA.load(), settings, history=history)
    trainer.run()
    return trainer


@pytest.fixture(scope="module")
def two_runs():
    """Run 1 with lr 0.1 for 3 epochs; run 2 continues it with lr 0.01 and batch 8."""
    first = TrainingSettings(lr=0.1, epochs=3, batch_size=16)
    one = trained(first)
    runs = Runs().record(first, one.history.copy(), 3, one.outcome.kind, one.outcome.reason,
                         started_at="2026-12-03T01:02:03+00:00", spec=SPEC, data="Moons")
    second = replace(first, lr=0.01, batch_size=8, epochs=2)
    two = trained(second, one.history.copy())
    runs = runs.record(second, two.history.copy(), 2, two.outcome.kind, two.outcome.reason,
                       started_at="2026-12-03T01:05:00+00:00", spec=SPEC, data="Moons")
    return runs, two


def test_a_run_records_its_settings_history_and_ending(two_runs):
    runs, trainer = two_runs
    assert [r.number for r in runs] == [1, 2]
    second = runs[1]
    assert second.settings.lr == 0.01 and second.epochs == 2 and second.first_epoch == 3
    assert second.ended == "finished" and second.reason == "finished 2 epochs"
    assert second.history.n_epochs == 5
    assert second.final_loss == trainer.history.latest()["train_loss"]
    assert second.network == "2-4-2 tanh/softmax"


def test_a_run_that_went_on_names_the_run_it_went_on_from(two_runs):
    """Run 2 trained on from run 1's weights: the record says so; a run from fresh weights
    is stored as before (no such field), and a file without it still opens."""
    runs, _ = two_runs
    assert [r.continued_from for r in runs] == [None, 1]
    assert "continued_from" not in runs[0].to_dict()
    assert runs[1].to_dict()["continued_from"] == 1
    assert Runs.from_list(runs.to_list())[1].continued_from == 1
    assert Run.from_dict(stored_run()).continued_from is None
    fresh = runs.record(TrainingSettings(), runs[0].history.copy(), 3, "completed", "")
    assert fresh[-1].continued_from is None  # all its epochs are its own
    again = runs.record(TrainingSettings(), runs[1].history.copy(), 0, "diverged", "")
    assert again[-1].continued_from == 2  # the latest run with those epochs


def test_what_changed_is_worded_against_the_run_before(two_runs):
    runs, _ = two_runs
    assert runs.changes(2) == (Change("lr", 0.1, 0.01), Change("epochs", 3, 2),
                               Change("batch_size", 16, 8))
    assert runs.describe_changes(2) == "lr 0.1 → 0.01, epochs 3 → 2, batch size 16 → 8"
    assert runs.describe_changes(1) == "first run"
    assert changes_words(()) == "same settings"
    assert Change("split", (0.7, 0.15, 0.15), (0.8, 0.1, 0.1)).words() == \
        "split 70/15/15 → 80/10/10"
    assert Change("target_loss", None, 0.05).words() == "target loss off → 0.05"
    assert Change("network", "2-4-2 tanh/softmax", "2-8-2 tanh/softmax").words() == \
        "network 2-4-2 tanh/Softmax → 2-8-2 tanh/Softmax"


def test_deleting_a_run_compares_the_next_with_the_one_before(two_runs):
    runs, _ = two_runs
    third = replace(runs[1], number=3, settings=replace(runs[1].settings, lr=0.001))
    runs = runs.with_run(third)
    assert runs.describe_changes(3) == "lr 0.01 → 0.001"
    assert runs.without(2).describe_changes(3).startswith("lr 0.1 → 0.001")


def test_edits_make_new_collections_and_numbers_are_never_given_twice(two_runs):
    runs, _ = two_runs
    renamed = runs.renamed(2, "slow").with_hidden(1, True)
    assert runs[1].name == "" and renamed.run(2).title == "run 2 “slow”"
    assert renamed.run(1).hidden and not runs[1].hidden
    shorter = runs.without(2)
    assert [r.number for r in shorter] == [1] and shorter.next_number == 3
    assert [r.number for r in shorter.with_run(runs[1], 1)] == [1, 2]
    with pytest.raises(KeyError):
        runs.renamed(7, "x")
    with pytest.raises(ValueError, match="one line"):
        runs.renamed(1, "two\nlines")


def test_endings_of_the_trainer_outcomes():
    assert [ending(k) for k in ("completed", "target_reached", "early_stopped", "stopped",
                                "diverged")] == ["finished"] * 3 + ["stopped", "diverged"]
    assert ending("stopped", error="out of memory") == "error"


def test_local_time_of_a_stored_moment():
    assert local_time(None) == ""
    assert len(local_time("2026-12-03T01:02:03+00:00")) == len("2026-12-03 01:02")


def project_with(runs: Runs, history: dict | None) -> Project:
    return Project(SPEC, TrainingSettings(), DATA, history=history, runs=runs)


def test_project_round_trip_keeps_every_run_exactly(two_runs, tmp_path):
    runs, trainer = two_runs
    runs = runs.renamed(1, "fast").with_hidden(2, True)
    path = tmp_path / "runs.netcanvas"
    save_project(project_with(runs, trainer.history.to_dict()), path)
    loaded = load_project(path)
    assert loaded.runs.to_list() == runs.to_list()
    assert loaded.runs.run(1).name == "fast" and loaded.runs.run(2).hidden
    assert loaded.runs.run(2).history.epochs == trainer.history.epochs
    assert loaded.history == trainer.history.to_dict()


def test_a_project_without_runs_writes_no_runs_key(tmp_path):
    path = tmp_path / "plain.netcanvas"
    save_project(project_with(Runs(), None), path)
    with zipfile.ZipFile(path) as archive:
        document = json.loads(archive.read("project.json"))
    assert "runs" not in document and document["schema_version"] == 2
    assert len(load_project(path).runs) == 0


def schema_1_file(path, history: dict | None, extra: dict | None = None):
    """A project file as NetCanvas wrote it before runs were recorded (schema 1)."""
    save_project(project_with(Runs(), history), path)
    with zipfile.ZipFile(path) as archive:
        members = {name: archive.read(name) for name in archive.namelist()}
    document = json.loads(members["project.json"])
    document.update(schema_version=1, **(extra or {}))
    members["project.json"] = json.dumps(document).encode()
    with zipfile.ZipFile(path, "w") as archive:
        for name, blob in members.items():
            archive.writestr(name, blob)
    return path


def test_a_schema_1_history_becomes_run_1(two_runs, tmp_path):
    _, trainer = two_runs
    loaded = load_project(schema_1_file(tmp_path / "old.netcanvas", trainer.history.to_dict()))
    assert loaded.history == trainer.history.to_dict()
    (run,) = loaded.runs
    assert (run.number, run.epochs, run.ended, run.started_at) == (1, 5, "unknown", None)
    assert run.history.to_dict() == trainer.history.to_dict()
    assert run.settings == TrainingSettings() and run.network == "2-4-2 tanh/softmax"
    untrained = load_project(schema_1_file(tmp_path / "new.netcanvas", None))
    assert len(untrained.runs) == 0


def test_a_schema_1_file_may_not_hold_runs(tmp_path):
    path = schema_1_file(tmp_path / "odd.netcanvas", None, {"runs": []})
    with pytest.raises(ProjectError, match="unknown field"):
        load_project(path)


def stored_run(**changes) -> dict:
    history = History("classification")
    history.append_epoch(1, {"train_loss": 0.5, "train_accuracy": 0.75})
    run = Run(1, TrainingSettings(), history, 1, "finished", "finished 1 epochs",
              "2026-12-03T01:02:03+00:00")
    return {**run.to_dict(), **changes}


@pytest.mark.parametrize(("changes", "message"), [
    ({"number": 0}, "a run's 'number' must be a whole number from 1 to 1,000,000,000 (found 0)"),
    ({"number": True}, "a run's 'number' must be a whole number"),
    ({"colour": "red"}, "run 1 has an unknown field: colour — if a newer NetCanvas made it, "
                        "update NetCanvas to open it"),
    ({"epochs": 2}, "run 1: 'epochs' must be a whole number from 0 to the 1 epochs of its "
                    "history (found 2)"),
    ({"ended": "exploded"}, "run 1: 'ended' must be one of finished, stopped, diverged, error, "
                            "unknown"),
    ({"hidden": "yes"}, "run 1: 'hidden' must be true or false"),
    ({"name": 5}, "run 1: 'name' must be one line of text"),
    ({"name": "a\nb"}, "run 1: 'name' must be one line of text"),
    ({"started_at": "yesterday"}, "run 1: 'started_at' must be a date and time with its time "
                                  "zone"),
    ({"started_at": "2026-12-03T01:02:03"}, "run 1: 'started_at' must be a date and time"),
    ({"settings": {"lr": -1}}, "run 1: lr: -1 must be above 0"),
    ({"history": []}, "run 1: history must be an object"),
    ({"continued_from": 1}, "run 1: 'continued_from' must be the number of an earlier run "
                            "(found 1)"),
    ({"continued_from": True}, "run 1: 'continued_from' must be the number of an earlier"),
])
def test_a_bad_run_is_refused_in_words(tmp_path, changes, message):
    path = tmp_path / "bad.netcanvas"
    save_project(project_with(Runs(), None), path)
    with zipfile.ZipFile(path) as archive:
        members = {name: archive.read(name) for name in archive.namelist()}
    document = json.loads(members["project.json"])
    document["runs"] = [stored_run(**changes)]
    members["project.json"] = json.dumps(document).encode()
    with zipfile.ZipFile(path, "w") as archive:
        for name, blob in members.items():
            archive.writestr(name, blob)
    with pytest.raises(ProjectError) as info:
        load_project(path)
    assert str(info.value).startswith(f"bad.netcanvas: {message}")


def test_runs_out_of_order_are_refused():
    with pytest.raises(ValueError, match=r"must increase down the list \(found \[2, 1\]\)"):
        Runs.from_list([stored_run(number=2), stored_run(number=1)])
    with pytest.raises(ValueError, match="'runs' must be a list"):
        Runs.from_list({"1": {}})


RUNS_FILE: dict = {}


def runs_document(tmp_path_factory, two_runs) -> tuple[dict, dict]:
    """The members and parsed project.json of a project holding two runs (made once)."""
    if not RUNS_FILE:
        runs, trainer = two_runs
        path = tmp_path_factory.mktemp("fuzz") / "runs.netcanvas"
        save_project(project_with(runs, trainer.history.to_dict()), path)
        with zipfile.ZipFile(path) as archive:
            RUNS_FILE["members"] = {n: archive.read(n) for n in archive.namelist()}
        RUNS_FILE["document"] = json.loads(RUNS_FILE["members"]["project.json"])
    return RUNS_FILE["members"], RUNS_FILE["document"]


@FUZZ
@given(which=st.integers(0, 10**6), value=st.sampled_from(ODD_VALUES) | st.integers()
       | st.floats() | st.text(max_size=8), delete=st.booleans())
def test_hand_edited_runs_open_or_are_refused_in_words(tmp_path_factory, two_runs, which,
                                                       value, delete):
    """Any field under 'runs' changed or removed: the project opens with runs that can be
    listed and worded, or is refused with one ProjectError sentence."""
    members, document = runs_document(tmp_path_factory, two_runs)
    paths = [("runs", *p) for p in _paths(document["runs"])]
    edited = _edit(document, paths[which % len(paths)], value, delete)
    path = tmp_path_factory.getbasetemp() / "fuzzed_runs.netcanvas"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("project.json", json.dumps(edited))
        archive.writestr("weights.npz", members["weights.npz"])
    try:
        runs = load_project(path).runs
    except ProjectError as exc:
        assert str(exc).startswith(path.name)
        return
    for run in runs:  # everything the runs list and `netcanvas runs` show
        assert runs.describe_changes(run.number) and run.metrics_words() and run.title
        local_time(run.started_at)


def test_optimizer_options_are_compared_within_one_optimizer():
    history = History("classification")
    momentum = TrainingSettings(optimizer="momentum", optimizer_options={"momentum": 0.9})
    runs = Runs((Run(1, momentum, history, 0, "stopped"),
                 Run(2, replace(momentum, optimizer_options={"momentum": 0.5}), history, 0,
                     "stopped"),
                 Run(3, TrainingSettings(optimizer="sgd"), history, 0, "stopped")))
    assert runs.describe_changes(2) == "momentum 0.9 → 0.5"
    assert runs.describe_changes(3) == "optimizer Momentum → SGD"  # as the window names them


def test_a_regression_runs_metrics_are_named_as_the_loss_panel_names_them():
    # `netcanvas runs` printed the keys: "loss 0.5 mse 0.0123 r2 0.95"
    history = History("regression")
    history.append_epoch(1, {"train_loss": 0.5, "train_mse": 0.0123, "train_r2": 0.95})
    run = Run(1, TrainingSettings(), history, 1, "finished")
    assert run.metrics_words() == "loss 0.5 MSE 0.0123 R² 0.95"
