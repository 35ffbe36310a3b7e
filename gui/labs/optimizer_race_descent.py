"""The optimizer race's "Gradient descent (book §4.4)" surface: the book's gradient method on
x0² + x1² from (−3, 4) with its rate 0.1 and its "too large" (10) and "too small" (1e-10) ones,
the final point printed as the book prints it, and the gradient at the book's points."""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QT_TRANSLATE_NOOP, Signal
from PySide6.QtWidgets import QButtonGroup, QLabel, QRadioButton, QVBoxLayout, QWidget

from core.labs.optimizer_race import DESCENT, DESCENT_RATES, Descent, book_gradient
from gui import theme
from gui.i18n import translate

#: the surface combo's data for this surface (the others' are core's SURFACES keys)
DESCENT_KEY = "descent"  # i18n: not ui
LAB = "OptimizerRaceLab"  # i18n: not ui (a context)
TITLE = QT_TRANSLATE_NOOP("OptimizerRaceLab", "Gradient descent (book §4.4)")
#: the points whose gradient the book works out, then the start
GRADIENT_POINTS = ((3.0, 4.0), (0.0, 2.0), DESCENT.start)
COLOUR = theme.POSITIVE

NOTICE = QT_TRANSLATE_NOOP(
    "OptimizerRaceLab",
    "<b>What to notice.</b> The book's gradient method on f(x0, x1) = x0² + x1² from (−3, 4): "
    "every step is x ← x − lr·∇f(x), with ∇f worked out numerically by central differences "
    "(h = 1e-4), as in the book. At the book's rate <b>0.1</b> every step shrinks x to 0.8 of "
    "itself: after the book's 100 steps it is practically the minimum (0, 0) (its figure "
    "draws the first 20). Too <b>large</b> a rate (10) overshoots further at every step and "
    "diverges; too <b>small</b> a rate (1e-10) barely moves. ")
RATE_NAMES = (QT_TRANSLATE_NOOP("OptimizerRaceLab", "lr = 0.1 (the book's)"),
              QT_TRANSLATE_NOOP("OptimizerRaceLab", "lr = 10 (too large)"),
              QT_TRANSLATE_NOOP("OptimizerRaceLab", "lr = 1e-10 (too small)"))
RATE_TIP = QT_TRANSLATE_NOOP(
    "OptimizerRaceLab",
    "The learning rate of the book's gradient descent: its 0.1, and the two it shows going "
    "wrong.\nThe path and the final point are worked out again at once.")
OUTCOMES = {
    "arrived": QT_TRANSLATE_NOOP("OptimizerRaceLab", "Practically the minimum (0, 0)."),
    "moving": QT_TRANSLATE_NOOP("OptimizerRaceLab",
                                "Close to the minimum (0, 0), still on its way."),
    "diverged": QT_TRANSLATE_NOOP(
        "OptimizerRaceLab", "Too large a rate: every step overshoots further than the last; by "
        "step {k} the path is more than a million away. (The numbers stop growing only "
        "because the central difference rounds to 0 that far out.)"),
    "stuck": QT_TRANSLATE_NOOP("OptimizerRaceLab",
                               "Too small a rate: it has barely moved from the start."),
}


def point_text(point: np.ndarray | tuple[float, ...]) -> str:
    """A point as NumPy (and the book) prints it: '[-6.11110793e-10,  8.14814391e-10]'."""
    return np.array2string(np.asarray(point, dtype=np.float64), separator=", ", precision=8)


def point_short(point: np.ndarray | tuple[float, ...]) -> str:
    """A point as the lab's sentences write it: '(−3, 4)', four significant digits, with a
    true minus sign (U+2212, as in the notices) and no '-0'."""
    return "({})".format(", ".join(_signed(f"{v:.4g}") for v in np.asarray(point) + 0.0))


def _signed(number: str) -> str:
    return "−" + number[1:] if number.startswith("-") else number


class DescentControls(QWidget):
    """The three rates as radio buttons (the book's checked) and the gradient's readout.
    Emits :attr:`changed` when another rate is chosen."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.group = QButtonGroup(self)
        self.rates: list[QRadioButton] = []
        for index in range(len(DESCENT_RATES)):
            button = QRadioButton()
            self.group.addButton(button, index)
            layout.addWidget(button)
            self.rates.append(button)
        self.rates[0].setChecked(True)
        self.group.idClicked.connect(lambda _index: self.changed.emit())
        self.gradients = QLabel()
        self.gradients.setWordWrap(True)
        self.gradients.setStyleSheet(f"color: {theme.STATUS_TEXT};")
        layout.addWidget(self.gradients)

    def lr(self) -> float:
        return DESCENT_RATES[max(self.group.checkedId(), 0)]

    def retranslate(self) -> None:
        for button, name in zip(self.rates, RATE_NAMES, strict=True):
            button.setText(translate(LAB, name))
            button.setToolTip(translate(LAB, RATE_TIP))
        lines = [translate("OptimizerRaceLab", "∇f at {point} = {gradient}").format(
            point=point_short(p), gradient=point_short(book_gradient(p))) for p in GRADIENT_POINTS]
        self.gradients.setText(translate(
            "OptimizerRaceLab", "The gradient by central differences (h = 1e-4):<br>{lines}"
            "<br>Each step goes against it, lr times as far: the red arrows on the plot are "
            "one step of lr 0.1.").format(
            lines="<br>".join(lines)))


def descent_title() -> str:
    return translate(LAB, TITLE)


def descent_curve(plot: pg.PlotItem) -> pg.PlotDataItem:
    """The path's curve on ``plot``, above every optimizer's."""
    curve = plot.plot(pen=pg.mkPen(COLOUR, width=2.5), symbol="o", symbolSize=5,
                      symbolBrush=COLOUR, symbolPen=None, name=DESCENT_KEY)
    curve.setZValue(40)
    return curve


class GradientArrows:
    """−∇f drawn at the book's points (3, 4) and (0, 2), as long as one step at lr 0.1, each
    labelled with ∇f: the direction gradient descent goes from there."""

    def __init__(self, plot: pg.PlotItem) -> None:
        self.items: list[pg.GraphicsObject] = []
        for point in GRADIENT_POINTS[:2]:
            gradient = book_gradient(point)
            end = np.array(point) - DESCENT_RATES[0] * gradient
            line = plot.plot([point[0], end[0]], [point[1], end[1]],
                             pen=pg.mkPen(theme.GRADIENT, width=2))
            angle = 180.0 - np.degrees(np.arctan2(-gradient[1], -gradient[0]))
            head = pg.ArrowItem(pos=tuple(end), angle=angle, headLen=12, tailLen=0,
                                pen=pg.mkPen(None), brush=pg.mkBrush(theme.GRADIENT))
            plot.addItem(head)
            label = pg.TextItem(anchor=(0, 0.5), color=theme.GRADIENT)
            label.setPos(point[0] + 0.15, point[1])
            plot.addItem(label)
            self.items += [line, head, label]
        for item in self.items:
            item.setZValue(30)

    def labels(self) -> list[pg.TextItem]:
        return [item for item in self.items if isinstance(item, pg.TextItem)]

    def retranslate(self) -> None:
        for label, point in zip(self.labels(), GRADIENT_POINTS, strict=False):
            label.setText(translate("OptimizerRaceLab", "∇f at {point} = {gradient}").format(
                point=point_short(point), gradient=point_short(book_gradient(point))))

    def setVisible(self, visible: bool) -> None:
        for item in self.items:
            item.setVisible(visible)


def legend_text(lr: float) -> str:
    return translate("OptimizerRaceLab", "Gradient descent, lr = {lr}").format(lr=f"{lr:g}")


def result_text(descent: Descent, lr: float) -> str:
    """'After 100 steps from (−3, 4) with lr = 0.1: x = [...]' and what became of it."""
    steps = len(descent.points) - 1
    outcome = translate(LAB, OUTCOMES[descent.outcome]).format(
        k=descent.drawable().diverged_at)
    return translate("OptimizerRaceLab", "After {n} steps from {start} with lr = {lr}:<br>"
                     "<b>x = {point}</b><br>{outcome}").format(
        n=steps, start=point_short(DESCENT.start), lr=f"{lr:g}",
        point=point_text(descent.final), outcome=outcome)
