"""The activation-functions lab, opened from the Labs menu and driven through its widgets."""

import numpy as np
import pytest
from PySide6.QtCore import Qt

from core.engine.activations import title
from core.labs.activations import FUNCTIONS, STACK_ACTIVATIONS, stack, vanishing_intervals
from tests.gui.screenshots import screenshot_target


@pytest.fixture
def lab(open_lab):
    return open_lab("activations")


def cell(lab, name, column):
    row = [lab.table.item(r, 0).text() for r in range(lab.table.rowCount())].index(title(name))
    return float(lab.table.item(row, column).text())


def test_opens_on_the_sigmoid_with_the_books_numbers(qtbot, lab):
    assert lab.name == "sigmoid"
    assert cell(lab, "sigmoid", 2) == pytest.approx(0.25)
    lab.x.setValue(1.0)
    assert cell(lab, "sigmoid", 1) == pytest.approx(0.73105858, abs=1e-8)
    assert cell(lab, "sigmoid", 2) == pytest.approx(0.19661193, abs=1e-8)
    lab.x.setValue(-1.0)
    assert cell(lab, "step", 1) == 0 and cell(lab, "relu", 1) == 0
    assert cell(lab, "sigmoid", 1) == pytest.approx(0.26894142, abs=1e-8)
    x, y = lab.curve.getData()
    np.testing.assert_allclose(y, 1 / (1 + np.exp(-x)), atol=1e-12)


def test_the_vanishing_slope_is_shaded(qtbot, lab):
    left, right = vanishing_intervals("sigmoid")
    assert left[0] == -6 and left[1] == pytest.approx(-4.6, abs=0.05)  # σ′ < 0.01 for |x| ≳ 4.6
    assert right[1] == 6 and right[0] == pytest.approx(4.6, abs=0.05)
    assert lab.shade[0].isVisible() and lab.shade[0].getRegion() == pytest.approx(left)
    assert lab.shade[1].isVisible() and lab.shade[1].getRegion() == pytest.approx(right)
    lab.function.setCurrentIndex(lab.function.findData("relu"))
    assert lab.shade[0].getRegion() == pytest.approx((-6.0, 0.0), abs=0.02)
    assert not lab.shade[1].isVisible()
    lab.function.setCurrentIndex(lab.function.findData("step"))
    assert lab.shade[0].getRegion() == (-6.0, 6.0)  # no slope anywhere: it cannot learn
    assert not lab.shade[1].isVisible()


def test_identity_layers_collapse_to_one_linear_map_and_relu_bends_it(qtbot, lab):
    x, y = lab.stack_curve.getData()
    _, line = lab.stack_line.getData()
    k = stack("identity").k
    np.testing.assert_allclose(x, np.linspace(-3, 3, 121))
    np.testing.assert_allclose(y, k * x, atol=1e-12)  # y = K·x exactly
    np.testing.assert_allclose(line, k * x)
    assert lab.stack_caption.text() == (
        "K = W1·W2·W3·W4 = -1.7257 (dotted: y = K·x); largest distance from it: 0.000")
    lab.stack_activation.setCurrentIndex(lab.stack_activation.findData("relu"))
    _, drawn = lab.stack_curve.getData()
    assert np.abs(np.diff(drawn, 2)).max() > 1e-3  # a kink: no single line fits
    np.testing.assert_allclose(drawn, stack("relu").y)
    assert "largest distance from it: 8.479" in lab.stack_caption.text()


def test_every_column_shows_at_960_px_and_cells_are_read_only(qtbot, lab):
    lab.resize(960, 640)
    for x in (-6.0, -0.37, 1.0, 6.0):
        lab.x.setValue(x)
        qtbot.wait(10)
        header = lab.table.horizontalHeader()
        shown = sum(header.sectionSize(c) for c in range(lab.table.columnCount()))
        assert shown <= lab.table.viewport().width()
        assert lab.table.horizontalScrollBar().maximum() == 0  # nothing scrolled out of view
        for c in range(lab.table.columnCount()):
            assert header.sectionViewportPosition(c) + header.sectionSize(c) \
                <= lab.table.viewport().width()
        assert lab.table.verticalScrollBar().maximum() == 0  # every row too
        for r in range(lab.table.rowCount()):
            for c in range(lab.table.columnCount()):
                item = lab.table.item(r, c)
                assert item.flags() == Qt.ItemFlag.ItemIsEnabled
                width = lab.table.fontMetrics().horizontalAdvance(item.text())
                assert width < header.sectionSize(c)  # the number is not elided
    for widget in (lab.function, lab.x, lab.stack_activation, lab.table):
        assert widget.toolTip()


def test_functions_go_by_the_names_the_canvas_shows(qtbot, lab):
    """The table and both combos said "identity", "relu", "leaky_relu": the raw identifiers."""
    names = [lab.table.item(r, 0).text() for r in range(lab.table.rowCount())]
    assert names == [title(n) for n in FUNCTIONS]
    assert names[:3] == ["Identity", "Step", "Sigmoid"] and "Leaky ReLU" in names
    assert [lab.function.itemText(k) for k in range(lab.function.count())] == names
    assert [lab.stack_activation.itemText(k) for k in range(lab.stack_activation.count())] == [
        title(n) for n in STACK_ACTIVATIONS]
    assert lab.function.currentText() == "Sigmoid" and lab.name == "sigmoid"
    header = lab.table.horizontalHeader()
    assert lab.table.fontMetrics().horizontalAdvance("Leaky ReLU") + 8 <= header.sectionSize(0)


def test_the_menu_reopens_the_same_window(qtbot, window, lab):
    lab.close()
    window.labs_menu.lab_actions["activations"].trigger()
    assert window.labs_menu.windows["activations"] is lab and lab.isVisible()


def test_screenshot(qtbot, lab, tmp_path):
    """``UPDATE_SCREENSHOTS=1`` rewrites resources/screenshots/lab_activations.png."""
    lab.resize(1200, 760)
    lab.x.setValue(1.0)
    qtbot.wait(50)
    image = lab.grab().toImage()
    colours = {image.pixelColor(x, y).rgb() for x in range(0, 1200, 37) for y in range(0, 760, 23)}
    assert len(colours) > 20
    target = screenshot_target("lab_activations.png", tmp_path)
    assert image.save(str(target))
