"""The exported scripts train as NetCanvas does: the NumPy script and train.py print the
trainer's metrics (same split, shuffling, dropout masks, scaling, update rule, measured the
same way), train.py runs alone (under torchrun: test_train_py_torchrun), and what it writes
goes back into the project."""

from __future__ import annotations

import ast
from dataclasses import replace
from pathlib import Path

import numpy as np
import pytest

from core.engine import optimizers
from core.export import export_project, plan_export
from core.project import load_project, save_project
from core.training import measure
from core.training.trainer import Trainer
from tests.core.export.conftest import (
    EXAMPLES,
    MADE_UP,
    epoch_losses,
    import_file,
    made_up_project,
    printed_metrics,
    run_script,
)


def trainer_metrics(project, epochs: int = 3) -> dict[str, list[float | None]]:
    """Every metric the trainer measured in ``epochs`` more epochs, by its history's names
    (and ``epoch``, their numbers), going on from the project's last run as ``netcanvas
    train`` and the window's Train do."""
    project = replace(project, settings=replace(project.settings, epochs=epochs))
    trainer = Trainer(project.build_network(), project.data.load(), project.settings,
                      history=project.load_history(), continuation=project.continuation)
    trainer.run()
    return {name: values[-epochs:] for name, values in trainer.history.epochs.items()}


#: how closely each export's numbers follow the trainer's: the NumPy script repeats its
#: arithmetic; torch sums in its own order (and float32 matmuls differ in the last bits)
RTOL = {"numpy": 1e-4, "pytorch": 1e-3}
#: where an export goes in a folder, and the script in it that trains
TARGET = {"numpy": "net.py", "pytorch": "torch"}
SCRIPT = {"numpy": "net.py", "pytorch": "torch/train.py"}


def run_export(project, fmt: str, folder: Path, epochs: int = 3) -> str:
    """Export ``project`` as ``fmt`` into ``folder``, train it for ``epochs``: its stdout."""
    folder.mkdir(parents=True, exist_ok=True)
    export_project(project, fmt, folder / TARGET[fmt])
    result = run_script([SCRIPT[fmt], "--epochs", str(epochs)], folder)
    assert result.returncode == 0, result.stderr
    return result.stdout


def assert_the_trainers_metrics(stdout: str, project, fmt: str, epochs: int = 3,
                                values: bool = True) -> None:
    """Every metric the trainer measures in ``epochs`` more epochs was printed, and no other:
    per epoch the training and validation ones, the test ones once after training, each epoch
    numbered as the trainer numbers it; with ``values``, the trainer's numbers."""
    expected = trainer_metrics(project, epochs)
    assert printed_epochs(stdout) == expected.pop("epoch")
    printed = printed_metrics(stdout)
    measured = {name: values for name, values in expected.items() if values[-1] is not None}
    measured.update({name: values[-1:] for name, values in measured.items()
                     if name.startswith("test_")})  # the test part: once, after training
    assert printed.keys() == measured.keys()
    assert {k: len(v) for k, v in printed.items()} == {k: len(v) for k, v in measured.items()}
    if not values:
        return
    assert np.allclose(epoch_losses(stdout), expected["train_loss"], rtol=RTOL[fmt], atol=0)
    for metric, numbers in measured.items():
        assert np.allclose(printed[metric], numbers, rtol=RTOL[fmt], atol=1e-6), metric


@pytest.mark.parametrize("name", EXAMPLES + MADE_UP)
def test_the_numpy_script_reports_the_trainers_metrics(projects, name, tmp_path):
    """The script printed the training loss only; it now prints what the window shows: the
    training and validation loss and accuracy (MSE and R²) per epoch, the test ones at the end,
    the numbers NetCanvas's own trainer measures."""
    stdout = run_export(projects[name], "numpy", tmp_path)
    assert_the_trainers_metrics(stdout, projects[name], "numpy")


@pytest.mark.parametrize("fmt", ["numpy", "pytorch"])
def test_every_part_s_metrics_are_printed(projects, fmt, tmp_path):
    """A split with validation and test rows, classification and regression alike."""
    for name, names in (("spiral", ("loss", "accuracy")), ("dag_regression", ("loss", "mse",
                                                                              "r2"))):
        stdout = run_export(projects[name], fmt, tmp_path / name, epochs=2)
        printed = printed_metrics(stdout)
        for part in ("train", "val", "test"):
            for metric in names:
                assert len(printed[f"{part}_{metric}"]) == (1 if part == "test" else 2)
        assert stdout.splitlines()[-1].startswith("test loss ")


@pytest.mark.parametrize("fmt", ["numpy", "pytorch"])
def test_the_scripts_measure_as_many_rows_at_a_time_as_netcanvas(projects, fmt, tmp_path,
                                                                 monkeypatch):
    """EVAL_ROWS and EVAL_CHUNK were numbers copied into each template: the exports now take
    them from the trainer's measuring when written, so they measure what it measures — here
    the first 50 rows of each part, 16 at a time."""
    for name, value in (("MAX_EVAL_ROWS", 50), ("EVAL_CHUNK", 16)):
        monkeypatch.setattr(measure, name, value)
    project = projects["spiral"]  # 280 training rows, 60 validation and 60 test rows
    stdout = run_export(project, fmt, tmp_path, epochs=2)
    assert_the_trainers_metrics(stdout, project, fmt, epochs=2)
    assert constants(tmp_path / SCRIPT[fmt]) == {"EVAL_ROWS": 50, "EVAL_CHUNK": 16}
    if fmt == "pytorch":  # and the folder's README says so
        assert "on at most the first 50 rows of each part" in " ".join(
            (tmp_path / "torch" / "README.md").read_text(encoding="utf-8").split())


@pytest.mark.parametrize("fmt", ["numpy", "pytorch"])
def test_the_scripts_evaluation_constants_are_the_trainers(projects, fmt, tmp_path):
    export_project(projects["xor_learned"], fmt, tmp_path / TARGET[fmt])
    assert constants(tmp_path / SCRIPT[fmt]) == {"EVAL_ROWS": measure.MAX_EVAL_ROWS,
                                 "EVAL_CHUNK": measure.EVAL_CHUNK}


def constants(script: Path) -> dict[str, object]:
    """The EVAL_ constants a generated script assigns (read, not run: train.py needs torch)."""
    tree = ast.parse(script.read_text(encoding="utf-8"))
    return {node.targets[0].id: ast.literal_eval(node.value) for node in tree.body
            if isinstance(node, ast.Assign) and node.targets[0].id.startswith("EVAL_")}


@pytest.mark.parametrize("optimizer", optimizers.NAMES)
def test_every_update_rule_is_spelled_out_the_same(optimizer, tmp_path, capsys):
    project = made_up_project("dag_classifier", optimizer)
    export_project(project, "numpy", tmp_path / "net.py")
    script = import_file(tmp_path / "net.py", f"net_{optimizer}")
    net = script.train(3)
    reference = replace(project, settings=replace(project.settings, epochs=3))
    trainer = Trainer(reference.build_network(), reference.data.load(), reference.settings)
    trainer.run()
    assert np.allclose(epoch_losses(capsys.readouterr().out),
                       trainer.history.epochs["train_loss"], rtol=1e-4, atol=0)
    # A bias just before batch norm has a gradient of pure rounding noise (the normalisation
    # removes it), which AdaGrad/RMSprop/Adam blow up to full-size steps: leave it out.
    for key, value in trainer.network.params.items():
        if key != "b_h1":
            assert np.allclose(net.params[key], value, rtol=1e-3, atol=1e-4), key


def test_the_cli_log_and_the_script_agree(project_files, tmp_path):
    """The brief's own check: ``netcanvas train --epochs 3 --log`` against ``python PATH``."""
    from gui import cli

    path = project_files["dag_classifier"]
    assert cli.main(["export", str(path), "--format", "numpy", "--out",
                     str(tmp_path / "net.py")]) == 0
    assert cli.main(["train", str(path), "--epochs", "3", "--quiet", "--log",
                     str(tmp_path / "log.csv")]) == 0
    rows = (tmp_path / "log.csv").read_text().splitlines()
    column = rows[0].split(",").index("train_loss")
    logged = [float(row.split(",")[column]) for row in rows[-3:]]
    result = run_script(["net.py", "--epochs", "3"], tmp_path)
    assert np.allclose(epoch_losses(result.stdout), logged, rtol=1e-4, atol=0)


def trained_on(project_file: Path, tmp_path: Path, optimizer: str | None = None):
    """The project as ``netcanvas train --epochs 2 --out`` saves it (with ``optimizer``):
    holding, besides the weights, where its run stopped — the optimizer's state and the
    shuffling and dropout generators."""
    from gui import cli

    if optimizer is not None:
        project = load_project(project_file)
        project_file = tmp_path / "with_optimizer.netcanvas"
        save_project(replace(project, settings=replace(project.settings, optimizer=optimizer),
                             continuation=None), project_file)
    out = tmp_path / "trained.netcanvas"
    assert cli.main(["train", str(project_file), "--epochs", "2", "--quiet", "--out",
                     str(out)]) == 0
    project = load_project(out)
    assert project.continuation is not None and project.continuation.step > 0
    return project


@pytest.mark.parametrize("optimizer", optimizers.NAMES)
def test_the_numpy_script_goes_on_where_the_saved_run_stopped(project_files, optimizer,
                                                             tmp_path):
    """A project trained in the window or by ``netcanvas train --out`` holds where its run
    stopped, and Train goes on from there; the NumPy script started a fresh optimizer and the
    first epoch's shuffle again (Adam: losses 1.0711, 1.0842, 1.0573 against NetCanvas's
    1.0573, 1.0569, 1.0448). It now goes on as Train does: the same losses, metrics and
    weights, dropout masks included; its epochs are numbered on from the project's, as the
    window numbers them (they began at 1 again)."""
    project = trained_on(project_files["dag_classifier"], tmp_path, optimizer)
    stdout = run_export(project, "numpy", tmp_path / "export")
    assert_the_trainers_metrics(stdout, project, "numpy")
    done = project.load_history().n_epochs  # and its epochs count on from the window's
    assert printed_epochs(stdout) == [done + 1, done + 2, done + 3]


def printed_epochs(stdout: str) -> list[int]:
    """The k of every ``epoch <k> …`` line."""
    return [int(line.split()[1]) for line in stdout.splitlines() if line.startswith("epoch ")]


@pytest.mark.parametrize("name", ["xor_learned", "spiral"])
def test_train_py_goes_on_where_the_saved_run_stopped(project_files, name, tmp_path):
    """The same for train.py on one process (momentum, Adam): it takes the optimizer's state
    from optimizer.npz and NetCanvas's shuffling from where the run left it."""
    project = trained_on(project_files[name], tmp_path)
    stdout = run_export(project, "pytorch", tmp_path / "export")
    assert (tmp_path / "export" / "torch" / "optimizer.npz").exists()
    assert_the_trainers_metrics(stdout, project, "pytorch")
    done = project.load_history().n_epochs
    assert printed_epochs(stdout) == [done + 1, done + 2, done + 3]


@pytest.mark.parametrize("name", EXAMPLES + MADE_UP)
def test_train_py_runs_and_matches_netcanvas_on_one_process(projects, name, tmp_path):
    """train.py printed the training loss only; it now prints what the NumPy script prints,
    as NetCanvas's trainer measures it (one process follows NetCanvas's shuffling too). Its
    dropout masks are torch's own, so with dropout only the metrics printed are the same."""
    project = projects[name]
    stdout = run_export(project, "pytorch", tmp_path)
    dropout = any(node.dropout for node in project.spec.nodes)
    assert dropout == (name in ("dag_classifier", "dag_regression"))
    assert_the_trainers_metrics(stdout, project, "pytorch", values=not dropout)


@pytest.mark.parametrize("fmt", ["numpy", "pytorch"])
def test_the_scripts_refuse_fewer_than_one_epoch_in_words(projects, fmt, tmp_path):
    """train.py took --epochs 0 (or -3), trained nothing and still wrote --out, as if it had;
    it now refuses as the NumPy script does, and writes nothing."""
    export_project(projects["spiral"], fmt, tmp_path / TARGET[fmt])
    script = Path(SCRIPT[fmt])
    for epochs in ("0", "-3"):
        result = run_script([script.name, "--epochs", epochs, "--out", "w.npz"]
                            if fmt == "pytorch" else [script.name, "--epochs", epochs],
                            tmp_path / script.parent)
        assert result.returncode == 2
        assert result.stderr.splitlines()[-1].endswith("error: --epochs must be at least 1")
        assert result.stdout == "" and not (tmp_path / script.parent / "w.npz").exists()


def test_train_py_refuses_an_out_file_in_a_missing_folder_before_training(projects, tmp_path):
    """``--out nodir/w.npz`` trained every epoch and then ended in a FileNotFoundError
    traceback, the run lost; the folder is now checked first, in words."""
    export_project(projects["spiral"], "pytorch", tmp_path / "torch")
    result = run_script(["train.py", "--epochs", "1", "--out", "nodir/w.npz"], tmp_path / "torch")
    assert result.returncode == 2 and result.stdout == ""
    assert result.stderr.splitlines()[-1].endswith(
        f"error: --out: the folder {tmp_path / 'torch' / 'nodir'} does not exist")


def test_train_py_handles_float64_batch_norm_and_dropout(projects, tmp_path):
    project = projects["dag_regression"]  # float64, BN on the output, dropout, nesterov
    export_project(project, "pytorch", tmp_path / "torch")
    result = run_script(["train.py", "--epochs", "2", "--out", "w.npz"], tmp_path / "torch")
    assert result.returncode == 0, result.stderr
    losses = epoch_losses(result.stdout)
    assert len(losses) == 2 and all(np.isfinite(losses))
    with np.load(tmp_path / "torch" / "w.npz", allow_pickle=False) as trained:
        assert set(trained.files) == set(project.params) | set(project.state)
        assert trained["W_skip"].dtype == np.float64


def stopping_projects(projects) -> dict[str, object]:
    """The target loss (XOR, learned: float64, stops at 0.05) and early stopping (the spiral
    with a patience of 3, in float64 so both sides compare the same validation losses)."""
    spiral = projects["spiral"]
    patient = replace(spiral.settings, dtype="float64", epochs=300, early_stopping_patience=3,
                      lr=0.3, optimizer="sgd")
    return {"target": projects["xor_learned"], "patience": replace(spiral, settings=patient)}


def trained_epochs(project) -> tuple[list[float], str]:
    """The trainer's training losses of a whole run, and why it ended."""
    trainer = Trainer(project.build_network(), project.data.load(), project.settings)
    outcome = trainer.run()
    return trainer.history.epochs["train_loss"], outcome.reason


@pytest.mark.parametrize("rule", ["target", "patience"])
def test_the_numpy_script_stops_where_netcanvas_stops(projects, rule, tmp_path):
    """The scripts ran every epoch of the settings: XOR, learned went on to 2,000 where the
    window stopped at its target loss after 230."""
    project = stopping_projects(projects)[rule]
    losses, reason = trained_epochs(project)
    assert len(losses) < project.settings.epochs  # the run did stop early
    export_project(project, "numpy", tmp_path / "net.py")
    result = run_script(["net.py"], tmp_path)
    assert result.returncode == 0, result.stderr
    printed = epoch_losses(result.stdout)
    assert len(printed) == len(losses)
    assert np.allclose(printed, losses, rtol=1e-6, atol=0)
    last = next(line for line in result.stdout.splitlines() if line.startswith("stopped: "))
    if rule == "target":
        assert last == f"stopped: reached the target loss 0.05 at epoch {len(losses)}"
        assert reason.startswith("reached the target loss 0.05")
    else:
        assert last.startswith("stopped: the validation loss has not improved for 3 epochs")
        assert reason.startswith("the validation loss has not improved for 3 epochs")


@pytest.mark.parametrize("rule", ["target", "patience"])
def test_train_py_stops_where_netcanvas_stops(projects, rule, tmp_path):
    project = stopping_projects(projects)[rule]
    losses, _reason = trained_epochs(project)
    export_project(project, "pytorch", tmp_path / "torch")
    result = run_script(["train.py"], tmp_path / "torch")
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert len(epoch_losses(result.stdout)) == len(losses)
    stop = next(k for k, line in enumerate(lines) if line.startswith("stopped: "))
    assert lines[stop] == f"stopped: reached the target loss 0.05 at epoch {len(losses)}" \
        if rule == "target" else \
        lines[stop].startswith("stopped: the validation loss has not improved for 3 epochs")
    # after the stop, the test rows' metrics (the spiral has test rows, XOR's four have not)
    tested = plan_export(project).data.parts["test"].n > 0
    assert tested == (rule == "patience")
    assert [line.split()[:2] for line in lines[stop + 1:]] == ([["test", "loss"]] if tested
                                                                 else [])


@pytest.mark.parametrize("optimizer", ["adagrad", "rmsprop", "adam"])
def test_the_numpy_script_s_adaptive_steps_are_netcanvas_s_to_the_last_bit(optimizer, tmp_path,
                                                                          capsys):
    """MNIST-like bytes in float32: the script took Adam's steps in float64 (``np.sqrt`` of a
    number is an ``np.float64``, which lifts a float32 array) and AdaGrad's and RMSprop's in
    another order; the last bits differed from the first step, and these optimizers blow such
    bits up: 784-100-10 on MNIST ended its first epoch with validation accuracy 80.2 %, the
    window and ``netcanvas train`` with 80.4 %. Now the same weights come out, bit for bit."""
    project = made_up_project("images")
    project = replace(project, settings=replace(project.settings, optimizer=optimizer,
                                                optimizer_options={}))
    assert project.settings.dtype == "float32"
    export_project(project, "numpy", tmp_path / "net.py")
    script = import_file(tmp_path / "net.py", f"images_{optimizer}")
    net = script.train(2)
    trainer = Trainer(project.build_network(), project.data.load(), project.settings)
    trainer.run()
    assert epoch_losses(capsys.readouterr().out) == pytest.approx(
        trainer.history.epochs["train_loss"], rel=1e-6)
    for key, value in trainer.network.params.items():
        assert net.params[key].dtype == value.dtype == np.float32, key
        np.testing.assert_array_equal(net.params[key], value, err_msg=key)


def test_the_numpy_script_on_netcanvas_s_blas_threads_gives_its_weights_bit_for_bit(tmp_path):
    """The script's header says: run with OPENBLAS_NUM_THREADS set to NetCanvas's count (one
    fewer than the cores) for NetCanvas's numbers to the last bit — NumPy alone uses every
    core, and MNIST-sized products split over other threads sum in another order (the runs
    drifted apart epoch by epoch), and the bias gradients summed as NetCanvas sums them.
    Checked here as a user would run it: in its own process."""
    from core import NetworkSpec
    from core.datasets.ref import DataRef
    from core.engine import blas
    from core.project import Project
    from core.training.settings import TrainingSettings
    from tests.core.export.conftest import image_bytes

    threads = blas.gui_friendly_threads()
    project = Project(NetworkSpec.mlp([784, 100, 10]),
                      TrainingSettings(epochs=1, batch_size=100, seed=3, split=(1.0, 0.0, 0.0)),
                      DataRef.embedded(image_bytes(1000)))
    export_project(project, "numpy", tmp_path / "net.py")
    header = (tmp_path / "net.py").read_text(encoding="utf-8").split('"""')[1]
    assert "OPENBLAS_NUM_THREADS=3 python this_file.py" in header
    assert "one fewer than\nthe computer has cores" in header
    code = ("import contextlib, io, numpy as np, net\n"
            "with contextlib.redirect_stdout(io.StringIO()):\n"
            "    trained = net.train(1)\n"
            "np.savez('trained.npz', **trained.params)\n")
    result = run_script(["-c", code], tmp_path, env={"OPENBLAS_NUM_THREADS": str(threads)})
    assert result.returncode == 0, result.stderr
    trainer = Trainer(project.build_network(), project.data.load(), project.settings)
    trainer.run()  # on blas.gui_friendly_threads(), as the window and netcanvas train
    with np.load(tmp_path / "trained.npz") as script:
        for key, value in trainer.network.params.items():
            np.testing.assert_array_equal(script[key], value, err_msg=key)
