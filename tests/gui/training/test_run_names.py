"""A run renamed with a pasted 10,000-character name, or one holding a direction control, is
kept as one printable line of at most 200 characters: such a name raised in the undo command
(a traceback, and an undo entry that had changed nothing)."""

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLineEdit

from gui.training.runs_list import NAME
from tests.gui.training_support import open_example, train_to_end

CTRL = Qt.KeyboardModifier.ControlModifier


def rename_by_paste(qtbot, window, text: str) -> None:
    view = window.training.runs.view
    rect = view.visualRect(view.model().index(0, NAME))
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.keyClick(view, Qt.Key.Key_F2)
    editor = view.viewport().findChild(QLineEdit)
    assert editor is not None, "F2 opened no editor"
    QApplication.clipboard().setText(text)
    editor.selectAll()
    qtbot.keyClick(editor, Qt.Key.Key_V, CTRL)
    qtbot.keyClick(editor, Qt.Key.Key_Return)  # the delegate commits on the next event loop
    qtbot.waitUntil(lambda: view.state() != view.State.EditingState)


def test_a_pasted_run_name_is_kept_as_one_printable_line(qtbot, window):
    open_example(window, "xor_learned", epochs=5)
    train_to_end(qtbot, window)
    window.training.docks["Runs"].raise_()
    qtbot.waitUntil(lambda: window.training.runs.view.isVisible())

    rename_by_paste(qtbot, window, "fast\u202e lr\n" + "x" * 10_000)
    name = window.doc.runs.run(1).name
    assert name == ("fast lr " + "x" * 200)[:200]
    assert window.doc.undo_stack.undoText() == "Rename run 1"
    window.undo_action.trigger()
    assert window.doc.runs.run(1).name == ""
    window.redo_action.trigger()
    assert window.doc.runs.run(1).name == name
