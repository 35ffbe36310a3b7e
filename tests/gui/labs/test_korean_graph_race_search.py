"""The computational graph, optimizer race and hyperparameter search labs in Korean: switched
live while open, their buttons, tables, plots and status lines say the glossary's words, nothing
is cut off, and switching back gives the English again (status lines said anew, not kept)."""

import pytest
from PySide6.QtCore import QPoint, Qt

from gui.i18n import set_language
from tests.gui.keys import type_into
from tests.gui.screenshots import screenshot_target
from tests.gui.text_fit import settled_clipped_texts

LEFT = Qt.MouseButton.LeftButton
TIMEOUT = 60_000  # other test runs share the two cores


@pytest.fixture
def english_after():
    yield
    set_language("en")


def switch(qtbot, lab, code: str, title_start: str) -> None:
    """Speak ``code`` and wait until the lab has retranslated and its layouts have settled
    (LanguageChange and the layout requests it causes are posted events)."""
    set_language(code)
    qtbot.waitUntil(lambda: lab.windowTitle().startswith(title_start), timeout=TIMEOUT)
    if code == "ko":
        assert settled_clipped_texts(qtbot, lab, timeout=5_000) == []


def header(table) -> list[str]:
    return [table.horizontalHeaderItem(c).text() for c in range(table.columnCount())]


def test_computational_graph_lab_in_korean_and_back(qtbot, open_lab, english_after, tmp_path):
    lab = open_lab("comp_graph")
    qtbot.mouseClick(lab.run_button, LEFT)
    qtbot.mouseClick(lab.check_button, LEFT)
    assert lab.status.text() == "Every gradient agrees with the numerical one."

    switch(qtbot, lab, "ko", "계산 그래프의 역전파")
    assert lab.windowTitle() == "계산 그래프의 역전파 — NetCanvas 실습"
    assert lab.notice_label.text().startswith("<b>눈여겨볼 점.</b> 순전파에서는")
    assert [lab.forward_button.text(), lab.backward_button.text(), lab.run_button.text(),
            lab.reset_button.text()] == ["다음 단계 →", "← 한 단계 뒤로", "모두 실행",
                                         "단계 초기화"]
    assert lab.backward_button.toolTip() == "한 단계 뒤로 (←)"  # as the Explain dock says
    assert lab.progress.text() == "순전파 2/2 · 역전파 2/2"
    assert lab.step_text.text().startswith("단계 4/4 · mul_apple의 역전파: × 노드는 입력을 "
                                           "서로 바꿉니다")
    assert lab.status.text() == "모든 기울기가 수치 미분으로 구한 기울기와 일치합니다."
    assert header(lab.check_table) == ["입력", "오차역전파법", "수치 미분", "상대 오차", ""]
    assert [label.text() for label in lab.edit_labels] == ["종류", "피연산자", "값"]
    assert lab.kind.itemText(lab.kind.findData("input")) == "입력 (상수)"
    assert lab.edit_box.title() == "노드 추가 또는 삭제"
    assert "말단 노드" in lab.canvas.nodes["apple"].toolTip()
    assert "상류" in lab.rules.toolTip()
    assert settled_clipped_texts(qtbot, lab) == []
    lab.grab().save(str(screenshot_target("comp_graph_ko.png", tmp_path)))

    qtbot.mouseClick(lab.reset_button, LEFT)  # state changed in Korean, said in English next
    assert lab.step_text.text() == ("입력값이 정해졌습니다. →를 누르면 순전파를 거쳐 역전파까지 "
                                    "한 단계씩 진행하고, End를 누르면 두 과정을 한꺼번에 보여 "
                                    "줍니다.")
    switch(qtbot, lab, "en", "Computational graph")
    assert lab.windowTitle() == "Computational graph and backprop — NetCanvas lab"
    assert lab.step_text.text() == ("The inputs are known. Press → to step through the forward "
                                    "pass, then the backward pass; End shows both at once.")
    assert lab.progress.text() == "forward 0/2 · backward 0/2"
    assert lab.status.text() == "Every gradient agrees with the numerical one."
    assert header(lab.check_table)[:2] == ["input", "backprop"]


def test_a_removal_is_said_again_in_the_new_language(qtbot, open_lab, english_after):
    lab = open_lab("comp_graph")
    lab.canvas.nodes["mul_apple"].setSelected(True)
    qtbot.mouseClick(lab.remove_button, LEFT)
    assert lab.status.text() == "Removed mul_apple and the 1 node using it."
    switch(qtbot, lab, "ko", "계산 그래프의 역전파")
    assert lab.status.text() == "mul_apple 노드와 이를 사용하는 노드 1개를 삭제했습니다."
    switch(qtbot, lab, "en", "Computational graph")
    assert lab.status.text() == "Removed mul_apple and the 1 node using it."


def test_optimizer_race_lab_in_korean_and_back(qtbot, open_lab, english_after, tmp_path):
    lab = open_lab("optimizer_race")
    if lab.job.running:  # the race it starts on opening: its stopped state is said in Korean
        with qtbot.waitSignal(lab.job.finished, timeout=TIMEOUT):
            qtbot.mouseClick(lab.race_button, LEFT)
    type_into(qtbot, lab.lrs["sgd"], "2")  # SGD diverges on the bowl
    assert "Diverged: SGD (step" in lab.path_status.text()

    switch(qtbot, lab, "ko", "갱신 방법 비교")
    assert lab.windowTitle() == "갱신 방법 비교 — NetCanvas 실습"
    assert lab.notice_label.text().startswith("<b>눈여겨볼 점.</b> f(x, y) = x²/20 + y²")
    assert [lab.step_button.text(), lab.animate_button.text(), lab.race_button.text()] == [
        "한 단계", "애니메이션 재생", "숫자 데이터로 비교"]
    assert lab.form_labels["surface"].text() == "곡면"
    assert lab.form_labels["steps"].text() == "갱신 횟수"
    assert lab.form_labels["adam"].text().endswith("Adam 학습률")
    assert lab.race_status.text().startswith("중지했습니다")
    assert "발산함: SGD (" in lab.path_status.text() and "단계)" in lab.path_status.text()
    assert "단계에서 발산함" in lab.path_legend.labels()["sgd"]
    assert lab.plot.titleLabel.text == "같은 출발점에서의 경로"
    assert lab.loss_plot.getAxis("bottom").labelText == "에폭"
    assert lab.race_rates.text().endswith("(책의 값)")
    assert "애니메이션 재생" in lab.steps.toolTip()
    assert settled_clipped_texts(qtbot, lab) == []
    qtbot.mouseClick(lab.animate_button, LEFT)
    assert lab.animate_button.text() == "애니메이션 중지"
    lab.stop_animation()
    lab.grab().save(str(screenshot_target("optimizer_race_ko.png", tmp_path)))

    switch(qtbot, lab, "en", "Optimizer race")
    assert lab.race_button.text() == "Race on digits"
    assert lab.race_status.text().startswith("Stopped")
    assert "Diverged: SGD (step" in lab.path_status.text()
    assert lab.loss_plot.getAxis("bottom").labelText == "epoch"
    assert lab.form_labels["surface"].text() == "Surface"


def test_the_books_gradient_descent_in_korean(qtbot, open_lab, english_after, tmp_path):
    lab = open_lab("optimizer_race")
    lab.surface.setCurrentIndex(lab.surface.findData("descent"))
    switch(qtbot, lab, "ko", "갱신 방법 비교")
    assert lab.surface.currentText() == "경사 하강법 (책 §4.4)"
    assert [b.text() for b in lab.descent_controls.rates] == [
        "lr = 0.1 (책의 값)", "lr = 10 (너무 큼)", "lr = 1e-10 (너무 작음)"]
    assert "(−3, 4)에서 출발해 100단계 뒤 (lr = 0.1):" in lab.path_status.text()
    assert "x = [-6.11110793e-10,  8.14814391e-10]" in lab.path_status.text()
    too_large = lab.descent_controls.rates[1]  # it said "lr = 10로": 10 is 십, so 10으로
    qtbot.mouseClick(too_large, Qt.MouseButton.LeftButton,
                     pos=QPoint(too_large.height(), too_large.height() // 2))
    assert "(−3, 4)에서 출발해 100단계 뒤 (lr = 10):" in lab.path_status.text()
    assert "x = [-2.58983747e+13, -1.29524862e+12]" in lab.path_status.text()  # the book's
    qtbot.mouseClick(lab.descent_controls.rates[0], Qt.MouseButton.LeftButton,
                     pos=QPoint(too_large.height(), too_large.height() // 2))
    assert "(3, 4)에서 ∇f = (6, 8)" in lab.descent_controls.gradients.text()
    assert lab.path_legend.labels() == {"descent": "경사 하강법, lr = 0.1"}
    assert lab.notice_label.text().startswith("<b>눈여겨볼 점.</b> 책의 경사법")
    lab.resize(1280, 800)
    assert settled_clipped_texts(qtbot, lab) == []
    lab.grab().save(str(screenshot_target("optimizer_race_descent_ko.png", tmp_path)))
    lab.surface.setCurrentIndex(0)
    assert "책의 그림에 없는 Nesterov와 RMSprop은 꺼져 있습니다" in lab.notice_label.text()
    assert lab.more.text() == "Nesterov와 RMSprop도 표시"


def test_search_lab_in_korean_and_back(qtbot, window, open_lab, english_after, tmp_path):
    assert window.files.open_example("spiral")
    lab = open_lab("search")
    form = lab.form
    for box, value in ((form.n_trials, "3"), (form.epochs, "5"), (form.workers, "1")):
        type_into(qtbot, box, value)

    switch(qtbot, lab, "ko", "하이퍼파라미터 탐색")
    assert lab.windowTitle() == "하이퍼파라미터 탐색 — NetCanvas 실습"
    assert [lab.run_button.text(), lab.stop_button.text(), lab.apply_best_button.text(),
            lab.apply_selected_button.text()] == ["실행", "중지", "최고 결과 적용",
                                                  "선택 항목 적용"]
    assert lab.narrow_button.text() == "상위 5개로 좁히기"
    assert [label.text() for label in form.labels] == [
        "학습률", "가중치 감소", "시행", "시행당 에폭", "프로세스", "시드"]
    assert "정확도 기준으로 순위를 매깁니다" in lab.project_label.text()
    assert lab.progress.text() == "시행 0/3"
    with qtbot.waitSignal(lab.job.finished, timeout=TIMEOUT):
        qtbot.mouseClick(lab.run_button, LEFT)
    assert lab.status.text().startswith("시행 3개 (")
    assert "최고 결과: 검증 정확도" in lab.status.text()
    results = lab.results
    assert header(results.table) == ["순위", "검증 정확도", "학습률", "가중치 감소",
                                     "검증 손실", "결과"]
    assert {results.table.item(r, 5).text() for r in range(3)} == {"완료"}
    best = lab.trials[0].score
    assert results.table.item(0, 1).text() == f"{100 * best:.1f}%"  # Korean: no space
    assert f"최고 결과: 검증 정확도 {100 * best:.1f}%" in lab.status.text()
    assert results.plot.getAxis("bottom").labelText == "학습률"
    assert results.colour_bar.getAxis("left").labelText == "검증 정확도 (%)"
    assert settled_clipped_texts(qtbot, lab, timeout=5_000) == []
    lab.grab().save(str(screenshot_target("search_ko.png", tmp_path)))

    switch(qtbot, lab, "en", "Hyperparameter search")
    assert lab.status.text().startswith("3 trials in ")
    assert "Best: validation accuracy" in lab.status.text()
    assert header(results.table)[:2] == ["Rank", "Val accuracy"]
    assert results.table.item(0, 1).text() == f"{100 * best:.1f}\u00a0%"
    assert {results.table.item(r, 5).text() for r in range(3)} == {"completed"}
    assert [label.text() for label in form.labels][:2] == ["Learning rate", "Weight decay"]
    assert lab.progress.text() == "3 / 3 trials"


def test_a_backwards_range_is_said_in_korean(qtbot, window, open_lab, english_after):
    assert window.files.open_example("spiral")
    lab = open_lab("search")
    switch(qtbot, lab, "ko", "하이퍼파라미터 탐색")
    type_into(qtbot, lab.form.lr_from, "-1")
    type_into(qtbot, lab.form.lr_to, "-3")
    assert lab.form.lr_text.text().endswith("시작 값이 끝 값보다 큽니다</span>")
    qtbot.mouseClick(lab.run_button, LEFT)
    assert "학습률 범위가 거꾸로입니다(-1 ~ -3)" in lab.status.text()
    switch(qtbot, lab, "en", "Hyperparameter search")
    assert "The learning rate range runs backwards (-1 to -3)" in lab.status.text()


def test_an_emptied_project_is_said_in_sentences_in_korean(qtbot, window, open_lab,
                                                           english_after):
    """The reason read "먼저 신경망을 고치세요: 입력 노드를 추가하세요: …", two colons in a row."""
    lab = open_lab("search")
    window.files.new()
    qtbot.waitUntil(lambda: "Add an input node" in lab.project_label.text())
    switch(qtbot, lab, "ko", "하이퍼파라미터 탐색")
    qtbot.waitUntil(lambda: "입력 노드" in lab.project_label.text())
    assert lab.project_label.text().endswith(
        "먼저 신경망을 고치세요. 입력 노드를 추가하세요: 신경망에 데이터를 넣는 노드가 없습니다.")
