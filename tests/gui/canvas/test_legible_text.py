"""Canvas text stays readable at Zoom to Fit in a 1280×800 window (a projector's size): the
values Explain writes beside the neurons are at least MIN_TEXT_PIXELS high on screen, and a
footer longer than its node is elided inside the card, the whole text in the node's tooltip."""

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QFont, QFontMetricsF

from gui.canvas.style import MIN_TEXT_PIXELS, NEURON_RADIUS
from tests.gui.training_support import open_example

LEFT = Qt.MouseButton.LeftButton


def explained_at_fit(qtbot, window, example: str, steps: int | None) -> None:
    """``example`` opened in a 1280×800 window, Explain ``steps`` steps on (None: at its last
    step), the canvas zoomed to fit with the toolbar's button and painted."""
    window.resize(1280, 800)
    open_example(window, example)
    window.explain_action.trigger()
    panel = window.explain
    qtbot.waitUntil(lambda: panel.end_button.isEnabled())
    if steps is None:
        qtbot.mouseClick(panel.end_button, LEFT)
    for _ in range(steps or 0):
        qtbot.mouseClick(panel.next_button, LEFT)
    toolbar_button = next(bar.widgetForAction(window.fit_action) for bar in window.findChildren(
        type(window.addToolBar("probe"))) if bar.widgetForAction(window.fit_action))
    qtbot.mouseClick(toolbar_button, LEFT)
    window.view.viewport().grab()  # paints every item at this zoom


@pytest.mark.parametrize("language", ["en", "ko"])
def test_explains_values_are_readable_at_zoom_to_fit(qtbot, window, language):
    from gui.i18n import set_language
    set_language(language)
    try:
        explained_at_fit(qtbot, window, "forward_pass_3layer", 2)
        zoom = window.view.zoom
        assert zoom < 0.9  # at 100 % the 7 pt numbers were 9 px already; here they were 7
        item = window.scene.node_item("1")  # hidden 1: z and a beside its three neurons
        labels = {k: v for k, v in item.painted.items() if k.startswith(("left", "right"))}
        assert len(labels) == 6
        for key, painted in labels.items():
            assert painted.pixels >= MIN_TEXT_PIXELS, (key, painted.pixels)
            assert painted.rect.height() * zoom >= MIN_TEXT_PIXELS  # its box holds it
        footer = item.painted["footer"]
        assert footer.pixels >= MIN_TEXT_PIXELS
        assert item.body_rect().contains(footer.rect)
    finally:
        set_language("en")


def test_a_long_loss_caption_is_elided_inside_its_node_and_whole_in_the_tooltip(qtbot, window):
    explained_at_fit(qtbot, window, "digits_mlp", None)
    item = window.scene.node_item("2")
    caption = item.overlay.caption
    assert caption.startswith("L = ") and ", t = class " in caption
    footer = item.painted["footer"]
    assert footer.text != caption and footer.text.endswith("…")
    assert caption.startswith(footer.text[:-1].rstrip())
    inside = item.body_rect().adjusted(2, 0, -2, 0)  # within the card's border
    assert inside.left() <= footer.rect.left() and footer.rect.right() <= inside.right()
    assert footer.pixels >= MIN_TEXT_PIXELS
    # hovering the footer shows the whole caption
    view = window.view
    point = view.mapFromScene(item.mapToScene(footer.rect.center()))
    qtbot.mouseMove(view.viewport(), point + QPoint(0, 1))
    qtbot.mouseMove(view.viewport(), point)
    qtbot.waitUntil(lambda: caption in item.toolTip())


@pytest.mark.parametrize("zoom", [0.6, 0.5])
def test_footers_zoomed_out_keep_their_whole_line_inside_the_card(qtbot, window, zoom):
    """At 60 % and 50 % the footer's 8 pt text grows to stay readable, to a line 18–20 units
    high: its box, 16 high, cut "Sigmoid"'s descender on the card's border. Its box is now a
    whole line of the font it was painted in, inside the card, under the neurons."""
    window.resize(1280, 800)
    open_example(window, "forward_pass_3layer")
    view = window.view
    view.set_zoom(zoom * 1.25)
    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_Minus, Qt.KeyboardModifier.ControlModifier)  # Zoom Out
    assert view.zoom == pytest.approx(zoom)
    dpi = view.viewport().logicalDpiY()
    for node_id in ("0", "1", "2", "3"):
        item = window.scene.node_item(node_id)
        view.centerOn(item)
        view.viewport().grab()  # paints the item at this zoom
        footer = item.painted["footer"]
        font = QFont(view.viewport().font())
        font.setPointSizeF(footer.pixels / view.zoom * 72 / dpi)  # as it was painted
        line = QFontMetricsF(font, view.viewport()).height()
        assert line > 17  # larger than the old 16-unit box
        assert footer.rect.height() >= line - 0.01, (node_id, footer.rect, line)
        inside = item.body_rect().adjusted(1.5, 1.5, -1.5, -1.5)  # within the card's border
        assert inside.contains(footer.rect), (node_id, footer.rect, inside)
        last = item.neuron_center(item.node.units - 1).y() + NEURON_RADIUS
        assert footer.rect.top() >= last  # under the last neuron


@pytest.mark.parametrize("language", ["en", "ko"])
def test_a_large_node_s_size_and_footer_do_not_overlap_zoomed_out(qtbot, window, language):
    """The overfitting example at Zoom to Fit (40 %): both texts of each large node grow to
    stay readable, and "100 units" (Korean "뉴런 100개") was drawn over its "ReLU" footer —
    then, grown wider than the card, it was cut to "L00 units": the card now says "100"."""
    from gui.i18n import set_language

    window.resize(1280, 800)
    set_language(language)
    try:
        open_example(window, "overfitting")
        window.fit_action.trigger()
        window.view.viewport().grab()  # paints every item at this zoom
        for node_id in ("0", "1", "6"):
            item = window.scene.node_item(node_id)
            units, footer = item.painted["units"], item.painted["footer"]
            assert units.pixels >= MIN_TEXT_PIXELS  # still grown to stay readable
            assert str(item.node.units) in units.text
            assert units.rect.bottom() <= footer.rect.top(), (node_id, units, footer)
            inside = item.body_rect().adjusted(1.5, 1.5, -1.5, -1.5)
            assert inside.contains(units.rect) and inside.contains(footer.rect)
    finally:
        set_language("en")
