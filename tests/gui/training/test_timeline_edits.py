"""Edits while the timeline is pulled back: a weight typed on the canvas is refused (it would
have changed the latest weights, not those on show) and the status bar says what to do;
Continue from here makes the epoch on show the latest, says to press Train, and the Runs list
shows the run cut there (Undo puts the whole run back)."""

import numpy as np
import pytest
from PySide6.QtCore import Qt

from core.engine.params import weight_name
from gui.i18n import set_language
from gui.training.runs_list import ENDED, EPOCHS, LOSS
from tests.gui.training_support import open_example, train_to_end

TRAINED = 30  # epochs
SHOWN = 10  # the epoch the slider is pulled back to


@pytest.fixture
def rewound(qtbot, window):
    """XOR trained 30 epochs, the slider pulled back to epoch 10 with the arrow key."""
    open_example(window, "xor_learned", epochs=TRAINED)
    train_to_end(qtbot, window)
    timeline = window.training.timeline
    slider = timeline.bar.slider
    slider.setFocus()
    for _ in range(TRAINED - SHOWN):
        qtbot.keyPress(slider, Qt.Key.Key_Left)
    qtbot.waitUntil(lambda: window.doc.previewing and not timeline.runner.busy)
    assert timeline.bar.label.text() == f"epoch {SHOWN} / {TRAINED}"
    return window


def runs_row(window, row: int = 0) -> tuple[str, str, str]:
    model = window.training.runs.model
    return tuple(model.index(row, c).data() for c in (EPOCHS, ENDED, LOSS))


def test_a_weight_typed_while_pulled_back_is_refused_and_says_what_to_do(qtbot, rewound,
                                                                          canvas):
    window = rewound
    doc = window.doc
    latest = {k: np.array(v) for k, v in doc.arrays.items()}
    shown = window.training.timeline.timeline.at(SHOWN).params[weight_name("1")]
    edits = doc.undo_stack.count()
    point = canvas.scene.edge_item("1").weight_point(0, 0)
    canvas.double_click(point)  # the box opens on the value drawn, epoch 10's
    assert canvas.scene.editor.text() == f"{shown[0, 0]:.6g}" != f"{latest['W1'][0, 0]:.6g}"
    qtbot.keyClick(canvas.scene.editor, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: canvas.scene.editor is None)
    canvas.type_value(point, "5")
    for name, value in latest.items():  # the latest weights are untouched
        np.testing.assert_array_equal(doc.array(name), value)
    assert doc.undo_stack.count() == edits
    assert window.statusBar().currentMessage() == (
        f"Not now: the timeline shows epoch {SHOWN}: press Continue from here to edit from "
        "that epoch, or move the slider to its right end to edit the latest weights.")
    # still pulled back, the canvas still drawing epoch 10's weights
    assert window.training.timeline.bar.label.text() == f"epoch {SHOWN} / {TRAINED}"
    np.testing.assert_array_equal(doc.shown_array(weight_name("1")), shown)

    qtbot.mouseClick(window.training.timeline.bar.continue_button, Qt.MouseButton.LeftButton)
    canvas.type_value(canvas.scene.edge_item("1").weight_point(0, 0), "5")
    assert doc.array(weight_name("1"))[0, 0] == 5  # from epoch 10 on, edits are taken
    np.testing.assert_array_equal(doc.array(weight_name("1"))[1], shown[1])


def test_continue_from_here_says_press_train_and_the_runs_list_shows_the_cut(qtbot, rewound):
    window = rewound
    doc = window.doc
    trained = runs_row(window)
    assert trained[:2] == (str(TRAINED), "finished")
    button = window.training.timeline.bar.continue_button
    assert "press Train to go on" in button.toolTip()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert window.statusBar().currentMessage() == (
        f"Epoch {SHOWN} is the latest now: press Train to go on from it. The epochs after it "
        "are dropped from this run (Undo brings them back).")
    english = window.statusBar().currentMessage()
    try:  # said again in Korean when the language changes (it stayed English)
        set_language("ko")
        qtbot.waitUntil(lambda: window.statusBar().currentMessage().startswith(
            f"이제 에폭 {SHOWN}이(가) 최신입니다"))
    finally:
        set_language("en")
    qtbot.waitUntil(lambda: window.statusBar().currentMessage() == english)
    loss = doc.history["epochs"]["train_loss"][-1]
    assert doc.history["epochs"]["epoch"][-1] == SHOWN
    assert runs_row(window) == (str(SHOWN), "finished", f"{loss:.4g}")
    tip = window.training.runs.model.index(0, EPOCHS).data(Qt.ItemDataRole.ToolTipRole)
    assert tip == (f"run 1: cut at epoch {SHOWN} by Continue from here (it had trained to "
                   f"epoch {TRAINED})")

    window.undo_action.trigger()
    assert runs_row(window) == trained
    window.redo_action.trigger()
    assert runs_row(window)[0] == str(SHOWN)
    train_to_end(qtbot, window)  # Train goes on from epoch 10
    assert runs_row(window, 1)[0] == f"{SHOWN + 1}–{SHOWN + TRAINED}, goes on from run 1"


def test_continue_hides_a_run_whose_epochs_all_came_after(qtbot, rewound):
    window = rewound
    doc = window.doc
    train_to_end(qtbot, window)  # run 2: epochs 31–60, the same timeline
    before = [(r.epochs, r.hidden, r.reason) for r in doc.runs]
    timeline = window.training.timeline
    slider = timeline.bar.slider
    slider.setFocus()
    qtbot.keyPress(slider, Qt.Key.Key_Home)
    for _ in range(SHOWN):
        qtbot.keyPress(slider, Qt.Key.Key_Right)
    qtbot.waitUntil(lambda: timeline.shown_epoch == SHOWN and doc.previewing
                    and not timeline.runner.busy)
    qtbot.mouseClick(timeline.bar.continue_button, Qt.MouseButton.LeftButton)
    first, second = doc.runs
    assert (first.epochs, first.hidden) == (SHOWN, False)
    assert (second.epochs, second.hidden) == (TRAINED, True)
    assert second.reason == (f"hidden by Continue from epoch {SHOWN}: all its epochs came "
                             "after it")
    window.undo_action.trigger()
    assert [(r.epochs, r.hidden, r.reason) for r in doc.runs] == before
    assert [(epochs, hidden) for epochs, hidden, _ in before] == [(TRAINED, False)] * 2


def test_the_training_dock_says_train_goes_on_from_the_latest_not_the_epoch_on_show(
        qtbot, rewound):
    """Pulled back to epoch 10 the dock said "Train goes on after epoch 30 with these
    weights" over epoch 10's weights; a student pressed Train to go on from epoch 10 and
    trained on from epoch 30."""
    window = rewound
    start = window.training.settings_panel.start_label
    assert start.isVisible()
    assert start.text() == (
        f"The timeline shows epoch {SHOWN}, but Train goes on after epoch {TRAINED}, the "
        f"latest. To go on from epoch {SHOWN}, press Continue from here first.")
    try:
        set_language("ko")
        assert start.text().startswith(f"타임라인은 에폭 {SHOWN}의 가중치를 보여 주지만")
    finally:
        set_language("en")
    slider = window.training.timeline.bar.slider
    qtbot.keyPress(slider, Qt.Key.Key_End)  # back to the present: the usual line
    assert start.text().startswith(f"Train goes on after epoch {TRAINED} with these weights")
    qtbot.keyPress(slider, Qt.Key.Key_Left)
    assert start.text().startswith(f"The timeline shows epoch {TRAINED - 1}, but")
    for _ in range(TRAINED - SHOWN - 1):
        qtbot.keyPress(slider, Qt.Key.Key_Left)
    qtbot.mouseClick(window.training.timeline.bar.continue_button, Qt.MouseButton.LeftButton)
    assert start.text().startswith(f"Train goes on after epoch {SHOWN} with these weights")
