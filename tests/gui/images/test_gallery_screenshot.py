"""The README's picture of image data after training: the digits example's gallery of test
images (wrong ones first, one clicked to show its outputs), the rows' pictures in the
Predictions panel and the hidden node's weights as images on the canvas.

``UPDATE_SCREENSHOTS=1 pytest tests/gui/images/test_gallery_screenshot.py`` rewrites
resources/screenshots/gallery_digits.png; otherwise the picture goes to a temporary folder.
"""

from PySide6.QtCore import Qt

from tests.gui.screenshots import screenshot_target
from tests.gui.training_support import open_example, train_to_end

SIZE = (1440, 900)


def test_screenshot_of_the_digits_gallery(qtbot, window, tmp_path):
    window.resize(*SIZE)
    open_example(window, "digits_mlp", epochs=10)
    ui = window.training
    ui.docks["Output"].raise_()
    window.resizeDocks([ui.docks["Loss"]], [400], Qt.Orientation.Vertical)
    train_to_end(qtbot, window)
    gallery = ui.output.gallery
    qtbot.waitUntil(lambda: len(gallery.grid.captions) > 0)
    qtbot.mouseClick(gallery.grid, Qt.MouseButton.LeftButton,
                     pos=gallery.grid.tile_rect(0).center())
    assert gallery.probabilities is not None
    qtbot.waitUntil(lambda: window.scene.node_item(
        window.doc.spec.nodes_of_kind("hidden")[0].id).thumbnail is not None)
    window.view.fit_to_view()
    qtbot.wait(100)
    image = window.grab().toImage()
    assert (image.width(), image.height()) == SIZE
    assert image.save(str(screenshot_target("gallery_digits.png", tmp_path)))
