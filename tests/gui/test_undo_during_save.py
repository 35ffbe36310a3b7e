"""Save, then Undo at once while the file is still being written (a big project takes a moment,
in the background): the undo went back to the state the project was opened in, which the undo
history still called saved — so the window said "no unsaved changes" while the file held the
change just undone, and closing asked nothing. The window says unsaved now, and closing asks."""

from core.project import load_project
from tests.gui.training_support import open_example


def test_an_undo_while_saving_leaves_the_work_unsaved_and_closing_asks(window, dialogs, tmp_path):
    open_example(window, "digits_mlp", epochs=3)  # opened (saved) state: 30 epochs
    path = tmp_path / "digits.netcanvas"
    assert window.files.write(str(path), wait=False)  # as File ▸ Save does
    window.undo_action.trigger()  # back to 30 epochs, while the file is being written
    assert window.files.finish_writing()
    assert load_project(path).settings.epochs == 3  # the file holds the state saved
    assert window.doc.settings.epochs == 30
    assert window.doc.is_modified() and window.isWindowModified()
    assert window.close()  # the dialogs fixture answers "Discard"
    [(kind, title, _text)] = dialogs.shown
    assert (kind, title) == ("question", "Unsaved changes")


def test_undo_then_redo_while_saving_is_saved(window, dialogs, tmp_path):
    open_example(window, "digits_mlp", epochs=3)
    path = tmp_path / "digits.netcanvas"
    assert window.files.write(str(path), wait=False)
    window.undo_action.trigger()
    window.redo_action.trigger()  # back where the save was made
    assert window.files.finish_writing()
    assert not window.doc.is_modified() and not window.isWindowModified()
