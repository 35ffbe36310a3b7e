"""The image gallery of the output panel: held-out images with their true and predicted class,
the wrong ones first; a class filter; a click shows that image's output probabilities.

The filter is a row of buttons, one per class, while the gallery is wide enough for it, and a
drop-down list when it is not (or there are more than ``MAX_FILTER_BUTTONS`` classes): the
buttons' width must not set the panel's, or beside three other panels the confusion matrix
above the gallery was squeezed to a sliver.

The worker classified the rows with the frame (:class:`~gui.training.frames.Evaluation` keeps
each row's class and outputs); here they are only ordered (:func:`core.datasets.images.wrong_first`)
and drawn. The images are the raw pixels of the same rows, found once per run by splitting as
the trainer split (:func:`core.datasets.images.part_rows`); each becomes a uint8 QImage when
it is first shown (all 2,000 at once took over 100 ms of the GUI thread at MNIST's size).
"""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import Slot
from PySide6.QtGui import QImage, QResizeEvent
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QHBoxLayout,
    QSizePolicy,
    QStackedWidget,
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
from gui.training.plots.gallery_scroll import GalleryScroll
from gui.training.plots.tiles import ARROW, ProbabilityBars, TileGrid, tile_image

MAX_FILTER_BUTTONS = 20  # more classes than this: the drop-down list only
ALL = 10_000  # the id of the filter's "All" button (the others: their class)
SCALE_ROWS = 500  # the grey scale spans the pixel values of this many rows


class ImageGallery(QWidget):
    """Shown by the output panel for image data; :meth:`show_evaluation` with each frame."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        buttons = QWidget()
        # ignored: the row never widens the gallery; when it does not fit, the list is shown
        buttons.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.filter_row = QHBoxLayout(buttons)
        self.filter_row.setContentsMargins(0, 0, 0, 0)
        self.filter_row.setSpacing(1)
        self.filter_group = QButtonGroup(self)
        self.filter_group.setExclusive(True)
        self.filter_group.idClicked.connect(self._filter_clicked)
        self.filter_buttons: dict[int | None, QToolButton] = {}
        listed = QWidget()
        self.filter_combo = QComboBox()
        self.filter_combo.currentIndexChanged.connect(self._combo_chosen)
        row = QHBoxLayout(listed)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.filter_combo)
        row.addStretch()
        # both in one stack: switching between them keeps the gallery's geometry
        self.filter_stack = QStackedWidget()
        self.filter_stack.addWidget(buttons)
        self.filter_stack.addWidget(listed)
        # fixed in size, its width the gallery's: a count that gains or loses a digit while
        # training must not lay the main window out again (every dock placed and repainted)
        self.caption = PanelNote()
        self.caption.setStyleSheet(f"color: {theme.MUTED_TEXT};")
        self.grid = TileGrid()
        self.grid.clicked.connect(self._tile_clicked)
        self.scrolling = GalleryScroll(self.grid, lambda: self.order, self.select, self._redraw,
                                       self._showing)
        self.scroll = self.scrolling.bar
        self.bars = ProbabilityBars()
        body = QHBoxLayout()
        body.setSpacing(2)
        body.addWidget(self.grid, 1)
        body.addWidget(self.scroll)
        body.addWidget(self.bars)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(self.filter_stack)
        layout.addWidget(self.caption.box)
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
            self._show_filter_choice()
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
        self.filter_combo.blockSignals(True)
        self.filter_combo.clear()
        previous: QWidget = self.filter_combo
        for key in [None, *range(len(self.class_names))]:
            self.filter_combo.addItem("")  # named by _name_filters
            if len(self.class_names) > MAX_FILTER_BUTTONS:
                continue
            button = QToolButton()
            button.setCheckable(True)
            self.filter_group.addButton(button, ALL if key is None else key)
            self.filter_row.addWidget(button)
            QWidget.setTabOrder(previous, button)  # Tab: the buttons above, then the tiles
            self.filter_buttons[key] = previous = button
        self.filter_combo.blockSignals(False)
        self.filter_row.addStretch()
        self._name_filters()
        self._show_filter_choice()

    def _show_filter_choice(self) -> None:
        """Check the button and select the list entry of :attr:`true_class`."""
        if self.true_class in self.filter_buttons:
            self.filter_buttons[self.true_class].setChecked(True)
        self.filter_combo.blockSignals(True)
        self.filter_combo.setCurrentIndex(0 if self.true_class is None else self.true_class + 1)
        self.filter_combo.blockSignals(False)

    def _fit_filter(self) -> None:
        """The buttons while they fit the gallery's width, else the list."""
        buttons = self.filter_stack.widget(0)
        fits = bool(self.filter_buttons) and buttons.sizeHint().width() <= self.width()
        self.filter_stack.setCurrentIndex(0 if fits else 1)

    def _name_filters(self) -> None:
        names = [translate("ImageGallery", "All"), *map(core_tr, self.class_names)]
        self.grid.fit_names(names[1:])  # the captions' lines and the tiles' width
        for index, name in enumerate(names[:self.filter_combo.count()]):
            self.filter_combo.setItemText(index, name)
        self.filter_combo.setToolTip(translate(
            "ImageGallery", "Show every image, or only those whose true class is the one chosen"))
        for key, button in self.filter_buttons.items():
            name = names[0 if key is None else key + 1]
            button.setText(name)
            button.setToolTip(translate("ImageGallery", "Show every image") if key is None
                              else translate("ImageGallery", "Show only images whose true class "
                                                             "is {name}").format(name=name))
        self._fit_filter()  # the buttons' width changes with their names

    def retranslate(self) -> None:
        """Filter buttons and the caption in the current language."""
        self.grid.setAccessibleName(translate(
            "ImageGallery", "Images, true class → predicted class"))
        self.bars.setAccessibleName(translate(
            "ImageGallery", "Output probabilities of the chosen image"))
        self._name_filters()
        if self._showing():
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
        first = self.scrolling.fit()
        shown = self.order[first:first + self.grid.capacity()]
        images = self._images_for(evaluation, shown)
        names = [core_tr(name) for name in self.class_names]
        captions = [(f"{names[truth[r]]}{ARROW}{names[guess[r]]}", bool(truth[r] != guess[r]))
                    for r in shown]
        selected = (int(np.flatnonzero(shown == self.selected_row)[0])
                    if self.selected_row is not None and self.selected_row in shown else -1)
        self.grid.set_tiles(images, captions, selected)
        wrong = int(np.count_nonzero(truth[self.order] != guess[self.order]))
        self.caption.setText(self._caption(evaluation, wrong, first, len(shown), names))
        self._show_probabilities()

    def _caption(self, evaluation: Evaluation, wrong: int, first: int, shown: int,
                 names: list[str]) -> str:
        """How many images, of which part, how many wrong; which are on screen. The worker
        classifies the part's first rows only (2,000 of MNIST's 9,000 test rows by default):
        then the caption says so."""
        count = len(self.order)
        values = {"count": f"{count:,}", "part": part_name(evaluation.part),
                  "wrong": f"{wrong:,}", "rows": f"{evaluation.rows:,}",
                  "total": f"{evaluation.part_rows:,}",
                  "name": names[self.true_class] if self.true_class is not None else ""}
        some = evaluation.partial
        if self.true_class is None and not some:
            text = translate("ImageGallery", "{count} {part} images, {wrong} wrong (first, "
                                             "outlined)")
        elif self.true_class is None:
            text = translate("ImageGallery", "the first {rows} of {total} {part} images, "
                                             "{wrong} wrong (first, outlined)")
        elif not some:
            text = translate("ImageGallery", "{count} {part} images of class {name}, {wrong} "
                                             "wrong (first, outlined)")
        else:
            text = translate("ImageGallery", "{count} {part} images of class {name} among the "
                                             "first {rows} of {total}, {wrong} wrong (first, "
                                             "outlined)")
        text = text.format(**values)
        if count > shown:
            text += translate("ImageGallery", " · {first}–{last} shown, scroll for more").format(
                first=f"{first + 1:,}", last=f"{first + shown:,}")
        return text

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

    def _showing(self) -> bool:
        """Is there an evaluation of image data to show?"""
        return self.evaluation is not None and self.shape is not None

    def select(self, row: int | None) -> None:
        """Show the outputs for evaluation row ``row`` (what clicking its tile does)."""
        self.selected_row = row
        if self._showing():
            self._redraw()

    @Slot(int)
    def _tile_clicked(self, k: int) -> None:
        k += self.scrolling.first_shown()
        if k < len(self.order):
            self.select(int(self.order[k]))

    @Slot(int)
    def _filter_clicked(self, key: int) -> None:
        self._choose_class(None if key == ALL else key)

    @Slot(int)
    def _combo_chosen(self, index: int) -> None:
        if index >= 0:
            self._choose_class(None if index == 0 else index - 1)

    def _choose_class(self, true_class: int | None) -> None:
        """Show only the images of ``true_class`` (None: all of them)."""
        self.true_class = true_class
        self._show_filter_choice()
        evaluation, row = self.evaluation, self.selected_row
        if (row is not None and self.true_class is not None and evaluation is not None
                and evaluation.truth is not None and evaluation.truth[row] != self.true_class):
            self.selected_row = None  # its bars would describe an image the filter hides
        self.scrolling.to_top()
        if self._showing():
            self._redraw()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        # a short gallery (a 16 pt system font at 1024 × 768): its caption took three lines
        # and left the tiles' captions cut in half at the bottom
        self.caption.fit_height(self.height())
        self._fit_filter()

    def clear(self) -> None:
        self.order = np.zeros(0, dtype=np.int64)
        self.selected_row = None
        self.scrolling.clear()
        self.grid.set_tiles([], [], -1)
        self.bars.set_values(np.zeros(0), (), -1, -1)
        self.caption.setText(self.hint())

