"""What is typed in a box counts even before Enter: a command given by key (Save, Train, closing
the window) left the focus in the box, so the file got the old learning rate, the run the old
number of epochs, and a typed name was lost without a question."""

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from core.project import load_project
from tests.gui.training_support import open_example

CTRL = Qt.KeyboardModifier.ControlModifier


def type_without_enter(qtbot, box, text: str) -> None:
    box.setFocus()
    box.selectAll()
    qtbot.keyClicks(box, text)


def test_ctrl_s_saves_the_learning_rate_being_typed(qtbot, window, tmp_path):
    open_example(window, "xor_learned")
    path = tmp_path / "typed.netcanvas"
    assert window.files.write(str(path), wait=True)
    lr = window.training.settings_panel.lr_spin
    type_without_enter(qtbot, lr, "0.25")
    qtbot.keyClick(lr, Qt.Key.Key_S, CTRL)
    qtbot.waitUntil(lambda: not window.files.saver.busy)
    assert load_project(path).settings.lr == 0.25
    assert window.doc.settings.lr == 0.25 and not window.doc.is_modified()
    assert window.doc.undo_stack.undoText() == "Change learning rate"


def test_f5_trains_the_epochs_being_typed(qtbot, window):
    open_example(window, "xor_learned", epochs=5)
    epochs = window.training.settings_panel.epochs_spin
    type_without_enter(qtbot, epochs, "7")
    with qtbot.waitSignal(window.training.session.ended, timeout=60_000) as ended:
        qtbot.keyClick(epochs, Qt.Key.Key_F5)
    assert ended.args[0].outcome.words() == "finished 7 epochs"


def test_closing_with_a_name_being_typed_asks_to_save_it(qtbot, window, canvas, dialogs,
                                                        tmp_path):
    window.files.open_example("xor_learned")
    assert window.files.write(str(tmp_path / "named.netcanvas"), wait=True)
    canvas.click_node("1")
    name = window.inspector.node_form.name_edit
    type_without_enter(qtbot, name, "my layer")
    dialogs.answer = QMessageBox.StandardButton.Cancel
    window.close()
    assert [title for _kind, title, _text in dialogs.of("question")] == ["Unsaved changes"]
    assert window.isVisible() and window.doc.spec.node("1").name == "my layer"
