"""A new network's first steps are to-dos, not errors: an empty canvas listed "add an input
node" and "add an output node" in red under "2 problems to fix", before the student had done
anything. What is only not built yet (no input, no output, a node not connected) is listed in
grey as the next step, with a tooltip that says how; what is wrong (two output nodes, a loop …)
stays red and is counted as a problem."""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import QPoint
from PySide6.QtGui import QColor

from gui import theme
from gui.i18n import set_language

SHOTS = os.environ.get("NETCANVAS_SHOTS", "")


def rows(panel) -> list[tuple[str, str, str]]:
    """Each listed line: its text, its colour and its tooltip."""
    items = [panel.list.item(k) for k in range(panel.list.count())]
    return [(i.text(), i.foreground().color().name(), i.toolTip()) for i in items]


def shot(widget, name: str) -> None:
    if SHOTS:
        Path(SHOTS).mkdir(parents=True, exist_ok=True)
        widget.grab().save(str(Path(SHOTS) / f"next-steps_{name}.png"))


def test_a_new_network_lists_its_first_steps_in_grey_and_real_errors_in_red(window, canvas,
                                                                           qtbot):
    panel = window.problems_panel
    shot(window, "new")
    assert rows(panel) == [
        ("→ add an input node: nothing feeds data into the network", QColor(
            theme.STEP_TEXT).name(), "Next step: drag Input from the Build panel onto the "
         "canvas. An input node holds the data set's features, one unit per column."),
        ("→ add an output node: the network needs one to make its prediction", QColor(
            theme.STEP_TEXT).name(), "Next step: drag Output from the Build panel onto the "
         "canvas. The output node makes the prediction, one unit per class (or per target "
         "value)."),
    ]
    assert panel.summary.text() == "<b>2 steps</b> to go before the network can be trained"
    assert "problem" not in panel.summary.text()
    assert "Build the network first" in window.predictions_panel.caption.text()

    canvas.drop_from_palette("input", QPoint(80, 200))
    canvas.drop_from_palette("output", QPoint(400, 200))
    # a node dropped and not yet connected: a step too, on the canvas unmarked
    item = window.scene.node_item("2")
    assert item.problems == [] and any("gets no data" in s for s in item.steps)
    assert "gets no data" in item.toolTip()
    assert {color for _text, color, _tip in rows(panel)} == {QColor(theme.STEP_TEXT).name()}
    assert panel.summary.text() == "<b>2 steps</b> to go before the network can be trained"

    canvas.drop_from_palette("output", QPoint(400, 350))  # a second output: a real error
    listed = rows(panel)
    assert listed[0][0].startswith("⚠ there are 2 output nodes")
    assert listed[0][1] == QColor(theme.ERROR_TEXT).name()
    assert "one loss on one output node" in listed[0][2]
    assert all(color == QColor(theme.STEP_TEXT).name() for _text, color, _tip in listed[1:])
    assert panel.summary.text() == ("<b>1 problem</b> to fix and <b>3 steps</b> left before "
                                    "training")
    assert window.scene.node_item("3").problems  # marked in red on the canvas
    shot(window, "error")

    window.undo_action.trigger()
    canvas.connect("1", "2")
    assert panel.messages() == []
    assert "complete" in panel.summary.text()


def test_the_steps_teach_in_korean(window, qtbot):
    panel = window.problems_panel
    try:
        set_language("ko")
        listed = rows(panel)
        assert [text for text, _color, _tip in listed] == [
            "→ 입력 노드를 추가하세요: 신경망에 데이터를 넣는 노드가 없습니다",
            "→ 출력 노드를 추가하세요: 신경망이 예측값을 내려면 출력 노드가 하나 필요합니다"]
        assert listed[0][2].startswith("다음 단계: 구성 패널에서 입력 노드를")
        assert panel.summary.text() == "신경망을 학습할 수 있게 되기까지 <b>2단계</b> 남았습니다"
        shot(window, "new_ko")
    finally:
        set_language("en")
