"""The weights panel: each edge's weight histogram now and over time, and the gradient norm
of every layer. The worker computed all of it (the histograms with the snapshot, the image over
time from the histograms it recorded at the ends of epochs, see :mod:`gui.training.trails`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QRectF, Slot
from PySide6.QtWidgets import QComboBox, QWidget

from core.spec import NetworkSpec
from core.training.snapshot import Histogram
from gui import theme
from gui.i18n import on_language_change, translate
from gui.training.frames import WEIGHTS, Frame
from gui.training.output_preview import FollowsWeights
from gui.training.plots.axes import epoch_axis_end
from gui.training.plots.base import (
    Panel,
    StickyRange,
    add_plot,
    blue_lut,
    fill_combo,
    set_ticks,
    style_plot,
    whole_width,
)
from gui.training.plots.empty_note import PlotNote

if TYPE_CHECKING:
    from gui.training.output_preview import CurrentWeights


def edge_items(spec: NetworkSpec) -> list[tuple[str, str]]:
    """The connections of ``spec`` as the panel offers them: (``input 0 → hidden 1``, id)."""
    return [(f"{spec.node(edge.src).label} → {spec.node(edge.dst).label}", edge.id)
            for edge in spec.edges if spec.has_node(edge.src) and spec.has_node(edge.dst)]


class WeightsPanel(FollowsWeights, Panel):
    """Edited after a run (:attr:`edited`), "Weights now" shows the current weights; the
    run's trail stays — it is what the run did — and its last step's gradient norms go:
    they were of other weights."""

    title = "Weights"  # i18n: not ui (the file name; shown_title() is translated)
    frame_parts = frozenset({WEIGHTS})
    keeps_frame = True

    def __init__(self, parent: QWidget | None = None, in_parts: bool = False) -> None:
        """``in_parts``: the second and third plots are made by :meth:`Panel.build_part`, one
        per call (:class:`~gui.training.lazy_panel.LazyPanel` makes one per turn of the event
        loop: the three in one piece held the GUI thread 117–140 ms during a run)."""
        super().__init__(parent)
        self.edge_combo = QComboBox()
        whole_width(self.edge_combo)
        self.edge_combo.currentIndexChanged.connect(self._edge_chosen)
        self.tools.insertWidget(0, self.edge_combo)
        self._spec: NetworkSpec | None = None
        #: the current weights, drawn while there is no frame (before any run, after Reset)
        self.weights: CurrentWeights | None = None
        self._x_end = 0.0
        self.now_plot = add_plot(self.graphics, row=0, col=0)
        self.now_curve = self.now_plot.plot(
            stepMode="center", fillLevel=0, pen=pg.mkPen(theme.POSITIVE, width=1.5),
            brush=pg.mkBrush(*theme.rgba(theme.POSITIVE, 70)))
        self.parts_left = [WeightsPanel._add_trail_plot,
                           WeightsPanel._add_norm_plot,
                           WeightsPanel._finish]
        if not in_parts:
            self.build_whole()

    def _add_trail_plot(self) -> None:
        self.trail_plot = add_plot(self.graphics, row=0, col=1)
        self.trail_plot.getAxis("bottom").set_whole(ends=False)  # epochs; plots beside it
        self.trail_image = pg.ImageItem(axisOrder="row-major")
        self.trail_image.setLookupTable(blue_lut())
        self.trail_plot.addItem(self.trail_image)

    def _add_norm_plot(self) -> None:
        self.norm_plot = add_plot(self.graphics, row=1, col=0, colspan=2)
        self.norm_bars = pg.BarGraphItem(x=[], height=[], width=0.6,
                                         brush=pg.mkBrush(theme.NEGATIVE))
        self.norm_plot.addItem(self.norm_bars)
        self.norm_plot.getAxis("left").enableAutoSIPrefix(False)

    def _finish(self) -> None:
        """What needs all three plots: their ranges, rows and texts (the panel is whole)."""
        self.ranges = {plot: StickyRange(plot) for plot in (self.now_plot, self.trail_plot,
                                                             self.norm_plot)}
        # the wide plot's view, not the small one's beside "Weights now": there it was cut
        self.empty_note = PlotNote(self.norm_plot)
        self.graphics.ci.layout.setRowStretchFactor(0, 3)
        self.graphics.ci.layout.setRowStretchFactor(1, 2)
        # too short for two rows (1280 × 720 at 150 %): the three plots in one
        # too short for one row too (a 16 pt system font at 1024 × 768): one plot at a time
        self.one_row_when_short([(self.norm_plot, (1, 0, 2), (0, 2))], (2, 2, 3), [
            self.now_plot, self.trail_plot, self.norm_plot])
        on_language_change(self, self.retranslate)

    def retranslate(self) -> None:
        super().retranslate()
        self.edge_combo.setToolTip(translate("WeightsPanel",
                                             "Which connection's weight matrix to show"))
        style_plot(self.now_plot, translate("WeightsPanel", "Weights now"),
                   x_label=translate("WeightsPanel", "weight"),
                   y_label=translate("WeightsPanel", "count"))
        # short titles, their details on hover: a plot's title is its least width, and the
        # panel cut longer ones ("Weights over time (eac") with the plots beside them
        style_plot(self.trail_plot, translate("WeightsPanel", "Weights over time"),
                   x_label=translate("WeightsPanel", "epoch"),
                   y_label=translate("WeightsPanel", "weight"))
        self.trail_plot.titleLabel.setToolTip(translate(
            "WeightsPanel", "Each column is a histogram of the weights at that epoch"))
        # the norm's sign ‖∇‖ drawn rotated read as a box glyph: a word instead
        style_plot(self.norm_plot, translate("WeightsPanel", "Gradient norm per layer"),
                   y_label=translate("WeightsPanel", "norm"))
        self.norm_plot.titleLabel.setToolTip(translate(
            "WeightsPanel", "Measured on the last mini-batch"))
        self.one_row.name_pages([translate("WeightsPanel", "Weights now"),
                                 translate("WeightsPanel", "Over time"),
                                 translate("WeightsPanel", "Gradient norm")])
        self.one_row.tabs.setAccessibleName(translate("WeightsPanel",
                                                      "Which weights plot to show"))
        self.note.setText(translate("WeightsPanel", "The spread of the weights, and how fast "
                                    "gradients reach each layer."))
        self._show_notes(self.frame is None)

    # ------------------------------------------------------------------ network
    def set_network(self, spec: NetworkSpec) -> None:
        """Offer the edges of ``spec`` (``input → hidden 1``) and forget older runs — and
        current weights of another network (they would offer its edges instead)."""
        self._spec = spec
        if self.weights is not None and self.weights.spec != spec:
            self.weights = None
        fill_combo(self.edge_combo, edge_items(spec))
        trained = [n for n in spec.nodes if n.kind != "input"]
        set_ticks(self.norm_plot.getAxis("bottom"),
                  [[(i, node.label) for i, node in enumerate(trained)]])
        self.reset()

    @property
    def edge_id(self) -> str | None:
        return self.edge_combo.currentData()

    @Slot()
    def _edge_chosen(self) -> None:
        if self.frame is not None or self.weights is not None:
            self._dirty = True
            self.refresh()

    # ------------------------------------------------------------------ frames
    def draw(self, frame: Frame) -> None:
        snapshot = frame.snapshot
        edge_id = self.edge_id
        self._show_notes(False)
        histograms = self.weights.histograms if self.edited and self.weights is not None \
            else snapshot.weight_histograms
        self._draw_now(histograms.get(edge_id) if edge_id else None)
        trail = frame.weight_trails.get(edge_id) if edge_id else None
        if trail is not None:
            low, high, n = trail.low, trail.high, trail.x.size
            self.trail_image.setImage(trail.image, levels=(0.0, 1.0), autoLevels=False)
            width = (trail.x[-1] - trail.x[0]) * n / max(n - 1, 1) or 1.0
            left = trail.x[0] - width / n / 2
            self.trail_image.setRect(QRectF(left, low, width, high - low))
            end = epoch_axis_end(left + width, float(frame.last_epoch))
            if end != self._x_end:  # moves in a few jumps over the run, as the Loss panel's
                self._x_end = end
                self.trail_plot.setXRange(0.0, end, padding=0.02)
            self.ranges[self.trail_plot].fit(y=(low, high))
        spec = self._spec
        if self.edited:
            self.norm_bars.setOpts(x=[], height=[])
        elif spec is not None:
            trained = [n.id for n in spec.nodes if n.kind != "input"]
            heights = [snapshot.gradient_norms.get(node_id, 0.0) for node_id in trained]
            self.norm_bars.setOpts(x=np.arange(len(trained)), height=heights, width=0.6)
            self.ranges[self.norm_plot].fit(x=(-0.5, len(trained) - 0.5),
                                            y=(0.0, max(heights, default=0.0) or 1.0))

    def _draw_now(self, histogram: Histogram | None) -> None:
        """"Weights now": ``histogram`` (None: the plot keeps what it has)."""
        if histogram is not None:
            self.now_curve.setData(histogram.edges, histogram.counts)
            self.ranges[self.now_plot].fit(x=(histogram.edges[0], histogram.edges[-1]),
                                           y=(0.0, float(histogram.counts.max())))

    def clear(self) -> None:
        self.now_curve.setData([], [])
        self.trail_image.clear()
        self.norm_bars.setOpts(x=[], height=[])
        self._show_notes(True)
        self._draw_weights()  # no frame: the weights the network has now, if they are known

    # ------------------------------------------------------------------ no frames
    def show_weights(self, weights: CurrentWeights | None) -> None:
        """The current weights (None: not known), drawn while no frame is shown — at once if
        the panel is on screen, else when it is shown."""
        self.weights = weights
        if self.frame is None:
            self.redraw()  # Panel.refresh empties the plots, then clear() draws them

    def _draw_weights(self) -> None:
        weights = self.weights
        if weights is None:
            return
        fill_combo(self.edge_combo, edge_items(weights.spec))  # the network as edited now
        edge_id = self.edge_id
        self._draw_now(weights.histograms.get(edge_id) if edge_id else None)

    def _show_notes(self, empty: bool) -> None:
        """Before a run: how to fill the plots that only training fills."""
        self.empty_note.set_text(translate(
            "WeightsPanel", "Train (F5) to fill these plots") if empty else "")
