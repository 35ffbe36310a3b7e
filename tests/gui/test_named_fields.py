"""The fields a screen reader said nothing of but "spin box", "edit", "table": each reached
with Tab and read out by name (Explain's data row and inputs, the Runs table, the search lab's
"to" boxes, the computational-graph lab's input values), in the interface's language."""

from __future__ import annotations

from PySide6.QtCore import Qt

from tests.gui.test_screen_reader import press, spoken, start_on, tab_to
from tests.gui.training_support import open_example


def test_explain_names_its_row_and_inputs_boxes(window, qtbot, korean):
    open_example(window, "xor_learned")
    window.explain_action.trigger()
    panel = window.explain
    qtbot.waitUntil(lambda: panel.next_button.isEnabled())
    assert spoken(panel)[0] == "단계별 설명"  # the panel itself takes the focus
    start_on(qtbot, window, panel.row_spin)
    assert spoken(panel.row_spin)[0] == panel.row_caption.text() == "데이터 행"
    assert press(qtbot, Qt.Key.Key_Tab) is panel.inputs_edit
    assert spoken(panel.inputs_edit)[0] == panel.inputs_caption.text() == "입력값"


def test_the_runs_table_is_named(window, qtbot, korean):
    runs = window.training.runs
    window.training.docks["Runs"].show()
    window.training.docks["Runs"].raise_()
    qtbot.waitUntil(runs.view.isVisible)
    start_on(qtbot, window, runs.hidden_check)  # the row above the table, then the table
    assert press(qtbot, Qt.Key.Key_Tab) is runs.view
    assert spoken(runs.view)[0] == "실행 목록"


def test_the_search_labs_range_boxes_say_which_end_they_are(window, qtbot, open_lab):
    lab = open_lab("search")
    form = lab.form
    start_on(qtbot, lab, form.lr_from)
    assert spoken(form.lr_from)[0] == "Learning rate, lowest power of ten"
    tab_to(qtbot, form.lr_to)
    assert spoken(form.lr_to)[0] == "Learning rate, highest power of ten"
    tab_to(qtbot, form.decay_to)
    assert spoken(form.decay_to)[0] == "Weight decay, highest power of ten"


def test_the_graph_labs_input_boxes_follow_their_table_and_name_their_input(
        window, qtbot, open_lab, korean):
    """Tab from the inputs table goes through its value boxes (they came last, after the
    gradient check on the far side), each read out as the value of its input."""
    lab = open_lab("comp_graph")
    boxes = lab.value_boxes
    assert list(boxes) == ["apple", "apple_num", "tax"]  # the book's apple example
    start_on(qtbot, lab, lab.inputs_table)
    for name, box in boxes.items():
        assert press(qtbot, Qt.Key.Key_Tab) is box
        assert spoken(box)[0] == f"{name}의 값"
