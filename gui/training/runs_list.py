"""The Runs list: every recorded training run with what it changed, how it ended and its final
loss and metrics (accuracy, or MSE and R², as ``netcanvas runs`` prints them); ticked runs
are drawn under the current one on the Loss panel.

The list shows the document's runs (:attr:`GraphDocument.runs`) and changes them only through
undoable commands (:mod:`gui.document.run_commands`): rename (double-click or F2 on the name),
hide, delete (Del). Which runs are ticked is a way of looking, not part of the project, so it is
kept here and is not undoable; a hidden or deleted run keeps its tick, so undoing the hiding or
the deletion draws it again.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
    Slot,
)
from PySide6.QtGui import QColor, QFont, QKeyEvent, QKeySequence, QPainter, QPaintEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from core.spec import clean_name
from core.training.runs import MAX_NAME, Run, ending_title
from gui import theme
from gui.document.document import GraphDocument
from gui.document.run_commands import DeleteRunCommand, HideRunCommand, RenameRunCommand
from gui.i18n import on_language_change, translate
from gui.training.frames import Overlay

COLUMNS = (QT_TRANSLATE_NOOP("RunsModel", "Run"), QT_TRANSLATE_NOOP("RunsModel", "Name"),
           QT_TRANSLATE_NOOP("RunsModel", "What changed"),
           QT_TRANSLATE_NOOP("RunsModel", "Epochs"), QT_TRANSLATE_NOOP("RunsModel", "Ended"),
           QT_TRANSLATE_NOOP("RunsModel", "Final loss"),
           QT_TRANSLATE_NOOP("RunsModel", "Final metrics"),
           QT_TRANSLATE_NOOP("RunsModel", "Test metrics"))  # translated in headerData
NUMBER, NAME, CHANGED, EPOCHS, ENDED, LOSS, METRICS, TEST = range(len(COLUMNS))
#: the columns of what the last epoch measured besides the loss, and on which part
MEASURE_PARTS = {METRICS: "train", TEST: "test"}
Index = QModelIndex | QPersistentModelIndex
ROOT = QModelIndex()


def run_color(number: int) -> str:
    """A run's colour: fixed by its number, so it keeps it however the list changes."""
    return theme.RUN_COLORS[(number - 1) % len(theme.RUN_COLORS)]


class RunsModel(QAbstractTableModel):
    """The document's runs as table rows (hidden ones only with :attr:`show_hidden`), a tick box
    in the first column. ``ticks_changed`` says the ticked runs changed."""

    ticks_changed = Signal()

    def __init__(self, doc: GraphDocument, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.doc = doc
        self.show_hidden = False
        #: the runs ticked, by number (a hidden or deleted run's too: see the module's words)
        self.ticked: set[int] = set()
        self.rows: list[Run] = []
        # the number the run being trained will have (None while none is)
        self.training_number: int | None = None
        doc.runs_changed.connect(self.refresh)
        doc.history_changed.connect(self.ticks_changed)  # another run's curves are current
        doc.about_to_reset.connect(self._forget_ticks)
        self.refresh()

    @Slot()
    def refresh(self) -> None:
        self.beginResetModel()
        runs = self.doc.runs
        self.rows = [r for r in runs if self.show_hidden or not r.hidden]
        self.endResetModel()
        self.ticks_changed.emit()  # a renamed run's legend, a deleted one's curve

    @Slot()
    def _forget_ticks(self) -> None:
        """Another project comes: its runs are numbered from 1 again."""
        self.ticked, self.training_number = set(), None

    def has_test(self) -> bool:
        """Whether a listed run measured a test part (else its column is left out)."""
        return any(r.measure_words("test") for r in self.rows)

    def set_show_hidden(self, on: bool) -> None:
        self.show_hidden = on
        self.refresh()

    def set_training(self, on: bool) -> None:
        """A run starts (it will be the next number) or has ended."""
        self.training_number = self.doc.runs.next_number if on else None
        self.ticks_changed.emit()

    def label(self, run: Run) -> str:
        """A run as the Loss panel's legend names it: ``run 2: lr 0.1 → 0.01`` (its name once
        renamed)."""
        return translate("RunsModel", "run {number}: {name}").format(
            number=run.number, name=run.name or self.doc.runs.describe_changes(run.number))

    def overlays(self) -> list[Overlay]:
        current = self._current_run()
        return [Overlay(self.label(r), run_color(r.number), r.history, r is current)
                for r in self.doc.runs if r.number in self.ticked and not r.hidden]

    def _current_run(self) -> Run | None:
        """The recorded run whose history the document holds, while no run trains."""
        return self.doc.runs.holding(self.doc.history) if self.training_number is None else None

    def current_label(self) -> str:
        """The run of the Loss panel's own curves, ``run 3: lr 0.1 → 0.01 (current)``: the run
        being trained, else the run that left the document's history ("" when none did: fresh
        weights, a history from elsewhere)."""
        number = self.training_number
        run = self._current_run() if number is None else next(
            (r for r in self.doc.runs if r.number == number), None)
        if run is None and number is None:
            return ""
        label = self.label(run) if run is not None else translate(
            "RunsModel", "run {number}").format(number=number)
        return translate("RunsModel", "{run} (current)").format(run=label)

    def retranslate(self) -> None:
        """Headers, cells and the Loss panel's legend again, in the current language."""
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(COLUMNS) - 1)
        if self.rows:
            self.dataChanged.emit(self.index(0, 0),
                                  self.index(len(self.rows) - 1, len(COLUMNS) - 1))
        self.ticks_changed.emit()

    # ------------------------------------------------------------------ the model
    def rowCount(self, parent: Index = ROOT) -> int:
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = ROOT) -> int:
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role in (
                Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):  # a cut title whole
            return translate("RunsModel", COLUMNS[section])
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        run = self.rows[index.row()]
        if index.column() == NUMBER and not run.hidden:
            flags |= Qt.ItemFlag.ItemIsUserCheckable
        if index.column() == NAME:
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        run = self.rows[index.row()]
        column = index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return self._text(run, column)
        if role == Qt.ItemDataRole.CheckStateRole and column == NUMBER and not run.hidden:
            return (Qt.CheckState.Checked if run.number in self.ticked
                    else Qt.CheckState.Unchecked)
        if role == Qt.ItemDataRole.DecorationRole and column == NUMBER:
            return QColor(run_color(run.number))
        if role == Qt.ItemDataRole.ForegroundRole and (run.hidden or column == CHANGED):
            return QColor(theme.MUTED_TEXT)
        if role == Qt.ItemDataRole.FontRole and run.hidden:
            font = QFont()
            font.setItalic(True)
            return font
        if role == Qt.ItemDataRole.ToolTipRole and column in MEASURE_PARTS:
            return translate("RunsModel", "{run}: {metrics}").format(
                run=run.title, metrics=run.metrics_words())
        if role == Qt.ItemDataRole.ToolTipRole:
            tip = (translate("RunsModel", "{run}: {reason}").format(
                run=run.title, reason=run.reason_words) if run.reason else run.title)
            if run.continued_from is None:
                return tip
            return tip + "\n" + translate(
                "RunsModel", "It goes on from run {number} after epoch {epoch}.").format(
                number=run.continued_from, epoch=run.first_epoch)
        return None

    def _text(self, run: Run, column: int) -> str:
        if column == NUMBER:
            return str(run.number)
        if column == NAME:
            return run.name
        if column == CHANGED:
            return self.doc.runs.describe_changes(run.number)
        if column == EPOCHS:
            first = run.first_epoch
            epochs = f"{first + 1}–{first + run.epochs}" if first and run.epochs else str(
                run.epochs)
            return run.epochs_going_on(epochs)
        if column == ENDED:
            ended = ending_title(run.ended)
            return translate("RunsModel", "{ended} (hidden)").format(ended=ended) if (
                run.hidden) else ended
        if column in MEASURE_PARTS:
            return run.measure_words(MEASURE_PARTS[column]) or "–"
        loss = run.final_loss
        return "–" if loss is None else f"{loss:.4g}"

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        run = self.rows[index.row()]
        if role == Qt.ItemDataRole.CheckStateRole and index.column() == NUMBER:
            checked = Qt.CheckState(value) == Qt.CheckState.Checked
            self.ticked = self.ticked | {run.number} if checked else self.ticked - {run.number}
            self.dataChanged.emit(index, index, [role])
            self.ticks_changed.emit()
            return True
        if role == Qt.ItemDataRole.EditRole and index.column() == NAME:
            name = clean_name(str(value), MAX_NAME)  # one line that prints
            if name == run.name:
                return False
            return self.doc.push(RenameRunCommand(self.doc, run.number, name))
        return False


class RunsView(QTableView):
    """The table; Del deletes the selected run here even when the window's Delete (for the
    canvas) shares the key."""

    delete_requested = Signal()

    def placeholder(self) -> str:
        """The words the empty table shows in its middle ("" while it lists a run): before
        the first run, what will be listed; when every run is hidden, how to see them."""
        model = self.model()
        if not isinstance(model, RunsModel) or model.rows:
            return ""
        if model.doc.runs:
            return translate("RunsList", "Every run is hidden: tick “show hidden runs” to "
                                         "list them")
        return translate("RunsList", "Each training run is listed here, to compare them: "
                                     "press Train (F5)")

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        text = self.placeholder()
        if text:
            painter = QPainter(self.viewport())
            painter.setPen(QColor(theme.MUTED_TEXT))
            area = self.viewport().rect().adjusted(12, 8, -12, -8)
            painter.drawText(area, Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap,
                             text)
            painter.end()

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ShortcutOverride and isinstance(event, QKeyEvent) and \
                event.matches(QKeySequence.StandardKey.Delete) and self.state() != \
                QAbstractItemView.State.EditingState:
            event.accept()  # the key comes to keyPressEvent, not to the window's shortcut
            return True
        return super().event(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.matches(QKeySequence.StandardKey.Delete):
            self.delete_requested.emit()
            return
        super().keyPressEvent(event)


class RunsList(QWidget):
    """The Runs panel: the table, Hide/Show and Delete, and "show hidden runs".
    ``overlays_changed`` carries the ticked runs as :class:`Overlay` s for the Loss panel,
    and the name of the run its own curves belong to (:meth:`RunsModel.current_label`)."""

    overlays_changed = Signal(list, str)  # the ticked runs, the current run's label

    def __init__(self, doc: GraphDocument, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.doc = doc
        self.model = RunsModel(doc, self)
        self.view = RunsView()
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setTabKeyNavigation(False)  # Tab leaves the table; arrows choose the run
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked
                                  | QAbstractItemView.EditTrigger.EditKeyPressed)
        self.view.verticalHeader().hide()
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(CHANGED, QHeaderView.ResizeMode.Stretch)
        # squeezed by the others (a 16 pt system font at 1024 × 768) a title is cut at its end
        # ("What ch…"): cut at both ends, centred, it read "at chan"
        header.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.hide_button = QPushButton()
        self.delete_button = QPushButton()
        self.hidden_check = QCheckBox()
        tools = QHBoxLayout()
        tools.setContentsMargins(0, 0, 0, 0)
        for widget in (self.hide_button, self.delete_button):
            tools.addWidget(widget)
        tools.addStretch(1)
        tools.addWidget(self.hidden_check)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 2, 4, 4)
        layout.addLayout(tools)
        layout.addWidget(self.view, 1)
        self.hide_button.clicked.connect(self.toggle_hidden)
        self.delete_button.clicked.connect(self.delete_selected)
        self.view.delete_requested.connect(self.delete_selected)
        self.hidden_check.toggled.connect(self.model.set_show_hidden)
        self.model.ticks_changed.connect(self._ticks_changed)
        self._kept: int | None = None  # the selected run's number across a model reset
        self.model.modelAboutToBeReset.connect(self._remember_selection)
        self.model.modelReset.connect(self._restore_selection)
        self.model.modelReset.connect(self._show_test_column)
        self._show_test_column()
        self.view.selectionModel().selectionChanged.connect(self._selection_changed)
        on_language_change(self, self.retranslate)

    def retranslate(self) -> None:
        self.view.setAccessibleName(self.tr("Runs"))
        self.view.setToolTip(self.tr("Tick a run to draw it on the Loss panel. Double-click a "
                                     "name (or F2) to rename a run; Del deletes it."))
        self.hide_button.setToolTip(self.tr("Hide the selected run from this list and the Loss "
                                            "panel (Show brings it back; both can be undone)"))
        self.delete_button.setText(self.tr("Delete"))
        self.delete_button.setToolTip(self.tr("Delete the selected run's record (Del; can be "
                                              "undone). The weights stay as they are."))
        self.hidden_check.setText(self.tr("show hidden runs"))
        self.model.retranslate()
        self.view.viewport().update()  # its placeholder, in the new language
        self._selection_changed()

    def selected(self) -> Run | None:
        rows = self.view.selectionModel().selectedRows()
        return self.model.rows[rows[0].row()] if rows else None

    @Slot()
    def toggle_hidden(self) -> None:
        run = self.selected()
        if run is not None:
            self.doc.push(HideRunCommand(self.doc, run.number, not run.hidden))

    @Slot()
    def delete_selected(self) -> None:
        run = self.selected()
        if run is not None:
            self.doc.push(DeleteRunCommand(self.doc, run.number))

    @Slot()
    def _remember_selection(self) -> None:
        run = self.selected()
        self._kept = None if run is None else run.number

    @Slot()
    def _restore_selection(self) -> None:
        numbers = [r.number for r in self.model.rows]
        if self._kept in numbers:
            self.view.selectRow(numbers.index(self._kept))
        self._selection_changed()

    @Slot()
    def _show_test_column(self) -> None:
        self.view.setColumnHidden(TEST, not self.model.has_test())

    @Slot()
    def _selection_changed(self) -> None:
        run = self.selected()
        self.hide_button.setEnabled(run is not None)
        self.delete_button.setEnabled(run is not None)
        self.hide_button.setText(self.tr("Show") if run is not None and run.hidden
                                 else self.tr("Hide"))

    @Slot()
    def _ticks_changed(self) -> None:
        self.overlays_changed.emit(self.model.overlays(), self.model.current_label())
