"""The gallery's parts that only paint: the grid of image tiles and the probability bars of
the clicked image (:mod:`gui.training.plots.gallery` feeds them).

A tile's caption is ``true → predicted``. Digits fit under a 28×28 image on one line; class
names such as Fashion-MNIST's ("Ankle boot → T-shirt/top") do not, and each caption was cut at
its tile's edges ("aker → s → Tro"): then the true class takes one line and ``→ predicted`` the
next, and the tiles are as wide as the longest name (:meth:`TileGrid.fit_names`)."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
from PySide6.QtCore import QEvent, QPoint, QRect, QRectF, QSize, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QFocusEvent,
    QHelpEvent,
    QImage,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPen,
    QResizeEvent,
    QWheelEvent,
)
from PySide6.QtWidgets import QSizePolicy, QToolTip, QWidget

from core.i18n import _ as core_tr
from gui import theme
from gui.focus_keys import GRID_KEYS, claims
from gui.i18n import translate
from gui.widgets import draw_focus_frame

TILE_PIXELS = 40  # an image is scaled by a whole factor to about this size
LABEL_HEIGHT = 15
GAP = 4
MAX_TILES = 200
ARROW = " → "  # between the true and the predicted class in a caption
MAX_CAPTION_WIDTH = 130  # longer names are elided (the tile's tooltip has them whole)


def tile_image(image: np.ndarray) -> QImage:
    """A (rows, cols) uint8 image as a grey QImage (copied: the array may go)."""
    rows, cols = image.shape
    return QImage(np.ascontiguousarray(image).data, cols, rows, cols,
                  QImage.Format.Format_Grayscale8).copy()


class TileGrid(QWidget):
    """The tiles, painted by one widget: image, then ``true → predicted`` under it (red when
    wrong, and a red frame round the image). It takes the focus (Tab): the arrow keys, Home
    and End choose a tile as a click does — the gallery could be used only with the mouse —
    and a screen reader is told the chosen tile's caption."""

    clicked = Signal(int)  # the tile's index in the shown order
    # a key asked for the tile this far from the first shown, outside those shown (the
    # gallery scrolls to it); True for Page Up and Page Down, which stop on the first and
    # last image
    stepped_out = Signal(int, bool)
    wheeled = Signal(QWheelEvent)  # the gallery scrolls by rows of tiles
    resized = Signal()  # another number of tiles may fit

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.images: list[QImage] = []
        self.captions: list[tuple[str, bool]] = []
        self.selected = -1
        self.scale = 1
        self.image_size = QSize(0, 0)
        self.caption_lines = 1  # 2: the true class, then "→ predicted" below it
        self.caption_width = 0  # the widest caption line of the class names, in pixels
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumSize(64, 80)  # a tile; narrow panels need the width for the plots
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)

    def set_image_shape(self, rows: int, cols: int) -> None:
        self.scale = max(1, round(TILE_PIXELS / max(rows, cols)))
        self.image_size = QSize(cols * self.scale, rows * self.scale)

    def fit_names(self, names: Sequence[str]) -> None:
        """Size the captions for these class names (shown as they are): one line while the
        longest ``true → predicted`` fits under the image, else two lines, the tiles as wide
        as the longest line (at most :data:`MAX_CAPTION_WIDTH`)."""
        metrics = self.fontMetrics()
        widest = max((metrics.horizontalAdvance(name) for name in names), default=0)
        room = max(self.image_size.width(), 40)
        one_line = 2 * widest + metrics.horizontalAdvance(ARROW)
        self.caption_lines = 1 if one_line <= room else 2
        width = one_line if self.caption_lines == 1 else (
            widest + metrics.horizontalAdvance(ARROW.lstrip()))
        self.caption_width = min(width, MAX_CAPTION_WIDTH)
        self.update()

    def label_height(self) -> int:
        """The caption's height under the image: a line of text each."""
        return self.caption_lines * max(LABEL_HEIGHT, self.fontMetrics().height())

    def tile_size(self) -> QSize:
        return QSize(max(self.image_size.width(), 40, self.caption_width) + GAP,
                     self.image_size.height() + self.label_height() + GAP)

    def caption_rows(self, caption: str) -> list[str]:
        """The caption's lines as drawn: ``true → predicted``, or the true class and
        ``→ predicted`` below it."""
        if self.caption_lines == 1 or ARROW not in caption:
            return [caption]
        true, predicted = caption.split(ARROW, 1)
        return [true, ARROW.lstrip() + predicted]

    def columns(self) -> int:
        """Tiles per row at the widget's width now."""
        return max(self.width() // max(self.tile_size().width(), 1), 1)

    def capacity(self) -> int:
        """How many tiles fit the widget now (whole rows)."""
        size = self.tile_size()
        if size.width() <= GAP:
            return 0
        rows = max(self.height() // size.height(), 1)
        cols = self.columns()
        return min(cols * rows, MAX_TILES // cols * cols)

    def tile_rect(self, k: int) -> QRect:
        """Where tile ``k`` is drawn (its image and caption): in a grid narrower than a tile,
        as wide as the grid (its caption elided there, whole in its tooltip)."""
        size = self.tile_size()
        cols = self.columns()
        return QRect((k % cols) * size.width(), (k // cols) * size.height(),
                     min(size.width(), max(self.width(), 1)), size.height())

    def set_tiles(self, images: list[QImage], captions: list[tuple[str, bool]],
                  selected: int) -> None:
        self.images, self.captions, self.selected = images, captions, selected
        self.setAccessibleDescription(captions[selected][0] if 0 <= selected < len(captions)
                                      else "")
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.fillRect(self.rect(), QColor("white"))
        wrong_pen = QPen(QColor(theme.NEGATIVE), 2)
        for k, (image, (caption, wrong)) in enumerate(zip(self.images, self.captions,
                                                          strict=True)):
            cell = self.tile_rect(k)
            target = QRect(cell.left() + (cell.width() - self.image_size.width()) // 2,
                           cell.top() + GAP // 2, self.image_size.width(),
                           self.image_size.height())
            painter.drawImage(target, image)
            if wrong or k == self.selected:
                painter.setPen(QPen(QColor(theme.POSITIVE), 3) if k == self.selected
                               else wrong_pen)
                painter.drawRect(target.adjusted(-1, -1, 0, 0))
            painter.setPen(QColor(theme.NEGATIVE if wrong else theme.MUTED_TEXT))
            metrics = painter.fontMetrics()
            line = self.label_height() // self.caption_lines
            for n, text in enumerate(self.caption_rows(caption)):
                text = metrics.elidedText(text, Qt.TextElideMode.ElideRight, cell.width())
                painter.drawText(QRect(cell.left(), target.bottom() + 1 + n * line,
                                       cell.width(), line), Qt.AlignmentFlag.AlignCenter, text)
        if self.hasFocus():  # where the keys are, as the canvas shows its focus
            draw_focus_frame(painter, self, self.rect())
        painter.end()

    def event(self, event: QEvent) -> bool:
        """A tile's tooltip: its caption whole (an elided one's too); the tile keys kept from
        the window's shortcuts while the grid has the focus."""
        # the event's kind first: Qt sends events to a grid whose Python state the collector
        # may have cleared already (a panel torn down in a later test), and only a key's
        # ShortcutOverride needs the tiles
        if claims(event, GRID_KEYS) and self.images:
            event.accept()
            return True
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            k = self.tile_at(event.pos())
            if k >= 0:
                QToolTip.showText(event.globalPos(), self.captions[k][0], self)
            else:
                QToolTip.hideText()
            return True
        return super().event(event)

    def tile_at(self, point: QPoint) -> int:
        """The index of the tile under ``point`` (-1: none)."""
        return next((k for k in range(len(self.images)) if self.tile_rect(k).contains(point)),
                    -1)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.resized.emit()

    def wheelEvent(self, event: QWheelEvent) -> None:
        self.wheeled.emit(event)
        event.accept()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """← → ↑ ↓ the tile beside, above or below the chosen one (none chosen: the first),
        Page Up and Page Down a screenful of rows up or down, Home and End the first and last
        tile shown; past the tiles shown, :attr:`stepped_out` asks the gallery to scroll."""
        key, count, cols = event.key(), len(self.images), self.columns()
        page = max(self.capacity() // cols, 1) * cols
        steps = {Qt.Key.Key_Left: -1, Qt.Key.Key_Right: 1, Qt.Key.Key_Up: -cols,
                 Qt.Key.Key_Down: cols, Qt.Key.Key_PageUp: -page, Qt.Key.Key_PageDown: page}
        if key not in GRID_KEYS or not count:
            super().keyPressEvent(event)
            return
        if key in (Qt.Key.Key_Home, Qt.Key.Key_End):
            k = 0 if key == Qt.Key.Key_Home else count - 1
        else:
            k = 0 if self.selected < 0 else self.selected + steps[key]
        if 0 <= k < count and k != self.selected:
            self.clicked.emit(k)
        elif not 0 <= k < count:
            self.stepped_out.emit(k, key in (Qt.Key.Key_PageUp, Qt.Key.Key_PageDown))
        event.accept()

    def focusInEvent(self, event: QFocusEvent) -> None:
        super().focusInEvent(event)
        self.update()

    def focusOutEvent(self, event: QFocusEvent) -> None:
        super().focusOutEvent(event)
        self.update()

    def mousePressEvent(self, event: QMouseEvent) -> None:
        k = self.tile_at(event.position().toPoint())
        if k >= 0:
            self.clicked.emit(k)
        super().mousePressEvent(event)


class ProbabilityBars(QWidget):
    """The output units of one image as bars, one row per class: the predicted class in blue,
    the true class's name in bold."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.values = np.zeros(0)
        self.names: tuple[str, ...] = ()
        self.truth = self.predicted = -1
        # 200 px when the panel has them; down to 120 beside three other panels, where the
        # plots beside the gallery need the width more
        self.setMinimumWidth(120)
        self.setMaximumWidth(200)

    def sizeHint(self) -> QSize:
        return QSize(200, super().sizeHint().height())

    def set_values(self, values: np.ndarray, names: tuple[str, ...], truth: int,
                   predicted: int) -> None:
        self.values, self.names, self.truth, self.predicted = values, names, truth, predicted
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        n = len(self.values)
        if not n:
            painter.setPen(QColor(theme.MUTED_TEXT))
            painter.drawText(self.rect().adjusted(4, 4, -4, -4), Qt.TextFlag.TextWordWrap,
                             translate("ImageGallery", "Click an image to see the network's output "
                                                "for it."))
            painter.end()
            return
        metrics = painter.fontMetrics()
        names = [core_tr(self.names[k]) if k < len(self.names) else str(k) for k in range(n)]
        label_width = max(metrics.horizontalAdvance(name) for name in names) + 6
        painter.setPen(QColor(theme.TEXT))
        title = metrics.height() + 4
        painter.drawText(QRectF(0, 0, self.width(), title), Qt.AlignmentFlag.AlignLeft,
                         translate("ImageGallery", "true {true}, predicted {predicted}").format(
                             true=names[self.truth], predicted=names[self.predicted]))
        row = min(max((self.height() - title) // n, 10), 22)
        width = self.width() - label_width - 40
        top = max(float(np.max(self.values)), 1.0)
        font = painter.font()
        for k, value in enumerate(self.values):
            y = title + k * row
            font.setBold(k == self.truth)
            painter.setFont(font)
            painter.setPen(QColor(theme.TEXT))
            painter.drawText(QRectF(0, y, label_width - 4, row), Qt.AlignmentFlag.AlignRight
                             | Qt.AlignmentFlag.AlignVCenter, names[k])
            color = QColor(theme.POSITIVE if k == self.predicted else theme.BORDER)
            bar = max(float(value), 0.0) / top * width
            painter.fillRect(QRectF(label_width, y + 2, bar, row - 4), color)
            painter.drawText(QRectF(label_width + bar + 3, y, 40, row),
                             Qt.AlignmentFlag.AlignVCenter, f"{value:.2f}")
        painter.end()
