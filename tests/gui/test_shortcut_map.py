"""Every key of the real window, in English and in Korean: no two commands of one window on the
same key sequence (Qt then fires neither, "Ambiguous shortcut overload"), no two items of one
menu on the same access key, and the keys work after View ▸ Language ▸ 한국어.

The keys are read from the live objects — every QAction and QShortcut whose widget is in the
window, with Explain stepping a row (its ← → Home End are enabled then) and every lab open —
so a key added anywhere later is checked too."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence, QShortcut
from PySide6.QtWidgets import QApplication, QMenu, QWidget

from gui.i18n import set_language
from gui.labs import LABS
from tests.gui.test_menu_mnemonics import duplicates, mnemonic
from tests.gui.training_support import open_example

PORTABLE = QKeySequence.SequenceFormat.PortableText


def window_of(widget: QWidget) -> QWidget:
    """The window ``widget`` is in; a menu's is the window it drops from (a menu is a window
    of its own to Qt: Undo and Redo, only in the Edit menu, were missed)."""
    while isinstance(widget, QMenu) and widget.parentWidget() is not None:
        widget = widget.parentWidget()
    return widget.window()


def commands(top: QWidget) -> set[QAction]:
    """The actions of window ``top``: its children's and those added to its widgets."""
    found = {a for a in top.findChildren(QAction)}
    for widget in (top, *top.findChildren(QWidget)):
        found.update(QWidget.actions(widget))  # (TrainingActions has an ``actions`` of its own)
    return {a for a in found if any(isinstance(o, QWidget) and window_of(o) is top
                                    for o in a.associatedObjects())}


def bindings(top: QWidget) -> dict[str, list[str]]:
    """Each key sequence of window ``top`` and what answers to it (its action's text, or the
    QShortcut's parent class)."""
    keys: dict[str, list[str]] = {}
    for action in commands(top):
        for key in action.shortcuts():
            if not key.isEmpty():
                keys.setdefault(key.toString(PORTABLE), []).append(action.text())
    for shortcut in top.findChildren(QShortcut):
        parent = shortcut.parent()
        if isinstance(parent, QWidget) and parent.window() is top:
            for key in QShortcut.keys(shortcut):  # (not a dict)
                keys.setdefault(key.toString(PORTABLE), []).append(type(parent).__name__)
    return keys


@pytest.fixture
def everything_open(qtbot, window, open_lab):
    """The window with Explain stepping a row of XOR and every lab open."""
    open_example(window, "xor_learned")
    window.explain_action.trigger()
    qtbot.waitUntil(lambda: window.explain.next_button.isEnabled())
    labs = [open_lab(info.key) for info in LABS]
    return window, labs


@pytest.mark.parametrize("code", ["en", "ko"])
def test_no_two_commands_of_a_window_share_a_key(qtbot, everything_open, code):
    window, labs = everything_open
    try:
        set_language(code)
        QApplication.processEvents()
        keys = bindings(window)
        # the enumeration reaches the menus, the canvas's, Training's and Explain's keys
        assert {"Ctrl+N", "Ctrl+Q", "Ctrl+Z", "Del", "Ctrl+K", "F2", "F5", "Ctrl+E",
                "Right"} <= set(keys)
        assert {key: owners for key, owners in keys.items() if len(owners) > 1} == {}
        for lab in labs:
            lab_keys = bindings(lab)
            assert "Ctrl+W" in lab_keys, lab.windowTitle()
            assert {k: owners for k, owners in lab_keys.items() if len(owners) > 1} == {}, (
                lab.windowTitle())
    finally:
        set_language("en")


def every_menu(window) -> list[QMenu]:
    """Every menu of the window: the menu bar's and their submenus, the plots' menus."""
    return window.findChildren(QMenu)


@pytest.mark.parametrize("code", ["en", "ko"])
def test_no_menu_of_the_window_shares_an_access_key(qtbot, everything_open, code):
    window, _labs = everything_open
    try:
        set_language(code)
        QApplication.processEvents()
        menus = every_menu(window)
        assert window.labs_menu in menus and window.export_menu.menu in menus
        found = {}
        for menu in menus:
            shared = duplicates([a.text() for a in menu.actions() if not a.isSeparator()])
            if shared:
                found[menu.title()] = shared
        assert found == {}
    finally:
        set_language("en")


@pytest.mark.parametrize("code", ["en", "ko"])
def test_every_lab_and_the_neuron_limit_have_an_access_key(qtbot, window, code):
    """They had none: the eight labs and View ▸ Neuron View Limit were reached only with the
    arrow keys. The labs are numbered, the same in both languages."""
    try:
        set_language(code)
        QApplication.processEvents()
        labs = [a.text() for a in window.labs_menu.actions()]
        assert [mnemonic(text) for text in labs] == [str(n) for n in range(1, len(LABS) + 1)]
        assert mnemonic(window.neuron_limit_action.text()) == "n"
        assert window.neuron_limit_action.text() == (
            "&Neuron View Limit…" if code == "en" else "뉴런 보기 한도(&N)…")
    finally:
        set_language("en")


def test_alt_l_then_a_number_opens_that_lab_in_korean(qtbot, window, korean):
    """Alt+L (실습(&L)) opens the Labs menu, 4 there opens the fourth lab."""
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    qtbot.keyClick(window, Qt.Key.Key_L, Qt.KeyboardModifier.AltModifier)
    menu = window.labs_menu
    qtbot.waitUntil(menu.isVisible)
    qtbot.keyClick(menu, Qt.Key.Key_4)
    qtbot.waitUntil(lambda: "comp_graph" in menu.windows)
    lab = menu.windows["comp_graph"]
    assert lab.isVisible() and lab.windowTitle().startswith("계산 그래프의 역전파")


def test_ctrl_q_quits_where_the_platform_names_no_key(qtbot, window):
    """File ▸ Quit had no key here (the platform's Quit key is empty on Windows and on this
    headless one): Ctrl+Q closes the window, as the menu item says."""
    assert QKeySequence("Ctrl+Q") in window.quit_action.shortcuts()
    assert "Ctrl+Q" in window.quit_action.toolTip()
    window.activateWindow()
    window.view.setFocus()
    qtbot.keyClick(window.view, Qt.Key.Key_Q, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: not window.isVisible())


@pytest.mark.parametrize("code", ["en", "ko"])
def test_every_toolbar_button_names_its_key(qtbot, window, code):
    """A toolbar button's tooltip is where a mouse user learns the key: Undo and Redo said
    only "Undo" ("실행 취소: 은닉 2 추가" in Korean)."""
    try:
        set_language(code)
        QApplication.processEvents()
        undo = QKeySequence(QKeySequence.StandardKey.Undo).toString(
            QKeySequence.SequenceFormat.NativeText)
        redo = QKeySequence(QKeySequence.StandardKey.Redo).toString(
            QKeySequence.SequenceFormat.NativeText)
        assert window.tool_undo_action.toolTip().endswith(f"({undo})")
        assert window.tool_redo_action.toolTip().endswith(f"({redo})")
        for toolbar in (window.tools, window.training.toolbar):
            for action in toolbar.actions():
                key = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
                if key:
                    assert f"({key})" in action.toolTip(), action.text()
    finally:
        set_language("en")


def test_every_menu_key_works_in_korean(qtbot, window, korean, monkeypatch):
    """After View ▸ Language ▸ 한국어 each menu command's key, pressed on the canvas, runs
    it (the training keys have tests of their own; Quit's is above). The file dialogs
    answer "cancelled"; a window a key opens is closed before the next key."""
    from PySide6.QtWidgets import QFileDialog

    from gui.training.actions import TrainingActions

    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(lambda *a, **k: ("", "")))
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: ("", "")))
    open_example(window, "xor_learned")
    window.scene.select_only([window.doc.spec.nodes[1].id])  # for Copy, F2 and the rest
    ran: list[QAction] = []
    pressed = 0
    # Undo, then Redo after the edits, then New: it empties the stack that they need
    order = {window.undo_action: 1, window.redo_action: 2, window.new_action: 3}
    for action in sorted(commands(window), key=lambda a: (order.get(a, 0), a.text())):
        keys = [k for k in action.shortcuts() if not k.isEmpty()]
        if (not keys or action is window.quit_action or not action.isEnabled()
                or isinstance(action.parent(), TrainingActions)):
            continue
        action.triggered.connect(lambda _=False, action=action: ran.append(action))
        window.activateWindow()
        window.view.setFocus(Qt.FocusReason.ShortcutFocusReason)
        qtbot.waitUntil(lambda: QApplication.focusWidget() is window.view)
        combination = keys[0][0]
        qtbot.keyClick(window.view, combination.key(), combination.keyboardModifiers())
        pressed += 1
        assert ran[-1:] == [action], keys[0].toString()
        for other in QApplication.topLevelWidgets():  # Keyboard Shortcuts: back to the window
            if other is not window and other.isVisible() and other.isWindow():
                other.close()
    assert pressed >= 20  # New, Open, Save, Undo, Delete, Copy, Paste, Zoom, F11, F12 …
    assert {window.undo_action, window.redo_action, window.delete_action} <= set(ran)
