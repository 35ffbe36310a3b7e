"""The optimizer race's upper half: every shown optimizer's path over the chosen surface (or
the book's gradient descent) from the same start, worked out in full, replayed update by update
by Step and Animate, with which paths diverged in the legend and the status line."""

from __future__ import annotations

import pyqtgraph as pg
from PySide6.QtCore import QTimer, Slot
from PySide6.QtWidgets import QComboBox, QLabel, QSpinBox

from core.engine import optimizers
from core.labs.optimizer_race import (
    DESCENT,
    SURFACES,
    TITLES,
    Descent,
    Surface,
    Trace,
    book_descent,
    trace,
)
from gui import theme
from gui.i18n import translate
from gui.labs.base import say
from gui.labs.optimizer_race_descent import (
    DESCENT_KEY,
    DescentControls,
    GradientArrows,
    descent_curve,
    legend_text,
    result_text,
)
from gui.labs.optimizer_race_plots import (
    ISO_LEVELS,
    PathMarkers,
    SideLegend,
    pen,
    show_surface,
    stack_shortest_on_top,
)
from gui.widgets import NumberSpinBox


class RacePaths:
    """Mixed into the lab, which builds ``surface``, ``steps``, ``lrs``, ``descent_controls``,
    ``path_status`` and the animation's ``_timer``, and says which optimizers are shown;
    :meth:`_path_plot` builds the plot the paths are drawn in."""

    surface: QComboBox
    steps: QSpinBox
    lrs: dict[str, NumberSpinBox]
    descent_controls: DescentControls
    path_status: QLabel
    _timer: QTimer
    paths: dict[str, Trace]
    descent: Descent | None
    shown: int

    def shown_names(self) -> tuple[str, ...]:
        raise NotImplementedError

    def _name_buttons(self) -> None:
        raise NotImplementedError

    def _path_plot(self, plots: pg.GraphicsLayoutWidget) -> None:
        """The surface with every optimizer's path, its legend beside it."""
        self.plot = plots.addPlot(row=0, col=0)
        self.plot.setMenuEnabled(False)
        self.shading = pg.ImageItem(axisOrder="row-major")
        self.shading.setZValue(-10)
        self.plot.addItem(self.shading)
        self.isocurves = [pg.IsocurveItem(pen=pg.mkPen(theme.CONTOUR, width=1),
                                          axisOrder="row-major") for _ in range(ISO_LEVELS)]
        for iso in self.isocurves:
            iso.setParentItem(self.shading)  # drawn in the shading's (x, y) coordinates
        self.minimum = pg.ScatterPlotItem(symbol="+", size=18, pen=pg.mkPen(None),
                                          brush=pg.mkBrush(theme.MINIMUM))
        self.minimum.setZValue(50)  # above the paths that end on it
        self.plot.addItem(self.minimum)
        self.curves = {name: self.plot.plot(pen=pen(name), symbol="o", symbolSize=4,
                                            symbolBrush=theme.OPTIMIZER_COLORS[name],
                                            symbolPen=None, name=name) for name in optimizers.NAMES}
        self.markers = PathMarkers(self.plot)
        self.descent_curve = descent_curve(self.plot)
        self.gradient_arrows = GradientArrows(self.plot)
        self.path_legend = SideLegend()
        plots.addItem(self.path_legend, row=0, col=1)

    @property
    def descending(self) -> bool:
        """Whether the book's gradient descent is shown rather than the optimizers."""
        return self.surface.currentData() == DESCENT_KEY

    def current_surface(self) -> Surface:
        return DESCENT if self.descending else SURFACES[self.surface.currentData()]

    @Slot()
    def recompute(self) -> None:
        """Every path in full (shown whole; Step/Animate replay it from the start)."""
        self.stop_animation()
        surface = self.current_surface()
        if self.descending:
            self.descent = book_descent(self.descent_controls.lr(), self.steps.value())
            self.paths = {DESCENT_KEY: self.descent.drawable()}
        else:
            self.paths = {name: trace(surface, name, box.value(), self.steps.value())
                          for name, box in self.lrs.items()}
        show_surface(surface, self.shading, self.isocurves)
        x0, x1, y0, y1 = surface.window
        self.minimum.setData([surface.minimum[0]], [surface.minimum[1]])
        self.plot.setLabel("bottom", surface.variables[0])  # math names: the same in Korean
        self.plot.setLabel("left", surface.variables[1])
        self.plot.setRange(xRange=(x0, x1), yRange=(y0, y1), padding=0)
        self.plot.disableAutoRange()
        self._show_divergence()
        if not self.descending:
            stack_shortest_on_top(self.curves, self.paths, self.markers.ends)
        self.shown = self.steps.value()
        self._draw()

    def _show_divergence(self) -> None:
        """Which paths diverged, in the legend and the status line (the gradient descent's
        final point)."""
        if self.descending and self.descent is not None:
            lr = self.descent_controls.lr()
            self.path_legend.clear()
            self.path_legend.addItem(self.descent_curve, legend_text(lr))
            say(self.path_status, result_text(self.descent, lr))
            return
        diverged = {name: t.diverged_at for name, t in self.paths.items()
                    if t.diverged_at is not None and name in self.shown_names()}
        notes = {name: translate("OptimizerRaceLab", "diverged at step {k}").format(k=k)
                 for name, k in diverged.items()}
        self.path_legend.fill({n: self.curves[n] for n in self.shown_names()}, notes)
        self.markers.add_to(self.path_legend)
        if diverged:
            names = ", ".join(translate("OptimizerRaceLab", "{title} (step {k})").format(
                title=TITLES[name], k=k) for name, k in diverged.items())
            say(self.path_status, translate(
                "OptimizerRaceLab", "Diverged: {names}. Its rate is too large for this surface; "
                "the path stops where it left the numbers.").format(names=names), error=True)
        else:
            say(self.path_status, "")

    def _draw(self) -> None:
        drawn = {name: t.points[: self.shown + 1] for name, t in self.paths.items()}
        for name, shown in drawn.items():
            curve = self.descent_curve if name == DESCENT_KEY else self.curves[name]
            curve.setData(shown[:, 0], shown[:, 1])
        self.markers.show(self.current_surface().start, drawn,
                          () if self.descending else self.shown_names())

    @Slot()
    def step(self) -> None:
        """One more update of every path (from the start again once all are shown)."""
        self.stop_animation()
        self._advance()

    @Slot()
    def _advance(self) -> None:
        if self.shown >= self.steps.value():
            self.shown = 0
        self.shown += 1
        self._draw()
        if self.shown >= self.steps.value():
            self.stop_animation()

    @property
    def animating(self) -> bool:
        return self._timer.isActive()

    @Slot()
    def toggle_animation(self) -> None:
        """Animate every path from the start, or stop the animation running."""
        if self.animating:
            self.stop_animation()
            return
        self.shown = 0
        self._draw()
        self._timer.start()
        self._name_buttons()

    def stop_animation(self) -> None:
        self._timer.stop()
        self._name_buttons()
