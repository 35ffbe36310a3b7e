"""Training in the main window: ``install_training(...)`` adds the settings dock, the four
live panels, the toolbar and menu actions, the status-bar progress, the structure lock label and
the divergence report — everything of training the window needs, in one place.

Each panel is made when its dock is first on screen (gui/training/lazy_panel.py): code that adds
to a panel uses ``TrainingUi.when_built(name, callback)`` so as not to make it early.

The window calls :meth:`TrainingUi.shutdown` when it closes; opening another project ends a
run by itself (the session listens to ``GraphDocument.about_to_reset``).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QObject, Qt, QTimer, Slot
from PySide6.QtWidgets import QDockWidget, QLabel, QMainWindow, QMenu, QWidget

from core.datasets import Dataset
from core.spec import NetworkSpec
from core.training.history import History
from core.training.outcome import Outcome
from core.training.timeline import Timeline
from gui.canvas.gradient_bars import GradientFlowOverlay
from gui.canvas.scene import CanvasScene
from gui.context import ProjectContext
from gui.docks import add_dock, add_tabbed_dock, scrolling
from gui.i18n import on_language_change, translate
from gui.training.actions import TrainingActions
from gui.training.controller import IDLE
from gui.training.curves import batches_per_epoch, estimated_batches_per_epoch
from gui.training.frames import data_points
from gui.training.lazy_panel import LazyPanel
from gui.training.live import LiveRefresh
from gui.training.outcome_tab import OutcomeInView
from gui.training.panel_hosts import panel_hosts
from gui.training.progress import TrainingProgress
from gui.training.runs_list import RunsList
from gui.training.session import lock_reason
from gui.training.settings_panel import TrainingSettingsPanel
from gui.training.timeline import TimelineUi
from gui.widgets import status_line

if TYPE_CHECKING:
    from gui.training.plots import ActivationsPanel, LossPanel, OutputPanel, WeightsPanel

BOTTOM = Qt.DockWidgetArea.BottomDockWidgetArea
RUN = object()  # the panels show the frames of a run (not a stored history)
RIGHT = Qt.DockWidgetArea.RightDockWidgetArea
LOCK_TEXT = QT_TRANSLATE_NOOP("TrainingUi", "Structure locked while training")
# The docks' titles, by their English name (the key of ``TrainingUi.docks``, and the object
# name: "Loss" → loss_dock), translated where shown.
DOCK_TITLES = {"Training": QT_TRANSLATE_NOOP("TrainingUi", "Training"),
               "Loss": QT_TRANSLATE_NOOP("TrainingUi", "Loss"),
               "Output": QT_TRANSLATE_NOOP("TrainingUi", "Output"),
               "Weights": QT_TRANSLATE_NOOP("TrainingUi", "Weights"),
               "Activations": QT_TRANSLATE_NOOP("TrainingUi", "Activations"),
               "Runs": QT_TRANSLATE_NOOP("TrainingUi", "Runs")}


class TrainingUi(QObject):
    """The training parts of one main window (``window.training``)."""

    def __init__(self, window: QMainWindow, context: ProjectContext, scene: CanvasScene,
                 view_menu: QMenu, beside: QDockWidget) -> None:
        super().__init__(window)
        self.window = window
        self.scene = scene
        doc = context.doc
        self.session = context.session
        self.actions = TrainingActions(self.session, self)
        self.settings_panel = TrainingSettingsPanel(self.actions)
        self.hosts = panel_hosts()
        self.runs = RunsList(doc)
        self.runs.overlays_changed.connect(self._overlays_changed)
        self.gradient_bars = GradientFlowOverlay(scene)
        panels = [*self.hosts.values(), self.gradient_bars]
        self.live = LiveRefresh(self.session, panels, self)
        self.timeline = TimelineUi(self.session, self.live, panels, self)
        context.files.timeline = self.timeline.for_saving
        context.files.timeline_loaded = self._timeline_loaded
        self.progress = TrainingProgress(self.session.controller)
        self.status = status_line(window)  # says a message again when the language changes
        self.lock_label = QLabel()
        self.lock_label.setToolTip(doc.locked_reason)
        self.lock_label.setVisible(False)
        self.docks: dict[str, QDockWidget] = {}
        self._history_shown: object = None
        self._divergence: tuple[list[str], Outcome] | None = None  # the nodes marked, and why
        self._output_data: object = None  # the document's data when the Output panel was told
        # a stored history drawn on an estimate of its batches per epoch (the data was not
        # there yet), and the document's data it waits for
        self._loss_waits_for: object = None
        # an opened project's history: once its data is there, draw its network's frame
        self._present_due = False
        self._add_docks(beside)
        self._add_actions(view_menu)
        bar = window.statusBar()
        bar.addPermanentWidget(self.lock_label)
        bar.addPermanentWidget(self.progress)
        self._connect()
        # a run's outcome comes to the front when it ends (it sat behind the Inspector tab)
        self.outcome_in_view = OutcomeInView(window, self.docks["Training"],
                                             self.settings_panel.outcome_label, self.session)
        self._document_replaced()
        on_language_change(self.lock_label, self.retranslate)

    def retranslate(self) -> None:
        """Titles, menu and toolbar texts, and the lock label in the current language."""
        self.actions.retranslate()
        for name, dock in self.docks.items():
            dock.setWindowTitle(translate("TrainingUi", DOCK_TITLES[name]))
        self.menu.setTitle(translate("TrainingUi", "&Training"))
        self.csv_action.setText(translate("TrainingUi", "Export History as &CSV…"))
        self.toolbar.setWindowTitle(translate("TrainingUi", "Training"))
        self.timeline_toolbar.setWindowTitle(translate("TrainingUi", "Timeline"))
        self.lock_label.setText(translate("TrainingUi", LOCK_TEXT))
        if self.session.controller.active and self.session.doc.locked_reason:
            self.session.doc.lock(lock_reason())  # the reason shown when an edit is refused
        if self._divergence is not None:
            self._mark_divergence(*self._divergence)

    # ------------------------------------------------------------------ panels
    @property
    def loss(self) -> LossPanel:
        return self.hosts["Loss"].panel

    @property
    def weights(self) -> WeightsPanel:
        return self.hosts["Weights"].panel

    @property
    def activations(self) -> ActivationsPanel:
        return self.hosts["Activations"].panel

    @property
    def output(self) -> OutputPanel:
        return self.hosts["Output"].panel

    def when_built(self, name: str, callback: Callable[[Any], None]) -> None:
        """``callback(panel)`` once the panel of dock ``name`` exists (now, if it does)."""
        self.hosts[name].when_built(callback)

    # ------------------------------------------------------------------ building
    def _dock(self, title: str, widget: QWidget, area: Qt.DockWidgetArea | QDockWidget
              ) -> QDockWidget:
        """A dock in ``area``, or in a tab behind the dock given as ``area``."""
        if isinstance(area, QDockWidget):
            dock = add_tabbed_dock(self.window, title, widget, area)
        else:
            dock = add_dock(self.window, title, widget, area)
        if isinstance(widget, LazyPanel):  # a tab brought to the front draws the newest frame
            dock.visibilityChanged.connect(lambda shown, p=widget: shown and p.refresh())
            dock.visibilityChanged.connect(self.live.want)  # and has frames made with its part
        self.docks[title] = dock
        return dock

    def _add_docks(self, beside: QDockWidget) -> None:
        """The settings share ``beside``'s place as a tab (``beside`` stays in front)."""
        # English names: the keys of self.docks and the object names (titles: retranslate)
        self._dock("Training", scrolling(self.settings_panel), beside)  # i18n: not ui
        hosts = self.hosts
        loss = self._dock("Loss", hosts["Loss"], BOTTOM)  # i18n: not ui
        output = self._dock("Output", hosts["Output"], BOTTOM)  # i18n: not ui
        self.window.splitDockWidget(loss, output, Qt.Orientation.Horizontal)
        self._dock("Weights", hosts["Weights"], loss)  # i18n: not ui
        self._dock("Activations", hosts["Activations"], output)  # i18n: not ui
        self._dock("Runs", self.runs, output)  # i18n: not ui

    def _add_actions(self, view_menu: QMenu) -> None:
        window = self.window
        for action in self.actions.actions.values():
            window.addAction(action)  # shortcuts work wherever the focus is
        menu = self.menu = window.menuBar().addMenu(translate("TrainingUi", "&Training"))
        menu.addActions([self.actions[n] for n in ("train", "pause", "resume", "stop", "step")])
        menu.addSeparator()
        menu.addAction(self.actions["reset"])
        self.csv_action = menu.addAction(translate("TrainingUi", "Export History as &CSV…"),
                                         self._ask_csv)
        for dock in self.docks.values():
            view_menu.addAction(dock.toggleViewAction())
        tools = self.toolbar = window.addToolBar(translate("TrainingUi", "Training"))
        tools.setObjectName("training_toolbar")
        tools.setMovable(False)
        tools.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        tools.addActions([self.actions[n] for n in ("train", "pause", "resume", "stop", "step")])
        window.addToolBarBreak()
        timeline = self.timeline_toolbar = window.addToolBar(  # its own row: for the slider
            translate("TrainingUi", "Timeline"))
        timeline.setObjectName("timeline_toolbar")
        timeline.setMovable(False)
        self.timeline.bar.add_to(timeline)

    def _connect(self) -> None:
        doc = self.session.doc
        self.session.started.connect(self._run_started)
        runs = self.runs.model  # the Loss panel's legend names the run being trained
        self.session.started.connect(lambda *_: runs.set_training(True))
        self.session.ended.connect(lambda _result: runs.set_training(False))
        self.session.message.connect(self._say)
        self.settings_panel.said.connect(self._say)
        self.timeline.shown_changed.connect(self.settings_panel.status.show_shown_epoch)
        self.session.diverged.connect(self._diverged)
        doc.lock_changed.connect(self._lock_changed)
        doc.edit_refused.connect(self._refused)
        doc.spec_reset.connect(self._document_replaced)
        doc.history_changed.connect(self._history_changed)
        self.session.data.dataset_changed.connect(self._dataset_changed)

    # ------------------------------------------------------------------ reactions
    @Slot(object, object)
    def _run_started(self, spec: NetworkSpec, dataset: Dataset) -> None:
        self.scene.mark_nodes({})
        self._divergence = None
        settings = self.session.doc.settings
        self._history_shown = RUN
        self._loss_waits_for, self._present_due = None, False
        hosts = self.hosts  # told on the next turns, one panel each (lazy_panel.py)
        hosts["Weights"].call_soon("set_network", spec)
        hosts["Activations"].call_soon("set_network", spec)
        self._output_data = self.session.doc.data
        hosts["Output"].call_soon("set_data", dataset,
                                  data_points(dataset, settings.split, settings.seed),
                                  settings.split, settings.seed)

    @Slot(list, object)
    def _diverged(self, node_ids: list[str], outcome: Outcome) -> None:
        doc = self.session.doc
        labels = ", ".join(doc.spec.node(n).label for n in node_ids if doc.spec.has_node(n))
        self._mark_divergence(node_ids, outcome)
        self.status.say(lambda: translate(
            "TrainingUi", "Training diverged ({nodes}): {reason}").format(
                nodes=labels, reason=outcome.words()), 30000)

    def _mark_divergence(self, node_ids: list[str], outcome: Outcome) -> None:
        self._divergence = (node_ids, outcome)
        text = translate("TrainingUi", "Training diverged here: {reason}").format(
            reason=outcome.words())
        self.scene.mark_nodes({n: text for n in node_ids})

    @Slot(object)
    def _say(self, make: Callable[[], str] | str) -> None:
        """The session's message (a callable: said again when the language changes)."""
        self.status.say(make if callable(make) else lambda: make, 10000)

    @Slot(str)
    def _refused(self, reason: str) -> None:
        locked = reason == lock_reason()  # the session's own reason: said in each language
        self.status.say(lambda: translate("TrainingUi", "Not now: {reason}").format(
            reason=lock_reason() if locked else reason), 8000)

    @Slot(str)
    def _lock_changed(self, reason: str) -> None:
        self.lock_label.setVisible(bool(reason))
        self.lock_label.setToolTip(reason)

    @Slot()
    def _document_replaced(self) -> None:
        spec = self.session.doc.spec  # the panels: on the next turns, one each
        self.hosts["Weights"].call_soon("set_network", spec)
        # the last project's current activations are not this one's (its own come with its
        # predictions, on large data once the data is prepared); a run start keeps them
        self.hosts["Activations"].call_soon("show_current", None)
        self.hosts["Activations"].call_soon("set_network", spec)
        self._output_data = None
        self._loss_waits_for, self._present_due = None, False
        self._reset_output()
        self.scene.mark_nodes({})
        self._divergence = None
        self._history_shown = None
        self._history_changed()

    def _timeline_loaded(self, timeline: Timeline | None) -> None:
        """A project was opened (with ``timeline`` if its file kept one): once its data is
        there, a trained one shows its network in every panel as training left them — the
        confusion matrix, the gallery, the histograms (:meth:`TimelineUi.show_present`)."""
        self.timeline.loaded(timeline)
        self._present_due = self.session.doc.history is not None
        if self._present_due:
            QTimer.singleShot(0, self, self._show_present)

    @Slot()
    def _show_present(self) -> None:
        """(Building the network that makes the frame takes the GUI thread 15–50 ms at
        MNIST's size; the frame is made on the worker.)"""
        stored = self.session.doc.history
        if not (self._present_due and stored is not None and self._dataset() is not None
                and self.session.state == IDLE and not self.session.problem()):
            return
        self._present_due = False
        try:
            epochs = History.from_dict(stored).n_epochs
        except ValueError:
            return
        self.timeline.show_present(epochs)

    def _dataset(self) -> Dataset | None:
        """The document's data set once loaded (None while it loads, and while the data
        source still holds the data of the project the document replaced)."""
        if self.session.data.ref is not self.session.doc.data:
            return None
        return self.session.data.dataset

    @Slot(object)
    def _dataset_changed(self, dataset: Dataset | None) -> None:
        """The document's data set is loaded (or is loading, None): the panels that depend
        on it learn it (not while a run goes on: the data is locked then)."""
        if dataset is None or self.session.state != IDLE:
            return
        if self._output_data is not self.session.doc.data:
            self._reset_output()
        if self._loss_waits_for is not None and self._loss_waits_for is self.session.data.ref:
            self._show_stored_history()
        if self._present_due:  # on a turn of its own: the data's other followers take this
            QTimer.singleShot(0, self, self._show_present)

    @Slot()
    def _history_changed(self) -> None:
        """A history that training did not just draw (a project opened, Undo, Reset weights)
        replaces what the panels show."""
        stored = self.session.doc.history
        if self._history_shown is RUN and stored is self.session.trained_history:
            self._history_shown = stored  # the run's own history: its last frame is shown
            return
        if self.session.state != IDLE or stored is self._history_shown:
            return
        self._history_shown = stored
        for name in ("Weights", "Activations"):  # i18n: not ui
            self.hosts[name].call_soon("reset")
        self._reset_output()
        self.gradient_bars.reset()  # the last run's gradients do not belong to these weights
        self._show_stored_history()

    def _show_stored_history(self) -> None:
        """The Loss panel draws the document's history, the per-batch loss placed by the
        batches an epoch of the project's data takes — estimated from the history itself
        until that data is loaded, then drawn again."""
        stored = self.session.doc.history
        history = None
        if stored is not None:
            try:
                history = History.from_dict(stored)
            except ValueError:
                history = None
        dataset = self._dataset()
        per_epoch = batches_per_epoch(dataset, self.session.doc.settings) if (
            dataset is not None and history is not None) else None
        self._loss_waits_for = None
        if per_epoch is None and history is not None:
            per_epoch = estimated_batches_per_epoch(history)
            self._loss_waits_for = self.session.doc.data if dataset is None else None
        self.hosts["Loss"].call_soon("show_history", history, per_epoch or 1)

    def _reset_output(self) -> None:
        """Empty the Output panel. Told the data set (when it is loaded), it shows the plots
        that data has — the output over the inputs only for one or two features, the
        confusion matrix with the class names — and the gallery of image data, empty until a
        frame comes; while the document keeps the data it was told of (Reset weights, Undo)
        only its plots are emptied."""
        doc = self.session.doc
        if self._output_data is not None and self._output_data is doc.data:
            self.hosts["Output"].call_soon("reset")
            return
        dataset = self._dataset()
        settings = doc.settings
        self._output_data = doc.data if dataset is not None else None
        self.hosts["Output"].call_soon(
            "set_data", dataset,
            data_points(dataset, settings.split, settings.seed) if dataset is not None else None,
            settings.split, settings.seed)

    @Slot(list, str)
    def _overlays_changed(self, overlays: list, current: str) -> None:
        # A project opened tells the Loss panel its history (on the panel's turn) and then its
        # runs' curves: a plain call handed both over at once, in the turn that replaced the
        # document (lazy_panel.py); a tick by hand is drawn at once.
        self.hosts["Loss"].call_in_turn("set_overlays", overlays, current)

    @Slot()
    def _ask_csv(self) -> None:
        self.loss.ask_csv()

    # ------------------------------------------------------------------ window
    def shutdown(self) -> None:
        """Stop and join a run and a replay of the timeline (the window is closing)."""
        self.timeline.shutdown()
        self.session.shutdown()


def install_training(window: QMainWindow, context: ProjectContext, scene: CanvasScene,
                     view_menu: QMenu, beside: QDockWidget) -> TrainingUi:
    """Add training for ``context``'s project to ``window``: its docks (the settings tabbed with
    ``beside``), menu, toolbar and status-bar parts, the docks' entries in ``view_menu``, and
    divergence marks on ``scene``. Returns the parts (the window keeps them as
    ``window.training``)."""
    return TrainingUi(window, context, scene, view_menu, beside)
