"""Explain mode: one data row stepped forward and backward through the network on the canvas
(:mod:`gui.explain.panel` the dock's controls, :mod:`gui.explain.dock` the dock in the window,
:mod:`gui.explain.shown` the weights it works on, :mod:`gui.explain.overlay` what the canvas
shows at each step)."""
