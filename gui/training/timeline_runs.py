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

from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any

from core.training.history import History
from core.training.runs import Run, Runs, with_reason
from core.training.timeline import EpochRecord, history_until
from gui.document.weights_command import ReplaceWeightsCommand
from gui.i18n import translate
from gui.training.frames import Frame

if TYPE_CHECKING:
    from gui.training.timeline import TimelineUi


@dataclass(frozen=True, eq=False)
class Past:
    """The timeline's state a cut or an undo puts aside, to be put back: the records after
    the cut epoch, the thinning stride, the run's last frame and the history they belong to."""

    records: list[EpochRecord]
    stride: int
    final_frame: Frame | None
    history_ref: object


def continue_from(ui: TimelineUi) -> bool:
    """Continue from here (:meth:`TimelineUi.continue_from_here`): push
    :class:`ContinueFromCommand` for the epoch the slider shows, with the history and the runs
    cut there, and say what Train does next (False when no epoch is shown or a run goes on)."""
    epoch = ui.shown_epoch
    if epoch is None or ui.timeline is None or ui.session.controller.active:
        return False
    record = ui.timeline.at(epoch)
    replay = ui._replay()
    doc = ui.session.doc
    history, runs = None, doc.runs
    if replay is not None:
        runs = cut_runs(runs, epoch, replay.batches_per_epoch)
        if doc.history is not None:
            history = history_until(History.from_dict(doc.history), epoch,
                                    replay.batches_per_epoch).to_dict()
    doc.push(ContinueFromCommand(ui, record, history, runs))
    ui.session.message.emit(lambda: translate(
        "TimelineUi", "Epoch {epoch} is the latest now: press Train to go on from it. The "
        "epochs after it are dropped from this run (Undo brings them back).").format(
        epoch=epoch))
    return True


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
        self._cut: Past | None = None  # what the cut dropped (undo puts it back)
        self._later: Past | None = None  # what a run trained after it left (redo's, again)
        self._runs = runs  # the runs with the dropped epochs dropped (redo swaps them)
        #: the optimizer state and generators at the epoch: Train goes on as the run did
        self._continuation = record.continuation
        self._held: object = None  # the state the undone weights go on with

    def redo(self) -> None:
        super().redo()
        self._runs = self._doc.set_runs(self._runs)
        self._held = self._ui.session.continuation.replace(self._continuation, self._doc)
        self._cut = cut(self._ui, self._epoch, self._later)

    def held_bytes(self) -> int:
        """The weights, and the epochs the cut put aside or a later run left (each with its
        weights and optimizer state): what Undo and Redo bring back."""
        return super().held_bytes() + sum(
            record.nbytes for past in (self._cut, self._later) if past is not None
            for record in past.records)

    def undo(self) -> None:
        super().undo()
        self._runs = self._doc.set_runs(self._runs)
        self._ui.session.continuation.put_back(self._held)
        if self._cut is not None:
            self._later = uncut(self._ui, self._epoch, self._cut)


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
            # the reasons are kept by key, translated where shown (a file saved in Korean
            # read in English)
            changed[run.number] = with_reason(replace(run, hidden=True), "hidden_by_continue",
                                              epoch=epoch)
        else:
            changed[run.number] = with_reason(replace(
                run, history=history_until(run.history, epoch, batches_per_epoch),
                epochs=epoch - run.first_epoch), "cut_by_continue", epoch=epoch,
                last=run.history.n_epochs)
    if not changed:
        return runs
    return Runs(tuple(changed.get(r.number, r) for r in runs), runs.last_number)


# ---------------------------------------------------------------------- the timeline's side
def cut(ui: TimelineUi, epoch: int, later: Past | None = None) -> Past:
    """Drop the timeline's records after ``epoch``; returns what :func:`uncut` puts back.
    ``later``: the records of a run that trained on from ``epoch`` and was undone, put back
    when its redo brings its history back (:func:`put_back_later`)."""
    timeline = ui.timeline
    assert timeline is not None
    before = Past(timeline.truncate(epoch), timeline.stride, ui.final_frame, ui.history_ref)
    ui.later = later
    ui.final_frame = None
    ui.history_ref = ui.session.doc.history
    ui.shown_epoch = None
    ui._follow()
    ui.refresh()
    latest = timeline.latest()
    if latest is not None:
        ui._request(latest, back=False)
    return before


def uncut(ui: TimelineUi, epoch: int, past: Past) -> Past | None:
    """Put back what :func:`cut` dropped at ``epoch``. Records added after the cut are of a run
    trained on from it, since undone (the slider said "epoch 17 / 17" with the document at
    epoch 12, and showed that run's weights at epochs 6–12): they go, returned for the redo."""
    timeline = ui.timeline
    if timeline is None:
        return None
    ui.runner.drop()  # the present is the final frame again, not the cut's latest
    ui.later = None
    later = Past(timeline.truncate(epoch), timeline.stride, ui.final_frame, ui.history_ref)
    timeline.stride = past.stride
    timeline.restore(past.records)
    ui.final_frame, ui.history_ref = past.final_frame, past.history_ref
    ui.refresh()
    if past.final_frame is not None:
        ui._send(past.final_frame)
    return later if later.records else None


def put_back_later(ui: TimelineUi) -> None:
    """The redo of a run that trained on after Continue from here: its records again, once the
    document holds its history (the timeline's :meth:`~TimelineUi.refresh` asks)."""
    later, timeline, doc = ui.later, ui.timeline, ui.session.doc
    if later is None or timeline is None or doc.history is not later.history_ref:
        if later is not None and not doc.undo_stack.canRedo():
            ui.later = None  # another edit took the redo away: nothing will bring them back
        return
    ui.later = None
    timeline.stride = later.stride
    timeline.restore(later.records)
    ui.final_frame, ui.history_ref = later.final_frame, later.history_ref
