"""The README's Explain picture: XOR's 2-2-1 mid-backward, the hidden node's δ and ∂L/∂a on
the canvas, the check against the numerical gradient in the dock.

``UPDATE_SCREENSHOTS=1 pytest tests/gui/explain/test_explain_screenshot.py`` rewrites
resources/screenshots/explain_backward.png; otherwise the picture goes to a temporary folder.
"""

from PySide6.QtCore import Qt

from gui.main_window import DEFAULT_SIZE
from tests.gui.screenshots import screenshot_target


def explain_mid_backward(qtbot, window) -> None:
    """XOR's 2-2-1 stepped to hidden 1's δ on row 1, checked against the numerical gradient
    and zoomed to it (also the Korean README's picture)."""
    assert window.files.open_example("xor_learned")
    for name, dock in window.training.docks.items():
        if name != "Training":
            dock.close()  # the live plots have nothing to show before training: room instead
    window.explain_action.trigger()
    panel = window.explain
    qtbot.waitUntil(lambda: panel.explanation is not None)
    panel.row_spin.setValue(1)
    qtbot.waitUntil(lambda: panel.explanation.sample == 1)
    for _ in range(8):  # forward, the loss, the output's δ and ∂L/∂W2: now hidden 1's δ
        qtbot.keyClick(window.view, Qt.Key.Key_Right)
    qtbot.mouseClick(panel.check_button, Qt.MouseButton.LeftButton)
    qtbot.wait(50)  # let the layouts settle, as they would on screen
    window.view.fit_to_view()
    window.view.set_zoom(1.25)  # the numbers large enough to read in the README
    window.view.centerOn(window.scene.node_item("1"))


def test_screenshot_mid_backward(qtbot, window, tmp_path):
    explain_mid_backward(qtbot, window)
    panel = window.explain
    step = panel.explanation.steps[panel.index]
    assert (step.phase, step.node_id) == ("backward", "1") and "δ" in step.values
    image = window.grab().toImage()
    assert (image.width(), image.height()) == DEFAULT_SIZE
    target = screenshot_target("explain_backward.png", tmp_path)
    assert image.save(str(target))
