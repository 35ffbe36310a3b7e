"""The timeline slider, driven with real key presses and drags: every panel, the canvas and
the predictions show the epoch it is pulled back to; Continue from here and Undo; saving it."""

import numpy as np
import pytest
from PySide6.QtCore import QPoint, Qt

from core.engine.params import weight_name
from core.training.snapshot import Histogram
from gui.training.frames import Frame
from tests.gui.training_support import open_example, train_to_end


@pytest.fixture
def trained_spiral(qtbot, window):
    open_example(window, "spiral", epochs=12)
    train_to_end(qtbot, window)
    return window


def ui(window):
    return window.training.timeline


def slider(window):
    return ui(window).bar.slider


def press(qtbot, window, key, times=1):
    widget = slider(window)
    widget.setFocus()
    for _ in range(times):
        qtbot.keyPress(widget, key)


def wait_shown(qtbot, window, epoch):
    qtbot.waitUntil(lambda: window.training.loss.marked_epoch == epoch)


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
