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


def unchangeable(array: np.ndarray) -> np.ndarray | None:
    """The float64 array that owns its memory and that nobody can change which ``array`` is
    (itself, or a read-only view of all of it: what the document hands out); None if there
    is none. Such an array is safe to keep and share without a copy."""
    if array.dtype != np.float64 or array.flags.writeable:
        return None
    owner = array if array.base is None else array.base
    if not (isinstance(owner, np.ndarray) and owner.base is None and owner.dtype == np.float64
            and not owner.flags.writeable):
        return None
    same = owner is array or (owner.shape == array.shape and owner.strides == array.strides
                              and owner.ctypes.data == array.ctypes.data)
    return owner if same else None


def frozen(array: np.ndarray, owned: bool = False) -> np.ndarray:
    """A read-only float64 array of the document's own: one nobody can change already (its
    own back from an undo, or a read-only view of one: :func:`unchangeable`) is kept, not
    copied; with ``owned`` (new, never used elsewhere: weights drawn on a worker, a file just
    read) a float64 array is made read-only where it is."""
    kept = unchangeable(array)
    if kept is not None:
        return kept
    if owned and array.dtype == np.float64 and array.base is None:
        array.flags.writeable = False
        return array
    array = np.array(array, dtype=np.float64)
    array.flags.writeable = False
    return array


def copies(arrays: Params, owned: bool = False) -> Params:
    """``arrays`` as the document keeps them (:func:`frozen`)."""
    return {name: frozen(np.asarray(value), owned) for name, value in arrays.items()}
