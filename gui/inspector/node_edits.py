"""The Inspector's node edits, with a big change's new weights drawn on a worker thread.

New units on a 2000-unit layer draw millions of fresh weights (every connection in and out of
it): 0.1–0.25 s of the GUI thread at each step of the spin box. An edit that draws more than
:data:`BACKGROUND_DRAWS` weights draws them on a worker from a copy of the document's random
generator, and is pushed (one undoable command, as before) when they are ready; the document's
generator then goes on from where the copy ended, so the weights are the very ones the edit
would have drawn on the GUI thread. Edits are pushed in the order they were made: one made
while another is drawn waits its turn, and a scrub of the same field merges into the waiting
one. Whatever comes next and needs the document as the user left it — another edit, Undo or
Redo, Train, a save, New or Open asking to save — asks it to settle first
(``GraphDocument.settle_requested``): the edits under way then land at once, drawn here as they
always were, so Train trains the new network, Undo takes back this edit (not the one before
it), and nothing typed is lost. An edit still waiting when another project replaces this one
is dropped with the project it belonged to.
"""

from __future__ import annotations

import copy
from collections import deque
from typing import Any, NamedTuple

import numpy as np
from PySide6.QtCore import QObject, Signal, Slot

from core.engine import params
from core.spec import NetworkSpec
from gui.background import JobRun
from gui.document.arrays import frozen
from gui.document.commands import ChangeNodeCommand
from gui.document.document import GraphDocument

#: an edit that draws more new weights than this draws them on a worker thread (about 40 ms
#: of a loaded 2-core machine; 784-100-10's hidden layer going to 200 units draws 159,000)
BACKGROUND_DRAWS = 300_000


def frozen_all(arrays: params.Params) -> params.Params:
    """``arrays`` (new, never changed again) made read-only where they are, so the document
    takes them without a copy."""
    return {name: frozen(value, owned=True) for name, value in arrays.items()}


class Edit(NamedTuple):
    node_id: str
    changes: dict[str, Any]
    session: int


def draws(spec: NetworkSpec, edit: Edit) -> int:
    """How many weights ``edit`` draws afresh."""
    after = spec.with_node_changed(edit.node_id, **edit.changes)
    return sum(int(np.prod(params.weight_shape(after, edge)))
               for edge in params.redrawn_edges(spec, after, edit.node_id))


class NodeEdits(QObject):
    """Pushes :class:`ChangeNodeCommand` edits of ``doc`` in order, drawing a big one's
    weights on a worker first. ``settled`` when the last edit asked for has been pushed (or
    refused, or found to change nothing); the node's widgets follow the document then, not
    at each of the edits (:attr:`busy` meanwhile)."""

    settled = Signal()

    def __init__(self, doc: GraphDocument, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._doc = doc
        self._waiting: deque[Edit] = deque()
        self._job: JobRun | None = None
        self._drawing: tuple[Edit, NetworkSpec, dict] | None = None
        self._pushing = False
        doc.settle_requested.connect(self.flush)
        doc.about_to_reset.connect(self.cancel)

    @property
    def busy(self) -> bool:
        """Whether edits are under way: waiting for their weights (pushed when they are
        drawn), or being pushed."""
        return self._job is not None or bool(self._waiting) or self._pushing

    def _push(self, command: ChangeNodeCommand) -> None:
        self._pushing = True
        try:
            self._doc.push(command)
        finally:
            self._pushing = False

    def push(self, node_id: str, changes: dict[str, Any], session: int) -> None:
        edit = Edit(node_id, changes, session)
        last = self._waiting[-1] if self._waiting else None
        if last is not None and (last.node_id, last.changes.keys(), last.session) == (
                node_id, changes.keys(), session):
            self._waiting[-1] = edit  # a scrub: only where it ends counts
        else:
            self._waiting.append(edit)
        self._next()

    @Slot()
    def flush(self) -> None:
        """Land every edit under way now, drawn on this thread (the worker's draw, if any, is
        no longer waited for)."""
        if self._pushing or not self.busy:
            return
        if self._job is not None and self._drawing is not None:
            self._waiting.appendleft(self._drawing[0])
        self._job, self._drawing = None, None  # a late result is not this job's: ignored
        self._next(now=True)

    @Slot()
    def cancel(self) -> None:
        """Forget the edits under way (their document is being replaced)."""
        if not self.busy or self._pushing:
            return
        self._job, self._drawing = None, None
        self._waiting.clear()
        self.settled.emit()

    def _next(self, now: bool = False) -> None:
        doc = self._doc
        while self._job is None and self._waiting:
            edit = self._waiting.popleft()
            if not doc.spec.has_node(edit.node_id):
                continue  # deleted meanwhile (an undo of its creation)
            node = doc.spec.node(edit.node_id)
            edit = edit._replace(changes={k: v for k, v in edit.changes.items()
                                          if getattr(node, k) != v})
            if not edit.changes:
                continue
            if now or draws(doc.spec, edit) <= BACKGROUND_DRAWS:
                self._push(ChangeNodeCommand(doc, *edit))
            else:
                self._draw(edit)
        if not self.busy:
            self.settled.emit()

    def _draw(self, edit: Edit) -> None:
        doc = self._doc
        spec, arrays, rng = doc.spec, doc.arrays, copy.deepcopy(doc.rng)
        after = spec.with_node_changed(edit.node_id, **edit.changes)
        self._drawing = (edit, spec, doc.rng.bit_generator.state)

        def work(_cancelled: object) -> tuple[tuple[params.Params, list[str]], dict]:
            drawn, dropped = params.params_after_node_change(spec, after, edit.node_id,
                                                             arrays, rng)
            return (frozen_all(drawn), dropped), rng.bit_generator.state

        self._job = JobRun(self, work, "draw weights")  # i18n: not ui
        self._job.finished.connect(self._drawn)
        self._job.start()

    @Slot(object, str)
    def _drawn(self, result: object, _problem: str) -> None:
        if self.sender() is not self._job or self._drawing is None:
            return
        self._job = None
        (edit, spec, state), self._drawing = self._drawing, None
        doc = self._doc
        if result is None:  # failed: drawn here instead, to fail as it always did
            self._push(ChangeNodeCommand(doc, *edit))
        elif doc.spec is spec and doc.rng.bit_generator.state == state:
            drawn, doc.rng.bit_generator.state = result
            self._push(ChangeNodeCommand(doc, *edit, arrays=drawn))
        else:  # the network or the generator changed meanwhile: draw for them as they are
            self._waiting.appendleft(edit)
        self._next()
