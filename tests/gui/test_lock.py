"""The document's lock alone disables what edits the structure: the palette, the data picker,
the inspector's node form and Undo/Redo (the window's and the search lab's own) follow it with
no window code in between."""

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget

from core.spec import input_node
from gui.document.commands import AddNodeCommand, MoveNodesCommand
from gui.document.data_source import DataSource
from gui.document.document import GraphDocument
from gui.inspector import Inspector
from gui.lock import short_undo_actions, undo_actions
from gui.panels.data_picker import DataPicker
from gui.panels.palette import Palette


def test_locking_the_document_disables_the_editors_and_undo_until_unlocked(qtbot):
    host = QWidget()  # owns the document before the actions, as the main window does
    qtbot.addWidget(host)
    doc = GraphDocument(host)
    palette, picker = Palette(doc), DataPicker(doc, DataSource(doc))
    inspector = Inspector(doc)
    undo, redo = undo_actions(doc, host)
    tool_undo, tool_redo = short_undo_actions(doc, host)
    for widget in (palette, picker, inspector):
        qtbot.addWidget(widget)
    assert not undo.isEnabled() and not tool_undo.isEnabled()  # nothing to undo yet
    doc.push(AddNodeCommand(doc, input_node("1", 2)))
    assert undo.isEnabled() and tool_undo.isEnabled() and not redo.isEnabled()

    doc.lock("Training runs")
    assert not palette.isEnabled() and not picker.isEnabled()
    assert not inspector.node_form.isEnabled()
    assert not undo.isEnabled() and not tool_undo.isEnabled()
    requested = []
    palette.add_requested.connect(requested.append)
    qtbot.mouseClick(palette.buttons["hidden"], Qt.MouseButton.LeftButton)
    assert requested == []

    doc.unlock()
    assert palette.isEnabled() and picker.isEnabled() and inspector.node_form.isEnabled()
    qtbot.mouseClick(palette.buttons["hidden"], Qt.MouseButton.LeftButton)
    assert requested == ["hidden"]
    assert undo.isEnabled() and tool_undo.isEnabled() and not redo.isEnabled()
    tool_undo.trigger()
    assert doc.spec.nodes == ()
    assert redo.isEnabled() and tool_redo.isEnabled() and not undo.isEnabled()


def test_an_edit_allowed_while_locked_leaves_undo_disabled(qtbot):
    host = QWidget()  # owns the document before the actions, as the main window does
    qtbot.addWidget(host)
    doc = GraphDocument(host)
    doc.push(AddNodeCommand(doc, input_node("1", 2)))
    undo, _redo = undo_actions(doc, host)
    doc.lock("Training runs")
    # moving nodes is allowed while locked (it changes no training) and can be undone later
    assert doc.push(MoveNodesCommand(doc, {"1": ((0.0, 0.0), (40.0, 0.0))}))
    assert doc.undo_stack.canUndo() and not undo.isEnabled()
    doc.unlock()
    assert undo.isEnabled()


def test_the_search_labs_own_undo_waits_while_the_document_is_locked(qtbot, window, open_lab):
    lab = open_lab("search")  # on the empty canvas it opens the Spiral example
    qtbot.waitUntil(lambda: window.files.display_name() == "Spiral")
    nodes = window.doc.spec.nodes
    undo = next(a for a in lab.actions() if a.text().startswith("&Undo"))
    window.doc.push(AddNodeCommand(window.doc, input_node("extra", 2)))
    assert undo.isEnabled() and undo.text() == "&Undo Add input extra"
    window.doc.lock("Training runs")
    assert not undo.isEnabled()
    qtbot.keyClick(lab.results.table, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert window.doc.spec.nodes[-1].id == "extra" and len(window.doc.spec.nodes) == len(nodes) + 1
    window.doc.unlock()
    qtbot.keyClick(lab.results.table, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert window.doc.spec.nodes == nodes
