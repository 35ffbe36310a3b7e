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


def test_the_graph_labs_input_boxes_name_their_input(window, qtbot, open_lab, korean):
    lab = open_lab("comp_graph")
    boxes = lab.value_boxes
    first, *others = boxes.values()
    start_on(qtbot, lab, first)
    assert spoken(first)[0] == f"{next(iter(boxes))}의 값"
    for name, box in list(boxes.items())[1:]:
        tab_to(qtbot, box)
        assert spoken(box)[0] == f"{name}의 값"
    assert others  # the apple example: apple, apple_num, tax
