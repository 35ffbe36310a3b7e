"""Continue from here trains on exactly as the run did from that epoch: the engine is
deterministic, so with the same settings the epochs after it come out as they came the first
time — the optimizer's state (Adam's moments and step) and the shuffling order go on from the
epoch, not from a fresh start. Undo of Continue from here gives the latest weights their own
state back."""

import numpy as np
from PySide6.QtCore import Qt

from core.engine.params import weight_name
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
