"""Find text that does not fit its widget (clipped labels, buttons, check boxes, tabs).

Korean labels are often wider than English ones; a layout that fits English can cut them off.
:func:`clipped_texts` lists every visible widget under ``root`` whose text needs more room than
the widget has: a label or button narrower than its minimum size hint (its text's width), a
word-wrapped label shorter than the height its text needs at its width, a tab narrower than its
title. Call it on a shown window (``qtbot.waitExposed``) after the language switch.
:func:`scrolled_sideways` lists the scroll areas (a dock's content) too narrow for what they
hold, so that they scroll left and right.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator

from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QDockWidget,
    QGroupBox,
    QLabel,
    QScrollArea,
    QTabBar,
    QWidget,
)
from pytestqt.exceptions import TimeoutError


def _text(widget: QWidget) -> str:
    if isinstance(widget, QLabel | QAbstractButton):
        return widget.text()
    if isinstance(widget, QGroupBox):
        return widget.title()
    return ""


def clipped_texts(root: QWidget, slack: int = 1) -> list[str]:
    """``"ClassName 'text': needs W×H, has w×h"`` for each visible widget whose text is cut."""
    found = []
    widgets = [root, *root.findChildren(QWidget)]
    for widget in widgets:
        if not widget.isVisible() or widget.width() <= 0:
            continue
        if isinstance(widget, QTabBar):
            for index in range(widget.count()):
                need = widget.tabSizeHint(index).width()
                have = widget.tabRect(index).width()
                if widget.tabText(index) and have + slack < need and not widget.usesScrollButtons():
                    found.append(f"tab {widget.tabText(index)!r}: needs {need}, has {have}")
            continue
        text = _text(widget)
        if not text or widget.sizePolicy().horizontalPolicy().name == "Ignored":
            continue
        hint = widget.minimumSizeHint()
        if isinstance(widget, QLabel) and widget.wordWrap():
            need_h = widget.heightForWidth(widget.width())
            if need_h > widget.height() + slack:
                found.append(f"{type(widget).__name__} {text[:60]!r}: needs height {need_h}, "
                             f"has {widget.height()}")
            continue
        if hint.width() > widget.width() + slack:
            found.append(f"{type(widget).__name__} {text[:60]!r}: needs width {hint.width()}, "
                         f"has {widget.width()}")
    return found


def scrolled_sideways(root: QWidget) -> list[str]:
    """``"QScrollArea in 'Training': 5 px too narrow"`` for each visible scroll area under
    ``root`` that shows a horizontal scroll bar (its content wider than it)."""
    found = []
    for area in root.findChildren(QScrollArea):
        bar = area.horizontalScrollBar()
        if area.isVisible() and bar.isVisible() and bar.maximum() > 0:
            dock = area.parentWidget()
            while dock is not None and not isinstance(dock, QDockWidget):
                dock = dock.parentWidget()
            where = dock.windowTitle() if dock is not None else type(area.parentWidget()).__name__
            found.append(f"{type(area).__name__} in {where!r}: {bar.maximum()} px too narrow")
    return found


def settled_clipped_texts(qtbot, root: QWidget, timeout: int = 3000) -> list[str]:
    """:func:`clipped_texts` once the layouts have settled: a new text's size reaches its
    layout through posted layout requests, which word-wrapped labels may need two rounds of.
    Clipping that stays is returned (and fails the caller's assertion) after ``timeout`` ms."""
    with contextlib.suppress(TimeoutError):  # report what stays cut
        qtbot.waitUntil(lambda: not clipped_texts(root), timeout=timeout)
    return clipped_texts(root)


@contextlib.contextmanager
def system_font(points: float) -> Iterator[QFont]:
    """The application's font at ``points`` (a projector's big system font) for the block."""
    app = QApplication.instance()
    before = QFont(app.font())
    font = QFont(before)
    font.setPointSizeF(points)
    app.setFont(font)
    try:
        yield font
    finally:
        app.setFont(before)


#: the start of a script for tests.gui.scaled.run_scaled: the main window with a projector's
#: big system font (``POINTS``, 16 unless the script sets it before; 0: the default font),
#: placed on the screen and shown
BIG_FONT_WINDOW = """
import time
from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QFontMetrics
POINTS = globals().get("POINTS", 16)
if POINTS:
    font = QFont(app.font())
    font.setPointSizeF(POINTS)
    app.setFont(font)
from gui.main_window import MainWindow
window = MainWindow(settings)
window.place_on(window.screen().availableGeometry())
window.show()
"""
