"""The document's arrays: read-only and its own, so they are shared instead of copied.

The document swaps a changed array for a new one and never writes into one in place, so a
project snapshot (a save in the background, Explain's worker), an undo entry and the training
frames can all hold the same arrays. An array nobody can change any more is kept as it is —
copying a 2000-unit layer's weights took the GUI thread 0.1–0.25 s at every edit.
"""

from __future__ import annotations

import numpy as np

from core.engine.params import Params


def read_only(array: np.ndarray) -> np.ndarray:
    """A read-only view of ``array`` (what the document hands out)."""
    view = array.view()
    view.flags.writeable = False
    return view


def frozen(array: np.ndarray, owned: bool = False) -> np.ndarray:
    """A read-only float64 array of the document's own: one nobody can change already (its
    own back from an undo) is kept, not copied; with ``owned`` (new, never used elsewhere:
    weights drawn on a worker) a float64 array is made read-only where it is."""
    if array.dtype == np.float64 and array.base is None:
        if not array.flags.writeable:
            return array
        if owned:
            array.flags.writeable = False
            return array
    array = np.array(array, dtype=np.float64)
    array.flags.writeable = False
    return array


def copies(arrays: Params) -> Params:
    """``arrays`` as the document keeps them (:func:`frozen`)."""
    return {name: frozen(np.asarray(value)) for name, value in arrays.items()}
