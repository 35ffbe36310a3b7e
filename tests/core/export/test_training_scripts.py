"""The exported scripts train as NetCanvas does: the NumPy script prints the trainer's training
losses (same split, shuffling, dropout masks, scaling, update rule), train.py runs alone and
under torchrun, and what it writes goes back into the project."""

from __future__ import annotations

import shutil
import sys
from dataclasses import replace
from pathlib import Path

import numpy as np
import pytest

from core.engine import optimizers
from core.export import export_project, plan_export, with_weights
from core.project import load_project, save_project
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


def trainer_losses(project, epochs: int = 3) -> list[float]:
    """The training losses ``netcanvas train PROJECT --epochs N`` reports."""
    project = replace(project, settings=replace(project.settings, epochs=epochs))
    trainer = Trainer(project.build_network(), project.data.load(), project.settings,
                      history=project.load_history())
    trainer.run()
    return trainer.history.epochs["train_loss"][-epochs:]


def trainer_metrics(project, epochs: int = 3) -> dict[str, list[float | None]]:
    """Every metric the trainer measured in ``epochs`` more epochs, by its history's names."""
    project = replace(project, settings=replace(project.settings, epochs=epochs))
    trainer = Trainer(project.build_network(), project.data.load(), project.settings,
                      history=project.load_history())
    trainer.run()
    return {name: values[-epochs:] for name, values in trainer.history.epochs.items()
            if name != "epoch"}


@pytest.mark.parametrize("name", EXAMPLES + MADE_UP)
def test_the_numpy_script_reports_the_trainers_metrics(projects, name, tmp_path):
    """The script printed the training loss only; it now prints what the window shows: the
    training and validation loss and accuracy (MSE and R²) per epoch, the test ones at the end,
    the numbers NetCanvas's own trainer measures."""
    project = projects[name]
    export_project(project, "numpy", tmp_path / "net.py")
    result = run_script(["net.py", "--epochs", "3"], tmp_path)
    assert result.returncode == 0, result.stderr
    expected = trainer_metrics(project)
    assert np.allclose(epoch_losses(result.stdout), expected["train_loss"], rtol=1e-4, atol=0)
    printed = printed_metrics(result.stdout)
    measured = {name: values for name, values in expected.items() if values[-1] is not None}
    measured.update({name: values[-1:] for name, values in measured.items()
                     if name.startswith("test_")})  # the test part: once, after training
    assert printed.keys() == measured.keys()
    for metric, values in measured.items():
        assert np.allclose(printed[metric], values, rtol=1e-4, atol=1e-6), metric


def test_every_part_s_metrics_are_printed(projects, tmp_path):
    """A split with validation and test rows, classification and regression alike."""
    for name, names in (("spiral", ("loss", "accuracy")), ("dag_regression", ("loss", "mse",
                                                                              "r2"))):
        export_project(projects[name], "numpy", tmp_path / f"{name}.py")
        result = run_script([f"{name}.py", "--epochs", "2"], tmp_path)
        assert result.returncode == 0, result.stderr
        printed = printed_metrics(result.stdout)
        for part in ("train", "val", "test"):
            for metric in names:
                assert len(printed[f"{part}_{metric}"]) == (1 if part == "test" else 2)
        assert result.stdout.splitlines()[-1].startswith("test loss ")


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


def test_train_py_runs_and_matches_netcanvas_on_one_process(projects, tmp_path):
    project = projects["spiral"]
    export_project(project, "pytorch", tmp_path / "torch")
    result = run_script(["train.py", "--epochs", "2"], tmp_path / "torch")
    assert result.returncode == 0, result.stderr
    # One process follows NetCanvas's shuffling too, so the losses match closely.
    assert np.allclose(epoch_losses(result.stdout), trainer_losses(project, 2), rtol=1e-3)


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


@pytest.mark.slow
def test_torchrun_trains_on_two_processes_and_import_weights_takes_it_back(project_files,
                                                                            tmp_path):
    torchrun = Path(sys.executable).with_name("torchrun")
    if not torchrun.exists():
        torchrun = shutil.which("torchrun")
    path = project_files["dag_classifier"]
    folder = tmp_path / "torch"
    export_project(load_project(path), "pytorch", folder)
    result = run_script(["-m", "torch.distributed.run", "--standalone", "--nproc_per_node=2",
                         "train.py", "--epochs", "2", "--out", "w.npz"], folder, timeout=600)
    assert result.returncode == 0, result.stderr[-3000:]
    assert len(epoch_losses(result.stdout)) == 2
    project = with_weights(load_project(path), folder / "w.npz")
    save_project(project, tmp_path / "back.netcanvas")
    back = load_project(tmp_path / "back.netcanvas")
    with np.load(folder / "w.npz", allow_pickle=False) as trained:
        for name, array in back.params.items():
            assert np.allclose(array, trained[name])
        assert set(back.state) == {"mean_h1", "var_h1"}
    # The weights moved, and the project answers with them.
    before = plan_export(load_project(path))
    after = plan_export(back)
    x = before.dataset.x
    assert not np.allclose(before.netcanvas_output(x), after.netcanvas_output(x))


class RecordingGroup:
    """torch.distributed as a process of a two-process run sees it, recording its calls (the
    other process stops where this one does: it sees the same losses)."""

    def __init__(self) -> None:
        self.calls: list[str] = []

    def __getattr__(self, name: str):
        return lambda *args, **kwargs: self.calls.append(name)


@pytest.mark.parametrize("rule", ["target", "patience", "epochs"])
def test_every_process_of_train_py_meets_the_others_before_leaving(projects, rule, tmp_path,
                                                                   monkeypatch):
    """Under torchrun, rank 1 once aborted in gloo's teardown ("terminate called without an
    active exception"): each process now waits at a barrier before destroying the group, on
    every way a run ends — the target loss, early stopping, the last epoch."""
    import torch

    project = {**stopping_projects(projects), "epochs": projects["spiral"]}[rule]
    export_project(project, "pytorch", tmp_path / "torch")
    monkeypatch.delitem(sys.modules, "model", raising=False)  # this export's model.py
    script = import_file(tmp_path / "torch" / "train.py", f"train_{rule}")
    group = RecordingGroup()
    monkeypatch.setattr(script, "dist", group)
    monkeypatch.setattr(torch.nn.parallel, "DistributedDataParallel",
                        lambda model, device_ids=None: model)
    for name, value in (("WORLD_SIZE", "2"), ("RANK", "1"), ("LOCAL_RANK", "1")):
        monkeypatch.setenv(name, value)
    script.main(["--epochs", "3"] if rule == "epochs" else [])
    monkeypatch.delitem(sys.modules, "model", raising=False)
    assert group.calls[0] == "init_process_group"
    assert group.calls[-2:] == ["barrier", "destroy_process_group"]
    epochs = len(group.calls[1:-2])  # one "stop now?" broadcast per epoch
    assert group.calls[1:-2] == ["broadcast"] * epochs
    assert epochs == 3 if rule == "epochs" else epochs < project.settings.epochs


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
    assert len(epoch_losses(result.stdout)) == len(losses)
    assert result.stdout.splitlines()[-1].startswith("stopped: ")
