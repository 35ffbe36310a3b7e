"""The live list of what stops the network from being built (and from fitting the data), and
after it the teaching lint's warnings (:mod:`core.lint`): set-ups that train but teach the wrong
lesson. Warnings never block; each says why in a second line and offers the lab that shows the
effect ("Show me").

Clicking a problem or a warning selects the nodes it concerns; the canvas marks problem nodes
in red. Each way the data does not fit the network is listed with its one-click fix beside it
("Give input 0 3 units"), and the dock grows to show them.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from html import escape

from PySide6.QtCore import QT_TRANSLATE_NOOP, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QMouseEvent
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from core.lint import LintWarning, lint
from core.spec import NodeSpec
from core.spec_problems import SpecProblem, errors_first
from core.training.prepare import DataMismatch
from gui import theme
from gui.canvas.style import node_label
from gui.document.data_source import DataSource
from gui.document.document import GraphDocument
from gui.document.prepared import prepared_data
from gui.i18n import on_language_change
from gui.labs import lab_info
from gui.panels.mismatches import MismatchRow, reveal
from gui.widgets import WrappedLabel

LINT_DELAY_MS = 150  # a drag or a typed number settles before the rules run again


class LintModel(QObject):
    """Runs the teaching lint shortly after the network, the settings or the data change
    (debounced, as the predictions are: a burst of edits costs one run)."""

    updated = Signal(list)  # list[LintWarning]

    def __init__(self, doc: GraphDocument, data: DataSource, parent: QObject | None = None
                 ) -> None:
        super().__init__(parent)
        self._doc = doc
        self._data = data
        self.warnings: list[LintWarning] = []
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(LINT_DELAY_MS)
        self._timer.timeout.connect(self.recompute)
        for signal in (doc.node_added, doc.node_removed, doc.node_changed, doc.edge_added,
                       doc.edge_removed, doc.spec_reset, doc.settings_changed,
                       doc.dismissed_changed, data.dataset_changed):
            signal.connect(self.schedule)
        self._prepared = prepared_data(doc, data)
        self._prepared.prepared.connect(self.schedule)
        on_language_change(self, self._language_changed)

    def _language_changed(self) -> None:
        """The warnings' texts are made by core in the language of the moment: run again so
        the list switches with the language (not at start: the first edit runs it)."""
        if getattr(self, "_following", False):
            self.recompute()
        self._following = True

    def schedule(self, *_args: object) -> None:
        self._timer.start()

    def recompute(self) -> None:
        """Lint now — unless large data is being prepared for the current settings on a worker
        thread: then once it is (the rules read its split and bounds)."""
        self._timer.stop()
        if not self._prepared.ready():
            return
        found = lint(self._doc.spec, self._doc.settings, self._data.dataset,
                     dismissed=self._doc.dismissed_warnings)
        if found != self.warnings:
            self.warnings = found
            self.updated.emit(list(found))


class WarningRow(QFrame):
    """One warning: the message, the why below it, and "Show me" (the lab that shows it).
    Clicking the text asks for the warning's nodes to be selected."""

    clicked = Signal()

    def __init__(self, warning: LintWarning, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.warning = warning
        message, why = (escape(text, quote=False) for text in (warning.message, warning.why))
        self.label = WrappedLabel(WARNING_HTML.format(
            warning=theme.WARNING_TEXT, message=message, muted=theme.MUTED_TEXT, why=why))
        self.label.setToolTip(warning.why)
        self.show_me = QPushButton()
        self.dismiss = QPushButton()
        buttons = QVBoxLayout()
        buttons.addWidget(self.show_me)
        buttons.addWidget(self.dismiss)
        buttons.addStretch()
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 2, 0, 2)
        layout.addWidget(self.label, 1)
        layout.addLayout(buttons)
        on_language_change(self, self.retranslate)

    def retranslate(self) -> None:
        self.show_me.setText(self.tr("Show me"))
        self.show_me.setToolTip(self.tr("Open the lab “{lab}”, which shows this effect").format(
            lab=lab_info(self.warning.lab).shown_title))
        self.dismiss.setText(self.tr("Dismiss"))
        self.dismiss.setToolTip(self.tr(
            "This project shows it on purpose: stop listing this warning here (saved with the "
            "project; Undo brings it back)"))

    def mousePressEvent(self, event: QMouseEvent) -> None:
        self.clicked.emit()
        super().mousePressEvent(event)

OK_TEXT = QT_TRANSLATE_NOOP("ProblemsPanel", "✓ The network is complete: it can be trained.")
WARNING_HTML = ("<span style='color:{warning}'>△ {message}</span><br>"  # i18n: not ui
                "<small style='color:{muted}'>{why}</small>")  # i18n: not ui


class ProblemsPanel(QWidget):
    nodes_requested = Signal(list)  # node ids to select
    lab_requested = Signal(str)  # the key of the lab to open (a warning's "Show me")
    dismiss_requested = Signal(str)  # a warning's id: list it no more for this project
    restore_requested = Signal()  # list every dismissed warning again
    fit_requested = Signal(str, int)  # give node (id) this many units: what the data needs

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.summary = WrappedLabel()
        self.list = QListWidget()
        self.list.setWordWrap(True)
        self.list.setAlternatingRowColors(False)
        self.list.itemClicked.connect(self._clicked)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self.summary)
        layout.addWidget(self.list, 1)
        # the ways the data does not fit the network (another data set, the same nodes), each
        # with its one-click fix
        self.mismatch_box = QVBoxLayout()
        self.mismatch_box.setSpacing(4)
        layout.addLayout(self.mismatch_box)
        self.mismatch_rows: list[MismatchRow] = []
        # the current network's node of an id (None when it has none): the fix buttons name
        # it as the canvas does
        self.node_source: Callable[[str], NodeSpec | None] = lambda _node_id: None
        self._reveal = QTimer(self)  # once the rows have their sizes: see show_fixes
        self._reveal.setSingleShot(True)
        self._reveal.setInterval(0)
        self._reveal.timeout.connect(self.show_fixes)
        self._no_fix = QPushButton(self)  # what fit_button is while nothing needs fixing
        self._no_fix.hide()
        self._missing = ""  # the project's data file has moved or changed: why, in words
        # why training cannot start from the weights (NaN after a diverged run), in words
        self.weights_source: Callable[[], str] | None = None
        self._weights = ""
        self.warning_box = QVBoxLayout()
        self.warning_box.setSpacing(4)
        layout.addLayout(self.warning_box)
        self.restore = QPushButton()
        self.restore.clicked.connect(self.restore_requested)
        self.restore.hide()
        layout.addWidget(self.restore, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addStretch()
        self._problems: list[SpecProblem] = []
        self._data_notes: list[DataMismatch] = []
        self._fix_names: list[str] = []
        self.warning_rows: list[WarningRow] = []
        self._dismissed = 0
        #: where the problems come from, asked again when the language changes (the messages
        #: are made by core in the language of the moment); see :func:`connect_dismissals`
        self.problem_source: Callable[[], list[SpecProblem]] | None = None
        on_language_change(self, self.retranslate)

    def retranslate(self) -> None:
        self.list.setAccessibleName(self.tr("Problems to fix before training"))
        self.list.setToolTip(self.tr("Everything that stops this network from being trained. "
                                     "Click a line to select the nodes it is about."))
        self.restore.setToolTip(self.tr("Warnings this project shows on purpose are not "
                                        "listed; list them again"))
        if self.problem_source is not None:
            self._problems = list(self.problem_source())
        if self.weights_source is not None:
            self._weights = self.weights_source()
        self.set_dismissed(self._dismissed)
        self._render()

    def set_problems(self, problems: list[SpecProblem]) -> None:
        self._problems = list(problems)
        self._render()

    def set_data_note(self, notes: Sequence[str | DataMismatch]) -> None:
        """Every mismatch between the network and the chosen data (shown after the problems),
        each with its fix ("Give input 0 784 units") when it has one."""
        mismatches = [note if isinstance(note, DataMismatch) else DataMismatch(note)
                      for note in notes]
        names = [self._node_name(m.node_id) for m in mismatches if m.node_id]
        if mismatches == self._data_notes and names == self._fix_names:
            return  # unchanged: no relayout (predictions refresh this while training runs)
        self._data_notes = mismatches
        self._fix_names = names
        self._render()

    @property
    def fix_buttons(self) -> list[QPushButton]:
        """The fix buttons, in the order of the mismatches they fix."""
        return [row.fix for row in self.mismatch_rows if row.fix is not None]

    @property
    def fit_button(self) -> QPushButton:
        """The first fix button (a hidden one when nothing needs fixing)."""
        return next(iter(self.fix_buttons), self._no_fix)

    def set_missing_data(self, problem: str) -> None:
        """Why the project's data could not be loaded ("" once it is there again)."""
        if problem != self._missing:
            self._missing = problem
            self._render()

    def set_weights_problem(self, problem: str) -> None:
        """Why training cannot start from the weights ("" once they are numbers again)."""
        if problem != self._weights:
            self._weights = problem
            self._render()

    def set_warnings(self, warnings: list[LintWarning]) -> None:
        """The teaching lint's warnings, listed after the problems (they never block)."""
        for row in self.warning_rows:
            self.warning_box.removeWidget(row)
            row.deleteLater()
        self.warning_rows = []
        for warning in warnings:
            row = WarningRow(warning, self)
            row.show_me.clicked.connect(lambda _=False, key=warning.lab:
                                        self.lab_requested.emit(key))
            row.clicked.connect(lambda ids=list(warning.nodes): self._select(ids))
            row.dismiss.clicked.connect(lambda _=False, wid=warning.id:
                                        self.dismiss_requested.emit(wid))
            self.warning_box.addWidget(row)
            self.warning_rows.append(row)
        self._render()

    def set_dismissed(self, count: int) -> None:
        """How many warnings the project dismissed (a button lists them again)."""
        self._dismissed = count
        self.restore.setText((self.tr("Show {n} dismissed warning") if count == 1 else self.tr(
            "Show {n} dismissed warnings")).format(n=count))
        self.restore.setVisible(count > 0)

    def messages(self) -> list[str]:
        """The problems and data notes (what blocks training)."""
        return ([self.list.item(k).text() for k in range(self.list.count())]
                + [row.text() for row in self.mismatch_rows])

    def warning_ids(self) -> list[str]:
        return [row.warning.id for row in self.warning_rows]

    def _render(self) -> None:
        self.list.clear()
        # what is wrong first, in red; then what is not built yet (a new network's input and
        # output nodes, a node not connected), in grey: the next steps, not errors
        for problem in errors_first(self._problems):
            icon, color = ("→ ", theme.STEP_TEXT) if problem.is_step else (  # i18n: not ui
                "⚠ ", theme.ERROR_TEXT)  # i18n: not ui
            item = QListWidgetItem(icon + problem.message)
            item.setData(Qt.ItemDataRole.UserRole, list(problem.node_ids))
            item.setForeground(QColor(color))
            item.setToolTip(problem.explain())
            self.list.addItem(item)
        self.list.setVisible(self.list.count() > 0)
        self._show_mismatches()
        count = len(self._problems)
        steps = sum(p.is_step for p in self._problems)
        if count:
            self.summary.setText(self._count_words(count - steps, steps))
        elif self._missing:
            # moved, changed, not downloaded here …: "missing" said a changed file was gone
            self.summary.setText(self.tr("<b>The project's data could not be loaded</b>"))
        elif self._weights:  # Train refuses them, in the same words
            self.summary.setText(self.tr("<b>Training cannot start from these weights</b>"))
        elif self._data_notes:
            self.summary.setText(self.tr("<b>The network does not fit the data yet</b>"))
        else:
            self.summary.setText(theme.coloured(self.tr(OK_TEXT), theme.OK_TEXT))
        if self.warning_rows and not (count or self._data_notes or self._missing or
                                      self._weights):
            warnings = len(self.warning_rows)
            line = self.tr("{n} warning worth reading:") if warnings == 1 else self.tr(
                "{n} warnings worth reading:")
            self.summary.setText(self.summary.text() + "<br>" + theme.coloured(
                line.format(n=warnings), theme.WARNING_TEXT))

    def _count_words(self, errors: int, steps: int) -> str:
        """The heading over the list: how many problems to fix and how many steps are left."""
        if not steps:
            return (self.tr("<b>{n} problem</b> to fix before training") if errors == 1
                    else self.tr("<b>{n} problems</b> to fix before training")).format(n=errors)
        left = (self.tr("{n} step") if steps == 1 else self.tr("{n} steps")).format(n=steps)
        if not errors:
            return self.tr("<b>{steps}</b> to go before the network can be trained").format(
                steps=left)
        problems = (self.tr("{n} problem") if errors == 1 else self.tr("{n} problems")).format(
            n=errors)
        return self.tr("<b>{problems}</b> to fix and <b>{steps}</b> left before "
                       "training").format(problems=problems, steps=left)

    def _show_mismatches(self) -> None:
        for row in self.mismatch_rows:
            self.mismatch_box.removeWidget(row)
            row.deleteLater()
        missing = [DataMismatch(text) for text in (self._missing, self._weights) if text]
        self.mismatch_rows = [MismatchRow(m, self) for m in missing + self._data_notes]
        for row in self.mismatch_rows:
            self.mismatch_box.addWidget(row)
            row.resized.connect(self._reveal.start)
            mismatch = row.mismatch
            if row.fix is None:
                continue
            row.fix.setText(self.tr("Give {node} {n} units").format(  # a name's & is no mnemonic
                node=self._node_name(mismatch.node_id).replace("&", "&&"),
                n=f"{mismatch.units:,}"))
            node = self.node_source(mismatch.node_id)
            row.fix.setToolTip(self.tr(
                "One unit per column of the data: the input node takes every feature (one "
                "undoable edit; the weights leaving it start afresh)")
                if node is not None and node.kind == "input" else self.tr(
                "One unit per class (or target value) of the data (one undoable edit; the "
                "weights into the node start afresh)"))
            row.fix.clicked.connect(lambda _=False, m=mismatch:
                                    self.fit_requested.emit(m.node_id, m.units))

    def _node_name(self, node_id: str) -> str:
        node = self.node_source(node_id)
        return node_label(node) if node is not None else node_id

    def show_fixes(self) -> None:
        """Grow the dock until the last fix button is in view (:func:`reveal`). Done when the
        rows take their sizes, so not when the user makes the dock lower again."""
        if self.fix_buttons:
            self.layout().activate()
            reveal(self, self.fix_buttons[-1])

    def _clicked(self, item: QListWidgetItem) -> None:
        self._select(item.data(Qt.ItemDataRole.UserRole) or [])

    def _select(self, node_ids: list[str]) -> None:
        if node_ids:
            self.nodes_requested.emit(list(node_ids))
