"""A small plot of an activation function and its slope (pyqtgraph, imported on first use)."""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from core.engine import activations
from core.i18n import _ as core_tr
from gui import theme
from gui.i18n import on_language_change
from gui.plot_menu import PlotMenu

X = np.linspace(-5.0, 5.0, 201)
PLOT_HEIGHT = 130
LEGEND = QT_TRANSLATE_NOOP("ActivationPlot", "<span style='color:{positive}'>━ f(x)</span> &nbsp; "
                           "<span style='color:{negative}'>╌ slope f′(x)</span>")


def curves(name: str) -> tuple[np.ndarray, np.ndarray]:
    """(f(x), f'(x)) over :data:`X`. Softmax acts on a vector, so it is shown as the first
    output of softmax(x, 0) — which is exactly the sigmoid."""
    if name == "softmax":
        name = "sigmoid"
    return activations.apply(name, X), activations.derivative(name, X)


class ActivationPlot(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._plot = None
        self._function = None
        self._slope = None
        self.caption = QLabel()
        self.caption.setWordWrap(True)
        self.caption.setStyleSheet(f"color: {theme.MUTED_TEXT};")
        self._layout.addWidget(self.caption)
        self.name = ""
        self._unknown = ""
        on_language_change(self, self.retranslate)

    def _create(self) -> None:
        import pyqtgraph as pg  # heavy: only when a node is first inspected

        plot = pg.PlotWidget(background="w")
        plot.setFixedHeight(PLOT_HEIGHT)
        plot.setMouseEnabled(x=False, y=False)
        plot.hideButtons()
        plot.showGrid(x=True, y=True, alpha=0.15)
        for axis in ("left", "bottom"):
            plot.getAxis(axis).setTextPen(QColor(theme.MUTED_TEXT))
            plot.getAxis(axis).setPen(QColor(theme.BORDER))
        self._function = plot.plot(pen=pg.mkPen(theme.POSITIVE, width=2.5))
        self._slope = plot.plot(pen=pg.mkPen(theme.NEGATIVE, width=2,
                                             style=Qt.PenStyle.DashLine))
        self._layout.insertWidget(0, plot)
        PlotMenu(plot)  # right click: copy the curve for a slide, save it
        self._plot = plot

    def set_activation(self, name: str) -> None:
        if name not in activations.NAMES:
            self._unknown = name
            self.retranslate()
            return
        self._unknown = ""
        if self._plot is None:
            self._create()
        self.name = name
        y, dy = curves(name)
        self._function.setData(X, y)
        self._slope.setData(X, dy)
        self.retranslate()

    def retranslate(self) -> None:
        if self._unknown:
            self.caption.setText(self.tr("unknown activation {name}").format(
                name=repr(self._unknown)))
            return
        if not self.name:
            return
        legend = self.tr(LEGEND).format(positive=theme.POSITIVE, negative=theme.NEGATIVE)
        description = core_tr(activations.get(self.name).description)
        if self.name == "softmax":
            description = self.tr("{description} (shown for two classes)").format(
                description=description)
        self.caption.setText(f"{legend}<br>{description}")

    def curve_data(self) -> tuple[np.ndarray, np.ndarray]:
        """The plotted (f, f′) values — what a test checks against core."""
        return self._function.getData()[1], self._slope.getData()[1]
