"""The predictions as pictures: the output over the input plane with the data points (the
output node's thumbnail), a hidden node's units over the plane or its incoming weights as
images, and a data row's image for a table cell."""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QBrush, QColor, QImage, QPainter, QPen, QPixmap

from core.spec import NetworkSpec
from gui.document.predictions import Predictions
from gui.inspector.heatmap import rgb_image, weight_mosaic
from gui.theme import class_colors, diverging_rgb, grid_rgb

THUMBNAIL_PIXELS = 192
TILE_GAP = 2  # pixels of white between two units' tiles
ROW_IMAGE_PIXELS = 28


def boundary_image(result: Predictions, pixels: int = THUMBNAIL_PIXELS) -> QImage | None:
    """The output over the input plane (blue/orange by class or value) with the data points."""
    grid = result.grid
    if grid is None or grid.ys is None:
        return None
    classification = result.task == "classification"
    rgb = grid_rgb(grid.values, classification, None if classification else grid.first_range)
    small = rgb_image(np.flipud(rgb).astype(np.uint8))  # y grows upwards
    image = small.scaled(pixels, pixels, Qt.AspectRatioMode.IgnoreAspectRatio,
                         Qt.TransformationMode.SmoothTransformation)
    if result.points is not None:
        _draw_points(image, result, grid.xs, grid.ys)
    return image


#: a unit's colours from orange (−1) through white (0, index UNIT_WHITE) to blue (+1), kept
#: lighter (backgrounds under points)
UNIT_WHITE = 127
_UNIT_COLOURS = diverging_rgb(np.arange(2 * UNIT_WHITE + 1) / UNIT_WHITE - 1, 1.0,
                              soft=0.8).round().astype(np.uint8)


def unit_images(grids: dict[str, np.ndarray]) -> dict[str, QImage]:
    """Each hidden node's units over the input plane (``grids``: node id → (ny, nx, units)),
    side by side in a square grid of tiles, each unit from orange (its lowest) to blue (its
    highest). Every node's units are coloured in one pass over all of them, and the tiles laid
    out with NumPy: a picture of its own per unit, painted node by node, took 1.3 ms a node —
    0.4 s of the GUI thread at every refresh of a chain of 300 one-unit nodes."""
    if not grids:
        return {}
    values = np.nan_to_num(np.concatenate(list(grids.values()), axis=-1))
    low, high = values.min(axis=(0, 1)), values.max(axis=(0, 1))
    half = (high - low) / 2
    half[half == 0] = 1.0  # a unit of one value everywhere: white
    centred = (values - (low + high) / 2) / half
    # each unit's tile, rows flipped (y grows upwards), as indices into _UNIT_COLOURS
    tiles = _unit_index(centred)[::-1].transpose(2, 0, 1)
    images: dict[str, QImage] = {}
    start = 0
    for node_id, grid in grids.items():
        units = grid.shape[-1]
        images[node_id] = rgb_image(_UNIT_COLOURS[_tiled(tiles[start:start + units])])
        start += units
    return images


def _unit_index(centred: np.ndarray) -> np.ndarray:
    """Values in [-1, 1] as indices into :data:`_UNIT_COLOURS` (not a number: white)."""
    return np.rint((np.clip(np.nan_to_num(centred), -1, 1) + 1) * UNIT_WHITE).astype(np.uint8)


def _tiled(tiles: np.ndarray, pixels: int = THUMBNAIL_PIXELS) -> np.ndarray:
    """(units, h, w) tiles as one square picture: one tile alone as it is (the canvas scales
    it); several in a square grid of ``pixels``, row by row, each scaled to its cell less a
    white line around it, the rows centred."""
    units, h, w = tiles.shape
    if units == 1:
        return tiles[0]
    cols = int(np.ceil(np.sqrt(units)))
    rows = -(-units // cols)
    cell = pixels // cols
    size = cell - TILE_GAP
    ys, xs = np.arange(size) * h // size, np.arange(size) * w // size  # nearest pixels
    picture = np.full((pixels, pixels), UNIT_WHITE, dtype=np.uint8)
    top = (pixels - rows * cell) // 2 + TILE_GAP // 2
    for k in range(units):
        y, x = top + (k // cols) * cell, (k % cols) * cell + TILE_GAP // 2
        picture[y:y + size, x:x + size] = tiles[k][ys[:, None], xs]
    return picture


def node_images(result: Predictions, spec: NetworkSpec) -> dict[str, QImage]:
    """The thumbnails of ``spec``'s nodes (the network predicted): the hidden nodes' units
    over the plane or weights as images, and the output over the plane under a single output
    node. QImages only: they may be made on a worker thread."""
    images = unit_images(result.node_grids)
    images.update({node_id: weight_mosaic(tiles)
                   for node_id, tiles in result.weight_images.items()})
    outputs = spec.nodes_of_kind("output")
    output_image = boundary_image(result)
    if len(outputs) == 1 and output_image is not None:
        images[outputs[0].id] = output_image
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
