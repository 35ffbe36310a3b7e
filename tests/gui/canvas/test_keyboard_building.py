"""Building a network with the keyboard alone: Tab reaches the palette and the canvas, Tab on
the canvas selects nodes (Ctrl+Tab adds one to the selection), Ctrl+K connects two selected
nodes in the flow's direction as one undoable edit, and refuses in words otherwise."""

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier


def press(qtbot, window, key, modifiers=Qt.KeyboardModifier.NoModifier) -> None:
    """A key press on whatever has the keyboard focus (the window when nothing has)."""
    qtbot.keyClick(QApplication.focusWidget() or window, key, modifiers)


def tab_to(qtbot, window, widget, backwards=False) -> None:
    """Press Tab (Shift+Tab) until ``widget`` has the focus."""
    for _ in range(80):
        if QApplication.focusWidget() is widget:
            return
        press(qtbot, window, Qt.Key.Key_Backtab if backwards else Qt.Key.Key_Tab,
              SHIFT if backwards else Qt.KeyboardModifier.NoModifier)
    raise AssertionError(f"Tab never reached {widget!r}")


def status(window) -> str:
    return window.statusBar().currentMessage()


def edges(window) -> list[tuple[str, str]]:
    return [(e.src, e.dst) for e in window.doc.spec.edges]


def test_xor_is_built_with_key_presses_only(qtbot, window):
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is not None)
    for kind in ("input", "hidden", "output"):  # Space on a palette button adds its node
        tab_to(qtbot, window, window.palette.buttons[kind])
        press(qtbot, window, Qt.Key.Key_Space)
    assert [(n.id, n.kind) for n in window.doc.spec.nodes] == [
        ("1", "input"), ("2", "hidden"), ("3", "output")]
    press(qtbot, window, Qt.Key.Key_L, CTRL)  # Auto-layout: input, hidden, output left to right
    tab_to(qtbot, window, window.view, backwards=True)

    press(qtbot, window, Qt.Key.Key_Tab)  # coming in by Tab: the first node
    assert window.scene.selected_node_ids() == ["1"]
    assert "Selected input 1." in status(window)
    assert window.inspector.node_form.isVisible()  # the Inspector edits the chosen node
    press(qtbot, window, Qt.Key.Key_K, CTRL)
    assert status(window).startswith("Select two nodes to connect") and edges(window) == []
    press(qtbot, window, Qt.Key.Key_Tab, CTRL)  # add the next node to the selection
    assert window.scene.selected_node_ids() == ["1", "2"]
    press(qtbot, window, Qt.Key.Key_K, CTRL)
    assert edges(window) == [("1", "2")]
    assert status(window) == "Connected input 1 → hidden 2."

    press(qtbot, window, Qt.Key.Key_Tab)
    assert window.scene.selected_node_ids() == ["3"]
    centre = window.view.mapToScene(window.view.viewport().rect().center())
    item = window.scene.node_item("3")
    assert item.sceneBoundingRect().contains(centre)  # the chosen node is centred in view
    press(qtbot, window, Qt.Key.Key_Backtab, CTRL | SHIFT)  # add the previous one
    assert window.scene.selected_node_ids() == ["2", "3"]
    press(qtbot, window, Qt.Key.Key_K, CTRL)  # output selected last: still hidden → output
    assert edges(window) == [("1", "2"), ("2", "3")]
    assert window.doc.spec.problems() == []

    press(qtbot, window, Qt.Key.Key_K, CTRL)  # again: refused with the drag's words
    assert status(window).startswith("Not connected: ")
    assert edges(window) == [("1", "2"), ("2", "3")]
    press(qtbot, window, Qt.Key.Key_Z, CTRL)  # Undo takes the connection back
    assert edges(window) == [("1", "2")]

    press(qtbot, window, Qt.Key.Key_Tab)  # on from hidden 2, the last one Tab went to
    assert window.scene.selected_node_ids() == ["3"]
    press(qtbot, window, Qt.Key.Key_Tab)  # past the last node the focus moves on
    assert QApplication.focusWidget() is not window.view


def test_shift_tab_goes_back_and_the_action_is_in_the_edit_menu(qtbot, window):
    assert window.files.open_example("xor_learned")
    window.view.setFocus(Qt.FocusReason.BacktabFocusReason)  # as coming back by Shift+Tab
    press(qtbot, window, Qt.Key.Key_Backtab, SHIFT)
    assert window.scene.selected_node_ids() == ["2"]
    press(qtbot, window, Qt.Key.Key_Backtab, SHIFT)
    assert window.scene.selected_node_ids() == ["1"]
    action = window.canvas_keys.connect_action
    menus = [a.menu() for a in window.menuBar().actions() if a.menu() is not None]
    edit = next(m for m in menus if window.select_all_action in m.actions())
    assert action in edit.actions() and action.text() == "Co&nnect Selected Nodes"
    assert action.shortcut().toString() == "Ctrl+K"


def test_tab_in_a_weights_editor_leaves_the_selection_alone(qtbot, window):
    from PySide6.QtCore import QPointF

    assert window.files.open_example("xor_learned")
    window.view.setFocus(Qt.FocusReason.TabFocusReason)
    press(qtbot, window, Qt.Key.Key_Tab)
    assert window.scene.selected_node_ids() == ["0"]
    window.scene.edit_bias("1", 0, QPointF(200, 0))  # as a double-click on a neuron opens
    qtbot.keyClick(window.view, Qt.Key.Key_Tab)
    assert window.scene.selected_node_ids() == ["0"]
