"""The Predictions table's columns in a narrow dock: a header is never cut."""

from tests.gui.training_support import open_example


def test_no_header_is_cut_when_the_columns_are_wider_than_the_dock(qtbot, window):
    """Spiral in a 1280 × 800 window: the last column was stretched into the room left, and
    "predicted" showed as "redicte". Now it keeps its width and the table scrolls sideways."""
    window.resize(1280, 800)
    open_example(window, "spiral")
    table = window.predictions_panel.table
    header = table.horizontalHeader()
    qtbot.waitUntil(lambda: table.columnCount() == 5 and table.isVisible())
    qtbot.wait(50)
    widths = [header.sectionSize(c) for c in range(header.count())]
    needed = [max(header.sectionSizeHint(c), table.sizeHintForColumn(c))
              for c in range(header.count())]
    assert sum(needed) > table.viewport().width()  # the case: columns wider than the dock
    assert all(w >= n for w, n in zip(widths, needed, strict=True)), (widths, needed)
    assert table.horizontalScrollBar().maximum() > 0  # the rest is reached by scrolling
