"""Frames of past epochs: the network of a timeline record, drawn as a live frame is.

A second network with the run's spec and settings (never the one a worker trains) loads the
record's parameters, and the run's own :class:`~gui.training.frames.FrameMaker` machinery
measures it on the same probe rows, grid and held-out rows as the live frames. The frame
carries the record's epoch and gradient norms (those of that epoch's last mini-batch) and the
whole history of the run, so every panel draws it through its usual path and the loss panel
can mark the epoch. No Qt: the timeline calls it on the GUI thread (a few milliseconds, see the
README's Timeline section).
"""

from __future__ import annotations

from dataclasses import replace

import numpy as np

from core.engine.network import build
from core.training import gradient_flow
from core.training.history import History
from core.training.timeline import EpochRecord
from core.training.trainer import Trainer
from gui.training.frames import Curves, Frame, FrameMaker
from gui.training.trails import TrailImage


class Replay:
    """Draws records of runs of ``trainer``'s network on ``trainer``'s prepared data."""

    def __init__(self, trainer: Trainer) -> None:
        settings = trainer.settings
        network = build(trainer.network.spec, seed=settings.seed, dtype=trainer.network.dtype,
                        weight_decay=settings.weight_decay, l1=settings.l1)
        self.viewer = Trainer(network, trainer.data, settings)
        self.batches_per_epoch = trainer.batches_per_epoch
        self._maker = FrameMaker(self.viewer)

    def frame(self, record: EpochRecord, history: History, last_epoch: int,
              trails: dict[str, TrailImage] | None = None) -> Frame:
        """The network after ``record.epoch``, with the run's ``history`` to draw beside it."""
        network = self.viewer.network
        network.load_params(record.params, record.state)
        with np.errstate(all="ignore"):
            made = self._maker.make()
        snapshot = replace(made.snapshot, epoch=record.epoch, batch=0, history=history,
                           gradient_norms=dict(record.gradient_norms), gradient_histograms={})
        flow = gradient_flow.assess(network.spec, record.gradient_norms,
                                    record.gradient_signals)
        return replace(made, snapshot=snapshot, curves=Curves.of(history, self.batches_per_epoch),
                       last_epoch=max(last_epoch, history.n_epochs),
                       weight_trails=dict(trails or {}), flow=flow)
