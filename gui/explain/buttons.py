"""A push button as wide as its text needs, no wider.

Qt's styles give a push button with text a minimum of 80 pixels whatever the text; the four
step buttons of the Explain dock share a narrow dock, so they are squeezed below that and their
words ("Next →", "다음 →") would be reported as cut although they fit. This button asks only for
its text's width and the style's margins."""

from __future__ import annotations

from PySide6.QtCore import QSize
from PySide6.QtWidgets import QPushButton, QStyle


class CompactButton(QPushButton):
    def sizeHint(self) -> QSize:
        style = self.style()
        margin = style.pixelMetric(QStyle.PixelMetric.PM_ButtonMargin, None, self)
        frame = style.pixelMetric(QStyle.PixelMetric.PM_DefaultFrameWidth, None, self)
        width = self.fontMetrics().horizontalAdvance(self.text()) + 2 * (margin + frame) + 4
        return QSize(width, super().sizeHint().height())

    def minimumSizeHint(self) -> QSize:
        return self.sizeHint()
