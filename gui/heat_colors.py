"""Colour scales for values (blue positive, orange negative) and classes, as NumPy RGB arrays.

One place for the colours of weights, heat maps and decision regions, so they always agree.
"""

from __future__ import annotations

import numpy as np

from .canvas import style

WHITE = np.array([255.0, 255.0, 255.0])
#: class 0 orange and class 1 blue (the weight colours), then distinct hues
CLASS_HEX = ("#f76707", "#1c7ed6", "#37b24d", "#ae3ec9", "#f59f00", "#0c8599", "#e64980",
             "#5c940d", "#364fc7", "#862e9c")


def _rgb(color: object) -> np.ndarray:
    return np.array(color.getRgb()[:3], dtype=np.float64)


def diverging_rgb(values: np.ndarray, limit: float, soft: float = 1.0) -> np.ndarray:
    """(…, 3) float RGB: white at 0, full blue at +limit, full orange at −limit.

    ``soft`` < 1 keeps the strongest colour lighter (for backgrounds under points)."""
    t = np.clip(np.nan_to_num(np.asarray(values, dtype=np.float64)) / (limit or 1.0), -1, 1)
    t = t[..., None] * soft
    pos, neg = _rgb(style.POSITIVE), _rgb(style.NEGATIVE)
    return np.where(t >= 0, WHITE + (pos - WHITE) * t, WHITE + (neg - WHITE) * (-t))


def class_colors(n: int) -> np.ndarray:
    """(n, 3) float RGB, one colour per class (cycling after ten)."""
    hexes = [CLASS_HEX[k % len(CLASS_HEX)].lstrip("#") for k in range(n)]
    return np.array([[int(h[i:i + 2], 16) for i in (0, 2, 4)] for h in hexes], dtype=np.float64)
