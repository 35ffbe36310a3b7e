"""Colour scales for values (blue positive, orange negative) and classes, as NumPy RGB arrays.

One place for the colours of weights, heat maps and decision regions, so they always agree.
"""

from __future__ import annotations

import numpy as np

from gui.canvas import style

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


def grid_rgb(values: np.ndarray, classification: bool) -> np.ndarray:
    """(…, 3) float RGB for a network's output over a grid, ``values`` of shape (…, outputs):
    one sigmoid unit blue/orange by probability, several classes in their class colours
    (paler where the network is unsure), regression blue/orange by value."""
    if classification and values.shape[-1] == 1:
        p = np.clip(values[..., 0], 0.0, 1.0) * 2 - 1  # probability of class 1 → [-1, 1]
        return diverging_rgb(p, 1.0, soft=0.55)
    if classification:
        palette = class_colors(values.shape[-1])
        confidence = np.nan_to_num(values.max(axis=-1, keepdims=True))
        return 255 - (255 - palette[np.nan_to_num(values).argmax(axis=-1)]) * (
            0.25 + 0.5 * confidence)
    finite = np.abs(values[np.isfinite(values)])
    limit = float(finite.max()) if finite.size else 1.0
    return diverging_rgb(values[..., 0], limit or 1.0, soft=0.7)
