"""The README's runs screenshot: three runs of the spiral — the learning rate lowered, then
smaller batches — with the first two ticked in the Runs list and drawn under the current one.

``UPDATE_SCREENSHOTS=1 pytest tests/gui/training/test_runs_screenshot.py`` rewrites
resources/screenshots/runs_compared.png; otherwise the picture goes to a temporary folder.
"""

from PySide6.QtCore import Qt

from gui.document.commands import ChangeSettingsCommand
from tests.gui.screenshots import screenshot_target
from tests.gui.training.test_runs_list import click_tick
from tests.gui.training_support import open_example, train_to_end

SIZE = (1440, 900)


def three_runs_compared(qtbot, window) -> None:
    """Three runs of the spiral (lr lowered, then smaller batches), the first two ticked and
    drawn under the current one (also the Korean README's picture)."""
    window.resize(*SIZE)
    open_example(window, "spiral", epochs=120, lr=0.03)
    train_to_end(qtbot, window)
    for changes in ({"lr": 0.003}, {"batch_size": 8}):
        window.training.session.reset_weights()
        window.doc.push(ChangeSettingsCommand(window.doc, changes))
        train_to_end(qtbot, window)
    # the Predictions table follows a run's end 30 ms later: a picture taken at once (the
    # Korean one) showed the outputs of the run's first weights beside the trained network
    window.predictions.recompute()
    ui = window.training
    window.resizeDocks([ui.docks["Loss"]], [440], Qt.Orientation.Vertical)
    ui.docks["Runs"].raise_()
    qtbot.waitUntil(lambda: ui.runs.view.isVisible())
    ui.loss.set_log(True)
    for row in (0, 1):
        click_tick(qtbot, ui.runs.view, row)


def test_screenshot_of_runs_compared(qtbot, window, tmp_path):
    three_runs_compared(qtbot, window)
    ui = window.training
    assert [o.label for o, _ in ui.loss.overlays] == ["run 1: first run",
                                                      "run 2: lr 0.03 → 0.003"]
    assert ui.runs.model.index(2, 2).data() == "batch size 32 → 8"
    window.view.fit_to_view()
    qtbot.wait(200)
    image = window.grab().toImage()
    assert (image.width(), image.height()) == SIZE
    assert image.save(str(screenshot_target("runs_compared.png", tmp_path)))
