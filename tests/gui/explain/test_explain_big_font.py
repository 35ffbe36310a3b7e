"""The Explain dock with a projector's big system font in a small window: at 1024 × 768 with a
16 pt font it showed six lines of its panel (the step itself below the fold) above 300 pixels
of loss plots. Opening Explain now makes its dock taller, the training panels under it giving
the height down to their share of the window."""

from tests.gui.text_fit import BIG_FONT_WINDOW

SHOWN = BIG_FONT_WINDOW + """
from PySide6.QtWidgets import QScrollArea
from gui.explain.dock import BOTTOM_SHARE
window.files.open_example("xor_learned")
settle()
loss = window.training.docks["Loss"]
before = loss.height()
window.explain_action.trigger()
settle()
panel = window.explain
area = panel.parentWidget().parentWidget()
assert isinstance(area, QScrollArea)
result["shown"] = [area.viewport().height() / panel.fontMetrics().lineSpacing(),
                   panel.sizeHint().height() > area.viewport().height()]
result["loss"] = [before, loss.height(), loss.minimumSizeHint().height(),
                  int(window.height() * BOTTOM_SHARE)]
window.grab().save(str(__import__("pathlib").Path(sys.argv[1]) / "explain_big_font.png"))
"""


def test_explain_takes_room_from_the_training_panels_with_a_big_font(tmp_path):
    from tests.gui.scaled import run_scaled
    from tests.gui.training.test_narrow_panels import SETTLE

    shown = run_scaled(SETTLE + SHOWN, tmp_path, (1024, 768), 1)
    lines, scrolls = shown["shown"]
    before, after, least, share = shown["loss"]
    assert lines >= 9  # six and a half before
    assert after < before and after >= max(least, share) - 2  # the plots keep their share
    assert scrolls  # still not all of it at this size: the rest scrolls


def test_a_roomy_explain_dock_leaves_the_layout_as_it_is(qtbot, window):
    """At 1280 × 800 the dock shows enough lines: the training panels keep their height."""
    window.resize(1280, 800)
    assert window.files.open_example("digits_mlp")
    loss = window.training.docks["Loss"]
    qtbot.wait(50)
    before = loss.height()
    window.explain_action.trigger()
    qtbot.waitUntil(lambda: window.explain.end_button.isEnabled())
    qtbot.wait(50)
    assert loss.height() == before
