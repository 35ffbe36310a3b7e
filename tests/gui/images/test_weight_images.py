"""Image data in the window: the hidden node fed by the pixels shows its units' incoming weights
as images, live while training; the Predictions panel shows each row's picture."""

from __future__ import annotations

import numpy as np

from core.engine.params import weight_name
from tests.gui.training_support import click, open_example

SHAPE = (8, 8)


def hidden_and_edge(window):
    spec = window.doc.spec
    hidden = spec.nodes_of_kind("hidden")[0]
    edge = next(e for e in spec.edges if e.dst == hidden.id)
    return hidden.id, weight_name(edge.id), edge.id


def expected_images(weights):
    return np.stack([(weights[:, j] / np.abs(weights[:, j]).max()).reshape(SHAPE)
                     for j in range(weights.shape[1])])


def weights_as_expected(images, weights):
    """Unit j's image is column j of W reshaped to 8×8, over its largest magnitude."""
    assert images.shape == (weights.shape[1], *SHAPE)
    for j in range(weights.shape[1]):
        column = weights[:, j]
        np.testing.assert_allclose(images[j], (column / np.abs(column).max()).reshape(SHAPE))


def test_weight_images_follow_training_steps(qtbot, window):
    open_example(window, "digits_mlp")
    node_id, name, edge_id = hidden_and_edge(window)
    view = window.inspector.edge_view
    window.scene.select_only([], [edge_id])  # the connection's inspector page follows too
    assert window.inspector.stack.currentWidget() is view and view.images.isVisible()
    weights_as_expected(view.weight_images, window.doc.arrays[name])
    predictions = window.predictions
    qtbot.waitUntil(lambda: node_id in predictions.result.weight_images)
    before = predictions.result.weight_images[node_id]
    initial = window.doc.arrays[name].copy()
    weights_as_expected(before, initial)
    item = window.scene.node_item(node_id)
    first_thumbnail = item.thumbnail
    assert first_thumbnail is not None and first_thumbnail.text("tooltip")

    controller = window.training.session.controller
    for _ in range(3):
        step = controller.last_event.step if controller.last_event is not None else 0
        click(qtbot, window, "step")
        qtbot.waitUntil(lambda s=step: controller.last_event is not None
                        and controller.last_event.step > s)
    # the canvas follows the paused run's weights, and the predictions follow the canvas
    qtbot.waitUntil(lambda: not np.array_equal(
        predictions.result.weight_images.get(node_id, before), before)
        and predictions.result.weight_images[node_id].shape == before.shape and np.allclose(
            predictions.result.weight_images[node_id],
            expected_images(window.doc.arrays[name]), rtol=0, atol=0))
    weights = window.doc.arrays[name]
    assert not np.array_equal(weights, initial)
    weights_as_expected(predictions.result.weight_images[node_id], weights)
    assert item.thumbnail is not None and item.thumbnail != first_thumbnail
    weights_as_expected(view.weight_images, weights)
    other = next(e.id for e in window.doc.spec.edges if e.src == node_id)
    window.scene.select_only([], [other])  # hidden → output: not fed by pixels
    assert view.weight_images is None and not view.images.isVisible()
    with qtbot.waitSignal(window.training.session.ended, timeout=30_000):
        click(qtbot, window, "stop")


def test_predictions_table_shows_each_rows_image(qtbot, window):
    open_example(window, "digits_mlp")
    panel = window.predictions_panel
    qtbot.waitUntil(lambda: len(panel.column("row")) > 0)
    dataset = window.data.dataset
    rows = [int(r) - 1 for r in panel.column("row")]
    low, high = dataset.x[rows].min(), dataset.x[rows].max()
    for r, row in enumerate(rows):
        icon = panel.row_icon(r)
        assert not icon.isNull()
        image = icon.pixmap(icon.availableSizes()[0]).toImage()
        scale = image.width() // 8
        assert image.width() == image.height() == 8 * scale
        pixels = np.array([[image.pixelColor(c * scale, k * scale).red() for c in range(8)]
                           for k in range(8)])
        expected = np.rint((dataset.x[row].reshape(SHAPE) - low) * 255 / (high - low))
        np.testing.assert_array_equal(pixels, expected.astype(int))
