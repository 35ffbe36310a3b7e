"""Weights shown for a while instead of the document's own, without editing the document (the
training timeline shows an earlier epoch): the canvas, the predictions and Explain draw them;
saving, commands and training keep using the document's own arrays. An edit of the values on
show (``acts_on_shown``: a typed weight, Explain's SGD step) is refused meanwhile, in the words
kept here: it would change weights other than those the user sees."""

from __future__ import annotations

import numpy as np

from core.engine.params import Params
from gui.document.arrays import copies


class ShownWeights:
    """The arrays on show in place of a document's own, and why an edit of them is refused."""

    def __init__(self) -> None:
        self.arrays: Params = {}
        self._refusal = ""

    @property
    def refusal(self) -> str:
        """Why an edit of the values on show is refused ("" when none are shown)."""
        return self._refusal if self.arrays else ""

    def replace(self, arrays: Params | None, refusal: str, own: Params) -> list[str]:
        """Show ``arrays`` — those of ``own`` (the document's) with the same shapes, the rest
        left out — or none; returns the names shown before or now (their views redraw)."""
        old = self.arrays
        self._refusal = refusal
        # kept as they are when nobody can change them (a replayed frame's, converted on its
        # worker: copying 2-2000-2000-2's here held the window 0.1 s at each step back)
        self.arrays = copies({k: v for k, v in (arrays or {}).items()
                              if k in own and np.shape(v) == own[k].shape})
        return sorted({*old, *self.arrays})
