"""train.py under torchrun: two processes really train with DistributedDataParallel over gloo,
rank 0 alone prints and writes --out, import-weights takes the result back, and every process
leaves the same way, without aborting at exit."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import numpy as np
import pytest

from core.export import export_project, plan_export, with_weights
from core.project import load_project, save_project
from tests.core.export.conftest import import_file, printed_metrics, run_script
from tests.core.export.test_training_scripts import stopping_projects


def rank_output(logs: Path, rank: int, stream: str) -> str:
    """What torchrun's worker ``rank`` wrote to ``stream`` (``stdout``/``stderr``), from the
    files ``--log-dir LOGS --redirects 3`` keeps: ``LOGS/<run>/attempt_0/<rank>/stdout.log``."""
    return "".join(path.read_text(encoding="utf-8", errors="replace")
                   for path in sorted(logs.glob(f"*/attempt_*/{rank}/{stream}.log")))


def said_by_every_rank(result, logs: Path, ranks: int = 2) -> str:
    """A failed torchrun in full: each rank's stdout and stderr (where it stopped, and with
    PYTHONFAULTHANDLER the Python stack of an abort inside torch), then torchrun's own."""
    parts = [f"--- rank {rank} {stream} ---\n{rank_output(logs, rank, stream)[-4000:]}"
             for rank in range(ranks) for stream in ("stdout", "stderr")]
    return "\n".join([f"torchrun exited with {result.returncode}", *parts,
                      f"--- torchrun stderr ---\n{result.stderr[-3000:]}"])


@pytest.mark.slow
def test_torchrun_trains_on_two_processes_and_import_weights_takes_it_back(project_files,
                                                                            tmp_path):
    """Under two suites at once rank 1 aborted at exit, once in six runs ("terminate called
    without an active exception"; see the next test). The failure message keeps what each rank
    wrote, so a failure says where."""
    path = project_files["dag_classifier"]
    folder, logs = tmp_path / "torch", tmp_path / "logs"
    export_project(load_project(path), "pytorch", folder)
    result = run_script(["-m", "torch.distributed.run", "--standalone", "--nproc_per_node=2",
                         "--log-dir", str(logs), "--redirects", "3",
                         "train.py", "--epochs", "2", "--out", "w.npz"], folder, timeout=600,
                        env={"PYTHONFAULTHANDLER": "1"})
    assert result.returncode == 0, said_by_every_rank(result, logs)
    # rank 0 alone prints: two epochs of training and validation metrics, the test ones once
    assert rank_output(logs, 1, "stdout") == "", said_by_every_rank(result, logs)
    printed = printed_metrics(rank_output(logs, 0, "stdout"))
    assert sorted(printed) == sorted(f"{part}_{metric}" for part in ("train", "val", "test")
                                     for metric in ("loss", "accuracy"))
    assert [len(printed[f"{part}_loss"]) for part in ("train", "val", "test")] == [2, 2, 1]
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
                                                                   monkeypatch, capsys):
    """Each process waits at a barrier before destroying the group, on every way a run ends —
    the target loss, early stopping, the last epoch."""
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
    assert capsys.readouterr().out == ""  # rank 0 alone prints the metrics


@pytest.mark.parametrize("world", [1, 2])
def test_a_torchrun_process_of_train_py_skips_python_s_shutdown(projects, world, tmp_path,
                                                                monkeypatch, capsys):
    """Under load rank 1 aborted after main() had returned ("terminate called without an
    active exception"): a gloo worker thread let go of a finished operation — the stop flag's
    tensor, DDP's last all-reduce — while Python was shutting down, and destroy_process_group
    does not stop those threads. ``python train.py`` under torchrun now ends each process with
    os._exit(0) once the group is torn down and --out written; alone, it ends as any script."""
    import runpy

    import torch
    import torch.distributed as dist

    calls: list[str] = []
    for name in ("init_process_group", "broadcast", "barrier", "destroy_process_group"):
        monkeypatch.setattr(dist, name, lambda *a, name=name, **k: calls.append(name))
    monkeypatch.setattr(torch.nn.parallel, "DistributedDataParallel",
                        lambda model, device_ids=None: model)
    folder = tmp_path / "torch"
    monkeypatch.setattr(os, "_exit", lambda code: calls.append(
        f"_exit({code}) with {sorted(p.name for p in folder.glob('*.npz'))}"))
    for name, value in (("WORLD_SIZE", world), ("RANK", 0), ("LOCAL_RANK", 0)):
        monkeypatch.setenv(name, str(value))
    export_project(projects["spiral"], "pytorch", folder)
    monkeypatch.syspath_prepend(str(folder))
    monkeypatch.delitem(sys.modules, "model", raising=False)  # this export's model.py
    monkeypatch.setattr(sys, "argv", ["train.py", "--epochs", "1", "--out", str(folder / "w.npz")])
    runpy.run_path(str(folder / "train.py"), run_name="__main__")
    monkeypatch.delitem(sys.modules, "model", raising=False)
    assert capsys.readouterr().out.splitlines()[-1] == f"saved {folder / 'w.npz'}"
    files = "['data.npz', 'w.npz', 'weights.npz']"
    assert calls == ([] if world == 1 else [
        "init_process_group", "broadcast", "barrier", "destroy_process_group",
        f"_exit(0) with {files}"])
