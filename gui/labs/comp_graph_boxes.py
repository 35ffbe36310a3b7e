"""The computational-graph lab's boxes: the inputs table with a spin box per input, the editor
that adds and removes nodes, and the check that puts each backprop gradient beside the
numerical one. The lab wires them to its graph; their texts are set by comp_graph_steps."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QGridLayout,
    QGroupBox,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from core.labs.comp_graph import INPUT, OPS, Node
from core.labs.comp_graph_check import GradientCheck
from gui import theme
from gui.labs.comp_graph_steps import ADDABLE, fmt, input_name, input_tip
from gui.widgets import NumberSpinBox

ROW_HEIGHT = 22  # of the check table
INPUT_ROW_HEIGHT = 28  # of the inputs table (spin boxes)


class ValueBox(NumberSpinBox):
    """An input's value, shown without trailing zeros (100, 1.1)."""

    def __init__(self, value: float) -> None:
        super().__init__(significant=8)
        self.setRange(-99999.0, 99999.0)
        self.setSingleStep(0.1)
        self.setValue(value)


class InputsTable(QTableWidget):
    """One row per input of the graph: its name and a box holding its value."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(0, 2, parent)
        self.verticalHeader().hide()
        self.verticalHeader().setDefaultSectionSize(INPUT_ROW_HEIGHT)
        self.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)

    def fill(self, inputs: Sequence[Node],
             set_value: Callable[[str, float], None]) -> dict[str, ValueBox]:
        """A box per input, each calling ``set_value(name, value)`` as it changes."""
        self.setRowCount(0)  # hides the old boxes now (a replaced cell widget lingers)
        self.setRowCount(len(inputs))
        boxes = {}
        for row, node in enumerate(inputs):
            self.setItem(row, 0, QTableWidgetItem(node.name))
            box = ValueBox(node.value)
            box.setToolTip(input_tip(node.name))
            box.setAccessibleName(input_name(node.name))
            box.valueChanged.connect(lambda value, name=node.name: set_value(name, value))
            self.setCellWidget(row, 1, box)
            # Tab goes from the table through its boxes: made after the lab's other widgets,
            # they came last, after the gradient check on the far side of the window
            QWidget.setTabOrder(list(boxes.values())[-1] if boxes else self, box)
            boxes[node.name] = box
        rows = min(max(len(inputs), 3), 7)
        self.setFixedHeight(self.horizontalHeader().sizeHint().height() +
                            rows * INPUT_ROW_HEIGHT + 4)
        return boxes


class NodeEditor(QGroupBox):
    """The kind of node to add, what it is computed from, a new input's value, and the add
    and remove buttons."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        grid = QGridLayout(self)
        self.kind = QComboBox()
        for label, kind in ADDABLE:
            self.kind.addItem(label, kind)
        self.operands = [QComboBox(), QComboBox()]
        self.constant = ValueBox(1.0)
        self.add_button, self.remove_button = QPushButton(), QPushButton()
        self.edit_labels = [QLabel(), QLabel(), QLabel()]
        grid.addWidget(self.edit_labels[0], 0, 0)
        grid.addWidget(self.kind, 0, 1, 1, 2)
        grid.addWidget(self.edit_labels[1], 1, 0)
        grid.addWidget(self.operands[0], 1, 1)
        grid.addWidget(self.operands[1], 1, 2)
        grid.addWidget(self.edit_labels[2], 2, 0)
        grid.addWidget(self.constant, 2, 1, 1, 2)
        grid.addWidget(self.add_button, 3, 1)
        grid.addWidget(self.remove_button, 3, 2)
        grid.setRowStretch(4, 1)
        self.kind.currentIndexChanged.connect(self._kind_changed)
        self._kind_changed()

    def arity(self) -> int:
        """How many operands the chosen kind takes (none for a new input)."""
        kind = self.kind.currentData()
        return 0 if kind == INPUT else OPS[kind].arity

    def _kind_changed(self) -> None:
        arity = self.arity()
        for k, combo in enumerate(self.operands):
            combo.setEnabled(k < arity)
        self.constant.setEnabled(self.kind.currentData() == INPUT)


class GradientCheckBox(QGroupBox):
    """The check button and its table: each input's backprop and numerical gradient."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        box_layout = QVBoxLayout(self)
        self.check_button = QPushButton()
        box_layout.addWidget(self.check_button, 0, Qt.AlignmentFlag.AlignLeft)
        self.check_table = QTableWidget(0, 5)
        self.check_table.verticalHeader().hide()
        self.check_table.verticalHeader().setDefaultSectionSize(ROW_HEIGHT)
        header = self.check_table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(4, QHeaderView.ResizeMode.ResizeToContents)
        self.check_table.setFixedHeight(header.sizeHint().height() + 5 * ROW_HEIGHT + 4)
        self.check_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        box_layout.addWidget(self.check_table)

    def show_checks(self, checks: Sequence[GradientCheck]) -> None:
        """A row per check, ✓ or ✗ in the last column."""
        table = self.check_table
        table.setRowCount(len(checks))
        for row, c in enumerate(checks):
            texts = [c.name, fmt(c.backprop), f"{c.numerical:.10g}", f"{c.relative_error:.1e}",
                     "✓" if c.ok else "✗"]
            for col, text in enumerate(texts):
                item = QTableWidgetItem(text)
                if col == 4:
                    item.setForeground(QColor(theme.ACCEPT) if c.ok else QColor(theme.PROBLEM))
                table.setItem(row, col, item)
