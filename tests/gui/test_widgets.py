"""The shared widget helpers: a wrapped label asks for the height its text needs now, also
after a longer text (Explain's step text shrinks from one step to the next); the number spin
boxes read typed text as the rest of the app does (gui.widgets.typed_number)."""

from PySide6.QtGui import QKeySequence, QValidator

from gui.widgets import NumberSpinBox, WrappedLabel, with_key
from tests.gui.keys import type_into
from tests.gui.training_support import open_example, training_settings


def test_a_wrapped_label_shrinks_again_after_a_long_text(qtbot):
    label = WrappedLabel()
    qtbot.addWidget(label)
    label.resize(250, 20)
    label.setText("word " * 200)
    tall = label.minimumHeight()
    label.setText("short")
    assert 0 < label.minimumHeight() < tall / 10


def test_no_dock_cuts_its_scrolled_content_off_at_1280_by_800(qtbot, window):
    # the Training dock's buttons and spin boxes were cut on the right (the scroll area has
    # no horizontal scroll bar, and Qt let the dock be narrower than its content)
    from PySide6.QtWidgets import QDockWidget, QScrollArea

    window.resize(1280, 800)
    window.files.open_example("digits_mlp")
    checked = []
    for dock in window.findChildren(QDockWidget):
        if not dock.toggleViewAction().isChecked():
            continue  # closed in this layout
        dock.raise_()
        qtbot.waitUntil(dock.isVisible)
        area = dock.widget()
        if isinstance(area, QScrollArea) and area.widget() is not None:
            qtbot.waitUntil(lambda a=area: a.viewport().width() > 0)
            assert area.viewport().width() >= area.widget().minimumSizeHint().width(), \
                dock.objectName()
            checked.append(dock.objectName())
    assert {"training_dock", "build_dock"} <= set(checked)


def test_a_status_message_cut_at_the_windows_edge_is_whole_on_hover(qtbot, window):
    # a moved data file's message named the file and what to do, and ended mid-word at the
    # window's right edge
    window.resize(900, 600)
    words = "The project's data file /home/student/notes/mnist/train-images-idx3-ubyte " * 3
    window.status.say(lambda: words)
    bar = window.statusBar()
    assert bar.fontMetrics().horizontalAdvance(words) > bar.width()  # cut on screen
    assert bar.toolTip() == words
    bar.clearMessage()
    assert bar.toolTip() == ""  # nothing to explain


def test_a_spin_box_reads_the_apps_minus_sign_and_a_decimal_comma(qtbot, open_lab):
    """A spin box read typed text its own way: "−" (the minus sign the app writes) was
    refused as the first key, so "−0,5" became 0.5 without a word."""
    lab = open_lab("comp_graph")
    box = lab.value_boxes["apple"]
    type_into(qtbot, box, "−0,5")
    assert box.value() == -0.5
    type_into(qtbot, box, "-1.5e1")  # what was taken before still is
    assert box.value() == -15.0


def test_the_learning_rate_box_takes_a_comma_and_refuses_minus_as_out_of_range(qtbot, window):
    open_example(window, "spiral")
    spin = window.training.settings_panel.lr_spin
    type_into(qtbot, spin, "0,05")
    assert training_settings(window).lr == 0.05 and spin.text() == "0.05"
    type_into(qtbot, spin, "−0,5")  # below the range, as "-0.5" is: refused, said, kept
    assert training_settings(window).lr == 0.05 and spin.value() == 0.05
    assert window.statusBar().currentMessage().startswith(
        "A learning rate of -0.5 cannot be used: it must lie between 1e-10 and 1000")
    type_into(qtbot, spin, "0.02")
    type_into(qtbot, spin, "-0.5")
    assert training_settings(window).lr == 0.02 and spin.text() == "0.02"


def test_a_spin_box_lets_a_number_be_typed_key_by_key(qtbot):
    """Half-typed text ("−", "1e", "0,") is Intermediate, never refused."""
    box = NumberSpinBox()
    qtbot.addWidget(box)
    box.setRange(-10.0, 10.0)
    intermediate = QValidator.State.Intermediate
    for text in ("", "-", "−", "+", ".", "-.", "−,", ",", "1e", "1e-", "1e−", "20"):
        assert box.validate(text, len(text))[0] == intermediate, text
    for text in ("−0,5", "0,5", "-3", "1e-7", "−1e−3"):
        assert box.validate(text, len(text))[0] == QValidator.State.Acceptable, text
    for text in ("x", "1x", "0,5x"):
        assert box.validate(text, len(text))[0] == QValidator.State.Invalid, text


def test_with_key_is_the_one_label_and_key_tooltip(qtbot, window):
    """One helper says a tooltip's key (three places built "label (key)" by hand): a standard
    key, a key sequence and a key's text give the same words; no key, the label alone. The
    window's toolbar, the toolbar's Undo and the Training buttons say it that way."""
    undo = QKeySequence(QKeySequence.StandardKey.Undo).toString(
        QKeySequence.SequenceFormat.NativeText)
    assert with_key("Undo", QKeySequence.StandardKey.Undo) == f"Undo ({undo})"
    assert with_key("Train", QKeySequence("F5")) == with_key("Train", "F5") == "Train (F5)"
    assert with_key("Train", QKeySequence()) == "Train"
    assert window.tool_undo_action.toolTip() == f"Undo ({undo})"
    train = window.training.actions["train"]
    assert train.toolTip().startswith("<b>Train</b> (F5)<br>")
    assert window.save_action.toolTip().startswith(with_key("Save", window.save_action.shortcut()))
