"""Enter and Esc in the window's dialogs do what a keyboard user expects, and the focus is
somewhere visible: Enter after typing a filter in Help ▸ Keyboard Shortcuts closed the list it
had just filtered; after a failed download the focus was nowhere (the focused Cancel button
went with the old buttons), so Enter did nothing and Tab started from no visible place."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialog, QDialogButtonBox

from core.datasets.errors import DataError
from tests.gui.test_help_menu import open_shortcuts


def test_enter_in_the_shortcuts_filter_goes_to_the_list_and_esc_closes(qtbot, window):
    window.activateWindow()
    window.view.setFocus()
    dialog = open_shortcuts(qtbot, window)
    dialog.activateWindow()
    dialog.filter_edit.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is dialog.filter_edit)
    qtbot.keyClicks(dialog.filter_edit, "zoom")
    qtbot.keyClick(dialog.filter_edit, Qt.Key.Key_Return)
    assert dialog.isVisible()  # it was closed by Enter
    assert QApplication.focusWidget() is dialog.tree
    assert dialog.tree.currentItem().text(0) == "Zoom to Fit"
    assert [what for _group, what, _keys in dialog.rows()] == [
        "Zoom to Fit", "Zoom In", "Zoom Out", "Zoom in or out"]  # the canvas's wheel too
    qtbot.keyClick(dialog.tree, Qt.Key.Key_Down)
    assert dialog.tree.currentItem().text(0) == "Zoom In"
    qtbot.keyClick(dialog.tree, Qt.Key.Key_Escape)
    assert not dialog.isVisible()


def test_after_a_failed_download_close_has_the_focus_and_enter_closes(qtbot, window,
                                                                      tmp_path, monkeypatch):
    from gui.panels.download_dialog import DownloadDialog

    monkeypatch.setenv("NETCANVAS_CACHE_DIR", str(tmp_path))
    dialog = DownloadDialog("mnist", window)  # not started: the failure is handed to it
    qtbot.addWidget(dialog)
    dialog.open()
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is dialog.cancel_button)
    dialog._finished(DataError("the server did not answer"))
    close = dialog.buttons.button(QDialogButtonBox.StandardButton.Close)
    assert QApplication.focusWidget() is close and close.isDefault()
    qtbot.keyClick(close, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is dialog.open_folder_button
    qtbot.keyClick(dialog.open_folder_button, Qt.Key.Key_Backtab)
    assert QApplication.focusWidget() is close
    with qtbot.waitSignal(dialog.finished) as finished:
        qtbot.keyClick(close, Qt.Key.Key_Return)
    assert finished.args == [QDialog.DialogCode.Rejected.value] and not dialog.isVisible()
