"""Every undo text names the edit in the interface's language: the Korean one said
"은닉 1의 units 변경" and "epochs 변경", the field's identifier in English."""

from dataclasses import fields

from PySide6.QtCore import Qt

from core.spec import NodeSpec
from core.training.settings import TrainingSettings
from gui.document import commands


def type_into(qtbot, window, spin, text: str) -> None:
    spin.setFocus()
    spin.selectAll()
    qtbot.keyClicks(spin, text)
    qtbot.keyClick(spin, Qt.Key.Key_Return)
    window.view.setFocus()


def test_every_field_an_edit_can_change_has_words():
    assert set(commands._FIELD_WORDS) == {f.name for f in fields(NodeSpec)} - {"id", "kind"}
    assert set(commands._SETTING_WORDS) == {f.name for f in fields(TrainingSettings)}


def test_the_korean_undo_texts_name_the_fields_in_korean(qtbot, window, canvas, korean):
    window.files.open_example("xor_learned")
    canvas.click_node("1")
    form = window.inspector.node_form
    stack = window.doc.undo_stack
    type_into(qtbot, window, form.units_spin, "3")
    assert stack.undoText() == "은닉 1의 뉴런 수 변경"
    type_into(qtbot, window, form.dropout_spin, "0.2")
    assert stack.undoText() == "은닉 1의 드롭 아웃 변경"
    panel = window.training.settings_panel
    type_into(qtbot, window, panel.epochs_spin, "50")
    assert stack.undoText() == "에폭 수 변경"
    type_into(qtbot, window, panel.seed_spin, "5")
    assert stack.undoText() == "시드 변경"
    type_into(qtbot, window, panel.val_spin, "10")
    assert stack.undoText() == "떼어 둔 비율 변경"
    assert window.undo_action.text() == "실행 취소(&U): 떼어 둔 비율 변경"


def test_the_english_undo_texts_stay_as_they_were(qtbot, window, canvas):
    window.files.open_example("xor_learned")
    canvas.click_node("1")
    type_into(qtbot, window, window.inspector.node_form.units_spin, "3")
    assert window.doc.undo_stack.undoText() == "Change units of hidden 1"
    type_into(qtbot, window, window.training.settings_panel.epochs_spin, "50")
    assert window.doc.undo_stack.undoText() == "Change epochs"
