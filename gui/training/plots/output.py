"""The output panel: what the network answers — over the input plane for data with one or two
features, on the held-out rows as a confusion matrix or predicted-against-true plot, and for
image data as a gallery of those images with their true and predicted classes."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QRectF, Qt
from PySide6.QtWidgets import QSplitter, QWidget

from core.datasets import Dataset
from gui.i18n import on_language_change, translate
from gui.training.frames import OUTPUT, Frame, Points
from gui.training.output_preview import FollowsWeights
from gui.training.plots.base import Panel, add_plot
from gui.training.plots.gallery import ImageGallery
from gui.training.plots.output_plots import BoundaryPlot, ConfusionPlot, caption

if TYPE_CHECKING:
    from gui.training.output_preview import WeightsView


class OutputPanel(FollowsWeights, Panel):
    title = "Output"  # i18n: not ui (the file name; shown_title() is translated)
    frame_parts = frozenset({OUTPUT})

    def __init__(self, parent: QWidget | None = None, in_parts: bool = False) -> None:
        """``in_parts``: the second plot and the gallery are made by :meth:`Panel.build_part`,
        one per call (:class:`~gui.training.lazy_panel.LazyPanel` makes one per turn of the
        event loop: the panel in one piece held the GUI thread 50 ms and more during a run)."""
        super().__init__(parent)
        self.boundary = BoundaryPlot(add_plot(self.graphics, row=0, col=0))
        self.parts_left = [OutputPanel._add_confusion_plot, OutputPanel._add_gallery]
        if not in_parts:
            self.build_whole()

    def _add_confusion_plot(self) -> None:
        self.confusion = ConfusionPlot(add_plot(self.graphics, row=0, col=1))

    def _add_gallery(self) -> None:
        """The gallery of image data beside the plots, and the texts (the panel is whole)."""
        self.has_plane = True
        self.caption = ""
        self.dataset: Dataset | None = None  # the data told (set_data)
        #: what the current weights answer, drawn while there is no frame
        self.weights: WeightsView | None = None
        self.gallery = ImageGallery()
        self.gallery.setVisible(False)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.layout().replaceWidget(self.graphics, self.splitter)
        self.splitter.addWidget(self.graphics)
        self.splitter.addWidget(self.gallery)
        self.splitter.setStretchFactor(0, 1)
        self.splitter.setStretchFactor(1, 3)
        on_language_change(self, self.retranslate)

    def retranslate(self) -> None:
        super().retranslate()
        self.boundary.restyle()
        self.confusion.restyle()
        if self.frame is not None and self.caption:
            self.caption = caption(self.frame.evaluation)
            self.note.setText(self.caption)
        elif self.frame is None and self.caption:
            self._draw_weights()

    def set_data(self, dataset: Dataset | None, points: Points | None,
                 fractions: tuple[float, float, float] = (0.7, 0.15, 0.15),
                 seed: int = 0) -> None:
        """The data of the coming run, or of a project whose data was loaded (None: none yet):
        which plots apply, the points, the class names; for image data the gallery, with the
        split (``fractions``, ``seed``) training uses."""
        images = self.gallery.set_data(dataset, fractions, seed)  # shown with the first frame
        self.dataset = dataset
        classification = dataset is None or dataset.task == "classification"
        n_classes = dataset.n_classes if dataset is not None and classification else 0
        self._show_plane(points is not None)
        self.boundary.set_points(points, classification, n_classes)
        names = tuple(dataset.class_names) if dataset is not None and classification else ()
        self.confusion.set_task(classification, names)
        # beside the gallery the plots keep the width they need (Panel.keep_whole): in a narrow
        # panel the gallery gives way (its filter becomes a list, its bars narrow), and the
        # splitter may not squeeze the confusion matrix to a sliver
        self.splitter.setChildrenCollapsible(not images)
        self.note.setText("")
        self.reset()

    def _show_plane(self, shown: bool) -> None:
        if shown == self.has_plane:
            return
        self.has_plane = shown
        layout = self.graphics.ci
        if shown:
            layout.removeItem(self.confusion.plot)
            layout.addItem(self.boundary.plot, row=0, col=0)
            layout.addItem(self.confusion.plot, row=0, col=1)
        else:
            layout.removeItem(self.boundary.plot)
            layout.removeItem(self.confusion.plot)
            layout.addItem(self.confusion.plot, row=0, col=0)
        self.boundary.plot.setVisible(shown)
        # pyqtgraph's addItem lays the plots out at their least size (130 × 88 px): after
        # image data, a plane's plots sat squeezed in the corner until the panel was resized
        layout.setGeometry(QRectF(self.graphics.rect()))

    def draw(self, frame: Frame) -> None:
        if self.has_plane:
            self.boundary.draw(frame)
        self.caption = self.confusion.draw(frame.evaluation)
        if self.gallery.shape is not None:
            if not self.gallery.isVisible():
                self._show_gallery()
            self.gallery.show_evaluation(frame.evaluation)
        if self.caption != self.note.text():
            self.note.setText(self.caption)

    def show_weights(self, view: WeightsView | None) -> None:
        """What the current weights answer (None: nothing): drawn while no frame is shown —
        at once if the panel is on screen, else when it is shown."""
        self.weights = view
        if self.frame is None:
            self.redraw()  # Panel.refresh empties the plots, then clear() draws it

    def _draw_weights(self) -> None:
        """The current weights' answers, if they are of the data the panel was told."""
        view = self.weights
        if view is None or view.dataset is not self.dataset:
            return
        if self.has_plane and view.grid is not None:
            self.boundary.draw_grid(view.grid, view.boundary)
        measured = self.confusion.draw(view.evaluation)
        self.caption = translate("OutputPanel", "{result} with the current weights").format(
            result=measured) if measured else ""
        self.note.setText(self.caption)

    def _show_gallery(self) -> None:
        """Show the gallery beside the plots, a quarter and three quarters of the width. A
        splitter can hand a child shown after its first layout a width of 0 (measured: 7 of 11
        runs of the gallery test), which hides the gallery; its share is then set here."""
        self.gallery.setVisible(True)
        self.splitter.refresh()  # the handle between them now, not at the next layout
        sizes = self.splitter.sizes()
        if sizes[1] == 0:
            total = sum(sizes)
            self.splitter.setSizes([total // 4, total - total // 4])

    def clear(self) -> None:
        """Empty plots. A gallery on screen stays there, empty, while the data is images (a new
        run, fresh weights): hidden and shown again with the next frame, the plots beside it
        were laid out again, and the main window after them (every dock placed again)."""
        self.boundary.clear()
        self.confusion.clear()
        self.gallery.show_evaluation(None)
        if self.gallery.shape is None:
            self.gallery.setVisible(False)
        self.caption = ""
        self.note.setText("")
        self._draw_weights()  # no frame: what the weights answer now, if that is known
