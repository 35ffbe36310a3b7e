"""Pictures on a high-DPI screen (200 %, 150 %): drawn for the screen's pixels, not a small
picture enlarged and blurred."""

import pytest

from tests.gui.scaled import run_scaled


@pytest.mark.parametrize("ratio", [1.0, 1.5, 2.0, 3.0])
def test_the_palettes_icons_have_a_pixel_for_each_screen_pixel(window, ratio):
    """The node buttons' icons were one 36-pixel picture: on a 2× screen Qt enlarged it to
    60 pixels and the card and its neurons were soft-edged."""
    for button in window.palette.buttons.values():
        size = button.iconSize()
        pixmap = button.icon().pixmap(size, ratio)
        assert pixmap.devicePixelRatio() == ratio, button.kind
        assert pixmap.width() == round(size.width() * ratio), button.kind
        assert pixmap.height() == round(size.height() * ratio), button.kind


PALETTE = """
from gui.main_window import MainWindow
window = MainWindow(settings)
window.show()
for _ in range(20):
    app.processEvents()
button = window.palette.buttons["hidden"]
image = button.grab().toImage()
result["ratio"] = image.devicePixelRatio()
icon = button.icon().pixmap(button.iconSize(), image.devicePixelRatio()).toImage()
result["icon"] = [icon.width(), icon.height(), icon.devicePixelRatio()]
"""


def test_the_palette_is_drawn_with_the_screens_pixels_at_200_percent(tmp_path):
    """The running window at QT_SCALE_FACTOR=2 draws the 30-pixel icon from 60 × 60 pixels."""
    shown = run_scaled(PALETTE, tmp_path, (2048, 1536), 2)
    assert shown["ratio"] == 2
    assert shown["icon"] == [60, 60, 2]
