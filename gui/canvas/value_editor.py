"""A small in-place number editor for one weight or bias, shown on the canvas itself."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QFocusEvent, QKeyEvent
from PySide6.QtWidgets import QLineEdit, QWidget

from core.engine.params import MAX_MAGNITUDE
from gui import theme
from gui.i18n import translate
from gui.widgets import typed_number, typed_overflow

LIMIT = MAX_MAGNITUDE  # a typed weight or bias is at most this in size (as an imported one)


def parse_number(text: str) -> float | None:
    """A weight or bias from what a student types (:func:`gui.widgets.typed_number`), at most
    :data:`LIMIT` in size ("-0" is 0: the undo text said "to -0")."""
    value = typed_number(text)
    return value + 0.0 if value is not None and abs(value) <= LIMIT else None


def number_refusal(text: str) -> str:
    """Why ``text`` is not taken as a weight or bias, in the current language."""
    if typed_number(text) is None and not typed_overflow(text):
        return translate("ValueEditor", "“{text}” is not a number: type one such as 0.5 or -0.7, "
                         "then press Enter (Esc cancels).").format(text=text.strip())
    return translate("ValueEditor", "{text} is too large: a weight or bias must be between "
                     "−{limit:,.0f} and {limit:,.0f}.").format(text=text.strip(), limit=LIMIT)


class ValueEditor(QLineEdit):
    """Enter commits, Escape or clicking elsewhere cancels. Text left as shown sets nothing:
    it is the value rounded to six digits (Enter, or Tab passing by, changed the weight a
    little and left an undo entry)."""

    committed = Signal(float)
    closed = Signal()
    # Enter was pressed on text that is not taken (the text: number_refusal says why)
    refused = Signal(str)
    # Tab (+1) or Shift+Tab (-1) set the value: the next or previous one is wanted
    stepped = Signal(int)

    def __init__(self, value: float, hint: str, parent: QWidget | None = None) -> None:
        self._shown = f"{value:.6g}"
        super().__init__(self._shown, parent)
        self.setToolTip(hint)
        self.setPlaceholderText(self.tr("number"))
        self.setFixedWidth(96)
        self.setAlignment(Qt.AlignmentFlag.AlignRight)
        self.setStyleSheet(f"QLineEdit {{ border: 2px solid {theme.SELECTION}; border-radius: 4px;"
                           " padding: 2px 4px; background: white; }")
        self.selectAll()
        self.returnPressed.connect(self._commit)
        self._done = False

    def _commit(self) -> bool:
        if self.text() == self._shown:
            self._finish()
            return True
        value = parse_number(self.text())
        if value is None:
            self.setStyleSheet(f"QLineEdit {{ border: 2px solid {theme.PROBLEM};"
                               " border-radius: 4px; padding: 2px 4px;"
                               f" background: {theme.PROBLEM_BACKGROUND}; }}")
            self.setToolTip(number_refusal(self.text()))
            self.refused.emit(self.text())
            return False
        self._finish()
        self.committed.emit(value)
        return True

    def _finish(self) -> None:
        if not self._done:
            self._done = True
            self.closed.emit()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape:
            self._finish()
            return
        super().keyPressEvent(event)

    def focusOutEvent(self, event: QFocusEvent) -> None:
        super().focusOutEvent(event)
        if event.reason() != Qt.FocusReason.PopupFocusReason:
            self._finish()

    def event(self, event: QEvent) -> bool:
        # Tab and Shift+Tab set the value and ask for the next (previous) one, instead of
        # moving the focus across the canvas.
        if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent) and (
                event.key() in (Qt.Key.Key_Tab, Qt.Key.Key_Backtab)):
            if self._commit():
                self.stepped.emit(-1 if event.key() == Qt.Key.Key_Backtab else 1)
            return True
        return super().event(event)

