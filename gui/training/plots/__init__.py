"""Live training panels (pyqtgraph): loss, weights, activations and the network's output.

Each panel is a :class:`~gui.training.plots.base.Panel`: it keeps the newest
:class:`~gui.training.frames.Frame`, draws it only while visible, and exports a PNG.
"""

from gui.training.plots.activations import ActivationsPanel
from gui.training.plots.base import Panel
from gui.training.plots.loss import LossPanel
from gui.training.plots.output import OutputPanel
from gui.training.plots.weights import WeightsPanel

__all__ = ["ActivationsPanel", "LossPanel", "OutputPanel", "Panel", "WeightsPanel"]
