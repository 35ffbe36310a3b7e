"""Selecting connections with the keyboard: ] and [ go through the connections of the selected
node (round and round), else through all of them; F2 then types the selected connection's
weights and Del deletes it. Before, a connection could be selected only with the mouse."""

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from tests.gui.canvas.test_keyboard_values import editing, press, type_text

CTRL = Qt.KeyboardModifier.ControlModifier


def ends(window) -> list[tuple[str, str]]:
    spec = window.doc.spec
    return [(spec.edge(e).src, spec.edge(e).dst) for e in window.scene.selected_edge_ids()]


def status(window) -> str:
    return window.statusBar().currentMessage()


def test_brackets_select_connections_for_f2_and_del(qtbot, window):
    assert window.files.open_example("xor_learned")  # input 0 → hidden 1 → output 2
    window.activateWindow()
    window.view.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is window.view)
    window.scene.clearSelection()
    press(qtbot, window, Qt.Key.Key_BracketRight)  # nothing selected: all, left to right
    assert ends(window) == [("0", "1")] and window.scene.selected_node_ids() == []
    assert status(window).startswith("Selected the connection input 0 → hidden 1 (1 of 2).")
    assert window.inspector.edge_view.isVisible()  # the Inspector shows the connection
    press(qtbot, window, Qt.Key.Key_BracketRight)
    assert ends(window) == [("1", "2")]
    press(qtbot, window, Qt.Key.Key_BracketRight)  # round to the first
    assert ends(window) == [("0", "1")]
    press(qtbot, window, Qt.Key.Key_BracketLeft)
    assert ends(window) == [("1", "2")]

    press(qtbot, window, Qt.Key.Key_Backtab, Qt.KeyboardModifier.ShiftModifier)  # a node:
    assert window.scene.selected_node_ids() == ["2"]  # ] goes round its one connection
    press(qtbot, window, Qt.Key.Key_BracketRight)
    assert ends(window) == [("1", "2")]
    assert "(1 of 1)" in status(window)
    press(qtbot, window, Qt.Key.Key_BracketRight)
    assert ends(window) == [("1", "2")]  # still output 2's only one

    press(qtbot, window, Qt.Key.Key_F2)  # its weights: hidden 1's 2 units → output 2's 1
    assert editing(window) == "Set weight hidden 1 unit 1 → output 2 unit 1"
    type_text(qtbot, window, "0.25")
    press(qtbot, window, Qt.Key.Key_Tab)
    assert editing(window) == "Set weight hidden 1 unit 2 → output 2 unit 1"
    press(qtbot, window, Qt.Key.Key_Tab)  # round: the connection's weights only
    assert editing(window) == "Set weight hidden 1 unit 1 → output 2 unit 1"
    press(qtbot, window, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: window.scene.editor is None)
    edge_id = window.scene.selected_edge_ids()[0]
    assert window.doc.array(f"W{edge_id}")[0, 0] == 0.25

    press(qtbot, window, Qt.Key.Key_Delete)  # Del: the connection, not a node
    assert [(e.src, e.dst) for e in window.doc.spec.edges] == [("0", "1")]
    assert len(window.doc.spec.nodes) == 3
    press(qtbot, window, Qt.Key.Key_Z, CTRL)
    assert len(window.doc.spec.edges) == 2
