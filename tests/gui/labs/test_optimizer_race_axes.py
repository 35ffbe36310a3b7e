"""The optimizer race's plots name their axes: the surface's two variables (x and y, or x0 and
x1 on the book's gradient-descent surface) and the race's epoch and training loss, in English
and in Korean."""

from PySide6.QtCore import Qt

from gui.i18n import set_language
from tests.gui.labs.test_optimizer_race import choose_surface

ROSENBROCK = "Rosenbrock (1−x)² + 10(y−x²)²"


def axis_labels(plot) -> tuple[str, str]:
    """What the bottom and left axes say, as drawn (both shown)."""
    bottom, left = plot.getAxis("bottom"), plot.getAxis("left")
    assert bottom.label.isVisible() and left.label.isVisible()
    return bottom.labelText, left.labelText


def test_the_paths_and_loss_plots_name_their_axes(qtbot, open_lab, tmp_path):
    lab = open_lab("optimizer_race")
    if lab.job.running:
        with qtbot.waitSignal(lab.job.finished, timeout=30_000):
            qtbot.mouseClick(lab.race_button, Qt.MouseButton.LeftButton)
    assert axis_labels(lab.plot) == ("x", "y")
    assert axis_labels(lab.loss_plot) == ("epoch", "training loss")
    choose_surface(qtbot, lab, ROSENBROCK)
    assert axis_labels(lab.plot) == ("x", "y")
    choose_surface(qtbot, lab, "descent")  # the book's f(x0, x1) = x0² + x1²
    assert axis_labels(lab.plot) == ("x0", "x1")
    lab.grab().save(str(tmp_path / "race_axes_en.png"))
    try:
        set_language("ko")
        qtbot.waitUntil(lambda: lab.loss_plot.getAxis("left").labelText == "훈련 손실")
        assert axis_labels(lab.loss_plot) == ("에폭", "훈련 손실")
        assert axis_labels(lab.plot) == ("x0", "x1")  # the surface's names, in either language
        lab.grab().save(str(tmp_path / "race_axes_ko.png"))
    finally:
        set_language("en")
    qtbot.waitUntil(lambda: lab.loss_plot.getAxis("left").labelText == "training loss")
    choose_surface(qtbot, lab, "x²/20 + y²")
    assert axis_labels(lab.plot) == ("x", "y")
