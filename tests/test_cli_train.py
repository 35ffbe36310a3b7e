"""``netcanvas train``'s targets: an existing ``--out`` or ``--log`` is kept unless
``--force``, a target that cannot be written is refused before the first epoch, and a run
without ``--out`` says that nothing was saved; its own usage for a wrong flag; "1 epoch" in
the singular; the progress bar's loss is called the batch loss (the final line's is the
epoch's)."""

import errno
import os
from dataclasses import replace

import numpy as np
import pytest

from core import i18n
from core.project import load_project
from core.training import trainer as trainer_module
from gui import cli
from resources.examples import example_path


def run(argv, capsys):
    code = cli.main([str(a) for a in argv])
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def epochs_run(monkeypatch):
    """Counts the training steps taken (a refused target must not cost one)."""
    calls = []
    original = trainer_module.Trainer.step

    def counted(self, *args, **kwargs):
        calls.append(self.epoch)
        return original(self, *args, **kwargs)

    monkeypatch.setattr(trainer_module.Trainer, "step", counted)
    return calls


def test_an_existing_out_file_is_kept_unless_force(tmp_path, capsys):
    out = tmp_path / "mine.netcanvas"
    out.write_bytes(b"a trained project of mine")
    argv = ["train", example_path("and_gate"), "--epochs", "2", "--quiet", "--out", out]
    code, stdout, err = run(argv, capsys)
    assert (code, stdout) == (2, "")
    assert err == f"netcanvas: error: {out} exists already; use --force to replace it\n"
    assert out.read_bytes() == b"a trained project of mine"
    code, stdout, err = run([*argv, "--force"], capsys)
    assert (code, err) == (0, "")
    assert stdout.splitlines()[-1] == f"saved {out}"
    assert load_project(out).history["epochs"]["epoch"] == [1, 2]


@pytest.mark.parametrize("option", ["--out", "--log"])
def test_a_target_in_a_missing_folder_is_refused_before_training(option, tmp_path, capsys,
                                                                 epochs_run):
    target = tmp_path / "no" / ("x.netcanvas" if option == "--out" else "x.csv")
    code, out, err = run(["train", example_path("and_gate"), "--epochs", "3", option, target],
                         capsys)
    assert (code, out) == (2, "")
    assert epochs_run == []  # not one epoch trained
    start = "cannot save x.netcanvas" if option == "--out" else f"cannot write the log {target}"
    assert err == f"netcanvas: error: {start}: the folder {target.parent} does not exist\n"


@pytest.mark.parametrize("option", ["--out", "--log"])
def test_a_target_inside_a_file_or_naming_a_folder_is_refused_before_training(
        option, tmp_path, capsys, epochs_run):
    (tmp_path / "file").write_text("x")
    argv = ["train", example_path("and_gate"), "--epochs", "3", "--quiet"]
    code, _, err = run([*argv, option, tmp_path / "file" / "x"], capsys)
    assert code == 2 and err.endswith(f" {tmp_path / 'file'} is a file, not a folder\n")
    code, _, err = run([*argv, option, tmp_path], capsys)
    assert (code, err) == (2, f"netcanvas: error: {tmp_path} is a folder; give a file name\n")
    assert epochs_run == []


def test_train_without_out_says_nothing_was_saved(tmp_path, capsys):
    code, out, _ = run(["train", example_path("and_gate"), "--epochs", "1", "--quiet"], capsys)
    assert code == 0
    assert out.splitlines()[0] == "finished 1 epoch"  # the singular
    assert out.splitlines()[-1] == "not saved: add --out FILE to keep the trained project"
    code, out, _ = run(["train", example_path("and_gate"), "--epochs", "2", "--quiet",
                        "--out", tmp_path / "t.netcanvas"], capsys)
    assert out.splitlines()[0] == "finished 2 epochs"
    assert "not saved" not in out


def test_a_wrong_flag_shows_the_command_s_own_usage(capsys):
    code, out, err = run(["train", "--bogus", "x.netcanvas"], capsys)
    assert (code, out) == (2, "")
    assert err.splitlines()[0].startswith("usage: netcanvas train [-h] [--epochs N]")
    assert err.splitlines()[-1] == "netcanvas train: error: unrecognized arguments: --bogus"
    code, _, err = run(["export", "x.netcanvas", "--format", "onnx", "--out", "x", "-z"], capsys)
    assert code == 2 and err.startswith("usage: netcanvas export")
    assert err.splitlines()[-1] == "netcanvas export: error: unrecognized arguments: -z"
    code, _, err = run(["data", "fetch", "mnist", "--bogus"], capsys)
    assert code == 2 and err.startswith("usage: netcanvas data fetch [-h]")


@pytest.mark.parametrize("epochs", [1, 3])
def test_the_finished_message_is_said_again_in_either_language(epochs):
    project = load_project(example_path("and_gate"))
    settings = replace(project.settings, epochs=epochs)
    outcome = trainer_module.Trainer(project.spec, project.data.load(), settings).run()
    english = "finished 1 epoch" if epochs == 1 else f"finished {epochs} epochs"
    assert outcome.reason == english == outcome.words()
    before = i18n.language()
    try:
        i18n.set_language("ko")
        assert outcome.words() == f"{epochs}에폭을 마쳤습니다"  # in the language of now
    finally:
        i18n.set_language(before)
    assert outcome.words() == english


def test_the_project_itself_is_updated_in_place_without_force(tmp_path, capsys):
    """``--out`` naming the project being trained is not "another file" to protect: the run
    is appended to its runs (as training twice into one file always did)."""
    project = tmp_path / "and.netcanvas"
    project.write_bytes(example_path("and_gate").read_bytes())
    for _ in range(2):
        code, _out, err = run(["train", project, "--epochs", "1", "--quiet", "--out",
                                 tmp_path / "." / "and.netcanvas"], capsys)
        assert (code, err) == (0, "")
    assert len(load_project(project).runs.runs) == 2


def test_an_existing_log_is_kept_unless_force(tmp_path, capsys, epochs_run):
    """``--log`` follows ``--out``'s rule: it overwrote an existing CSV without asking."""
    project = tmp_path / "and.netcanvas"
    project.write_bytes(example_path("and_gate").read_bytes())
    log = tmp_path / "log.csv"
    log.write_text("my earlier run's log\n", encoding="utf-8")
    argv = ["train", project, "--epochs", "2", "--quiet", "--log", log]
    for extra in ([], ["--out", project]):  # updating the project in place needs it too
        code, stdout, err = run([*argv, *extra], capsys)
        assert (code, stdout) == (2, "")
        assert err == f"netcanvas: error: {log} exists already; use --force to replace it\n"
        assert epochs_run == []  # refused before the first epoch
        assert log.read_text(encoding="utf-8") == "my earlier run's log\n"
    code, stdout, err = run([*argv, "--force"], capsys)
    assert (code, err) == (0, "")
    assert log.read_text(encoding="utf-8").splitlines()[0].startswith("epoch,train_loss")
    assert len(log.read_text(encoding="utf-8").splitlines()) == 3  # the header, 2 epochs


def test_force_says_it_replaces_the_log_too(capsys):
    code, stdout, _err = run(["train", "--help"], capsys)
    help_text = " ".join(stdout.split())
    assert code == 0
    assert ("--force replace the --out FILE or the --log CSV if it exists already (--out "
            "naming the project updates it without --force)") in help_text


def test_the_progress_bar_calls_its_loss_the_batch_loss(capsys):
    """The bar said "loss 0.31" (the last mini-batch's) and the final line "train: loss 0.28"
    (the epoch's, on the training rows): the same word for two numbers."""
    code, out, err = run(["train", example_path("and_gate"), "--epochs", "20"], capsys)
    assert code == 0
    lines = err.splitlines()
    assert lines and all(" batch loss " in line for line in lines), err
    assert out.splitlines()[1].startswith("epoch 20 · train: loss ")


def test_the_last_line_says_the_training_speed_not_the_measuring_one(monkeypatch, capsys):
    # an epoch's last mini-batch also measures every part (seconds on MNIST) and the trainer
    # counts that as the batch's time: the run's last line said "721 samples/s" after batches
    # at 85,000; it now keeps the speed of the mini-batches
    import re
    import time

    measure = trainer_module.Trainer._end_epoch

    def slow_measure(self, *args, **kwargs):
        time.sleep(0.3)  # the parts of a large data set, measured
        return measure(self, *args, **kwargs)

    monkeypatch.setattr(trainer_module.Trainer, "_end_epoch", slow_measure)
    code, _, err = run(["train", example_path("spiral"), "--epochs", "1"], capsys)
    assert code == 0
    lines = [line for line in err.splitlines() if "samples/s" in line]
    rates = [int(re.search(r"([\d,]+) samples/s", line)[1].replace(",", "")) for line in lines]
    assert len(rates) >= 3 and lines[-1].startswith("[########################] epoch 1/1")
    assert rates[-1] > max(rates[:-1]) / 10  # the batches' own speed, not a few hundred


def test_a_log_the_full_disk_refuses_leaves_the_earlier_log_whole(tmp_path, capsys, monkeypatch):
    """The log was written in place: a full disk left half a CSV over the earlier run's."""
    project = tmp_path / "and.netcanvas"
    project.write_bytes(example_path("and_gate").read_bytes())
    log = tmp_path / "log.csv"
    log.write_text("my earlier run's log\n", encoding="utf-8")

    def disk_full(_descriptor):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "fsync", disk_full)
    code, _stdout, err = run(["train", project, "--epochs", "2", "--quiet", "--log", log,
                              "--force"], capsys)
    assert code == 2
    assert err == f"netcanvas: error: cannot write the log {log}: the disk is full\n"
    assert log.read_text(encoding="utf-8") == "my earlier run's log\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["and.netcanvas", "log.csv"]


def test_out_and_log_naming_one_file_are_refused_before_training(tmp_path, capsys, epochs_run):
    """``--out X --log X --force`` wrote the log, saved the project over it and said "saved X":
    the CSV was gone. ``--log`` naming the project replaced the project with a CSV."""
    both = tmp_path / "both.netcanvas"
    code, out, err = run(["train", example_path("and_gate"), "--epochs", "2", "--quiet",
                          "--out", both, "--log", both, "--force"], capsys)
    assert (code, out, epochs_run) == (2, "", [])
    assert err == f"netcanvas: error: --out and --log both name {both}; give each a file of " \
                  "its own\n"
    assert not both.exists()
    project = tmp_path / "mine.netcanvas"
    project.write_bytes(example_path("and_gate").read_bytes())
    for extra in ([], ["--out", project]):
        code, out, err = run(["train", project, "--epochs", "2", "--quiet", "--force",
                              "--log", tmp_path / "." / "mine.netcanvas", *extra], capsys)
        assert (code, out, epochs_run) == (2, "", [])
        assert err.endswith("is the project being trained; give the log a file of its own\n")
        assert project.read_bytes() == example_path("and_gate").read_bytes()


def test_out_and_log_naming_one_file_in_korean(tmp_path, capsys, korean):
    both = tmp_path / "both.netcanvas"
    code, out, err = run(["train", example_path("and_gate"), "--out", both, "--log", both],
                         capsys)
    assert (code, out) == (2, "")
    assert err == f"netcanvas: 오류: --out과 --log가 둘 다 {both}입니다. 각각 다른 파일을 " \
                  "지정하세요\n"


@pytest.mark.parametrize(("argv", "option"), [
    (["train", "PROJECT", "--epochs", "2", "--out", ""], "--out"),
    (["train", "PROJECT", "--epochs", "2", "--log", " "], "--log"),
    (["export", "PROJECT", "--format", "numpy", "--out", ""], "--out"),
    (["import-weights", "PROJECT", "", "--out", "x.netcanvas"], "weights"),
    (["check", ""], "project"),
    (["runs", ""], "project")])
def test_an_empty_name_is_refused_in_words(argv, option, capsys, epochs_run):
    """``--out "$OUT"`` with OUT unset: train ran every epoch, saved nothing and exited 0;
    export said "PosixPath('.') has an empty name"; check called "" a folder."""
    argv = [str(example_path("and_gate")) if a == "PROJECT" else a for a in argv]
    assert run(argv, capsys) == (2, "", f"netcanvas: error: {option} is empty; give a name\n")
    assert epochs_run == []


def test_an_empty_name_in_korean(capsys, korean):
    assert run(["train", example_path("and_gate"), "--out", ""], capsys) == (
        2, "", "netcanvas: 오류: --out이(가) 비어 있습니다. 이름을 지정하세요\n")


def test_a_history_of_another_task_starts_afresh_as_in_the_window(tmp_path, capsys):
    """A trained classifier switched to a regression data set: the window's Train starts at
    epoch 1 with a fresh optimizer; `netcanvas train` stopped with "the saved history is for
    classification, the data for regression". It goes by the window's rule now."""
    from core.datasets.ref import DataRef
    from core.project import save_project

    path, out = tmp_path / "switched.netcanvas", tmp_path / "trained.netcanvas"
    assert cli.main(["train", str(example_path("xor_learned")), "--epochs", "2", "--quiet",
                     "--out", str(path)]) == 0
    trained = load_project(path)
    assert trained.load_history().task == "classification" and trained.continuation
    spec = trained.spec.with_node_changed(trained.spec.output.id, activation="identity",
                                          loss="mse")
    save_project(replace(trained, spec=spec, data=DataRef.builtin("gaussian_bumps", 200, 0.05,
                                                                  2)), path)
    capsys.readouterr()
    code, printed, err = run(["train", path, "--epochs", "3", "--quiet", "--out", out], capsys)
    assert (code, err) == (0, "")
    assert printed.startswith("finished 3 epochs\nepoch 3 · train: loss ")
    history = load_project(out).load_history()
    assert history.task == "regression" and history.epochs["epoch"] == [1, 2, 3]


def test_processes_split_the_batches_and_train_the_same_network(tmp_path, capsys):
    """digits_mlp (64-… ReLU, batches of 64) in two processes: the same metrics to the printed
    digit and the same weights up to rounding; a count that is not a whole number ≥ 1 is
    refused in words."""
    outs = {}
    for processes in (1, 2):
        out = tmp_path / f"p{processes}.netcanvas"
        code, stdout, err = run(["train", example_path("digits_mlp"), "--epochs", "2",
                                 "--quiet", "--processes", processes, "--out", out], capsys)
        assert (code, err) == (0, "")
        outs[processes] = (stdout.splitlines()[1], load_project(out).params)
    assert outs[1][0] == outs[2][0]
    for name, value in outs[1][1].items():
        np.testing.assert_allclose(outs[2][1][name], value, atol=1e-5, err_msg=name)
    code, stdout, err = run(["train", example_path("digits_mlp"), "--processes", "0"], capsys)
    assert (code, stdout) == (2, "")
    assert err == "netcanvas: error: --processes must be a whole number from 1 to 64, not 0\n"


def test_processes_asked_for_and_not_given_say_why(tmp_path, capsys):
    """Dropout does not split exactly: the run trains in one process and says so."""
    from core.project import save_project

    project = load_project(example_path("digits_mlp"))
    nodes = tuple(replace(n, dropout=0.2) if n.kind == "hidden" else n
                  for n in project.spec.nodes)
    path = tmp_path / "dropout.netcanvas"
    save_project(replace(project, spec=replace(project.spec, nodes=nodes)), path)
    code, _out, err = run(["train", path, "--epochs", "1", "--quiet", "--processes", "2"],
                          capsys)
    assert (code, err) == (0, "note: trained in one process: batch norm and dropout do not "
                              "split a mini-batch exactly\n")
    code, _out, err = run(["train", path, "--epochs", "1", "--quiet"], capsys)
    assert (code, err) == (0, "")  # not asked for: nothing to say
