"""The NetCanvas main window: palette and panels on the left, the canvas in the middle, the
inspector and the training settings on the right, the live training panels at the bottom
(added by :func:`gui.training.install_training`)."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QRect, QSettings, QSize, Qt, QTimer
from PySide6.QtGui import QCloseEvent, QShowEvent
from PySide6.QtWidgets import (
    QDockWidget,
    QInputDialog,
    QLabel,
    QMainWindow,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from core.datasets.images import dataset_image_shape
from core.i18n import percent
from core.spec import NetworkSpec
from gui.autosave import Autosave
from gui.canvas.accessible import CanvasSpeech
from gui.canvas.keyboard import CanvasKeys
from gui.canvas.keyboard_move import NodeMover
from gui.canvas.keyboard_values import KeyboardValues
from gui.canvas.scene import DEFAULT_NEURON_LIMIT, CanvasScene
from gui.canvas.start_page import install_start_page
from gui.canvas.view import CanvasView
from gui.canvas_editing import CanvasEditing
from gui.context import ProjectContext
from gui.docks import NARROW_SCREEN, SHORT_SCREEN, add_dock, scrolling, text_screen
from gui.document.data_source import DataSource
from gui.document.document import GraphDocument
from gui.explain.dock import install_explain
from gui.file_drops import FileDrops
from gui.files import FileController, default_data
from gui.i18n import on_language_change, translate
from gui.inspector import Inspector
from gui.panels.data_picker import DataPicker
from gui.panels.palette import Palette
from gui.panels.predictions import PredictionModel, PredictionsPanel
from gui.panels.problem_sources import connect_data, connect_dismissals, connect_weights
from gui.panels.problems import LintModel, ProblemsPanel
from gui.status_bar import ElidingStatusBar
from gui.training.dock import install_training
from gui.training.output_preview import OutputPreview
from gui.training.session import TrainingSession
from gui.widgets import StatusLine, fit_to_screen, plain_label, with_key
from gui.window_actions import WindowActions
from gui.window_text import DOCK_TITLES, help_text
from gui.worker_thread import collect_garbage_on_gui_thread, join_runs_of

APP_NAME = "NetCanvas"  # i18n: not ui
DEFAULT_SIZE = (1280, 800)
DOCK_SHARE = (0.3, 0.45)  # of the window's width, height a dock takes at first, at most


#: the limits of View ▸ Neuron view… (above, a 784-unit input is drawn neuron by neuron)
NEURON_LIMITS = (1, 64)


def neuron_limit(stored: object) -> int:
    """The neuron view's limit kept in the settings, within :data:`NEURON_LIMITS`; the default
    for one that is no whole number — a settings file edited by hand (or by a sync tool) kept
    the window from starting, with Python's "invalid literal for int()" as the only word."""
    try:
        value = int(str(stored).strip())
    except ValueError:
        return DEFAULT_NEURON_LIMIT
    return min(max(value, NEURON_LIMITS[0]), NEURON_LIMITS[1])


class MainWindow(WindowActions, CanvasEditing, QMainWindow):
    def __init__(self, settings: QSettings | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setStatusBar(ElidingStatusBar(self))  # a long message ends in "…" where it is cut
        collect_garbage_on_gui_thread()  # never in a worker's thread (gui/worker_thread.py)
        self.settings = settings or QSettings()
        self.doc = GraphDocument(self)
        self.data = DataSource(self.doc, self)
        limit = neuron_limit(self.settings.value("canvas/neuron_limit", DEFAULT_NEURON_LIMIT))
        self.scene = CanvasScene(self.doc, limit, self)
        self.view = CanvasView(self.scene)
        self.setCentralWidget(self.view)
        self.inspector = Inspector(self.doc)
        self.palette = Palette(self.doc)
        self.data_picker = DataPicker(self.doc, self.data)
        self.predictions_panel = PredictionsPanel()
        self.problems_panel = ProblemsPanel()
        self.predictions = PredictionModel(self.doc, self.data, self)
        self.lint = LintModel(self.doc, self.data, self)
        self.docks: dict[str, QDockWidget] = {}
        left = Qt.DockWidgetArea.LeftDockWidgetArea
        self.setCorner(Qt.Corner.BottomLeftCorner, left)  # Build runs the window's full height
        # The docks' keys are identifiers; their titles are set in retranslate.
        self._dock("Build", scrolling(self._build_panel()), left)  # i18n: not ui
        self._dock("Predictions", self.predictions_panel, left)  # i18n: not ui
        self._dock("Problems", scrolling(self.problems_panel), left)  # i18n: not ui
        self._dock("Inspector", self.inspector,  # i18n: not ui
                   Qt.DockWidgetArea.RightDockWidgetArea)
        self.files = FileController(self, self.doc, self.settings, self._opened)
        self.doc.reset(NetworkSpec(), data=default_data())
        self.context = ProjectContext(self.doc, self.data,
                                      TrainingSession(self.doc, self.data, self), self.files)
        self.zoom_label = QLabel()  # the zoom in per cent: _show_zoom
        # apart from a long message, which is cut where the label begins: "gate: 10" + "28 %"
        self.zoom_label.setContentsMargins(12, 0, 0, 0)  # read as "1028 %"
        self.statusBar().addPermanentWidget(self.zoom_label)
        self.status = StatusLine(self)
        self._paste_count = 0
        self._shown = False
        self._create_actions()
        self._connect()
        self.canvas_keys = CanvasKeys(self, self.scene, self.view)  # Tab, Ctrl+K on the canvas
        self.canvas_speech = CanvasSpeech(self.scene, self.view)  # what a screen reader says
        self.keyboard_values = KeyboardValues(self, self.scene, self.view)  # F2: type values
        self.node_mover = NodeMover(self.scene, self.view)  # arrow keys move the selection
        self.training = install_training(self, self.context, self.scene, self.view_menu,
                                         self.docks["Inspector"])
        hosts = self.training.hosts
        self.output_preview = OutputPreview(self.predictions, self.context.session,
                                            hosts["Output"], hosts["Weights"],
                                            hosts["Activations"])
        self.files.live_history = self.context.session.live_history
        self.files.continuation = self.context.session.continuation
        self.autosave = Autosave(self, self.files, self.context.session.ended)
        self.start_page = install_start_page(self.view, self.doc, lambda: bool(self.doc.spec.nodes),
                                             self.files)
        self.file_drops = FileDrops(self)  # a project dropped opens, a data file is imported
        self.explain, self.explain_action = install_explain(
            self, self.context, self.scene, self.view_menu, self.docks["Inspector"])
        self._menu("help").addActions(  # the last menu: after Training
            [self.help_action, self.shortcuts_action, self.about_action])
        self.resize(*DEFAULT_SIZE)
        on_language_change(self, self.retranslate)
        self.status.say(lambda: self.tr("Drag a node from the left onto the canvas to begin."))

    def retranslate(self) -> None:
        """Every text the window itself shows, in the current language."""
        for key, title in DOCK_TITLES.items():
            self.docks[key].setWindowTitle(translate("MainWindow", title))
        for action, text, tip in self._action_texts:
            label = translate("MainWindow", text)
            action.setText(label)
            action.setIconText(plain_label(label))  # the toolbar's: no "(&N)" shown as "(N)"
            tip = translate("MainWindow", tip) if tip else ""
            action.setStatusTip(tip)
            # the key too, as the Training buttons' tooltips say it: a toolbar button's
            # tooltip was the one place a keyboard user could not learn it from
            name = with_key(plain_label(label), action.shortcut())
            action.setToolTip(f"{name}: {tip}" if tip else name)
        for menu, title in self._menu_titles:
            menu.setTitle(translate("MainWindow", title))
        self.tools.setWindowTitle(self.tr("Main"))
        self._show_zoom()
        self._update_title()

    def _show_zoom(self) -> None:
        self.zoom_label.setText(percent(self.view.zoom, digits=0))

    def place_on(self, available: QRect) -> None:
        """Size and centre the window for a screen's available area (the first window of a
        start): :data:`DEFAULT_SIZE`, or less on a small screen (or one a big system font makes
        small: :func:`gui.docks.text_screen`), leaving room for the frame. Small is measured
        on the window, no bigger than :data:`DEFAULT_SIZE` on a large screen: a 1920 × 1080
        screen with a 16 pt system font kept the panels side by side in the 1280 × 800 window,
        the Weights plots' curves 0 pixels high and the Loss plots' 30 pixels wide."""
        self.resize(*DEFAULT_SIZE)
        screen = text_screen(available.size().boundedTo(QSize(*DEFAULT_SIZE)))
        if screen.width() < NARROW_SCREEN or screen.height() < SHORT_SCREEN:
            self._stack_bottom_docks()
        fit_to_screen(self, available, centre=True)

    def _stack_bottom_docks(self) -> None:
        """Output, Activations and Runs as tabs beside Loss and Weights: side by side the
        training panels made the window wider than a projector's screen at 150 % (683 logical
        pixels), its right side out of reach; on a short screen each gets the whole width."""
        docks = self.training.docks
        self.layout().activate()  # no nested layout pass inside tabifyDockWidget (add_tabbed_dock)
        for name in ("Output", "Activations", "Runs"):  # i18n: not ui (the docks' keys)
            self.tabifyDockWidget(docks["Loss"], docks[name])
        docks["Loss"].raise_()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.WindowStateChange and hasattr(self, "full_screen_action"):
            self.show_full_screen_state()  # F11, or the window manager's own full screen
        super().changeEvent(event)

    def showEvent(self, event: QShowEvent) -> None:
        if not self._shown:
            self._shown = True
            self._size_left_docks()
            # at most a share of a small window each, so the canvas stays the largest part
            share = int(self.width() * DOCK_SHARE[0])
            self.resizeDocks([self.docks["Build"], self.docks["Inspector"]],
                             [min(260, share), min(300, share)], Qt.Orientation.Horizontal)
            self.resizeDocks([self.training.docks["Loss"]],
                             [min(300, int(self.height() * DOCK_SHARE[1]))],
                             Qt.Orientation.Vertical)
        super().showEvent(event)

    def _opened(self) -> None:
        """A project was opened: show all of it, and the Build dock whole (its description may
        have pushed the data set picker below the fold)."""
        self.view.fit_to_view()
        if self._shown:
            QTimer.singleShot(0, self, self._fit_build)

    def _fit_build(self) -> None:
        scroll = self.docks["Build"].widget()
        if scroll.verticalScrollBar().maximum() > 0:  # only when it must scroll: keep the
            self._size_left_docks()                    # user's own sizes otherwise

    def _size_left_docks(self) -> None:
        """Build as tall as the node palette and the data set picker need (no scrolling to find
        where data is chosen); Predictions and Problems share the rest of the column."""
        left = [self.docks[name] for name in DOCK_TITLES if name != "Inspector"]
        build = left[0]
        scroll = build.widget()
        wanted = (scroll.widget().sizeHint().height()
                  + build.sizeHint().height() - scroll.sizeHint().height())
        rest = max(sum(dock.height() for dock in left) - wanted, 0)
        self.resizeDocks(left, [wanted, rest * 3 // 5, rest - rest * 3 // 5],
                         Qt.Orientation.Vertical)

    def _build_panel(self) -> QWidget:
        panel = QWidget()
        layout = QVBoxLayout(panel)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self.palette)
        layout.addWidget(self.data_picker)
        layout.addStretch()
        return panel

    def _dock(self, key: str, widget: QWidget, area: Qt.DockWidgetArea) -> None:
        """Dock ``widget`` under ``key`` (its identifier; its shown title is translated)."""
        self.docks[key] = add_dock(self, key, widget, area)

    def _connect(self) -> None:
        self.scene.status_said.connect(lambda make: self.status.say(make, 10000))
        self.scene.selectionChanged.connect(self._selection_changed)
        self.view.node_dropped.connect(self.add_node)
        self.view.zoom_changed.connect(lambda _z: self._show_zoom())
        self.palette.add_requested.connect(self.add_node_in_view)
        self.problems_panel.nodes_requested.connect(self.focus_nodes)
        self.doc.problems_changed.connect(self.problems_panel.set_problems)
        self.problems_panel.set_problems(self.doc.problems)
        self.lint.updated.connect(self.problems_panel.set_warnings)
        self.problems_panel.lab_requested.connect(self.labs_menu.show_lab)
        connect_dismissals(self.problems_panel, self.doc)
        connect_data(self.problems_panel, self.doc, self.data)
        connect_weights(self.problems_panel, self.doc)
        self.doc.undo_stack.cleanChanged.connect(self._update_title)
        self.doc.path_changed.connect(self._update_title)
        self.doc.spec_reset.connect(self._update_title)  # a new project's title
        # the exception's own text is the program's English: it went to the error output
        # with its traceback, and the message says what happened in the interface's language
        self.doc.edit_failed.connect(lambda action, _error: self.status.say(lambda: self.tr(
            "“{action}” could not be done, so nothing was changed: an internal error (the "
            "details went to the error output).").format(action=action), 15000))
        # said first: after a run the line is long, and the bar cut this note off at its edge
        self.doc.undo_budget.trimmed.connect(lambda: self.status.add(lambda: self.tr(
            "The oldest steps of the undo history were let go to keep memory."), first=True))
        self.predictions.updated.connect(self._show_predictions)
        self.data.dataset_changed.connect(self._dataset_changed)
        self.data.error.connect(lambda text: self.status.say(lambda: self.tr(
            "The data set could not be loaded: {error}").format(error=text), 15000))
        self._selection_changed()

    # ------------------------------------------------------------------ reactions
    def _update_title(self) -> None:
        name = self.files.display_name()
        self.setWindowTitle(f"{name}[*] — {APP_NAME}")  # i18n: not ui
        self.setWindowModified(self.doc.is_modified())

    def _selection_changed(self) -> None:
        nodes, edges = self.scene.selected_node_ids(), self.scene.selected_edge_ids()
        self.inspector.show_selection(nodes, edges)
        self.delete_action.setEnabled(bool(nodes or edges))
        self.copy_action.setEnabled(bool(nodes))

    def _dataset_changed(self, dataset: object) -> None:
        columns = getattr(dataset, "n_features", 2)
        self.inspector.node_form.set_data_columns(columns)
        self.inspector.edge_view.set_image_shape(dataset_image_shape(dataset))
        self.scene.set_class_names(getattr(dataset, "class_names", ()))

    def _show_predictions(self, result: object) -> None:
        self.predictions_panel.show_predictions(result, self.data.dataset, self.data.ref)
        self.scene.set_thumbnails(result.pictures)
        self.problems_panel.set_data_note(result.mismatches)

    def choose_neuron_limit(self) -> None:
        value, ok = QInputDialog.getInt(
            self, self.tr("Neuron view"), self.tr("Draw every neuron and weight for nodes with "
                                                  "at most this many units:"),
            self.scene.neuron_limit, *NEURON_LIMITS)
        if ok:
            self.settings.setValue("canvas/neuron_limit", value)
            self.scene.set_neuron_limit(value)

    def show_help(self) -> None:
        QMessageBox.information(self, self.tr("How to build a network"), help_text(self))

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.files.maybe_save() and self.files.finish_writing():
            self.training.shutdown()  # stop and join the training thread before Qt goes
            self.labs_menu.close_all()
            self.autosave.close()
            join_runs_of(self)  # data being prepared, predictions, … — before Qt goes at exit
            event.accept()
        else:
            event.ignore()
