"""The shared widget helpers: a wrapped label asks for the height its text needs now, also
after a longer text (Explain's step text shrinks from one step to the next)."""

from gui.widgets import WrappedLabel


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
