"""The live list of what stops the network from being built (and from fitting the data).

Clicking a problem selects the nodes it concerns; the canvas marks the same nodes in red.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from core.spec_problems import SpecProblem
from gui import theme
from gui.widgets import WrappedLabel

OK_TEXT = "✓ The network is complete: it can be trained."


class ProblemsPanel(QWidget):
    nodes_requested = Signal(list)  # node ids to select

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.summary = WrappedLabel()
        self.list = QListWidget()
        self.list.setWordWrap(True)
        self.list.setAlternatingRowColors(False)
        self.list.setToolTip("Everything that stops this network from being trained. Click a "
                             "line to select the nodes it is about.")
        self.list.itemClicked.connect(self._clicked)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self.summary)
        layout.addWidget(self.list, 1)
        layout.addStretch()
        self._problems: list[SpecProblem] = []
        self._data_notes: list[str] = []
        self._render()

    def set_problems(self, problems: list[SpecProblem]) -> None:
        self._problems = list(problems)
        self._render()

    def set_data_note(self, notes: list[str]) -> None:
        """Mismatches between the network and the chosen data (shown after the problems)."""
        if list(notes) == self._data_notes:
            return  # unchanged: no relayout (predictions refresh this while training runs)
        self._data_notes = list(notes)
        self._render()

    def messages(self) -> list[str]:
        return [self.list.item(k).text() for k in range(self.list.count())]

    def _render(self) -> None:
        self.list.clear()
        for problem in self._problems:
            item = QListWidgetItem(f"⚠ {problem.message}")
            item.setData(Qt.ItemDataRole.UserRole, list(problem.node_ids))
            item.setForeground(QColor(theme.ERROR_TEXT))
            item.setToolTip(type(problem).__doc__ or "")
            self.list.addItem(item)
        for note in self._data_notes:
            item = QListWidgetItem(f"◆ {note}")
            item.setData(Qt.ItemDataRole.UserRole, [])
            item.setForeground(QColor(theme.WARNING_TEXT))
            self.list.addItem(item)
        self.list.setVisible(self.list.count() > 0)
        count = len(self._problems)
        if count:
            self.summary.setText(f"<b>{count} problem{'s' if count != 1 else ''}</b> to fix "
                                 "before training")
        elif self._data_notes:
            self.summary.setText("<b>The network does not fit the data yet</b>")
        else:
            self.summary.setText(f"<span style='color:{theme.OK_TEXT}'>{OK_TEXT}</span>")

    def _clicked(self, item: QListWidgetItem) -> None:
        node_ids = item.data(Qt.ItemDataRole.UserRole) or []
        if node_ids:
            self.nodes_requested.emit(list(node_ids))
