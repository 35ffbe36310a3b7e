"""The labs' columns of controls with a projector's big system font."""

import pytest

from tests.gui.text_fit import clipped_texts, system_font


@pytest.fixture
def big_font():
    with system_font(14) as font:
        yield font


@pytest.mark.parametrize("key", ["search", "comp_graph", "regularization"])
def test_a_lab_s_controls_are_whole_with_a_big_font(qtbot, window, big_font, key):
    """The column beside the plots was 330 px whatever the font: at 14 pt the Search lab's
    range boxes and its 'Open the Spiral example to search it' button, the Computational
    graph lab's group titles were cut off. It is now as wide as 55 characters of the font."""
    lab = window.labs_menu.open_lab(key)
    qtbot.waitExposed(lab)
    lab.resize(1600, 1000)  # room for it all: what is cut is the column's own doing
    qtbot.wait(50)
    assert clipped_texts(lab.body) == []
    lab.close()
