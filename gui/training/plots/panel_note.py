"""A panel's note beside its tool buttons (a legend, a caption): a fixed size that changes
only with its number of lines, so a new text every frame never lays the window out again."""

from __future__ import annotations

import math

from PySide6.QtCore import Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QLabel, QSizePolicy, QWidget

#: the largest share of its panel's height a note takes (the rest of its text is its tooltip)
PANEL_SHARE = 0.25


class PanelNote(QLabel):
    """A panel's note beside its tool buttons: one line, or as many as its text needs at the
    panel's width, up to :attr:`MAX_LINES` (then the whole text is its tooltip).

    Its size is fixed (its owner makes the width follow its own: :meth:`follow_width`): a label
    whose size may change sends a layout request up to the main window with every new text —
    measured, that relaid the whole window several times a second while training. Only a change
    in the number of lines (a longer legend, a narrower panel, Korean) changes its height, and
    a new text only adds a line: a note whose length hovers at the width (the activations'
    sentence, each frame) would otherwise lay the panel out and repaint all its plots again
    and again. The lines are counted afresh when the width changes.

    Its owner lays out :attr:`box`, not the note: a layout takes a fixed width as the least
    it may give, so a panel once made wide kept that width as its minimum — the dock could
    not be narrowed again, nor the main window (maximised and restored, it stayed 1,800 px).
    The box passes on only the note's height and gives the note the width it gets.
    """

    #: the most lines a note takes from its panel's plots (a narrow panel, a long sentence)
    MAX_LINES = 4

    def __init__(self) -> None:
        super().__init__()
        self._lines = 0
        #: lines kept even for a short text: for a note whose usual text takes two (the
        #: activations' sentence), so that its first frame does not lay the panel out again
        self.min_lines = 1
        #: the most lines now: fewer than :attr:`MAX_LINES` in a short panel (:meth:`fit_height`)
        self.most_lines = self.MAX_LINES
        self._probe = QLabel()  # never shown: measures the text, one line and wrapped
        self.box = _NoteBox(self)
        self.setFixedWidth(10)
        self.fit(shrink=True)

    @property
    def lines(self) -> int:
        return self._lines

    def setText(self, text: str) -> None:
        super().setText(text)
        self.fit()

    def follow_width(self, width: int) -> None:
        """Take ``width`` (at least 10 px) as its fixed width, its lines counted afresh; the
        width it has already changes nothing."""
        width = max(width, 10)
        if width != self.maximumWidth():  # its fixed width
            self.setFixedWidth(width)
            self.setIndent(self.indent())  # QLabel keeps its size hints of the old width
            self.fit(shrink=True)

    def fit(self, shrink: bool = False) -> None:
        """The lines the text needs at the current width (``shrink``: fewer than before may
        do); a text longer than :attr:`most_lines` lines is cut there and is the tooltip."""
        needed = self._needed_lines()
        cut = needed > max(self.most_lines, self.min_lines)
        self.setToolTip(self.text() if cut else "")
        # cut: its first lines whole (centred, the cut showed halves of a line more at both ends)
        self.setAlignment(Qt.AlignmentFlag.AlignLeft | (
            Qt.AlignmentFlag.AlignTop if cut else Qt.AlignmentFlag.AlignVCenter))
        lines = max(min(needed, self.most_lines), self.min_lines)
        if not shrink:
            lines = max(lines, self._lines)
        if lines != self._lines:
            self._lines = lines
            self.setWordWrap(lines > 1)
            self.setFixedHeight(self.fontMetrics().lineSpacing() * lines + 4)
            self.box.setFixedHeight(self.height())

    def fit_height(self, panel_height: int) -> None:
        """At most :data:`PANEL_SHARE` of a panel ``panel_height`` high (one line at least):
        with a 16 pt system font at 1024 × 768 the Weights panel's three-line caption left its
        plots' curves 30 pixels, less than one and a half lines of their numbers."""
        most = max(1, min(self.MAX_LINES, int(panel_height * PANEL_SHARE)
                          // self.fontMetrics().lineSpacing()))
        if most != self.most_lines:
            self.most_lines = most
            self.fit(shrink=True)

    def _needed_lines(self) -> int:
        probe = self._probe
        probe.setWordWrap(False)
        probe.setText(self.text())
        if probe.sizeHint().width() <= self.width():
            return 1
        probe.setWordWrap(True)  # rich text wraps as the note will show it
        return max(2, math.ceil(probe.heightForWidth(self.width())
                                / self.fontMetrics().lineSpacing()))


class _NoteBox(QWidget):
    """What a :class:`PanelNote`'s owner lays out: as high as the note, any width (its own
    minimum is none); the note inside takes the box's width."""

    def __init__(self, note: PanelNote) -> None:
        super().__init__()
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
        self._note = note
        note.setParent(self)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._note.follow_width(self.width())
