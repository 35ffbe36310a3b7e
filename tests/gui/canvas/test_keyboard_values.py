"""Typing weights and biases with the keyboard alone: F2 (Edit ▸ Type Values) on the one
selected node opens the editor on its first bias; Tab sets the value and goes on through the
node's biases and the weights coming into it, Shift+Tab back, Enter sets and stops — each value
one undo entry. Before, only a double-click opened the editor."""

import numpy as np
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from gui.help_shortcuts import show_shortcuts

SHIFT = Qt.KeyboardModifier.ShiftModifier


def press(qtbot, window, key, modifiers=Qt.KeyboardModifier.NoModifier) -> None:
    qtbot.keyClick(QApplication.focusWidget() or window, key, modifiers)


def type_text(qtbot, window, text: str) -> None:
    editor = window.scene.editor
    assert editor is not None, "no editor is open"
    editor.selectAll()
    qtbot.keyClicks(QApplication.focusWidget(), text)


def editing(window) -> str:
    """What the open editor sets, as its status line says ("Set bias of hidden 1 unit 2")."""
    return window.statusBar().currentMessage().split(":")[0]


def test_biases_and_incoming_weights_are_typed_with_tab_and_enter(qtbot, window):
    assert window.files.open_example("xor_learned")
    window.activateWindow()
    window.view.setFocus(Qt.FocusReason.TabFocusReason)
    press(qtbot, window, Qt.Key.Key_Tab)  # input 0
    press(qtbot, window, Qt.Key.Key_F2)
    assert window.scene.editor is None
    assert window.statusBar().currentMessage() == (
        "input 0 has no bias, and no weights come into it: select a node it feeds and press F2.")
    press(qtbot, window, Qt.Key.Key_Tab)  # hidden 1: 2 units, 2 × 2 weights from input 0
    assert window.scene.selected_node_ids() == ["1"]
    count = window.doc.undo_stack.count()
    press(qtbot, window, Qt.Key.Key_F2)
    assert editing(window) == "Set bias of hidden 1 unit 1"
    type_text(qtbot, window, "0.5")
    press(qtbot, window, Qt.Key.Key_Tab)
    assert editing(window) == "Set bias of hidden 1 unit 2"
    type_text(qtbot, window, "-1")
    press(qtbot, window, Qt.Key.Key_Tab)
    assert editing(window) == "Set weight input 0 unit 1 → hidden 1 unit 1"
    type_text(qtbot, window, "2")
    press(qtbot, window, Qt.Key.Key_Tab)
    assert editing(window) == "Set weight input 0 unit 2 → hidden 1 unit 1"
    type_text(qtbot, window, "3")
    press(qtbot, window, Qt.Key.Key_Backtab, SHIFT)  # sets 3, back to the one before
    assert editing(window) == "Set weight input 0 unit 1 → hidden 1 unit 1"
    type_text(qtbot, window, "4")
    press(qtbot, window, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.scene.editor is None)

    np.testing.assert_array_equal(window.doc.array("b1"), [0.5, -1.0])
    assert window.doc.array("W1")[0, 0] == 4.0 and window.doc.array("W1")[1, 0] == 3.0
    stack = window.doc.undo_stack
    assert stack.count() == count + 5
    assert stack.undoText() == "Set weight input 0 unit 1 → hidden 1 unit 1 to 4"
    press(qtbot, window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert window.doc.array("W1")[0, 0] == 2.0


def test_the_last_value_goes_round_to_the_first_and_esc_stops(qtbot, window):
    assert window.files.open_example("xor_learned")
    window.scene.select_only(["2"])  # output 2: 1 bias, 2 weights from hidden 1
    window.view.setFocus()
    press(qtbot, window, Qt.Key.Key_F2)
    for expected in ("Set bias of output 2 unit 1", "Set weight hidden 1 unit 1 → output 2 unit 1",
                     "Set weight hidden 1 unit 2 → output 2 unit 1", "Set bias of output 2 unit 1"):
        assert editing(window) == expected
        press(qtbot, window, Qt.Key.Key_Tab)
    press(qtbot, window, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: window.scene.editor is None)


def test_f2_asks_for_one_node_and_is_listed_with_the_shortcuts(qtbot, window):
    assert window.files.open_example("xor_learned")
    window.select_all_action.trigger()
    window.view.setFocus()
    press(qtbot, window, Qt.Key.Key_F2)
    assert window.scene.editor is None
    assert window.statusBar().currentMessage().startswith("Select one node")
    window.scene.select_only(["1"])  # F2 elsewhere is not the canvas's (the runs list's
    name = window.inspector.node_form.name_edit  # F2 renames a run)
    name.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is name)
    press(qtbot, window, Qt.Key.Key_F2)
    assert window.scene.editor is None
    dialog = show_shortcuts(window)
    assert ("Edit", "Type Values", "F2") in dialog.rows()
    assert ("Canvas", "Set it and type the node's next (previous) value",
            "Tab, Shift+Tab (while typing a value)") in dialog.rows()
    dialog.close()


def test_a_value_left_as_shown_is_not_set_again_rounded(qtbot, window, canvas):
    assert window.files.open_example("xor_learned")
    before = {name: window.doc.array(name).copy() for name in ("b1", "W1")}
    count = window.doc.undo_stack.count()
    window.scene.select_only(["1"])
    window.view.setFocus()
    press(qtbot, window, Qt.Key.Key_F2)
    for _ in range(6):  # Tab passes every value by, round to the first
        press(qtbot, window, Qt.Key.Key_Tab)
    press(qtbot, window, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.scene.editor is None)
    item = window.scene.node_item("1")
    canvas.double_click(item.mapToScene(item.neuron_center(1)))  # and Enter, by the mouse
    press(qtbot, window, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.scene.editor is None)
    for name, array in before.items():
        np.testing.assert_array_equal(window.doc.array(name), array)  # bit for bit
    assert window.doc.undo_stack.count() == count


def test_type_values_from_the_menu_takes_the_keys_from_another_widget(qtbot, window):
    """Edit ▸ Type Values chosen while the Inspector's name box had the focus opened the
    editor, but the digits typed next went on into the name box."""
    assert window.files.open_example("xor_learned")
    window.activateWindow()
    window.scene.select_only(["2"])
    name = window.inspector.node_form.name_edit
    name.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is name)
    before = name.text()
    window.keyboard_values.action.trigger()  # as the menu does
    assert editing(window) == "Set bias of output 2 unit 1"
    qtbot.waitUntil(lambda: QApplication.focusWidget() is window.view)  # the editor's view
    qtbot.keyClicks(QApplication.focusWidget(), "0.25")
    press(qtbot, window, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.scene.editor is None)
    assert window.doc.array("b2")[0] == 0.25
    assert name.text() == before
