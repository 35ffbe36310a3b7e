"""Numbers read from files: whether one is finite as a float.

A whole number in JSON has no size limit: one of 400 digits for a rate or a position is read
as a Python int and then overflows ``float()`` (a traceback where a sentence was due).
"""

from __future__ import annotations

import math


def finite(value: float) -> bool:
    """Whether ``value`` is a finite number as a float (NaN, ±inf and a whole number too big
    for a float are not)."""
    try:
        return math.isfinite(value)
    except OverflowError:
        return False
