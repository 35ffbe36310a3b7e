"""Exporting onto a file someone made read-only: Qt's save dialog asked "net.onnx already
exists. Do you want to replace it?" and, after Yes, NetCanvas refused the read-only file — a
question with no good answer. The place is now checked before any question: a read-only file is
refused at once, in words; a file that can be replaced is still asked about (by NetCanvas)."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QFileDialog, QLineEdit, QMessageBox

from tests.gui.test_export_menu import menu_action


class RealSaveDialog:
    """Answers the next save dialog — Qt's own, as the window shows it — with ``path``; says
    Yes to any message box Qt itself shows meanwhile (its "Replace?") and keeps its text."""

    def __init__(self, path: Path) -> None:
        self.path, self.qt_questions, self.answered = path, [], False
        self.timer = QTimer(interval=30)
        self.timer.timeout.connect(self._poll)
        self.timer.start()

    def _poll(self) -> None:
        widget = QApplication.activeModalWidget()
        if isinstance(widget, QMessageBox):  # Qt's, shown from inside the dialog
            self.qt_questions.append(widget.text())
            widget.button(QMessageBox.StandardButton.Yes).click()
        elif isinstance(widget, QFileDialog) and not self.answered:
            self.answered = True
            widget.selectFile(str(self.path))
            # (typed too: selectFile alone kept the suggested name when the dialog came back)
            widget.findChild(QLineEdit, "fileNameEdit").setText(str(self.path))
            QTimer.singleShot(0, widget.accept)  # after this returns: Qt may ask inside it
        elif self.answered and widget is None:
            self.timer.stop()


def read_only(path: Path) -> Path:
    path.write_bytes(b"handed out by the teacher")
    path.chmod(stat.S_IRUSR | stat.S_IRGRP | stat.S_IROTH)
    if path.stat().st_mode & 0o222:
        pytest.skip("this file system keeps no read-only mark")
    return path


def test_a_read_only_target_is_refused_without_asking_to_replace_it(qtbot, window, dialogs,
                                                                    tmp_path):
    assert window.files.open_example("xor_by_hand")
    target = read_only(tmp_path / "net.onnx")
    real = RealSaveDialog(target)
    menu_action(window, "ONNX…").trigger()
    qtbot.waitUntil(lambda: bool(dialogs.of("warning")), timeout=10_000)
    assert real.answered and real.qt_questions == []  # Qt's dialog asked nothing
    assert dialogs.of("question") == []  # nor did NetCanvas
    [(_kind, title, text)] = dialogs.of("warning")
    assert (title, text) == ("Cannot export as ONNX",
                             f"Cannot write {target}: net.onnx is read-only, so it is not "
                             "replaced.")
    assert target.read_bytes() == b"handed out by the teacher"
    assert os.listdir(tmp_path) == ["net.onnx"]
    assert not window.export_menu.job.running


def test_a_file_that_can_be_replaced_is_asked_about_once(qtbot, window, dialogs, tmp_path):
    assert window.files.open_example("xor_by_hand")
    target = tmp_path / "net.onnx"
    target.write_bytes(b"the last export")
    dialogs.answer = QMessageBox.StandardButton.No
    real = RealSaveDialog(target)
    menu_action(window, "ONNX…").trigger()
    assert real.answered and real.qt_questions == []
    assert [(title, text) for _kind, title, text in dialogs.of("question")] == [
        ("Replace file?", f"net.onnx exists already in {tmp_path}. Replace it?")]
    assert not window.export_menu.job.running and dialogs.of("warning") == []
    assert target.read_bytes() == b"the last export"
    dialogs.answer = QMessageBox.StandardButton.Yes
    real = RealSaveDialog(target)
    menu_action(window, "ONNX…").trigger()
    assert real.qt_questions == [] and len(dialogs.of("question")) == 2
    qtbot.waitUntil(lambda: window.findChild(QMessageBox, "export_done") is not None,
                    timeout=60_000)
    assert target.read_bytes().startswith(b"\x08")  # an ONNX model (a protobuf) now


def test_pictures_tables_and_save_as_refuse_a_read_only_file_without_asking(
        qtbot, window, dialogs, tmp_path):
    from PySide6.QtCore import Qt

    from tests.gui.training_support import open_example, train_to_end

    open_example(window, "spiral", epochs=2)
    train_to_end(qtbot, window)
    files = {name: read_only(tmp_path / name)
             for name in ("canvas.png", "loss.png", "history.csv", "mine.netcanvas")}
    panel = window.training.loss
    asks = [window.canvas_picture.ask,
            lambda: qtbot.mouseClick(panel.png_button, Qt.MouseButton.LeftButton),
            lambda: qtbot.mouseClick(panel.csv_button, Qt.MouseButton.LeftButton),
            window.save_as_action.trigger]
    for path, ask in zip(files.values(), asks, strict=True):
        real = RealSaveDialog(path)
        ask()
        assert real.answered and real.qt_questions == [], path.name
    window.files.finish_writing()
    assert dialogs.of("question") == []
    said = [(title, text) for kind, title, text in dialogs.shown]
    assert said[:3] == [
        ("Cannot save the image", f"{files['canvas.png']} could not be written: canvas.png is "
                                  "read-only, so it is not replaced."),
        ("Cannot save the image", f"{files['loss.png']} could not be written: loss.png is "
                                  "read-only, so it is not replaced."),
        ("Cannot save the history", f"{files['history.csv']}: history.csv is read-only, so it "
                                    "is not replaced")]
    assert said[3][0] == "Cannot save project"
    assert "mine.netcanvas is read-only, so it is not replaced" in said[3][1]
    assert all(path.read_bytes() == b"handed out by the teacher" for path in files.values())
