"""The main window's status bar: a message too long for it ends in "…" where it is cut.

QStatusBar draws its message clipped at the edge of the room it has (before the zoom label):
with a 16 pt font at 1024 × 768, "Select two nodes to connect (on the canvas, Tab selects a
node and Ctrl+Tab adds the next one)." stopped at "adds the", the Korean one in the middle of
a character, with nothing to say that more followed (the whole text was only in the bar's
tooltip). This bar draws the message elided at its end
(``QFontMetrics.elidedText``), worked out again at every paint, so a resized window shows as
much as now fits. :meth:`currentMessage` stays the whole text.
"""

from __future__ import annotations

from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QPainter, QPaintEvent
from PySide6.QtWidgets import QSizeGrip, QStatusBar, QStyle, QStyleOption, QWidget

#: QStatusBar's own margins around its message (qstatusbar.cpp, messageRect): 6 pixels on the
#: leading side, 12 on the trailing one, 2 before a permanent widget
LEADING, TRAILING, BEFORE_WIDGET = 6, 12, 2


class ElidingStatusBar(QStatusBar):
    """A status bar whose message, when longer than its room, is cut at its end with "…"."""

    def message_rect(self) -> QRect:
        """Where the message is drawn: as QStatusBar places it, up to its first permanent
        widget (while a message is shown, the other widgets are hidden) or its size grip."""
        rtl = self.layoutDirection() == Qt.LayoutDirection.RightToLeft
        left, right = LEADING, self.width() - TRAILING
        for widget in self._shown_widgets():
            gap = 0 if isinstance(widget, QSizeGrip) else BEFORE_WIDGET
            if rtl:
                left = max(left, widget.geometry().right() + 1 + gap)
            else:
                right = min(right, widget.x() - gap)
        return QRect(left, 0, max(right - left, 0), self.height())

    def shown_message(self) -> str:
        """The message as it is drawn now: whole, or cut with "…" at the room it has."""
        return self.fontMetrics().elidedText(self.currentMessage(), Qt.TextElideMode.ElideRight,
                                             self.message_rect().width())

    def paintEvent(self, event: QPaintEvent) -> None:
        if not self.currentMessage():
            super().paintEvent(event)
            return
        # QStatusBar.paintEvent with the message elided: the panel, the frames of the widgets
        # shown beside a message (the permanent ones), the text
        painter = QPainter(self)
        option = QStyleOption()
        option.initFrom(self)
        style = self.style()
        style.drawPrimitive(QStyle.PrimitiveElement.PE_PanelStatusBar, option, painter, self)
        for widget in self._shown_widgets():
            if isinstance(widget, QSizeGrip):
                continue
            frame = QStyleOption()
            frame.rect = widget.geometry().adjusted(-2, -1, 2, 1)
            frame.palette = self.palette()
            frame.state = QStyle.StateFlag.State_None
            style.drawPrimitive(QStyle.PrimitiveElement.PE_FrameStatusBarItem, frame, painter,
                                widget)
        painter.setPen(self.palette().windowText().color())
        painter.drawText(self.message_rect(), Qt.AlignmentFlag.AlignLeading
                         | Qt.AlignmentFlag.AlignVCenter | Qt.TextFlag.TextSingleLine,
                         self.shown_message())
        painter.end()

    def _shown_widgets(self) -> list[QWidget]:
        return [widget for widget in self.findChildren(
            QWidget, options=Qt.FindChildOption.FindDirectChildrenOnly)
            if widget.isVisible() and not widget.isWindow()]
