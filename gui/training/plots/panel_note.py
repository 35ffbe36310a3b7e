"""A panel's note beside its tool buttons (a legend, a caption): a fixed size that changes
only with its number of lines, so a new text every frame never lays the window out again."""

from __future__ import annotations

import math
import re

from PySide6.QtCore import Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QLabel, QSizePolicy, QWidget

#: the largest share of its panel's height a note takes (the rest of its text is its tooltip)
PANEL_SHARE = 0.25
#: a space outside the tags of rich text: where a cut note may end (a legend's entries keep
#: their words together with &nbsp;, so it is cut between entries)
BREAK = re.compile(r" (?![^<]*>)")


class PanelNote(QLabel):
    """A panel's note beside its tool buttons: one line, or as many as its text needs at the
    panel's width, up to :attr:`MAX_LINES` (then the whole text is its tooltip, and the note
    shows what fits of it, up to a space, followed by "…": with a 16 pt font at 1024 × 768
    the Loss panel's one-line legend was clipped at the "log scale" check box, the mark of
    "test" against it without its name). :meth:`text` is the whole text.

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
        self._whole = ""  # the text given (what is shown may be cut: shown_text)
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

    def text(self) -> str:
        """The whole text, as given (:meth:`shown_text` is what the note shows of it)."""
        return self._whole

    def shown_text(self) -> str:
        return super().text()

    def setText(self, text: str) -> None:
        self._whole = text
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
        shown = self._cut(lines) if cut else self._whole
        if shown != self.shown_text():
            super().setText(shown)

    def fit_height(self, panel_height: int) -> None:
        """At most :data:`PANEL_SHARE` of a panel ``panel_height`` high (one line at least):
        with a 16 pt system font at 1024 × 768 the Weights panel's three-line caption left its
        plots' curves 30 pixels, less than one and a half lines of their numbers."""
        most = max(1, min(self.MAX_LINES, int(panel_height * PANEL_SHARE)
                          // self.fontMetrics().lineSpacing()))
        if most != self.most_lines:
            self.most_lines = most
            self.fit(shrink=True)

    def _needed_lines(self, text: str | None = None, width: int | None = None) -> int:
        """The lines ``text`` (the whole text) takes at ``width`` (the note's)."""
        probe, width = self._probe, self.width() if width is None else width
        probe.setWordWrap(False)
        probe.setText(self._whole if text is None else text)
        if probe.sizeHint().width() <= width:
            return 1
        probe.setWordWrap(True)  # rich text wraps as the note will show it
        return max(2, math.ceil(probe.heightForWidth(width)
                                / self.fontMetrics().lineSpacing()))

    def _cut(self, lines: int) -> str:
        """The most of the text, up to a space, that takes ``lines`` lines with "…" after it,
        a space short of the note's width (the "…" does not touch what is beside the note)."""
        parts = BREAK.split(self._whole)
        width = self.width() - self.fontMetrics().horizontalAdvance(" ")
        low, high = 0, len(parts) - 1  # the whole text does not fit: at most all but its end
        while low < high:  # the most parts that fit (binary search: fewer fit, if more do)
            middle = (low + high + 1) // 2
            if self._needed_lines(" ".join(parts[:middle]) + "…", width) <= lines:
                low = middle
            else:
                high = middle - 1
        return " ".join(parts[:low]) + "…"


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
