"""Live training panels (pyqtgraph): loss, weights, activations and the network's output.

Each panel is a :class:`~gui.panels.base.Panel`: it keeps the newest
:class:`~gui.training.frames.Frame`, draws it only while visible, and exports a PNG.
"""

from .activations import ActivationsPanel
from .base import Panel
from .loss import LossPanel
from .output import OutputPanel
from .weights import WeightsPanel

__all__ = ["ActivationsPanel", "LossPanel", "OutputPanel", "Panel", "WeightsPanel"]
