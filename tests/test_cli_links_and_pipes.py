"""Targets that are not plain files: a symbolic link (``--out`` replaced the link by a file and
left the file it pointed at as it was) and a pipe or device (``--log /dev/null --force`` run as
root replaced the device itself by a file; a named pipe a script reads from was replaced
too, and its reader got nothing)."""

import os
import select
import subprocess
import sys
import time
from pathlib import Path

import pytest

from core.project import load_project
from gui import cli
from resources.examples import example_path

ROOT = Path(__file__).resolve().parents[1]


def test_out_through_a_link_updates_the_file_it_points_at(tmp_path, capsys):
    (tmp_path / "kept").mkdir()
    real = tmp_path / "kept" / "xor.netcanvas"
    real.write_bytes(example_path("xor_learned").read_bytes())
    link = tmp_path / "xor.netcanvas"
    link.symlink_to(os.path.join("kept", "xor.netcanvas"))
    code = cli.main(["train", str(link), "--epochs", "2", "--quiet", "--out", str(link)])
    assert (code, capsys.readouterr().err) == (0, "")
    assert link.is_symlink()
    assert load_project(real).history["epochs"]["epoch"] == [1, 2]
    assert sorted(os.listdir(tmp_path / "kept")) == ["xor.netcanvas"]


def test_an_export_through_a_link_writes_the_file_it_points_at(tmp_path, capsys):
    (tmp_path / "kept").mkdir()
    real = tmp_path / "kept" / "xor.py"
    real.write_text("# an older export\n")
    link = tmp_path / "xor.py"
    link.symlink_to(real)
    code = cli.main(["export", str(example_path("xor_learned")), "--format", "numpy",
                     "--out", str(link), "--force"])
    assert (code, capsys.readouterr().err) == (0, "")
    assert link.is_symlink() and "def forward" in real.read_text()


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes are a POSIX thing")
def test_a_log_into_a_named_pipe_is_streamed_and_the_pipe_stays(tmp_path, capsys):
    pipe = tmp_path / "log.csv"
    os.mkfifo(pipe)
    reader = os.open(pipe, os.O_RDONLY | os.O_NONBLOCK)  # open now, or the writer would wait
    try:
        code = cli.main(["train", str(example_path("xor_learned")), "--epochs", "2",
                         "--quiet", "--log", str(pipe), "--force"])
        received = b""
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline and select.select([reader], [], [], 0.1)[0]:
            block = os.read(reader, 1 << 16)
            if not block:
                break
            received += block
    finally:
        os.close(reader)
    assert (code, capsys.readouterr().err) == (0, "")
    assert pipe.is_fifo()
    lines = received.decode().splitlines()
    assert lines[0].startswith("epoch,train_loss") and len(lines) == 3


def test_a_link_into_a_missing_folder_names_that_folder(tmp_path, capsys):
    link = tmp_path / "trained.netcanvas"
    link.symlink_to(tmp_path / "gone" / "trained.netcanvas")
    code = cli.main(["train", str(example_path("xor_learned")), "--epochs", "1", "--quiet",
                     "--out", str(link), "--force"])
    assert (code, capsys.readouterr().err) == (
        2, f"netcanvas: error: cannot save trained.netcanvas: the folder {tmp_path / 'gone'} "
           "does not exist\n")


def test_a_log_to_dev_stdout_keeps_what_the_command_prints_around_it(tmp_path):
    """``--log /dev/stdout > run.txt``: /dev/stdout links through /proc/self/fd/1 to
    run.txt, which was replaced by a rename — the shell's file lost every line the command
    printed. The log is now appended to the output like any other line, and needs no
    --force (nothing is replaced)."""
    run_txt = tmp_path / "run.txt"
    with open(run_txt, "wb") as output:
        result = subprocess.run(
            [sys.executable, "-m", "gui.cli", "train", str(example_path("xor_learned")),
             "--epochs", "2", "--log", "/dev/stdout"], stdout=output, stderr=subprocess.PIPE,
            cwd=ROOT, env={**os.environ, "NETCANVAS_LANG": "en"}, timeout=120)
    assert b"Traceback" not in result.stderr and result.returncode in (0, 1)
    lines = run_txt.read_text().splitlines()
    assert lines[0] == "finished 2 epochs"  # what was printed, then the log after it whole
    header = next(i for i, line in enumerate(lines) if line.startswith("epoch,"))
    assert lines[header].startswith("epoch,train_loss,")
    assert [line[:2] for line in lines[header + 1:header + 3]] == ["1,", "2,"]
    assert lines[-1].startswith("not saved")


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes are a POSIX thing")
def test_a_write_into_a_pipe_nobody_reads_is_refused_at_once(tmp_path):
    """Opening a named pipe for writing waits for a reader: a Save As or a log into a pipe
    nobody reads from hung for ever (and the window's close with it). It is refused now."""
    pipe = tmp_path / "project.netcanvas"
    os.mkfifo(pipe)
    code = ("import sys; from pathlib import Path\n"
            "from core.file_writes import write_atomically, write_reason\n"
            "try:\n    write_atomically(sys.argv[1], b'x')\n"
            "except OSError as exc:\n    print(write_reason(exc, Path(sys.argv[1])))\n")
    result = subprocess.run([sys.executable, "-c", code, str(pipe)], capture_output=True,
                            text=True, cwd=ROOT, env={**os.environ, "NETCANVAS_LANG": "en"},
                            timeout=60)
    assert result.stdout == "nothing is reading from that pipe\n"
    assert pipe.is_fifo()
