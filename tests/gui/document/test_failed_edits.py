"""An edit that fails as it is done (its command's first redo raises) is taken back whole: no
undo entry, the network and weights as before on the document and the canvas, and the status bar
says in words what could not be done — never a traceback, never an entry that changed nothing."""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import Qt

from core.spec import NetworkSpec


def test_a_delete_that_fails_midway_is_taken_back_without_an_undo_entry(
        qtbot, window, canvas, monkeypatch):
    window.files.open_example("xor_by_hand")
    doc = window.doc
    spec: NetworkSpec = doc.spec
    arrays = {name: value.copy() for name, value in doc.arrays.items()}
    entries, index = doc.undo_stack.count(), doc.undo_stack.index()
    touching = [e.id for e in (*spec.incoming("1"), *spec.outgoing("1"))]
    assert touching  # its edges go first, then the node: the failure comes halfway

    def remove_node(node_id: str):
        raise RuntimeError("the node is held by something else")

    monkeypatch.setattr(doc, "remove_node", remove_node)
    canvas.click_node("1")
    qtbot.keyClick(window.view, Qt.Key.Key_Delete)
    assert doc.undo_stack.count() == entries and doc.undo_stack.index() == index
    assert doc.spec == spec
    assert sorted(doc.arrays) == sorted(arrays)
    assert all(np.array_equal(doc.array(name), value) for name, value in arrays.items())
    assert sorted(item.edge_id for item in window.scene.edge_items()) == sorted(
        e.id for e in spec.edges)  # the canvas drew the edges again
    assert window.statusBar().currentMessage() == (
        "“Delete 1 item” could not be done, so nothing was changed: the node is held by "
        "something else")
    monkeypatch.undo()  # the next edit works, and undoes as usual
    qtbot.keyClick(window.view, Qt.Key.Key_Delete)
    assert not doc.spec.has_node("1") and doc.undo_stack.count() == entries + 1
    doc.undo_stack.undo()
    assert doc.spec == spec


def test_a_failed_edit_does_not_merge_into_the_one_before(window):
    """Setting changes merge into one undo entry; a failing one must not slip its values into
    the entry before it."""
    from gui.document.commands import ChangeSettingsCommand

    doc = window.doc
    doc.push(ChangeSettingsCommand(doc, {"lr": 0.25}))
    entries = doc.undo_stack.count()
    failing = ChangeSettingsCommand(doc, {"lr": 0.5})
    failing.redo = lambda: (_ for _ in ()).throw(ValueError("no"))  # a real command, failing
    assert not doc.push(failing)
    assert doc.settings.lr == 0.25 and doc.undo_stack.count() == entries
    doc.undo_stack.undo()
    assert doc.settings.lr != 0.25
    doc.undo_stack.redo()
    assert doc.settings.lr == 0.25
