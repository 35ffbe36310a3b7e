"""Lab 3: the computational graph — values flow forward along the edges (green, above) and
gradients flow back (red, below), one node's local rule at a time, as in the book's apple
figures; a check compares every gradient with the numerical one."""

from __future__ import annotations

import re
from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from core.i18n import _
from core.labs.comp_graph import PRESETS, Graph, Step
from core.labs.comp_graph_check import check_gradients
from gui import theme
from gui.context import ProjectContext
from gui.focus_keys import keep_navigation_keys
from gui.i18n import counted, on_language_change
from gui.labs.base import LabWindow, column_width, name_view
from gui.labs.comp_graph_boxes import GradientCheckBox, InputsTable, NodeEditor, ValueBox
from gui.labs.comp_graph_canvas import EdgeKey, GraphCanvas
from gui.labs.comp_graph_steps import (
    describe,
    fmt,
    notice,
    problem,
    retranslate_boxes,
    retranslate_step_bar,
)


class CompGraphLab(LabWindow):
    @property
    def title(self) -> str:
        return self.tr("Computational graph and backprop")

    @property
    def notice(self) -> str:
        return notice()

    def __init__(self, context: ProjectContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.graph = PRESETS["apples"].graph
        self.values: dict[str, float] | None = None
        self.steps: list[Step] = []
        self.shown = 0  # how many steps are revealed (kept while an edit makes values fail)
        self.value_boxes: dict[str, ValueBox] = {}
        self._status: tuple[Callable[[], str], bool] = (str, False)
        layout = QHBoxLayout(self.body)
        layout.addWidget(self._left_column())
        right = QVBoxLayout()
        right.addLayout(self._step_bar())
        self.canvas = GraphCanvas()
        self.canvas.scene().selectionChanged.connect(self._selection_changed)
        right.addWidget(self.canvas, 1)
        self.step_text = QLabel()
        self.step_text.setWordWrap(True)
        self.step_text.setStyleSheet("font-size: 10.5pt;")
        # Room for two wrapped lines, so a long step never draws over the canvas.
        self.step_text.setMinimumHeight(2 * self.step_text.fontMetrics().lineSpacing() + 12)
        right.addWidget(self.step_text)
        bottom = QHBoxLayout()
        bottom.addWidget(self._edit_box())
        bottom.addWidget(self._check_box(), 1)
        right.addLayout(bottom)
        layout.addLayout(right, 1)
        self.preset.currentIndexChanged.connect(self.load_preset)
        self.preset.activated.connect(self._chosen_again)
        keep_navigation_keys()  # Home/End choose in a focused combo, not step the graph
        self.load_preset()
        on_language_change(self, self.retranslate)

    def retranslate(self) -> None:
        """Every text of the lab in the current language, from its current state."""
        self.setWindowTitle(self.tr("{title} — NetCanvas lab").format(title=self.title))
        self.notice_label.setText(self.notice)
        self.graph_box.setTitle(self.tr("Graph"))
        name_view(self.canvas, self.tr("Computational graph"), self.tr(
            "The expression's nodes and the edges between them: forward values above the "
            "arrows (green), gradients below them (red), as far as the steps have gone"))
        name_view(self.inputs_table, self.tr("Inputs"), self.tr(
            "Each input's value: type one and everything recomputes"))
        name_view(self.check_box.check_table, self.tr("Gradient check"), self.tr(
            "A row per input: its gradient by backprop, the numerical gradient, their "
            "relative error and ✓ when they agree"))
        for index, preset in enumerate(PRESETS.values()):
            self.preset.setItemText(index, _(preset.title))
        self._show_preset_note()
        retranslate_boxes(self)
        retranslate_step_bar(self)
        self.show_status(*self._status)
        self.set_shown(self.shown)

    # ------------------------------------------------------------------ building
    def _left_column(self) -> QWidget:
        """The preset, the input values, messages, and the local rules for reference."""
        column = QWidget()
        column.setFixedWidth(column_width(column))
        left = QVBoxLayout(column)
        left.setContentsMargins(0, 0, 0, 0)
        box = self.graph_box = QGroupBox()
        box_layout = QVBoxLayout(box)
        self.preset = QComboBox()
        for key, preset in PRESETS.items():
            self.preset.addItem(_(preset.title), key)
        box_layout.addWidget(self.preset)
        self.preset_note = QLabel()
        self.preset_note.setWordWrap(True)
        box_layout.addWidget(self.preset_note)
        left.addWidget(box)

        box = self.inputs_box = QGroupBox()
        box_layout = QVBoxLayout(box)
        self.inputs_table = InputsTable()
        box_layout.addWidget(self.inputs_table)
        left.addWidget(box)
        self.status = QLabel()
        self.status.setWordWrap(True)
        left.addWidget(self.status)

        box = self.rules_box = QGroupBox()
        box_layout = QVBoxLayout(box)
        self.rules = QLabel()
        self.rules.setWordWrap(True)
        box_layout.addWidget(self.rules)
        left.addWidget(box)
        left.addStretch(1)
        return column

    def _step_bar(self) -> QHBoxLayout:
        bar = QHBoxLayout()
        self.forward_button, self.backward_button = QPushButton(), QPushButton()
        self.run_button, self.reset_button = QPushButton(), QPushButton()
        self.progress = QLabel()
        for button, key in ((self.reset_button, Qt.Key.Key_Home),
                            (self.backward_button, Qt.Key.Key_Left),
                            (self.forward_button, Qt.Key.Key_Right),
                            (self.run_button, Qt.Key.Key_End)):
            bar.addWidget(button)
            QShortcut(QKeySequence(key), self, button.click)  # click(): nothing when disabled
        bar.addWidget(self.progress, 1)
        self.forward_button.clicked.connect(self.step_forward)
        self.backward_button.clicked.connect(self.step_back)
        self.run_button.clicked.connect(lambda: self.set_shown(len(self.steps)))
        self.reset_button.clicked.connect(lambda: self.set_shown(0))
        return bar

    def _edit_box(self) -> NodeEditor:
        box = self.edit_box = NodeEditor()
        self.kind, self.operands, self.constant = box.kind, box.operands, box.constant
        self.add_button, self.remove_button = box.add_button, box.remove_button
        self.edit_labels = box.edit_labels
        self.add_button.clicked.connect(self.add_node)
        self.remove_button.clicked.connect(self.remove_selected)
        QShortcut(QKeySequence(Qt.Key.Key_Delete), self, self.remove_button.click)
        return box

    def _check_box(self) -> GradientCheckBox:
        box = self.check_box = GradientCheckBox()
        self.check_button, self.check_table = box.check_button, box.check_table
        self.check_button.clicked.connect(self.check)
        return box

    # ------------------------------------------------------------------ the graph
    def load_preset(self) -> None:
        """A graph of the chooser, at its beginning: the inputs alone, → steps it (choosing
        the graph shown again starts it over)."""
        self.set_graph(PRESETS[self.preset.currentData()].graph)
        self.set_shown(0)

    def _chosen_again(self, _index: int) -> None:
        if self.graph != PRESETS[self.preset.currentData()].graph:  # else: nothing to undo
            self.load_preset()

    def _show_preset_note(self) -> None:
        """The chosen graph's note — its numbers hold for it as chosen: once a value or a node
        was changed the note says so (it went on saying "d apple = 2.2" beside a check table
        giving d apple = 0 for an edited graph)."""
        preset = PRESETS[self.preset.currentData()]
        if self.graph == preset.graph:
            note = _(preset.note)
        else:
            note = self.tr("Edited from “{graph}”: its numbers no longer hold; the steps and the "
                           "gradient check show this graph's own. Choose the graph in the list "
                           "again to start over.").format(graph=_(preset.title))
        self.preset_note.setText(re.sub(r"\bd ", "d\u00a0", note))  # "d x" on one line

    def set_graph(self, graph: Graph) -> None:
        """A new structure: rebuild the canvas, the input boxes and the operand lists."""
        self.graph = graph
        self._show_preset_note()
        self._recompute()
        self.canvas.show_graph(graph)
        self.value_boxes = self.inputs_table.fill(self.graph.inputs, self.set_value)
        for combo in self.operands:
            current = combo.currentText()
            combo.clear()
            combo.addItems(list(graph.names))
            combo.setCurrentText(current if current in graph.names else graph.output)
        self.set_shown(len(self.steps))

    def _recompute(self) -> None:
        """Values and steps of the current graph, or the reason there are none."""
        self.check_table.setRowCount(0)
        try:
            self.values, self.steps = self.graph.forward(), self.graph.schedule()
        except ValueError:
            self.values, self.steps = None, []
            graph = self.graph
            self.show_status(lambda: self.tr("Cannot compute: {error}").format(
                error=problem(lambda: (graph.forward(), graph.schedule()))), error=True)
        else:
            self.show_status(str)
        self.check_button.setEnabled(self.values is not None)

    def set_value(self, name: str, value: float) -> None:
        self.graph = self.graph.with_value(name, value)
        self._show_preset_note()
        self._recompute()
        self.set_shown(self.shown)

    def show_status(self, text: Callable[[], str], error: bool = False) -> None:
        """Show what ``text()`` says (called again when the language changes)."""
        self._status = (text, error)
        self.status.setText(text())
        self.status.setStyleSheet(f"color: {theme.PROBLEM if error else theme.STATUS_TEXT};")

    # ------------------------------------------------------------------ steps
    def step_forward(self) -> None:
        """The next step of the one sequence: the forward pass, then the backward pass."""
        visible = min(self.shown, len(self.steps))
        if visible < len(self.steps):
            self.set_shown(visible + 1)

    def step_back(self) -> None:
        """One step back along the same sequence (as ← in the Explain dock)."""
        visible = min(self.shown, len(self.steps))
        if visible > 0:
            self.set_shown(visible - 1)

    def set_shown(self, count: int) -> None:
        """Reveal the first ``count`` steps on the edges."""
        self.shown = count
        visible = min(count, len(self.steps))
        known = {node.name: node.value for node in self.graph.inputs}
        grads: dict[EdgeKey, float] = {}
        for step in self.steps[:visible]:
            if step.phase == "forward":
                known[step.node] = step.value
            for slot, grad in enumerate(step.edge_grads):
                grads[(self.graph.node(step.node).operands[slot], step.node, slot)] = grad
        for (src, dst, slot), edge in self.canvas.edges.items():
            edge.set_texts(fmt(known[src]) if src in known else "",
                           fmt(grads[(src, dst, slot)]) if (src, dst, slot) in grads else "")
        output = self.graph.output
        backward_started = any(s.phase == "backward" for s in self.steps[:visible])
        if self.canvas.output_edge is not None:
            self.canvas.output_edge.set_texts(fmt(known[output]) if output in known else "",
                                              "1" if backward_started else "")
        last = self.steps[visible - 1] if visible else None
        self.canvas.set_current(last.node if last else None)
        self._update_step_controls(visible, last)

    def _update_step_controls(self, visible: int, last: Step | None) -> None:
        forward = sum(s.phase == "forward" for s in self.steps)
        self.forward_button.setEnabled(visible < len(self.steps))
        self.backward_button.setEnabled(visible > 0)
        self.run_button.setEnabled(visible < len(self.steps))
        self.reset_button.setEnabled(visible > 0)
        self.progress.setText(self.tr("forward {done}/{forward} · backward {back}/{backward}")
                              .format(done=min(visible, forward), forward=forward,
                                      back=max(visible - forward, 0),
                                      backward=len(self.steps) - forward))
        if self.values is None:
            self.step_text.setText("")
        elif not self.steps:
            self.step_text.setText(self.tr("No operation to compute yet: add one below."))
        elif last is None:
            self.step_text.setText(self.tr("The inputs are known. Press → to step through the "
                                           "forward pass, then the backward pass; End shows "
                                           "both at once."))
        else:
            self.step_text.setText(self.tr("Step {n} of {total} · {step}").format(
                n=visible, total=len(self.steps),
                step=describe(self.graph, self.values, last)))

    # ------------------------------------------------------------------ editing
    def _selection_changed(self) -> None:
        name = self.canvas.selected_node()
        if name is not None:
            self.operands[0].setCurrentText(name)

    def add_node(self) -> None:
        kind = self.kind.currentData()
        operands = tuple(combo.currentText() for combo in self.operands[:self.edit_box.arity()])
        old, value = self.graph, self.constant.value()
        try:
            graph = old.with_node(kind, operands, value=value)
            graph.forward()
        except ValueError:
            self.show_status(lambda: self.tr("Not added: {error}").format(error=problem(
                lambda: old.with_node(kind, operands, value=value).forward())), error=True)
            return
        (added,) = set(graph.names) - set(old.names)
        self.set_graph(graph)
        if added == graph.output:
            self.show_status(lambda: self.tr("Added {name} — the new output.").format(
                name=added))
        else:
            self.show_status(lambda: self.tr("Added {name} (a new input).").format(name=added))

    def remove_selected(self) -> None:
        name = self.canvas.selected_node()
        if name is None:
            self.show_status(lambda: self.tr("Click a node on the canvas first, then Remove "
                                             "selected."), error=True)
            return
        old = self.graph
        try:
            graph = old.without(name)
        except ValueError:
            self.show_status(lambda: self.tr("Not removed: {error}").format(
                error=problem(lambda: old.without(name))), error=True)
            return
        gone = len(old.nodes) - len(graph.nodes)
        self.set_graph(graph)
        if self.values is not None and gone > 1:
            self.show_status(lambda: counted(
                self.tr("Removed {name} and the %n node using it.", "", gone - 1),
                self.tr("Removed {name} and the %n nodes using it.", "", gone - 1),
                gone - 1).format(name=name))
        elif self.values is not None:
            self.show_status(lambda: self.tr("Removed {name}.").format(name=name))

    # ------------------------------------------------------------------ the check
    def check(self) -> None:
        graph = self.graph
        try:
            checks = check_gradients(graph)
        except ValueError:
            self.show_status(lambda: self.tr("Cannot check: {error}").format(
                error=problem(lambda: check_gradients(graph))), error=True)
            return
        self.check_box.show_checks(checks)
        failed = ", ".join(c.name for c in checks if not c.ok)
        if failed:
            self.show_status(lambda: self.tr("Disagreement at {names} (a kink, e.g. ReLU at "
                                             "0?)").format(names=failed), error=True)
        else:
            self.show_status(lambda: self.tr("Every gradient agrees with the numerical one."))
