"""The keys a focused table, slider or text box keeps from the window's shortcuts.

Explain's ← → Home End step through a row window-wide, so that they work while the canvas has
the focus; they took those keys from every table too (with the Predictions table focused,
Right stepped Explain and the table's current cell stayed put) and from the timeline's epoch
slider. A widget of those kinds keeps them while it has the focus: it accepts the
ShortcutOverride Qt asks it first, as line edits do by themselves. One filter, put on each
such widget the first time it takes the focus (no filter on every event of the application).
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, Slot
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QAbstractSlider,
    QAbstractSpinBox,
    QApplication,
    QLineEdit,
    QPlainTextEdit,
    QTextEdit,
    QWidget,
)

#: the keys such a widget moves with (Help ▸ Keyboard Shortcuts lists them for the slider)
NAVIGATION_KEYS = (Qt.Key.Key_Left, Qt.Key.Key_Right, Qt.Key.Key_Home, Qt.Key.Key_End,
                   Qt.Key.Key_PageUp, Qt.Key.Key_PageDown)
#: the widgets that keep them: tables and lists, sliders, text boxes
KEEPERS = (QAbstractItemView, QAbstractSlider, QAbstractSpinBox, QLineEdit, QTextEdit,
           QPlainTextEdit)
_PLAIN = (Qt.KeyboardModifier.NoModifier, Qt.KeyboardModifier.KeypadModifier)


def keeps(widget: QObject | None, event: QEvent) -> bool:
    """Does ``widget``, focused, keep the key of ``event`` (a ShortcutOverride) from the
    window's shortcuts?"""
    return (event.type() == QEvent.Type.ShortcutOverride and isinstance(event, QKeyEvent)
            and isinstance(widget, KEEPERS) and event.key() in NAVIGATION_KEYS
            and event.modifiers() in _PLAIN)


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
    """From now on, focused tables, sliders and text boxes keep ← → Home End PageUp PageDown
    from window-wide shortcuts (called by whoever makes such shortcuts; once is enough)."""
    app = QApplication.instance()
    if isinstance(app, QApplication) and app.findChild(_Keeper) is None:
        _Keeper(app)
