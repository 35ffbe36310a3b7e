"""A weight matrix as a grid of coloured cells (blue positive, orange negative), with the value
of the cell under the mouse as a tooltip; and a layer fed by pixels as one small image per unit
(:func:`weight_mosaic`)."""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QT_TRANSLATE_NOOP, QPoint, QRect, QSize, Qt
from PySide6.QtGui import QColor, QImage, QMouseEvent, QPainter, QPaintEvent
from PySide6.QtWidgets import QSizePolicy, QToolTip, QWidget

from gui import theme
from gui.theme import diverging_rgb

HEIGHT = 180
LABELLED_CELL = 34  # cells at least this wide show their value
MOSAIC_PIXELS = 192
_WEIGHT_COLOURS = diverging_rgb(np.linspace(-1.0, 1.0, 256), 1.0).round().astype(np.uint8)
WEIGHTS_TIP = QT_TRANSLATE_NOOP(
    "HeatMap", "What each unit of this node has learned to look for: its incoming weights from "
    "the pixels, drawn as an image (blue positive, orange negative, each unit scaled to its "
    "largest weight). Updated live while training.")


def largest_magnitude(matrix: np.ndarray) -> float:
    """The largest finite |value| of ``matrix`` (0 when there is none). From its lowest and
    highest values when they are finite: |·| of all of a 2000×2000 matrix first made a copy
    of it (up to 0.1 s of the GUI thread at a selection)."""
    m = np.asarray(matrix, dtype=np.float64)
    if not m.size:
        return 0.0
    low, high = float(m.min()), float(m.max())
    if np.isfinite(low) and np.isfinite(high):
        return max(-low, high, 0.0)
    return float(np.max(np.abs(m), initial=0.0, where=np.isfinite(m)))


def diverging_image(matrix: np.ndarray, limit: float | None = None) -> QImage:
    """One pixel per entry, scaled to the largest magnitude (``limit``: of a whole matrix this
    is a part of): white 0, blue +, orange −."""
    m = np.atleast_2d(np.asarray(matrix, dtype=np.float64))
    rgb = diverging_rgb(m, largest_magnitude(m) if limit is None else limit)
    return rgb_image(rgb.astype(np.uint8))


def weight_mosaic(images: np.ndarray, pixels: int = MOSAIC_PIXELS) -> QImage:
    """A node's (units, rows, cols) weight images in [-1, 1] as one square picture: a tile per
    unit, row by row, blue for positive weights and orange for negative (a 256-colour table
    and one reshape: it is redrawn while training). A mosaic more than twice the picture's
    size is sampled at the picture's pixels instead of being built whole and scaled down, as
    a fast scaling would pick them: 2,000 units of 28×28 took the GUI thread 35–160 ms."""
    units, rows, cols = images.shape
    per_row = int(np.ceil(np.sqrt(units)))
    lines = int(np.ceil(units / per_row))
    height, width = lines * (rows + 1), per_row * (cols + 1)
    scale = min(pixels / height, pixels / width)
    if scale < 0.5:
        image = _sampled_mosaic(images, per_row, max(1, round(height * scale)),
                                max(1, round(width * scale)))
    else:
        index = np.full((lines * per_row, rows + 1, cols + 1), 128, dtype=np.uint8)  # white
        index[:units, 1:, 1:] = _colour_index(images)
        grid = index.reshape(lines, per_row, rows + 1, cols + 1).transpose(0, 2, 1, 3)
        small = rgb_image(_WEIGHT_COLOURS[grid.reshape(height, width)])
        image = small.scaled(pixels, pixels, Qt.AspectRatioMode.KeepAspectRatio,
                             Qt.TransformationMode.FastTransformation)
    image.setText("tooltip", WEIGHTS_TIP)
    return image


def _colour_index(values: np.ndarray) -> np.ndarray:
    """Weights in [-1, 1] as indices into the 256-colour table (128: white, 0)."""
    return np.rint((np.clip(values, -1, 1) + 1) * 127.5).astype(np.uint8)


def rgb_image(rgb: np.ndarray) -> QImage:
    """(h, w, 3) uint8 RGB as a picture of its own (a copy)."""
    data = np.ascontiguousarray(rgb)
    h, w = data.shape[:2]
    return QImage(data.data, w, h, 3 * w, QImage.Format.Format_RGB888).copy()


def _sampled_mosaic(images: np.ndarray, per_row: int, height: int, width: int) -> QImage:
    """The mosaic's pixels nearest to each of ``height`` × ``width`` picture pixels: each tile
    has a white line above and left of it, and the tiles after the last unit are white."""
    units, rows, cols = images.shape
    lines = -(-units // per_row)
    line, r = np.divmod(np.arange(height) * (lines * (rows + 1)) // height, rows + 1)
    column, c = np.divmod(np.arange(width) * (per_row * (cols + 1)) // width, cols + 1)
    unit = line[:, None] * per_row + column[None, :]
    white = (r[:, None] == 0) | (c[None, :] == 0) | (unit >= units)
    values = images[np.minimum(unit, units - 1), np.maximum(r - 1, 0)[:, None],
                    np.maximum(c - 1, 0)[None, :]]
    index = np.where(white, np.uint8(128), _colour_index(values))
    return rgb_image(_WEIGHT_COLOURS[index])


class HeatMap(QWidget):
    """Rows are the source units, columns the destination units."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._matrix = np.zeros((0, 0))
        self._limit = 0.0  # the colour scale: the matrix's largest finite |w|
        self._image: QImage | None = None
        #: the rows and columns (first, end) the image is of: those on screen
        self._image_cells: tuple[int, int, int, int] | None = None
        self._row_label = "row"
        self._col_label = "column"
        self.setMouseTracking(True)
        self.setMinimumSize(120, 120)
        self.setFixedHeight(HEIGHT)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)

    def set_matrix(self, matrix: np.ndarray, row_label: str = "row",
                   col_label: str = "column") -> None:
        self._matrix = np.atleast_2d(np.asarray(matrix, dtype=np.float64))
        self._limit = largest_magnitude(self._matrix)
        self._image, self._image_cells = None, None  # coloured when painted
        self._row_label, self._col_label = row_label, col_label
        self.update()

    def image(self) -> tuple[QImage, QRect] | None:
        """The coloured cells on screen and where they are drawn (None: no weights). A big
        matrix is drawn a pixel per cell, centred and cut at the edges: only the cells that
        show are coloured — colouring all of a 2000×2000 one held the window 0.4–2.5 s when
        the connection was selected, and again at each live update while training."""
        rows, cols = self._matrix.shape
        if not rows or not cols:
            return None
        target = self.cells_rect()
        shown = target.intersected(self.rect())
        cells = (0, rows, 0, cols)
        if shown != target and not shown.isEmpty():  # cut: whole cells of cell × cell pixels
            cell = target.width() // cols
            top, left = shown.top() - target.top(), shown.left() - target.left()
            cells = (top // cell, min(rows, -(-(top + shown.height()) // cell)),
                     left // cell, min(cols, -(-(left + shown.width()) // cell)))
        if self._image is None or self._image_cells != cells:
            i0, i1, j0, j1 = cells
            self._image = diverging_image(self._matrix[i0:i1, j0:j1], self._limit)
            self._image_cells = cells
        if cells == (0, rows, 0, cols):
            return self._image, target
        i0, i1, j0, j1 = cells
        cell = target.width() // cols
        return self._image, QRect(target.left() + j0 * cell, target.top() + i0 * cell,
                                  (j1 - j0) * cell, (i1 - i0) * cell)

    @property
    def matrix(self) -> np.ndarray:
        return self._matrix

    def sizeHint(self) -> QSize:
        return QSize(240, 200)

    def cells_rect(self) -> QRect:
        rows, cols = self._matrix.shape
        if not rows or not cols:
            return QRect()
        area = self.rect().adjusted(2, 2, -2, -2)
        cell = max(1, min(area.width() // cols, area.height() // rows, 56))
        width, height = cell * cols, cell * rows
        if width < 8 or height < 8:  # very wide or tall: stretch instead of square cells
            width, height = area.width(), min(area.height(), max(height, 40))
        return QRect(area.left() + (area.width() - width) // 2, area.top(), width, height)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        shown = self.image()
        if shown is None:
            painter.setPen(QColor(theme.MUTED_TEXT))
            painter.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter,
                             self.tr("no weights"))
            return
        painter.drawImage(shown[1], shown[0])
        target = self.cells_rect()
        painter.setPen(QColor(theme.BORDER))
        painter.drawRect(target.adjusted(0, 0, -1, -1))
        rows, cols = self._matrix.shape
        if target.width() / cols >= LABELLED_CELL and target.height() / rows >= 18:
            painter.setPen(QColor(theme.TEXT))
            for i in range(rows):
                for j in range(cols):
                    cell = QRect(target.left() + j * target.width() // cols,
                                 target.top() + i * target.height() // rows,
                                 target.width() // cols, target.height() // rows)
                    painter.drawText(cell, Qt.AlignmentFlag.AlignCenter,
                                     f"{self._matrix[i, j]:.2g}")

    def cell_at(self, pos: QPoint) -> tuple[int, int] | None:
        target = self.cells_rect()
        if not target.contains(pos):
            return None
        rows, cols = self._matrix.shape
        i = min(rows - 1, (pos.y() - target.top()) * rows // max(target.height(), 1))
        j = min(cols - 1, (pos.x() - target.left()) * cols // max(target.width(), 1))
        return int(i), int(j)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        cell = self.cell_at(event.position().toPoint())
        if cell is None:
            QToolTip.hideText()
            return
        i, j = cell
        QToolTip.showText(event.globalPosition().toPoint(),
                          self.tr("w[{i},{j}] = {value}<br>from {src} unit {a} to {dst} unit "
                                  "{b}").format(i=i, j=j, value=f"{self._matrix[i, j]:.4g}",
                                                src=self._row_label, a=i + 1,
                                                dst=self._col_label, b=j + 1), self)
