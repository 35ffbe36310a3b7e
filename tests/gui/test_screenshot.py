"""The README's screenshot: the XOR example in a 1280×800 window.

``UPDATE_SCREENSHOTS=1 pytest tests/gui/test_screenshot.py`` rewrites
resources/screenshots/main_window_xor.png; otherwise the picture goes to a temporary folder.
"""

from gui.main_window import DEFAULT_SIZE
from tests.gui.screenshots import screenshot_target


def test_screenshot_of_the_xor_example(qtbot, window, tmp_path):
    assert window.files.open_example("xor_by_hand")
    window.scene.select_only(["1"])
    window.predictions.recompute()
    qtbot.waitUntil(lambda: window.predictions_panel.column("predicted") == ["0", "1", "1", "0"])
    # the Output panel is made a moment after the window: the picture waits for it to show
    # what the hand-set weights answer, as the README says it does before any run
    def confusion():
        shown = window.training.output.confusion.shown
        return None if shown is None else shown.tolist()

    qtbot.waitUntil(lambda: confusion() == [[2, 0], [0, 2]])
    qtbot.wait(50)  # let the layouts settle, as they would on screen
    window.view.fit_to_view()
    image = window.grab().toImage()
    assert (image.width(), image.height()) == DEFAULT_SIZE
    colours = {image.pixelColor(x, y).rgb() for x in range(0, 1280, 37) for y in range(0, 800, 23)}
    assert len(colours) > 20  # a real picture, not an empty window
    target = screenshot_target("main_window_xor.png", tmp_path)
    assert image.save(str(target))
