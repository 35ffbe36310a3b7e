"""The left column (palette, data set, predictions, problems), the inspector, the Explain dock
and the canvas's own words switch to Korean live, fit their widgets, and switch back."""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QPoint, QPointF, Qt

from core.spec import NetworkSpec
from gui.i18n import language, set_language
from tests.gui.text_fit import settled_clipped_texts

SHOTS = os.environ.get("NETCANVAS_SHOTS")  # a folder: save the Korean pictures there


def _switch(code: str, qtbot) -> None:
    set_language(code)
    QCoreApplication.processEvents()  # hidden widgets get LanguageChange posted
    qtbot.wait(20)


def _form_labels(window) -> dict[str, str]:
    form = window.inspector.node_form
    return {key: label.text() for key, label in form.form_labels.items() if key}


def _shoot(widget, name: str) -> None:
    if SHOTS:
        Path(SHOTS).mkdir(parents=True, exist_ok=True)
        widget.grab().save(str(Path(SHOTS) / f"i-views_{name}.png"))


def test_views_speak_korean_live_fit_and_switch_back(window, qtbot):
    assert window.files.open_example("xor_learned")
    hidden = [n.id for n in window.doc.spec.nodes if n.kind == "hidden"]
    window.scene.select_only(hidden[:1])
    qtbot.waitUntil(lambda: window.predictions_panel.column("output") != [])
    assert window.palette.buttons["input"].text() == "Input"
    assert _form_labels(window)["Units"] == "Units"
    try:
        _switch("ko", qtbot)
        palette = window.palette
        assert palette.nodes.title() == "노드"
        assert [b.text() for b in palette.buttons.values()] == ["입력 노드", "은닉 노드",
                                                                "출력 노드"]
        assert "입력 노드는 데이터의 특징" in palette.buttons["input"].toolTip()
        picker = window.data_picker
        assert picker.title() == "데이터셋"
        assert picker.import_button.text() == "CSV / NPZ / IDX 가져오기…"
        assert "샘플" in picker.data_info.text() and "클래스 2개" in picker.data_info.text()
        assert window.problems_panel.summary.text().endswith(
            "✓ 신경망이 완성되었습니다. 학습할 수 있습니다.</span>")
        labels = _form_labels(window)
        assert (labels["Name"], labels["Units"], labels["Activation"], labels["Initialiser"]
                ) == ("이름", "뉴런 수", "활성화 함수", "초깃값")
        assert "은닉 노드, id" in window.inspector.node_form.header.text()
        predictions = window.predictions_panel
        assert "진리표" in predictions.caption.text()
        headers = [predictions.table.horizontalHeaderItem(c).text()
                   for c in range(predictions.table.columnCount())]
        assert headers[-3:] == ["정답", "출력", "예측값"]
        assert predictions.column("output")  # columns are still found by their key
        item = window.scene.node_item(hidden[0])
        assert "뉴런" in item.neuron_tooltip(0) and "편향 b[0]" in item.neuron_tooltip(0)

        window.explain_action.trigger()
        panel = window.explain
        qtbot.waitUntil(lambda: panel.explanation is not None)
        assert panel.dock.windowTitle() == "단계별 설명"
        assert window.explain_action.text() == "단계별 설명(&E)…"
        assert (panel.check_button.text(), panel.next_button.text()) == ("기울기 확인", "다음 →")
        assert panel.progress.text().startswith("단계 1/") and "순전파" in panel.progress.text()
        qtbot.mouseClick(panel.check_button, Qt.MouseButton.LeftButton)
        assert [panel.check_table.table.horizontalHeaderItem(c).text() for c in range(4)] == [
            "매개변수", "오차역전파법", "수치 미분", "상대 오차"]
        assert "가장 큰 상대 오차는" in panel.check_table.summary.text()
        qtbot.wait(50)  # layouts settle, as on screen
        for name in ("Build", "Problems", "Predictions", "Inspector"):
            assert settled_clipped_texts(qtbot, window.docks[name]) == [], name
        assert settled_clipped_texts(qtbot, panel.dock) == []
        _shoot(window.docks["Build"], "left_column_build")
        _shoot(window.docks["Inspector"], "inspector")
        _shoot(panel.dock, "explain")
        _shoot(window, "main_window")

        _switch("en", qtbot)
        assert [b.text() for b in palette.buttons.values()] == ["Input", "Hidden", "Output"]
        assert picker.title() == "Data set"
        assert _form_labels(window)["Units"] == "Units"
        assert panel.dock.windowTitle() == "Explain"
        assert panel.check_button.text() == "Check"
        assert panel.check_table.table.horizontalHeaderItem(3).text() == "rel. err"
        assert "Truth table" in predictions.caption.text()
    finally:
        set_language("en")


def test_problems_and_canvas_messages_are_asked_for_again_in_korean(window, canvas, qtbot,
                                                                    monkeypatch):
    # core makes a problem's message in the language of the moment; stand in for its catalogue
    made = NetworkSpec.problems
    monkeypatch.setattr(NetworkSpec, "problems", lambda spec: [
        type(p)(f"[{language()}] {p.message}", p.node_ids) for p in made(spec)])
    messages: list[str] = []
    window.scene.status_message.connect(messages.append)
    centre = window.view.mapToScene(window.view.viewport().rect().center())
    window.add_node("input", centre - QPointF(150, 0))
    window.add_node("hidden", centre)  # not connected: a problem about this node
    problems = window.problems_panel
    english = problems.messages()
    assert english and all(m.startswith("→ [en] ") for m in english)  # next steps
    item = window.scene.node_item(window.doc.spec.nodes_of_kind("hidden")[0].id)
    assert item.steps and all(m.startswith("[en] ") for m in item.steps)
    try:
        _switch("ko", qtbot)
        assert "신경망을 학습할 수 있게 되기까지 <b>2단계</b>" in problems.summary.text()
        korean = problems.messages()  # asked for again: the stand-in's tag and core's Korean
        assert len(korean) == len(english)
        assert all(m.startswith("→ [ko] ") and any("\uac00" <= c <= "\ud7a3" for c in m)
                   for m in korean)
        assert all(m.startswith("[ko] ") for m in item.steps)  # the canvas's tooltip too
        start = canvas.point(item.anchor("out"))
        qtbot.mousePress(canvas.viewport, Qt.MouseButton.LeftButton, pos=start)
        qtbot.mouseMove(canvas.viewport, start + QPoint(60, 0))
        qtbot.mouseMove(canvas.viewport, start + QPoint(120, 0))
        qtbot.mouseRelease(canvas.viewport, Qt.MouseButton.LeftButton, pos=start + QPoint(120, 0))
        assert messages[-1] == "연결을 취소했습니다."
        assert any(m.startswith("다른 노드로 드래그하면") for m in messages)
        _switch("en", qtbot)
        assert problems.messages() == english
    finally:
        set_language("en")


def test_lint_warnings_and_a_connection_switch_to_korean(window, qtbot, monkeypatch):
    import dataclasses

    import gui.panels.problems as problems_module
    from core.datasets.ref import DataRef

    made = problems_module.lint  # core makes the texts in the language of the moment
    monkeypatch.setattr(problems_module, "lint", lambda *args, **kwargs: [
        dataclasses.replace(w, message=f"[{language()}] {w.message}")
        for w in made(*args, **kwargs)])
    spec = NetworkSpec.mlp([2, 8, 8, 2], hidden_activation="identity")
    window.doc.reset(spec, data=DataRef.builtin("gaussians", n_samples=60))
    panel = window.problems_panel
    qtbot.waitUntil(lambda: panel.warning_ids() == ["linear_network"], timeout=3000)
    assert panel.warning_rows[0].warning.message.startswith("[en] ")
    edge = window.doc.spec.edges[0]
    window.scene.select_only([], [edge.id])
    view = window.inspector.edge_view
    assert view.stat_names["shape"].text() == "shape:"
    try:
        _switch("ko", qtbot)
        qtbot.waitUntil(lambda: panel.warning_rows[0].warning.message.startswith("[ko] "))
        row = panel.warning_rows[0]
        assert (row.show_me.text(), row.dismiss.text()) == ("실습 열기", "숨기기")
        assert "읽어 볼 만한 경고 1개:" in panel.summary.text()
        assert [view.stat_names[k].text() for k in ("shape", "mean", "std")] == [
            "형상:", "평균:", "표준편차:"]
        assert view.stats["shape"].text() == "2 × 8 = 가중치 16개"
        assert "가중치 행렬" in view.title.text()
        qtbot.wait(50)
        assert settled_clipped_texts(qtbot, window.docks["Problems"]) == []
        assert settled_clipped_texts(qtbot, window.docks["Inspector"]) == []
        _shoot(window.docks["Problems"], "problems")
        _switch("en", qtbot)
        qtbot.waitUntil(lambda: panel.warning_rows[0].warning.message.startswith("[en] "))
        assert panel.warning_rows[0].show_me.text() == "Show me"
        assert view.stats["shape"].text() == "2 × 8 = 16 weights"
    finally:
        set_language("en")


def test_the_download_dialog_switches_to_korean_in_every_state(window, qtbot):
    from gui.panels.download_dialog import DownloadDialog

    dialog = DownloadDialog("mnist", window)  # not started: nothing is fetched
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    title = dialog.windowTitle()
    assert title.startswith("Downloading ") and dialog.file_label.text() == "Connecting…"
    try:
        _switch("ko", qtbot)
        assert dialog.windowTitle().endswith(" 내려받는 중")
        assert dialog.file_label.text() == "연결하는 중…"
        assert "한 번만 내려받아" in dialog.intro.text()
        assert settled_clipped_texts(qtbot, dialog) == []
        dialog._failed("offline")
        assert dialog.windowTitle() == "내려받기 실패"
        assert dialog.message.text().startswith("내려받지 못했습니다: offline")
        _switch("en", qtbot)
        assert dialog.windowTitle() == "Download failed"
        assert dialog.message.text().startswith("The download did not work: offline")
    finally:
        set_language("en")
