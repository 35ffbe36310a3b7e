"""The book's three-layer forward pass in the window: Explain's Check says in words that
backprop agrees with the numerical gradient (the example's target is not its own output, so
the gradients are real, not round-off), its table fits the dock at 1280×800, the Predictions
dock lists both outputs as the target beside them, and in Korean the steps name the
activation as the canvas does and the data set's name is translated."""

import pytest
from PySide6.QtCore import QCoreApplication, Qt

from core.explain import agreement, numerical_gradients
from gui.i18n import set_language
from gui.main_window import DEFAULT_SIZE

BOOK_Y = "0.317, 0.696"  # Y = [0.31682708, 0.69627909], as the target column writes numbers


@pytest.fixture
def panel(qtbot, window):
    assert window.files.open_example("forward_pass_3layer")
    window.explain_action.trigger()  # View ▸ Explain… (Ctrl+E)
    panel = window.explain
    qtbot.waitUntil(lambda: panel.explanation is not None)
    return panel


def test_check_says_backprop_agrees_with_the_real_largest_error(qtbot, window, panel):
    qtbot.mouseClick(panel.check_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(panel.check_table.isVisible)
    found = agreement(panel.explanation.trace.gradients,
                      numerical_gradients(window.files.project(), panel.explanation))
    assert found.agree and found.relative < 1e-6 and found.difference < 1e-9
    summary = panel.check_table.summary.text()
    assert "Backprop agrees with the numerical gradient." in summary
    assert "disagree" not in summary
    assert (f"the largest relative error is {found.relative:.1e}, the largest difference "
            f"{found.difference:.1e}") in summary
    errors = [float(e) for e in panel.check_table.column("rel. err")]
    assert len(errors) == 6 + 3 + 6 + 2 + 4 + 2  # W1, b1, W2, b2, W3, b3: each listed
    assert max(errors) == pytest.approx(found.relative, rel=0.06)  # as shown: 2 digits
    rows = dict(zip(panel.check_table.column("parameter"),
                    panel.check_table.column("backprop"), strict=True))
    assert (rows["b3[0]"], rows["b3[1]"]) == ("0.31683", "-0.30372")  # δ_out = Y − t, t = [0, 1]


def test_the_check_table_fits_the_dock_without_scrolling_sideways(qtbot, window, panel):
    assert (window.width(), window.height()) == DEFAULT_SIZE == (1280, 800)
    qtbot.mouseClick(panel.check_button, Qt.MouseButton.LeftButton)
    table = panel.check_table.table
    qtbot.waitUntil(table.isVisible)
    qtbot.wait(50)  # the layouts settle, as on screen
    header = table.horizontalHeader()
    last = table.columnCount() - 1
    assert not table.horizontalScrollBar().isVisible()
    assert header.sectionViewportPosition(last) + header.sectionSize(last) <= \
        table.viewport().width()
    for c in range(table.columnCount()):  # every number whole: only headers give way
        assert header.sectionSize(c) >= table.sizeHintForColumn(c), c
    assert table.horizontalHeaderItem(0).toolTip() == "parameter"  # whole, if elided


def test_predictions_list_both_outputs_beside_the_target(qtbot, window, panel):
    predictions = window.predictions_panel
    qtbot.waitUntil(lambda: predictions.column("output") == [BOOK_Y])
    assert predictions.column("target") == ["0, 1"]


def test_korean_steps_name_the_activation_and_the_data_set(qtbot, window, panel):
    try:
        set_language("ko")
        QCoreApplication.processEvents()
        qtbot.wait(20)
        panel.go(2)  # hidden 1's activation a = sigmoid(z)
        qtbot.waitUntil(lambda: "시그모이드" in panel.title.text())
        assert "sigmoid" not in panel.title.text().lower()
        assert window.data_picker.data_combo.currentText() == "책의 입력 (가져옴)"
        assert "책의 입력" in window.predictions_panel.caption.text()
        assert "book input" not in window.predictions_panel.caption.text()
    finally:
        set_language("en")
        QCoreApplication.processEvents()
    qtbot.waitUntil(lambda: "Sigmoid" in panel.title.text())
    assert window.data_picker.data_combo.currentText() == "book input (imported)"


def test_a_real_disagreement_is_said_in_words_with_the_worst_parameter(qtbot, window, panel,
                                                                      monkeypatch):
    """A backprop slip (here: the numerical gradient of W3[1,0] off by 1e-3) is no round-off:
    the verdict says they disagree and where."""
    import gui.explain.panel as panel_module

    def slipped(project, explanation):
        numerical = {k: v.copy() for k, v in explanation.trace.gradients.items()}
        numerical["W3"][1, 0] += 1e-3
        return numerical

    monkeypatch.setattr(panel_module, "numerical_gradients", slipped)
    qtbot.mouseClick(panel.check_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(panel.check_table.isVisible)
    summary = panel.check_table.summary.text()
    assert "Backprop and the numerical gradient disagree." in summary
    assert "they differ by 1.0e-03 at W3[1,0]" in summary
    assert "agrees" not in summary
