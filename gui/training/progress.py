"""The status-bar progress: a bar over the whole run and ``epoch 12/100 · batch 30/40 ·
5,300 samples/s · 0:14 left``, updated from the worker's progress events (4 a second)."""

from __future__ import annotations

from PySide6.QtCore import Slot
from PySide6.QtWidgets import QHBoxLayout, QLabel, QProgressBar, QWidget

from core.training.events import TrainingEvent, clock
from gui.i18n import on_language_change, translate
from gui.training.controller import IDLE, PAUSED, STOPPING, TrainingController

STEPS = 1000


def describe(event: TrainingEvent, last_epoch: int, state: str) -> str:
    """``epoch 12/100 · batch 30/40 · 5,300 samples/s · 0:14 left`` in the current language."""
    return _line(event.epoch, last_epoch, event.batch, event.batches_per_epoch,
                 f"{event.samples_per_second:,.0f}", state,
                 None if event.eta_seconds is None else clock(event.eta_seconds))


def _line(epoch: object, last_epoch: object, batch: object, batches: object, rate: str,
          state: str, left: str | None) -> str:
    text = translate("TrainingProgress", "epoch {epoch}/{last} · batch {batch}/{batches} · "
                              "{rate} samples/s").format(epoch=epoch, last=last_epoch,
                                                         batch=batch, batches=batches, rate=rate)
    return _stated(text, state, left)


def _stated(text: str, state: str, left: str | None) -> str:
    """``text`` with the run's state (paused, stopping) or the time left after it."""
    if state == PAUSED:
        return translate("TrainingProgress", "{progress} · paused").format(progress=text)
    if state == STOPPING:
        return translate("TrainingProgress", "{progress} · stopping").format(progress=text)
    if left is not None:
        text = translate("TrainingProgress", "{progress} · {time} left").format(progress=text,
                                                                                time=left)
    return text


def starting(state: str) -> str:
    """What the line says while the run's network is built and its data prepared."""
    text = translate("TrainingProgress", "building the network and preparing the data…")
    return _stated(text, state, None)


def widest() -> str:
    """The longest line :func:`describe` makes (the label is sized for it)."""
    big = "100000"
    states = (IDLE, PAUSED, STOPPING)
    lines = [_line(big, big, "10000", "10000", "10,000,000", state, "10:00:00")
             for state in states] + [starting(state) for state in states]
    return max(lines, key=len)


class TrainingProgress(QWidget):
    def __init__(self, controller: TrainingController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAutoFillBackground(True)  # opaque: its updates repaint only itself
        self.controller = controller
        self.bar = QProgressBar()
        self.bar.setRange(0, STEPS)
        self.bar.setTextVisible(False)
        self.bar.setFixedWidth(160)
        self.bar.setFixedHeight(14)
        self.label = QLabel()
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.label)
        layout.addWidget(self.bar)
        controller.progress.connect(self.show_event)
        controller.state_changed.connect(self._state_changed)
        self.setVisible(False)
        on_language_change(self, self.retranslate)

    def retranslate(self) -> None:
        # Fixed size: a new text every quarter second must not relayout the main window.
        metrics = self.label.fontMetrics()
        self.label.setFixedSize(metrics.horizontalAdvance(widest()) + 8, metrics.height() + 2)
        self._show_state(self.controller.state)

    @Slot(object)
    def show_event(self, event: TrainingEvent) -> None:
        trainer = self.controller.trainer
        if trainer is None:
            return
        span = max(trainer.last_epoch - trainer.first_epoch, 1)
        done = (event.epoch - 1 - trainer.first_epoch + event.batch / event.batches_per_epoch)
        value = round(min(max(done / span, 0.0), 1.0) * STEPS)
        if value != self.bar.value():
            # QProgressBar.setValue repaints at once, on its own (2 ms on the GUI thread 4
            # times a second, held away from the training worker); with updates off it only
            # stores the value, and turning them on asks for an ordinary paint instead, drawn
            # with the label's in the next one (docs/qt-notes.md §10)
            self.bar.setUpdatesEnabled(False)
            self.bar.setValue(value)
            self.bar.setUpdatesEnabled(True)
        self.label.setText(describe(event, trainer.last_epoch, self.controller.state))

    @Slot(str)
    def _state_changed(self, state: str) -> None:
        self.setVisible(state != IDLE)
        self._show_state(state)

    def _show_state(self, state: str) -> None:
        if state == IDLE:
            return
        event = self.controller.last_event
        if event is not None:
            self.show_event(event)
        else:  # the worker makes the trainer: no epoch yet (not the last run's either)
            self.bar.setValue(0)
            self.label.setText(starting(state))
