"""Explain on a project whose data set could not be loaded (its file moved since): it said
"Choose a data set first", sending the user to choose the data set they had chosen; it says
that the project's data set could not be loaded, and where to read why."""

from PySide6.QtWidgets import QMessageBox

from tests.gui.panels.test_data_import import idx_files, saved_then_moved, small_limit

__all__ = ["idx_files", "small_limit"]  # fixtures


def test_explain_says_the_data_set_could_not_be_loaded(qtbot, window, dialogs, idx_files,
                                                       small_limit, tmp_path):
    window.files.open_example("digits_mlp")  # a network without problems of its own
    project, _moved = saved_then_moved(window, qtbot, tmp_path, idx_files[:1])
    dialogs.answer = QMessageBox.StandardButton.Ignore
    assert window.files.load(str(project))
    qtbot.waitUntil(lambda: bool(dialogs.of("question")), timeout=20000)
    assert window.data.dataset is None and not window.data.loading
    window.explain_action.trigger()
    panel = window.explain
    qtbot.waitUntil(lambda: "could not be loaded" in panel.message.text())
    assert "The project's data set could not be loaded (the Data set panel says why)" in \
        panel.message.text()
    assert "Choose a data set first" not in panel.message.text()
    assert not panel.next_button.isEnabled()
