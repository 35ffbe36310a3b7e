"""The window's ONNX export runs in a child process (core.export.isolated): what goes wrong there
is said in the window's language, and a child that dies is said in words, not as
"BrokenProcessPool: A process in the process pool was terminated abruptly…"."""

from __future__ import annotations

import os
import re

import pytest

from core.export import ExportError, isolated
from core.i18n import set_language
from core.project import load_project
from resources.examples import example_path


def die(*_args: object) -> None:
    os._exit(3)  # as a child killed for want of memory


@pytest.fixture
def project():
    return load_project(example_path("xor_by_hand"))


def test_the_child_writes_the_file(project, tmp_path):
    exported = isolated.export_in_process(project, "onnx", tmp_path / "net.onnx")
    assert exported.files == [tmp_path / "net.onnx"] and exported.files[0].stat().st_size
    assert exported.trained


def test_a_refusal_comes_in_the_windows_language(project, tmp_path):
    set_language("ko")
    try:
        with pytest.raises(ExportError) as refused:
            isolated.export_in_process(project, "onnx", tmp_path / "gone" / "net.onnx")
    finally:
        set_language("en")
    assert re.search("[가-힣]", str(refused.value)) and "gone" in str(refused.value)


def test_a_child_that_dies_is_said_in_words(project, tmp_path, monkeypatch):
    monkeypatch.setattr(isolated, "_export_here", die)  # the child imports it by this name
    with pytest.raises(ExportError) as refused:
        isolated.export_in_process(project, "onnx", tmp_path / "net.onnx")
    assert str(refused.value) == ("the process writing the export stopped before it had "
                                  "finished")
