"""The live list of what stops the network from being built (and from fitting the data), and
after it the teaching lint's warnings (:mod:`core.lint`): set-ups that train but teach the wrong
lesson. Warnings never block; each says why in a second line and offers the lab that shows the
effect ("Show me").

Clicking a problem or a warning selects the nodes it concerns; the canvas marks problem nodes
in red.
"""

from __future__ import annotations

from collections.abc import Callable
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

from core.datasets import Dataset
from core.i18n import _ as core_tr
from core.lint import LintWarning, lint
from core.spec import NetworkSpec
from core.spec_problems import SpecProblem
from gui import theme
from gui.document.commands import ChangeNodeCommand, DismissWarningsCommand
from gui.document.data_source import DataSource
from gui.document.document import GraphDocument
from gui.document.prepared import prepared_data
from gui.i18n import on_language_change, translate
from gui.labs import lab_info
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
COLOURED = "<span style='color:{color}'>{text}</span>"  # i18n: not ui
WARNING_HTML = ("<span style='color:{warning}'>△ {message}</span><br>"  # i18n: not ui
                "<small style='color:{muted}'>{why}</small>")  # i18n: not ui


class ProblemsPanel(QWidget):
    nodes_requested = Signal(list)  # node ids to select
    lab_requested = Signal(str)  # the key of the lab to open (a warning's "Show me")
    dismiss_requested = Signal(str)  # a warning's id: list it no more for this project
    restore_requested = Signal()  # list every dismissed warning again
    fit_requested = Signal(str, int)  # give input node (id) this many units: the data's columns

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
        # the one-click fix of the commonest mismatch: another data set, the same input node
        self.fit_button = QPushButton()
        self.fit_button.clicked.connect(self._fit_clicked)
        self.fit_button.hide()
        layout.addWidget(self.fit_button, 0, Qt.AlignmentFlag.AlignLeft)
        self._fit: tuple[str, str, int] | None = None  # (node id, its name, units)
        self.fit_source: Callable[[], tuple[str, str, int] | None] | None = None
        self._missing = ""  # the project's data file has moved or changed: why, in words
        self.warning_box = QVBoxLayout()
        self.warning_box.setSpacing(4)
        layout.addLayout(self.warning_box)
        self.restore = QPushButton()
        self.restore.clicked.connect(self.restore_requested)
        self.restore.hide()
        layout.addWidget(self.restore, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addStretch()
        self._problems: list[SpecProblem] = []
        self._data_notes: list[str] = []
        self.warning_rows: list[WarningRow] = []
        self._dismissed = 0
        #: where the problems come from, asked again when the language changes (the messages
        #: are made by core in the language of the moment); see :func:`connect_dismissals`
        self.problem_source: Callable[[], list[SpecProblem]] | None = None
        on_language_change(self, self.retranslate)

    def retranslate(self) -> None:
        self.list.setToolTip(self.tr("Everything that stops this network from being trained. "
                                     "Click a line to select the nodes it is about."))
        self.restore.setToolTip(self.tr("Warnings this project shows on purpose are not "
                                        "listed; list them again"))
        if self.problem_source is not None:
            self._problems = list(self.problem_source())
        self.set_dismissed(self._dismissed)
        self._render()

    def set_problems(self, problems: list[SpecProblem]) -> None:
        self._problems = list(problems)
        self._render()

    def set_data_note(self, notes: list[str]) -> None:
        """Mismatches between the network and the chosen data (shown after the problems), with
        the offer to give the input node the data's column count when that is the fix
        (:attr:`fit_source`, see :func:`connect_input_fit`)."""
        fit = self.fit_source() if notes and self.fit_source is not None else None
        if list(notes) == self._data_notes and fit == self._fit:
            return  # unchanged: no relayout (predictions refresh this while training runs)
        self._data_notes = list(notes)
        self._fit = fit
        self._render()

    def set_missing_data(self, problem: str) -> None:
        """Why the project's data could not be loaded ("" once it is there again)."""
        if problem != self._missing:
            self._missing = problem
            self._render()

    def _fit_clicked(self) -> None:
        if self._fit is not None:
            node_id, _name, units = self._fit
            self.fit_requested.emit(node_id, units)

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
        return [self.list.item(k).text() for k in range(self.list.count())]

    def warning_ids(self) -> list[str]:
        return [row.warning.id for row in self.warning_rows]

    def _render(self) -> None:
        self.list.clear()
        for problem in self._problems:
            item = QListWidgetItem("⚠ " + problem.message)
            item.setData(Qt.ItemDataRole.UserRole, list(problem.node_ids))
            item.setForeground(QColor(theme.ERROR_TEXT))
            item.setToolTip(core_tr(type(problem).__doc__ or ""))
            self.list.addItem(item)
        for note in ([self._missing] if self._missing else []) + self._data_notes:
            item = QListWidgetItem("◆ " + note)
            item.setData(Qt.ItemDataRole.UserRole, [])
            item.setForeground(QColor(theme.WARNING_TEXT))
            self.list.addItem(item)
        self.list.setVisible(self.list.count() > 0)
        if self._fit is not None:
            _node_id, name, units = self._fit
            self.fit_button.setText(self.tr("Give {node} {n} units").format(node=name,
                                                                           n=f"{units:,}"))
            self.fit_button.setToolTip(self.tr(
                "One unit per column of the data: the input node takes every feature (one "
                "undoable edit; the weights leaving it start afresh)"))
        self.fit_button.setVisible(self._fit is not None)
        count = len(self._problems)
        if count:
            self.summary.setText((self.tr("<b>{n} problem</b> to fix before training")
                                  if count == 1 else self.tr(
                                      "<b>{n} problems</b> to fix before training")).format(
                n=count))
        elif self._missing:
            self.summary.setText(self.tr("<b>The project's data is missing</b>"))
        elif self._data_notes:
            self.summary.setText(self.tr("<b>The network does not fit the data yet</b>"))
        else:
            self.summary.setText(COLOURED.format(color=theme.OK_TEXT, text=self.tr(OK_TEXT)))
        if self.warning_rows and not (count or self._data_notes or self._missing):
            warnings = len(self.warning_rows)
            line = self.tr("{n} warning worth reading:") if warnings == 1 else self.tr(
                "{n} warnings worth reading:")
            self.summary.setText(self.summary.text() + "<br>" + COLOURED.format(
                color=theme.WARNING_TEXT, text=line.format(n=warnings)))

    def _clicked(self, item: QListWidgetItem) -> None:
        self._select(item.data(Qt.ItemDataRole.UserRole) or [])

    def _select(self, node_ids: list[str]) -> None:
        if node_ids:
            self.nodes_requested.emit(list(node_ids))


def input_fit(spec: NetworkSpec, dataset: Dataset | None) -> tuple[str, str, int] | None:
    """The network's only input node, its name and the data's column count, when the node
    takes the raw columns (no chosen features) and has another number of units — what a
    student meets after importing MNIST (784 columns) into a network built for other data."""
    inputs = spec.inputs
    if dataset is None or len(inputs) != 1 or inputs[0].features:
        return None
    node = inputs[0]
    if node.units == dataset.n_features:
        return None
    return node.id, node.name or node.id, dataset.n_features


def connect_data(panel: ProblemsPanel, doc: GraphDocument, data: DataSource) -> None:
    """The panel offers "Give input 0 784 units" when that fits the network to ``data`` (the
    click is one undoable change of the node), and says when the project's data file has
    moved or changed — until other data is chosen or the file is found."""
    panel.fit_source = lambda: input_fit(doc.spec, data.dataset)
    panel.fit_requested.connect(
        lambda node_id, units: doc.push(ChangeNodeCommand(doc, node_id, {"units": units})))
    def refresh(*_args: object) -> None:  # DataSource.failure is reset on every reload
        missing = data.missing
        panel.set_missing_data(str(missing) if missing is not None else "")

    data.missing_file.connect(refresh)
    doc.data_changed.connect(refresh)
    data.dataset_changed.connect(refresh)


def connect_dismissals(panel: ProblemsPanel, doc: GraphDocument) -> None:
    """Dismissing a warning, or listing the dismissed ones again, is one undoable edit of the
    project (it is saved with it). The panel also asks ``doc``'s network for its problems again
    when the language changes."""
    panel.problem_source = lambda: doc.spec.problems()

    def dismiss(warning_id: str) -> None:
        doc.push(DismissWarningsCommand(doc, (*doc.dismissed_warnings, warning_id), translate(
            "ProblemsPanel", "Dismiss warning {id}").format(id=warning_id)))

    def restore() -> None:
        doc.push(DismissWarningsCommand(doc, (), translate("ProblemsPanel",
                                                           "Show dismissed warnings")))

    def show_count() -> None:
        panel.set_dismissed(len(doc.dismissed_warnings))

    panel.dismiss_requested.connect(dismiss)
    panel.restore_requested.connect(restore)
    doc.dismissed_changed.connect(show_count)
    doc.spec_reset.connect(show_count)
    show_count()
