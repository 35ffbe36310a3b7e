"""Every message in the status bar is said again in the new language when View ▸ Language
changes: a busy open's progress, the canvas's own messages, Explain's refusal and the note
that a project asked for at start was not opened all stayed in the old language."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QPoint, QPointF, Qt, QTimer

from gui import files
from gui.i18n import set_language
from tests.gui.test_autosave import answer, dead_pid, left_copy
from tests.gui.test_background_files import Gate
from tests.gui.test_files import run_main

ROOT = Path(__file__).resolve().parents[2]


def choose(qtbot, window, code: str) -> None:
    """View ▸ Language ▸ ``code``, waiting for the posted LanguageChange to arrive."""
    window.language_menu.language_actions[code].trigger()
    title = "구성" if code == "ko" else "Build"
    qtbot.waitUntil(lambda: window.docks["Build"].windowTitle() == title)


def test_a_busy_opens_progress_is_said_again_in_the_new_language(qtbot, window, monkeypatch):
    # the window holds the user's input back while it reads: the switch comes from the menu's
    # action, as it would from a second window
    gate = Gate(files.load_project)
    monkeypatch.setattr(files, "load_project", gate)
    bar, seen = window.statusBar(), []

    def switch_while_reading():
        assert gate.entered.wait(10)
        seen.append(bar.currentMessage())
        choose(qtbot, window, "ko")
        seen.append(bar.currentMessage())
        choose(qtbot, window, "en")
        seen.append(bar.currentMessage())
        gate.release.set()

    QTimer.singleShot(0, switch_while_reading)
    try:
        assert window.files.open_example("spiral")
    finally:
        set_language("en")
    assert seen == ["Opening spiral.netcanvas…", "spiral.netcanvas 여는 중…",
                    "Opening spiral.netcanvas…"]


def test_the_canvas_messages_are_said_again_in_the_new_language(qtbot, window):
    bar = window.statusBar()
    said: list[str] = []
    window.scene.status_message.connect(said.append)  # still told the words of the moment
    window.add_node("input", QPointF(0, 0))
    window.add_node("hidden", QPointF(200, 0))
    window.canvas_keys.connect_action.trigger()  # nothing selected
    assert bar.currentMessage() == said[-1] == (
        "Select two nodes to connect (on the canvas, Tab selects a node and Ctrl+Tab adds the "
        "next one).")
    try:
        choose(qtbot, window, "ko")
        assert bar.currentMessage() == (
            "연결할 노드 두 개를 선택하세요 (캔버스에서 Tab은 노드를 선택하고, Ctrl+Tab은 다음 "
            "노드를 선택에 더합니다).")
        choose(qtbot, window, "en")
        window.select_all()
        window.canvas_keys.connect_action.trigger()
        assert bar.currentMessage() == said[-1] == "Connected input 1 → hidden 2."
        choose(qtbot, window, "ko")  # the nodes are named in Korean too
        assert bar.currentMessage() == "입력 1 → 은닉 2을(를) 연결했습니다."
        window.canvas_keys.connect_action.trigger()  # again: refused, with core's reason
        refused = bar.currentMessage()
        assert refused.startswith("연결하지 않았습니다: ") and said[-1] == refused
        choose(qtbot, window, "en")
        assert bar.currentMessage().startswith("Not connected: ")
        assert bar.currentMessage() != refused
    finally:
        set_language("en")


def test_explains_refusal_is_said_again_in_the_new_language(qtbot, window):
    window.add_node("hidden", QPointF(0, 0))  # not connected: a problem
    window.explain_action.trigger()
    bar = window.statusBar()
    assert bar.currentMessage() == (
        "Fix the problems in the Problems panel first: Explain steps a row through a network "
        "that can be built.")
    try:
        choose(qtbot, window, "ko")
        assert bar.currentMessage() == (
            "먼저 문제 패널의 문제를 해결하세요. 단계별 설명은 만들 수 있는 신경망에서만 한 "
            "행을 한 단계씩 통과시킵니다.")
    finally:
        set_language("en")


def test_a_project_set_aside_for_restored_work_is_said_again_in_the_new_language(
        qtbot, window, monkeypatch):
    left_copy(window, dead_pid(), "/somewhere/rt.netcanvas")
    assert window.close()
    spiral = ROOT / "resources" / "examples" / "spiral.netcanvas"
    answer("Restore")

    def switch(shown):
        said = {"en": shown.statusBar().currentMessage()}
        try:
            choose(qtbot, shown, "ko")
            said["ko"] = shown.statusBar().currentMessage()
            choose(qtbot, shown, "en")
            said["en again"] = shown.statusBar().currentMessage()
        finally:
            set_language("en")
        return said

    code, seen = run_main([str(spiral)], monkeypatch, look=switch)
    assert code == 0
    english = ("Restored unsaved work of rt.netcanvas. Save it to keep it. spiral.netcanvas was "
               "not opened: save or close the restored work, then open it (File ▸ Open Recent).")
    assert seen["en"] == seen["en again"] == english
    assert seen["ko"] == (
        "rt.netcanvas의 저장하지 않은 작업을 복원했습니다. 유지하려면 저장하세요. "
        "spiral.netcanvas은(는) 열지 않았습니다: 복원한 작업을 저장하거나 닫은 다음 "
        "여세요(파일 ▸ 최근 항목 열기).")


def test_a_cancelled_drags_message_is_said_again_in_the_new_language(qtbot, window, canvas):
    window.add_node("input", QPointF(0, 0))
    item = window.scene.node_item(window.doc.spec.nodes[0].id)
    start = canvas.point(item.anchor("out"))
    qtbot.mousePress(canvas.viewport, Qt.MouseButton.LeftButton, pos=start)
    qtbot.mouseMove(canvas.viewport, start + QPoint(80, 40))
    qtbot.mouseRelease(canvas.viewport, Qt.MouseButton.LeftButton, pos=start + QPoint(80, 40))
    bar = window.statusBar()
    assert bar.currentMessage() == "Connection cancelled."
    try:
        choose(qtbot, window, "ko")
        assert bar.currentMessage() == "연결을 취소했습니다."
    finally:
        set_language("en")
