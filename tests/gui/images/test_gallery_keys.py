"""The image gallery from the keyboard: the tiles could be chosen only with the mouse. Tab
reaches them (a border shows the focus), ← → ↑ ↓ Home End choose a tile as a click does (its
output probabilities shown) and scroll past the tiles shown, a screen reader hears the grid's
name and the chosen tile's caption, and the keys stay with the grid while Explain's ← → Home
End are window-wide."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QAccessible, QKeySequence, QShortcut
from PySide6.QtWidgets import QApplication, QPushButton, QVBoxLayout, QWidget

from gui.training.plots.gallery import ImageGallery
from gui.training.plots.tiles import TileGrid
from tests.gui.images.test_gallery_widget import SPLIT, evaluated, gallery_of, ten_class_images


def gallery_in_window(qtbot, shortcuts: dict[str, list[str]]):
    """An evaluated gallery of 100 test images in a window with window-wide ``shortcuts`` (key
    → the list each press appends the key to, as Explain's ← → are).
    Returns (gallery, evaluation, window)."""
    host = QWidget()
    qtbot.addWidget(host)
    for key, fired in shortcuts.items():
        QShortcut(QKeySequence(key), host, lambda key=key, fired=fired: fired.append(key))
    gallery = ImageGallery()
    QVBoxLayout(host).addWidget(gallery)
    host.resize(700, 300)
    host.show()
    qtbot.waitExposed(host)
    data = ten_class_images()
    assert gallery.set_data(data, SPLIT, 0)
    evaluation = evaluated(gallery, data, 100)
    return gallery, evaluation, host


def focus_grid(qtbot, host, grid) -> None:
    host.activateWindow()
    grid.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is grid)


def test_arrow_keys_choose_a_tile_and_the_reader_hears_its_caption(qtbot):
    stepped: list[str] = []  # a window-wide Right, as Explain's
    gallery, evaluation, host = gallery_in_window(qtbot, {"Right": stepped})
    grid = gallery.grid
    iface = QAccessible.queryAccessibleInterface(grid)
    assert iface.text(QAccessible.Text.Name) == "Images, true class → predicted class"
    focus_grid(qtbot, host, grid)
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
    qtbot.keyClick(grid, Qt.Key.Key_Home)
    assert chosen() == 0
    qtbot.keyClick(grid, Qt.Key.Key_Left)  # before the first image: it stays
    assert chosen() == 0
    image = grid.grab().toImage()  # the focus border, in the highlight colour
    assert image.pixelColor(0, grid.height() // 2) == grid.palette().highlight().color()


def test_the_keys_scroll_the_gallery_past_the_tiles_shown(qtbot):
    """↓ past the last row shown scrolls one row, Page Down a screenful, ↑ at the top row back:
    every classified image is reached from the keyboard (the wheel and the scroll bar did).
    Page Down stopped on the last row's tile in the chosen column, never on the last image."""
    data = ten_class_images()
    gallery = gallery_of(qtbot, data, 700, 260)
    evaluated(gallery, data, 100)
    grid = gallery.grid
    cols, capacity = grid.columns(), grid.capacity()
    rows = capacity // cols
    assert 0 < capacity < 100 and gallery.scroll.value() == 0
    grid.setFocus(Qt.FocusReason.TabFocusReason)

    def at() -> int:
        """The index in the gallery's order of the chosen image."""
        return int(gallery.order.tolist().index(gallery.selected_row))

    qtbot.keyClick(grid, Qt.Key.Key_End)  # the last tile shown
    assert at() == capacity - 1
    qtbot.keyClick(grid, Qt.Key.Key_Down)  # one row further: the view scrolls a row
    assert at() == capacity - 1 + cols and gallery.scroll.value() == 1
    assert grid.selected == capacity - 1  # still on the bottom row, same column
    qtbot.keyClick(grid, Qt.Key.Key_PageDown)  # a screenful further
    assert at() == capacity - 1 + cols + capacity and gallery.scroll.value() == 1 + rows
    qtbot.keyClick(grid, Qt.Key.Key_Home)  # the first tile shown, then a row up
    assert at() == (1 + rows) * cols
    qtbot.keyClick(grid, Qt.Key.Key_Up)
    assert at() == rows * cols and gallery.scroll.value() == rows and grid.selected == 0
    assert at() % cols != 99 % cols  # a column the last image is not in
    for _ in range(30):  # past the last image: Page Down stops on it, as desktop lists do
        qtbot.keyClick(grid, Qt.Key.Key_PageDown)
    assert at() == 99 and gallery.scroll.value() == gallery.scroll.maximum()
    assert grid.selected == len(grid.images) - 1
    qtbot.keyClick(grid, Qt.Key.Key_Right)  # past the last image by an arrow: it stays
    assert at() == 99
    for _ in range(30):  # and Page Up stops on the first image
        qtbot.keyClick(grid, Qt.Key.Key_PageUp)
    assert at() == 0 and gallery.scroll.value() == 0 and grid.selected == 0


def test_tab_reaches_the_filter_buttons_before_the_tiles_below_them(qtbot):
    """The class buttons, made when the data comes, came after the tiles in the Tab order
    (Tab went to the tiles, then back up to the buttons above them). The buttons are one
    group, one Tab stop (the checked one), as radio buttons are."""
    host = QWidget()  # widgets before and after it, as the Output dock's in the window
    qtbot.addWidget(host)
    layout = QVBoxLayout(host)
    before, gallery, after = QPushButton("before"), ImageGallery(), QPushButton("after")
    for widget in (before, gallery, after):
        layout.addWidget(widget)
    host.resize(700, 360)
    host.show()
    qtbot.waitExposed(host)
    data = ten_class_images()
    assert gallery.set_data(data, SPLIT, 0)
    evaluated(gallery, data, 100)
    everything = gallery.filter_buttons[None]
    assert everything.isChecked() and len(gallery.filter_buttons) == 11  # All, 0 … 9
    host.activateWindow()
    everything.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is everything)
    qtbot.keyClick(everything, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is gallery.grid
    qtbot.keyClick(gallery.grid, Qt.Key.Key_Backtab)
    assert QApplication.focusWidget() is everything
    qtbot.keyClick(everything, Qt.Key.Key_Backtab)
    assert QApplication.focusWidget() is before


def test_the_grid_keeps_only_plain_keys_from_the_window(qtbot):
    """The grid keeps ← → ↑ ↓ Home End Page Up/Down from the window's shortcuts, pressed alone,
    as focused tables and sliders do (gui.focus_keys): with Ctrl held, the window's shortcut
    goes first (the grid's own copy of the rule kept every modified key as well)."""
    fired: list[str] = []
    gallery, _evaluation, host = gallery_in_window(qtbot, {"Ctrl+Right": fired, "Right": fired})
    grid = gallery.grid
    focus_grid(qtbot, host, grid)
    qtbot.keyClick(grid, Qt.Key.Key_Right)
    assert fired == [] and grid.selected == 0  # kept: a tile chosen
    qtbot.keyClick(grid, Qt.Key.Key_Right, Qt.KeyboardModifier.ControlModifier)
    assert fired == ["Ctrl+Right"] and grid.selected == 0  # the window's


def test_a_grid_whose_python_state_is_gone_takes_other_events_quietly(qtbot):
    """Python's collector can clear a widget's attributes before Qt is done sending it events
    (the suite once failed on a torn-down grid's "no attribute 'images'"): only a tile key
    reads the tiles, so anything else passes by."""
    grid = TileGrid()
    qtbot.addWidget(grid)
    del grid.images  # as the collector leaves it
    for kind in (QEvent.Type.Hide, QEvent.Type.Show, QEvent.Type.Leave):
        QApplication.sendEvent(grid, QEvent(kind))
