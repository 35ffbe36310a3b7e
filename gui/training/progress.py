"""The status-bar progress: a bar over the whole run and ``epoch 12/100 · batch 30/40 ·
5,300 samples/s · 0:14 left``, updated from the worker's progress events (4 a second)."""

from __future__ import annotations

from PySide6.QtCore import Slot
from PySide6.QtWidgets import QHBoxLayout, QLabel, QProgressBar, QWidget

from core.training.trainer import TrainingEvent, clock
from gui.training.controller import IDLE, PAUSED, STOPPING, TrainingController

STEPS = 1000
WIDEST = "epoch 100000/100000 · batch 10000/10000 · 10,000,000 samples/s · 10:00:00 left"


def describe(event: TrainingEvent, last_epoch: int, state: str) -> str:
    text = (f"epoch {event.epoch}/{last_epoch} · batch {event.batch}/{event.batches_per_epoch}"
            f" · {event.samples_per_second:,.0f} samples/s")
    if state == PAUSED:
        return text + " · paused"
    if state == STOPPING:
        return text + " · stopping"
    if event.eta_seconds is not None:
        text += f" · {clock(event.eta_seconds)} left"
    return text


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
        # Fixed size: a new text every quarter second must not relayout the main window.
        self.label.setFixedSize(self.label.fontMetrics().horizontalAdvance(WIDEST) + 8,
                                self.label.fontMetrics().height() + 2)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.label)
        layout.addWidget(self.bar)
        controller.progress.connect(self.show_event)
        controller.state_changed.connect(self._state_changed)
        self.setVisible(False)

    @Slot(object)
    def show_event(self, event: TrainingEvent) -> None:
        trainer = self.controller.trainer
        if trainer is None:
            return
        span = max(trainer.last_epoch - trainer.first_epoch, 1)
        done = (event.epoch - 1 - trainer.first_epoch + event.batch / event.batches_per_epoch)
        self.bar.setValue(round(min(max(done / span, 0.0), 1.0) * STEPS))
        self.label.setText(describe(event, trainer.last_epoch, self.controller.state))

    @Slot(str)
    def _state_changed(self, state: str) -> None:
        self.setVisible(state != IDLE)
        event = self.controller.last_event
        if event is not None and state != IDLE:
            self.show_event(event)
