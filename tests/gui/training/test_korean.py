"""The training docks, actions, plots and status lines switch to Korean live and back, with
nothing clipped — also panels that are made (lazily) after the switch."""

import re

from PySide6.QtCore import Qt

from gui.i18n import set_language
from gui.training.controller import PAUSED
from tests.gui.text_fit import settled_clipped_texts
from tests.gui.training_support import click, open_example

KOREAN_DOCKS = {"Training": "학습", "Loss": "손실", "Weights": "가중치",
                "Activations": "활성화값", "Output": "출력", "Runs": "실행 목록"}


def axis_label(plot, axis: str) -> str:
    """An axis's label without its colour markup."""
    return re.sub(r"<[^>]+>", "", plot.getAxis(axis).labelText)


def form_label(panel, field) -> str:
    return panel.form.labelForField(field).text()


def switch(qtbot, code: str, ui, loss_title: str) -> None:
    """Switch the language and wait for the posted LanguageChange to reach the docks."""
    set_language(code)
    qtbot.waitUntil(lambda: ui.docks["Loss"].windowTitle() == loss_title)


def test_training_speaks_korean_mid_training_and_english_again(qtbot, window):
    window.resize(1440, 900)
    open_example(window, "spiral", batch_size=8, epochs=300)
    ui = window.training
    settings = ui.settings_panel
    window.resizeDocks([ui.docks["Loss"]], [340], Qt.Orientation.Vertical)
    try:
        switch(qtbot, "ko", ui, "손실")
        assert {name: dock.windowTitle() for name, dock in ui.docks.items()} == KOREAN_DOCKS
        assert ui.menu.title() == "학습(&T)"
        assert [ui.actions[n].text() for n in ("train", "pause", "resume", "stop", "step",
                                               "reset")] == [
            "학습 시작(&T)", "일시 중지(&P)", "계속(&U)", "중지(&S)", "한 단계(&E)",
            "가중치 초기화(&R)"]
        assert ui.actions["train"].toolTip().startswith("<b>학습 시작</b> (F5)<br>")
        assert form_label(settings, settings.lr_spin) == "학습률"
        assert form_label(settings, settings.batch_spin) == "배치 크기"
        assert form_label(settings, settings.epochs_spin) == "에폭"
        assert form_label(settings, settings.optimizer_combo) == "갱신 방법"
        assert form_label(settings, settings.seed_spin) == "시드"
        assert form_label(settings, settings.split_row) == "떼어 둔 비율"
        assert ui.runs.model.headerData(0, Qt.Orientation.Horizontal) == "실행"
        assert ui.timeline.bar.continue_button.text() == "여기서 계속"

        controller = ui.session.controller
        click(qtbot, window, "train")
        qtbot.waitUntil(lambda: controller.last_event is not None
                        and controller.last_event.epoch > 20, timeout=30_000)
        click(qtbot, window, "pause")
        qtbot.waitUntil(lambda: controller.state == PAUSED and ui.loss.history is not None,
                        timeout=30_000)
        qtbot.wait(200)  # the paused frame drawn
        status = ui.progress.label.text()
        assert status.startswith("에폭 ") and "샘플/초" in status, status
        assert status.endswith(" · 일시 중지됨"), status
        assert ui.lock_label.text() == "학습하는 동안 구조 잠김"
        loss = ui.loss
        assert "손실" in loss.loss_plot.titleLabel.text
        assert axis_label(loss.metric_plot, "bottom") == "에폭"
        assert axis_label(loss.metric_plot, "left") == "정확도"
        assert "배치별" in loss.note.text() and "훈련" in loss.note.text()
        assert loss.log_check.text() == "로그 스케일"
        assert "혼동 행렬" in ui.output.confusion.plot.titleLabel.text
        assert ui.timeline.bar.label.text().startswith("에폭 ")

        for name in ("Training", "Loss", "Output"):
            assert settled_clipped_texts(qtbot, ui.docks[name]) == [], name
        assert settled_clipped_texts(qtbot, ui.progress) == []
        assert settled_clipped_texts(qtbot, ui.timeline.bar) == []
        for name in ("Weights", "Activations", "Runs"):
            ui.docks[name].raise_()
            qtbot.waitUntil(lambda n=name: ui.docks[n].widget().isVisible())
            qtbot.wait(50)
            assert settled_clipped_texts(qtbot, ui.docks[name]) == [], name
        assert axis_label(ui.weights.trail_plot, "bottom") == "에폭"
        assert "관찰용 배치의 활성화값" in ui.activations.hist_plot.titleLabel.text

        switch(qtbot, "en", ui, "Loss")
        assert ui.actions["train"].text() == "&Train"
        assert form_label(settings, settings.lr_spin) == "Learning rate"
        assert form_label(settings, settings.split_row) == "Held out"
        status = ui.progress.label.text()
        assert status.startswith("epoch ") and status.endswith(" · paused"), status
        assert axis_label(loss.metric_plot, "bottom") == "epoch"
        assert ui.runs.model.headerData(0, Qt.Orientation.Horizontal) == "Run"
        with qtbot.waitSignal(ui.session.ended, timeout=30_000):
            click(qtbot, window, "stop")
    finally:
        set_language("en")


def test_a_panel_made_after_the_switch_comes_up_in_korean(qtbot, window):
    ui = window.training
    host = ui.hosts["Activations"]  # behind the Output tab: not made at start
    assert not host.is_built
    try:
        switch(qtbot, "ko", ui, "손실")
        panel = ui.activations  # made now
        assert "관찰용 배치의 활성화값" in panel.hist_plot.titleLabel.text
        assert axis_label(panel.stats_plot, "left") == "활성화값"
        assert panel.png_button.toolTip() == "이 패널을 PNG 이미지로 저장합니다"
        assert "포화됨" in panel.note.text()
        switch(qtbot, "en", ui, "Loss")
        assert "Activations on the probe batch" in panel.hist_plot.titleLabel.text
        assert "saturated" in panel.note.text()
    finally:
        set_language("en")
