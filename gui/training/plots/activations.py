"""The activations panel: what each node outputs on a fixed probe batch of training rows.

The histogram of one node shows sigmoid saturation (everything piled at 0 and 1) or dead ReLUs
(a spike at 0); the mean ± std per layer shows signals shrinking or exploding with depth; the
bars give the saturated and dead fractions of every node. All numbers come with the snapshot.
"""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Slot
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QComboBox, QWidget

from core.engine import activations as activation_names
from core.i18n import percent
from core.spec import NetworkSpec, NodeSpec
from core.training.snapshot import NodeStats
from gui import theme
from gui.i18n import on_language_change, translate
from gui.training.frames import ACTIVATIONS, Frame
from gui.training.output_preview import FollowsWeights
from gui.training.plots.base import (
    Panel,
    StickyRange,
    add_plot,
    bounds,
    fill_combo,
    legend_html,
    set_ticks,
    style_plot,
    whole_width,
)
from gui.training.plots.empty_note import PlotNote

DEAD_COLOR = QColor(theme.MUTED_TEXT)
SATURATED_COLOR = QColor(theme.PROBLEM)


def describe(label: str, activation: str, stats: NodeStats) -> str:
    """One sentence for the student about a node's activations (the activation by the name the
    canvas shows: "Sigmoid", "시그모이드")."""
    text = translate("ActivationsPanel", "<b>{node}</b> ({activation}): mean {mean}, "
                                         "std {std}").format(
        node=label, activation=activation_names.title(activation), mean=f"{stats.mean:.3g}",
        std=f"{stats.std:.3g}")
    if stats.saturated >= 0.05:
        text += translate("ActivationsPanel",
                          " · <span style='color:{color}'>{fraction} saturated</span> — the "
                          "slope is nearly 0 there, so those weights learn slowly").format(
            color=SATURATED_COLOR.name(), fraction=percent(stats.saturated, digits=0))
    if stats.dead > 0:
        text += translate("ActivationsPanel",
                          " · {fraction} of units dead (0 for every probe row: no gradient "
                          "flows through them)").format(fraction=percent(stats.dead, digits=0))
    return text


class ActivationsPanel(FollowsWeights, Panel):
    """A run's frames; before a run, and after an edit that followed one (:attr:`edited`),
    the current weights' activations on the same probe batch (:attr:`current`)."""

    title = "Activations"  # i18n: not ui (the file name; shown_title() is translated)
    frame_parts = frozenset({ACTIVATIONS})
    keeps_frame = True  # the edited weights' activations are drawn over the run's frame

    def __init__(self, parent: QWidget | None = None, in_parts: bool = False) -> None:
        """``in_parts``: the second and third plots are made by :meth:`Panel.build_part`, one
        per call (:class:`~gui.training.lazy_panel.LazyPanel` makes one per turn of the event
        loop: the three in one piece held the GUI thread 90–200 ms on a loaded machine)."""
        super().__init__(parent)
        self.note.min_lines = 2  # room for the sentence about a node that each frame brings
        self.note.fit(shrink=True)
        self.node_combo = QComboBox()
        whole_width(self.node_combo)
        self.node_combo.currentIndexChanged.connect(self._node_chosen)
        self.tools.insertWidget(0, self.node_combo)
        self._spec: NetworkSpec | None = None
        self._trained: list[str] = []
        self._names: list[tuple[str, str]] = []  # (label, node id) of each in _trained
        self.hist_plot = add_plot(self.graphics, row=0, col=0)
        self.hist_curve = self.hist_plot.plot(
            stepMode="center", fillLevel=0, pen=pg.mkPen(theme.KIND_COLORS["hidden"], width=1.5),
            brush=pg.mkBrush(*theme.rgba(theme.KIND_COLORS["hidden"], 70)))
        self.empty_note = PlotNote(self.hist_plot)  # before a run: how to fill the plots
        # the note's node with its numbers (its name and activation's are read when the note
        # is written: after a language switch the note named "hidden 1" in Korean)
        self._described: tuple[NodeSpec, NodeStats] | None = None
        #: the current weights' activations by node id and their network, while no run goes
        #: on (None: unknown)
        self.current: tuple[dict[str, NodeStats], NetworkSpec] | None = None
        self.parts_left = [ActivationsPanel._add_stats_plot,
                           ActivationsPanel._add_fraction_plot,
                           ActivationsPanel._finish]
        if not in_parts:
            self.build_whole()

    def _add_stats_plot(self) -> None:
        self.stats_plot = add_plot(self.graphics, row=0, col=1)
        self.error_bars = pg.ErrorBarItem(x=np.zeros(0), y=np.zeros(0), height=np.zeros(0),
                                          beam=0.2, pen=pg.mkPen(theme.TEXT, width=1.2))
        self.means = pg.ScatterPlotItem(size=8, brush=pg.mkBrush(theme.KIND_COLORS["hidden"]),
                                        pen=None)
        self.stats_plot.addItem(self.error_bars)
        self.stats_plot.addItem(self.means)

    def _add_fraction_plot(self) -> None:
        self.fraction_plot = add_plot(self.graphics, row=1, col=0, colspan=2)
        self.saturated_bars = pg.BarGraphItem(x=[], height=[], width=0.35,
                                              brush=pg.mkBrush(SATURATED_COLOR))
        self.dead_bars = pg.BarGraphItem(x=[], height=[], width=0.35,
                                         brush=pg.mkBrush(DEAD_COLOR))
        self.fraction_plot.addItem(self.saturated_bars)
        self.fraction_plot.addItem(self.dead_bars)

    def _finish(self) -> None:
        """What needs all three plots: their ranges, rows and texts (the panel is whole)."""
        self.ranges = {plot: StickyRange(plot) for plot in (self.hist_plot, self.stats_plot,
                                                             self.fraction_plot)}
        self.graphics.ci.layout.setRowStretchFactor(0, 3)
        self.graphics.ci.layout.setRowStretchFactor(1, 2)
        # too short for two rows (1280 × 720 at 150 %): the three plots in one
        # too short for one row too (a 16 pt system font at 1280 × 720): one plot at a time
        self.one_row_when_short([(self.fraction_plot, (1, 0, 2), (0, 2))], (2, 2, 3), [
            self.hist_plot, self.stats_plot, self.fraction_plot])
        on_language_change(self, self.retranslate)

    def retranslate(self) -> None:
        super().retranslate()
        self.node_combo.setToolTip(translate("ActivationsPanel", "Which node's activations to "
                                                                 "show as a histogram"))
        style_plot(self.hist_plot,
                   translate("ActivationsPanel", "Activations on the probe batch"),
                   x_label=translate("ActivationsPanel", "value"),
                   y_label=translate("ActivationsPanel", "count"))
        style_plot(self.stats_plot, translate("ActivationsPanel", "Mean ± std per node"),
                   y_label=translate("ActivationsPanel", "activation"))
        style_plot(self.fraction_plot,
                   translate("ActivationsPanel",
                             "Saturated (red) and dead (grey) fraction per node"),
                   y_label=translate("ActivationsPanel", "fraction"))
        self.one_row.name_pages([translate("ActivationsPanel", "Histogram"),
                                 translate("ActivationsPanel", "Mean ± std"),
                                 translate("ActivationsPanel", "Saturated, dead")])
        self.one_row.tabs.setAccessibleName(translate("ActivationsPanel",
                                                      "Which activation plot to show"))
        self._show_note()
        self._show_empty_note()

    def _show_empty_note(self) -> None:
        drawn = self.frame is not None or self.current is not None
        self.empty_note.set_text("" if drawn else translate(
            "ActivationsPanel", "Train (F5) to see what each layer outputs on a probe batch"))

    def _show_note(self) -> None:
        """The described node's numbers, or the legend while there are none."""
        if self._described is not None:
            node, stats = self._described
            text = describe(node.label, node.activation, stats)
        else:
            text = self.legend()
        if text != self.note.text():
            self.note.setText(text)

    @staticmethod
    def legend() -> str:
        return legend_html([(translate("ActivationsPanel", "saturated"), SATURATED_COLOR),
                            (translate("ActivationsPanel", "dead"), DEAD_COLOR)])

    def set_network(self, spec: NetworkSpec) -> None:
        """The network of the frames to come (a run's, or the document's when it is
        replaced)."""
        self._spec = spec
        self._lay_out(spec)
        self.reset()

    def _lay_out(self, spec: NetworkSpec) -> None:
        """Nodes to choose from and the per-node axes for ``spec`` (the frame's network, or the
        edited one whose current activations are drawn)."""
        trained = [n.id for n in spec.nodes if n.kind != "input"]
        names = [(spec.node(n).label, n) for n in trained]
        if (trained, names) == (self._trained, self._names):
            return
        self._trained, self._names = trained, names
        fill_combo(self.node_combo, names)
        ticks = [[(i, label) for i, (label, _node) in enumerate(names)]]
        for plot in (self.stats_plot, self.fraction_plot):
            set_ticks(plot.getAxis("bottom"), ticks)
            plot.setXRange(-0.5, len(trained) - 0.5, padding=0.05)
        self.fraction_plot.setYRange(0, 1, padding=0.02)

    @property
    def node_id(self) -> str | None:
        return self.node_combo.currentData()

    @Slot()
    def _node_chosen(self) -> None:
        if self.frame is not None or self.current is not None:
            self._dirty = True
            self.refresh()

    def show_current(self, activations: dict[str, NodeStats] | None,
                     spec: NetworkSpec | None = None) -> None:
        """The current weights' activations on the probe batch by node of ``spec`` (the network
        as edited now; None: not known), drawn while no frame is shown (after a run,
        :meth:`follow_weights`, told next, draws them over an edited run's frame)."""
        self.current = (activations, spec) if activations and spec is not None else None
        if self.frame is None:
            self.redraw()

    def draw(self, frame: Frame) -> None:
        if self.edited and self.current is not None:
            self._draw_stats(*self.current)
        elif self._spec is not None:
            self._draw_stats(frame.snapshot.activations, self._spec)

    def _draw_stats(self, activations: dict[str, NodeStats], spec: NetworkSpec) -> None:
        self._show_empty_note()
        self._lay_out(spec)
        node_id = self.node_id
        stats = activations.get(node_id) if node_id else None
        if stats is not None:
            edges, counts = stats.histogram.edges, stats.histogram.counts
            self.hist_curve.setData(edges, counts)
            self.ranges[self.hist_plot].fit(x=(edges[0], edges[-1]),
                                            y=(0.0, float(counts.max())))
            self._described = (spec.node(node_id), stats)
            self._show_note()
        present = [n for n in self._trained if n in activations]
        x = np.array([self._trained.index(n) for n in present], dtype=np.float64)
        mean = np.array([activations[n].mean for n in present])
        std = np.array([activations[n].std for n in present])
        self.error_bars.setData(x=x, y=mean, height=2 * std)
        self.means.setData(x=x, y=mean)
        self.ranges[self.stats_plot].fit(y=bounds(mean - std, mean + std))
        self.saturated_bars.setOpts(x=x - 0.18, height=[activations[n].saturated
                                                         for n in present], width=0.35)
        self.dead_bars.setOpts(x=x + 0.18, height=[activations[n].dead for n in present],
                               width=0.35)

    def clear(self) -> None:
        """Empty plots, and the legend instead of the last frame's numbers (fresh weights must
        not be described by the old ones)."""
        self._described = None
        self._show_note()
        self._show_empty_note()
        self.hist_curve.setData([], [])
        empty = np.zeros(0)
        self.error_bars.setData(x=empty, y=empty, height=empty)
        self.means.setData(x=[], y=[])
        self.saturated_bars.setOpts(x=[], height=[])
        self.dead_bars.setOpts(x=[], height=[])
        if self.current is not None:  # no frame: the weights the network has now
            self._draw_stats(*self.current)
