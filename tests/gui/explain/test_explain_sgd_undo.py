"""Explain's "Apply one SGD step", then Undo: the panel kept saying "One SGD step on row 0 …
Undo puts the weights back." over the weights from before it, as if the step were still
applied; it now says the step was undone, and Redo brings its numbers back (Korean too)."""

import gc

import pytest
from PySide6.QtCore import Qt

from gui.document import undo_budget
from gui.explain.shown import SgdStepCommand
from tests.gui.training_support import train_to_end

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


def test_a_step_the_undo_history_let_go_is_not_said_undone(qtbot, window, stepped, monkeypatch):
    """The undo history's budget drops its oldest heavy entries: when it dropped the SGD step,
    the panel said the step "was undone" though the weights kept it. It says the history let
    the step go, and the weights keep it."""
    panel = stepped
    stepped_weights = {k: v.copy() for k, v in window.doc.arrays.items()}
    loss = panel.result.text().split("(lr 1): ")[1].split(". Undo")[0]
    monkeypatch.setattr(undo_budget, "UNDO_BYTES", 1)  # only the newest entry is sure to stay
    window.training.docks["Training"].raise_()
    epochs = window.training.settings_panel.epochs_spin
    epochs.setFocus()
    qtbot.keyClick(epochs, Qt.Key.Key_Up)  # a small edit after the step: the step goes
    stack = window.doc.undo_stack
    qtbot.waitUntil(lambda: stack.count() == 1)
    assert stack.text(0).startswith("Change")  # the epochs edit, the step gone before it
    let_go = (f"One SGD step on row 0 (lr 1): {loss}. It was dropped from the undo history to "
              "keep memory: Undo no longer takes it back.")
    window.explain.dock.raise_()  # back to Explain
    qtbot.waitUntil(lambda: panel.result.text() == let_go)
    gc.collect()  # the note keeps no entry the history let go (its copies of every weight)
    assert not [o for o in gc.get_objects() if type(o) is SgdStepCommand]
    for name, value in stepped_weights.items():
        assert (window.doc.array(name) == value).all()
    train_to_end(qtbot, window)  # Explain traces the new weights; the note still holds
    window.explain.dock.raise_()
    qtbot.waitUntil(lambda: panel.explanation is not None and not panel.tracer.busy)
    assert panel.result.text() == let_go
    window.undo_action.trigger()  # the run goes: the weights are the step's again
    for name, value in stepped_weights.items():
        assert (window.doc.array(name) == value).all()
    qtbot.waitUntil(lambda: panel.result.text() == let_go)


def test_a_step_let_go_is_said_in_korean(qtbot, window, stepped, monkeypatch, korean):
    monkeypatch.setattr(undo_budget, "UNDO_BYTES", 1)
    window.training.docks["Training"].raise_()
    epochs = window.training.settings_panel.epochs_spin
    epochs.setFocus()
    qtbot.keyClick(epochs, Qt.Key.Key_Up)
    qtbot.waitUntil(lambda: window.doc.undo_stack.count() == 1)
    window.explain.dock.raise_()
    qtbot.waitUntil(lambda: "실행 취소 기록" in stepped.result.text())
    assert stepped.result.text().startswith("행 0에서 SGD 한 단계(lr 1): 이 행의 손실 0.6628")
    assert stepped.result.text().endswith(
        "메모리를 아끼려고 실행 취소 기록에서 지웠습니다: 이제 실행 취소로 되돌릴 수 없습니다.")


def test_another_project_does_not_show_the_steps_note(qtbot, window, stepped):
    """The note of an SGD step stayed under the buttons after another project was opened (as
    "was undone", or "dropped from the undo history"): it was of the project before."""
    assert window.files.open_example("xor_by_hand")
    qtbot.waitUntil(lambda: stepped.explanation is not None and not stepped.tracer.busy)
    assert stepped.result.text() == "" and not stepped.result.isVisible()
