"""The window on a projector at 1024 × 768 with the display scaled to 150 % (683 × 512 logical
pixels), in English and in Korean: it must fit the screen whole, with the canvas the largest
part. Its minimum size (the timeline's row, the Build, Inspector and Training docks, the
training panels side by side) once forced it about 110 pixels wider than the screen, the
Inspector and Output panels' right side out of reach; the canvas was a sliver."""

import pytest

from tests.gui.scaled import run_scaled

FITS = """
from gui.main_window import MainWindow
window = MainWindow(settings)
available = window.screen().availableGeometry()
window.place_on(available)
window.show()
for name in ("spiral", "digits_mlp"):  # the Output panel's plots are the widest
    window.files.open_example(name)
    for _ in range(30):
        app.processEvents()
    result[name] = {
        "screen": available.getRect(),
        "window": window.frameGeometry().getRect(),
        "minimum": window.minimumSizeHint().width(),
        "canvas": window.view.width(),
    }
"""


@pytest.mark.parametrize("language", ["en", "ko"])
def test_the_window_fits_a_projector_at_150_percent(tmp_path, language):
    shown = run_scaled(FITS, tmp_path, (1024, 768), 1.5, language)
    for name, sizes in shown.items():
        assert sizes["screen"] == [0, 0, 683, 512], name
        x, y, width, height = sizes["window"]
        assert x >= 0 and y >= 0 and x + width <= 683 and y + height <= 512, (name, sizes)
        assert sizes["minimum"] <= width, (name, sizes)
        assert sizes["canvas"] >= width // 3, (name, sizes)  # not a sliver between the docks

