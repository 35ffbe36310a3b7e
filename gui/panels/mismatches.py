"""The Problems panel's rows for data that does not fit the network, each with its fix, and
the growing of a dock until such a fix is in view."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QDockWidget,
    QMainWindow,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from core.training.prepare import DataMismatch
from gui import theme
from gui.widgets import WrappedLabel


class MismatchRow(QWidget):
    """One way the data does not fit the network, and right below it the button that fixes it
    (one undoable edit) when there is one; the panel sets the button's words."""

    resized = Signal()  # its wrapped words took their height: the fix may have moved

    def __init__(self, mismatch: DataMismatch, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.mismatch = mismatch
        self.label = WrappedLabel(theme.coloured(self.text(), theme.WARNING_TEXT))
        self.fix = QPushButton() if mismatch.node_id else None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 2, 0, 2)
        layout.setSpacing(2)
        layout.addWidget(self.label)
        if self.fix is not None:
            layout.addWidget(self.fix, 0, Qt.AlignmentFlag.AlignLeft)

    def text(self) -> str:
        return "◆ " + self.mismatch.message

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.resized.emit()


def reveal(panel: QWidget, widget: QWidget) -> None:
    """Grow the dock that holds ``panel`` (in a scroll area), taking the height from the dock
    right above it, until ``widget`` is wholly in view: a fix that must be scrolled to goes
    unseen. A floating dock, or one with nothing above it, is left as it is."""
    scroll = panel.parentWidget()
    while scroll is not None and not isinstance(scroll, QScrollArea):
        scroll = scroll.parentWidget()
    dock = scroll.parentWidget() if scroll is not None else None
    main = dock.parentWidget() if isinstance(dock, QDockWidget) else None
    if not isinstance(main, QMainWindow) or dock.isFloating():
        return
    bottom = widget.mapTo(panel, widget.rect().bottomLeft()).y() + 6
    missing = bottom - scroll.viewport().height() - scroll.verticalScrollBar().value()
    above = dock_above(main, dock)
    if missing > 0 and above is not None:
        spare = above.height() - above.minimumSizeHint().height()
        grow = min(missing, max(spare, 0))
        main.resizeDocks([above, dock], [above.height() - grow, dock.height() + grow],
                         Qt.Orientation.Vertical)


def dock_above(main: QMainWindow, dock: QDockWidget) -> QDockWidget | None:
    """The dock right above ``dock`` in its column of ``main`` (None when it is the top)."""
    top = dock.geometry().top()
    for other in main.findChildren(QDockWidget):
        box = other.geometry()
        if (other is not dock and other.isVisible() and not other.isFloating()
                and 0 <= top - box.bottom() <= 12 and box.left() < dock.geometry().right()
                and box.right() > dock.geometry().left()):
            return other
    return None
