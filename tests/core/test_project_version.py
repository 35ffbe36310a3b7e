"""A project file's schema version is the lowest that describes it: a NetCanvas that reads
schema 2 refused a run saved today with "run 1: unknown fields reason_key, reason_values" and
no hint to update. Such a file is now schema 3 (that NetCanvas says "made by a newer NetCanvas
… update NetCanvas"); a file it can read stays 2; files of every version still open."""

import json
import zipfile
from dataclasses import replace

import pytest

from core import NetworkSpec
from core import project as project_module
from core.datasets.ref import DataRef
from core.i18n import set_language
from core.project import Project, ProjectError, load_project, save_project
from core.training.runs import FIELDS, NEW_IN_3, Runs, with_reason
from core.training.settings import TrainingSettings
from core.training.trainer import Trainer

SPEC = NetworkSpec.mlp([2, 4, 2], hidden_activation="tanh")
DATA = DataRef.builtin("moons", n_samples=80, noise=0.1, seed=1)
SETTINGS = TrainingSettings(lr=0.1, epochs=3, batch_size=16)
#: what a run held in schema 2 (a schema-2 reader refuses any other field)
SCHEMA_2_RUN_FIELDS = {"number", "name", "hidden", "started_at", "settings", "network", "data",
                       "epochs", "ended", "reason", "history"}
NO_RUNS = Runs()


@pytest.fixture(scope="module")
def trainer():
    trainer = Trainer(SPEC, DATA.load(), SETTINGS)
    trainer.run()
    return trainer


def project(trainer, runs: Runs = NO_RUNS) -> Project:
    return Project(SPEC, SETTINGS, DATA, {k: v.copy() for k, v in trainer.network.params.items()},
                   history=trainer.history.to_dict(), runs=runs,
                   continuation=trainer.continuation())


def stored(path) -> dict:
    with zipfile.ZipFile(path) as archive:
        return json.loads(archive.read("project.json"))


def rewritten(path, change) -> None:
    """``path`` with its project.json changed by ``change`` (as another version wrote it)."""
    with zipfile.ZipFile(path) as archive:
        members = {name: archive.read(name) for name in archive.namelist()}
    document = json.loads(members["project.json"])
    change(document)
    members["project.json"] = json.dumps(document).encode()
    with zipfile.ZipFile(path, "w") as archive:
        for name, blob in members.items():
            archive.writestr(name, blob)


def recorded(trainer, runs: Runs = NO_RUNS) -> Runs:
    """``runs`` and the trainer's run, recorded as the window and ``netcanvas train`` do."""
    return runs.record(SETTINGS, trainer.history.copy(), 3, trainer.outcome.kind,
                       trainer.outcome.reason, started_at="2026-12-05T01:02:03+00:00",
                       spec=SPEC, data="Moons", outcome=trainer.outcome)


def test_a_project_with_a_run_saved_today_is_schema_3(trainer, tmp_path):
    path = tmp_path / "today.netcanvas"
    save_project(project(trainer, recorded(trainer)), path)
    document = stored(path)
    assert document["schema_version"] == 3
    assert document["runs"][0]["reason_key"] == "finished_epochs"
    loaded = load_project(path)
    assert loaded.runs[0].reason_key == "finished_epochs"
    assert loaded.runs[0].reason_words == "finished 3 epochs"


def test_a_netcanvas_reading_schema_2_says_to_update_instead_of_naming_fields(
        trainer, tmp_path, monkeypatch):
    """This version's reader, told it reads schema 2, checks the version first: what
    yesterday's NetCanvas would say of today's file."""
    path = tmp_path / "today.netcanvas"
    save_project(project(trainer, recorded(trainer)), path)
    monkeypatch.setattr(project_module, "SCHEMA_VERSION", 2)
    with pytest.raises(ProjectError) as refused:
        load_project(path)
    assert str(refused.value) == (
        "today.netcanvas: this project was made by a newer NetCanvas (file format 3; this "
        "version reads format 2) — update NetCanvas to open it")


@pytest.mark.parametrize("field", NEW_IN_3)
def test_each_field_a_schema_2_reader_refuses_makes_the_file_schema_3(trainer, tmp_path,
                                                                      field):
    runs = recorded(trainer)
    run = runs[0]
    plain = replace(run, reason_key="", reason_values=(), reason_detail="", continued_from=None)
    second = replace(plain, number=2)
    only = {"continued_from": replace(second, continued_from=1),
            "reason_key": replace(second, reason_key=run.reason_key,
                                  reason_values=run.reason_values),
            "reason_values": replace(second, reason_key=run.reason_key,
                                     reason_values=run.reason_values),
            "reason_detail": replace(second, reason_key="worker_error", ended="error",
                                     reason_detail="FloatingPointError: overflow")}[field]
    path = tmp_path / "one.netcanvas"
    save_project(project(trainer, Runs((plain, only), 2)), path)
    document = stored(path)
    assert field in document["runs"][1] and document["schema_version"] == 3
    assert load_project(path).runs.to_list() == Runs((plain, only), 2).to_list()


def test_a_project_without_such_fields_stays_schema_2(trainer, tmp_path):
    """Untrained, trained without runs, and runs as schema 2 knew them (a free-text reason,
    from fresh weights, renamed, hidden) — with the optimizer's state and a timeline, which
    every schema-2 reader on main opened — are written as before, as schema 2."""
    run = recorded(trainer)[0]
    old_style = replace(run, reason_key="", reason_values=(), name="fast", hidden=True)
    for name, saved in (("untrained", Project(SPEC, SETTINGS, DATA)),
                        ("trained", project(trainer)),
                        ("runs", project(trainer, Runs((old_style,), 1)))):
        path = tmp_path / f"{name}.netcanvas"
        save_project(saved, path)
        document = stored(path)
        assert document["schema_version"] == 2, name
        assert all(set(r) <= SCHEMA_2_RUN_FIELDS for r in document.get("runs", []))
        assert load_project(path).runs.to_list() == saved.runs.to_list()


def test_which_run_fields_need_schema_3_is_decided_for_every_field():
    """A run field added later must be put in NEW_IN_3 (a schema-2 reader refuses it) or be
    one schema 2 knew: this fails when a field is added to FIELDS alone."""
    assert set(FIELDS) - set(NEW_IN_3) == SCHEMA_2_RUN_FIELDS


def test_a_file_from_a_newer_netcanvas_says_to_update(trainer, tmp_path):
    path = tmp_path / "newer.netcanvas"
    save_project(project(trainer, recorded(trainer)), path)
    rewritten(path, lambda d: d.update(schema_version=4, field_of_format_4=1))
    with pytest.raises(ProjectError) as refused:
        load_project(path)
    assert str(refused.value) == (
        "newer.netcanvas: this project was made by a newer NetCanvas (file format 4; this "
        "version reads format 3) — update NetCanvas to open it")


@pytest.mark.parametrize("version", [1, 2, 3])
def test_files_of_every_older_version_open(trainer, tmp_path, version):
    """Schema 1 (its history becomes run 1), schema 2 (also as written before this fix, with
    the new run fields) and schema 3."""
    path = tmp_path / f"v{version}.netcanvas"
    save_project(project(trainer, recorded(trainer)), path)

    def as_written(document):
        document["schema_version"] = version
        if version == 1:
            del document["runs"]

    rewritten(path, as_written)
    loaded = load_project(path)
    (run,) = loaded.runs
    assert run.history.to_dict() == trainer.history.to_dict()
    if version == 1:
        assert (run.ended, run.reason_key) == ("unknown", "before_runs")
    else:
        assert (run.ended, run.reason_key) == ("finished", "finished_epochs")
    again = tmp_path / f"again_v{version}.netcanvas"
    save_project(loaded, again)
    # Saved again unchanged, a file gets the lowest version that describes it: schema 1's
    # run 1 ("recorded before NetCanvas kept runs") is said by its words alone, as schema 2
    # wrote it — a schema-2 reader shows the same (it became 3, which that reader refused);
    # a run of schema 2 or 3 has a reason with values ("finished 3 epochs"), kept by key: 3.
    assert stored(again)["schema_version"] == (2 if version == 1 else 3)
    assert load_project(again).runs.to_list() == loaded.runs.to_list()


def test_a_reason_said_by_its_words_alone_needs_no_key_and_stays_schema_2(trainer, tmp_path):
    """A migrated schema-1 run, and a run the user stopped, have reasons without values: the
    file keeps only their English words (what schema 2 kept and a schema-2 reader shows), and
    reading them back finds the key again, so they are still said in the window's language."""
    path = tmp_path / "v1.netcanvas"
    save_project(project(trainer, recorded(trainer)), path)
    rewritten(path, lambda d: (d.update(schema_version=1), d.pop("runs")))
    migrated = load_project(path)
    path = tmp_path / "again.netcanvas"
    stopped = replace(recorded(trainer)[0], number=2, ended="stopped")
    stopped = with_reason(stopped, "stopped_by_user")
    save_project(replace(migrated, runs=migrated.runs.with_run(stopped)), path)
    document = stored(path)
    assert document["schema_version"] == 2
    assert [(r["reason"], set(r) <= SCHEMA_2_RUN_FIELDS) for r in document["runs"]] == [
        ("recorded before NetCanvas kept runs", True), ("stopped by the user", True)]
    runs = load_project(path).runs
    assert [r.reason_key for r in runs] == ["before_runs", "stopped_by_user"]
    set_language("ko")
    try:
        assert [r.reason_words for r in runs] == ["NetCanvas가 실행 기록을 남기기 전에 기록됨",
                                                  "사용자가 중지했습니다"]
    finally:
        set_language("en")
