"""The main window in Korean: menus, actions, tooltips, docks, title, status line, undo texts,
dialogs — switched live and back, and nothing of it clipped."""

from __future__ import annotations

from datetime import datetime, timezone
from pathlib import Path

import pytest
from PySide6.QtCore import QPointF

from gui.autosave import describe, recovery_name
from gui.document.commands import AddNodeCommand
from gui.document.data_source import choices, ref_title
from gui.document.new_node import new_node
from gui.i18n import set_language
from gui.recovery import Recovery
from gui.widgets import plain_label
from tests.gui.text_fit import settled_clipped_texts


@pytest.fixture
def ko(window):
    set_language("ko")
    yield
    set_language("en")


def add_hidden(window) -> None:
    window.add_node("hidden", QPointF(0, 0))


def test_menus_actions_docks_and_title_follow_the_language_live(window, qtbot):
    add_hidden(window)
    assert window.undo_action.text() == "&Undo Add hidden 1"
    set_language("ko")
    try:
        titles = [a.text() for a in window.menuBar().actions()]
        assert titles[:3] == ["파일(&F)", "편집(&E)", "보기(&V)"]
        assert "도움말(&H)" in titles
        assert window.new_action.text() == "새로 만들기(&N)"
        assert window.new_action.iconText() == "새로 만들기"  # the toolbar's button
        assert window.save_as_action.text() == "다른 이름으로 저장(&A)…"
        # the tooltip drops the whole "(&A)" and the ellipsis, names the key, then says what
        # it does
        assert window.save_as_action.toolTip() == (
            "다른 이름으로 저장 (Ctrl+Shift+S): 프로젝트를 새 이름으로 저장합니다")
        assert window.save_as_action.statusTip() == "프로젝트를 새 이름으로 저장합니다"
        assert window.help_action.text() == "신경망 만드는 법(&B)"
        assert {key: dock.windowTitle() for key, dock in window.docks.items()
                if key in ("Build", "Predictions", "Problems", "Inspector")} == {
            "Build": "구성", "Predictions": "예측", "Problems": "문제", "Inspector": "속성"}
        toggles = [a.text() for a in window.view_menu.actions()]
        assert "구성" in toggles and "속성" in toggles
        assert window.windowTitle() == "제목 없음[*] — NetCanvas"
        # an undo text made in English stays; the prefix follows the language
        assert window.undo_action.text() == "실행 취소(&U): Add hidden 1"
        assert window.tool_undo_action.text() == "실행 취소"
        assert window.files.recent_menu.title() == "최근 항목 열기(&R)"
        assert window.export_menu.import_action.text() == "가중치 가져오기(&I)…"
        add_hidden(window)  # a new step is named in Korean
        assert window.undo_action.text() == "실행 취소(&U): 은닉 2 추가"
        assert window.tool_undo_action.toolTip() == "실행 취소: 은닉 2 추가 (Ctrl+Z)"
        assert window.statusBar().currentMessage() == (
            "은닉 2을(를) 추가했습니다. 오른쪽 출력 포트에서 드래그하거나, 두 노드를 선택하고"
            "(Tab, Ctrl+Tab) Ctrl+K를 눌러 연결하세요.")
        assert window.predictions_panel.isVisible()
    finally:
        set_language("en")
    assert [a.text() for a in window.menuBar().actions()][:3] == ["&File", "&Edit", "&View"]
    assert window.docks["Build"].windowTitle() == "Build"
    assert window.windowTitle() == "Untitled[*] — NetCanvas"
    assert window.save_as_action.toolTip() == (
        "Save As (Ctrl+Shift+S): Save the project under a new name")
    assert window.undo_action.text() == "&Undo 은닉 2 추가"


def test_the_status_line_on_screen_is_said_again_in_the_new_language(window):
    window.status.say(lambda: window.tr("Nothing to paste: copy some nodes first."))
    try:
        set_language("ko")
        assert window.statusBar().currentMessage() == (
            "붙여넣을 것이 없습니다: 먼저 노드를 복사하세요.")
    finally:
        set_language("en")
    assert window.statusBar().currentMessage() == "Nothing to paste: copy some nodes first."


def test_copy_and_paste_report_in_korean(window, ko):
    add_hidden(window)
    window.select_all()
    window.copy_selection()
    assert window.statusBar().currentMessage() == "노드 1개를 복사했습니다."
    window.paste()
    assert window.undo_action.text() == "실행 취소(&U): 노드 1개 붙여넣기"


def test_the_unsaved_changes_question_and_help_are_korean(window, dialogs, ko):
    add_hidden(window)
    dialogs.answer = dialogs.answer.Cancel
    assert not window.files.new()
    assert dialogs.of("question") == [
        ("question", "저장하지 않은 변경 사항",
         "“제목 없음”에 저장하지 않은 변경 사항이 있습니다. 먼저 저장할까요?")]
    window.show_help()
    _kind, title, text = dialogs.of("information")[0]
    assert title == "신경망 만드는 법" and "<h3>손으로 신경망 만들기</h3>" in text


def test_a_file_that_cannot_be_opened_is_said_in_korean(window, dialogs, tmp_path, ko):
    window.files.open_example("no_such_example")
    assert dialogs.of("critical") == [
        ("critical", "예제를 열 수 없습니다", "'no_such_example'(이)라는 예제가 없습니다.")]


def test_examples_are_listed_under_their_korean_titles(window, ko):
    window.files.examples_menu.aboutToShow.emit()
    titles = [a.text() for a in window.files.examples_menu.actions()]
    assert "손으로 만든 XOR: AND(NAND, OR)" in titles and "AND 게이트 퍼셉트론" in titles
    assert window.files.examples_menu.title() == "예제(&E)"
    window.files.open_example("xor_by_hand")
    assert window.windowTitle() == "손으로 만든 XOR: AND(NAND, OR)[*] — NetCanvas"


def test_the_recovery_question_is_korean(korean):
    recovery = Recovery(Path("/tmp/r"), 1, "", "/home/a/net.netcanvas",
                        datetime(2026, 12, 3, 4, 5, 6, tzinfo=timezone.utc))
    assert recovery_name(recovery) == "net.netcanvas"
    text = describe(recovery)
    assert text.startswith("프로젝트(/home/a/net.netcanvas로 저장됨)의 저장하지 않은 변경 사항을 ")
    assert text.endswith("에 복사했습니다.")
    untitled = Recovery(Path("/tmp/r"), 1, "", "", recovery.saved_at)
    assert recovery_name(untitled) == "제목 없음"


def test_undo_texts_and_data_names_of_the_document_are_korean(window, ko):
    doc = window.doc
    node = new_node("hidden", doc.spec, (0.0, 0.0), None)
    assert AddNodeCommand(doc, node).text() == f"{node.label} 추가"
    iris = next(title for ref, title, _text in choices() if ref.name == "iris")
    assert iris == "붓꽃"
    assert [ref_title(ref) for ref, _t, _d in choices() if ref.name == "digits"] == [
        "손글씨 숫자 8×8"]


def test_plain_label_drops_the_whole_korean_accelerator_and_the_ellipsis():
    assert plain_label("다른 이름으로 저장(&A)…") == "다른 이름으로 저장"
    assert plain_label("Save &As…") == "Save As"
    assert plain_label("Auto-&layout") == "Auto-layout"


def test_nothing_of_the_window_is_clipped_in_korean(window, qtbot, ko):
    assert window.docks["Build"].windowTitle() == "구성"
    assert settled_clipped_texts(qtbot, window) == []


def test_the_export_menu_is_korean_and_english_again(window, ko):
    menu = window.export_menu
    assert menu.menu.title() == "내보내기(&X)"
    pytorch = menu.actions["pytorch"]
    assert pytorch.text() == "PyTorch(&P)…"
    assert pytorch.statusTip().startswith("NetCanvas 밖에서 학습을 이어 가려면")
    assert " 쓰는 것: " in pytorch.toolTip()
    assert menu.actions["numpy"].text() == "NumPy 스크립트(&N)…"
    assert menu.import_action.toolTip().startswith("다른 곳에서 학습한 가중치를")
    set_language("en")
    assert pytorch.text() == "&PyTorch…"
    assert pytorch.toolTip().startswith("To keep training beyond NetCanvas")


def test_an_unexpected_error_is_reported_in_korean(window, monkeypatch, korean):
    import sys

    from PySide6.QtWidgets import QMessageBox

    from gui.app import report_unexpected_errors

    shown = []
    monkeypatch.setattr(QMessageBox, "exec", lambda box: shown.append(
        (box.windowTitle(), box.text())))
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    monkeypatch.setattr(sys.stderr, "write", lambda text: len(text))
    report_unexpected_errors(window)
    sys.excepthook(ValueError, ValueError("boom"), None)
    assert shown == [("예기치 않은 오류", "문제가 발생했습니다: boom\n\n프로젝트는 아직 열려 "
                                    "있습니다. 안전하게 다른 이름으로 저장하세요.")]
    # an error with no text said nothing after the colon ("문제가 발생했습니다: ")
    sys.excepthook(MemoryError, MemoryError(), None)
    assert shown[1][1].startswith("문제가 발생했습니다: 설명 없이 발생한 예기치 않은 오류\n\n")
    # a missing key read as the bare key ("문제가 발생했습니다: W1")
    sys.excepthook(KeyError, KeyError("W1"), None)
    assert shown[2][1].startswith("문제가 발생했습니다: 'W1'이(가) 없습니다\n\n")


def test_file_messages_are_said_again_in_the_new_language(qtbot, window):
    # "Opened …", "Saved …" and the export's messages stayed English after a switch
    window.files.open_example("xor_learned")
    bar = window.statusBar()
    english = bar.currentMessage()
    assert english == "Opened “XOR, learned”."
    try:
        set_language("ko")
        qtbot.waitUntil(lambda: bar.currentMessage().endswith("열었습니다."))
    finally:
        set_language("en")
    qtbot.waitUntil(lambda: bar.currentMessage() == english)
