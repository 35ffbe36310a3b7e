"""The canvas keeps its cards as pictures and draws a card again only when it
changed: every edit a user makes must still show at once, exactly as a card drawn from scratch.

Each check grabs the canvas as it is, then again with the cards' pictures turned off (every
card drawn afresh): the two must be the same picture — up to 3 levels of 255 (a picture is
blended with rounding where the card's shadow is translucent; a card not drawn again after a
change differs by far more: its words, borders and fills)."""

import numpy as np
import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QGraphicsItem, QGraphicsView

from core.datasets import BUILTIN
from gui.canvas.node_item import NodeItem

from .test_weights_by_hand import perceptron

ROUNDING = 3


def pixels(view: QGraphicsView) -> np.ndarray:
    view.viewport().repaint()
    image = view.viewport().grab().toImage().convertToFormat(QImage.Format.Format_RGB32)
    rows = np.frombuffer(image.constBits(), np.uint8).reshape(image.height(), -1, 4)
    return rows[:, :image.width(), :3].copy()


def drawn_afresh(view: QGraphicsView, cards: list[NodeItem]) -> np.ndarray:
    for card in cards:
        card.setCacheMode(QGraphicsItem.CacheMode.NoCache)
    try:
        return pixels(view)
    finally:
        for card in cards:
            card.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)
        pixels(view)  # the pictures made again now: the next change must replace them


def assert_current(window) -> None:
    cards = window.scene.node_items()
    assert cards and all(c.cacheMode() == QGraphicsItem.CacheMode.DeviceCoordinateCache
                         for c in cards)
    shown = pixels(window.view).astype(int)
    difference = np.abs(shown - drawn_afresh(window.view, cards)).max()
    assert difference <= ROUNDING, f"a card shows a stale picture ({difference} levels off)"


@pytest.fixture
def built(qtbot, window, canvas):
    perceptron(qtbot, window, canvas)  # input 2 → output 1 (step), on the AND data
    assert_current(window)
    return window


def test_a_changed_activation_and_new_biases_show_at_once(qtbot, built, canvas):
    before = pixels(built.view)
    combo = built.inspector.node_form.activation_combo
    combo.setCurrentIndex(combo.findData("sigmoid"))  # as picked from its list
    assert built.doc.spec.node("2").activation == "sigmoid"
    after = pixels(built.view)
    assert not np.array_equal(before, after)  # the card's words changed
    assert_current(built)
    output = canvas.scene.node_item("2")
    canvas.type_value(output.mapToScene(output.neuron_center(0)), "-3")
    assert built.doc.array("b2")[0] == -3
    assert_current(built)
    built.doc.set_arrays({"b2": np.array([2.5])})  # as training shows its weights: no click
    assert_current(built)


def test_selection_undo_and_moves_show_at_once(qtbot, built, canvas):
    canvas.click_node("1")
    assert canvas.scene.node_item("1").isSelected()
    assert_current(built)
    canvas.viewport.setFocus()
    qtbot.mouseClick(canvas.viewport, Qt.MouseButton.LeftButton, pos=QPoint(5, 5))
    assert not canvas.scene.node_item("1").isSelected()
    assert_current(built)
    item = canvas.scene.node_item("2")
    canvas.drag(item.scenePos(), item.scenePos() + QPointF(60, 40))
    assert_current(built)
    built.doc.undo_stack.undo()
    assert_current(built)


def test_new_data_and_zoom_show_at_once(qtbot, built):
    combo = built.data_picker.data_combo  # the OR gate, as picked from the list
    combo.setCurrentIndex(combo.findText(BUILTIN["or"].title))
    assert built.data.dataset.name == "or"  # the output's thumbnail follows the predictions
    qtbot.waitUntil(lambda: built.predictions_panel.column("target") == ["0", "1", "1", "1"])
    assert_current(built)
    for zoom in (0.6, 1.7):
        built.view.set_zoom(zoom)
        assert_current(built)
