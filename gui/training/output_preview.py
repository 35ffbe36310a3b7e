"""The Output, Weights and Activations panels before any run: the weights the network has now.

An example with weights set by hand (XOR by hand, the logic gates), an opened project without a
trained run, or a fresh network: the Output panel would show only the data points until a
training frame came, though the network already answers — the node's thumbnail on the canvas
shows its output over the plane. The predictions the Predictions panel and that thumbnail
follow (:class:`~gui.panels.predictions.PredictionModel`, the one owner of what the current
weights answer) are handed to the panel as a :class:`WeightsView`; it draws them while it has
no frame, and again after every edit of a weight (undo too). Once a run shows frames, they take
over — until, with no run going on, the weights are edited (a weight typed, undo, redo): a
frame of other weights than the document's then gives way to them (:class:`FollowsWeights`),
while one of an earlier epoch the timeline shows stays. The held-out rows are answered only
while no run goes (at MNIST's size 10–20 ms each time the live weights reach the canvas).

The Weights panel likewise draws the histogram of each connection's weights as the document
holds them (:class:`CurrentWeights`, made at the same moments): the initial weights of an
example or a fresh network, those set by hand, those after Reset weights. The Activations
panel draws what every node outputs on the probe batch a run would use (the predictions
measure it with the held-out rows): the book's §6.2 view of an initialisation — change a
node's initial std and see its activations spread or collapse — before training a step.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np
from PySide6.QtCore import QObject, Slot

from core.datasets import Dataset
from core.engine.params import Params
from core.spec import NetworkSpec
from core.training.snapshot import Histogram, OutputGrid
from gui.document.predictions import Predictions
from gui.training.controller import IDLE
from gui.training.frames import Evaluation, Frame, boundary_rgb, evaluation
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


@dataclass(frozen=True, eq=False)
class CurrentWeights:
    """What the Weights panel draws of the current weights: the network (its connections by
    name) and each connection's weight histogram, by edge id."""

    spec: NetworkSpec
    histograms: dict[str, Histogram]


class FollowsWeights:
    """For a panel that draws the current weights while it has no frame: after a run, an edit
    of the weights (a weight typed, undo, redo) makes the current weights the thing to show,
    not the run's last frame.

    A panel whose frame holds more than the weights answer (``keeps_frame``: the Weights
    panel's trail, what the run did) keeps it and sets :attr:`edited`, drawing the current
    weights' part from what it was given of them; the others let the frame go."""

    frame: Frame | None
    keeps_frame = False
    #: the weights were edited after the frame's run (``keeps_frame`` panels)
    edited = False

    def remember(self, frame: Frame | None) -> None:
        super().remember(frame)  # type: ignore[misc]  # Panel.remember
        self.edited = False  # a frame of its own weights (a run goes on, the timeline moved)

    def follow_weights(self, arrays: Params) -> None:
        """The document holds ``arrays`` and no run goes on: a frame of other weights gives
        way (or, ``keeps_frame``, is drawn with the current weights' part); an undo back to
        the run's weights shows the frame whole again."""
        edited = self.frame is not None and not self.frame.holds(arrays)
        if not self.keeps_frame:
            if edited:
                self.reset()  # type: ignore[attr-defined]  # Panel.reset: drawn again
        elif edited or self.edited:
            self.edited = edited
            self.redraw()  # type: ignore[attr-defined]  # Panel.redraw


class OutputPreview(QObject):
    """Hands ``predictions``' results to the Output panel (``host``) and has them include the
    held-out rows while ``session`` trains nothing; at the same moments (a weight edited, the
    network or the data changed, undo) the current weights to the Weights panel
    (``weights_host``) while nothing trains; then both drop a frame of other weights than the
    document's, unless the timeline shows an earlier epoch."""

    def __init__(self, predictions: PredictionModel, session: TrainingSession,
                 host: LazyPanel, weights_host: LazyPanel | None = None,
                 activations_host: LazyPanel | None = None) -> None:
        super().__init__(predictions)
        self._predictions = predictions
        self._session = session
        self._host = host
        self._weights_host = weights_host
        self._activations_host = activations_host
        predictions.held_out = predictions.bin_weights = session.state == IDLE
        session.controller.state_changed.connect(self._state_changed)
        predictions.updated.connect(self._updated)
        # the live weights' predictions (the canvas's thumbnails) in the same turn, not after
        # the 30 ms that gathers edits: the canvas was painted twice for each live update
        session.weights_shown.connect(predictions.flush)

    @Slot(str)
    def _state_changed(self, state: str) -> None:
        self._predictions.held_out = self._predictions.bin_weights = state == IDLE
        if state == IDLE:
            # a run's last weights (the live ones were not binned): the predictions bin them,
            # on a worker for a big network — binning 2-2000-2000-2's here as the run ended
            # held the GUI thread 65-85 ms
            self._predictions.schedule()

    @Slot(object)
    def _updated(self, result: Predictions) -> None:
        self._host.call("show_weights", weights_view(result, self._session.data.dataset))
        if self._session.state == IDLE:
            # a run's last live weights, computed unbinned and landing after its end, are not
            # binned here (65-85 ms on a big network): the job that follows the end bins them
            if result.weight_histograms is not None:
                self._show_current_weights(result.weight_histograms)
            doc = self._session.doc
            if not doc.previewing:  # the timeline's earlier epoch keeps its frame
                if self._activations_host is not None:
                    self._activations_host.call("show_current", result.activations or None,
                                                doc.spec)
                arrays = doc.arrays
                for host in (self._host, self._weights_host, self._activations_host):
                    if host is not None:
                        host.call("follow_weights", arrays)

    def _show_current_weights(self, binned: dict[str, Histogram]) -> None:
        """The current weights to the Weights panel, as the predictions binned them (on a
        worker for a big network)."""
        if self._weights_host is not None:
            self._weights_host.call("show_weights", CurrentWeights(self._session.doc.spec, binned))
