"""The batch-norm one-batch table on numbers the book's batch does not have: a number whose
square overflows is refused in words, a constant column and a nearly constant one are said
for what they are (not "variance 1"), no "-0", nothing on stderr, and a typing slip's message
follows the language."""

import warnings

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView, QApplication, QLineEdit

from gui import i18n
from gui.labs.regularization_batch import GAMMA, MEAN, NORMALISED, VAR, BatchArithmetic, Y


@pytest.fixture
def section(qtbot):
    widget = BatchArithmetic()
    qtbot.addWidget(widget)
    widget.resize(900, 520)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


@pytest.fixture
def back_to_english(qapp):
    yield
    set_language("en")


def set_language(code: str) -> None:
    """Switch as the Language menu does, and deliver the LanguageChange events."""
    i18n.set_language(code)
    QApplication.processEvents()


def type_cell(qtbot, section, row, column, text):
    table = section.table
    table.setFocus()
    table.setCurrentCell(row, column)
    qtbot.keyClick(table, Qt.Key.Key_F2)
    [editor] = [e for e in table.viewport().findChildren(QLineEdit) if e.isVisible()]
    editor.selectAll()
    qtbot.keyClicks(editor, text)
    qtbot.keyClick(editor, Qt.Key.Key_Return)  # Qt commits it from the event loop
    qtbot.waitUntil(lambda: table.state() != QAbstractItemView.State.EditingState)


def cells(section, row, columns):
    return [section.table.item(row, column).text() for column in columns]


def column(section, first):
    return [section.table.item(row, first).text() for row in range(3)]


def test_a_number_whose_square_overflows_is_refused_in_words(qtbot, section, capfd):
    """1e200 made σ² "inf", every normalised x 0 or "-0", y 0, under "mean 0 and variance
    1", with NumPy's overflow warning on stderr."""
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # a RuntimeWarning would fail the test
        type_cell(qtbot, section, 0, 0, "1e200")
        note = section.note.text()
        assert "“1e200” is too large for this table" in note
        assert "from −1e150 to 1e150" in note
        assert cells(section, 0, (0,)) == ["1"]  # the book's number is shown again
        assert cells(section, VAR, (0, 1)) == ["2.66666667", "8.66666667"]
        type_cell(qtbot, section, 0, 0, "-1e150")  # the largest allowed is taken
        assert cells(section, 0, (0,)) == ["-1e+150"]
        assert "inf" not in " ".join(cells(section, VAR, (0,)) + column(section, Y))
        assert column(section, NORMALISED) == ["-1.41421356", "0.707106781", "0.707106781"]
        assert "has mean 0 and variance 1" in section.note.text()
    captured = capfd.readouterr()
    assert "overflow" not in captured.err and "Warning" not in captured.err


def test_a_constant_column_says_what_batch_norm_does_with_it(qtbot, section, capfd):
    for row in range(3):
        type_cell(qtbot, section, row, 0, "2")
    assert cells(section, MEAN, (0,)) == ["2"] and cells(section, VAR, (0,)) == ["0"]
    assert column(section, NORMALISED) == ["0", "0", "0"]
    assert column(section, Y) == ["0", "0", "0"]  # β₁ is 0
    note = section.note.text()
    assert "has mean 0 and variance 1" not in note
    assert "x₁ is the same in every sample, so σ² is 0" in note
    assert "ε only keeps √(σ² + ε) from being 0" in note and "ε = 1e-06" in note
    assert "x₂" not in note.split("Type into x, γ or β.")[1]  # x₂ still varies as usual
    type_cell(qtbot, section, GAMMA, Y, "-3")  # γ₁ · 0: "-0" before, now "0"
    assert column(section, Y) == ["0", "0", "0"]

    type_cell(qtbot, section, 0, 0, "2.001")  # σ² = 2.2e-7, small against ε = 1e-6
    note = section.note.text()
    assert "x₁ varies so little that σ² is not large against ε" in note
    assert "variance σ²/(σ² + ε) = 0.182, not 1" in note
    assert "overflow" not in capfd.readouterr().err


def test_a_typing_slips_message_follows_the_language(qtbot, section, back_to_english):
    """The message was kept as text made in English, and shown again after switching."""
    type_cell(qtbot, section, 0, 0, "zz")
    assert "“zz” is not a number." in section.note.text()
    set_language("ko")
    assert "“zz”은(는) 수가 아닙니다." in section.note.text()
    type_cell(qtbot, section, 1, 1, "1e999")
    assert "“1e999”은(는) 수가 아닙니다." in section.note.text()
    type_cell(qtbot, section, 1, 1, "1e151")
    korean = section.note.text()
    assert "“1e151”" in korean and "−1e150" in korean and "too large" not in korean
    set_language("en")
    assert "“1e151” is too large for this table" in section.note.text()


def test_a_number_typed_as_the_app_writes_it_is_taken(qtbot, section):
    """The table writes minus signs as "−" and a student may use a decimal comma: both are
    read as the canvas's weight editor reads them (gui.widgets.typed_number)."""
    section.table.item(GAMMA, Y).setText("\u22122,5")  # as an editor commits it (QTest types
    assert section.gamma[0] == -2.5                      # ASCII only)
