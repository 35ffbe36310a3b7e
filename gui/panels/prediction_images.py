"""The predictions as pictures: the output over the input plane with the data points (the
output node's thumbnail), a hidden node's units over the plane or its incoming weights as
images, and a data row's image for a table cell."""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QImage, QPainter, QPen, QPixmap

from gui.document.predictions import Predictions
from gui.inspector.heatmap import weight_mosaic
from gui.theme import class_colors, diverging_rgb, grid_rgb

THUMBNAIL_PIXELS = 192
ROW_IMAGE_PIXELS = 28


def boundary_image(result: Predictions, pixels: int = THUMBNAIL_PIXELS) -> QImage | None:
    """The output over the input plane (blue/orange by class or value) with the data points."""
    grid = result.grid
    if grid is None or grid.ys is None:
        return None
    classification = result.task == "classification"
    rgb = grid_rgb(grid.values, classification, None if classification else grid.first_range)
    rgb = np.ascontiguousarray(np.flipud(rgb).astype(np.uint8))  # y grows upwards
    h, w = rgb.shape[:2]
    small = QImage(rgb.data, w, h, 3 * w, QImage.Format.Format_RGB888).copy()
    image = small.scaled(pixels, pixels, Qt.AspectRatioMode.IgnoreAspectRatio,
                         Qt.TransformationMode.SmoothTransformation)
    if result.points is not None:
        _draw_points(image, result, grid.xs, grid.ys)
    return image


def unit_images(values: np.ndarray, pixels: int = THUMBNAIL_PIXELS) -> QImage:
    """A hidden node's units side by side in a square grid of tiles, each unit's activation
    over the input plane from orange (its lowest) to blue (its highest)."""
    units = values.shape[-1]
    cols = int(np.ceil(np.sqrt(units)))
    rows = int(np.ceil(units / cols))
    tile = pixels // cols
    image = QImage(pixels, pixels, QImage.Format.Format_RGB888)
    image.fill(QColor("white"))
    painter = QPainter(image)
    for k in range(units):
        v = np.nan_to_num(values[..., k])
        low, high = float(v.min()), float(v.max())
        centred = (v - (low + high) / 2) / ((high - low) / 2 or 1.0)
        rgb = np.ascontiguousarray(np.flipud(diverging_rgb(centred, 1.0, soft=0.8))
                                   .astype(np.uint8))
        h, w = rgb.shape[:2]
        small = QImage(rgb.data, w, h, 3 * w, QImage.Format.Format_RGB888)
        gap = 2 if units > 1 else 0
        target = QRectF((k % cols) * tile + gap / 2, (k // cols) * tile + gap / 2
                        + (pixels - rows * tile) / 2, tile - gap, tile - gap)
        painter.drawImage(target, small)
    painter.end()
    return image


def node_images(result: Predictions) -> dict[str, QImage]:
    """The hidden nodes' thumbnails: units over the plane, or weights as images."""
    images = {node_id: unit_images(values) for node_id, values in result.node_grids.items()}
    images.update({node_id: weight_mosaic(tiles)
                   for node_id, tiles in result.weight_images.items()})
    return images


def row_pixmap(image: np.ndarray) -> QPixmap:
    """One (rows, cols) uint8 image as a small grey picture for a table cell."""
    grey = np.ascontiguousarray(image, dtype=np.uint8)
    rows, cols = grey.shape
    small = QImage(grey.data, cols, rows, cols, QImage.Format.Format_Grayscale8)
    scale = max(1, ROW_IMAGE_PIXELS // max(rows, cols))  # whole pixels: sharp and exact
    return QPixmap.fromImage(small.scaled(cols * scale, rows * scale))


def _draw_points(image: QImage, result: Predictions, xs: np.ndarray, ys: np.ndarray) -> None:
    x, y = result.points
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(QPen(QColor("white"), 0.8))
    size = image.width()
    sx = (x[:, 0] - xs[0]) / (xs[-1] - xs[0]) * size
    sy = (1 - (x[:, 1] - ys[0]) / (ys[-1] - ys[0])) * size
    if result.task == "classification":
        palette = class_colors(max(result.n_classes, 2))
        colors = [QColor(*palette[int(c)]) for c in y]
    else:
        limit = float(np.abs(y).max()) or 1.0
        colors = [QColor(*diverging_rgb(np.array([v]), limit)[0]) for v in np.ravel(y)]
    radius = 7.0 if len(x) <= 16 else 3.5
    for px, py, color in zip(sx, sy, colors, strict=False):
        painter.setBrush(QBrush(color))
        painter.drawEllipse(QPointF(px, py), radius, radius)
    painter.end()
