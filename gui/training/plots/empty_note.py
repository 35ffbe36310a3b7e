"""Words in the middle of an empty plot: what will appear there, and how to make it appear.

Before the first run the panels' plots are empty axes from 0 to 1, and a student could not tell
whether something was broken; a note in the plot's view says what fills it (the Activations
panel: "Train (F5) to see ..."). It is part of the plot's scene, so a PNG of the panel has it.
"""

from __future__ import annotations

import pyqtgraph as pg
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QTextOption
from PySide6.QtWidgets import QGraphicsTextItem

from gui import theme

MARGIN = 8  # px between the words and the view's sides


class PlotNote:
    """Centred, wrapped words over ``plot``'s view; hidden while its text is empty."""

    def __init__(self, plot: pg.PlotItem) -> None:
        self.view = plot.vb
        self.item = QGraphicsTextItem(self.view)  # the view's own pixels, not its data
        self.item.setDefaultTextColor(QColor(theme.MUTED_TEXT))
        self.item.document().setDefaultTextOption(QTextOption(Qt.AlignmentFlag.AlignCenter))
        self.item.setZValue(10)
        self.item.setVisible(False)
        self.view.sigResized.connect(self._place)

    @property
    def text(self) -> str:
        """The words shown ("" when none)."""
        return self.item.toPlainText() if self.item.isVisible() else ""

    def set_text(self, text: str) -> None:
        if text != self.item.toPlainText():
            self.item.setPlainText(text)
        self.item.setVisible(bool(text))
        self._place()

    def _place(self, *_args: object) -> None:
        width = max(self.view.width() - 2 * MARGIN, 40.0)
        self.item.setTextWidth(width)
        height = self.item.boundingRect().height()
        self.item.setPos(MARGIN, max((self.view.height() - height) / 2, 0.0))
