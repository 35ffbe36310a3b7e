"""The window's settings file is the user's (or a sync tool's) to edit: a neuron-view limit
that is no whole number kept the window from starting at all — "netcanvas: error: invalid
literal for int() with base 10: 'abc'", at every start — and one far above what View ▸ Neuron
view… offers (at most 64) drew MNIST's 784-unit input neuron by neuron."""

import pytest

from gui.canvas.scene import DEFAULT_NEURON_LIMIT
from tests.gui.windows import shown_main_window


@pytest.mark.parametrize("stored, limit", [
    ("abc", DEFAULT_NEURON_LIMIT), ("", DEFAULT_NEURON_LIMIT), ("12.5", DEFAULT_NEURON_LIMIT),
    ("100000", 64), ("-3", 1), (" 8 ", 8)])
def test_a_neuron_limit_edited_by_hand_still_opens_the_window(qtbot, settings, stored, limit):
    settings.setValue("canvas/neuron_limit", stored)
    settings.sync()
    window = shown_main_window(qtbot, settings)
    assert window.scene.neuron_limit == limit
    assert window.files.open_example("digits_mlp")  # and it works
    assert window.scene.node_item(window.doc.spec.inputs[0].id).neuron_mode == (limit >= 64)
