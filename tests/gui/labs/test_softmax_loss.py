"""The softmax-and-loss lab, opened from the Labs menu and driven through its widgets: the
book's softmax, its overflow example naive and stable, softmax-with-loss and the y1/y2 loss
table, each with the book's numbers."""

from itertools import pairwise

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView, QApplication, QLineEdit

from gui import i18n
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


# ---------------------------------------------------------------------- small windows
TEN = "1, 2, 3, 4, 5, 6, 7, 8, 9, 1000"


def top(widget, lab) -> int:
    return widget.mapTo(lab, widget.rect().topLeft()).y()


def bottom(widget, lab) -> int:
    return top(widget, lab) + widget.height()


def assert_columns_whole(table) -> None:
    """Every column as wide as its header and its widest cell, inside the table's view (no
    column cut off at the right, no number elided to "0…")."""
    header = table.horizontalHeader()
    for c in range(table.columnCount()):
        needed = max(header.sectionSizeHint(c), table.sizeHintForColumn(c))
        assert header.sectionSize(c) >= needed, (c, header.sectionSize(c), needed)
        right = header.sectionViewportPosition(c) + header.sectionSize(c)
        assert right <= table.viewport().width(), (c, right, table.viewport().width())
    assert table.horizontalScrollBar().maximum() == 0


@pytest.mark.parametrize("size", [(1024, 768), (1024, 600), "minimum"])
@pytest.mark.parametrize("scores", [TEN, "1010, 1000, 990"])
def test_nothing_is_cut_or_overlapped_in_a_small_window(qtbot, lab, size, scores):
    """At a projector's 1024 px with ten scores "y − t" was cut off; at 1024 × 600 the red
    message was drawn over the table's last rows; smaller, columns vanished and the loss
    cells read "0…". Now every column is whole, nothing overlaps, and what does not fit in
    the window is reached by scrolling."""
    type_into(qtbot, lab.scores, scores)
    width, height = lab.minimumSize().toTuple() if size == "minimum" else size
    lab.resize(width, height)
    qtbot.wait(100)
    assert lab.size().toTuple() == (width, height)
    assert lab.notice_label.height() >= lab.notice_label.heightForWidth(
        lab.notice_label.width())
    section = lab.losses
    for table in (lab.table, section.table):
        assert_columns_whole(table)
    for stack in ([lab.table, lab.message, lab.loss_line, section],
                  [section.target, section.table, section.note]):
        for upper, lower in pairwise(stack):
            assert bottom(upper, lab) <= top(lower, lab), (upper, lower)
    for label in (lab.message, lab.loss_line, section.note):
        assert label.height() >= label.heightForWidth(label.width())
    # whatever the window cannot show is within reach of the scroll bars
    area = lab.scroll_area
    content = area.widget()
    assert content.width() <= area.viewport().width() + area.horizontalScrollBar().maximum()
    assert content.height() <= area.viewport().height() + area.verticalScrollBar().maximum()
    for widget in (lab.table, section.table, section.note):
        corner = widget.mapTo(content, widget.rect().bottomRight())
        assert corner.x() < content.width() and corner.y() < content.height()
    if width >= 1024:  # the whole width fits: no scrolling sideways
        assert area.horizontalScrollBar().maximum() == 0
        right = lab.table.mapTo(lab, lab.table.rect().topRight()).x()
        assert right < lab.plot_widget.mapTo(lab, lab.plot_widget.rect().topLeft()).x()


# ---------------------------------------------------------------------- words
@pytest.fixture
def back_to_english(qapp):
    yield
    i18n.set_language("en")
    QApplication.processEvents()


def test_typing_slips_are_said_again_in_korean(qtbot, lab, back_to_english):
    """The scores box's and a y1 cell's messages stayed English after switching to Korean
    (the lab kept the sentence, not what makes it)."""
    type_into(qtbot, lab.scores, "1, x")
    assert "“x” is not a number" in lab.message.text()
    type_cell(qtbot, lab.losses.table, 1, 0, "abc")
    assert "“abc” is not a probability" in lab.losses.note.text()
    i18n.set_language("ko")  # as the Language menu does; Qt posts LanguageChange
    QApplication.processEvents()
    assert "“x”은(는) 수가 아닙니다: 0.3, 2.9, 4.0처럼" in lab.message.text()
    assert "“abc”은(는) 확률이 아닙니다: 0에서 1 사이의 수를" in lab.losses.note.text()
    assert lab.scores_label.text() == "점수 a ="
    i18n.set_language("en")
    QApplication.processEvents()
    assert "“x” is not a number" in lab.message.text()


def test_scores_beyond_1e300_are_refused_in_words_without_warnings(qtbot, lab, recwarn, capfd):
    """"-1e308, 1e308" printed NumPy's overflow warnings, read "nan" for the training loss and
    still claimed the stable y "needs no larger number" (a − max was −inf)."""
    type_into(qtbot, lab.scores, "-1e308, 1e308")
    assert "“-1e308” is out of range: type scores from −1e300 to 1e300" in lab.message.text()
    assert column(lab.table, A) == ["0.3", "2.9", "4", ""]  # the last good scores stay
    type_into(qtbot, lab.scores, "-1e300, 1e300")
    assert column(lab.table, Y)[:2] == ["0.", "1."]
    assert column(lab.table, EXP)[:2] == ["0.", "inf"]
    assert "Overflow." in lab.message.text() and "nan" not in lab.loss_line.text()
    assert "(training computes it without the 1e-7: 0.00000000)" in lab.loss_line.text()
    assert [w for w in recwarn if issubclass(w.category, RuntimeWarning)] == []
    assert "overflow" not in capfd.readouterr().err


@pytest.mark.parametrize("text, rows", [("1;2;3", 3), ("1; 2; 3; 4", 4), ("1 2  3", 3),
                                        ("[1, 2]", 2)])
def test_semicolons_and_spaces_separate_scores_too(qtbot, lab, text, rows):
    """"1;2;3" was answered "Type 2 to 10 numbers … (1 given)"."""
    type_into(qtbot, lab.scores, text)
    assert lab.table.rowCount() == rows + 1
    assert "same y" in lab.message.text()


def test_a_word_that_is_no_number_is_named(qtbot, lab):
    type_into(qtbot, lab.scores, "1/2/3")
    assert "“1/2/3” is not a number" in lab.message.text()
    type_into(qtbot, lab.scores, "1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11x")
    assert "“11x” is not a number" in lab.message.text()


def test_the_note_says_when_the_two_losses_disagree_or_tie(qtbot, lab):
    """The note named y1 "the better prediction" by cross-entropy alone, quoting both losses,
    and named y1 on a tie too."""
    section, table = lab.losses, lab.losses.table
    y1 = [0, 0, 0.5, 0, 0, 0, 0, 0.5, 0, 0]
    y2 = [0.0611] * 10
    y2[2] = 0.45
    for row, values in ((1, y1), (2, y2)):
        for col, value in enumerate(values):
            if table.item(row, col).text() != f"{value:g}":
                type_cell(qtbot, table, row, col, f"{value:g}")
    assert [table.item(r, SQUARES).text() for r in (1, 2)] == ["0.2500", "0.1680"]
    assert [table.item(r, CROSS_ENTROPY).text() for r in (1, 2)] == [
        "0.69314698056", "0.798507473996"]
    note = section.note.text()
    assert "do not agree which prediction is better" in note
    assert "by ½Σ(y−t)², y2 (0.1680 against 0.2500); by cross-entropy, y1 (0.6931 against " \
           "0.7985)" in note
    assert "The smaller loss is the better prediction" not in note
    for col, value in enumerate(y1):  # y2 the same as y1: a tie
        type_cell(qtbot, table, 2, col, f"{value:g}")
    note = section.note.text()
    assert "y1 and y2 are equally good" in note and "(0.2500 and 0.6931)" in note
    type_cell(qtbot, table, 2, 2, "0.6")  # y2 better by both
    assert "The smaller loss is the better prediction: y2 (0.2050 and 0.5108)" in (
        section.note.text())


def test_tab_passes_the_plots_by(qtbot, lab):
    """Tab stopped on both plots, which do nothing with the keyboard, and never left either
    table (it went round their cells; the arrow keys do that)."""
    lab.activateWindow()
    lab.scores.setFocus()
    qtbot.waitUntil(lambda: lab.scores.hasFocus())
    stops = []
    for _ in range(300):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        if QApplication.focusWidget() is lab.scores:
            break
        if QApplication.focusWidget() not in stops:
            stops.append(QApplication.focusWidget())
    assert QApplication.focusWidget() is lab.scores  # round the whole lab
    assert stops == [lab.book_button, lab.overflow_button, lab.target, lab.table,
                     lab.losses.target, lab.losses.table, lab.scroll_area]  # (arrows scroll)
