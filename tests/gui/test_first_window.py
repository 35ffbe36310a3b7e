"""The first window on a laptop: sized for the screen's available area, and the Build dock shows
the node palette and the data set picker whole, without scrolling (a newcomer must see where the
data is chosen).

``UPDATE_SCREENSHOTS=1`` saves resources/screenshots/main_window_1366x768.png.
"""

import pytest
from PySide6.QtCore import QRect
from PySide6.QtWidgets import QScrollArea, QWidget

from gui.main_window import DEFAULT_SIZE, MainWindow
from tests.gui.screenshots import screenshot_target
from tests.gui.training_support import open_example


@pytest.mark.parametrize(("available", "size"), [
    (QRect(0, 0, 1920, 1080), DEFAULT_SIZE),     # a large screen: the default size
    (QRect(0, 0, 1366, 768), (1280, 728)),       # a laptop without a panel
    (QRect(0, 32, 1366, 736), (1280, 696)),      # the same under a 32-pixel top panel
    (QRect(0, 0, 1280, 800), (1264, 760)),       # the default size itself: room for the frame
    (QRect(1920, 0, 1024, 600), (1008, 560)),    # a netbook, right of a larger screen
])
def test_the_first_window_fits_the_screens_available_area(qtbot, settings, available, size):
    window = MainWindow(settings)
    qtbot.addWidget(window)
    window.place_on(available)
    assert (window.width(), window.height()) == size
    assert available.contains(QRect(window.pos(), window.size()))
    assert window.x() - available.x() == available.right() - (window.x() + window.width() - 1)


def whole_in_view(widget: QWidget, area: QScrollArea) -> bool:
    """``widget`` is drawn whole inside the scroll area's viewport (not scrolled off, not cut)."""
    viewport = area.viewport()
    top_left = widget.mapTo(viewport, widget.rect().topLeft())
    return (widget.isVisible() and viewport.rect().contains(QRect(top_left, widget.size()))
            and widget.visibleRegion().boundingRect() == widget.rect())


@pytest.mark.parametrize(("available", "name"), [
    (QRect(0, 0, 1366, 768), "main_window_1366x768.png"),
    (QRect(0, 0, 1920, 1080), "main_window_1280x800.png"),
])
def test_nodes_and_the_data_set_picker_show_without_scrolling(qtbot, settings, tmp_path,
                                                              available, name):
    window = MainWindow(settings)
    qtbot.addWidget(window)
    window.place_on(available)
    window.show()
    qtbot.waitExposed(window)
    qtbot.wait(50)
    area = window.docks["Build"].widget()
    assert isinstance(area, QScrollArea)
    assert area.verticalScrollBar().maximum() == 0  # nothing below a scrollbar
    picker = window.data_picker
    for widget in (*window.palette.buttons.values(), picker.data_combo, picker.data_info,
                   picker.import_button):
        assert whole_in_view(widget, area), widget
    assert picker.data_combo.currentText() == "XOR gate"
    image = window.grab().toImage()
    assert (image.width(), image.height()) == (window.width(), window.height())
    assert image.save(str(screenshot_target(name, tmp_path)))


def test_an_opened_example_with_a_description_keeps_the_data_set_picker_in_view(qtbot, settings):
    """An example's title and description sit above the palette; opening one at 1366×768 must
    not push the data set picker below the fold again."""
    window = MainWindow(settings)
    qtbot.addWidget(window)
    window.place_on(QRect(0, 0, 1366, 768))
    window.show()
    qtbot.waitExposed(window)
    open_example(window, "spiral")
    qtbot.wait(300)  # the new description laid out, and the docks resized after it
    area = window.docks["Build"].widget()
    assert area.verticalScrollBar().maximum() == 0
    picker = window.data_picker
    assert picker.data_combo.currentText() == "Spiral"
    for widget in (*window.palette.buttons.values(), picker.data_combo, picker.import_button):
        assert whole_in_view(widget, area), widget
