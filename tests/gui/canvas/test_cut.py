"""Edit ▸ Cut (Ctrl+X): the selected nodes go to the clipboard with their weights and leave the
canvas in one undo entry — Paste puts the copy back anywhere, one Undo puts them back where they
were, connections and weights included."""

import numpy as np
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from gui.i18n import set_language

CTRL = Qt.KeyboardModifier.ControlModifier


def test_cut_then_undo_gives_the_network_back_and_paste_the_copy(qtbot, window, canvas):
    window.files.open_example("xor_learned")
    before = window.doc.spec.to_dict()
    weights = {name: np.array(value) for name, value in window.doc.arrays.items()}
    canvas.click_node("1")
    window.view.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is window.view)
    qtbot.keyClick(window.view, Qt.Key.Key_X, CTRL)
    assert [n.id for n in window.doc.spec.nodes] == ["0", "2"]
    assert window.doc.spec.edges == ()  # both of hidden 1's connections went with it
    assert window.statusBar().currentMessage() == "Cut 1 node."
    assert window.undo_action.text() == "&Undo Cut 1 node"
    window.paste_action.trigger()  # the clipboard holds the node, with its bias
    assert len(window.doc.spec.nodes) == 3
    window.doc.undo_stack.undo()  # the paste
    window.doc.undo_stack.undo()  # the cut: one entry
    assert window.doc.spec.to_dict() == before
    assert window.doc.arrays.keys() == weights.keys()
    for name, value in window.doc.arrays.items():  # the learned weights, not new ones
        np.testing.assert_array_equal(value, weights[name])


def test_cut_needs_nodes_and_says_its_count_in_korean(qtbot, window, canvas, korean):
    window.files.open_example("xor_learned")
    window.cut_action.trigger()  # nothing selected: nothing happens
    assert len(window.doc.spec.nodes) == 3 and window.doc.undo_stack.count() == 0
    canvas.click_node("0")
    canvas.click_node("1", CTRL)
    window.cut_action.trigger()  # from the menu, wherever the focus is
    assert [n.id for n in window.doc.spec.nodes] == ["2"]
    assert window.statusBar().currentMessage() == "노드 2개를 잘라냈습니다."
    assert window.doc.undo_stack.text(0) == "노드 2개 잘라내기"
    set_language("en")
    assert window.cut_action.text() == "Cu&t"


def test_while_a_run_locks_the_structure_cut_takes_nothing(qtbot, window, canvas):
    window.files.open_example("xor_learned")
    QApplication.clipboard().setText("kept")
    canvas.click_node("1")
    window.doc.lock("Training runs")  # as a running training does
    window.cut_action.trigger()
    assert [n.id for n in window.doc.spec.nodes] == ["0", "1", "2"]
    assert QApplication.clipboard().text() == "kept"
    assert "Cut" not in window.statusBar().currentMessage()
    window.doc.unlock()


def test_connections_alone_are_not_cut_and_it_says_so(qtbot, window, canvas):
    window.files.open_example("xor_learned")
    edge = window.doc.spec.edges[0].id
    window.scene.select_only([], [edge])
    window.cut_action.trigger()
    assert edge in [e.id for e in window.doc.spec.edges]
    assert window.statusBar().currentMessage().startswith("Cut copies nodes:")
