"""The ``netcanvas`` command line: train and check headless, exit codes a script can rely on,
one-line errors, and the window started lazily."""

import csv
import os
import subprocess
import sys
import types
from dataclasses import replace
from pathlib import Path

import numpy as np
import pytest

from core.project import load_project, save_project
from gui import cli
from resources.examples import example_names, example_path

ROOT = Path(__file__).resolve().parents[1]


def run(argv, capsys):
    code = cli.main(argv)
    out, err = capsys.readouterr()
    return code, out, err


def test_check_a_valid_project(capsys):
    code, out, err = run(["check", str(example_path("spiral"))], capsys)
    assert code == 0 and err == ""
    assert out.splitlines() == [
        "ok: Spiral",
        "  network: 4 nodes, 3 connections, 1,218 parameters; not trained yet",
        "  data: Spiral (classification; train 280, validation 60, test 60)",
    ]


def test_check_a_broken_project_prints_one_line_and_exits_2(tmp_path, capsys):
    path = tmp_path / "broken.netcanvas"
    path.write_text("not a project")
    code, out, err = run(["check", str(path)], capsys)
    assert code == 2 and out == ""
    assert err == ("netcanvas: error: broken.netcanvas: this is not a NetCanvas project file "
                   "(it is not a zip archive)\n")


def test_check_reports_a_network_that_does_not_fit_its_data(tmp_path, capsys):
    project = load_project(example_path("spiral"))
    project.spec = project.spec.with_node_changed("0", units=3)
    path = tmp_path / "misfit.netcanvas"
    save_project(project, path)
    code, _, err = run(["check", str(path)], capsys)
    assert code == 2
    assert err == ("netcanvas: error: the data has 2 feature columns but the input node takes 3 "
                   "units: give it 2 units or choose its features\n")


def test_train_saves_the_trained_project_and_a_log(tmp_path, capsys):
    out_path, log_path = tmp_path / "xor.netcanvas", tmp_path / "xor.csv"
    code, out, err = run(["train", str(example_path("xor_learned")), "--epochs", "40",
                          "--out", str(out_path), "--log", str(log_path)], capsys)
    assert code == 0
    lines = out.splitlines()
    assert lines[0] == "finished 40 epochs"
    assert lines[1].startswith("epoch 40 · train: loss ") and "accuracy" in lines[1]
    assert lines[2] == f"saved {out_path}"
    assert "epoch 40/40" in err  # the progress bar, on stderr
    trained = load_project(out_path)
    assert trained.params is not None and len(trained.history["epochs"]["epoch"]) == 40
    with open(log_path, newline="") as handle:
        rows = list(csv.reader(handle))
    assert rows[0][:3] == ["epoch", "train_loss", "train_accuracy"]
    assert len(rows) == 41 and rows[-1][0] == "40" and rows[-1][3] == ""  # no validation part
    # Training again continues from the saved weights and history.
    code, out, _ = run(["train", str(out_path), "--epochs", "5", "--quiet"], capsys)
    assert code == 0 and out.splitlines()[1].startswith("epoch 45 ·")
    code, out, _ = run(["train", str(out_path), "--epochs", "5", "--quiet", "--fresh"], capsys)
    assert code == 0 and out.splitlines()[1].startswith("epoch 5 ·")


def test_train_leaves_the_input_file_alone(tmp_path, capsys):
    path = tmp_path / "and.netcanvas"
    path.write_bytes(example_path("and_gate").read_bytes())
    before = path.read_bytes()
    code, _, _ = run(["train", str(path), "--epochs", "2", "--quiet"], capsys)
    assert code == 0 and path.read_bytes() == before


def test_a_diverging_run_exits_1_with_the_reason(tmp_path, capsys):
    project = load_project(example_path("spiral"))
    project.settings = replace(project.settings, optimizer="sgd", lr=1000.0, epochs=5)
    path = tmp_path / "hot.netcanvas"
    save_project(project, path)
    code, out, err = run(["train", str(path), "--quiet"], capsys)
    assert code == 1
    assert out.startswith("loss became NaN at epoch 2 — learning rate 1000 is probably too high")
    # "reset the weights" is the window's button; the command line's is --fresh
    assert out.splitlines()[1] == ("  on the command line: --lr RATE sets a lower rate, --fresh "
                                   "starts from new weights")
    assert "Traceback" not in err and "Warning" not in err


def test_weights_that_are_not_numbers_are_refused_before_training(tmp_path, capsys):
    """A project whose weights were NaN "diverged" at its first step: "learning rate 1 is
    probably too high; lower it", and exit code 1 as for a failed run. It is bad input, said
    before any epoch; --fresh is the way on."""
    project = load_project(example_path("xor_learned"))
    params = {name: np.full_like(value, np.nan) if name == "W2" else value
              for name, value in project.build_network().params.items()}
    path, out_path = tmp_path / "nan.netcanvas", tmp_path / "out.netcanvas"
    save_project(replace(project, params=params), path)
    code, out, err = run(["train", str(path), "--quiet", "--out", str(out_path)], capsys)
    assert (code, out) == (2, "")
    assert err == ("netcanvas: error: the weights are not numbers: W2 holds NaN or infinite "
                   "values, so training cannot start from it — reset the weights to draw new "
                   "ones (on the command line: --fresh starts from new weights)\n")
    assert not out_path.exists()
    code, out, _ = run(["check", str(path)], capsys)  # the file is valid: check says why
    assert code == 0 and out.splitlines()[3] == "  cannot train: " + err.split("error: ", 1)[1][:-1]
    code, out, _ = run(["train", str(path), "--quiet", "--fresh", "--epochs", "3"], capsys)
    assert code == 0 and out.startswith("finished 3 epochs")


@pytest.mark.parametrize("argv", [["train"], ["train", "x.netcanvas", "--epochs", "many"],
                                  ["check", "a", "b"]])
def test_usage_errors_exit_2(argv, capsys):
    code, _, err = run(argv, capsys)
    assert code == 2 and "usage: netcanvas" in err


def test_bad_epochs_and_unwritable_log(tmp_path, capsys):
    example = str(example_path("and_gate"))
    code, _, err = run(["train", example, "--epochs", "0"], capsys)
    assert (code, err) == (2, "netcanvas: error: --epochs must be a whole number from 1 to "
                              "10,000,000, not 0\n")
    code, _, err = run(["train", example, "--epochs", "9" * 60], capsys)  # was "epochs must …"
    assert (code, err) == (2, "netcanvas: error: --epochs must be a whole number from 1 to "
                              "10,000,000, not 999999999999999999999999999999999999999…\n")
    code, _, err = run(["train", example, "--epochs", "1", "--quiet", "--log",
                        str(tmp_path / "no" / "such" / "dir.csv")], capsys)
    assert code == 2 and err.startswith("netcanvas: error: cannot write the log ")


@pytest.mark.parametrize("rate", ["0", "-0.1", "nan", "inf", "5000"])
def test_a_learning_rate_that_cannot_be_used_is_refused_in_words(rate, tmp_path, capsys):
    """`train --lr 0` is bad input, said as --epochs 0 is (exit 2, one line), and trains
    nothing; a usable rate is the one the run trains with. The range is the window's (5000
    trained although the window's box refused anything above 100)."""
    example = str(example_path("and_gate"))
    out = tmp_path / "trained.netcanvas"
    code, _, err = run(["train", example, "--lr", rate, "--epochs", "1", "--quiet",
                        "--out", str(out)], capsys)
    assert (code, err) == (2, "netcanvas: error: --lr must be a number from 1e-10 to 1000, "
                              "such as 0.01 (at 0 the weights would never change)\n")
    assert not out.exists()
    code, _, _ = run(["train", example, "--lr", "0.125", "--epochs", "1", "--quiet",
                      "--out", str(out)], capsys)
    assert code in (0, 1) and load_project(out).settings.lr == 0.125


def test_the_learning_rate_s_help_gives_the_range_its_error_gives(capsys):
    """``train --help`` said "above 0" while 1e-10 and 1000 bound it."""
    assert cli.main(["train", "--help"]) == 0
    help_text = " ".join(capsys.readouterr().out.split())
    assert "--lr RATE train with this learning rate, from 1e-10 to 1000" in help_text


def test_help_documents_the_exit_codes(capsys):
    code, out, _ = run(["--help"], capsys)
    assert code == 0
    assert "exit codes:" in out and "training failed" in out and "bad input" in out
    # netcanvas --self-test exits 1 naming what is missing; the table did not say so
    assert " ".join(out.split()).count("1 training failed (the loss became NaN or infinite), "
                                       "the window could not start, or the self-test found a "
                                       "problem 2 bad input") == 1
    assert all(command in out for command in ("train", "check", "gui"))
    code, out, _ = run(["train", "--help"], capsys)
    assert code == 0 and "--epochs N" in out and "exit codes:" not in out
    assert out.endswith("\nExit codes: see netcanvas --help.\n")


def test_the_default_command_opens_the_window_lazily(monkeypatch):
    calls = []
    fake = types.ModuleType("gui.app")
    fake.main = lambda argv: calls.append(argv) or 0
    monkeypatch.setitem(sys.modules, "gui.app", fake)
    assert cli.main([]) == 0
    assert cli.main(["my.netcanvas"]) == 0
    assert cli.main(["--example", "xor_learned"]) == 0
    assert calls == [[], ["my.netcanvas"], ["--example", "xor_learned"]]


def test_an_unknown_example_is_refused_in_the_terminal_not_in_a_dialog(tmp_path):
    """`netcanvas --example bogus` opened a dialog ("There is no example called 'bogus'.")
    that Ctrl+C and kill left open: only SIGKILL ended the process (it never ended here: no
    screen to click on). Now one line names the examples and the exit code is 2, no click."""
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "NETCANVAS_LANG": "en",
           "NETCANVAS_DATA_DIR": str(tmp_path), "XDG_CONFIG_HOME": str(tmp_path)}
    for argv in (["--example", "bogus"], ["gui", "--example", "bogus"]):
        result = subprocess.run([sys.executable, "-m", "gui.cli", *argv], cwd=ROOT, env=env,
                                capture_output=True, text=True, timeout=60)
        assert result.returncode == 2
        assert result.stderr == ("netcanvas: error: there is no example called 'bogus'; the "
                                 f"examples are: {', '.join(example_names())}\n")
        assert "xor_learned" in example_names()


def test_the_command_runs_as_a_process_without_loading_qt():
    code = ("import sys; from gui import cli; "
            "rc = cli.main(['check', sys.argv[1]]); "
            "bad = [m for m in sys.modules if m.split('.')[0] in ('PySide6', 'pyqtgraph')]; "
            "print(bad); sys.exit(rc)")
    result = subprocess.run([sys.executable, "-c", code, str(example_path("or_gate"))],
                            cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[0] == "ok: OR gate perceptron"
    assert result.stdout.splitlines()[-1] == "[]"
    missing = subprocess.run([sys.executable, "-m", "gui.cli", "check", "missing.netcanvas"],
                             cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert missing.returncode == 2
    assert missing.stderr == "netcanvas: error: missing.netcanvas: the file does not exist\n"


def test_bench_subcommand_prints_every_workload(capsys, monkeypatch):
    from core.engine import bench

    monkeypatch.setattr(bench, "WORKLOADS", (((2, 4, 2), 4), ((3, 5, 2), 8)))
    assert cli.main(["bench", "--rounds", "1", "--seconds", "0.01", "--no-torch",
                     "--epoch-rows", "300"]) == 0
    out = capsys.readouterr().out
    assert "2-4-2 (batch 4)" in out and "3-5-2 (batch 8)" in out
    assert "GEMM rate" in out
    assert "784-100-10 epoch on 300 MNIST-sized rows" in out


def test_bench_rejects_nonsense_options(capsys):
    assert cli.main(["bench", "--rounds", "0"]) == 2
    assert "--rounds must be at least 1" in capsys.readouterr().err
    assert cli.main(["bench", "--epoch-rows", "-1"]) == 2
    assert "--epoch-rows not negative" in capsys.readouterr().err
    for seconds in ("inf", "1e400"):  # above 0: each contender's round went on for ever
        assert cli.main(["bench", "--seconds", seconds]) == 2
        assert capsys.readouterr().err == "netcanvas: error: --seconds is too large a number\n"


def test_a_mistyped_command_is_named_with_the_closest_one(monkeypatch, tmp_path, capsys):
    """`netcanvas chek x.netcanvas` said "unrecognized arguments: x.netcanvas" (the word went to
    the window as its project) and `netcanvas bogus` opened the window."""
    opened = []
    fake = types.ModuleType("gui.app")
    fake.main = lambda argv: opened.append(argv) or 0
    monkeypatch.setitem(sys.modules, "gui.app", fake)
    code, out, err = run(["chek", str(example_path("xor_learned"))], capsys)
    assert (code, out, err) == (
        2, "", "netcanvas: unknown command 'chek' (did you mean 'check'?)\n")
    code, _, err = run(["expot", "--format", "onnx"], capsys)
    assert (code, err) == (2, "netcanvas: unknown command 'expot' (did you mean 'export'?)\n")
    code, _, err = run(["bogus"], capsys)
    assert (code, err) == (2, "netcanvas: unknown command 'bogus' (see netcanvas --help)\n")
    assert opened == []
    # a project still opens the window: an existing file of any name, a .netcanvas name or a
    # path (the window says if it is missing), and a command's name is a command even when a
    # file of that name is here
    saved = tmp_path / "my project"
    saved.write_bytes(example_path("xor_learned").read_bytes())
    monkeypatch.chdir(tmp_path)
    (tmp_path / "runs").write_text("")
    for argv in (["my project"], ["missing.NETCANVAS"], [str(tmp_path / "gone")]):
        assert cli.main(argv) == 0
    assert opened == [["my project"], ["missing.NETCANVAS"], [str(tmp_path / "gone")]]
    code, _, err = run(["runs"], capsys)
    assert code == 2 and "usage: netcanvas runs" in err and opened[-1] != ["runs"]


@pytest.mark.parametrize("argv", [["check", "digits_mlp"], ["explain", "digits_mlp"],
                                  ["export", "digits_mlp", "--format", "onnx", "--out", "x.onnx"]])
def test_ctrl_c_in_any_command_is_one_line_and_exit_130(argv, monkeypatch, capsys):
    """Only `train` caught Ctrl+C; `check`, `explain` and `export` printed a traceback."""
    def interrupted(*args, **kwargs):
        raise KeyboardInterrupt

    path = str(example_path(argv[1]))
    for module in ("gui.cli_train", "gui.cli_check", "gui.cli_explain", "gui.cli_export"):
        monkeypatch.setattr(f"{module}.load_project", interrupted)
    code, out, err = run([argv[0], path, *argv[2:]], capsys)
    assert (code, out, err) == (130, "", "netcanvas: interrupted\n")


def test_ctrl_c_in_train_closes_the_progress_line_first(monkeypatch, capsys):
    from core.training import trainer

    def interrupted(self, callback=None, processes=1):
        callback(types.SimpleNamespace(epoch=1, batch=1, batches_per_epoch=2, loss=0.5,
                                       samples_per_second=10.0, eta_seconds=None,
                                       outcome=None))
        raise KeyboardInterrupt

    monkeypatch.setattr(trainer.Trainer, "run", interrupted)
    code, out, err = run(["train", str(example_path("xor_learned"))], capsys)
    assert code == 130 and out == ""
    assert err.endswith("loss 0.5  10 samples/s\nnetcanvas: interrupted\n")


def test_check_says_what_it_shows_in_words(capsys):
    code, out, _ = run(["check", str(example_path("overfitting"))], capsys)
    assert code == 0
    assert out.splitlines()[2:] == [
        "  data: Handwritten digits 8×8 (classification; train 300, validation 90, test 1,407)",
        "  shown on purpose, not warned about: 58,010 parameters for 300 training rows and no "
        "regularisation: expect to overfit"]
    code, out, _ = run(["check", str(example_path("and_gate"))], capsys)
    assert out.splitlines()[1] == (
        "  network: 2 nodes, 1 connection, 3 parameters; weights saved with the project, no "
        "training recorded")


def fresh_project(tmp_path):
    """A new network saved from the window: the document's fresh random weights, no run."""
    import numpy as np

    from core.engine.params import fresh_params

    project = load_project(example_path("spiral"))
    project.params = fresh_params(project.spec, np.random.default_rng(7))
    path = tmp_path / "fresh.netcanvas"
    save_project(project, path)
    return path


def test_check_does_not_call_fresh_random_weights_set_by_hand(tmp_path, capsys):
    # the walkthrough saw "weights set by hand" for a project saved with a new network's
    # random weights: the file holds weights and no history either way
    code, out, _ = run(["check", str(fresh_project(tmp_path))], capsys)
    assert code == 0
    assert out.splitlines()[1].endswith(
        "parameters; weights saved with the project, no training recorded")


def test_check_says_saved_weights_in_korean(tmp_path, capsys, korean):
    code, out, _ = run(["check", str(fresh_project(tmp_path))], capsys)
    assert code == 0
    assert out.splitlines()[1].endswith("; 프로젝트에 저장된 가중치, 학습 기록 없음")


def test_an_error_without_text_is_a_sentence_not_an_empty_line(monkeypatch, capsys):
    """A command that failed with an error that has no text printed "netcanvas: error: " and
    nothing after it."""
    def failing(args, argv):
        raise ValueError()

    monkeypatch.setitem(cli.HANDLERS, "check", failing)
    code, out, err = run(["check", str(example_path("spiral"))], capsys)
    assert code == 2 and out == ""
    assert err == "netcanvas: error: an unexpected error that gave no description\n"


def test_the_root_folder_given_as_a_project_is_named(capsys):
    """``netcanvas runs /`` said ": this is a folder, not a project file" (the root has no
    name of its own)."""
    assert cli.main(["runs", "/"]) == 2
    assert capsys.readouterr().err == (
        "netcanvas: error: /: this is a folder, not a project file\n")


@pytest.mark.parametrize("command", ["check", "train"])
def test_a_moved_data_file_says_what_a_command_line_user_can_do(command, tmp_path, capsys):
    """There is no Data panel on the command line: put the file back, or locate it in the
    window (where it is the Data set part of the Build panel)."""
    from core import NetworkSpec
    from core.datasets.ref import import_file
    from core.project import Project
    from core.training.settings import TrainingSettings

    data = tmp_path / "points.csv"
    data.write_text("a,b,label\n" + "".join(f"{i},{i % 3},{'xy'[i % 2]}\n" for i in range(40)))
    ref = import_file(data, embed=False)
    path = tmp_path / "p.netcanvas"
    save_project(Project(NetworkSpec.mlp([2, 2]), TrainingSettings(), ref), path)
    data.rename(tmp_path / "moved.csv")
    code, _out, err = run([command, str(path), "--quiet"] if command == "train"
                         else [command, str(path)], capsys)
    assert code == 2 and "Data panel" not in err
    assert "no longer there" in err and "put the original file back at that path" in err
    assert "`netcanvas gui PROJECT`; the Data set part of the Build panel" in err
