"""The undoable replacement of every weight at once: a training run, Reset weights, Import
weights, an Explain step (the other undoable edits are in :mod:`gui.document.commands`)."""

from __future__ import annotations

from typing import Any

import numpy as np

from core.engine.params import Params
from core.training.runs import Run, Runs
from gui.document.commands import Command
from gui.document.document import GraphDocument


class ReplaceWeightsCommand(Command):
    """New values for every weight (a training run, Reset weights) and the history that goes
    with them; undo puts the old weights and history back, and takes a training run's record
    off the project's runs.

    Training makes it when it starts and pushes it, as not ``structural``, once the run's
    trainer is made (the document is locked by then), calls :meth:`update` with the live
    weights while it runs (so the canvas follows and Save writes what is shown), then
    :meth:`finish`. Any other replacement (Reset, Import Weights, an Explain step) is
    structural: while a run lasts it would be overwritten by the run's next frame, so the
    document refuses it.
    """

    def __init__(self, doc: GraphDocument, text: str, arrays: Params | None = None,
                 history: dict[str, Any] | None = None, parent: Command | None = None) -> None:
        super().__init__(text, parent)
        self._doc = doc
        # the document's own arrays, shared: it never changes one in place (no copy — copying
        # 2-2000-2000-2's weights held the GUI thread 0.1–0.3 s at Train, Reset and Continue)
        self._before = doc.arrays
        self._before_history = doc.history
        self._after = arrays
        self._history = history if arrays is not None else self._before_history
        self._run: Run | None = None

    def redo(self) -> None:
        if self._after is not None:
            self._install(self._after)
        self._doc.set_history(self._history)
        if self._run is not None:  # later edits were undone first: it is the last run again
            self._doc.set_runs(self._doc.runs.with_run(self._run))

    def undo(self) -> None:
        self._doc.set_arrays(self._before)
        self._doc.set_history(self._before_history)
        if self._run is not None:
            self._doc.set_runs(self._doc.runs.without(self._run.number))

    def held_bytes(self) -> int:
        """The weights before and after (:mod:`gui.document.undo_budget`)."""
        return super().held_bytes() + sum(
            np.asarray(a).nbytes for a in (*self._before.values(), *(self._after or {}).values()))

    def update(self, arrays: Params) -> None:
        """Show weights the run has reached (only names the document holds)."""
        self._install({k: v for k, v in arrays.items() if self._doc.has_array(k)})

    def _install(self, arrays: Params) -> None:
        """Give the document ``arrays`` and keep what it keeps (read-only, its own): a later
        redo hands those back without another copy."""
        self._doc.set_arrays(arrays)
        self._after = {k: self._doc.array(k) for k in arrays}

    def finish(self, arrays: Params | None, history: dict[str, Any] | None, text: str,
               runs: Runs | None = None) -> None:
        """The run's last weights and history and, when it is recorded, the runs with its
        record added (the runs as they are now: renamed or deleted while it trained)."""
        if arrays is not None:
            self.update(arrays)
        self._history = history
        self._doc.set_history(history)
        if runs is not None:
            self._run = runs[-1]
            self._doc.set_runs(runs)
        self.setText(text)
