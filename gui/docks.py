"""Docks and the scroll areas inside them: how every panel of the main window (and the labs'
and Explain's) is docked, titled in the current language and kept readable on small screens."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QSize, Qt
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import QApplication, QDockWidget, QMainWindow, QScrollArea, QWidget

from gui.i18n import on_language_change

#: a screen narrower than this (logical pixels) gets the compact window: a projector of 1024 ×
#: 768 at 150 % is 683 wide, at 200 % 512. Its docks may be narrower than their content (and
#: scroll sideways); the training panels are tabs of one dock (gui.main_window)
NARROW_SCREEN = 800
#: a screen lower than this (logical pixels; 1280 × 720 at 150 % is 480) gets the training
#: panels as tabs of one dock too: each the whole width, Loss and Accuracy side by side
SHORT_SCREEN = 600
#: the largest share of a narrow screen's width a dock's scroll area asks for
SCREEN_SHARE = 0.3
#: the line height (pixels) of the system font the sizes above are meant for (9 pt): a screen
#: shown with a bigger font is as much narrower and shorter for them (:func:`text_screen`)
TEXT_LINE = 16


def text_screen(available: QSize) -> QSize:
    """A screen's ``available`` area measured for :data:`NARROW_SCREEN` and
    :data:`SHORT_SCREEN`: in pixels of a :data:`TEXT_LINE` font. A projector of 1024 × 768
    shown with a 14 pt system font (22 px lines) holds the text of a 745 × 559 one: its window
    was 1049 pixels wide at least, the Inspector's right side off the screen."""
    line = max(QFontMetrics(QApplication.font()).height(), TEXT_LINE)
    return QSize(available.width() * TEXT_LINE // line, available.height() * TEXT_LINE // line)


class _VerticalScrollArea(QScrollArea):
    """Never narrower than its widget's minimum width, so nothing is cut off on the right (with
    Qt's default, the scroll bar's width, the Training dock's buttons and spin boxes were cut at
    1280 px, the Korean Build panel's text) — except on a :data:`NARROW_SCREEN` (measured by
    :func:`text_screen`: a big system font makes a screen narrow), where it asks
    at most :data:`SCREEN_SHARE` of it and, narrower than its widget, scrolls sideways: there
    the Build, Inspector and Training docks forced the window wider than the screen.

    When its widget comes to need more width (a longer label shown: the Korean Training dock's
    "Momentum 계수" row once Momentum is chosen), it asks its dock for it: it used to keep the
    width it was given and scroll sideways."""

    _asked = -1  # the minimum width last asked for

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.widget() and event.type() == QEvent.Type.LayoutRequest:
            width = self.minimumSizeHint().width()
            if width != self._asked:
                self._asked = width
                self.updateGeometry()
        return super().eventFilter(watched, event)

    def minimumSizeHint(self) -> QSize:
        hint = super().minimumSizeHint()
        widget = self.widget()
        if widget is None:
            return hint
        bar = self.verticalScrollBar().sizeHint().width()
        margins = self.contentsMargins()
        width = widget.minimumSizeHint().width() + bar + margins.left() + margins.right()
        screen = self.screen().availableGeometry().size()
        if text_screen(screen).width() < NARROW_SCREEN:
            width = min(width, int(screen.width() * SCREEN_SHARE))
        return QSize(max(hint.width(), width), hint.height())


def scrolling(widget: QWidget, sideways: bool = False) -> QScrollArea:
    """``widget`` in a scroll area, so a short dock scrolls instead of squashing it: never
    narrower than the widget needs (except on a :data:`NARROW_SCREEN`).
    ``sideways``: it may always be narrower, and then scrolls left and right (a lab window
    smaller than its content)."""
    area = QScrollArea() if sideways else _VerticalScrollArea()
    if not sideways:  # a dock's: its widgets take the focus (the area scrolls to show them);
        area.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # itself it was a blank, silent Tab stop
    area.setWidget(widget)
    area.setWidgetResizable(True)
    area.setFrameShape(QScrollArea.Shape.NoFrame)
    return area


def add_dock(window: QMainWindow, title: str, widget: QWidget,
             area: Qt.DockWidgetArea, shown: Callable[[], str] | None = None) -> QDockWidget:
    """Dock ``widget`` in ``window`` under ``title``: movable, closable and floatable, and
    findable by an object name made from the title (``"Loss"`` → ``loss_dock``).

    ``title`` is an identifier and stays English. With ``shown`` (``lambda: translate(…)``)
    the dock shows ``shown()`` as its title, again whenever the language changes; without, the
    caller sets the translated title (``dock.setWindowTitle``) in its own retranslate. The
    View menu's toggle action follows the dock's title."""
    dock = _new_dock(window, title, widget, shown)
    window.addDockWidget(area, dock)
    return dock


def add_tabbed_dock(window: QMainWindow, title: str, widget: QWidget,
                    beside: QDockWidget, shown: Callable[[], str] | None = None) -> QDockWidget:
    """Dock ``widget`` under ``title`` in a tab behind ``beside`` (which stays in front).

    The window's layout is brought up to date first. Qt's tab-bar bookkeeping
    (``QMainWindowLayout::getTabBar``) lays out a stale layout from inside ``tabifyDockWidget``
    when other tab groups exist; that nested pass meets the half-made group and gives it a tab
    bar, then the tabify gives it a second one. Qt deletes the orphan only later (deleteLater),
    so until the event loop has run it stays visible where the nested pass put it — over the
    Problems panel at first show (docs/qt-notes.md §8). On a current layout the nested pass
    does nothing and the group gets exactly one bar.
    """
    dock = _new_dock(window, title, widget, shown)
    window.layout().activate()  # no nested layout pass inside tabifyDockWidget
    window.tabifyDockWidget(beside, dock)
    beside.raise_()
    return dock


def _new_dock(window: QMainWindow, title: str, widget: QWidget,
              shown: Callable[[], str] | None) -> QDockWidget:
    dock = QDockWidget(title, window)
    dock.setObjectName(f"{title.lower()}_dock")
    dock.setWidget(widget)
    # a screen reader names the dock's content by the dock's shown title (the English title is
    # the identifier; a translated one comes by the signal)
    widget.setAccessibleName(dock.windowTitle())
    dock.windowTitleChanged.connect(widget.setAccessibleName)
    dock.setFeatures(QDockWidget.DockWidgetFeature.DockWidgetMovable
                     | QDockWidget.DockWidgetFeature.DockWidgetClosable
                     | QDockWidget.DockWidgetFeature.DockWidgetFloatable)
    if shown is not None:
        on_language_change(dock, lambda: dock.setWindowTitle(shown()))
    # Qt names its title bar's Float and Close buttons for a screen reader (from its own
    # catalogue) only when the dock is made or its style changes: after a live switch to
    # Korean they were read in English. A style change has Qt name them again.
    on_language_change(dock, lambda: QApplication.sendEvent(
        dock, QEvent(QEvent.Type.StyleChange)))
    return dock
