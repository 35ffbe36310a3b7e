"""The inspector page for a connection: its weight matrix as a heat map, and its statistics;
for a layer fed straight from image pixels, also each unit's weights as an image."""

from __future__ import annotations

from functools import partial
from html import escape

import numpy as np
from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import QFormLayout, QLabel, QVBoxLayout, QWidget

from core.datasets.images import weight_images
from core.engine import params
from gui import theme
from gui.background import JobRun
from gui.canvas.style import node_label
from gui.document.document import GraphDocument
from gui.document.predictions import takes_pixels
from gui.i18n import on_language_change, translate
from gui.inspector.heatmap import WEIGHTS_TIP, HeatMap, weight_mosaic

MOSAIC_PIXELS = 260

STATS = ("shape", "mean", "std", "min", "max", "mean |w|")  # i18n: not ui
STAT_LABELS = {"shape": QT_TRANSLATE_NOOP("EdgeView", "shape:"),
               "mean": QT_TRANSLATE_NOOP("EdgeView", "mean:"),
               "std": QT_TRANSLATE_NOOP("EdgeView", "std:"),
               "min": QT_TRANSLATE_NOOP("EdgeView", "min:"),
               "max": QT_TRANSLATE_NOOP("EdgeView", "max:"),
               "mean |w|": QT_TRANSLATE_NOOP("EdgeView", "mean |w|:")}


#: a matrix of more weights than this has its statistics worked out on a worker thread (four
#: million took the GUI thread 90-350 ms at a selection on a loaded 2-core machine, mostly
#: the standard deviation's temporary arrays)
BACKGROUND_WEIGHTS = 1_000_000


def weight_numbers(matrix: np.ndarray) -> dict[str, float]:
    """The statistics under the heat map but the shape (any thread: ``matrix`` is read only)."""
    m = np.asarray(matrix, dtype=np.float64)
    return {"mean": float(m.mean()), "std": float(m.std()), "min": float(m.min()),
            "max": float(m.max()), "mean |w|": float(np.abs(m).mean())}


def weight_statistics(matrix: np.ndarray, numbers: dict[str, float] | None = None
                      ) -> dict[str, str]:
    """The numbers shown under the heat map, formatted (``numbers``: :func:`weight_numbers`
    of ``matrix`` when known; "…" for each while it is worked out elsewhere)."""
    m = np.asarray(matrix, dtype=np.float64)
    if m.size == 0:
        return dict.fromkeys(STATS, "—")
    shape = translate("EdgeView", "{rows} × {cols} = {n} weights").format(
        rows=m.shape[0], cols=m.shape[1], n=m.size)
    if numbers is None:
        return {"shape": shape, **dict.fromkeys(STATS[1:], "…")}
    return {"shape": shape, **{name: f"{numbers[name]:.4g}" for name in STATS[1:]}}


class EdgeView(QWidget):
    def __init__(self, doc: GraphDocument, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._doc = doc
        self.edge_id: str | None = None
        self._job: JobRun | None = None  # big statistics being worked out
        self._asked: np.ndarray | None = None  # the newest matrix whose statistics are wanted
        #: the matrix whose statistics show, and them (None: being worked out)
        self._numbers_of: tuple[np.ndarray | None, dict[str, float] | None] = (None, None)
        self.title = QLabel()
        self.title.setWordWrap(True)
        self.heatmap = HeatMap()
        self.image_shape: tuple[int, int] | None = None
        self.weight_images: np.ndarray | None = None  # (units, rows, cols) when shown
        self.images_title = QLabel()
        self.images_title.setWordWrap(True)
        self.images = QLabel()
        self.stats = {name: QLabel() for name in STATS}
        self.stat_names = {name: QLabel() for name in STATS}
        form = QFormLayout()
        for name, label in self.stats.items():
            form.addRow(self.stat_names[name], label)
        self.note = note = QLabel()
        note.setWordWrap(True)
        note.setStyleSheet(f"color: {theme.MUTED_TEXT};")
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.heatmap)
        layout.addWidget(self.images_title)
        layout.addWidget(self.images)
        layout.addLayout(form)
        layout.addWidget(note)
        layout.addStretch()
        doc.params_changed.connect(self._params_changed)
        doc.node_changed.connect(self._node_changed)
        on_language_change(self, self.retranslate)

    def retranslate(self) -> None:
        self.heatmap.setToolTip(self.tr(
            "Each cell is one weight: row i is the source unit, column j the destination unit. "
            "Blue is positive, orange negative, white near 0."))
        self.images.setToolTip(translate("HeatMap", WEIGHTS_TIP))
        for name, label in self.stat_names.items():
            label.setText(self.tr(STAT_LABELS[name]))
        self.note.setText(self.tr("During training, a healthy layer keeps a spread of weights; "
                                  "all near 0 or a few huge ones are worth a look."))
        self.refresh()

    def set_image_shape(self, shape: tuple[int, int] | None) -> None:
        """The data's image shape (None: not image data): whether to draw weights as images."""
        self.image_shape = shape
        self.refresh()

    def set_edge(self, edge_id: str | None) -> None:
        self.edge_id = edge_id
        self.refresh()

    def _node_changed(self, _node_id: str) -> None:
        self.refresh()

    def _params_changed(self, names: list[str]) -> None:
        if self.edge_id is not None and params.weight_name(self.edge_id) in names:
            self.refresh()

    def refresh(self) -> None:
        spec = self._doc.spec
        if self.edge_id is None or not any(e.id == self.edge_id for e in spec.edges):
            return
        edge = spec.edge(self.edge_id)
        src, dst = spec.node(edge.src), spec.node(edge.dst)
        matrix = self._doc.shown_array(params.weight_name(edge.id))
        self.title.setText(self.tr(
            "<b>{src} → {dst}</b><br><span style='color:{muted}'>{name}: {rows} × {cols} weight "
            "matrix</span>").format(src=escape(node_label(src), quote=False),
                                    dst=escape(node_label(dst), quote=False),
                                    muted=theme.MUTED_TEXT, name=params.weight_name(edge.id),
                                    rows=src.units, cols=dst.units))
        self.heatmap.set_matrix(matrix, node_label(src), node_label(dst))
        numbers = None
        if matrix.size <= BACKGROUND_WEIGHTS:
            numbers = weight_numbers(matrix)
        else:
            self._work_out(matrix)
        self._show_statistics(matrix, numbers)
        self._show_images(matrix)

    def _show_statistics(self, matrix: np.ndarray, numbers: dict[str, float] | None) -> None:
        self._numbers_of = (matrix, numbers)
        for name, text in weight_statistics(matrix, numbers).items():
            self.stats[name].setText(text)

    def _work_out(self, matrix: np.ndarray) -> None:
        """The statistics of ``matrix`` on a worker; one at a time, the newest asked next."""
        self._asked = matrix
        if self._job is not None:
            return
        self._job = JobRun(self, lambda _cancelled: weight_numbers(matrix),
                           "weight statistics")  # i18n: not ui
        self._job.finished.connect(partial(self._worked_out, matrix))
        self._job.start()

    def _worked_out(self, matrix: np.ndarray, numbers: object, _problem: str) -> None:
        self._job = None
        asked, self._asked = self._asked, None
        if asked is not matrix and asked is not None:
            self._work_out(asked)  # newer weights were asked for meanwhile
        if isinstance(numbers, dict) and self._numbers_of[0] is matrix:
            self._show_statistics(matrix, numbers)

    def _show_images(self, matrix: np.ndarray) -> None:
        shape = self.image_shape
        assert self.edge_id is not None
        shown = takes_pixels(self._doc.spec, self.edge_id, shape, matrix)
        self.weight_images = weight_images(matrix, shape) if shown and shape else None
        self.images_title.setVisible(shown)
        self.images.setVisible(shown)
        if self.weight_images is None or shape is None:
            return
        self.images_title.setText(self.tr(
            "<b>Weights as images</b> — each unit's {rows}×{cols} incoming weights: what it "
            "looks for").format(rows=shape[0], cols=shape[1]))
        self.images.setPixmap(QPixmap.fromImage(weight_mosaic(self.weight_images,
                                                              MOSAIC_PIXELS)))
