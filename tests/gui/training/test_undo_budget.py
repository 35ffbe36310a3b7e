"""The undo history's byte budget: Train and Continue from here entries hold weights and the
epochs a Continue cut off, so past the budget the oldest of them go, with everything older;
what stays undoes and redoes as before, and the status line says the oldest steps went. Small
edits hold nothing counted, so a long session of them stays undoable."""

import numpy as np
import pytest
from PySide6.QtCore import Qt

from gui.document import undo_budget
from gui.document.commands import MoveNodesCommand
from gui.document.undo_budget import held_bytes
from gui.i18n import set_language
from tests.gui.training_support import open_example, train_to_end

TRAINED = 30
SHOWN = 10
LET_GO = "The oldest steps of the undo history were let go to keep memory."


def pull_back_and_continue(qtbot, window, steps: int = TRAINED - SHOWN) -> None:
    timeline = window.training.timeline
    slider = timeline.bar.slider
    slider.setFocus()
    for _ in range(steps):
        qtbot.keyPress(slider, Qt.Key.Key_Left)
    qtbot.waitUntil(lambda: window.doc.previewing and not timeline.runner.busy)
    qtbot.mouseClick(timeline.bar.continue_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not window.doc.previewing)


def arrays(window) -> dict[str, np.ndarray]:
    return {k: np.array(v) for k, v in window.doc.arrays.items()}


def assert_same(window, expected: dict[str, np.ndarray]) -> None:
    for name, value in expected.items():
        np.testing.assert_array_equal(window.doc.array(name), value)


def test_heavy_entries_past_the_budget_go_oldest_first(qtbot, window, monkeypatch):
    stack = window.doc.undo_stack
    open_example(window, "xor_learned", epochs=TRAINED)  # entry 0: the settings
    states = [arrays(window)]
    train_to_end(qtbot, window)  # 1
    states.append(arrays(window))
    pull_back_and_continue(qtbot, window)  # 2
    states.append(arrays(window))
    train_to_end(qtbot, window)  # 3
    states.append(arrays(window))
    qtbot.wait(10)
    assert stack.count() == 4  # the default budget keeps them all
    held = [held_bytes(stack.command(i)) for i in range(4)]
    assert held[0] == 0 and all(h > 0 for h in held[1:])
    assert held[2] > held[1]  # the Continue keeps the epochs it cut off

    texts = [stack.text(i) for i in range(4)]
    assert texts[2] == f"Continue from epoch {SHOWN}"
    budget = held[2] + held[3]
    monkeypatch.setattr(undo_budget, "UNDO_BYTES", budget)
    pull_back_and_continue(qtbot, window)  # 4
    states.append(arrays(window))
    newest = held_bytes(stack.command(stack.count() - 1)) if stack.count() == 5 else None
    qtbot.waitUntil(lambda: stack.count() < 5)
    # the rule, worked out here: the newest kept; older ones while the total stays in budget
    held.append(newest if newest is not None else held_bytes(stack.command(stack.count() - 1)))
    texts.append(stack.text(stack.count() - 1))
    assert texts[4] == "Continue from epoch 20"  # trained on to 40 from 10, pulled back 20
    total, first = 0, 4
    for index in range(4, -1, -1):
        total += held[index]
        if total > budget and index < 4:
            break
        first = index
    assert 1 <= first <= 3, held
    assert stack.count() == 5 - first
    assert [stack.text(i) for i in range(stack.count())] == texts[first:]
    # said first, before the Continue's own message (after it, the bar's edge cut it off)
    assert window.statusBar().currentMessage().startswith(LET_GO + " Epoch 20 is the latest")
    set_language("ko")
    try:
        assert window.statusBar().currentMessage().startswith(
            "메모리를 아끼려고 실행 취소 기록의 가장 오래된 단계들을 지웠습니다. 이제 에폭 20")
    finally:
        set_language("en")
    assert stack.index() == stack.count() and not stack.isClean()

    for _ in range(stack.count()):  # what stays undoes as before
        stack.undo()
    assert not stack.canUndo()
    assert_same(window, states[first - 1])
    for _ in range(stack.count()):  # and redoes
        stack.redo()
    assert_same(window, states[4])
    assert window.training.timeline.bar.label.text() == "epoch 20 / 20 (latest)"
    stack.undo()  # the kept Continue still brings back the epochs it cut off
    assert window.training.timeline.bar.label.text().startswith("epoch 40 / 40")

    kept = stack.count()  # the next drop goes on quietly: said once, not every cycle
    train_to_end(qtbot, window)
    pull_back_and_continue(qtbot, window)
    qtbot.waitUntil(lambda: window.doc.undo_budget.dropped > first)
    assert stack.count() <= kept + 1
    assert LET_GO not in window.statusBar().currentMessage()


def test_a_long_session_of_small_edits_stays_undoable(qtbot, window):
    open_example(window, "xor_learned", epochs=5)
    doc = window.doc
    start = {n.id: n.position for n in doc.spec.nodes}
    before = arrays(window)
    train_to_end(qtbot, window)
    node = doc.spec.nodes[0].id
    x, y = start[node]
    for step in range(600):  # one move after another, none merged
        doc.push(MoveNodesCommand(doc, {node: ((x + step, y), (x + step + 1, y))}))
    train_to_end(qtbot, window)
    qtbot.wait(10)
    stack = doc.undo_stack
    assert stack.count() == 603
    assert "let go" not in window.statusBar().currentMessage()
    while stack.canUndo():
        stack.undo()
    assert {n.id: n.position for n in doc.spec.nodes} == start
    assert_same(window, before)


@pytest.mark.parametrize("limit", [undo_budget.UNDO_LIMIT])
def test_the_history_keeps_a_bounded_number_of_entries(window, limit):
    assert window.doc.undo_stack.undoLimit() == limit >= 600
