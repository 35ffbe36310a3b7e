"""Moving, selecting, deleting, copy/paste and auto-layout: one undo entry per gesture, and
undo restores exactly."""

import numpy as np
import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import QApplication

from gui.canvas.edge_item import EdgeItem
from gui.document.auto_layout import COLUMN_GAP


def same_arrays(a, b) -> bool:
    return a.keys() == b.keys() and all(np.array_equal(a[k], b[k]) for k in a)


def open_xor(window):
    assert window.files.open_example("xor_by_hand")
    return window.doc.spec, {k: v.copy() for k, v in window.doc.arrays.items()}


def test_delete_removes_attached_edges_and_undo_restores_them_exactly(qtbot, window, canvas):
    spec, arrays = open_xor(window)
    canvas.click_node("1")
    assert window.scene.selected_node_ids() == ["1"]
    canvas.view.setFocus()
    qtbot.keyClick(canvas.view, Qt.Key.Key_Delete)
    doc = window.doc
    assert [n.id for n in doc.spec.nodes] == ["0", "2"]
    assert doc.spec.edges == ()
    assert sorted(doc.arrays) == ["b2"]
    assert doc.undo_stack.count() == 1
    assert not [i for i in window.scene.items() if isinstance(i, EdgeItem)]

    qtbot.keyClick(canvas.view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert doc.spec == spec  # node and edge order included
    assert same_arrays(doc.arrays, arrays)
    assert {e.edge_id for e in (window.scene.edge_item("1"), window.scene.edge_item("2"))} == {
        "1", "2"}
    np.testing.assert_array_equal(window.scene.edge_item("1").weights, arrays["W1"])


def test_deleting_a_selected_edge_alone(qtbot, window, canvas):
    spec, _ = open_xor(window)
    edge = window.scene.edge_item("2")
    qtbot.mouseClick(canvas.viewport, Qt.MouseButton.LeftButton,
                     pos=canvas.point(edge.weight_point(0, 0)))
    assert window.scene.selected_edge_ids() == ["2"]
    assert window.inspector.stack.currentWidget() is window.inspector.edge_view
    window.delete_action.trigger()
    assert [e.id for e in window.doc.spec.edges] == ["1"]
    window.doc.undo_stack.undo()
    assert window.doc.spec == spec


def test_a_drag_is_one_undo_entry_recorded_on_release(qtbot, window, canvas):
    open_xor(window)
    item = window.scene.node_item("1")
    start = item.mapToScene(QPointF(0, item.body_rect().top() + 10))
    old = window.doc.spec.node("1").position
    end = start + QPointF(60, 90)
    canvas.drag(start, end, steps=8)
    new = window.doc.spec.node("1").position
    # the mouse moves in whole pixels of the view: the node moves by their distance in the
    # scene, (60, 90) up to the view's rounding (it depends on the canvas's size and zoom;
    # positions are kept to 0.1)
    view = window.view
    moved = view.mapToScene(canvas.point(end)) - view.mapToScene(canvas.point(start))
    assert new[0] - old[0] == pytest.approx(moved.x(), abs=0.06) and abs(moved.x() - 60) < 2
    assert new[1] - old[1] == pytest.approx(moved.y(), abs=0.06) and abs(moved.y() - 90) < 2
    assert window.doc.undo_stack.count() == 1
    assert window.doc.undo_stack.undoText() == "Move NAND | OR"
    window.doc.undo_stack.undo()
    assert window.doc.spec.node("1").position == old
    assert (item.pos().x(), item.pos().y()) == old


def test_moving_several_selected_nodes_is_one_entry(qtbot, window, canvas):
    open_xor(window)
    canvas.click_node("0")
    canvas.click_node("1", Qt.KeyboardModifier.ControlModifier)
    assert window.scene.selected_node_ids() == ["0", "1"]
    item = window.scene.node_item("1")
    start = item.mapToScene(QPointF(0, item.body_rect().top() + 10))
    canvas.drag(start, start + QPointF(0, 100))
    assert window.doc.undo_stack.count() == 1
    assert window.doc.undo_stack.undoText() == "Move 2 nodes"
    y0, y1 = window.doc.spec.node("0").position[1], window.doc.spec.node("1").position[1]
    assert y0 == y1 and abs(y0 - 100) < 1.5  # both moved together (mouse pixels rounded)


def test_rubber_band_selects_and_select_all(qtbot, window, canvas):
    open_xor(window)
    a = window.scene.node_item("0").sceneBoundingRect().topLeft() - QPointF(30, 30)
    b = window.scene.node_item("1").sceneBoundingRect().bottomRight() + QPointF(10, 10)
    canvas.drag(a, b)
    assert window.scene.selected_node_ids() == ["0", "1"]
    assert window.doc.undo_stack.count() == 0
    window.select_all_action.trigger()
    assert window.scene.selected_node_ids() == ["0", "1", "2"]


def test_copy_paste_duplicates_nodes_with_weights_in_one_entry(qtbot, window, canvas):
    open_xor(window)
    window.select_all_action.trigger()
    canvas.view.setFocus()
    qtbot.keyClick(canvas.view, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(canvas.view, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    doc = window.doc
    assert [n.id for n in doc.spec.nodes] == ["0", "1", "2", "3", "4", "5"]
    assert [(e.src, e.dst) for e in doc.spec.edges][2:] == [("3", "4"), ("4", "5")]
    np.testing.assert_array_equal(doc.array("W3"), doc.array("W1"))
    np.testing.assert_array_equal(doc.array("b4"), doc.array("b1"))
    assert window.scene.selected_node_ids() == ["3", "4", "5"]
    assert doc.spec.node("3").position == (doc.spec.node("0").position[0] + 40,
                                           doc.spec.node("0").position[1] + 40)
    assert doc.undo_stack.count() == 1
    assert any("output nodes" in p.message for p in doc.problems)  # two outputs now
    doc.undo_stack.undo()
    assert [n.id for n in doc.spec.nodes] == ["0", "1", "2"]


def test_auto_layout_puts_nodes_in_columns_by_depth(qtbot, window, canvas):
    canvas.drop_from_palette("output", QPoint(100, 100))
    canvas.drop_from_palette("hidden", QPoint(400, 400))
    canvas.drop_from_palette("input", QPoint(600, 150))
    canvas.connect("3", "2")
    canvas.connect("2", "1")
    canvas.connect("3", "1")
    count = window.doc.undo_stack.count()
    window.layout_action.trigger()
    xs = {n.id: n.position[0] for n in window.doc.spec.nodes}
    assert xs == {"3": 0.0, "2": COLUMN_GAP, "1": 2 * COLUMN_GAP}
    assert window.doc.undo_stack.count() == count + 1
    assert window.doc.undo_stack.undoText() == "Auto-layout"


def test_wheel_zooms_and_fit_shows_everything(qtbot, window, canvas):
    open_xor(window)
    before = canvas.view.zoom
    at = QPoint(200, 200)
    event = QWheelEvent(QPointF(at), QPointF(canvas.viewport.mapToGlobal(at)), QPoint(0, 0),
                        QPoint(0, 240), Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier,
                        Qt.ScrollPhase.NoScrollPhase, False)
    QApplication.sendEvent(canvas.viewport, event)
    assert abs(canvas.view.zoom - before * 1.15 ** 2) < 1e-9
    window.fit_action.trigger()
    visible = canvas.view.mapToScene(canvas.viewport.rect()).boundingRect()
    for item in window.scene.node_items():
        assert visible.contains(item.sceneBoundingRect())
    assert window.zoom_label.text() == f"{canvas.view.zoom * 100:.0f} %"


def test_toolbar_undo_keeps_its_label_and_names_the_step(window, canvas):
    canvas.drop_from_palette("hidden", QPoint(200, 200))
    toolbar_undo = next(a for a in window.findChildren(type(window.undo_action))
                        if a.text() == "Undo")
    assert toolbar_undo.isEnabled()
    assert toolbar_undo.toolTip() == "Undo Add hidden 1 (Ctrl+Z)"
    assert window.undo_action.text() == "&Undo Add hidden 1"
    toolbar_undo.trigger()
    assert window.doc.spec.nodes == ()
    assert not toolbar_undo.isEnabled()


def test_quitting_after_a_copy_does_not_crash(tmp_path):
    """PySide6 6.11 segfaults at exit if a Python-made QMimeData is on the clipboard; copy
    puts plain text there instead. A subprocess, so a crash fails this test, not pytest."""
    import subprocess
    import sys

    script = (
        "import os; os.environ['QT_QPA_PLATFORM'] = 'offscreen'\n"
        "from PySide6.QtCore import QSettings\n"
        "from PySide6.QtWidgets import QApplication\n"
        "app = QApplication([])\n"
        "from gui.main_window import MainWindow\n"
        f"w = MainWindow(QSettings({str(tmp_path / 's.ini')!r}, QSettings.Format.IniFormat))\n"
        "assert w.files.open_example('xor_learned')\n"
        "w.select_all_action.trigger()\n"
        "w.copy_selection()\n"
        "assert 'netcanvas_fragment' in QApplication.clipboard().text()\n"
        "print('copied')\n"
    )
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                            timeout=120)
    assert result.returncode == 0, (result.returncode, result.stderr[-1500:])
    assert "copied" in result.stdout
