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
