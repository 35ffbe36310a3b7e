"""The keys a focused table, slider, text box or combo box keeps from the window's shortcuts.

Explain's ← → Home End step through a row window-wide, so that they work while the canvas has
the focus; they took those keys from every table too (with the Predictions table focused,
Right stepped Explain and the table's current cell stayed put), from the timeline's epoch
slider and from combo boxes (End in the Optimizer box stepped Explain to its last step). A
widget of those kinds keeps the keys it moves with while it has the focus: it accepts the
ShortcutOverride Qt asks it first, as line edits do by themselves. One filter, put on each such
widget the first time it takes the focus (no filter on every event of the application); the
labs' windows, whose step keys are shortcuts of their own, rely on it as well.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, Slot
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QAbstractSlider,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QLineEdit,
    QPlainTextEdit,
    QTextEdit,
    QWidget,
)

#: the keys such a widget moves with (Help ▸ Keyboard Shortcuts lists them for the slider)
NAVIGATION_KEYS = (Qt.Key.Key_Left, Qt.Key.Key_Right, Qt.Key.Key_Home, Qt.Key.Key_End,
                   Qt.Key.Key_PageUp, Qt.Key.Key_PageDown)
#: the keys a combo box one cannot type in moves with (its first and last item, a page on):
#: ← → are not among them, so they still step while it has the focus
COMBO_KEYS = (Qt.Key.Key_Home, Qt.Key.Key_End, Qt.Key.Key_PageUp, Qt.Key.Key_PageDown)
#: the keys a grid of tiles moves with (the image gallery's): ↑ ↓ as well, a row up or down
GRID_KEYS = (*NAVIGATION_KEYS, Qt.Key.Key_Up, Qt.Key.Key_Down)
#: the widgets that keep them: tables and lists, sliders, text boxes, combo boxes
KEEPERS = (QAbstractItemView, QAbstractSlider, QAbstractSpinBox, QLineEdit, QTextEdit,
           QPlainTextEdit, QComboBox)
_PLAIN = (Qt.KeyboardModifier.NoModifier, Qt.KeyboardModifier.KeypadModifier)


def kept_keys(widget: QObject | None) -> tuple[Qt.Key, ...]:
    """The keys ``widget``, focused, keeps from the window's shortcuts (none for others)."""
    if isinstance(widget, QComboBox) and not widget.isEditable():
        return COMBO_KEYS
    return NAVIGATION_KEYS if isinstance(widget, KEEPERS) else ()


def claims(event: QEvent, keys: tuple[Qt.Key, ...]) -> bool:
    """Is ``event`` the ShortcutOverride of one of ``keys``, pressed alone (no Ctrl, Alt or
    Shift), that a focused widget moving with them keeps from the window's shortcuts? A
    widget that paints its own navigation (the gallery's tile grid) asks it in its
    ``event()`` and accepts the event when it is."""
    return (event.type() == QEvent.Type.ShortcutOverride and isinstance(event, QKeyEvent)
            and event.key() in keys and event.modifiers() in _PLAIN)


def keeps(widget: QObject | None, event: QEvent) -> bool:
    """Does ``widget``, focused, keep the key of ``event`` (a ShortcutOverride) from the
    window's shortcuts?"""
    return claims(event, kept_keys(widget))


class _Keeper(QObject):
    """The filter: follows the application's focus and claims the keys for a keeper."""

    def __init__(self, app: QApplication) -> None:
        super().__init__(app)
        app.focusChanged.connect(self._focus_changed)
        self._focus_changed(None, app.focusWidget())

    @Slot(QWidget, QWidget)
    def _focus_changed(self, _old: QWidget | None, new: QWidget | None) -> None:
        if isinstance(new, KEEPERS):
            new.installEventFilter(self)  # once: installing it again only moves it first

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if keeps(watched, event):
            event.accept()  # the key goes to the widget's keyPressEvent, not to a shortcut
            return True
        return False


def commit_typing() -> None:
    """Let the focused spin box or text box take what is typed in it, as leaving it does. A
    command given by key (Save, Train) leaves the focus where it is, so the file got the old
    learning rate, and the run the old number of epochs, while the box showed the new one."""
    widget = QApplication.focusWidget()
    if isinstance(widget, QAbstractSpinBox):
        widget.interpretText()
    elif isinstance(widget, QLineEdit) and widget.isModified():
        widget.editingFinished.emit()


def keep_navigation_keys() -> None:
    """From now on, focused tables, sliders, text boxes and combo boxes keep the keys they
    move with (← → Home End PageUp PageDown; a combo box all but ← →) from the window's
    shortcuts (called by whoever makes such shortcuts; once is enough)."""
    app = QApplication.instance()
    if isinstance(app, QApplication) and app.findChild(_Keeper) is None:
        _Keeper(app)
