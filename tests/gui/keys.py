"""Typing into a widget the way a user does: focus it, select what is there, type, Enter."""

from PySide6.QtCore import Qt


def type_into(qtbot, box, text: str) -> None:
    box.setFocus()
    box.selectAll()
    qtbot.keyClicks(box, text)
    qtbot.keyClick(box, Qt.Key.Key_Return)
