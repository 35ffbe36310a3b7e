"""The timeline's frames of earlier epochs are made on a worker thread, one at a time, the
newest request winning: a drag or a held arrow key draws exactly the epoch it ends on, and
Continue from here, Undo, New, Open, Train or closing the window while a frame is being made
never draws it over what the window shows then; a frame that fails is said in words."""

import threading

import numpy as np
import pytest
from PySide6.QtCore import QPoint, Qt

import gui.training.session as session_module
from core.engine.params import weight_name
from core.training.snapshot import Histogram
from gui.training.replay import Replay
from tests.gui.training.test_timeline import (
    HeldReplays,
    frames_shown,
    hold,
    press,
    slider,
    ui,
    wait_shown,
)
from tests.gui.training_support import click


def test_the_frames_of_earlier_epochs_are_made_off_the_gui_thread(qtbot, trained_spiral,
                                                                   monkeypatch):
    window = trained_spiral
    replays = HeldReplays(monkeypatch, held=False)
    press(qtbot, window, Qt.Key.Key_Left, 3)  # epoch 9
    wait_shown(qtbot, window, 9)
    assert replays.epochs[-1] == 9
    assert replays.threads and all(t is not threading.main_thread() for t in replays.threads)
    record = ui(window).timeline.at(9)
    snapshot = window.training.output.frame.snapshot
    assert snapshot.epoch == 9 and snapshot.gradient_norms == record.gradient_norms


def test_a_drag_across_many_epochs_shows_exactly_the_last_one(qtbot, trained_spiral,
                                                              monkeypatch):
    window = trained_spiral
    replays = HeldReplays(monkeypatch)
    shown = frames_shown(window)
    widget = slider(window)
    qtbot.waitExposed(widget)
    y = widget.height() // 2
    qtbot.mousePress(widget, Qt.MouseButton.LeftButton, pos=QPoint(widget.width() - 6, y))
    for x in range(widget.width() - 6, 3, -max(widget.width() // 40, 1)):
        qtbot.mouseMove(widget, QPoint(x, y))
        qtbot.wait(15)  # long enough for each position to be asked for
    qtbot.mouseRelease(widget, Qt.MouseButton.LeftButton, pos=QPoint(4, y))
    assert ui(window).bar.label.text() == "epoch 0 / 12"  # at once, before any frame
    assert shown == [] and ui(window).runner.busy
    replays.release()
    wait_shown(qtbot, window, 0)
    qtbot.wait(50)
    # the frame being made when the drag went on was dropped; the positions asked for
    # meanwhile replaced each other: only the last one was made after it, and drawn
    assert len(replays.epochs) == 2 and replays.epochs[0] != 0 and replays.epochs[1] == 0
    assert shown == [0]
    record = ui(window).timeline.at(0)
    assert window.training.output.frame.snapshot.epoch == 0
    edge = window.doc.spec.edges[0].id
    np.testing.assert_array_equal(window.scene.edge_item(edge)._weights,
                                  record.params[weight_name(edge)])
    weights = window.training.weights
    weights.edge_combo.setCurrentIndex(weights.edge_combo.findData(edge))
    window.training.docks["Weights"].raise_()
    expected = Histogram.of(record.params[weight_name(edge)])
    qtbot.waitUntil(lambda: np.array_equal(weights.now_curve.getData()[1], expected.counts))


def test_holding_the_arrow_key_then_continue_takes_the_slider_epoch(qtbot, trained_spiral,
                                                                    monkeypatch):
    window = trained_spiral
    doc = window.doc
    press(qtbot, window, Qt.Key.Key_Home)
    wait_shown(qtbot, window, 0)
    replays = HeldReplays(monkeypatch)
    shown = frames_shown(window)
    hold(qtbot, window, Qt.Key.Key_Right, 5)  # epoch 5, no frame of it made yet
    assert ui(window).bar.label.text() == "epoch 5 / 12"
    qtbot.waitUntil(lambda: replays.epochs == [1])  # the first step's frame is being made
    assert shown == []
    record = ui(window).timeline.at(5)
    qtbot.mouseClick(ui(window).bar.continue_button, Qt.MouseButton.LeftButton)
    for name, value in record.arrays.items():
        np.testing.assert_array_equal(doc.array(name), value)
    assert doc.history["epochs"]["epoch"] == [1, 2, 3, 4, 5]
    assert ui(window).timeline.epochs == [0, 1, 2, 3, 4, 5]
    assert doc.undo_stack.undoText() == "Continue from epoch 5"
    replays.release()
    qtbot.waitUntil(lambda: shown == [5] and not ui(window).runner.busy)
    qtbot.wait(50)
    # epoch 1's frame was dropped; the new latest epoch (5) is drawn as the present
    assert replays.epochs == [1, 5] and shown == [5]
    assert window.training.output.frame.snapshot.epoch == 5
    assert window.training.loss.marked_epoch is None  # 5 is the history's end: no mark
    assert not doc.previewing
    assert ui(window).bar.label.text() == "epoch 5 / 5 (latest)"


def test_closing_the_window_while_a_frame_is_made_is_safe(qtbot, trained_spiral, monkeypatch,
                                                          qtlog):
    window = trained_spiral
    replays = HeldReplays(monkeypatch)
    shown = frames_shown(window)
    press(qtbot, window, Qt.Key.Key_Left, 2)
    qtbot.waitUntil(lambda: replays.epochs == [10])
    releaser = threading.Timer(0.3, replays.release)  # the close waits for the worker
    releaser.start()
    assert window.close()
    releaser.join()
    qtbot.wait(100)
    assert shown == [] and not ui(window).runner.busy
    assert [m.message for m in qtlog.records if "QThread" in m.message] == []


@pytest.mark.parametrize("action", ["new", "open", "train", "train slowly"])
def test_new_open_or_train_while_a_frame_is_made_never_draws_it(qtbot, trained_spiral,
                                                                monkeypatch, action):
    """"train slowly": the run's trainer is made on its thread, and the frame of the past
    finishes before it is ready (it was drawn over the run, now and then, on a loaded
    machine)."""
    window = trained_spiral
    if action == "train slowly":
        made = threading.Event()
        build = session_module.build

        def slowed(*args, **kwargs):
            made.wait(10)  # until the replay's frame is done
            return build(*args, **kwargs)

        monkeypatch.setattr(session_module, "build", slowed)
    replays = HeldReplays(monkeypatch)
    shown = frames_shown(window)
    press(qtbot, window, Qt.Key.Key_Left, 2)
    qtbot.waitUntil(lambda: replays.epochs == [10])
    if action == "new":
        window.new_action.trigger()
        assert not window.doc.spec.nodes
    elif action == "open":
        assert window.files.open_example("xor_learned")
    else:
        click(qtbot, window, "train")
    replays.release()
    qtbot.waitUntil(lambda: not ui(window).runner.busy)
    qtbot.wait(100)
    if action == "train slowly":
        made.set()
    assert shown == [] and not window.doc.previewing
    output = window.training.output.frame
    assert output is None or output.snapshot.epoch != 10
    if action.startswith("train"):  # the run goes on to its end, drawn as live frames
        controller = window.training.session.controller
        qtbot.waitUntil(lambda: not controller.active, timeout=30_000)
        assert shown == [] and window.training.output.frame.snapshot.epoch == 24


def test_a_frame_that_fails_is_reported_and_the_slider_still_works(qtbot, trained_spiral,
                                                                   monkeypatch):
    window = trained_spiral
    original = Replay.frame

    def broken(replay, record, *args):
        raise FloatingPointError("the grid overflowed")
    monkeypatch.setattr(Replay, "frame", broken)
    press(qtbot, window, Qt.Key.Key_Left)
    qtbot.waitUntil(lambda: window.statusBar().currentMessage() == (
        "Could not show that epoch: the grid overflowed"))
    monkeypatch.setattr(Replay, "frame", original)
    press(qtbot, window, Qt.Key.Key_Left)
    wait_shown(qtbot, window, 10)
    assert window.training.output.frame.snapshot.gradient_norms == ui(
        window).timeline.at(10).gradient_norms


def test_undo_of_continue_before_its_frame_arrives_shows_the_run_s_end(qtbot, trained_spiral,
                                                                       monkeypatch):
    window = trained_spiral
    press(qtbot, window, Qt.Key.Key_Left, 8)  # epoch 4
    wait_shown(qtbot, window, 4)
    replays = HeldReplays(monkeypatch)
    shown = frames_shown(window)
    qtbot.mouseClick(ui(window).bar.continue_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: replays.epochs == [4])  # epoch 4 as the present, being made
    window.undo_action.trigger()
    replays.release()
    qtbot.waitUntil(lambda: not ui(window).runner.busy)
    qtbot.wait(50)
    assert shown == []  # the cut run's latest epoch is not the present any more
    assert window.training.output.frame.snapshot.epoch == 12
    assert ui(window).bar.label.text() == "epoch 12 / 12 (latest)"
