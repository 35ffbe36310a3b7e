"""The image gallery from the keyboard: the tiles could be chosen only with the mouse. Tab
reaches them (a border shows the focus), ← → ↑ ↓ Home End choose a tile as a click does (its
output probabilities shown), a screen reader hears the grid's name and the chosen tile's
caption, and the keys stay with the grid while Explain's ← → Home End are window-wide."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible, QKeySequence, QShortcut
from PySide6.QtWidgets import QApplication, QVBoxLayout, QWidget

from gui.training.plots.gallery import ImageGallery
from tests.gui.images.test_gallery_widget import SPLIT, evaluated, ten_class_images


def test_arrow_keys_choose_a_tile_and_the_reader_hears_its_caption(qtbot):
    host = QWidget()  # a window with a window-wide Right, as Explain's
    qtbot.addWidget(host)
    stepped: list[int] = []
    QShortcut(QKeySequence(Qt.Key.Key_Right), host, lambda: stepped.append(1))
    gallery = ImageGallery()
    QVBoxLayout(host).addWidget(gallery)
    host.resize(700, 300)
    host.show()
    qtbot.waitExposed(host)
    data = ten_class_images()
    assert gallery.set_data(data, SPLIT, 0)
    evaluation = evaluated(gallery, data, 100)
    grid = gallery.grid
    iface = QAccessible.queryAccessibleInterface(grid)
    assert iface.text(QAccessible.Text.Name) == "Images, true class → predicted class"
    host.activateWindow()
    grid.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is grid)
    assert gallery.selected_row is None

    def chosen() -> int:
        """The tile chosen, checked against what the gallery and the reader are told."""
        k = grid.selected
        row = int(gallery.order[k])
        assert gallery.selected_row == row and gallery.probabilities is not None
        assert grid.accessibleDescription() == grid.captions[k][0] == (
            f"{evaluation.truth[row]} → {evaluation.labels[row]}")
        return k

    qtbot.keyClick(grid, Qt.Key.Key_Right)  # none chosen: the first
    assert chosen() == 0
    qtbot.keyClick(grid, Qt.Key.Key_Right)
    assert chosen() == 1 and stepped == []  # the grid kept Right from the window
    qtbot.keyClick(grid, Qt.Key.Key_Down)
    assert chosen() == 1 + grid.columns()
    qtbot.keyClick(grid, Qt.Key.Key_End)
    assert chosen() == len(grid.images) - 1
    qtbot.keyClick(grid, Qt.Key.Key_Down)  # past the last tile shown: it stays
    assert chosen() == len(grid.images) - 1
    qtbot.keyClick(grid, Qt.Key.Key_Home)
    assert chosen() == 0
    qtbot.keyClick(grid, Qt.Key.Key_Left)  # before the first: it stays
    assert chosen() == 0
    image = grid.grab().toImage()  # the focus border, in the highlight colour
    assert image.pixelColor(0, grid.height() // 2) == grid.palette().highlight().color()
