"""Small widget helpers shared by the panels."""

from __future__ import annotations

import math
import re
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from PySide6.QtCore import QBuffer, QIODevice, QObject, QRect, Qt, Signal, Slot
from PySide6.QtGui import (
    QAccessible,
    QAccessibleAnnouncementEvent,
    QImage,
    QKeySequence,
    QPainter,
    QPalette,
    QPen,
    QResizeEvent,
    QTextDocumentFragment,
    QValidator,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDoubleSpinBox,
    QFormLayout,
    QLabel,
    QLayoutItem,
    QMainWindow,
    QWidget,
)

from core.file_writes import write_atomically, write_reason
from gui import theme
from gui.i18n import on_language_change, translate

DialogT = TypeVar("DialogT", bound=QWidget)

_ACCELERATOR = re.compile(r"\(&\w\)")


def plain_label(text: str) -> str:
    """A menu label as plain words for a tooltip: without its accelerator — the whole
    "(&F)" of a Korean label, the "&" of an English one — and without a trailing "…"."""
    return _ACCELERATOR.sub("", text).replace("&", "").strip().rstrip("…")


def with_key(tip: str, key: QKeySequence | QKeySequence.StandardKey | str) -> str:
    """``tip`` and its key in the platform's words, as every toolbar button's and Training
    button's tooltip says it ("Undo Add hidden 1 (Ctrl+Z)"); ``tip`` alone without a key."""
    said = QKeySequence(key).toString(QKeySequence.SequenceFormat.NativeText)
    return f"{tip} ({said})" if said else tip  # i18n: not ui



def draw_focus_frame(painter: QPainter, widget: QWidget, rect: QRect) -> None:
    """The border in the highlight colour that shows ``widget`` — one that paints itself (the
    canvas, the image gallery) — has the focus, over the edge of ``rect`` (half of its
    width falls outside)."""
    painter.setPen(QPen(widget.palette().color(QPalette.ColorRole.Highlight),
                        2 * theme.FOCUS_WIDTH))
    painter.setBrush(Qt.BrushStyle.NoBrush)
    painter.drawRect(rect)

def labelled_row(form: QFormLayout, field: QWidget) -> QLabel:
    """Add ``field`` to ``form`` under a new label (its text set by the caller) that is the
    field's buddy, so a screen reader names the field by the label: Qt reads a buddy's text as
    the name (on Linux it tells a combo box's label by the "labelled by" relation).
    ``addRow(QLabel(), field)`` does not link them: the spin boxes of the Inspector and the
    Training dock were read out as "spin box" with no name, the combo boxes only as their
    current item."""
    label = QLabel()
    label.setBuddy(field)
    form.addRow(label, field)
    return label


def link_form_labels(root: QWidget) -> None:
    """What :func:`labelled_row` does, for the forms already built under ``root`` (a lab's):
    each QLabel of a row becomes the buddy of its field, or of the field's first widget that
    takes the focus (a row of two boxes: the first). A label with a buddy keeps it."""
    for form in root.findChildren(QFormLayout):
        for row in range(form.rowCount()):
            label = form.itemAt(row, QFormLayout.ItemRole.LabelRole)
            field = form.itemAt(row, QFormLayout.ItemRole.FieldRole)
            if label is None or field is None or not isinstance(label.widget(), QLabel):
                continue
            if label.widget().buddy() is None:
                target = _first_focusable(field)
                if target is not None:
                    label.widget().setBuddy(target)


def tab_passes_tables(root: QWidget) -> None:
    """Tab leaves each table under ``root`` for the next widget (arrows move in it), as in the
    main window: a lab's tables took Tab cell after cell, every cell of the table, before a
    keyboard user reached the widget after it."""
    for view in root.findChildren(QAbstractItemView):
        view.setTabKeyNavigation(False)


def _first_focusable(item: QLayoutItem) -> QWidget | None:
    widget = item.widget()
    if widget is not None:
        return widget if widget.focusPolicy() & Qt.FocusPolicy.TabFocus else None
    layout = item.layout()
    for k in range(layout.count() if layout is not None else 0):
        found = _first_focusable(layout.itemAt(k))
        if found is not None:
            return found
    return None


def announce(widget: QWidget, text: str) -> None:
    """Have a screen reader say ``text`` (rich text is read as its words), politely: after
    what it is reading now. For what changes without the focus moving — a status message, a
    step of Explain — which it would not notice by itself."""
    words = QTextDocumentFragment.fromHtml(text).toPlainText().strip()
    if words:
        QAccessible.updateAccessibility(QAccessibleAnnouncementEvent(widget, words))


def menu_path(*labels: str) -> str:
    """Where a command is, as the menus show it: ("&File", "Open &Recent") → "File ▸ Open
    Recent". Messages take the labels from the menus and actions themselves."""
    return " ▸ ".join(plain_label(label) for label in labels)


class StatusLine(QObject):
    """Says things in a window's status bar and says the one still shown again, in the new
    language, when the language changes (``make`` builds the message; it is called again).

    Each message is also announced to a screen reader, which does not follow the status bar:
    a blind student heard nothing when Tab selected a node, Ctrl+K connected two, or a run
    ended. Politely — after what it is reading now."""

    def __init__(self, window: QMainWindow) -> None:
        super().__init__(window)
        self._bar = window.statusBar()
        self._make: Callable[[], str] | None = None
        self._text = ""
        self._timeout = 0
        # a message longer than the bar ends in "…" (gui.status_bar): on hover it is said whole
        self._bar.messageChanged.connect(self._say_whole_on_hover)
        on_language_change(self._bar, self._retranslate)

    def say(self, make: Callable[[], str], timeout: int = 0) -> None:
        """Show ``make()`` for ``timeout`` ms (0: until the next message)."""
        self._make, self._timeout = make, timeout
        self._text = make()
        self._bar.showMessage(self._text, timeout)
        announce(self._bar, self._text)

    def add(self, make: Callable[[], str], timeout: int = 0, first: bool = False) -> None:
        """Say ``make()`` after the message shown now (``first``: before it, so a long message
        does not push it past the bar's edge), both said again in a new language when the one
        shown was said here; one shown otherwise stays as it was."""
        shown = self._bar.currentMessage()
        before = (self._make if self._make is not None and shown and shown == self._text
                  else lambda: shown)
        parts = (make, before) if first else (before, make)
        self.say(lambda: " ".join(filter(None, (part() for part in parts))), timeout)

    @Slot(str)
    def _say_whole_on_hover(self, message: str) -> None:
        self._bar.setToolTip(message)

    def _retranslate(self) -> None:
        if self._make is not None and self._text and self._bar.currentMessage() == self._text:
            self._text = self._make()
            self._bar.showMessage(self._text, self._timeout)


def status_line(window: QMainWindow) -> StatusLine:
    """The window's :class:`StatusLine` (``window.status``; made on first use): what is said
    through it is said again in a new language."""
    line = getattr(window, "status", None)
    if not isinstance(line, StatusLine):
        line = StatusLine(window)
        window.status = line
    return line


def _python_spelling(text: str) -> str:
    """``text`` as Python writes numbers: a comma decimal point ("0,5") and the app's real
    minus sign ("−3") become "." and "-"."""
    return text.strip().replace("\u2212", "-").replace(",", ".")


def typed_number(text: str) -> float | None:
    """The finite number a student typed, or None: a comma decimal point ("0,5") and a real
    minus sign ("−3", as the app writes it) are taken as well."""
    try:
        number = float(_python_spelling(text))
    except ValueError:
        return None
    return number if math.isfinite(number) else None


def typed_overflow(text: str) -> bool:
    """Whether ``text`` is a number too large for a float ("1e400", "inf"): not a number to
    :func:`typed_number`, but too large to say so, not "not a number"."""
    try:
        return math.isinf(float(_python_spelling(text)))
    except ValueError:
        return False


def show_one(window: QWidget, kind: Callable[[QWidget], DialogT]) -> DialogT:
    """``window``'s one dialog of ``kind`` (made with ``window`` as its parent if there is
    none yet, no larger than the screen), shown and brought in front."""
    dialog = window.findChild(kind)
    if dialog is None:
        dialog = kind(window)
        if dialog.testAttribute(Qt.WidgetAttribute.WA_Resized):  # a size of its own: fit it
            fit_to_screen(dialog, window.screen().availableGeometry())  # (centred on show)
    dialog.show()
    dialog.raise_()
    dialog.activateWindow()
    return dialog


SCREEN_MARGIN = (16, 40)  # of a screen's available area left to a window's frame and title


def fit_to_screen(window: QWidget, available: QRect, centre: bool = False) -> None:
    """Make top-level ``window`` no larger than the ``available`` area (leaving room for its
    frame and title), and centre it there (``centre``, or when it is not whole inside)."""
    width = min(window.width(), available.width() - SCREEN_MARGIN[0])
    height = min(window.height(), available.height() - SCREEN_MARGIN[1])
    window.resize(width, height)
    inside = available.adjusted(0, 0, -SCREEN_MARGIN[0], -SCREEN_MARGIN[1])
    if centre or not inside.contains(QRect(window.pos(), window.size())):
        window.move(available.x() + (available.width() - width) // 2,
                    available.y() + max((available.height() - height - SCREEN_MARGIN[1]) // 2,
                                        0))


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
    shows ``significant`` digits without trailing zeros (0.01, 6.26e-08, 220), reads typed
    text as :func:`typed_number` does (scientific notation 1e-7, "0,5", "−3"), and keeps the
    exact value it is given — a plain QDoubleSpinBox rounds 6.26e-08 to 0 at six decimals.

    A typed number outside the range is brought into it, as Qt does — or, with ``clamp``
    False (for a range whose end is no value the user meant: a learning rate of 0 is no tiny
    rate), refused: the box keeps its value and ``refused(number)`` lets its owner say why."""

    DECIMALS = 20  # what Qt rounds stored values to: far below any value shown here
    refused = Signal(float)

    def __init__(self, significant: int = 6, parent: QWidget | None = None, *,
                 clamp: bool = True) -> None:
        super().__init__(parent)
        self.significant = significant
        self.clamp = clamp
        self.setDecimals(self.DECIMALS)

    def textFromValue(self, value: float) -> str:
        return f"{value:.{self.significant}g}"

    def valueFromText(self, text: str) -> float:
        number = self._parse(text)
        return self.value() if number is None else number

    def validate(self, text: str, pos: int) -> object:
        body = _python_spelling(self._body(text))  # "−" and "," while typing, as in _parse
        number = self._parse(text)
        if number is None:
            partial = body in ("", "-", "+", ".", "-.", "+.") or body[-1:] in ("e", "E", "-", "+")
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
        if not self.clamp:
            self.refused.emit(number)
            return self.textFromValue(self.value())
        return self.textFromValue(min(max(number, self.minimum()), self.maximum()))

    def _body(self, text: str) -> str:
        return text.removeprefix(self.prefix()).removesuffix(self.suffix()).strip()

    def _parse(self, text: str) -> float | None:
        return typed_number(self._body(text))


def write_png(image: QImage, path: str | Path) -> str:
    """Write ``image`` to ``path`` as a PNG file, atomically (a full disk leaves an older
    picture as it was); "" when written, else why not, in words."""
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    if not image.save(buffer, "PNG"):
        return translate("Widgets", "the picture could not be made into a PNG")
    try:
        write_atomically(path, bytes(buffer.data().data()))
    except OSError as exc:
        return write_reason(exc, Path(path).absolute())
    return ""
