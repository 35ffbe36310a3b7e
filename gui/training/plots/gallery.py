"""The image gallery of the output panel: held-out images with their true and predicted class,
the wrong ones first; a class filter; a click shows that image's output probabilities.

The worker classified the rows with the frame (:class:`~gui.training.frames.Evaluation` keeps
each row's class and outputs); here they are only ordered (:func:`core.datasets.images.wrong_first`)
and drawn. The images are the raw pixels of the same rows, found once per run by splitting as
the trainer split (:func:`core.datasets.images.part_rows`); each becomes a uint8 QImage when
it is first shown (all 2,000 at once took over 100 ms of the GUI thread at MNIST's size).
"""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QRect, QRectF, QSize, Qt, Signal, Slot
from PySide6.QtGui import (
    QColor,
    QImage,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPen,
    QResizeEvent,
)
from PySide6.QtWidgets import (
    QButtonGroup,
    QHBoxLayout,
    QSizePolicy,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from core.datasets import Dataset
from core.datasets.images import (
    dataset_image_shape,
    part_rows,
    pixel_range,
    to_uint8,
    wrong_first,
)
from core.i18n import _ as core_tr
from gui import theme
from gui.i18n import on_language_change, translate
from gui.training.frames import Evaluation
from gui.training.plots.base import PanelNote, part_name

TILE_PIXELS = 40  # an image is scaled by a whole factor to about this size
LABEL_HEIGHT = 15
GAP = 4
MAX_TILES = 200
MAX_FILTER_BUTTONS = 20  # more classes than this: no filter row
ALL = 10_000  # the id of the filter's "All" button (the others: their class)
SCALE_ROWS = 500  # the grey scale spans the pixel values of this many rows


def tile_image(image: np.ndarray) -> QImage:
    """A (rows, cols) uint8 image as a grey QImage (copied: the array may go)."""
    rows, cols = image.shape
    return QImage(np.ascontiguousarray(image).data, cols, rows, cols,
                  QImage.Format.Format_Grayscale8).copy()


class TileGrid(QWidget):
    """The tiles, painted by one widget: image, then ``true → predicted`` under it (red when
    wrong, and a red frame round the image)."""

    clicked = Signal(int)  # the tile's index in the shown order

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.images: list[QImage] = []
        self.captions: list[tuple[str, bool]] = []
        self.selected = -1
        self.scale = 1
        self.image_size = QSize(0, 0)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumSize(120, 80)

    def set_image_shape(self, rows: int, cols: int) -> None:
        self.scale = max(1, round(TILE_PIXELS / max(rows, cols)))
        self.image_size = QSize(cols * self.scale, rows * self.scale)

    def tile_size(self) -> QSize:
        return QSize(max(self.image_size.width(), 40) + GAP,
                     self.image_size.height() + LABEL_HEIGHT + GAP)

    def capacity(self) -> int:
        """How many tiles fit the widget now."""
        size = self.tile_size()
        if size.width() <= GAP:
            return 0
        cols = max(self.width() // size.width(), 1)
        rows = max(self.height() // size.height(), 1)
        return min(cols * rows, MAX_TILES)

    def tile_rect(self, k: int) -> QRect:
        """Where tile ``k`` is drawn (its image and caption)."""
        size = self.tile_size()
        cols = max(self.width() // size.width(), 1)
        return QRect((k % cols) * size.width(), (k // cols) * size.height(), size.width(),
                     size.height())

    def set_tiles(self, images: list[QImage], captions: list[tuple[str, bool]],
                  selected: int) -> None:
        self.images, self.captions, self.selected = images, captions, selected
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
            painter.drawText(QRect(cell.left(), target.bottom() + 1, cell.width(),
                                   LABEL_HEIGHT), Qt.AlignmentFlag.AlignCenter, caption)
        painter.end()

    def mousePressEvent(self, event: QMouseEvent) -> None:
        point = event.position().toPoint()
        k = next((k for k in range(len(self.images)) if self.tile_rect(k).contains(point)), -1)
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
        self.setFixedWidth(200)

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


class ImageGallery(QWidget):
    """Shown by the output panel for image data; :meth:`show_evaluation` with each frame."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.filter_row = QHBoxLayout()
        self.filter_row.setSpacing(1)
        self.filter_group = QButtonGroup(self)
        self.filter_group.setExclusive(True)
        self.filter_group.idClicked.connect(self._filter_clicked)
        self.filter_buttons: dict[int | None, QToolButton] = {}
        # fixed in size, its width the gallery's: a count that gains or loses a digit while
        # training must not lay the main window out again (every dock placed and repainted)
        self.caption = PanelNote()
        self.caption.setStyleSheet(f"color: {theme.MUTED_TEXT};")
        self.grid = TileGrid()
        self.grid.clicked.connect(self._tile_clicked)
        self.bars = ProbabilityBars()
        body = QHBoxLayout()
        body.addWidget(self.grid, 1)
        body.addWidget(self.bars)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addLayout(self.filter_row)
        layout.addWidget(self.caption)
        layout.addLayout(body, 1)
        self.shape: tuple[int, int] | None = None
        self.class_names: tuple[str, ...] = ()
        self.true_class: int | None = None
        self.selected_row: int | None = None  # a row of the evaluation (its part's order)
        self.order = np.zeros(0, dtype=np.int64)  # evaluation rows, in the order shown
        self.evaluation: Evaluation | None = None
        self._dataset: Dataset | None = None
        self._rows: dict[str, np.ndarray] = {}
        self._split: tuple[object, ...] | None = None  # (fractions, seed) of _rows
        # (part, rows, the pixel scale, the QImages made so far by evaluation row)
        self._images: tuple[str, int, tuple[float, float], dict[int, QImage]] | None = None
        on_language_change(self, self.retranslate)

    # ------------------------------------------------------------------ data
    def set_data(self, dataset: Dataset | None, fractions: tuple[float, float, float],
                 seed: int) -> bool:
        """The data of the coming run; False (nothing to show) unless it is image data."""
        self.clear()
        self.evaluation = None
        shape = dataset_image_shape(dataset)
        if dataset is None or shape is None or dataset.task != "classification":
            self.shape = self._dataset = self._split = self._images = None
            self._rows = {}
            return False
        if dataset is self._dataset and self._split == (tuple(fractions), seed):
            # the same rows as the last run (each run starts here): the split (20–30 ms at
            # MNIST's size), the filter row and the images made so far all stay
            self.true_class = None
            if self.filter_buttons:
                self.filter_buttons[None].setChecked(True)
            return True
        self.shape, self._dataset, self._images = shape, dataset, None
        self._rows = part_rows(dataset, fractions, seed)
        self._split = (tuple(fractions), seed)
        self.grid.set_image_shape(*shape)
        self.class_names = tuple(dataset.class_names)
        self._build_filter()
        return True

    def _build_filter(self) -> None:
        for button in self.filter_buttons.values():
            self.filter_group.removeButton(button)
        while self.filter_row.count():
            widget = self.filter_row.takeAt(0).widget()
            if widget is not None:
                widget.deleteLater()
        self.filter_buttons = {}
        self.true_class = None
        if len(self.class_names) > MAX_FILTER_BUTTONS:
            return
        for key, _name in [(None, ""), *enumerate(self.class_names)]:
            button = QToolButton()
            button.setCheckable(True)
            self.filter_group.addButton(button, ALL if key is None else key)
            self.filter_row.addWidget(button)
            self.filter_buttons[key] = button
        self.filter_buttons[None].setChecked(True)
        self.filter_row.addStretch()
        self._name_filters()

    def _name_filters(self) -> None:
        for key, button in self.filter_buttons.items():
            if key is None:
                button.setText(translate("ImageGallery", "All"))
                button.setToolTip(translate("ImageGallery", "Show every image"))
            else:
                name = core_tr(self.class_names[key])
                button.setText(name)
                button.setToolTip(translate("ImageGallery", "Show only images whose true class is "
                                                     "{name}").format(name=name))

    def retranslate(self) -> None:
        """Filter buttons and the caption in the current language."""
        self._name_filters()
        if self.evaluation is not None and self.shape is not None:
            self._redraw()
        elif not self.order.size:
            self.caption.setText(self.hint())

    @staticmethod
    def hint() -> str:
        """The caption while no image is shown (before a run, after Reset weights)."""
        return translate("ImageGallery", "Train to see the network's answer for each image.")

    def _images_for(self, evaluation: Evaluation, shown: np.ndarray) -> list[QImage]:
        """The pictures of evaluation rows ``shown``; each is made once per run, when it is
        first shown."""
        n = 0 if evaluation.truth is None else len(evaluation.truth)
        if self._images is None or self._images[:2] != (evaluation.part, n):
            assert self._dataset is not None and self.shape is not None
            sample = self._dataset.x[self._rows[evaluation.part][:SCALE_ROWS]]
            self._images = (evaluation.part, n, pixel_range(sample), {})
        _, _, value_range, made = self._images
        new = [r for r in shown if r not in made]
        if new and self._dataset is not None and self.shape is not None:
            rows = self._rows[evaluation.part][new]
            for r, image in zip(new, to_uint8(self._dataset.x[rows], self.shape, value_range),
                                strict=True):
                made[r] = tile_image(image)
        return [made[r] for r in shown]

    # ------------------------------------------------------------------ frames
    def show_evaluation(self, evaluation: Evaluation | None) -> None:
        self.evaluation = evaluation
        if (evaluation is None or evaluation.labels is None or evaluation.truth is None
                or self.shape is None):
            self.clear()
            return
        self._redraw()

    def _redraw(self) -> None:
        evaluation = self.evaluation
        assert evaluation is not None and evaluation.truth is not None
        truth, guess = evaluation.truth, evaluation.labels
        self.order = wrong_first(truth, guess, self.true_class)
        shown = self.order[: self.grid.capacity()]
        images = self._images_for(evaluation, shown)
        names = [core_tr(name) for name in self.class_names]
        captions = [(f"{names[truth[r]]} → {names[guess[r]]}", bool(truth[r] != guess[r]))
                    for r in shown]
        selected = (int(np.flatnonzero(shown == self.selected_row)[0])
                    if self.selected_row is not None and self.selected_row in shown else -1)
        self.grid.set_tiles(images, captions, selected)
        wrong = int(np.count_nonzero(truth[self.order] != guess[self.order]))
        count, part = f"{len(self.order):,}", part_name(evaluation.part)
        if self.true_class is None:
            text = translate("ImageGallery", "{count} {part} images, {wrong} wrong (first, "
                                      "outlined)").format(count=count, part=part,
                                                          wrong=f"{wrong:,}")
        else:
            text = translate("ImageGallery", "{count} {part} images of class {name}, {wrong} wrong "
                                      "(first, outlined)").format(
                count=count, part=part, name=names[self.true_class], wrong=f"{wrong:,}")
        self.caption.setText(text)
        self._show_probabilities()

    def _show_probabilities(self) -> None:
        evaluation, row = self.evaluation, self.selected_row
        if evaluation is None or evaluation.outputs is None or row is None:
            self.bars.set_values(np.zeros(0), (), -1, -1)
            return
        values = evaluation.outputs[row]
        if values.size == 1 and len(self.class_names) == 2:  # one sigmoid unit: P(class 1)
            values = np.array([1.0 - values[0], values[0]])
        self.bars.set_values(values, self.class_names, int(evaluation.truth[row]),
                             int(evaluation.labels[row]))

    @property
    def probabilities(self) -> np.ndarray | None:
        """The outputs shown for the clicked image (None before a click)."""
        return self.bars.values if self.bars.values.size else None

    def select(self, row: int | None) -> None:
        """Show the outputs for evaluation row ``row`` (what clicking its tile does)."""
        self.selected_row = row
        if self.evaluation is not None and self.shape is not None:
            self._redraw()

    @Slot(int)
    def _tile_clicked(self, k: int) -> None:
        if k < len(self.order):
            self.select(int(self.order[k]))

    @Slot(int)
    def _filter_clicked(self, key: int) -> None:
        self.true_class = None if key == ALL else key
        if self.evaluation is not None and self.shape is not None:
            self._redraw()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        margins = self.layout().contentsMargins()
        self.caption.follow_width(self.width() - margins.left() - margins.right())
        if self.evaluation is not None and self.shape is not None:
            self._redraw()

    def clear(self) -> None:
        self.order = np.zeros(0, dtype=np.int64)
        self.selected_row = None
        self.grid.set_tiles([], [], -1)
        self.bars.set_values(np.zeros(0), (), -1, -1)
        self.caption.setText(self.hint())

