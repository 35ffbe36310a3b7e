"""Checks on an installation and on the window: the self-test, start-up probe, dialog guard
and the training benchmark (``python -m gui.diagnostics.training_benchmark``).
"""
