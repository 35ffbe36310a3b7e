"""The status bar's message and the zoom at its right end stay apart."""

from PySide6.QtGui import QColor


def dark_columns(image, left: int, right: int) -> list[int]:
    """The x of every column in [left, right) with a pixel darker than mid-grey (text)."""
    found = []
    for x in range(max(left, 0), min(right, image.width())):
        if any(QColor(image.pixel(x, y)).lightness() < 128 for y in range(image.height())):
            found.append(x)
    return found


def test_a_long_message_does_not_run_into_the_zoom(qtbot, window):
    """A message cut at the zoom label ran right up to it: "… Solved XOR gate: 10" + "28 %"
    read as "1028 %". A clear gap now parts them."""
    window.status.say(lambda: "Training ended: " + "reached the target loss 0.05. " * 20)
    qtbot.wait(20)
    bar = window.statusBar()
    image = bar.grab().toImage()
    label = window.zoom_label
    zoom_left = label.x()
    message = dark_columns(image, 0, zoom_left)
    zoom = dark_columns(image, zoom_left, label.x() + label.width())
    assert message and zoom
    assert zoom[0] - message[-1] >= 10, (message[-1], zoom[0])
