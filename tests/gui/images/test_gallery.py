"""The output panel's image gallery after training the digits example: the network's own
classification of the held-out rows, wrong ones first, a class filter, and a click showing
the outputs network.predict gives for that image."""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import Qt

from core import build
from core.datasets import split
from core.engine.params import split as split_params
from core.training.prepare import prepare
from tests.gui.training_support import open_example, train_to_end


def trained_network(window):
    """The document's trained weights in a fresh float64 network, and the held-out part as
    the trainer prepared it (split, standardised, columns)."""
    doc = window.doc
    settings = doc.settings
    network = build(doc.spec, dtype=np.float64)
    network.load_params(*split_params(doc.arrays))
    data = prepare(window.data.dataset, doc.spec, settings.split, settings.seed,
                   settings.standardize, np.float64)
    return network, data.parts["test"]


def test_gallery_shows_the_networks_mistakes_first_filters_and_explains(qtbot, window):
    window.resize(1400, 900)
    open_example(window, "digits_mlp", epochs=3)
    ui = window.training
    ui.docks["Output"].raise_()
    # room for two rows of tiles whatever the fonts (a CJK default font has taller lines)
    window.resizeDocks([ui.docks["Output"]], [480], Qt.Orientation.Vertical)
    train_to_end(qtbot, window)
    gallery = ui.output.gallery
    qtbot.waitUntil(lambda: gallery.evaluation is not None and gallery.order.size > 0)
    assert gallery.isVisible() and gallery.shape == (8, 8)

    network, test = trained_network(window)
    evaluation = gallery.evaluation
    n = len(evaluation.truth)
    assert evaluation.part == "test" and n == test.n
    np.testing.assert_array_equal(evaluation.truth, test.y)
    guess = network.classify(test.x)
    np.testing.assert_array_equal(evaluation.labels, guess)
    wrong = np.flatnonzero(guess != test.y)
    assert wrong.size > 0  # three epochs leave mistakes to show
    right = np.flatnonzero(guess == test.y)
    assert gallery.order.tolist() == [*wrong, *right]
    names = window.data.dataset.class_names
    captions = gallery.grid.captions
    assert captions[0] == (f"{names[test.y[wrong[0]]]} → {names[guess[wrong[0]]]}", True)
    shown = len(captions)
    assert shown >= 8 and sum(w for _, w in captions) == min(wrong.size, shown)

    # the images are the raw pixels of those test rows (digits: 0..16 → 0..255)
    rows = split(window.data.dataset, window.doc.settings.split, window.doc.settings.seed)[2]
    first = gallery.grid.images[0]
    pixels = np.array([[first.pixelColor(c, r).red() for c in range(8)] for r in range(8)])
    raw = rows.x[wrong[0]].reshape(8, 8)
    np.testing.assert_array_equal(pixels, np.rint(raw * 255 / rows.x.max()).astype(int))

    # filter by clicking a class: only true 3s, wrong ones first
    qtbot.mouseClick(gallery.filter_buttons[3], Qt.MouseButton.LeftButton)
    threes = np.flatnonzero(test.y == 3)
    assert gallery.order.tolist() == [*threes[guess[threes] != 3], *threes[guess[threes] == 3]]
    assert all(caption.startswith("3 →") for caption, _ in gallery.grid.captions)

    # click the second tile: its outputs are network.predict of that row
    point = gallery.grid.tile_rect(1).center()
    qtbot.mouseClick(gallery.grid, Qt.MouseButton.LeftButton, pos=point)
    row = gallery.order[1]
    assert gallery.selected_row == row
    np.testing.assert_allclose(gallery.probabilities, network.predict(test.x[row:row + 1])[0],
                               rtol=1e-5, atol=1e-7)
    assert gallery.bars.predicted == guess[row] and gallery.bars.truth == 3

    qtbot.mouseClick(gallery.filter_buttons[None], Qt.MouseButton.LeftButton)
    assert gallery.order.size == n


def test_a_narrow_output_panel_keeps_the_confusion_matrix_whole_beside_the_gallery(qtbot,
                                                                                  window):
    """Beside three other panels the Output panel is ~400 px wide: the gallery (filter
    buttons, tiles, probability bars) took all but a sliver of it and the confusion matrix
    was cut. Now the gallery gives way: its filter becomes a list, its bars narrow."""
    window.resize(1400, 900)
    open_example(window, "digits_mlp", epochs=1)
    ui = window.training
    output = ui.docks["Output"]
    output.raise_()
    window.resizeDocks([output], [480], Qt.Orientation.Vertical)
    train_to_end(qtbot, window)
    panel, gallery = ui.output, ui.output.gallery
    qtbot.waitUntil(lambda: gallery.isVisible() and gallery.order.size > 0)
    loss = ui.docks["Loss"]
    window.resizeDocks([loss, output], [loss.width() + output.width() - 400, 400],
                       Qt.Orientation.Horizontal)
    qtbot.waitUntil(lambda: output.width() <= 420)
    needed = panel.graphics.ci.effectiveSizeHint(Qt.SizeHint.MinimumSize).width()
    qtbot.waitUntil(lambda: panel.graphics.width() >= needed)
    plot = panel.confusion.plot
    assert plot.mapRectToScene(plot.boundingRect()).right() <= panel.graphics.width()
    assert gallery.filter_stack.currentIndex() == 1 and gallery.filter_combo.isVisible()
    assert gallery.grid.capacity() >= 1 and gallery.grid.images  # still images to see
    assert gallery.bars.width() >= 120
