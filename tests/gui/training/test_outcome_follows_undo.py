"""The Training dock's outcome ("Solved XOR gate: 100 % of the rows right") belongs with the
weights the run left: Undo of the run takes it away (it stayed over the untrained weights, the
predictions at 50 %), Redo brings it back, Reset Weights takes it away."""

from PySide6.QtCore import Qt

from gui.document.commands import SetArrayValueCommand
from tests.gui.training_support import click, open_example, train_to_end

CTRL = Qt.KeyboardModifier.ControlModifier
SOLVED = "Solved XOR gate: 100 % of the rows right."


def test_undo_and_redo_of_a_run_take_its_outcome_away_and_back(qtbot, window):
    open_example(window, "xor_learned", epochs=300, lr=1.0)
    train_to_end(qtbot, window)
    label = window.training.settings_panel.outcome_label
    assert SOLVED in label.text()

    qtbot.keyClick(window.view, Qt.Key.Key_Z, CTRL)
    assert window.doc.history is None
    assert label.text() == ""
    qtbot.keyClick(window.view, Qt.Key.Key_Z, CTRL | Qt.KeyboardModifier.ShiftModifier)
    assert SOLVED in label.text()

    click(qtbot, window, "reset")
    assert window.doc.undo_stack.undoText() == "Reset weights"
    assert label.text() == ""


def test_a_typed_weight_takes_the_outcome_away_and_its_undo_brings_it_back(qtbot, window):
    """Output and Predictions said 50 % after a weight was typed, the outcome still "Solved"."""
    open_example(window, "xor_learned", epochs=300, lr=1.0)
    train_to_end(qtbot, window)
    label = window.training.settings_panel.outcome_label
    assert SOLVED in label.text()
    doc = window.doc
    doc.push(SetArrayValueCommand(doc, "b1", (0,), 50.0))  # as the inspector types it
    assert label.text() == ""
    doc.undo_stack.undo()
    assert SOLVED in label.text()


def test_in_korean_too(qtbot, window, korean):
    open_example(window, "xor_learned", epochs=300, lr=1.0)
    train_to_end(qtbot, window)
    label = window.training.settings_panel.outcome_label
    solved = label.text()
    assert "XOR" in solved and "100%" in solved
    window.doc.push(SetArrayValueCommand(window.doc, "b1", (0,), 50.0))
    assert label.text() == ""
    window.doc.undo_stack.undo()
    assert label.text() == solved
