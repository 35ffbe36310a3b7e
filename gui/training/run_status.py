"""The Training panel's two lines about runs: what the next Train does (goes on after the
trained epochs, or starts at epoch 1) and how the last run ended.

Both follow the session's rules rather than keeping their own: the start line asks
:meth:`TrainingSession.history_to_continue` (what the trainer goes on from), the outcome stays
while :meth:`TrainingSession.holds_run_weights` (the document still holds what the run left).
"""

from __future__ import annotations

import html
from typing import Any

from PySide6.QtCore import QObject, Slot

from core.training.reasons import reason_words
from gui import theme
from gui.i18n import translate
from gui.training.controller import IDLE
from gui.training.session import TrainingSession, cannot_train
from gui.widgets import WrappedLabel


class RunStatus(QObject):
    """``start_label`` (shown while no run goes on) and ``outcome_label`` of ``session``."""

    def __init__(self, session: TrainingSession, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.session = session
        #: what the next Train does: go on after the trained epochs, or start at epoch 1
        self.start_label = WrappedLabel()
        self.start_label.setStyleSheet(f"color: {theme.MUTED_TEXT};")
        self.outcome_label = WrappedLabel()
        self._result: Any = None  # the last run's result, while its outcome is shown
        self._shown_epoch: int | None = None  # the timeline pulled back to it (None: not)
        self._state = IDLE
        doc = session.doc
        doc.history_changed.connect(self.show_start)
        doc.history_changed.connect(self._weights_changed)
        doc.params_changed.connect(self._weights_changed)  # a weight typed, its undo
        session.data.dataset_changed.connect(self.show_start)  # another task: starts afresh
        session.ended.connect(self.show_outcome)
        session.refused.connect(self.show_outcome)
        session.started.connect(lambda *_: self.show_outcome(None))
        doc.about_to_reset.connect(lambda: self.show_outcome(None))  # another project

    def retranslate(self) -> None:
        self.show_start()
        self.show_outcome(self._result)

    def set_state(self, state: str) -> None:
        self._state = state
        self.show_start()

    @Slot()
    def show_start(self) -> None:
        """Whether the next Train goes on from the weights' trained epochs or starts at epoch
        1 (a second Train with another learning rate went on from the first run's weights, and
        nothing on screen said so); shown while no run is going on."""
        history = self.session.history_to_continue()
        done = history.epochs["epoch"][-1] if history is not None and history.n_epochs else 0
        shown = self._shown_epoch
        if done and shown is not None and shown != done:
            text = translate("TrainingSettingsPanel",
                             "The timeline shows epoch {shown}, but Train goes on after epoch "
                             "{done}, the latest. To go on from epoch {shown}, press Continue "
                             "from here first.").format(shown=shown, done=done)
        elif done:
            text = translate("TrainingSettingsPanel",
                             "Train goes on after epoch {done} with these weights. To start "
                             "again from fresh weights, press Reset Weights first.").format(
                done=done)
        else:
            text = translate("TrainingSettingsPanel",
                             "Train starts at epoch 1 from the weights on the canvas.")
        self.start_label.setText(text)
        self.start_label.setVisible(self._state == IDLE)

    @Slot(object)
    def show_shown_epoch(self, epoch: int | None) -> None:
        """The timeline is pulled back to ``epoch`` (None: it shows the present): the start
        line said Train goes on "with these weights" over an earlier epoch's weights, and Train
        then went on from the latest."""
        self._shown_epoch = epoch
        self.show_start()

    @Slot(object)
    def show_outcome(self, result: Any) -> None:
        """How the last run ended and, on a gate or toy set, the verdict (None: nothing)."""
        self._result = result
        if result is None:
            self.outcome_label.setText("")
            return
        outcome = result.outcome
        color = theme.PROBLEM if outcome.failed or result.error or result.refused \
            else theme.ACCEPT
        # the worker failed: says that an error stopped training (it showed the bare error)
        text = ((reason_words("worker_error", {}, detail=result.error) or result.error)
                if result.error else cannot_train(result.refused) if result.refused
                else outcome.words())
        verdict = self.session.verdict
        note = ""
        if verdict is not None:  # a gate or toy set: solved, or why not and what to try
            shade = theme.OK_TEXT if verdict.solved else theme.WARNING_TEXT
            note = (f"<br><span style='color:{shade}'>"  # i18n: not ui
                    f"{html.escape(verdict.text)}</span>")
        self.outcome_label.setText(f"<span style='color:{color}'>{text[:1].upper()}"
                                   f"{text[1:]}.</span>{note}")  # i18n: not ui

    @Slot()
    def _weights_changed(self) -> None:
        """The outcome belongs with the weights and history the last run left: an Undo of the
        run, Reset Weights or a weight typed takes it away — it went on saying "Solved XOR
        gate: 100 % of the rows right" over other weights, the predictions at 50 % — and a
        Redo (or the typed weight's Undo) brings it back."""
        session = self.session
        if session.state != IDLE:
            return
        self.show_outcome(session.last_result if session.holds_run_weights() else None)
