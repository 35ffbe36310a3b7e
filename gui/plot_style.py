"""pyqtgraph's defaults in the app's colours.

pyqtgraph draws every text and axis it is not given a colour for (plot titles, axis labels and
ticks, legends) in its light grey (150, 150, 150): 2.96:1 on white, washed out on a projector.
:func:`use_app_colours` makes the app's text colour the default; every lab calls it before it
makes its plots. (The main window's plots colour their titles, axes and labels themselves, so
they look the same whether a lab was opened before them or not; and the main window does not
import pyqtgraph before its plots are first shown.)
"""

from __future__ import annotations

from gui import theme


def use_app_colours() -> None:
    """Text and axes that no plot colours itself are drawn in :data:`gui.theme.TEXT`.

    pyqtgraph is imported here, not with this module: the Labs menu imports the labs' base
    at start, and the window shows before pyqtgraph is loaded (a quarter of a second)."""
    import pyqtgraph as pg

    pg.setConfigOptions(foreground=theme.TEXT)
