"""Small widget helpers shared by the panels."""

from __future__ import annotations

import math

from PySide6.QtCore import Qt
from PySide6.QtGui import QResizeEvent, QValidator
from PySide6.QtWidgets import (
    QDockWidget,
    QDoubleSpinBox,
    QLabel,
    QMainWindow,
    QScrollArea,
    QWidget,
)


def scrolling(widget: QWidget) -> QScrollArea:
    """``widget`` in a vertical scroll area, so a short dock scrolls instead of squashing it."""
    area = QScrollArea()
    area.setWidget(widget)
    area.setWidgetResizable(True)
    area.setFrameShape(QScrollArea.Shape.NoFrame)
    area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    return area


def add_dock(window: QMainWindow, title: str, widget: QWidget,
             area: Qt.DockWidgetArea) -> QDockWidget:
    """Dock ``widget`` in ``window`` under ``title``: movable, closable and floatable, and
    findable by an object name made from the title (``"Loss"`` → ``loss_dock``)."""
    dock = _new_dock(window, title, widget)
    window.addDockWidget(area, dock)
    return dock


def add_tabbed_dock(window: QMainWindow, title: str, widget: QWidget,
                    beside: QDockWidget) -> QDockWidget:
    """Dock ``widget`` under ``title`` in a tab behind ``beside`` (which stays in front).

    The window's layout is brought up to date first. Qt's tab-bar bookkeeping
    (``QMainWindowLayout::getTabBar``) lays out a stale layout from inside ``tabifyDockWidget``
    when other tab groups exist; that nested pass meets the half-made group and gives it a tab
    bar, then the tabify gives it a second one. Qt deletes the orphan only later (deleteLater),
    so until the event loop has run it stays visible where the nested pass put it — over the
    Problems panel at first show (docs/qt-notes.md §8). On a current layout the nested pass
    does nothing and the group gets exactly one bar.
    """
    dock = _new_dock(window, title, widget)
    window.layout().activate()  # no nested layout pass inside tabifyDockWidget
    window.tabifyDockWidget(beside, dock)
    beside.raise_()
    return dock


def _new_dock(window: QMainWindow, title: str, widget: QWidget) -> QDockWidget:
    dock = QDockWidget(title, window)
    dock.setObjectName(f"{title.lower()}_dock")
    dock.setWidget(widget)
    dock.setFeatures(QDockWidget.DockWidgetFeature.DockWidgetMovable
                     | QDockWidget.DockWidgetFeature.DockWidgetClosable
                     | QDockWidget.DockWidgetFeature.DockWidgetFloatable)
    return dock


class WrappedLabel(QLabel):
    """A word-wrapped label that asks for the height its text needs at its current width
    (layouts inside scroll areas and docks otherwise squeeze wrapped text to one line)."""

    def __init__(self, text: str = "", parent: QWidget | None = None) -> None:
        super().__init__(text, parent)
        self.setWordWrap(True)

    def setText(self, text: str) -> None:
        super().setText(text)
        self._fit()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit()

    def _fit(self) -> None:
        # QLabel never reports a height below its minimum: drop the old one to measure, or a
        # label that once held a long text would keep its height for good.
        old = self.minimumHeight()
        self.setMinimumHeight(0)
        height = self.heightForWidth(max(self.width(), 1))
        self.setMinimumHeight(height if height > 0 else old)


class NumberSpinBox(QDoubleSpinBox):
    """A spin box for numbers that span many powers of ten (learning rates, weight decay):
    shows ``significant`` digits without trailing zeros (0.01, 6.26e-08, 220), accepts typed
    scientific notation (1e-7), and keeps the exact value it is given — a plain
    QDoubleSpinBox rounds 6.26e-08 to 0 at six decimals."""

    DECIMALS = 20  # what Qt rounds stored values to: far below any value shown here

    def __init__(self, significant: int = 6, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.significant = significant
        self.setDecimals(self.DECIMALS)

    def textFromValue(self, value: float) -> str:
        return f"{value:.{self.significant}g}"

    def valueFromText(self, text: str) -> float:
        number = self._parse(text)
        return self.value() if number is None else number

    def validate(self, text: str, pos: int) -> object:
        body = self._body(text)
        number = self._parse(text)
        if number is None:
            partial = body in ("", "-", "+", ".", "-.") or body[-1:] in ("e", "E", "-", "+")
            state = QValidator.State.Intermediate if partial else QValidator.State.Invalid
        elif self.minimum() <= number <= self.maximum():
            state = QValidator.State.Acceptable
        else:
            state = QValidator.State.Intermediate
        return state, text, pos

    def fixup(self, text: str) -> str:
        number = self._parse(text)
        if number is None:
            return self.textFromValue(self.value())
        return self.textFromValue(min(max(number, self.minimum()), self.maximum()))

    def _body(self, text: str) -> str:
        return text.removeprefix(self.prefix()).removesuffix(self.suffix()).strip()

    def _parse(self, text: str) -> float | None:
        body = self._body(text).replace(",", ".")
        try:
            number = float(body)
        except ValueError:
            return None
        return number if math.isfinite(number) else None
