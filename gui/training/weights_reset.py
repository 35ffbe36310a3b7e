"""Reset weights: the seed's starting weights, drawn on a worker thread for a big network.

Drawing 2-2000-2000-2's four million starting weights (and copying them out of the network)
held the GUI thread 60–460 ms on a loaded 2-core machine. A network of more weights than
:data:`BACKGROUND_WEIGHTS` has them drawn on a worker; they are pushed (the same one undoable
edit) when ready. Whatever needs the document as the user left it first — an edit, Undo or
Redo, Train, a save — asks it to settle (``GraphDocument.settle_requested``): a reset still
being drawn then lands at once, drawn on this thread, so it always comes before what follows.
The seed's weights do not depend on the document's generator: the same ones either way.
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
from PySide6.QtCore import QObject, Slot

from core import build
from core.engine.params import Params, shapes
from core.spec import NetworkSpec
from gui.background import JobRun
from gui.document.arrays import copies
from gui.document.document import GraphDocument

#: a network with more weights than this has its reset drawn on a worker thread
BACKGROUND_WEIGHTS = 300_000


def seed_weights(spec: NetworkSpec, seed: int, names: set[str]) -> Params:
    """The weights, biases and statistics ``spec`` starts with from ``seed`` (those named),
    read-only and new (:func:`gui.document.arrays.copies`: the document keeps them as they
    are)."""
    network = build(spec, seed=seed, dtype=np.float64)
    return copies({k: v for k, v in {**network.params, **network.state}.items() if k in names})


class WeightsReset(QObject):
    """Resets ``doc``'s weights through ``push(arrays)`` (the undoable edit), at once for a
    small network, else once a worker has drawn them."""

    def __init__(self, doc: GraphDocument, push: Callable[[Params], None],
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._doc = doc
        self._push = push
        self._job: JobRun | None = None
        self._asked: tuple[NetworkSpec, int, set[str]] | None = None
        doc.settle_requested.connect(self.flush)
        doc.about_to_reset.connect(self.cancel)

    @property
    def busy(self) -> bool:
        """Whether a reset is asked for and not pushed yet."""
        return self._asked is not None

    def start(self, spec: NetworkSpec, seed: int) -> None:
        """Reset to ``seed``'s weights for ``spec`` (the document's network now)."""
        names = {name for name in self._doc.arrays}
        self._asked = spec, seed, names
        if sum(int(np.prod(shape)) for shape in shapes(spec).values()) <= BACKGROUND_WEIGHTS:
            self.flush()
            return
        self._job = JobRun(self, lambda _cancelled: seed_weights(spec, seed, names),
                           "reset weights")  # i18n: not ui
        self._job.finished.connect(self._drawn)
        self._job.start()

    @Slot()
    def flush(self) -> None:
        """Push a reset still being drawn now, drawn here (the worker's result is ignored)."""
        if self._asked is None:
            return
        (spec, seed, names), self._asked, self._job = self._asked, None, None
        self._push(seed_weights(spec, seed, names))

    @Slot()
    def cancel(self) -> None:
        """Forget a reset under way (its document is being replaced)."""
        self._asked, self._job = None, None

    @Slot(object, str)
    def _drawn(self, result: object, _problem: str) -> None:
        if self.sender() is not self._job or self._asked is None:
            return
        if result is None or self._doc.spec is not self._asked[0]:
            self.flush()  # failed, or (never, as edits settle first) another network now
            return
        self._asked, self._job = None, None
        self._push(result)
