"""The Predictions table with a projector's big system font in a small window."""

import pytest

from tests.gui.text_fit import BIG_FONT_WINDOW

SHOWN = BIG_FONT_WINDOW + """
from gui.panels.predictions import PredictionsPanel
window.files.open_example("xor_learned")
settle()
table = window.findChild(PredictionsPanel).table
result["rows"] = [table.rowCount(), table.viewport().height(),
                  table.rowHeight(0) + table.rowHeight(1)]
"""


@pytest.mark.parametrize("screen", [(1280, 720), (1024, 768)])
def test_the_truth_table_shows_two_rows_with_a_big_system_font(tmp_path, screen):
    """With a 16 pt system font at 1024 × 768 the Build dock took the column and the XOR
    truth table showed 25 pixels of rows 29 pixels high: not one row whole. The table now
    keeps room for two rows (and its scroll bar), the Build dock giving way."""
    from tests.gui.scaled import run_scaled
    from tests.gui.training.test_narrow_panels import SETTLE

    rows, shown, two_rows = run_scaled(SETTLE + SHOWN, tmp_path, screen, 1)["rows"]
    assert rows == 4
    assert shown >= two_rows
