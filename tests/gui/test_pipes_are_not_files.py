"""A named pipe (or a device) chosen as a project or a data file: opening it waited for a writer
that never came. The window's Cancel gave it back, but the reading thread stayed blocked and
closing the window then waited for it for ever; ``netcanvas check`` and ``import-weights``
hung. It is refused at once, in words."""

import os
import threading
import time

import pytest

from gui import cli

#: each pipe's "a writer came": set once the fixture's writer has opened it
RELEASED: dict[str, threading.Event] = {}


@pytest.fixture(params=["shared.netcanvas"])
def pipe(request, tmp_path):
    """A named pipe; after ten seconds a writer opens it, so that old code which blocked on
    it ends (with another message) instead of hanging the test run. A test asserts no writer
    had come when the refusal was made — refused at once, with no clock in the test."""
    if not hasattr(os, "mkfifo"):
        pytest.skip("named pipes are a POSIX thing")
    path = tmp_path / request.param
    os.mkfifo(path)
    stop, released = threading.Event(), threading.Event()
    RELEASED[str(path)] = released

    def release() -> None:
        if stop.wait(10):
            return
        while not stop.is_set():
            try:
                os.close(os.open(path, os.O_WRONLY | os.O_NONBLOCK))
                released.set()
            except OSError:  # nobody reads it (yet)
                time.sleep(0.05)

    threading.Thread(target=release, daemon=True).start()
    yield path
    stop.set()
    RELEASED.pop(str(path), None)


def refused_before_any_writer(pipe) -> bool:
    return not RELEASED[str(pipe)].is_set()


def test_a_pipe_opened_as_a_project_is_refused_at_once(window, dialogs, pipe):
    assert not window.files.load(str(pipe))
    assert refused_before_any_writer(pipe)
    assert dialogs.shown == [("critical", "Cannot open project",
                              "shared.netcanvas: this is a pipe or a device, not a project file")]


@pytest.mark.parametrize("pipe", ["table.csv"], indirect=True)
def test_a_pipe_imported_as_data_is_refused_at_once(qtbot, window, dialogs, pipe):
    before = window.doc.data
    with qtbot.waitSignal(window.data_picker.import_finished, timeout=20000) as finished:
        window.data_picker.import_path(str(pipe))
    assert finished.args == [False] and refused_before_any_writer(pipe)
    [(_kind, _title, text)] = dialogs.shown
    assert "this is a pipe or a device, not a file" in text
    assert window.doc.data is before


@pytest.mark.parametrize("argv, expected", [
    (["check", "PIPE"], "shared.netcanvas: this is a pipe or a device, not a project file"),
    (["import-weights", "XOR", "PIPE", "--out", "OUT"],
     "PIPE is a pipe or a device, not an .npz file")])
def test_the_command_line_refuses_a_pipe_at_once(pipe, tmp_path, capsys, argv, expected):
    from resources.examples import example_path

    names = {"PIPE": str(pipe), "XOR": str(example_path("xor_learned")),
             "OUT": str(tmp_path / "out.netcanvas")}
    code = cli.main([names.get(a, a) for a in argv])
    assert refused_before_any_writer(pipe)
    assert (code, capsys.readouterr().err) == (
        2, f"netcanvas: error: {expected.replace('PIPE', str(pipe))}\n")
