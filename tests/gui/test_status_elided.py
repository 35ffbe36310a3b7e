"""A status message longer than the bar, with a projector's 16 pt font in a 1024 × 768 window:
it was cut at the bar's edge ("… and Ctrl+Tab adds the", the Korean one in the middle of a
character; the rest only in the tooltip); it now ends in "…" where it is cut, again after a
resize."""

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QSizeGrip, QWidget

from tests.gui.text_fit import system_font
from tests.gui.windows import shown_main_window

BIG = 16


@pytest.fixture
def big_window(qtbot, settings, request):
    """The main window at 1024 × 768 with a 16 pt font, in the test's language."""
    if request.param == "ko":
        request.getfixturevalue("korean")
    with system_font(BIG):
        window = shown_main_window(qtbot, settings)
        window.resize(1024, 768)
        qtbot.waitUntil(lambda: window.width() == 1024)
        yield window


def message_room(bar) -> int:
    """The width QStatusBar gives its message: from 6 px in to 2 px before its first widget
    shown beside a message (or its size grip, or 12 px before its end)."""
    right = bar.width() - 12
    for widget in bar.findChildren(QWidget, options=Qt.FindChildOption.FindDirectChildrenOnly):
        if widget.isVisible() and not widget.isWindow():
            right = min(right, widget.x() - (0 if isinstance(widget, QSizeGrip) else 2))
    return right - 6


def shown_as(qtbot, bar, text: str):
    """The bar's picture while it shows ``text`` (as it is, when that fits)."""
    bar.showMessage(text)
    qtbot.waitUntil(lambda: bar.currentMessage() == text)
    return bar.grab().toImage()


@pytest.mark.parametrize("big_window", ["en", "ko"], indirect=True)
def test_a_long_status_message_ends_in_an_ellipsis(qtbot, big_window):
    window, bar = big_window, big_window.statusBar()
    window.view.setFocus()
    qtbot.keyClick(window.view, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)  # nothing
    whole = bar.currentMessage()  # selected: "Select two nodes to connect (on the canvas, …"
    metrics = bar.fontMetrics()
    assert whole.startswith(("Select two nodes", "연결할 노드 두 개를"))
    seen = []
    for width in (1024, 800, 1024):  # narrower: cut earlier; wider again: as before
        window.resize(width, 768)
        qtbot.waitUntil(lambda width=width: window.width() == width)
        room = message_room(bar)
        assert metrics.horizontalAdvance(whole) > room  # too long for the bar
        elided = metrics.elidedText(whole, Qt.TextElideMode.ElideRight, room)
        assert elided.endswith("…") and whole.startswith(elided[:-1])
        drawn = bar.grab().toImage()
        assert bar.currentMessage() == whole and bar.toolTip() == whole  # whole on hover
        assert drawn == shown_as(qtbot, bar, elided), (width, elided)  # drawn with "…"
        seen.append(elided)
        bar.showMessage(whole)
    assert len(seen[1]) < len(seen[0]) and seen[2] == seen[0]
