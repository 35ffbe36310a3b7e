"""Moving nodes with the keyboard: the arrow keys move the selected nodes a grid step (Shift:
five), Alt+arrows while Explain's ← → step through a row; one undo entry a burst, kept inside
the canvas, each move said in the status bar."""

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from gui.canvas.view import CANVAS_RECT, GRID, MAJOR_EVERY
from gui.document.commands import MoveNodesCommand
from tests.gui.canvas.test_keyboard_building import press, status, tab_to
from tests.gui.training_support import open_example

ALT = Qt.KeyboardModifier.AltModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier
CTRL = Qt.KeyboardModifier.ControlModifier


def position(window, node_id):
    return window.doc.spec.node(node_id).position


def on_canvas(qtbot, window) -> None:
    window.activateWindow()
    window.view.setFocus(Qt.FocusReason.ShortcutFocusReason)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is window.view)


def test_arrow_keys_move_the_selected_nodes_as_one_undo_entry(qtbot, window):
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is not None)
    for kind in ("input", "hidden"):
        tab_to(qtbot, window, window.palette.buttons[kind])
        press(qtbot, window, Qt.Key.Key_Space)
    on_canvas(qtbot, window)
    press(qtbot, window, Qt.Key.Key_Tab)  # input 1
    start = position(window, "1")
    before = window.doc.undo_stack.count()
    press(qtbot, window, Qt.Key.Key_Right)
    press(qtbot, window, Qt.Key.Key_Right)
    press(qtbot, window, Qt.Key.Key_Down, SHIFT)  # a major step
    x, y = start[0] + 2 * GRID, start[1] + MAJOR_EVERY * GRID
    assert position(window, "1") == (x, y)
    assert window.scene.node_item("1").pos().x() == x  # the card moved, not only the file
    assert status(window) == f"Moved input 1 down: it is at x {x:g}, y {y:g}."
    assert window.doc.undo_stack.count() == before + 1  # one entry for the burst
    assert QApplication.focusWidget() is window.view

    press(qtbot, window, Qt.Key.Key_Tab, CTRL)  # both selected: a new burst
    press(qtbot, window, Qt.Key.Key_Left, ALT)
    assert position(window, "1") == (x - GRID, y)
    assert status(window) == "Moved 2 nodes left."
    assert window.doc.undo_stack.count() == before + 2
    press(qtbot, window, Qt.Key.Key_Z, CTRL)
    press(qtbot, window, Qt.Key.Key_Z, CTRL)
    assert position(window, "1") == start

    # at the edge of the canvas: clamped, and said
    near = (CANVAS_RECT.right() - 150, start[1])
    window.doc.push(MoveNodesCommand(window.doc, {"1": (start, near)}))  # put there
    window.scene.select_only(["1"])
    item = window.scene.node_item("1")
    press(qtbot, window, Qt.Key.Key_Right, SHIFT)
    press(qtbot, window, Qt.Key.Key_Right, SHIFT)  # 200 px asked, less was left
    assert item.sceneBoundingRect().right() == CANVAS_RECT.right()
    press(qtbot, window, Qt.Key.Key_Right)
    assert item.sceneBoundingRect().right() == CANVAS_RECT.right()
    assert status(window) == "The canvas ends there: input 1 cannot go further right."


def test_alt_arrows_move_while_explain_steps_with_the_arrows(qtbot, window):
    open_example(window, "spiral")
    on_canvas(qtbot, window)
    press(qtbot, window, Qt.Key.Key_E, CTRL)  # Explain a row
    panel = window.explain
    qtbot.waitUntil(lambda: panel.explanation is not None)
    on_canvas(qtbot, window)
    node_id = window.doc.spec.nodes[0].id
    window.scene.select_only([node_id])
    start = position(window, node_id)
    press(qtbot, window, Qt.Key.Key_Right)  # Explain's key: the next step
    assert panel.index == 1 and position(window, node_id) == start
    press(qtbot, window, Qt.Key.Key_Right, ALT)  # Alt: the node
    assert panel.index == 1 and position(window, node_id) == (start[0] + GRID, start[1])


def test_a_move_is_announced_in_korean(qtbot, window, monkeypatch):
    from PySide6.QtGui import QAccessible

    from gui.i18n import set_language

    announced: list[str] = []
    send = QAccessible.updateAccessibility

    def record(event):
        if event.type() == QAccessible.Event.Announcement:
            announced.append(event.message())
        send(event)

    monkeypatch.setattr(QAccessible, "updateAccessibility", staticmethod(record))
    assert window.files.open_example("xor_learned")
    set_language("ko")
    try:
        on_canvas(qtbot, window)
        press(qtbot, window, Qt.Key.Key_Tab)  # input 0
        x, y = position(window, "0")
        press(qtbot, window, Qt.Key.Key_Up, ALT)
        said = f"입력 0을(를) 위로 옮겼습니다: 위치는 x {x:g}, y {y - GRID:g}입니다."
        assert announced[-1] == said
    finally:
        set_language("en")


def test_a_node_past_the_edge_is_not_moved_back_the_other_way():
    """A node a file put beyond the canvas's right edge: → moved it *left* by the overflow and
    the status bar said "Moved … right"."""
    from PySide6.QtCore import QRectF

    from gui.canvas.keyboard_move import clamped
    from gui.canvas.view import CANVAS_RECT

    past = QRectF(CANVAS_RECT.right() + 30, 0, 100, 60)
    assert clamped(past, 20, 0) == (0.0, 0.0)
    assert clamped(past, -20, 0) == (-20.0, 0.0)
    inside = QRectF(CANVAS_RECT.right() - 110, 0, 100, 60)
    assert clamped(inside, 20, 0) == (10.0, 0.0)
