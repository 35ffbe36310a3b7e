"""Every lab's plots and tables have an accessible name and description that say what they
show, in the window's language (a screen reader said only "graphics view" or "table")."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import QApplication, QGraphicsView, QTableWidget

from gui.i18n import set_language
from gui.labs import LABS


def hangul(text: str) -> bool:
    return any("\uac00" <= c <= "\ud7a3" for c in text)


def spoken(widget) -> tuple[str, str]:
    iface = QAccessible.queryAccessibleInterface(widget)
    return iface.text(QAccessible.Text.Name), iface.text(QAccessible.Text.Description)


def views(lab) -> list:
    return [*lab.findChildren(QGraphicsView), *lab.findChildren(QTableWidget)]


@pytest.mark.parametrize("key", [info.key for info in LABS])
def test_each_plot_and_table_says_what_it_shows_in_korean(window, qtbot, key):
    lab = window.labs_menu.open_lab(key)
    qtbot.waitExposed(lab)
    found = views(lab)
    assert found, "a lab without plots or tables"
    english = {id(w): spoken(w) for w in found}
    for widget in found:
        name, description = english[id(widget)]
        assert name and description, f"{type(widget).__name__} unnamed in {key}: {name!r}"
    try:
        set_language("ko")
        for widget in found:
            name, description = spoken(widget)
            assert hangul(name) and hangul(description), (key, name, description)
            assert (name, description) != english[id(widget)]
    finally:
        set_language("en")
    lab.close()


def test_tab_reaches_a_named_table(window, qtbot):
    lab = window.labs_menu.open_lab("activations")
    qtbot.waitExposed(lab)
    lab.activateWindow()
    lab.x.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is lab.x)
    for _ in range(20):
        if QApplication.focusWidget() is lab.table:
            break
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is lab.table
    name, description = spoken(lab.table)
    assert name == "Activation functions at x" and "slope" in description
