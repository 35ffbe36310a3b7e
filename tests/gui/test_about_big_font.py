"""Help ▸ About NetCanvas with a projector's big system font."""

import pytest

from gui.about import AboutDialog
from gui.i18n import set_language
from tests.gui.text_fit import clipped_texts, system_font


@pytest.fixture
def big_font():
    with system_font(15) as font:
        yield font


@pytest.mark.parametrize("language", ["en", "ko"])
def test_about_shows_every_line_with_a_big_font(qtbot, window, big_font, language):
    """With a 15 pt system font the dialog was sized from Qt's guess at the wrapped text's
    height: its last lines ("NumPy …", "pyqtgraph …") were cut off."""
    set_language(language)
    try:
        window.about_action.trigger()
        dialog = window.findChild(AboutDialog)
        qtbot.waitExposed(dialog)
        qtbot.wait(50)
        assert clipped_texts(dialog) == []
        assert dialog.height() <= window.screen().availableGeometry().height()
        dialog.close()
    finally:
        set_language("en")
