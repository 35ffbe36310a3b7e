"""The Explain dock fits its width with a projector's 16 pt font at 1024 × 768: the step
buttons' row was 317 pixels wide in a dock of 308, which scrolled sideways, and the check's
four columns needed 421 pixels of its table's 301 — the numerical gradients and relative errors
cut at its edge. The buttons now go into two rows and the check's columns share cells when the
dock is that narrow: every number whole, no scroll bar sideways, at every step."""

import pytest

from tests.gui.text_fit import BIG_FONT_WINDOW

STEPPED = BIG_FONT_WINDOW + """
from PySide6.QtTest import QTest
window.files.open_example("xor_learned")
settle()
QTest.keyClick(window, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)  # Explain…
settle()
panel = window.explain
area = panel.parentWidget().parentWidget()

def cut_cells(table):
    # each cell's lines against its column: the text and what it lacks
    metrics, found = table.fontMetrics(), []
    for r in range(table.rowCount()):
        for c in range(table.columnCount()):
            text = table.item(r, c).text()
            need = max(metrics.horizontalAdvance(line) for line in text.split("\\n")) + 4
            if need > table.columnWidth(c):
                found.append([text, need - table.columnWidth(c)])
    return found

def seen():
    tables = [panel.matrix.table] if panel.matrix.isVisible() else []
    if panel.check_table.isVisible():
        tables.append(panel.check_table.table)
    return {"progress": panel.progress.text(), "sideways": area.horizontalScrollBar().maximum(),
            "wider": panel.width() - area.viewport().width(),
            "tables": [[table.horizontalScrollBar().maximum(), cut_cells(table)]
                       for table in tables]}

steps = result["steps"] = []
for checked in (False, True):
    if checked:
        QTest.mouseClick(panel.home_button, Qt.MouseButton.LeftButton)
        QTest.mouseClick(panel.check_button, Qt.MouseButton.LeftButton)
        settle(0.2)
        window.explain.dock.grab().save(sys.argv[1] + "/checked.png")
    steps.append(seen())
    while panel.next_button.isEnabled():
        QTest.mouseClick(panel.next_button, Qt.MouseButton.LeftButton)
        settle(0.2)
        steps.append(seen())
result["checked"] = [panel.check_table.isVisible(), panel.check_table.table.rowCount()]
other = "ko" if sys.argv[2] == "en" else "en"
window.language_menu.language_actions[other].trigger()  # View ▸ Language, live
settle(0.2)
steps.append(seen())
panel.grab().save(sys.argv[1] + "/panel.png")
"""


@pytest.mark.parametrize("language", ["en", "ko"])
def test_every_number_of_explain_is_whole_without_scrolling_sideways(tmp_path, language):
    from tests.gui.scaled import run_scaled
    from tests.gui.training.test_narrow_panels import SETTLE

    shown = run_scaled(SETTLE + STEPPED, tmp_path, (1024, 768), 1, language)
    assert shown["steps"][-1]["progress"] == ("단계 11/11 · 역전파" if language == "en"
                                               else "step 11 of 11 · backward")  # switched
    assert shown["checked"] == [True, 9]  # W1, b1, W2, b2 of the 2-2-1 network, each number
    steps = shown["steps"]
    assert len(steps) == 2 * 11 + 1 and any(len(step["tables"]) == 2 for step in steps)
    for step in steps:
        assert step["sideways"] == 0 and step["wider"] <= 0, step
        for scroll, cut in step["tables"]:
            assert scroll == 0 and cut == [], step
