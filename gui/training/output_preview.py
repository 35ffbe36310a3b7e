"""The Output panel before any run: what the network answers with the weights it has now.

An example with weights set by hand (XOR by hand, the logic gates), an opened project without a
trained run, or a fresh network: the Output panel would show only the data points until a
training frame came, though the network already answers — the node's thumbnail on the canvas
shows its output over the plane. The predictions the Predictions panel and that thumbnail
follow (:class:`~gui.panels.predictions.PredictionModel`, the one owner of what the current
weights answer) are handed to the panel as a :class:`WeightsView`; it draws them while it has
no frame, and again after every edit of a weight (undo too). Once a run shows frames, they take
over. The held-out rows are answered only while no run goes (at MNIST's size 10–20 ms each
time the live weights reach the canvas).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np
from PySide6.QtCore import QObject, Slot

from core.datasets import Dataset
from core.training.snapshot import OutputGrid
from gui.document.predictions import Predictions
from gui.training.controller import IDLE
from gui.training.frames import Evaluation, boundary_rgb, evaluation
from gui.training.lazy_panel import LazyPanel

if TYPE_CHECKING:
    from gui.panels.predictions import PredictionModel
    from gui.training.session import TrainingSession


@dataclass(frozen=True, eq=False)
class WeightsView:
    """What the Output panel draws of the current weights on ``dataset``: the output over
    the inputs (``grid``; ``boundary`` its colours for a plane) and the held-out rows."""

    dataset: Dataset
    grid: OutputGrid | None
    boundary: np.ndarray | None
    evaluation: Evaluation | None


def weights_view(result: Predictions, dataset: Dataset | None) -> WeightsView | None:
    """``result`` as the Output panel draws it (None when there is nothing to draw)."""
    if dataset is None or result.message:
        return None
    classification = dataset.task == "classification"
    answers = result.held_out
    measured = None if answers is None else evaluation(
        answers.part, answers.outputs, answers.labels, answers.y,
        max(dataset.n_classes, 2), answers.part_rows)
    return WeightsView(dataset, result.grid, boundary_rgb(result.grid, classification),
                       measured)


class OutputPreview(QObject):
    """Hands ``predictions``' results to the Output panel (``host``) and has them include the
    held-out rows while ``session`` trains nothing."""

    def __init__(self, predictions: PredictionModel, session: TrainingSession,
                 host: LazyPanel) -> None:
        super().__init__(predictions)
        self._predictions = predictions
        self._session = session
        self._host = host
        predictions.held_out = session.state == IDLE
        session.controller.state_changed.connect(self._state_changed)
        predictions.updated.connect(self._updated)

    @Slot(str)
    def _state_changed(self, state: str) -> None:
        self._predictions.held_out = state == IDLE

    @Slot(object)
    def _updated(self, result: Predictions) -> None:
        self._host.call("show_weights", weights_view(result, self._session.data.dataset))
