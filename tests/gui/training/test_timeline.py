"""The timeline slider, driven with real key presses and drags: every panel, the canvas and
the predictions show the epoch it is pulled back to; Continue from here and Undo; saving it.
The frames of earlier epochs are made on a worker thread, so the tests wait for them."""

import threading

import numpy as np
import pytest
from PySide6.QtCore import QEvent, QPoint, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication

from core.engine.params import weight_name
from core.project import load_project
from core.training.prepare import input_scaling
from core.training.snapshot import Histogram
from gui.document.predictions import compute
from gui.training.frames import Frame
from gui.training.replay import Replay
from tests.gui.screenshots import screenshot_target
from tests.gui.training_support import open_example, train_to_end


def ui(window):
    return window.training.timeline


def slider(window):
    return ui(window).bar.slider


def press(qtbot, window, key, times=1):
    widget = slider(window)
    widget.setFocus()
    for _ in range(times):
        qtbot.keyPress(widget, key)


def hold(qtbot, window, key, times):
    """Hold ``key`` down on the slider: ``times`` presses 30 ms apart (the later ones
    auto-repeated, as the keyboard sends them), then the release."""
    widget = slider(window)
    widget.setFocus()
    for i in range(times):
        QApplication.sendEvent(widget, QKeyEvent(QEvent.Type.KeyPress, key,
                                                 Qt.KeyboardModifier.NoModifier, "", i > 0))
        qtbot.wait(30)
    QApplication.sendEvent(widget, QKeyEvent(QEvent.Type.KeyRelease, key,
                                             Qt.KeyboardModifier.NoModifier))


def wait_shown(qtbot, window, epoch):
    """The frame of ``epoch`` has reached the panels and no other is on its way (frames of
    earlier epochs are made on a worker thread)."""
    runner = ui(window).runner
    qtbot.waitUntil(lambda: window.training.loss.marked_epoch == epoch and not runner.busy)


class HeldReplays:
    """``Replay.frame`` watched: the epoch and the thread of each frame made, each made only
    once :meth:`release` is called (so a test can act while one is being made)."""

    def __init__(self, monkeypatch, held: bool = True) -> None:
        self.gate = threading.Event()
        if not held:
            self.gate.set()
        self.epochs: list[int] = []
        self.threads: list[threading.Thread] = []
        original = Replay.frame

        def frame(replay, record, *args):
            self.epochs.append(record.epoch)
            self.threads.append(threading.current_thread())
            self.gate.wait(10)  # never for ever: a failing test still ends
            return original(replay, record, *args)
        monkeypatch.setattr(Replay, "frame", frame)

    def release(self) -> None:
        self.gate.set()


def frames_shown(window) -> list[int]:
    """The epochs of the replayed frames drawn from now on."""
    shown: list[int] = []
    ui(window).frame_shown.connect(shown.append)
    return shown


def test_every_panel_shows_the_epoch_the_slider_is_pulled_back_to(qtbot, trained_spiral):
    window = trained_spiral
    timeline = ui(window).timeline
    assert timeline.epochs == list(range(13))  # the start and each of 12 epochs
    assert slider(window).value() == 12 and "latest" in ui(window).bar.label.text()
    press(qtbot, window, Qt.Key.Key_Left, 7)  # epoch 5
    wait_shown(qtbot, window, 5)
    assert ui(window).bar.label.text() == "epoch 5 / 12"
    record = timeline.at(5)
    edge = window.doc.spec.edges[0].id
    name = weight_name(edge)
    # the weights panel's histogram is that of epoch 5's weights
    weights = window.training.weights
    weights.edge_combo.setCurrentIndex(weights.edge_combo.findData(edge))
    window.training.docks["Weights"].raise_()  # a tab brought to the front draws its frame
    expected = Histogram.of(record.params[name])
    qtbot.waitUntil(lambda: np.array_equal(weights.now_curve.getData()[1], expected.counts))
    np.testing.assert_allclose(weights.now_curve.getData()[0], expected.edges)
    # the canvas draws epoch 5's weights (the document keeps the trained ones)
    item = window.scene.edge_item(edge)
    np.testing.assert_array_equal(item._weights, record.params[name])
    assert not np.array_equal(window.doc.array(name), record.params[name])
    # gradient norms of epoch 5's last mini-batch, on the weights panel and the canvas bars
    heights = weights.norm_bars.opts["height"]
    trained_nodes = [n.id for n in window.doc.spec.nodes if n.kind != "input"]
    assert list(heights) == pytest.approx([record.gradient_norms[n] for n in trained_nodes])
    bar = window.training.gradient_bars.bar(trained_nodes[0])
    assert bar.flow.norm == pytest.approx(record.gradient_norms[trained_nodes[0]])
    assert bar.isVisible() and bar.text.startswith("‖∇‖")
    # the output panel's confusion matrix is the one of epoch 5's network
    frame: Frame = window.training.output.frame
    assert frame.snapshot.epoch == 5
    replayed = ui(window).replay
    replayed.viewer.network.load_params(record.params, record.state)
    assert window.training.output.confusion.shown.sum() > 0
    # the predictions table answers with epoch 5's weights
    dataset, settings = window.data.dataset, window.doc.settings
    scaling = input_scaling(dataset, settings.split, settings.seed) if settings.standardize \
        else None
    expected = compute(window.doc.spec, record.arrays, dataset, scaling=scaling)
    qtbot.waitUntil(lambda: window.predictions_panel.column("output")
                    == [row[-2] for row in expected.rows])


def test_undoing_the_run_disables_the_timeline_and_redo_brings_it_back(qtbot, trained_spiral):
    window = trained_spiral
    bar = ui(window).bar
    assert bar.isEnabled()
    window.undo_action.trigger()  # the whole run
    assert not bar.isEnabled() and bar.label.text() == "no timeline yet"
    window.redo_action.trigger()
    assert bar.isEnabled() and bar.label.text() == "epoch 12 / 12 (latest)"


def test_the_slider_is_dragged_with_the_mouse(qtbot, trained_spiral):
    window = trained_spiral
    widget = slider(window)
    qtbot.waitExposed(widget)
    handle_x = widget.width() - 6
    y = widget.height() // 2
    qtbot.mousePress(widget, Qt.MouseButton.LeftButton, pos=QPoint(handle_x, y))
    qtbot.mouseMove(widget, QPoint(4, y))
    qtbot.mouseRelease(widget, Qt.MouseButton.LeftButton, pos=QPoint(4, y))
    wait_shown(qtbot, window, 0)
    assert ui(window).bar.label.text() == "epoch 0 / 12"


def test_continue_from_here_is_one_undoable_edit(qtbot, trained_spiral):
    window = trained_spiral
    doc = window.doc
    trained = {k: np.array(v) for k, v in doc.arrays.items()}
    history = doc.history
    press(qtbot, window, Qt.Key.Key_Left, 8)  # epoch 4
    wait_shown(qtbot, window, 4)
    button = ui(window).bar.continue_button
    assert button.isEnabled()
    assert "Epochs after 4 are dropped from this run" in button.toolTip()
    record = ui(window).timeline.at(4)
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    for name, value in record.arrays.items():
        np.testing.assert_array_equal(doc.array(name), value)
    assert doc.history["epochs"]["epoch"] == [1, 2, 3, 4]
    assert ui(window).timeline.epochs == [0, 1, 2, 3, 4]
    assert ui(window).bar.label.text() == "epoch 4 / 4 (latest)"
    assert not doc.previewing
    assert doc.undo_stack.undoText() == "Continue from epoch 4"

    window.undo_action.trigger()
    for name, value in trained.items():
        np.testing.assert_array_equal(doc.array(name), value)
    assert doc.history is history
    assert ui(window).timeline.epochs == list(range(13))
    assert ui(window).bar.label.text() == "epoch 12 / 12 (latest)"
    window.redo_action.trigger()
    assert ui(window).timeline.epochs == [0, 1, 2, 3, 4]

    # training again continues the timeline from epoch 4
    train_to_end(qtbot, window)
    assert ui(window).timeline.epochs == list(range(17))
    np.testing.assert_array_equal(ui(window).timeline.at(4).params[weight_name("1")],
                                  record.params[weight_name("1")])


def test_while_training_the_slider_follows_unless_pulled_back(qtbot, window):
    # epochs enough for any machine: a faster processor ended 2,000 before Stop was pressed
    open_example(window, "spiral", epochs=1_000_000, batch_size=8)
    session = window.training.session
    timeline_ui = ui(window)
    with qtbot.waitSignal(session.controller.state_changed):
        qtbot.mouseClick(window.training.settings_panel.buttons["train"],
                         Qt.MouseButton.LeftButton)
    controller = session.controller
    # epochs recorded, and a frame whose history reaches past epoch 0 (the marker is drawn
    # only inside the history the Loss panel shows)
    qtbot.waitUntil(lambda: len(timeline_ui.epochs) >= 4 and controller.latest is not None
                    and controller.latest.history.n_epochs >= 1, timeout=30_000)
    qtbot.waitUntil(lambda: slider(window).maximum() >= 3)
    assert slider(window).value() == slider(window).maximum()  # following
    press(qtbot, window, Qt.Key.Key_Home)
    wait_shown(qtbot, window, 0)
    reached = timeline_ui.epochs[-1]
    qtbot.waitUntil(lambda: slider(window).maximum() > reached + 1, timeout=30_000)
    assert slider(window).value() == 0  # held where it was pulled
    assert window.training.output.frame.snapshot.epoch == 0
    assert ui(window).bar.label.text().startswith("epoch 0 / ")
    assert not ui(window).bar.continue_button.isEnabled()  # not while training
    press(qtbot, window, Qt.Key.Key_End)
    assert not window.doc.previewing
    # the Output panel's turn in the live refresh (one panel a tick) may take seconds on a
    # loaded machine
    qtbot.waitUntil(lambda: window.training.output.frame.snapshot.epoch > reached,
                    timeout=30_000)
    with qtbot.waitSignal(session.ended, timeout=30_000):
        qtbot.mouseClick(window.training.settings_panel.buttons["stop"],
                         Qt.MouseButton.LeftButton)


def test_the_timeline_is_saved_with_the_project_when_asked(qtbot, trained_spiral, tmp_path):
    window = trained_spiral
    check = ui(window).bar.save_check
    assert check.isChecked()  # a small network: on by default
    path = tmp_path / "spiral.netcanvas"
    assert window.files.write(str(path))
    stored = load_project(path).timeline
    assert stored.epochs == list(range(13))
    np.testing.assert_array_equal(stored.at(7).params["W1"], ui(window).timeline.at(7).params["W1"])

    assert window.files.load(str(path))
    assert ui(window).epochs == list(range(13))
    press(qtbot, window, Qt.Key.Key_Left, 5)  # epoch 7, replayed on the reopened data
    wait_shown(qtbot, window, 7)
    np.testing.assert_array_equal(window.scene.edge_item("1")._weights, stored.at(7).params["W1"])

    qtbot.mouseClick(check, Qt.MouseButton.LeftButton)
    assert not check.isChecked()
    plain = tmp_path / "plain.netcanvas"
    assert window.files.write(str(plain))
    assert load_project(plain).timeline is None


def spiral_pulled_back(qtbot, window) -> None:
    """The spiral trained 60 epochs, the slider pulled back to epoch 15 and everything drawn
    (also the Korean README's picture, tests/gui/test_korean_screens.py)."""
    window.resize(1440, 900)
    open_example(window, "spiral", epochs=60)
    window.resizeDocks([window.training.docks["Loss"]], [340], Qt.Orientation.Vertical)
    train_to_end(qtbot, window)
    press(qtbot, window, Qt.Key.Key_Left, 45)  # epoch 15 of 60
    wait_shown(qtbot, window, 15)
    qtbot.wait(300)  # the predictions and thumbnails that follow the previewed weights
    window.view.fit_to_view()
    qtbot.wait(50)


def test_screenshot_of_the_slider_pulled_back(qtbot, window, tmp_path):
    """The README's picture (``UPDATE_SCREENSHOTS=1`` writes resources/screenshots/)."""
    spiral_pulled_back(qtbot, window)
    image = window.grab().toImage()
    assert image.save(str(screenshot_target("timeline_spiral.png", tmp_path)))
