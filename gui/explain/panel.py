"""The Explain dock: pick a data row, then step it forward node by node, through the loss, and
backward from the loss, watching the numbers appear on the canvas; check backprop against the
numerical gradient, and take one SGD step on that row.

Every number comes from :mod:`core.explain` (the same walk ``netcanvas explain`` prints); this
module only chooses what to show. Keys follow the computational-graph lab: → next step,
← back, Home the first step, End the last. Explain waits while training runs (the weights
change under it with every mini-batch) and says so.
"""

from __future__ import annotations

import numpy as np
import shiboken6
from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt, QTimer
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QDockWidget,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMainWindow,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from core.explain import (
    Agreement,
    Explanation,
    Step,
    check_row,
    in_current_language,
    numerical_gradients,
)
from gui import theme
from gui.busy import run_busy
from gui.canvas.scene import CanvasScene
from gui.context import ProjectContext
from gui.explain.overlay import step_overlays
from gui.explain.refusals import refusal_source
from gui.explain.result_line import ResultLine
from gui.explain.sgd import SgdStepper, Stepped
from gui.explain.shown import SgdStepCommand, StepMark, sgd_step_said, shown_project
from gui.explain.stepping import StepBar, StepBox
from gui.explain.tables import CheckTable, row_text
from gui.explain.tracing import RowTracer, Traced
from gui.i18n import on_language_change
from gui.widgets import StatusLine, WrappedLabel, announce

REFRESH_MS = 60  # a burst of edits (a typed weight, an undo) recomputes once
#: Check runs in a background thread, the window painting and saying so, for networks with
#: more parameters than this (two passes per parameter: 0.2 s at 7,500, 3.5 s at 58,000)
BUSY_CHECK = 5000
PHASES = {"forward": QT_TRANSLATE_NOOP("ExplainPanel", "forward"),
          "loss": QT_TRANSLATE_NOOP("ExplainPanel", "loss"),
          "backward": QT_TRANSLATE_NOOP("ExplainPanel", "backward")}


class ExplainPanel(QWidget):
    """The controls and the words of the step; the canvas (``scene``) shows the numbers."""

    def __init__(self, context: ProjectContext, scene: CanvasScene,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.doc = context.doc
        self.scene = scene
        self.explanation: Explanation | None = None
        self.index = 0
        self.active = False
        self.numerical: dict[str, np.ndarray] | None = None
        self.message = WrappedLabel()
        self.row_spin = QSpinBox()
        self.row_label = WrappedLabel()
        self.inputs_edit = QLineEdit()
        self.typed: tuple[float, ...] | None = None
        self.step_bar = bar = StepBar()
        self.home_button, self.back_button = bar.home_button, bar.back_button
        self.next_button, self.end_button = bar.next_button, bar.end_button
        self.step_keys = bar.step_keys
        self.progress = QLabel()
        self.step_box = step = StepBox()
        self.title, self.rule, self.values, self.matrix = (step.step_title, step.rule,
                                                           step.values, step.matrix)
        self.check_button = QPushButton()
        self.sgd_button = QPushButton()
        self.results = ResultLine(self.doc.undo_stack)  # what Check or the step did, a slip
        self.result, self.inputs_error = self.results.result, self.results.inputs_error
        self.sgd = SgdStepper(self._stepped, self)  # a big network's step: on a worker
        self.dock: QDockWidget | None = None
        self.action: QAction | None = None
        self.status: StatusLine | None = None  # the window's status bar: install_explain
        self.check_table = CheckTable()
        self.tracer = RowTracer(self)  # traces a large network's row on a worker thread
        self.tracer.traced.connect(self._traced)
        self._steps_before = 0  # the walk's length before the latest trace
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(REFRESH_MS)
        self._timer.timeout.connect(self.refresh)
        self._build_layout()
        self._connect()
        self.refresh()
        on_language_change(self, self.retranslate)

    def retranslate(self) -> None:
        self.row_spin.setToolTip(self.tr("Which row of the data set to step through the network"))
        self.inputs_edit.setToolTip(self.tr(
            "The row's raw inputs: type others (separated by commas) and press Enter to trace "
            "them with the row's target; empty and Enter goes back to the row's own"))
        self.step_bar.retranslate()
        self.row_caption.setText(self.tr("Data row"))
        self.inputs_caption.setText(self.tr("Inputs"))
        self.step_box.setTitle(self.tr("This step"))
        self.check_button.setText(self.tr("Check"))
        self.check_button.setToolTip(self.tr(
            "Put the numerical gradient of this row's loss (central differences) beside every "
            "backprop gradient"))
        self.sgd_button.setText(self.tr("Apply one SGD step"))
        self.setAccessibleName(self.tr("Explain"))  # it takes the focus: said, not nameless
        if self.dock is not None:
            self.dock.setWindowTitle(self.tr("Explain"))
        if self.action is not None:
            self.action.setText(self.tr("&Explain…"))
            self.action.setStatusTip(self.tr(
                "Step one data row forward and backward through the network"))
        self._show_result()
        # core words the steps in the language of the moment: again, keeping the numbers
        if self.explanation is None:
            self.refresh()  # says why not in the new language
            return
        self.explanation = in_current_language(self.explanation)
        self.row_label.setText(row_text(self.context.data.dataset, self.explanation))
        self.go(self.index)

    # ------------------------------------------------------------------ building
    def _build_layout(self) -> None:
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self.message)
        row = QHBoxLayout()
        self.row_caption = QLabel()
        self.row_caption.setBuddy(self.row_spin)  # a screen reader names the box by it
        row.addWidget(self.row_caption)
        row.addWidget(self.row_spin, 1)
        layout.addLayout(row)
        layout.addWidget(self.row_label)
        inputs = QHBoxLayout()
        self.inputs_caption = QLabel()
        self.inputs_caption.setBuddy(self.inputs_edit)
        inputs.addWidget(self.inputs_caption)
        inputs.addWidget(self.inputs_edit, 1)
        layout.addLayout(inputs)
        layout.addWidget(self.inputs_error)
        layout.addWidget(self.step_bar)
        layout.addWidget(self.progress)
        layout.addWidget(self.step_box)
        layout.addWidget(self.check_table)
        layout.addStretch(1)
        # Under the scrolling part, always in view: the buttons whole and what they did
        # (placed by install_explain; a result at the foot of a short dock went unseen)
        self.action_row = QWidget()
        actions = QVBoxLayout(self.action_row)
        actions.setContentsMargins(6, 3, 6, 6)
        buttons = QHBoxLayout()
        buttons.addWidget(self.check_button)
        buttons.addWidget(self.sgd_button, 1)
        actions.addLayout(buttons)
        actions.addWidget(self.result)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)

    def _connect(self) -> None:
        doc, data = self.doc, self.context.data
        for signal in (doc.node_added, doc.node_removed, doc.node_changed, doc.edge_added,
                       doc.edge_removed, doc.params_changed, doc.spec_reset, doc.lock_changed,
                       doc.settings_changed, data.dataset_changed):
            signal.connect(self.schedule)
        self.row_spin.valueChanged.connect(self._row_chosen)
        for signal in (doc.spec_reset, data.dataset_changed):  # typed inputs fit the old data
            signal.connect(self._forget_typed)
        self.inputs_edit.returnPressed.connect(self._inputs_typed)
        self.home_button.clicked.connect(lambda: self.go(0))
        self.back_button.clicked.connect(lambda: self.go(self.index - 1))
        self.next_button.clicked.connect(lambda: self.go(self.index + 1))
        self.end_button.clicked.connect(lambda: self.go(len(self._steps()) - 1))
        self.check_button.clicked.connect(self.check)
        self.sgd_button.clicked.connect(self.apply_sgd_step)
        doc.undo_stack.indexChanged.connect(self._history_moved)
        doc.about_to_reset.connect(self._project_replaced)

    # ------------------------------------------------------------------ state
    def set_active(self, active: bool) -> None:
        """Explain shows on the canvas only while its dock is on screen."""
        if active != self.active:
            self.active = active
            self.refresh()

    def schedule(self, *_args: object) -> None:
        if self.active:
            self._timer.start()

    def refusal(self) -> str:
        """Why Explain cannot run now, in words ("" when it can)."""
        source = self.refusal_source()
        return self.tr(source) if source else ""

    def refusal_source(self) -> str:
        """:meth:`refusal` untranslated (``self.tr`` of it says it in any language)."""
        return refusal_source(self.context)

    def refresh(self) -> None:
        """Trace the chosen row again (something changed): at once, or on a worker thread
        (:class:`RowTracer`), saying so. The step stays when the walk is as long."""
        self._timer.stop()
        self.numerical = None
        self.check_table.clear_check()
        if self.explanation is not None:  # (none while a trace is on its way)
            self._steps_before = len(self._steps())
        self.explanation = None
        reason = self.refusal() if self.active else ""
        dataset, traced = self.context.data.dataset, None
        if self.active and not reason:
            self.row_spin.blockSignals(True)
            self.row_spin.setRange(0, dataset.n_samples - 1)
            self.row_spin.blockSignals(False)
            traced = self.tracer.trace(shown_project(self.context), self.row_spin.value(),
                                       dataset, self.typed)
        else:
            self.tracer.cancel()
        self._show_traced(traced, reason)

    def _traced(self, traced: Traced) -> None:
        if self.active and not self._timer.isActive():  # else: a newer trace is coming
            self._show_traced(traced)

    def _show_traced(self, traced: Traced | None, reason: str = "") -> None:
        """Show a trace's end (None: still on its way, or nothing to trace)."""
        dataset = self.context.data.dataset
        if isinstance(traced, Explanation):
            self.explanation = traced
            shown = self.typed or dataset.features(traced.sample)
            if not self.inputs_edit.hasFocus():
                self.inputs_edit.setText(", ".join(f"{v:g}" for v in shown))
                # from the first value: setText leaves the cursor at the end, so a row wider
                # than the box (an image's 784 pixels) showed its last values cut mid-number
                self.inputs_edit.setCursorPosition(0)
            if len(self._steps()) != self._steps_before:
                self.index = 0
        elif traced is not None:
            reason = self.tr("This row cannot be explained: {why}").format(why=traced)
        for widget in (self.row_spin, self.inputs_edit):  # a typing slip can be mended
            widget.setEnabled(self.active and not self.refusal())
        tracing = self.tracer.busy
        self.message.setText(theme.coloured(reason, theme.ERROR_TEXT) if reason else self.tr(
            "Stepping row {row} through the network…").format(row=self.row_spin.value())
            if tracing else "")
        self.message.setVisible(bool(reason) or tracing)
        self.row_label.setText(row_text(dataset, self.explanation) if self.explanation else "")
        self.show_step()
        self._show_result()  # an SGD step undone or redone meanwhile

    def _show_result(self, state: tuple | None = None, keep: bool = True) -> None:
        self.results.say(state, keep)

    def _history_moved(self, _index: int) -> None:
        """The undo history changed (it may have let an SGD step go: no weights changed)."""
        if shiboken6.isValid(self.doc.undo_stack):  # (not while the stack is being deleted)
            self._show_result()

    def _project_replaced(self) -> None:
        self._show_result(None, keep=False)  # its note was of the project before

    def _row_chosen(self) -> None:
        """Another row at the same step, so rows can be compared number for number."""
        self._show_result(None, keep=False)
        self._forget_typed()
        self.refresh()

    def _forget_typed(self, *_args: object) -> None:
        self.typed = None
        self.inputs_edit.clear()

    def _inputs_typed(self) -> None:
        text = self.inputs_edit.text().replace(";", ",")
        try:
            typed = tuple(float(v) for v in text.split(",") if v.strip()) or None
        except ValueError:
            typed = (np.nan,)
        if typed is not None and not np.isfinite(typed).all():
            self._show_result(("typo",))  # "inf", "nan" and 1e400 too: NaN all the way back
            return
        self.typed = typed
        self._show_result(None, keep=False)
        self.inputs_edit.clearFocus()
        self.refresh()

    def _steps(self) -> list[Step]:
        return self.explanation.steps if self.explanation is not None else []

    # ------------------------------------------------------------------ stepping
    def go(self, index: int) -> None:
        steps = self._steps()
        if steps:
            self.index = min(max(index, 0), len(steps) - 1)
            self.show_step()
            box = self.step_box  # said aloud: a screen reader does not see the canvas change
            announce(self.step_bar, "<br>".join(label.text() for label in (
                self.progress, box.step_title, box.rule, box.values)))

    def show_step(self) -> None:
        """The current step in words beside its numbers, and everything revealed so far on
        the canvas."""
        steps = self._steps()
        ready = bool(steps)
        self.step_bar.show_position(self.index, len(steps))
        self.check_button.setEnabled(ready)
        self.sgd_button.setEnabled(ready and not self.sgd.busy)
        if not ready:
            self.scene.clear_values()
            self.progress.setText("")
            self.step_box.clear()
            return
        step = steps[self.index]
        phase = self.tr(PHASES[step.phase]) if step.phase in PHASES else step.phase
        self.progress.setText(self.tr("step {n} of {total} · {phase}").format(
            n=self.index + 1, total=len(steps), phase=phase))
        self.step_box.show_step(step, self.numerical)
        dataset = self.context.data.dataset
        classes = dataset.class_names if dataset is not None else ()
        nodes, edges = step_overlays(self.explanation, self.index, self.doc.shown_arrays,
                                     self.scene.neuron_limit, classes)
        self.scene.show_values(nodes, edges)

    # ------------------------------------------------------------------ check and step
    def check(self) -> None:
        """Numerical gradients of this row beside backprop's, in the table and the step."""
        explanation = self.explanation
        if explanation is None:
            return
        project, backprop = shown_project(self.context), explanation.trace.gradients
        count, window = sum(np.size(g) for g in backprop.values()), self.window()

        def work() -> tuple[dict[str, np.ndarray], Agreement]:
            return check_row(project, explanation, numerical_gradients(project, explanation))

        if count <= BUSY_CHECK or not isinstance(window, QMainWindow):
            numerical, found = work()
        else:
            outcome = run_busy(window, lambda: self.tr(
                "Checking {n} gradients against the numerical gradient (two passes of the row "
                "each)…").format(n=count), lambda _cancel: work())
            if outcome.cancelled or outcome.error or explanation is not self.explanation:
                if self.status is not None:  # said again in a new language
                    self.status.say(lambda: self.tr("Check failed: {why}").format(
                        why=outcome.error) if outcome.error else self.tr("Check was cancelled."),
                        8000)
                return
            numerical, found = outcome.value
        self.numerical = numerical
        self.check_table.show_check(backprop, numerical, found, explanation.trace.spec)
        self.show_step()
        self._bring_into_view(self.check_table)

    def _bring_into_view(self, widget: QWidget) -> None:
        """Scroll the dock so ``widget`` is seen (once the layout has placed it)."""
        area = self.parentWidget().parentWidget() if self.parentWidget() else None
        if isinstance(area, QScrollArea):
            QTimer.singleShot(0, lambda: area.ensureWidgetVisible(widget, 0, 0))

    def apply_sgd_step(self) -> None:
        """W ← W − lr·∂L/∂W on this row's gradients (lr from the training settings), as one
        undoable edit (worked out by :class:`SgdStepper`); says the row's loss before and
        after."""
        if self.explanation is not None and not self.sgd.busy:
            self.sgd_button.setEnabled(False)
            self.sgd.apply(shown_project(self.context), self.explanation, self.doc.settings.lr)

    def _stepped(self, explanation: Explanation, lr: float, stepped: Stepped | str) -> None:
        self.doc.settle()  # a Reset or edit asked meanwhile lands first: the step is then stale
        # traced again meanwhile (a new row, or the weights changed): the step is of others
        stale = explanation is not self.explanation or self._timer.isActive()
        if isinstance(stepped, str) and stepped:  # failed (in words; "": cancelled)
            self._show_result(("refused", stepped))
        elif not isinstance(stepped, str) and stale:
            self._show_result(("refused", self.tr(
                "the weights changed while the step was worked out. Apply it again to step "
                "from the weights shown now.")))
        if isinstance(stepped, str) or stale:
            self.show_step()
            return
        arrays, after = stepped
        row, before = explanation.sample, explanation.trace.loss
        command = SgdStepCommand(self.doc, self.tr("One SGD step on row {row}").format(row=row),
                                 arrays, self.doc.history)
        if not self.doc.push(command):
            self._show_result(("refused", self.doc.preview_refusal or self.doc.locked_reason))
            self.show_step()
            return
        self._show_result(("sgd", row, lr, before, after, StepMark(command)))
        self.refresh()
        if self.status is not None:  # said again in a new language
            self.status.say(lambda: sgd_step_said(row, lr, before, after))
