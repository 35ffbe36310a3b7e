"""An edit that fails as it is done (its command's first redo raises) is taken back whole: no
undo entry, the network and weights as before on the document and the canvas, and the status bar
says in words what could not be done — never a traceback, never an entry that changed nothing."""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import Qt

from core.spec import NetworkSpec


def test_a_delete_that_fails_midway_is_taken_back_without_an_undo_entry(
        qtbot, window, canvas, monkeypatch, capsys):
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
        "“Delete 1 item” could not be done, so nothing was changed: an internal error (the "
        "details went to the error output).")  # the exception's English: to stderr only
    assert "RuntimeError: the node is held by something else" in capsys.readouterr().err
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


def failing_settings_change(doc, lr: float):
    from gui.document.commands import ChangeSettingsCommand

    failing = ChangeSettingsCommand(doc, {"lr": lr})
    failing.redo = lambda: (_ for _ in ()).throw(ValueError("no"))  # a real command, failing
    return failing


def test_a_failed_edit_keeps_the_redo_history(window):
    """QUndoStack.push drops the undone entries before it looks at the command: a failing edit
    pushed there took the redo history with it (Redo greyed out, the entry gone) although it
    changed nothing. The guard does the first redo before pushing, so nothing is dropped."""
    from gui.document.commands import ChangeSettingsCommand

    doc = window.doc
    stack = doc.undo_stack
    stack.clear()
    before = doc.settings.lr
    doc.push(ChangeSettingsCommand(doc, {"lr": 0.25}))
    stack.undo()
    assert doc.settings.lr == before and stack.canRedo() and stack.count() == 1
    assert not doc.push(failing_settings_change(doc, 0.5))
    assert stack.canRedo() and stack.count() == 1 and stack.index() == 0
    stack.redo()
    assert doc.settings.lr == 0.25 and stack.index() == 1


def test_a_working_edit_is_done_once(window):
    """The guard does the first redo itself; the stack's own (in push) is skipped, and every
    later redo runs again."""
    from gui.document.commands import ChangeSettingsCommand

    doc = window.doc
    before, done = doc.settings.lr, []
    doc.settings_changed.connect(lambda *_args: done.append(doc.settings.lr))
    assert doc.push(ChangeSettingsCommand(doc, {"lr": 0.125}))
    assert done == [0.125]
    doc.undo_stack.undo()
    doc.undo_stack.redo()
    assert done == [0.125, before, 0.125]


def test_a_failed_edit_is_said_in_korean(qtbot, window):
    """The message said the exception's developer English after the Korean words."""
    from gui.i18n import set_language

    doc = window.doc
    try:
        window.language_menu.language_actions["ko"].trigger()
        qtbot.waitUntil(lambda: window.training.docks["Loss"].windowTitle() == "손실")
        assert not doc.push(failing_settings_change(doc, 0.5))
        message = window.statusBar().currentMessage()
        assert "no" not in message.replace("”", " ").split() and "내부 오류" in message, message
    finally:
        set_language("en")
