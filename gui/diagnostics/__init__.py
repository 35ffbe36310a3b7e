"""Checks on an installation: the self-test, the start-up probe and the dialog guard.

(The training benchmark stays at ``python -m gui.training.benchmark``, the command users and
scripts already run.)
"""
