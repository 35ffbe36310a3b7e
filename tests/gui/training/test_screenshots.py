"""The README's training screenshots: the window paused mid-training on the spiral and on the
digits, every panel live.

``UPDATE_SCREENSHOTS=1 pytest tests/gui/training/test_screenshots.py`` rewrites
resources/screenshots/training_*.png; otherwise the pictures go to a temporary folder.
"""

import pytest
from PySide6.QtCore import Qt

from gui.training.controller import PAUSED
from tests.gui.screenshots import screenshot_target
from tests.gui.training_support import click, open_example

SIZE = (1440, 900)


def paused_mid_training(qtbot, window, example: str, batch_size: int, epochs: int, epoch: int,
                        tabs: tuple[str, ...]) -> None:
    """``example`` trained past ``epoch`` and paused, the ``tabs`` docks in front, every panel
    drawn (also the Korean README's picture, tests/gui/test_korean_screens.py)."""
    window.resize(*SIZE)
    # small batches, so Pause lands mid-run even on a busy machine
    open_example(window, example, batch_size=batch_size, epochs=epochs)
    ui = window.training
    window.resizeDocks([ui.docks["Loss"]], [340], Qt.Orientation.Vertical)
    for name in tabs:
        ui.docks[name].raise_()
    controller = ui.session.controller
    click(qtbot, window, "train")
    qtbot.waitUntil(lambda: controller.last_event is not None
                    and controller.last_event.epoch > epoch, timeout=30_000)
    click(qtbot, window, "pause")
    qtbot.waitUntil(lambda: controller.state == PAUSED and controller.latest is not None
                    and ui.output.frame is controller.latest, timeout=30_000)
    qtbot.wait(300)  # the paused frame's repaints and the predictions that follow it
    window.view.fit_to_view()
    qtbot.wait(50)


@pytest.mark.parametrize(("example", "batch_size", "epochs", "epoch", "tabs"), [
    ("spiral", 8, 300, 100, ("Loss", "Output")),
    ("digits_mlp", 16, 200, 100, ("Weights", "Output")),
])
def test_screenshot_mid_training(qtbot, window, tmp_path, example, batch_size, epochs, epoch,
                                 tabs):
    paused_mid_training(qtbot, window, example, batch_size, epochs, epoch, tabs)
    ui = window.training
    image = window.grab().toImage()
    assert (image.width(), image.height()) == SIZE
    colours = {image.pixelColor(x, y).rgb() for x in range(0, SIZE[0], 37)
               for y in range(SIZE[1] // 2, SIZE[1], 23)}
    assert len(colours) > 20  # the panels hold real plots
    name = f"training_{example.split('_')[0]}.png"
    target = screenshot_target(name, tmp_path)
    assert image.save(str(target))
    with qtbot.waitSignal(ui.session.ended, timeout=30_000):
        click(qtbot, window, "stop")
