"""Fixtures of the training tests."""

import pytest

from tests.gui.training_support import open_example, train_to_end


@pytest.fixture
def trained_spiral(qtbot, window):
    """The window with the spiral example trained for 12 epochs (its timeline recorded)."""
    open_example(window, "spiral", epochs=12)
    train_to_end(qtbot, window)
    return window
