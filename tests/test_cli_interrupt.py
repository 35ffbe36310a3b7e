"""Ctrl+C while ``netcanvas train`` trains: the first stops training as the window's Stop does
and keeps the epochs trained (``--out``, ``--log``; the run ends "stopped"), exit 130; a second
one, or one before any epoch finished, quits at once saving nothing. Before, one Ctrl+C lost
every epoch of the run (500 of a 5,000-epoch run), saying only "interrupted"."""

import csv
import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from core.project import load_project
from core.training import trainer as trainer_module
from gui import cli
from resources.examples import example_path

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture
def ctrl_c_after(monkeypatch):
    """``ctrl_c_after(epochs, times)``: a real SIGINT, ``times`` of them, as the mini-batch after
    ``epochs`` finished epochs starts (the process's own, as the terminal sends it)."""
    def arm(epochs: int, times: int = 1) -> None:
        original = trainer_module.Trainer.step
        sent = []

        def step(self, *args, **kwargs):
            if self.epoch - self.first_epoch == epochs and not sent:
                sent.append(True)
                for _ in range(times):
                    signal.raise_signal(signal.SIGINT)
            return original(self, *args, **kwargs)

        monkeypatch.setattr(trainer_module.Trainer, "step", step)
    return arm


def train(tmp_path, capsys):
    out, log = tmp_path / "out.netcanvas", tmp_path / "log.csv"
    code = cli.main(["train", str(example_path("spiral")), "--epochs", "50", "--quiet",
                     "--out", str(out), "--log", str(log)])
    stdout, err = capsys.readouterr()
    return code, stdout, err, out, log


def test_the_first_ctrl_c_stops_and_keeps_the_epochs_trained(tmp_path, capsys, ctrl_c_after):
    ctrl_c_after(3)
    code, stdout, err, out, log = train(tmp_path, capsys)
    assert (code, err) == (130, "")
    lines = stdout.splitlines()
    assert lines[0] == "stopped by the user"
    assert lines[1].startswith("epoch 3 · train: loss ")
    assert lines[2:] == [f"saved {out}"]
    project = load_project(out)
    assert project.history["epochs"]["epoch"] == [1, 2, 3]
    assert [(run.epochs, run.ended) for run in project.runs] == [(3, "stopped")]
    with open(log, newline="") as f:
        assert [row[0] for row in csv.reader(f)] == ["epoch", "1", "2", "3"]
    assert signal.getsignal(signal.SIGINT) is signal.default_int_handler  # put back


@pytest.mark.parametrize(("epochs", "times"), [(3, 2), (0, 1)])
def test_a_second_ctrl_c_or_one_before_an_epoch_ends_saves_nothing(epochs, times, tmp_path,
                                                                  capsys, ctrl_c_after):
    ctrl_c_after(epochs, times)
    code, stdout, err, out, log = train(tmp_path, capsys)
    assert (code, stdout, err) == (130, "", "netcanvas: interrupted\n")
    assert not out.exists() and not log.exists()
    assert signal.getsignal(signal.SIGINT) is signal.default_int_handler


def test_ctrl_c_in_a_terminal_s_process(tmp_path):
    """The real thing: a process training 5,000 epochs gets SIGINT once it says 10 % are done."""
    out = tmp_path / "digits.netcanvas"
    process = subprocess.Popen(
        [sys.executable, "-m", "gui.cli", "train", str(example_path("digits_mlp")), "--epochs",
         "5000", "--out", str(out)], cwd=ROOT, env={**os.environ, "NETCANVAS_LANG": "en"},
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    assert process.stderr.readline().startswith("[")  # epoch 1's first mini-batch
    assert "epoch 500/5000" in process.stderr.readline()
    process.send_signal(signal.SIGINT)
    stdout, err = process.communicate(timeout=60)
    assert process.returncode == 130 and "Traceback" not in err
    assert stdout.splitlines()[0] == "stopped by the user"
    assert stdout.splitlines()[-1] == f"saved {out}"
    assert load_project(out).runs.runs[-1].ended == "stopped"


def test_train_help_says_what_ctrl_c_keeps(capsys, korean):
    assert cli.main(["train", "--help"]) == 0
    text = " ".join(capsys.readouterr().out.split())
    assert ("Ctrl+C는 창의 중지처럼 학습을 멈춥니다: 그때까지 학습한 에폭은 --out과 --log에 "
            "남습니다(종료 코드 130)") in text
