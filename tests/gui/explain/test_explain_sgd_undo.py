"""Explain's "Apply one SGD step", then Undo: the panel kept saying "One SGD step on row 0 …
Undo puts the weights back." over the weights from before it, as if the step were still
applied; it now says the step was undone, and Redo brings its numbers back (Korean too)."""

import pytest
from PySide6.QtCore import Qt

ROW = 0


@pytest.fixture
def stepped(qtbot, window):
    assert window.files.open_example("xor_learned")
    window.explain_action.trigger()  # View ▸ Explain… (Ctrl+E)
    panel = window.explain
    qtbot.waitUntil(lambda: panel.explanation is not None and panel.explanation.sample == ROW)
    before = panel.explanation.trace.loss
    qtbot.mouseClick(panel.sgd_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: panel.explanation.trace.loss < before)
    return panel


def test_undoing_the_step_says_so_and_redo_says_the_step_again(qtbot, window, stepped):
    panel = stepped
    said = panel.result.text()
    assert said.startswith("One SGD step on row 0 (lr 1): the row's loss 0.6628")
    assert said.endswith("Undo puts the weights back.")
    window.undo_action.trigger()
    undone = "The SGD step on row 0 was undone: the weights are as they were before it."
    qtbot.waitUntil(lambda: panel.result.text() == undone)
    assert panel.result.isVisible()
    window.redo_action.trigger()
    qtbot.waitUntil(lambda: panel.result.text() == said)


def test_it_is_said_in_korean(qtbot, window, stepped, korean):
    window.undo_action.trigger()
    qtbot.waitUntil(lambda: stepped.result.text() == (
        "행 0의 SGD 한 단계를 되돌렸습니다: 가중치가 그 단계 전으로 돌아왔습니다."))
