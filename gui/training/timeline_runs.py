"""What Continue from here does to the document: one undoable edit that puts an earlier epoch's
weights back with the history up to it, cuts the timeline there and drops the later epochs from
the runs that trained them, so they say so (the Runs list showed the cut run's 230 epochs and
final loss after the timeline had gone back to epoch 22).

Only the runs the timeline's history was made of are changed: the last run, and before it each
run whose history ended where the next one started. The run that trained the epoch continued
from is cut there (its epochs, its history and so its final loss); a run all of whose epochs
came after it is hidden (its record stays, for comparison). Both say why in their reason.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING, Any

from core.training.runs import Run, Runs
from core.training.timeline import EpochRecord, history_until
from gui.document.weights_command import ReplaceWeightsCommand
from gui.i18n import translate
from gui.training.frames import Frame

if TYPE_CHECKING:
    from gui.training.timeline import TimelineUi


class ContinueFromCommand(ReplaceWeightsCommand):
    """The weights of an earlier epoch with the history up to it, and the timeline cut there."""

    def __init__(self, ui: TimelineUi, record: EpochRecord, history: dict[str, Any],
                 runs: Runs) -> None:
        doc = ui.session.doc
        arrays = {k: v for k, v in record.arrays.items() if doc.has_array(k)}
        super().__init__(doc, translate("TimelineUi", "Continue from epoch {epoch}").format(
            epoch=record.epoch), arrays, history)
        self._ui = ui
        self._epoch = record.epoch
        self._cut: tuple[list[EpochRecord], Frame | None, object] | None = None
        self._runs = runs  # the runs with the dropped epochs dropped (redo swaps them)
        #: the optimizer state and generators at the epoch: Train goes on as the run did
        self._continuation = record.continuation
        self._held: object = None  # the state the undone weights go on with

    def redo(self) -> None:
        super().redo()
        self._runs = self._doc.set_runs(self._runs)
        self._held = self._ui.session.continuation.replace(self._continuation, self._doc)
        self._cut = self._ui.cut(self._epoch)

    def undo(self) -> None:
        super().undo()
        self._runs = self._doc.set_runs(self._runs)
        self._ui.session.continuation.put_back(self._held)
        if self._cut is not None:
            self._ui.uncut(*self._cut)


def lineage(runs: Runs) -> list[Run]:
    """The last run and the runs it continued, newest first."""
    chain: list[Run] = []
    for run in reversed(runs.runs):
        if chain and (chain[-1].first_epoch == 0
                      or run.history.n_epochs != chain[-1].first_epoch):
            break
        chain.append(run)
    return chain


def cut_runs(runs: Runs, epoch: int, batches_per_epoch: int) -> Runs:
    """``runs`` with the epochs after ``epoch`` dropped from the runs that trained them."""
    changed: dict[int, Run] = {}
    for run in lineage(runs):
        if run.history.n_epochs <= epoch:
            break
        if run.first_epoch >= epoch:
            changed[run.number] = replace(run, hidden=True, reason=translate(
                "TimelineUi", "hidden by Continue from epoch {epoch}: all its epochs came after "
                "it").format(epoch=epoch))
        else:
            changed[run.number] = replace(
                run, history=history_until(run.history, epoch, batches_per_epoch),
                epochs=epoch - run.first_epoch, reason=translate(
                    "TimelineUi", "cut at epoch {epoch} by Continue from here (it had trained to "
                    "epoch {last})").format(epoch=epoch, last=run.history.n_epochs))
    if not changed:
        return runs
    return Runs(tuple(changed.get(r.number, r) for r in runs), runs.last_number)
