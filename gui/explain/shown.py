"""What Explain works on: the weights on show. While the training timeline shows an earlier
epoch, the canvas and the predictions draw that epoch's weights (the document's preview), so
Explain traces those too; its SGD step edits the values on show, so the document refuses it
meanwhile and says why (:meth:`GraphDocument.push`)."""

from __future__ import annotations

import weakref
from dataclasses import replace
from typing import Any

from PySide6.QtGui import QKeySequence

from core.engine.params import split
from core.project import Project
from gui.context import ProjectContext
from gui.document.weights_command import ReplaceWeightsCommand
from gui.i18n import translate


def shown_project(context: ProjectContext) -> Project:
    """The document as a project, holding the weights the canvas shows (read-only, shared
    with the document)."""
    project = context.files.project()
    doc = context.doc
    if not doc.previewing or doc.problems:
        return project
    params, state = split(doc.shown_arrays)
    return replace(project, params=params, state=state or None)


class SgdStepCommand(ReplaceWeightsCommand):
    """Explain's one SGD step: new values for the weights on show. :attr:`in_weights` tells
    whether the weights hold it, also once the undo history let it go (its budget or its
    limit, :mod:`gui.document.undo_budget`): the step is then kept, not undone."""

    acts_on_shown = True

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        # one cell shared with the copies the undo history makes of an entry it keeps
        self._done = [False]

    @property
    def in_weights(self) -> bool:
        return self._done[0]

    def redo(self) -> None:
        super().redo()
        self._done[0] = True

    def undo(self) -> None:
        super().undo()
        self._done[0] = False


class StepMark:
    """What Explain's note keeps of its SGD step: whether the weights hold it, and the undo
    entry while something else keeps that alive (a weak reference: an entry the undo history
    let go is freed with its copies of every weight, ~32 MB on a 2-2000-2000-2 network)."""

    def __init__(self, command: SgdStepCommand) -> None:
        self._done = command._done
        self._command = weakref.ref(command)

    @property
    def in_weights(self) -> bool:
        return self._done[0]

    @property
    def command(self) -> SgdStepCommand | None:
        return self._command()


#: the fewest significant digits a loss change is said with (the losses' usual 4)
LOSS_DIGITS = 4


def loss_change(before: float, after: float) -> tuple[str, str]:
    """The row's loss before and after a step as the dock and the status bar both say them:
    the same significant digits for both, 4 (``0.6628``, ``0.3724``), more while the two would
    read the same though they differ (a small learning rate's step), up to 9."""
    digits = LOSS_DIGITS
    while before != after and digits < 9 and f"{before:.{digits}g}" == f"{after:.{digits}g}":
        digits += 1
    return f"{before:.{digits}g}", f"{after:.{digits}g}"


def sgd_step_said(row: int, lr: float, before: float, after: float) -> str:
    """What the status bar says after the step: ``Applied one SGD step (lr 1): the loss on row
    0 0.6628 → 0.3724 — Ctrl+Z undoes it`` (the platform's Undo keys)."""
    keys = QKeySequence(QKeySequence.StandardKey.Undo).toString(
        QKeySequence.SequenceFormat.NativeText)
    said_before, said_after = loss_change(before, after)
    return translate("ExplainPanel", "Applied one SGD step (lr {lr}): the loss on row {row} "
                                     "{before} → {after} — {keys} undoes it").format(
        lr=f"{lr:g}", row=row, before=said_before, after=said_after, keys=keys)


def sgd_note(row: int, lr: float, before: float, after: float, applied: bool,
             command: StepMark) -> str:
    """What Explain says under its buttons of its SGD ``command`` on ``row``: done (``applied``:
    on the undo history, not undone), undone, or let go by the undo history (the weights keep
    it)."""
    if not applied and not command.in_weights:
        return translate("ExplainPanel", "The SGD step on row {row} was undone: the weights are "
                                         "as they were before it.").format(row=row)
    said = translate("ExplainPanel", "One SGD step on row {row} (lr {lr}): the row's loss "
                                     "{before} → {after}. Undo puts the weights back.") \
        if applied else translate("ExplainPanel", "One SGD step on row {row} (lr {lr}): the "
                                  "row's loss {before} → {after}. It was dropped from the undo "
                                  "history to keep memory: Undo no longer takes it back.")
    said_before, said_after = loss_change(before, after)
    return said.format(row=row, lr=f"{lr:g}", before=said_before, after=said_after)
