"""The softmax-and-loss lab, opened from the Labs menu and driven through its widgets: the
book's softmax, its overflow example naive and stable, softmax-with-loss and the y1/y2 loss
table, each with the book's numbers."""

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView, QLineEdit

from gui.labs.softmax_loss import EXP, GRADIENT, NAIVE, SHIFTED_EXP, A, Y
from gui.labs.softmax_loss_losses import CROSS_ENTROPY, SQUARES, TOTAL
from tests.gui.keys import type_into
from tests.gui.screenshots import screenshot_target

LEFT = Qt.MouseButton.LeftButton


@pytest.fixture
def lab(open_lab):
    return open_lab("softmax_loss")


def column(table, col) -> list[str]:
    return [table.item(row, col).text() for row in range(table.rowCount())]


def test_opens_on_the_books_softmax(qtbot, lab):
    assert lab.scores.text() == "0.3, 2.9, 4.0"
    assert column(lab.table, A) == ["0.3", "2.9", "4", ""]
    assert column(lab.table, Y) == ["0.01821127", "0.24519181", "0.73659691", "1"]
    assert column(lab.table, NAIVE)[:3] == ["0.01821127", "0.24519181", "0.73659691"]
    assert "same y" in lab.message.text() and "Overflow" not in lab.message.text()
    assert list(lab.bars.opts["height"]) == pytest.approx([0.01821127, 0.24519181, 0.73659691],
                                                          abs=1e-8)


def test_softmax_with_loss_shows_the_books_loss_and_gradient(qtbot, lab):
    assert column(lab.table, GRADIENT)[:3] == ["0.01821127", "0.24519181", "-0.26340309"]
    assert "= 0.30571433 (" in lab.loss_line.text()  # −log(0.73659691 + 1e-7)
    lab.target.setFocus()
    qtbot.keyClick(lab.target, Qt.Key.Key_Down)  # the right class is now 1
    assert column(lab.table, GRADIENT)[:3] == ["0.01821127", "-0.75480819", "0.73659691"]
    assert "t = 1" in lab.loss_line.text()


def test_typing_new_scores_shows_their_softmax(qtbot, lab):
    type_into(qtbot, lab.scores, "1, 2, 3, 4")
    assert lab.table.rowCount() == 5
    assert column(lab.table, Y)[:4] == ["0.0320586", "0.08714432", "0.23688282", "0.64391426"]
    assert lab.target.maximum() == 3
    type_into(qtbot, lab.scores, "1, two, 3")
    assert "“two” is not a number" in lab.message.text()
    assert lab.table.rowCount() == 5  # the last good scores stay on show
    type_into(qtbot, lab.scores, "7")
    assert "Type 2 to 10 numbers" in lab.message.text()


def test_ten_scores_fit_above_the_message(qtbot, lab):
    """Ten scores made the table taller than its place: its last rows ran under the message
    (the plots' size hints had the window's height shared out evenly)."""
    type_into(qtbot, lab.scores, "1, 2, 3, 4, 5, 6, 7, 8, 9, 1000")
    qtbot.wait(50)
    assert lab.table.rowCount() == 11 and lab.table.verticalScrollBar().maximum() == 0
    table_bottom = lab.table.mapTo(lab, lab.table.rect().bottomLeft()).y()
    assert table_bottom < lab.message.mapTo(lab, lab.message.rect().topLeft()).y()
    losses_top = lab.losses.mapTo(lab, lab.losses.rect().topLeft()).y()
    assert lab.loss_line.mapTo(lab, lab.loss_line.rect().bottomLeft()).y() < losses_top


def test_the_overflow_example_naive_is_nan_in_words_stable_is_the_books(qtbot, lab):
    qtbot.mouseClick(lab.overflow_button, LEFT)
    assert lab.scores.text() == "1010, 1000, 990"
    assert column(lab.table, EXP)[:3] == ["inf", "inf", "inf"]
    assert column(lab.table, NAIVE) == ["nan", "nan", "nan", "nan"]
    assert column(lab.table, Y)[:3] == ["9.99954600e-01", "4.53978686e-05", "2.06106005e-09"]
    assert column(lab.table, SHIFTED_EXP)[3] == "1.0000454"
    message = lab.message.text()
    assert "Overflow." in message and "inf/inf = nan" in message
    assert "overflow encountered in exp" in message and "Traceback" not in message
    qtbot.mouseClick(lab.book_button, LEFT)
    assert column(lab.table, Y)[:3] == ["0.01821127", "0.24519181", "0.73659691"]
    assert "Overflow" not in lab.message.text()


def test_the_books_loss_table(qtbot, lab):
    table = lab.losses.table
    assert [table.item(0, c).text() for c in range(10)] == [
        "0", "0", "1", "0", "0", "0", "0", "0", "0", "0"]
    assert [table.item(1, c).text() for c in (2, TOTAL, SQUARES, CROSS_ENTROPY)] == [
        "0.6", "1", "0.0975", "0.510825457099"]
    assert [table.item(2, c).text() for c in (7, TOTAL, SQUARES, CROSS_ENTROPY)] == [
        "0.6", "1", "0.5975", "2.30258409299"]
    assert "better prediction: y1" in lab.losses.note.text()


def type_cell(qtbot, table, row, col, text):
    """Type into a cell the way a user does: select it, type, Enter."""
    table.setFocus()
    table.setCurrentCell(row, col)
    qtbot.keyClick(table, Qt.Key.Key_F2)  # edit the current cell
    [editor] = [e for e in table.viewport().findChildren(QLineEdit) if e.isVisible()]
    editor.selectAll()
    qtbot.keyClicks(editor, text)
    qtbot.keyClick(editor, Qt.Key.Key_Return)  # Qt commits it from the event loop
    qtbot.waitUntil(lambda: table.state() != QAbstractItemView.State.EditingState)


def test_typing_a_prediction_and_moving_the_right_class(qtbot, lab):
    section = lab.losses
    table = section.table
    type_cell(qtbot, table, 2, 7, "0.1")  # y2 drops its 0.6 on class 7 …
    type_cell(qtbot, table, 2, 2, "0.6")  # … and puts it on the right class 2: as y1
    assert table.item(2, SQUARES).text() == "0.0975"
    assert table.item(2, CROSS_ENTROPY).text() == "0.510825457099"
    type_cell(qtbot, table, 1, 0, "2")
    assert "not a probability" in section.note.text()
    assert table.item(1, 0).text() == "0.1"  # the old number is back
    section.target.setFocus()
    section.target.selectAll()
    qtbot.keyClicks(section.target, "7")
    qtbot.keyClick(section.target, Qt.Key.Key_Return)
    assert section.target.value() == 7
    assert table.item(1, CROSS_ENTROPY).text() == "2.30258409299"  # y1 puts 0.1 on class 7
    assert section.target_bar.opts["x"] == [7]


def test_screenshot(qtbot, lab, tmp_path):
    """``UPDATE_SCREENSHOTS=1`` rewrites resources/screenshots/lab_softmax_loss.png."""
    qtbot.mouseClick(lab.overflow_button, LEFT)
    qtbot.wait(50)
    image = lab.grab().toImage()
    assert image.width() >= 1100
    target = screenshot_target("lab_softmax_loss.png", tmp_path)
    assert image.save(str(target))
