"""A run's reason (why it ended) is kept by a language-independent key and values and translated
where shown: a project trained and saved in Korean said "에폭 3회 완료"-like reasons in an
English window, and the command line's ``netcanvas runs`` too. Old files, whose reason is free
text, still load and show it as it is; the file shape only gains two optional fields."""

from __future__ import annotations

import json
import zipfile

import pytest

from core import NetworkSpec, i18n
from core.datasets.ref import DataRef
from core.project import Project, ProjectError, load_project, save_project
from core.training.runs import Runs
from core.training.settings import TrainingSettings
from core.training.trainer import Trainer
from gui import cli

SPEC = NetworkSpec.mlp([2, 4, 2], hidden_activation="tanh")
DATA = DataRef.builtin("moons", n_samples=80, noise=0.1, seed=1)


def saved_in_korean(path, **settings):
    """Train and save a project while the language is Korean (as the window does: the reason
    as the trainer's outcome gives it)."""
    i18n.set_language("ko")
    try:
        trainer = Trainer(SPEC, DATA.load(), TrainingSettings(**settings))
        outcome = trainer.run()
        runs = Runs().record(trainer.settings, trainer.history.copy(), trainer.epoch,
                             outcome.kind, outcome.reason, spec=SPEC, data="Moons",
                             started_at="2026-12-03T01:02:03+00:00", outcome=outcome)
        korean = outcome.reason
    finally:
        i18n.set_language("en")
    save_project(Project(SPEC, TrainingSettings(**settings), DATA, runs=runs), path)
    return korean


def stored_runs(path) -> list[dict]:
    with zipfile.ZipFile(path) as archive:
        return json.loads(archive.read("project.json"))["runs"]


def test_a_reason_made_in_korean_reads_in_english(tmp_path, capsys):
    path = tmp_path / "ko.netcanvas"
    korean = saved_in_korean(path, epochs=3, target_loss=10.0)  # reached after epoch 1
    assert any("\uac00" <= c <= "\ud7a3" for c in korean)
    run = load_project(path).runs[0]
    assert run.reason_words.startswith("reached the target loss 10: training loss ")
    assert run.reason_words.endswith(" at epoch 1")
    stored = stored_runs(path)[0]
    # extended, not renamed: "reason" is still text (English now), the key and values beside
    assert stored["reason"] == run.reason_words
    assert stored["reason_key"] == "target_reached"
    assert set(stored["reason_values"]) == {"target", "loss", "epoch"}
    assert stored["reason_values"]["epoch"] == 1
    assert cli.main(["runs", str(path)]) == 0
    out = capsys.readouterr().out
    assert "(reached the target loss 10: training loss " in out
    assert not any("\uac00" <= c <= "\ud7a3" for c in out)

    i18n.set_language("ko")  # and the same file in Korean
    try:
        assert run.reason_words.startswith("목표 손실")
        assert cli.main(["runs", str(path)]) == 0
        assert "(목표 손실" in capsys.readouterr().out
    finally:
        i18n.set_language("en")


def test_a_plain_finish_is_not_repeated_in_the_runs_line(tmp_path, capsys):
    path = tmp_path / "done.netcanvas"
    saved_in_korean(path, epochs=2)
    assert load_project(path).runs[0].reason_words == "finished 2 epochs"
    assert cli.main(["runs", str(path)]) == 0
    assert "  finished  loss " in capsys.readouterr().out
    assert stored_runs(path)[0]["reason_values"] == {"n": 2}


def rewritten(path, edit) -> None:
    with zipfile.ZipFile(path) as archive:
        files = {name: archive.read(name) for name in archive.namelist()}
    project = json.loads(files["project.json"])
    edit(project["runs"][0])
    files["project.json"] = json.dumps(project).encode()
    with zipfile.ZipFile(path, "w") as archive:
        for name, data in files.items():
            archive.writestr(name, data)


def test_an_old_files_free_text_reason_is_shown_as_it_is(tmp_path, capsys):
    path = tmp_path / "old.netcanvas"
    saved_in_korean(path, epochs=2)

    def old(run: dict) -> None:  # saved before runs kept keys, in Korean
        del run["reason_key"], run["reason_values"]
        run["reason"] = "사용자가 중지함"
    rewritten(path, old)
    run = load_project(path).runs[0]
    assert (run.reason_key, run.reason_words) == ("", "사용자가 중지함")
    assert cli.main(["runs", str(path)]) == 0
    assert "(사용자가 중지함)" in capsys.readouterr().out


def test_an_unknown_key_or_values_that_do_not_fit_show_the_stored_text(tmp_path):
    path = tmp_path / "newer.netcanvas"
    saved_in_korean(path, epochs=2)
    rewritten(path, lambda run: run.update(reason_key="from_a_newer_version",
                                           reason="ended by a newer NetCanvas"))
    assert load_project(path).runs[0].reason_words == "ended by a newer NetCanvas"
    rewritten(path, lambda run: run.update(reason_key="finished_epochs",
                                           reason_values={"epochs": 2}))
    assert load_project(path).runs[0].reason_words == "ended by a newer NetCanvas"


@pytest.mark.parametrize("values", [[1, 2], {"n": "two"}, {"n": True},
                                    {"n": 10**400}])  # was Python's OverflowError, a traceback
def test_bad_reason_values_are_refused_in_a_sentence(tmp_path, values):
    path = tmp_path / "bad.netcanvas"
    saved_in_korean(path, epochs=2)
    rewritten(path, lambda run: run.update(reason_values=values))
    with pytest.raises(ProjectError, match="'reason_values' must be an object of names and "
                                           "numbers"):
        load_project(path)


def failed_run(error: str) -> Runs:
    """A run whose worker failed with ``error`` after one epoch (as the window records it)."""
    trainer = Trainer(SPEC, DATA.load(), TrainingSettings(epochs=1))
    trainer.run()
    return Runs().record(trainer.settings, trainer.history.copy(), 1, "stopped",
                         "training failed: " + error, error=error, spec=SPEC, data="Moons",
                         started_at="2026-12-03T01:02:03+00:00")


def test_an_error_is_a_reason_in_words_with_the_error_as_its_detail(tmp_path, capsys):
    """A run the worker's error ended kept the raw error as its reason ("FloatingPointError:
    a broken layer"), in no language: it says "training stopped by an error: …" now,
    translated where shown, the error's own text kept as it was."""
    path = tmp_path / "failed.netcanvas"
    save_project(Project(SPEC, TrainingSettings(), DATA,
                         runs=failed_run("FloatingPointError: a broken layer")), path)
    stored = stored_runs(path)[0]
    assert (stored["ended"], stored["reason_key"], stored["reason_values"],
            stored["reason_detail"]) == ("error", "worker_error", {},
                                         "FloatingPointError: a broken layer")
    assert stored["reason"] == "training stopped by an error: FloatingPointError: a broken layer"
    run = load_project(path).runs[0]
    assert run.reason_words == stored["reason"]
    i18n.set_language("ko")
    try:
        korean = "오류로 학습이 중지되었습니다: FloatingPointError: a broken layer"
        assert run.reason_words == korean
        assert cli.main(["runs", str(path)]) == 0
        assert f"({korean})" in capsys.readouterr().out
    finally:
        i18n.set_language("en")


def test_a_long_error_of_many_lines_still_opens(tmp_path):
    """The error was the reason as it was: over 200 characters, or of two lines, the saved
    project could not be opened again ("'reason' must be one line of text …")."""
    error = "ValueError: shapes do not match\n" + "x" * 400
    path = tmp_path / "failed.netcanvas"
    save_project(Project(SPEC, TrainingSettings(), DATA, runs=failed_run(error)), path)
    run = load_project(path).runs[0]
    assert run.reason_detail.startswith("ValueError: shapes do not match xxx")
    assert run.reason_detail.endswith("x…")
    assert len(run.reason) == 200 and run.reason.endswith("x…")
    assert run.reason_words == run.reason


def test_a_run_without_a_detail_is_stored_as_before(tmp_path):
    """The file's shape only gains an optional field: a run that did not fail has none."""
    path = tmp_path / "done.netcanvas"
    saved_in_korean(path, epochs=2)
    assert "reason_detail" not in stored_runs(path)[0]


def test_a_reason_with_an_infinite_value_still_saves(tmp_path):
    """Early stopping whose validation loss was never finite ended "best inf at epoch 0":
    the value went into ``reason_values`` and every save, autosave and recovery copy of the
    project failed (a project's JSON holds no infinity). The sentence is kept as text."""
    import math

    from core.training.runs import with_reason

    runs = failed_run("unused")
    run = with_reason(runs[0], "early_stopped", patience=3, best=math.inf, epoch=0)
    path = tmp_path / "early.netcanvas"
    save_project(Project(SPEC, TrainingSettings(), DATA,
                         runs=runs.without(1).with_run(run, 0)), path)
    stored = stored_runs(path)[0]
    assert "reason_key" not in stored and "reason_values" not in stored
    assert stored["reason"] == ("the validation loss has not improved for 3 epochs "
                                "(best inf at epoch 0)")
    assert load_project(path).runs[0].reason_words == stored["reason"]


@pytest.mark.parametrize("value", ["Infinity", "NaN"])
def test_an_infinite_stored_value_is_refused_in_a_sentence(tmp_path, value):
    path = tmp_path / "early.netcanvas"
    save_project(Project(SPEC, TrainingSettings(), DATA, runs=failed_run("x")), path)
    rewritten(path, lambda run: run.update(reason_key="early_stopped", reason_values={
        "patience": 3, "best": float(value.replace("Infinity", "inf")), "epoch": 0}))
    with pytest.raises(ProjectError, match="'reason_values' must be an object of names and "
                                           "numbers"):
        load_project(path)
