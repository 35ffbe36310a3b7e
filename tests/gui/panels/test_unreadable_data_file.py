"""A referenced data file that is there but cannot be read (its permissions taken away, a
failing disk) was said to have "changed since the project was saved (its SHA-256 checksum
differs)", and locating that very file was refused as "Not the same file": the user went
looking for another copy of a file that had never changed."""

import errno

from PySide6.QtWidgets import QFileDialog, QMessageBox

from core.datasets import linked
from tests.gui.panels.test_data_import import idx_files, import_and_wait, small_limit

__all__ = ["idx_files", "small_limit"]  # fixtures


def test_an_unreadable_data_file_is_said_to_be_unreadable_not_changed(
        window, qtbot, dialogs, idx_files, small_limit, tmp_path, monkeypatch):
    assert import_and_wait(window, qtbot, idx_files[0]) == [True]
    project = tmp_path / "p.netcanvas"
    assert window.files.write(str(project))
    window.files.new()
    data_file = idx_files[0].resolve()

    def no_permission(path, *args, **kwargs):  # as a file whose permissions were taken away
        if str(path) == str(data_file):
            raise PermissionError(errno.EACCES, "Permission denied", str(path))
        return open(path, *args, **kwargs)

    monkeypatch.setattr(linked, "open", no_permission, raising=False)
    dialogs.answer = QMessageBox.StandardButton.Open  # and the user locates that very file
    monkeypatch.setattr(QFileDialog, "getOpenFileName",
                        staticmethod(lambda *a, **k: (str(data_file), "")))
    assert window.files.load(str(project))
    qtbot.waitUntil(lambda: bool(dialogs.of("warning")), timeout=20000)
    _, title, text = dialogs.of("question")[-1]
    assert title == "Data file cannot be read"
    assert text == (f"the data file {data_file} cannot be read (you have no permission to read "
                    "it).\n\nChoose Open to locate the file, or Ignore to work without its data "
                    "(the project keeps referring to it).")
    assert "changed" not in text and "checksum" not in text
    _, title, text = dialogs.of("warning")[-1]
    assert (title, text) == ("Cannot read the file", f"{data_file} cannot be read (you have no "
                                                     "permission to read it).")
    assert window.data.dataset is None
    assert window.data_picker.data_info.text() == (
        "Without its data: train-images-idx3-ubyte cannot be read.")
