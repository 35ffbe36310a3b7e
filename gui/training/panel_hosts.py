"""The four live panels of the Training docks by dock name, each in a :class:`LazyPanel` that
makes it when its dock is first on screen — the Activations, Weights and Output panels in
parts, one plot per turn of the event loop (their plots in one piece held the GUI thread
90–200 ms on a loaded machine: :meth:`gui.training.plots.base.Panel.build_part`)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QWidget

from gui.training.lazy_panel import LazyPanel

PANELS = {"Loss": "LossPanel", "Weights": "WeightsPanel",  # i18n: not ui
          "Activations": "ActivationsPanel", "Output": "OutputPanel"}  # i18n: not ui
# the panels made one part per turn
IN_PARTS = {"ActivationsPanel", "WeightsPanel", "OutputPanel"}  # i18n: not ui


def panel_maker(class_name: str) -> Callable[[], QWidget]:
    """Makes the panel of ``class_name`` (importing the plots, and pyqtgraph, then)."""
    def make() -> QWidget:
        from gui.training import plots

        panel = getattr(plots, class_name)
        return panel(in_parts=True) if class_name in IN_PARTS else panel()
    return make


def panel_hosts() -> dict[str, LazyPanel]:
    """A host for each panel, by dock name; none is made yet."""
    return {name: LazyPanel(panel_maker(class_name)) for name, class_name in PANELS.items()}
