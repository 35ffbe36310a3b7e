"""Which optimizer state goes with the document's weights, so pressing Train again (or saving and
opening) carries the run on exactly (see :mod:`core.training.resume`).

The state is kept with the weights (the document's own, which it never changes in place) and
the network's structure it was reached with, and it is handed out only while the document still
shows those: any edit that replaces weights (Reset, Import Weights, an undo of the run, a
hand-edited weight), changes the structure (units, activations, connections; moving or renaming
nodes is fine) or picks another optimizer makes the next run start its optimizer afresh. This
is asked, not tracked, so undo and redo are right by construction: redo the run and its state
fits again.
"""

from __future__ import annotations

from typing import Any

import numpy as np

from core.spec import NetworkSpec
from core.training.resume import Continuation
from gui.document.arrays import unchangeable
from gui.document.document import GraphDocument


class ContinuationKeeper:
    """Holds at most one :class:`Continuation` and the document state it belongs to."""

    def __init__(self) -> None:
        self._held: tuple[Continuation, Any, dict[str, np.ndarray]] | None = None

    def keep(self, continuation: Continuation | None, doc: GraphDocument) -> None:
        """Remember ``continuation`` for the weights and structure ``doc`` shows now (None:
        forget)."""
        if continuation is None:
            self._held = None
            return
        # the document's arrays, shared: it never changes one in place (copying
        # 2-2000-2000-2's held the GUI thread 30-100 ms as each run ended)
        self._held = (continuation, _structure(doc.spec), doc.arrays)

    def replace(self, continuation: Continuation | None, doc: GraphDocument) -> object:
        """:meth:`keep` ``continuation``; returns what was held, for :meth:`put_back` (an undo
        puts the state of the weights it brings back)."""
        held, _ = self._held, self.keep(continuation, doc)
        return held

    def put_back(self, held: object) -> None:
        """Hold again what :meth:`replace` returned."""
        self._held = held  # type: ignore[assignment]

    def for_document(self, doc: GraphDocument) -> Continuation | None:
        """The kept state if ``doc`` still shows what it belongs to, else None."""
        if self._held is None:
            return None
        continuation, structure, arrays = self._held
        if continuation.optimizer != doc.settings.optimizer or \
                _structure(doc.spec) != structure:
            return None
        now = doc.arrays
        if now.keys() != arrays.keys() or not all(
                _same(now[name], value) for name, value in arrays.items()):
            return None
        return continuation


def _same(now: np.ndarray, kept: np.ndarray) -> bool:
    """Whether the document's array ``now`` holds the values ``kept``: at once when both are
    the same array nobody can change (compared, 4 M weights took the GUI thread ~20 ms at
    each Train)."""
    mine = unchangeable(now)
    return (mine is not None and mine is unchangeable(kept)) or np.array_equal(now, kept)


def _structure(spec: NetworkSpec) -> Any:
    """The spec without what does not change the computation (positions, names)."""
    data = spec.to_dict()
    for node in data["nodes"]:
        node.pop("position", None)
        node.pop("name", None)
    return data
