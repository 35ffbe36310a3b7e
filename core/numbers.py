"""Numbers read from files: whether one can be used, and, when it cannot, why in words.

A whole number in JSON has no size limit: one of 400 digits for a rate or a position is read
as a Python int and then overflows ``float()`` (a traceback where a sentence was due).

The one owner of the words for a number that cannot be used: the project's settings, its data
reference and its network, a CSV cell and the trainer's rate all say them (the data reference
said "is too large a number" where the settings said "is not a finite number" for the same
400 digits). Too large — a whole number no float holds, or infinity — is said as the window
says a typed "1e400" (:func:`gui.widgets.typed_overflow`); NaN or text is "not a number".
"""

from __future__ import annotations

import math

from core.i18n import _

#: the largest seed a project may hold, for its training or for a built-in data set (NumPy's
#: 32-bit seeds; a data set's seed of 400 digits was taken, and spelt out in its source)
MAX_SEED = 2**32 - 1
#: the longest text of a value said in a message (a list or a name pasted by mistake)
SHOWN_CHARS = 40


def finite(value: float) -> bool:
    """Whether ``value`` is a finite number as a float (NaN, ±inf and a whole number too big
    for a float are not)."""
    try:
        return math.isfinite(value)
    except OverflowError:
        return False


def number_problem(name: str, value: object) -> str | None:
    """Why ``value`` of the field ``name`` is not a number that can be used, in words; None
    when it is one (an int or a float, finite as a float; a bool is no number)."""
    if isinstance(value, bool) or not isinstance(value, int | float) or (
            isinstance(value, float) and math.isnan(value)):
        return _("{name} must be a number, not {value}").format(name=name, value=shown(value))
    if not finite(value):
        return too_large(name)
    return None


def whole_problem(name: str, value: object, low: int, high: int) -> str | None:
    """Why ``value`` of the field ``name`` is not a whole number from ``low`` to ``high``, in
    words (one sentence for the wrong kind and the wrong size); None when it is one."""
    if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
        return _("{name} must be a whole number from {low:,} to {high:,}, not {value}").format(
            name=name, low=low, high=high, value=shown(value))
    return None


def too_large(name: str) -> str:
    """``name`` (a field, or the text a number was read from) is a number no float holds."""
    return _("{name} is too large a number").format(name=name)


def shown(value: object) -> str:
    """``value`` as a message shows it: NaN as JSON writes it, anything longer than
    :data:`SHOWN_CHARS` cut short (a whole number of 400 digits filled the dialog)."""
    if isinstance(value, float) and math.isnan(value):
        return "NaN"  # i18n: not ui (as JSON and the window write it, in every language)
    text = repr(value)
    return text if len(text) <= SHOWN_CHARS else text[:SHOWN_CHARS - 1] + "…"
