"""The timeline bar: an epoch slider that shows the network as it was after epoch k everywhere.

While a run trains, its worker records the network at the end of every epoch into a
:class:`~core.training.timeline.Timeline` (under its memory budget). Pulling the slider back
replays the record of that epoch (:class:`~gui.training.replay.Replay`) into a frame on a worker
thread (:class:`~gui.training.replay.ReplayRunner`: one at a time, the newest request wins, so
a drag or a held arrow key never queues up epochs). The epoch label moves at once; when the frame
arrives it goes to every live panel and the canvas's gradient bars through their usual path, and
the record's weights to the canvas, the node thumbnails and the predictions through the
document's preview (:meth:`GraphDocument.set_preview`: the document's own weights are untouched).
A frame for an epoch the slider has left is dropped. Live refreshes are held meanwhile; the
slider at its right end follows the run again.

"Continue from here" puts that epoch's weights back as one undoable edit and drops the later
epochs from the run's history, its record in the runs and the timeline (Undo brings them back);
Train then goes on from it. An edit of the weights on show is refused while the slider is pulled
back (the document's preview says why); any other edit of the document returns the slider to
the present. The timeline belongs to the history the document holds: after an Undo of the run,
or a change of the network's shapes, it is disabled.
"""

from __future__ import annotations

from functools import partial
from typing import Any

import numpy as np
from PySide6.QtCore import QObject, QTimer, Signal, Slot

from core.engine.params import split
from core.training.history import History
from core.training.timeline import EpochRecord, Timeline
from core.training.trainer import Trainer
from gui.i18n import on_language_change, translate
from gui.training.controller import IDLE
from gui.training.curves import batches_per_epoch, estimated_batches_per_epoch
from gui.training.frames import Frame
from gui.training.live import LiveRefresh
from gui.training.replay import Replay, ReplayRunner
from gui.training.session import TrainingSession
from gui.training.timeline_bar import (
    CONTINUE_TIP,
    LARGE_NETWORK,
    NO_TIMELINE,
    REWOUND,
    TimelineBar,
    epoch_text,
)
from gui.training.timeline_runs import Past, continue_from, put_back_later
from gui.training.trails import SavedTrails, Trails
from gui.training.worker import TrainerMaker


class TimelineUi(QObject):
    """Keeps the last run's timeline and drives the bar (``window.training.timeline``).

    ``frame_shown(epoch)`` when a replayed frame has gone to the panels (also one of the
    latest epoch, after Continue from here); ``shown_changed(epoch)`` when the slider is pulled
    back to another epoch, or (None) follows the present again."""

    frame_shown = Signal(int)
    shown_changed = Signal(object)

    def __init__(self, session: TrainingSession, live: LiveRefresh, panels: list[Any],
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.live = live
        self.panels = panels
        self.bar = TimelineBar()
        self.timeline: Timeline | None = None
        self.replay: Replay | None = None
        self._replay_of: Trainer | None = None  # the run whose replay is made on first use
        self.final_frame: Frame | None = None  # the run's last frame (the slider's right end)
        self._saved_trails: tuple[object, Trails] = (None, {})
        self.history_ref: object = None  # the document history the timeline belongs to
        self.shown_epoch: int | None = None  # None: following the present
        self._told: int | None = None  # the shown epoch shown_changed last said
        self.runner = ReplayRunner(self)
        self.runner.frame_ready.connect(self._frame_arrived)
        self.runner.failed.connect(self._replay_failed)
        self._listed: list[int] = []  # the epochs the slider's positions stand for
        #: a run undone after Continue from here (:func:`~.timeline_runs.cut`)
        self.later: Past | None = None
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(10)  # a drag's many positions: only the last is replayed
        self._timer.timeout.connect(self._show_pending)
        doc = session.doc
        controller = session.controller
        controller.timeline_for = self._timeline_for
        controller.progress.connect(self._progress)
        controller.state_changed.connect(self._state_changed)
        session.ended.connect(self._ended)
        session.started.connect(self._run_started)
        doc.undo_stack.indexChanged.connect(self._document_edited)
        doc.destroyed.connect(self._document_gone)
        self._gone = False
        doc.history_changed.connect(self.refresh)
        doc.spec_reset.connect(self._forget)
        session.data.dataset_changed.connect(self._data_arrived)
        self.bar.slider.valueChanged.connect(self._moved)
        self.bar.continue_button.clicked.connect(self.continue_from_here)
        on_language_change(self.bar, self.refresh)

    # ------------------------------------------------------------------ state
    @property
    def epochs(self) -> list[int]:
        return self.timeline.epochs if self.timeline is not None else []

    def fits(self) -> bool:
        """The timeline is the past of what the document shows: a run is going on, or the
        document holds the history it was recorded with, and the shapes still fit."""
        latest = self.timeline.latest() if self.timeline is not None else None
        if latest is None:
            return False
        doc = self.session.doc
        if self.session.controller.state == IDLE and doc.history is not self.history_ref:
            return False
        return all(doc.has_array(k) and doc.array(k).shape == v.shape
                   for k, v in latest.arrays.items())

    def for_saving(self) -> Timeline | None:
        """The timeline to store with the project (None when the box is off or it does not
        fit the document)."""
        if self.bar.save_check.isChecked() and self.fits():
            return self.timeline
        return None

    # ------------------------------------------------------------------ runs
    def _timeline_for(self, trainer: Trainer) -> Timeline:
        """A new run records into the timeline it continues, else a fresh one."""
        latest = self.timeline.latest() if self.timeline is not None else None
        if latest is None or not self.fits() or latest.epoch != trainer.first_epoch:
            self.timeline = Timeline()
            size = sum(v.size for v in trainer.network.params.values())
            self.bar.save_check.setChecked(size <= LARGE_NETWORK)
        # made when first needed (its network by the replay's worker, with the first frame)
        self.replay, self._replay_of = None, trainer
        self.later = None  # a run undone after Continue from here cannot be redone now
        self.final_frame = None
        self._follow()
        return self.timeline

    @Slot(object)
    def _progress(self, _event: object) -> None:
        """Four times a second while training: the bar changes only when an epoch was added."""
        if len(self.epochs) != len(self._listed):
            self.refresh()

    @Slot(str)
    def _state_changed(self, _state: str) -> None:
        self.refresh()

    def _run_started(self, *_args: object) -> None:
        """Train was pressed: back to the present at once — the run's trainer is made on its
        thread, and a past epoch's frame finished meanwhile must not be drawn over the run."""
        self._follow()

    @Slot(object)
    def _ended(self, result: Any) -> None:
        if self.shown_epoch is None:
            self.runner.drop()  # the run's last frame is the present now
        self.final_frame = result.frame
        self.history_ref = self.session.doc.history
        self.refresh()

    @Slot()
    def _forget(self) -> None:
        """Another project: its own timeline, if the file brought one (see :meth:`loaded`)."""
        self.runner.drop()
        self.timeline = self.replay = self._replay_of = self.final_frame = None
        self.history_ref = self.later = None
        self.shown_epoch = None
        self.live.held = False
        self.refresh()

    def loaded(self, timeline: Timeline | None) -> None:
        """A project file brought ``timeline`` (after the document was reset with it)."""
        self._forget()
        if timeline is not None:
            self.timeline = timeline
            self.history_ref = self.session.doc.history
            self.bar.save_check.setChecked(True)
        self.refresh()

    def show_present(self, epoch: int) -> bool:
        """Draw the network the document holds into every panel as a run left them (a project
        opened, its data loaded; ``epoch``: the epochs of its history): the timeline's newest
        record when it holds exactly those weights (with its gradient norms), else a record of
        the document's weights. Made on the worker like any replayed frame. False while a run
        goes on or the slider is pulled back."""
        if self.session.controller.active or self.shown_epoch is not None:
            return False
        doc = self.session.doc
        latest = self.timeline.latest() if self.timeline is not None and self.fits() else None
        if latest is None or latest.epoch != epoch or not all(  # e.g. stopped mid-epoch
                np.array_equal(v, doc.array(k)) for k, v in latest.arrays.items()):
            params, state = split(doc.arrays)
            latest = EpochRecord(epoch, params, state, {}, {})
        self._request(latest, back=False)
        return True

    # ------------------------------------------------------------------ the bar
    @Slot()
    def refresh(self) -> None:
        """Put the slider's range, position, label and buttons in line with the timeline."""
        bar = self.bar
        put_back_later(self)
        epochs = self._listed = self.epochs if self.fits() else []
        if not epochs and self.shown_epoch is not None:
            self._follow()
        index = len(epochs) - 1
        if self.shown_epoch is not None:
            index = int(np.argmin([abs(e - self.shown_epoch) for e in epochs]))
        bar.slider.blockSignals(True)
        bar.slider.setRange(0, max(len(epochs) - 1, 0))
        bar.slider.setValue(max(index, 0))
        bar.slider.blockSignals(False)
        bar.setEnabled(bool(epochs))
        back = self.shown_epoch is not None
        idle = self.session.controller.state == IDLE
        bar.continue_button.setEnabled(back and idle)
        if not epochs:
            bar.show_epoch(translate("TimelineUi", NO_TIMELINE))
        else:
            bar.show_epoch(epoch_text(epochs[index], epochs[-1], not back))
        k = self.shown_epoch if back else "k"
        tip = translate("TimelineUi", CONTINUE_TIP).format(k=k)
        bar.continue_button.setToolTip(tip if idle else translate(
            "TimelineUi", "Stop training first: then continue from an earlier epoch. {tip}").format(
                tip=tip))
        self._tell_shown()

    def _tell_shown(self) -> None:
        if self.shown_epoch != self._told:
            self._told = self.shown_epoch
            self.shown_changed.emit(self.shown_epoch)

    @Slot(int)
    def _moved(self, index: int) -> None:
        epochs = self._listed  # as the slider's range was set (the timeline may have grown)
        if not epochs:
            return
        if index >= len(epochs) - 1:
            self._follow(show=True)
        else:
            self.shown_epoch = epochs[index]
            self._timer.start()
        self.refresh()

    def _follow(self, show: bool = False) -> None:
        """Back to the present: the document's own weights, the live (or last) frame."""
        was_back = self.shown_epoch is not None
        self.runner.drop()  # a frame on its way is of a past the slider has left
        self.shown_epoch = None
        self.live.held = False
        self.session.doc.set_preview(None)
        self._tell_shown()
        if show and was_back:
            frame = self.session.controller.latest if self.session.controller.active else (
                self.final_frame)
            if frame is not None:
                self._send(frame)
            elif self.timeline is not None and (latest := self.timeline.latest()) is not None:
                self._request(latest, back=False)

    @Slot()
    def _show_pending(self) -> None:
        if self.shown_epoch is None or self.timeline is None:
            return
        try:
            record = self.timeline.at(self.shown_epoch)
        except KeyError:
            return
        self.live.held = True
        self._request(record, back=True)

    def _request(self, record: EpochRecord, back: bool) -> None:
        """Have the frame of ``record`` made on the worker; :meth:`_frame_arrived` draws it if
        the slider still wants it then (``back``: pulled back to it; else the present)."""
        replay = self._replay()
        if replay is None:
            return
        controller = self.session.controller
        if controller.active:
            # the newest history to draw beside the epoch: live drawing is held, so take the
            # frame it would have taken (the worker then makes the next one)
            controller.take_frame()
        latest = controller.latest if controller.active else self.final_frame
        if latest is not None:
            history, last, trails = latest.history, latest.last_epoch, latest.weight_trails
        else:  # a reopened project: its trails from the timeline's weights (once per
            # timeline, by the replay worker: SavedTrails)
            history, last = self._document_history(replay.task), 0
            timeline = self.timeline
            key = (id(timeline), tuple(timeline.epochs)) if timeline is not None else None
            if self._saved_trails[0] != key:
                self._saved_trails = (key, SavedTrails(replay.spec, (
                    timeline.records() if timeline is not None else [])))
            trails = self._saved_trails[1]
        self.runner.request(replay, record, history, last, trails, (record, back))

    @Slot(object, object)
    def _frame_arrived(self, frame: Frame, tag: tuple[EpochRecord, bool]) -> None:
        record, back = tag
        if self._gone or (back and self.timeline is None):
            return
        if back:
            if self.shown_epoch != record.epoch:
                return  # the slider has moved on: its own frame is on the way
            # the record's weights as the document keeps them, converted on the worker
            self.session.doc.set_preview(frame.arrays, translate("TimelineUi", REWOUND).format(
                epoch=record.epoch))
        elif self.shown_epoch is not None or self.session.controller.active:
            return  # pulled back again since, or live frames show the present
        self._send(frame)
        self.frame_shown.emit(record.epoch)

    @Slot(str)
    def _replay_failed(self, words: str) -> None:
        if self._replay_of is None:
            self.replay = None  # a file's: made again from the document's data next time
        self.session.message.emit(lambda: translate(  # said again on a language switch
            "TimelineUi", "Could not show that epoch: {problem}").format(problem=words))

    def shutdown(self) -> None:
        """The window closes: no replayed frame is made or drawn after this."""
        self.runner.shutdown()

    def _replay(self) -> Replay | None:
        """The replay of the run, or of the document's network on its data (a timeline that
        came with a project file); its network is built by the worker, with the first frame."""
        if self.replay is None and self._replay_of is not None:  # the run's, on first use
            self.replay = Replay.of_run(self._replay_of)
        if self.replay is None:
            session, doc = self.session, self.session.doc
            dataset = session.data.dataset
            if dataset is None and session.data.loading:  # shown once it arrives
                session.message.emit(lambda: translate(
                    "TimelineUi", "The data set is still loading: the training panels show "
                    "this epoch once it has loaded."))
                return None
            if dataset is None or doc.problems:
                session.message.emit(lambda: translate(
                    "TimelineUi", "Choose the project's data set to see the training panels at "
                    "earlier epochs."))
                return None
            history = self._document_history(dataset.task)
            per_epoch = batches_per_epoch(dataset, doc.settings) or (
                estimated_batches_per_epoch(history))
            self.replay = Replay(partial(_made, session.trainer_maker()), doc.spec,
                                 dataset.task, per_epoch)
        return self.replay

    @Slot(object)
    def _data_arrived(self, dataset: object) -> None:
        """The data set has loaded (Open reads a large one on a worker): an epoch pulled back
        to meanwhile is shown now (it said "Choose the project's data set" and showed nothing)."""
        if dataset is not None and self.shown_epoch is not None and self.replay is None:
            self._timer.start()

    def _document_history(self, task: str) -> History:
        stored = self.session.doc.history
        try:
            return History.from_dict(stored) if stored is not None else History(task)
        except ValueError:
            return History(task)

    def _send(self, frame: Frame) -> None:
        for panel in self.panels:
            panel.set_frame(frame)

    @Slot()
    def _document_gone(self) -> None:
        self._gone = True  # the window closes: its undo stack still signals as it goes
        self.runner.drop()

    @Slot()
    def _document_edited(self) -> None:
        """Any edit brings the present back (its weights are what the edit worked on)."""
        if self._gone:
            return
        if self.shown_epoch is not None:
            self._follow(show=True)
        self.refresh()

    # ------------------------------------------------------------------ continue
    def continue_from_here(self) -> bool:
        """Push :class:`~.timeline_runs.ContinueFromCommand` for the epoch shown (False when
        there is none)."""
        return continue_from(self)


def _made(make: TrainerMaker) -> Trainer:
    """The trainer ``make`` makes (on the replay's worker); what prevents it, raised in words
    (the runner says: "Could not show that epoch: …")."""
    made = make()
    if isinstance(made, str):
        raise ValueError(made)
    return made
