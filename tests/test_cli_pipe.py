"""``netcanvas … | head``: a reader that stops early ends the command quietly (exit 141, as a
shell reports for ``cat … | head``), never with a BrokenPipeError traceback, and ``train``
still writes its files."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

from core.project import load_project
from gui import cli
from resources.examples import example_path

ROOT = Path(__file__).resolve().parents[1]


def netcanvas(argv: list[str], **popen) -> subprocess.Popen:
    environ = {**os.environ, "NETCANVAS_LANG": "en"}
    return subprocess.Popen([sys.executable, "-m", "gui.cli", *argv], cwd=ROOT, env=environ,
                            stderr=subprocess.PIPE, text=True, **popen)


@pytest.mark.parametrize("unbuffered", ["1", ""])
@pytest.mark.parametrize("argv", [["explain", str(example_path("xor_by_hand"))],
                                  ["runs", str(example_path("and_gate"))],
                                  ["check", str(example_path("spiral"))]])
def test_a_reader_gone_before_the_first_line_ends_the_command_quietly(argv, unbuffered,
                                                                      monkeypatch):
    """``| head -0``: the pipe's reading end is closed before the command writes a byte."""
    monkeypatch.setenv("PYTHONUNBUFFERED", unbuffered)
    read_end, write_end = os.pipe()
    os.close(read_end)
    try:
        process = netcanvas(argv, stdout=write_end)
    finally:
        os.close(write_end)
    _, err = process.communicate(timeout=120)
    assert (process.returncode, err) == (cli.EXIT_BROKEN_PIPE, "")


def test_head_of_a_long_output_ends_the_command_quietly():
    """``explain --json | head -c 100`` on digits: 120 kB, more than a pipe holds, so the
    command is still writing when the reader goes."""
    process = netcanvas(["explain", str(example_path("digits_mlp")), "--json"],
                        stdout=subprocess.PIPE)
    assert process.stdout.read(100).startswith('{"')
    process.stdout.close()
    err = process.stderr.read()
    assert process.wait(timeout=120) == 141
    assert err == ""


def test_train_saves_its_files_although_the_reader_has_gone(tmp_path):
    out, log = tmp_path / "and.netcanvas", tmp_path / "and.csv"
    read_end, write_end = os.pipe()
    os.close(read_end)
    try:
        process = netcanvas(["train", str(example_path("and_gate")), "--epochs", "3",
                             "--quiet", "--out", str(out), "--log", str(log)],
                            stdout=write_end)
    finally:
        os.close(write_end)
    _, err = process.communicate(timeout=120)
    assert (process.returncode, err) == (141, "")
    assert load_project(out).history["epochs"]["epoch"] == [1, 2, 3]
    assert len(log.read_text().splitlines()) == 4


def test_help_explains_exit_code_141(capsys):
    assert cli.main(["--help"]) == 0
    assert "  141  the output's reader stopped early (for example | head)" in \
        capsys.readouterr().out


@pytest.mark.parametrize("unbuffered", ["1", ""])
@pytest.mark.parametrize("argv", [["--help"], ["train", "--help"], ["--version"]])
def test_a_reader_gone_before_the_help_ends_it_quietly(argv, unbuffered, monkeypatch):
    """argparse prints the help itself: with the reader gone, Python's flush at exit said
    "Exception ignored … BrokenPipeError" and exited 120, or (unbuffered) argparse swallowed
    the error and exited 0."""
    monkeypatch.setenv("PYTHONUNBUFFERED", unbuffered)
    read_end, write_end = os.pipe()
    os.close(read_end)
    try:
        process = netcanvas(argv, stdout=write_end)
    finally:
        os.close(write_end)
    _, err = process.communicate(timeout=120)
    assert (process.returncode, err) == (cli.EXIT_BROKEN_PIPE, "")


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="needs Linux's /dev/full")
@pytest.mark.parametrize(("argv", "language", "message"), [
    (["check", str(example_path("spiral"))], "en",
     "netcanvas: error: cannot write the output: the disk is full\n"),
    (["explain", str(example_path("digits_mlp")), "--json"], "ko",
     "netcanvas: 오류: 출력을 쓸 수 없습니다: 디스크가 가득 찼습니다\n")])
def test_output_to_a_full_disk_is_said_in_words(argv, language, message):
    """``netcanvas runs P > out.txt`` on a full disk (a student's quota) printed a traceback
    ending "OSError: [Errno 28] No space left on device"."""
    with open("/dev/full", "w") as full:
        result = subprocess.run([sys.executable, "-m", "gui.cli", *argv], cwd=ROOT,
                                env={**os.environ, "NETCANVAS_LANG": language}, stdout=full,
                                stderr=subprocess.PIPE, text=True, timeout=120)
    assert (result.returncode, result.stderr) == (2, message)


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="needs Linux's /dev/full")
def test_train_saves_its_files_although_its_output_has_no_room(tmp_path):
    out = tmp_path / "trained.netcanvas"
    with open("/dev/full", "w") as full:
        result = subprocess.run([sys.executable, "-m", "gui.cli", "train",
                                 str(example_path("and_gate")), "--epochs", "2", "--quiet",
                                 "--out", str(out)], cwd=ROOT,
                                env={**os.environ, "NETCANVAS_LANG": "en"}, stdout=full,
                                stderr=subprocess.PIPE, text=True, timeout=120)
    assert (result.returncode, result.stderr) == (
        2, "netcanvas: error: cannot write the output: the disk is full\n")
    assert load_project(out).history["epochs"]["epoch"] == [1, 2]
