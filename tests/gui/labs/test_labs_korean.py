"""The perceptron, activation, initialisation and regularisation labs and the Labs menu in
Korean: switched live while open, every text from the glossary, nothing clipped, and back."""

import os
import re
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from gui import i18n
from tests.gui.keys import type_into
from tests.gui.text_fit import settled_clipped_texts

TIMEOUT = 120_000
LEFT = Qt.MouseButton.LeftButton
SHOTS = Path(os.environ.get("NETCANVAS_SHOTS", "/tmp/shots"))


def set_language(code: str) -> None:
    """Switch, and deliver the LanguageChange events Qt posts to every top-level window."""
    i18n.set_language(code)
    QApplication.processEvents()


def headers(table) -> list[str]:
    return [table.horizontalHeaderItem(c).text() for c in range(table.columnCount())]


def shoot(lab, name: str) -> None:
    """Save a picture of the lab for a look (and for the Korean README)."""
    SHOTS.mkdir(parents=True, exist_ok=True)
    lab.grab().save(str(SHOTS / f"i-labs1_{name}.png"))


@pytest.fixture
def back_to_english(qapp):
    yield
    set_language("en")


def test_the_labs_menu_and_lab_titles_switch_live(window, open_lab, back_to_english):
    menu = window.labs_menu
    lab = open_lab("perceptron")
    set_language("ko")
    assert menu.title() == "실습(&L)"
    assert [a.text() for a in menu.actions()] == [
        "&1 퍼셉트론과 XOR", "&2 활성화 함수", "&3 Softmax 함수와 손실 함수",
        "&4 계산 그래프의 역전파", "&5 갱신 방법 비교", "&6 가중치의 초깃값",
        "&7 배치 정규화, 가중치 감소, 드롭 아웃", "&8 하이퍼파라미터 탐색"]
    assert lab.windowTitle() == "퍼셉트론과 XOR — NetCanvas 실습"
    assert lab.notice_label.text().startswith("<b>눈여겨볼 점.</b>")
    set_language("en")
    assert menu.title() == "&Labs"
    assert menu.actions()[0].text() == "&1 Perceptron and XOR"
    assert lab.windowTitle() == "Perceptron and XOR — NetCanvas lab"
    assert lab.notice_label.text().startswith("<b>What to notice.</b>")


def test_perceptron_lab_in_korean_and_back(qtbot, open_lab, back_to_english):
    lab = open_lab("perceptron")
    lab.gate.setCurrentIndex(lab.gate.findData("xor"))
    qtbot.mouseClick(lab.search_button, LEFT)
    assert lab.search_result.text().startswith("Best line found for XOR: 3 of 4 right")
    set_language("ko")
    assert lab.search_button.text() == "직선 찾기"
    assert lab.train_button.text() == "다시 학습"
    assert lab.gate_label.text() == "목표 게이트"
    assert lab.two_layer_box.title() == "층 두 개로 XOR 풀기"
    assert headers(lab.table) == ["x₁", "x₂", "정답", "출력"]
    assert headers(lab.weight_table)[0] == "뉴런"
    assert lab.weight_table.item(3, 0).text() == "h₁ (학습됨)"
    assert lab.preset_buttons["AND (book, notes)"].text() == "AND (책, 노트)"
    assert lab.search_result.text().startswith(
        "XOR 게이트에서 찾은 가장 좋은 직선: 4개 중 3개 맞음")
    assert "XOR 게이트는 직선 하나로 나눌 수 없습니다" in lab.search_result.text()
    assert re.fullmatch(r"시드 0: 에폭 \d+번 후 4개 중 4개 맞음", lab.train_result.text())
    lab.resize(1200, 760)
    qtbot.wait(50)
    assert settled_clipped_texts(qtbot, lab) == []
    shoot(lab, "perceptron")
    set_language("en")
    assert lab.search_button.text() == "Search for a line"
    assert headers(lab.table)[2:] == ["target", "output"]
    assert lab.search_result.text().startswith("Best line found for XOR: 3 of 4 right")
    assert lab.weight_table.item(3, 0).text() == "h₁ (learned)"


def test_activations_lab_in_korean(qtbot, open_lab, back_to_english):
    lab = open_lab("activations")
    set_language("ko")
    assert lab.windowTitle() == "활성화 함수 — NetCanvas 실습"
    assert lab.function_label.text() == "함수"
    assert lab.plot.titleLabel.text == "f(x)와 기울기 f′(x)"
    assert lab.stack_plot.titleLabel.text == "1-4-4-4-1 신경망의 출력"
    assert headers(lab.table)[0] == "함수"
    names = [lab.table.item(r, 0).text() for r in range(lab.table.rowCount())]
    assert names[:3] == ["항등 함수", "계단 함수", "시그모이드"] and "Leaky ReLU" in names
    assert [lab.function.itemText(k) for k in range(lab.function.count())] == names
    assert lab.stack_activation.itemText(0) == "항등 함수"
    assert lab.stack_caption.text().startswith("K = W1·W2·W3·W4 = ")
    assert "점선: y = K·x" in lab.stack_caption.text()
    assert "시그모이드 함수" in lab.notice_label.text()
    lab.resize(1200, 760)
    qtbot.wait(50)
    assert settled_clipped_texts(qtbot, lab) == []
    shoot(lab, "activations")
    set_language("en")
    assert lab.plot.titleLabel.text == "f(x) and its slope f′(x)"
    assert "(dotted: y = K·x)" in lab.stack_caption.text()


def test_initialization_lab_in_korean(qtbot, open_lab, back_to_english):
    lab = open_lab("initialization")
    set_language("ko")
    assert lab.windowTitle() == "가중치의 초깃값 — NetCanvas 실습"
    assert [lab.init.itemText(k) for k in range(lab.init.count())] == [
        "표준편차 1", "표준편차 0.01", "Xavier", "He"]
    assert [lab.activation.itemText(k) for k in range(lab.activation.count())] == [
        "시그모이드", "tanh", "ReLU"]
    assert lab.init_label.text() == "가중치 초깃값:"
    assert [p.titleLabel.text for p in lab.plots] == ["1층", "2층", "3층", "4층", "5층"]
    assert lab.plots[0].getAxis("left").labelText == "층 출력 중 비율"
    assert lab.summary.text().startswith("1층: 표준편차 ")
    assert "% 포화됨" in lab.summary.text() and " %" not in lab.summary.text()
    lab.activation.setCurrentIndex(lab.activation.findData("relu"))
    assert lab.zeros.text().startswith("ReLU: 출력의 ")
    lab.activation.setCurrentIndex(lab.activation.findData("sigmoid"))
    lab.resize(1200, 760)
    qtbot.wait(50)
    assert settled_clipped_texts(qtbot, lab) == []
    shoot(lab, "initialization")
    set_language("en")
    assert lab.summary.text().startswith("layer 1: std ")
    assert lab.init.itemText(0) == "std 1"
    assert lab.activation.itemText(0) == "Sigmoid"


def test_regularization_lab_in_korean(qtbot, open_lab, back_to_english):
    set_language("ko")  # opened in Korean: its first run speaks Korean from the start
    lab = open_lab("regularization")
    assert lab.windowTitle() == "배치 정규화, 가중치 감소, 드롭 아웃 — NetCanvas 실습"
    assert lab.status.text() == "모든 변형을 에폭 200번 학습하는 중…"
    assert lab.run_button.text() == "실행" and lab.stop_button.text() == "중지"
    assert lab.progress.format() == "에폭 %v/%m"
    with qtbot.waitSignal(lab.job.finished, timeout=TIMEOUT):
        qtbot.mouseClick(lab.stop_button, LEFT)
    type_into(qtbot, lab.epochs, "3")
    with qtbot.waitSignal(lab.job.finished, timeout=TIMEOUT):
        qtbot.mouseClick(lab.run_button, LEFT)
    assert headers(lab.table)[:4] == ["변형", "훈련 정확도", "시험 정확도", "격차"]
    names = [lab.table.item(r, 0).text() for r in range(lab.table.rowCount())]
    assert names == ["규제 없음", "가중치 감소 λ = 0.1", "드롭 아웃 0.2"]
    assert lab.table.item(0, 3).text().endswith("%p")
    assert lab.table.item(0, 1).text().endswith("%") and " %" not in lab.table.item(0, 1).text()
    assert [label.text for _, label in lab.legend.items] == [*names, "훈련", "시험"]
    assert lab.status.text().startswith("에폭 3번을 마쳤습니다. 격차 (훈련 − 시험, %p): 규제 없음 ")
    assert lab.plot.getAxis("bottom").labelText == "에폭"
    assert lab.plot.getAxis("left").labelText == "정확도"
    assert lab.field_labels["init_std"].text() == "초깃값 표준편차"
    assert lab.notice_label.text().startswith("<b>눈여겨볼 점.</b>")
    lab.resize(1200, 760)
    qtbot.wait(50)
    assert settled_clipped_texts(qtbot, lab) == []
    shoot(lab, "regularization")

    set_language("en")  # the finished run's words follow the language too
    assert lab.status.text().startswith("Finished 3 epochs. Gap (train − test, points): "
                                        "no regularisation ")
    assert [lab.table.item(r, 0).text() for r in range(3)] == [
        "no regularisation", "weight decay λ = 0.1", "dropout 0.2"]
    assert [label.text for _, label in lab.legend.items][-2:] == ["train", "test"]
    assert headers(lab.table)[4] == "80 % train at"
    assert lab.notice_label.text().startswith("<b>What to notice.</b> A 6 × 100 ReLU network")


def test_regularization_batch_norm_notice_follows_the_experiment_and_language(
        qtbot, open_lab, back_to_english):
    lab = open_lab("regularization")
    with qtbot.waitSignal(lab.job.finished, timeout=TIMEOUT):
        qtbot.mouseClick(lab.stop_button, LEFT)
    lab.experiment.blockSignals(True)  # show the batch-norm texts without starting its run
    lab.experiment.setCurrentIndex(1)
    lab.experiment.blockSignals(False)
    lab._show_rows()
    assert "batch-norm test" in lab.notice_label.text()
    set_language("ko")
    assert lab.notice_label.text().startswith("<b>눈여겨볼 점.</b> 책의 배치 정규화 실험")
    assert "80%를 넘습니다" in lab.notice_label.text()
    assert headers(lab.table)[4] == "훈련 80% 도달 에폭"
    assert lab.experiment.currentText() == "배치 정규화: 학습 속도"
    assert lab.threshold.label.format == "80%"
    set_language("en")
    assert "batch-norm test" in lab.notice_label.text()
