"""The optimizer race's drawing: a pen per optimizer, legends beside the plots, and the
surface as a shaded image with contour lines."""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtWidgets import QSizePolicy

from core.labs.optimizer_race import TITLES, Surface
from gui import theme

#: the pairs whose curves lie on one another are dashed and drawn on top: Nesterov's path
#: follows Momentum's, RMSprop's loss curve AdaGrad's
DASHED = ("nesterov", "rmsprop")
ISO_LEVELS = 6  # log-spaced contour lines of f
#: the surface is computed on this many points across and up its window
SHADING_POINTS = (200, 100)


def pen(name: str) -> pg.QtGui.QPen:
    """Solid, or dashed with gaps wide enough to show the curve underneath (drawn on top)."""
    if name in DASHED:
        dashed = pg.mkPen(theme.OPTIMIZER_COLORS[name], width=2)
        dashed.setDashPattern([3, 3])
        return dashed
    return pg.mkPen(theme.OPTIMIZER_COLORS[name], width=2.5)


def stack_dashes_on_top(curves: dict[str, pg.PlotDataItem]) -> None:
    """Dashed curves above the solid ones they lie on, so both stay visible."""
    for z, (name, curve) in enumerate(curves.items()):
        curve.setZValue(z + (10 if name in DASHED else 0))


class SideLegend(pg.LegendItem):
    """A legend that sits in its own cell of a GraphicsLayout, beside a plot rather than over
    its curves (a plain LegendItem places itself at (0, 0) whenever it grows)."""

    def __init__(self) -> None:
        super().__init__(brush=pg.mkBrush(255, 255, 255, 0), pen=pg.mkPen(None),
                         labelTextColor=theme.TEXT, labelTextSize="9pt")
        self.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)

    def updateSize(self) -> None:
        self.layout.invalidate()
        self.updateGeometry()

    def mouseDragEvent(self, ev: object) -> None:  # the layout places it: not draggable
        ev.ignore()

    def labels(self) -> dict[str, str]:
        """Each item's name → its label's text (what a student reads)."""
        return {sample.item.name(): label.text for sample, label in self.items}

    def fill(self, curves: dict[str, pg.PlotDataItem], notes: dict[str, str]) -> None:
        """One entry per curve, named as the book names the optimizer, with its note."""
        self.clear()
        for name, curve in curves.items():
            note = notes.get(name)
            self.addItem(curve, f"{TITLES[name]} — {note}" if note else TITLES[name])


def iso_levels(f: np.ndarray) -> np.ndarray:
    """Log-spaced values of f for the contour lines, from near the minimum to the rim."""
    top = float(f.max())
    return np.geomspace(top * 2e-3, top * 0.5, ISO_LEVELS)


def show_surface(surface: Surface, shading: pg.ImageItem,
                 isocurves: list[pg.IsocurveItem]) -> None:
    """Shade f over the surface's window (light grey, paler where f is low) and put the
    contour lines on it."""
    x0, x1, y0, y1 = surface.window
    xs, ys = np.linspace(x0, x1, SHADING_POINTS[0]), np.linspace(y0, y1, SHADING_POINTS[1])
    f = surface.f(*np.meshgrid(xs, ys))
    levels = np.log1p(f)
    shade = (250 - 45 * levels / levels.max()).astype(np.uint8)
    shading.setImage(np.dstack([shade, shade, np.minimum(shade + 5, 255)]),
                     autoLevels=False, levels=(0, 255))
    # The image's pixels span the window: pixel centres are where f was computed.
    dx, dy = (x1 - x0) / (len(xs) - 1), (y1 - y0) / (len(ys) - 1)
    shading.setRect(x0 - dx / 2, y0 - dy / 2, x1 - x0 + dx, y1 - y0 + dy)
    for iso, level in zip(isocurves, iso_levels(f), strict=True):
        iso.setData(f, level)
        iso.setPos(0.5, 0.5)  # isocurves run through pixel centres
