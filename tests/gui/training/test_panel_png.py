"""A panel's PNG… button makes a picture for a slide: twice the screen's pixels, on white, the
plots and legends without the panel's buttons and check boxes (it was a screen grab: 470 px
wide, the window's grey, "log scale", "CSV…" and "PNG…" in its top row)."""

from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QFileDialog

from tests.gui.training_support import open_example, train_to_end

WHITE = QColor(Qt.GlobalColor.white)


def test_the_loss_panels_png_is_a_sharp_white_picture_without_buttons(qtbot, window, tmp_path,
                                                                       monkeypatch):
    open_example(window, "spiral", epochs=5)
    train_to_end(qtbot, window)
    panel = window.training.loss
    target = tmp_path / "loss"
    asked = []
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(
        lambda *args, **kwargs: asked.append(args[1]) or (str(target), "")))
    qtbot.mouseClick(panel.png_button, Qt.MouseButton.LeftButton)
    assert asked == ["Save Loss as PNG"]
    image = QImage(str(target) + ".png")
    assert (image.width(), image.height()) == (2 * panel.width(), 2 * panel.height())
    assert image.pixelColor(1, 1) == WHITE  # the window's grey is left out
    for control in (panel.png_button, panel.csv_button, panel.log_check):
        corner = control.mapTo(panel, QPoint(0, 0)) * 2
        area = QRect(corner, control.size() * 2)
        colors = {image.pixelColor(x, y).name() for x in range(area.left(), area.right(), 3)
                  for y in range(area.top(), area.bottom(), 3)}
        assert colors == {"#ffffff"}, control
    legend = panel.note.mapTo(panel, QPoint(0, 0)) * 2
    legend_area = QRect(legend, panel.note.size() * 2)
    assert any(image.pixelColor(x, y) != WHITE for x in range(legend_area.left(),
                                                                legend_area.right())
               for y in range(legend_area.top(), legend_area.bottom()))  # the legend stays
