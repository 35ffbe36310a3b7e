"""Continue from here trains on exactly as the run did from that epoch: the engine is
deterministic, so with the same settings the epochs after it come out as they came the first
time — the optimizer's state (Adam's moments and step) and the shuffling order go on from the
epoch, not from a fresh start. Undo of Continue from here gives the latest weights their own
state back."""

import numpy as np
from PySide6.QtCore import Qt

from core.engine.params import weight_name
from gui.document.commands import ChangeSettingsCommand
from tests.gui.training_support import open_example, train_to_end

EPOCHS = 6
SHOWN = 2


def losses(window) -> list[float]:
    return window.doc.history["epochs"]["train_loss"]


def test_continue_from_here_then_train_repeats_the_run_s_own_epochs(qtbot, window):
    open_example(window, "spiral", epochs=EPOCHS)  # Adam, batches of 32, seed 0
    train_to_end(qtbot, window)
    train_to_end(qtbot, window)  # 12 epochs in two runs: the reference
    reference = list(losses(window))
    reference_weights = window.training.timeline.timeline.at(SHOWN + EPOCHS).params
    assert len(reference) == 2 * EPOCHS

    open_example(window, "spiral", epochs=EPOCHS)
    train_to_end(qtbot, window)
    assert losses(window) == reference[:EPOCHS]
    timeline = window.training.timeline
    slider = timeline.bar.slider
    slider.setFocus()
    for _ in range(EPOCHS - SHOWN):
        qtbot.keyPress(slider, Qt.Key.Key_Left)
    qtbot.waitUntil(lambda: window.doc.previewing and not timeline.runner.busy)
    qtbot.mouseClick(timeline.bar.continue_button, Qt.MouseButton.LeftButton)
    assert losses(window) == reference[:SHOWN]

    train_to_end(qtbot, window)  # epochs 3 … 8, as the first runs trained them
    assert losses(window) == reference[:SHOWN + EPOCHS]
    np.testing.assert_array_equal(timeline.timeline.at(SHOWN + EPOCHS).params[weight_name("1")],
                                  reference_weights[weight_name("1")])

    window.undo_action.trigger()  # the Train
    window.undo_action.trigger()  # Continue from here: epoch 6 is the latest again
    assert losses(window) == reference[:EPOCHS]
    train_to_end(qtbot, window)
    assert losses(window) == reference


def test_undoing_a_run_after_continue_from_here_gives_the_slider_the_first_run_back(
        qtbot, window):
    """Spiral 12 epochs, Continue from epoch 5, lr 0.001, Train (to 17), then Undo three times:
    the document holds epoch 12 of the first run again, and so does the slider (it said
    "epoch 17 / 17 (latest)" and showed the undone run's weights at epochs 6–12). Redo brings
    the second run's epochs back."""
    open_example(window, "spiral", epochs=12)
    train_to_end(qtbot, window)
    timeline = window.training.timeline
    first = {e: timeline.timeline.at(e).params[weight_name("1")].copy() for e in (5, 8, 12)}
    slider = timeline.bar.slider
    slider.setFocus()
    for _ in range(7):
        qtbot.keyPress(slider, Qt.Key.Key_Left)
    qtbot.waitUntil(lambda: window.doc.previewing and not timeline.runner.busy)
    qtbot.mouseClick(timeline.bar.continue_button, Qt.MouseButton.LeftButton)
    window.doc.push(ChangeSettingsCommand(window.doc, {"lr": 0.001}))
    train_to_end(qtbot, window)
    second = timeline.timeline.at(17).params[weight_name("1")].copy()
    assert not np.array_equal(timeline.timeline.at(8).params[weight_name("1")], first[8])

    for _ in range(3):  # the Train, the learning rate, Continue from here
        window.undo_action.trigger()
    assert window.doc.history["epochs"]["epoch"] == list(range(1, 13))
    assert timeline.epochs == list(range(13))
    assert timeline.bar.label.text() == "epoch 12 / 12 (latest)"
    np.testing.assert_array_equal(timeline.timeline.at(12).params[weight_name("1")],
                                  window.doc.array(weight_name("1")))
    np.testing.assert_array_equal(timeline.timeline.at(12).params[weight_name("1")], first[12])
    slider.setFocus()
    for _ in range(4):
        qtbot.keyPress(slider, Qt.Key.Key_Left)
    qtbot.waitUntil(lambda: window.doc.previewing and not timeline.runner.busy)
    assert timeline.bar.label.text() == "epoch 8 / 12"
    np.testing.assert_array_equal(window.doc.shown_array(weight_name("1")), first[8])

    for _ in range(3):
        window.redo_action.trigger()
    assert window.doc.history["epochs"]["epoch"] == list(range(1, 18))
    assert timeline.epochs == list(range(18))
    assert timeline.bar.label.text() == "epoch 17 / 17 (latest)"
    np.testing.assert_array_equal(timeline.timeline.at(17).params[weight_name("1")], second)
    np.testing.assert_array_equal(window.doc.array(weight_name("1")), second)
    np.testing.assert_array_equal(timeline.timeline.at(5).params[weight_name("1")], first[5])


def test_an_edit_after_the_undo_lets_the_undone_run_s_epochs_go(qtbot, window):
    """The undone run's records are kept only while a redo can bring them back."""
    open_example(window, "spiral", epochs=4)
    train_to_end(qtbot, window)
    timeline = window.training.timeline
    slider = timeline.bar.slider
    slider.setFocus()
    for _ in range(2):
        qtbot.keyPress(slider, Qt.Key.Key_Left)
    qtbot.waitUntil(lambda: window.doc.previewing and not timeline.runner.busy)
    qtbot.mouseClick(timeline.bar.continue_button, Qt.MouseButton.LeftButton)
    train_to_end(qtbot, window)  # epochs 3 … 6
    window.undo_action.trigger()
    window.undo_action.trigger()
    window.redo_action.trigger()  # Continue from here again: the Train's redo would need them
    assert [r.epoch for r in timeline.later.records] == [3, 4, 5, 6]
    window.doc.push(ChangeSettingsCommand(window.doc, {"lr": 0.001}))  # the redo is gone
    assert timeline.later is None
    assert timeline.epochs == [0, 1, 2]
