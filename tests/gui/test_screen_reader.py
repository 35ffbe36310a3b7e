"""A keyboard-only student with a screen reader, in Korean: the names and descriptions Qt's
accessibility bridge hands a screen reader (what it reads, not only ``accessibleName()``), and
the Tab key getting through the window — driven by real key presses."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible, QColor, QPalette, QTextDocumentFragment
from PySide6.QtWidgets import QApplication, QWidget

from gui.i18n import set_language
from tests.gui.training_support import open_example


@pytest.fixture
def ko(window):
    set_language("ko")
    yield
    set_language("en")


def spoken(widget: QWidget) -> tuple[str, str]:
    """(name, description) as a screen reader gets them."""
    iface = QAccessible.queryAccessibleInterface(widget)
    return iface.text(QAccessible.Text.Name), iface.text(QAccessible.Text.Description)


def labelled_by(widget: QWidget) -> list[str]:
    """The texts of the labels a screen reader is told name ``widget``."""
    iface = QAccessible.queryAccessibleInterface(widget)
    return [other.text(QAccessible.Text.Name)
            for other, _relation in iface.relations(QAccessible.Relation.Label)]


def press(qtbot, key: Qt.Key, modifier=Qt.KeyboardModifier.NoModifier) -> QWidget:
    """Press ``key`` on the focused widget; the widget focused after it."""
    qtbot.keyClick(QApplication.focusWidget(), key, modifier)
    return QApplication.focusWidget()


def tab_to(qtbot, target: QWidget, limit: int = 40) -> None:
    """Press Tab until ``target`` has the focus (a keyboard user's way there)."""
    for _ in range(limit):
        if QApplication.focusWidget() is target:
            return
        press(qtbot, Qt.Key.Key_Tab)
    raise AssertionError(f"Tab never reached {target!r}")


def start_on(qtbot, window, widget: QWidget) -> None:
    window.activateWindow()
    widget.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is widget)


def test_inspector_fields_are_read_out_by_their_labels(window, qtbot, ko):
    start_on(qtbot, window, window.palette.buttons["hidden"])
    press(qtbot, Qt.Key.Key_Space)  # adds a hidden node and selects it
    form = window.inspector.node_form
    tab_to(qtbot, form.units_spin)
    assert spoken(form.units_spin)[0] == "뉴런 수"
    qtbot.keyClick(form.units_spin, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(form.units_spin, "8")
    press(qtbot, Qt.Key.Key_Tab)
    assert window.doc.spec.nodes[0].units == 8
    tab_to(qtbot, form.activation_combo)
    # a combo box: on Linux Qt gives its current item as the name and its label by the
    # "labelled by" relation, which Orca reads (elsewhere the label is the name)
    assert labelled_by(form.activation_combo) == ["활성화 함수"]


def test_training_settings_are_read_out_by_their_labels(window, qtbot, ko):
    panel = window.training.settings_panel
    start_on(qtbot, window, panel.optimizer_combo)
    assert press(qtbot, Qt.Key.Key_Tab) is panel.lr_spin
    assert spoken(panel.lr_spin)[0] == "학습률"
    tab_to(qtbot, panel.epochs_spin)
    assert spoken(panel.epochs_spin)[0] == "에폭"
    tab_to(qtbot, panel.val_spin)
    assert spoken(panel.val_spin)[0] == "검증"


def test_the_canvas_says_what_tab_selected_and_shows_its_focus(window, qtbot, ko):
    start_on(qtbot, window, window.palette.buttons["input"])
    press(qtbot, Qt.Key.Key_Space)
    press(qtbot, Qt.Key.Key_Tab)
    press(qtbot, Qt.Key.Key_Space)  # a hidden node
    press(qtbot, Qt.Key.Key_Tab)
    press(qtbot, Qt.Key.Key_Space)  # an output node
    start_on(qtbot, window, window.palette.buttons["input"])
    # back from the palette: straight to the canvas (no blank stop on the dock's scroll area)
    view = press(qtbot, Qt.Key.Key_Tab, Qt.KeyboardModifier.ShiftModifier)
    assert view is window.view
    name, description = spoken(view)
    assert name == "캔버스: 출력 3 선택됨"  # the node added last
    assert "노드 3개, 연결 0개" in description and "Ctrl+K" in description
    press(qtbot, Qt.Key.Key_Tab)
    press(qtbot, Qt.Key.Key_Tab, Qt.KeyboardModifier.ControlModifier)
    assert spoken(view)[0] == "캔버스: 입력 1, 은닉 2 선택됨"
    press(qtbot, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)
    assert "노드 3개, 연결 1개" in spoken(view)[1]
    # the focus shows: a border in the highlight colour round the canvas
    edge = view.grab().toImage().pixelColor(0, view.height() // 2)
    assert edge == view.palette().color(QPalette.ColorRole.Highlight)
    press(qtbot, Qt.Key.Key_Tab, Qt.KeyboardModifier.ShiftModifier)
    press(qtbot, Qt.Key.Key_Tab, Qt.KeyboardModifier.ShiftModifier)  # off the canvas
    assert QApplication.focusWidget() is not view
    assert view.grab().toImage().pixelColor(0, view.height() // 2) != QColor(
        view.palette().color(QPalette.ColorRole.Highlight))


def test_tab_goes_past_the_predictions_table(window, qtbot, ko):
    open_example(window, "spiral")
    table = window.predictions_panel.table
    qtbot.waitUntil(lambda: table.rowCount() > 2)
    start_on(qtbot, window, window.data_picker.import_button)
    assert press(qtbot, Qt.Key.Key_Tab) is table
    assert press(qtbot, Qt.Key.Key_Tab) is not table  # not cell after cell through every row
    assert spoken(table)[0] == "행마다의 예측"


def test_the_loss_plots_are_named_and_read_the_last_epoch(window, qtbot, ko):
    open_example(window, "spiral", epochs=2)
    start_on(qtbot, window, window.view)
    with qtbot.waitSignal(window.training.session.ended, timeout=60_000):
        press(qtbot, Qt.Key.Key_F5)
    panel = window.training.hosts["Loss"].panel
    qtbot.waitUntil(lambda: panel.curves_shown is not None)
    name, description = spoken(panel.graphics)
    assert name == "손실 그래프"
    assert description.startswith("에폭 2: 손실 훈련 ")  # the hover readout, as plain text


def test_a_lab_names_its_fields_and_closes_with_esc_or_ctrl_w(window, qtbot, ko):
    from gui.help_shortcuts import other_rows

    lab = window.labs_menu.open_lab("search")
    qtbot.waitExposed(lab)
    form = lab.form
    start_on(qtbot, lab, form.lr_from)
    press(qtbot, Qt.Key.Key_Escape)  # Esc closes the lab
    assert not lab.isVisible()
    lab = window.labs_menu.open_lab("search")  # as it was
    start_on(qtbot, lab, form.lr_from)
    assert spoken(form.lr_from)[0] == "학습률, 가장 작은 10의 거듭제곱"
    tab_to(qtbot, form.n_trials)
    assert spoken(form.n_trials)[0] == "시행"
    press(qtbot, Qt.Key.Key_Escape)
    assert not lab.isVisible()
    lab = window.labs_menu.open_lab("activations")
    qtbot.waitExposed(lab)
    start_on(qtbot, lab, lab.x)
    assert spoken(lab.x)[0] == "위치 x ="  # its label, as shown
    press(qtbot, Qt.Key.Key_W, Qt.KeyboardModifier.ControlModifier)
    assert not lab.isVisible()
    assert ("실습", "실습 창 닫기", "Esc, Ctrl+W") in other_rows(window)


def test_what_the_status_bar_says_is_announced(window, qtbot, ko, monkeypatch):
    """Tab selecting a node, Ctrl+K connecting two: said in the status bar, which a screen
    reader does not follow — and now announced to it (Qt's announcement event)."""
    announced: list[str] = []
    send = QAccessible.updateAccessibility

    def record(event):
        if event.type() == QAccessible.Event.Announcement:
            announced.append(event.message())
        send(event)

    monkeypatch.setattr(QAccessible, "updateAccessibility", staticmethod(record))
    start_on(qtbot, window, window.palette.buttons["input"])
    press(qtbot, Qt.Key.Key_Space)
    press(qtbot, Qt.Key.Key_Tab)
    press(qtbot, Qt.Key.Key_Space)
    start_on(qtbot, window, window.view)
    press(qtbot, Qt.Key.Key_Tab)
    press(qtbot, Qt.Key.Key_Tab, Qt.KeyboardModifier.ControlModifier)
    press(qtbot, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)
    assert announced[-1] == "입력 1 → 은닉 2을(를) 연결했습니다."
    # adding a node said how to connect it with the keys too, not only by dragging
    assert any(text.startswith("입력 1을(를) 추가했습니다.") and "Ctrl+K를 눌러 연결" in text
               for text in announced)
    assert any(text.startswith("입력 1을(를) 선택했습니다.") for text in announced)


def test_each_step_of_explain_is_announced(window, qtbot, ko, monkeypatch):
    """Explain's → shows the next step in its panel and on the canvas; the focus stays on
    the Next button, so a screen reader heard nothing of it."""
    announced: list[str] = []
    send = QAccessible.updateAccessibility

    def record(event):
        if event.type() == QAccessible.Event.Announcement:
            announced.append(event.message())
        send(event)

    monkeypatch.setattr(QAccessible, "updateAccessibility", staticmethod(record))
    open_example(window, "spiral")
    start_on(qtbot, window, window.view)
    press(qtbot, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    panel = window.explain
    qtbot.waitUntil(lambda: panel.explanation is not None)
    assert QApplication.focusWidget() is panel.next_button
    press(qtbot, Qt.Key.Key_Right)
    assert panel.index == 1
    said = announced[-1]
    assert said.startswith("단계 2/")
    assert panel.step_box.step_title.text() and QTextDocumentFragment.fromHtml(
        panel.step_box.step_title.text()).toPlainText() in said


def test_ctrl_1_brings_the_focus_back_to_the_canvas(window, qtbot, ko):
    from gui.help_shortcuts import action_rows

    open_example(window, "spiral")
    start_on(qtbot, window, window.training.settings_panel.epochs_spin)
    assert press(qtbot, Qt.Key.Key_1, Qt.KeyboardModifier.ControlModifier) is window.view
    assert press(qtbot, Qt.Key.Key_Tab) is window.view  # and Tab goes on to select nodes
    assert window.scene.selected_node_ids()
    assert ("보기", "캔버스로 이동", "Ctrl+1") in action_rows(window)


def test_f1_help_says_how_to_add_a_node_and_get_back_with_keys(window, qtbot, ko, dialogs):
    start_on(qtbot, window, window.view)
    press(qtbot, Qt.Key.Key_F1)
    _kind, _title, text = dialogs.of("information")[-1]
    assert ("<b>입력 노드</b>, <b>은닉 노드</b>, <b>출력 노드</b> 중 하나에 포커스가 갈 때까지 "
            "Tab 키를 누른 다음 Space 키를") in text
    assert "<b>캔버스로 이동</b>(Ctrl+1)" in text


def test_the_timeline_slider_says_the_epoch_it_shows(window, qtbot, ko):
    open_example(window, "spiral", epochs=3)
    start_on(qtbot, window, window.view)
    with qtbot.waitSignal(window.training.session.ended, timeout=60_000):
        press(qtbot, Qt.Key.Key_F5)
    slider = window.training.timeline.bar.slider
    tab_to(qtbot, slider, limit=80)
    assert spoken(slider)[0] == "타임라인: 에폭 3 / 3 (최신)"
    press(qtbot, Qt.Key.Key_Left)
    qtbot.waitUntil(lambda: spoken(slider)[0] == "타임라인: 에폭 2 / 3")


def test_the_canvas_speaks_the_language_chosen_before_any_edit(window, qtbot, ko):
    """Switched to Korean, the canvas went on saying "Canvas" and "The network: 0 node(s), …"
    until the first edit: its speech sits in the scene, which does not pass the language
    change on."""
    name, description = spoken(window.view)
    assert name == "캔버스"
    assert description.startswith("신경망: 노드 0개, 연결 0개. Tab: 다음 노드 선택")
    set_language("en")
    assert spoken(window.view) == ("Canvas", spoken(window.view)[1])
    assert spoken(window.view)[1].startswith("The network: 0 nodes, 0 connections.")
