"""Every menu's access keys are unique, in English and in Korean: the walkthrough found
&Examples/&Export (Alt+F, E), Auto-&layout/&Language and &Train/S&top (Alt+T, T cycled
between Train and Stop instead of starting training)."""

from __future__ import annotations

import re

import pytest
from PySide6.QtWidgets import QApplication, QMenu

from gui.i18n import set_language

MNEMONIC = re.compile(r"&([^&])")


def mnemonic(text: str) -> str | None:
    """The access key of a menu text ("&&" is a literal "&"), lower case."""
    found = MNEMONIC.search(text.replace("&&", ""))
    return found.group(1).lower() if found else None


def duplicates(texts: list[str]) -> dict[str, list[str]]:
    keys: dict[str, list[str]] = {}
    for text in texts:
        key = mnemonic(text)
        if key is not None:
            keys.setdefault(key, []).append(text)
    return {key: shared for key, shared in keys.items() if len(shared) > 1}


def clashes(menu: QMenu) -> dict[str, dict[str, list[str]]]:
    """Each menu (by title) under ``menu`` whose visible items share an access key."""
    actions = [a for a in menu.actions() if a.isVisible() and not a.isSeparator()]
    found = {}
    shared = duplicates([a.text() for a in actions])
    if shared:
        found[menu.title()] = shared
    for action in actions:
        if action.menu() is not None:
            found.update(clashes(action.menu()))
    return found


def every_menu(window) -> list[QMenu]:
    return [a.menu() for a in window.menuBar().actions() if a.menu() is not None]


@pytest.mark.parametrize("code", ["en", "ko"])
def test_no_menu_shares_an_access_key(qtbot, window, code):
    try:
        set_language(code)
        QApplication.processEvents()  # the posted LanguageChange reaches every menu
        if code == "ko":
            assert window.menuBar().actions()[0].text() == "파일(&F)"
        titles = [a.text() for a in window.menuBar().actions() if a.isVisible()]
        assert all(mnemonic(t) for t in titles), titles
        assert duplicates(titles) == {}
        found = {}
        for menu in every_menu(window):
            found.update(clashes(menu))
        assert found == {}
    finally:
        set_language("en")
