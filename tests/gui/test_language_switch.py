"""View ▸ Language switches every window, dock, menu and open lab live, and is remembered."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QSettings, QTranslator
from PySide6.QtWidgets import QApplication, QMessageBox

from gui.i18n import language, set_language
from gui.language_menu import KeepSize

KEEP_SIZE_SETTLE_MS = KeepSize.SETTLE_MS


def hangul(text: str) -> bool:
    return any("\uac00" <= c <= "\ud7a3" for c in text)


def menu_titles(window) -> list[str]:
    return [a.text() for a in window.menuBar().actions()]


def test_switching_to_korean_and_back_changes_menus_docks_and_an_open_lab(window, qtbot,
                                                                          settings,
                                                                          private_data_dir):
    lab = window.labs_menu.open_lab("perceptron")
    english_menus = menu_titles(window)
    english_lab_title = lab.windowTitle()
    assert english_menus[:3] == ["&File", "&Edit", "&View"]
    try:
        window.language_menu.language_actions["ko"].trigger()
        assert language() == "ko"
        assert menu_titles(window)[:3] == ["파일(&F)", "편집(&E)", "보기(&V)"]
        assert window.docks["Build"].windowTitle() == "구성"
        assert window.docks["Inspector"].windowTitle() == "속성"
        assert window.training.docks["Loss"].windowTitle() == "손실"
        assert hangul(lab.windowTitle()) and lab.windowTitle() != english_lab_title
        assert window.language_menu.language_actions["ko"].isChecked()
        # kept once, in the data folder the command line reads; not in the window's settings
        assert (private_data_dir / "language").read_text() == "ko"
        assert not settings.contains("language")
        window.language_menu.language_actions["en"].trigger()
        assert menu_titles(window) == english_menus
        assert lab.windowTitle() == english_lab_title
        assert window.docks["Build"].windowTitle() == "Build"
        assert (private_data_dir / "language").read_text() == "en"
        assert not settings.contains("language")
    finally:
        set_language("en")


def test_the_remembered_language_is_used_unless_the_environment_pins_one(monkeypatch, qapp,
                                                                          tmp_path,
                                                                          private_data_dir):
    from gui.i18n import start_language

    settings = QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
    (private_data_dir / "language").write_text("ko")
    try:
        monkeypatch.delenv("NETCANVAS_LANG")
        assert start_language(settings) == "ko"
        monkeypatch.setenv("NETCANVAS_LANG", "en")
        assert start_language(settings) == "en"
        monkeypatch.setenv("NETCANVAS_LANG", "ko")
        (private_data_dir / "language").write_text("en")
        assert start_language(settings) == "ko"
    finally:
        set_language("en")


def cli_help(data_dir) -> str:
    """``netcanvas --help`` as a terminal on an English system prints it (no NETCANVAS_LANG):
    in the language the user's data folder remembers."""
    import os
    import subprocess
    import sys
    from pathlib import Path

    env = {k: v for k, v in os.environ.items()
           if k not in ("NETCANVAS_LANG", "LANGUAGE", "LC_ALL", "LC_MESSAGES")}
    env.update(LANG="C.UTF-8", NETCANVAS_DATA_DIR=str(data_dir))
    return subprocess.run([sys.executable, "-m", "gui.cli", "--help"], env=env,
                          cwd=Path(__file__).resolve().parents[2], capture_output=True,
                          text=True, timeout=120, check=True).stdout


def speaks(text: str) -> str:
    return "ko" if "사용법" in text else "en" if text.startswith("usage: netcanvas") else "?"


def test_the_language_chosen_in_the_window_is_the_command_lines_too(window, qtbot, settings,
                                                                     private_data_dir,
                                                                     monkeypatch):
    """A student who chose 한국어 in View ▸ Language on an English system got English from
    ``netcanvas`` in the terminal: the choice lived only in the window's settings. After each
    switch the command line and the window's next start agree."""
    from gui.i18n import start_language

    try:
        for code in ("ko", "en", "ko"):
            window.language_menu.language_actions[code].trigger()
            assert (private_data_dir / "language").read_text() == code
            assert speaks(cli_help(private_data_dir)) == code
            monkeypatch.delenv("NETCANVAS_LANG", raising=False)  # as a new process starts
            assert start_language(settings) == code  # the window's next start
    finally:
        set_language("en")


def test_the_window_starts_in_the_language_the_command_line_speaks(qapp, tmp_path,
                                                                   private_data_dir,
                                                                   monkeypatch):
    """The language lived in two places: an older NetCanvas, run after this one, kept its
    choice (English) in the window's settings while the data folder said Korean; the window
    then started in English and ``netcanvas`` spoke Korean. The data folder is the one owner."""
    from gui.i18n import start_language

    monkeypatch.delenv("NETCANVAS_LANG")
    (private_data_dir / "language").write_text("ko")
    settings = QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
    settings.setValue("language", "en")
    try:
        assert start_language(settings) == "ko" == speaks(cli_help(private_data_dir))
        assert not settings.contains("language")  # nothing left to disagree
    finally:
        set_language("en")


def test_a_choice_made_before_the_command_line_read_it_is_carried_over_once(
        qapp, tmp_path, private_data_dir, monkeypatch):
    """Korean chosen in the window before the choice was kept for the command line too: the
    next start of the window hands it on, once — after that the data folder's choice is the
    only one (here changed to English, as a switch elsewhere would)."""
    from core import i18n as core_i18n
    from gui.i18n import start_language

    monkeypatch.delenv("NETCANVAS_LANG")
    settings = QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
    settings.setValue("language", "ko")
    assert core_i18n.remembered_language() is None
    try:
        assert start_language(settings) == "ko"
        assert (private_data_dir / "language").read_text() == "ko"
        assert speaks(cli_help(private_data_dir)) == "ko"
        assert not settings.contains("language")
        (private_data_dir / "language").write_text("en")
        monkeypatch.delenv("NETCANVAS_LANG")
        assert start_language(settings) == "en"
    finally:
        set_language("en")


def test_an_older_choice_is_kept_while_the_data_folder_cannot_be_written(
        qapp, tmp_path, monkeypatch):
    """A data folder that cannot be written (here a file stands where the folder should be):
    the older choice is still the one the window starts in, and is tried again next time."""
    from gui.i18n import start_language

    monkeypatch.delenv("NETCANVAS_LANG")
    blocked = tmp_path / "not_a_folder"
    blocked.write_text("")
    monkeypatch.setenv("NETCANVAS_DATA_DIR", str(blocked))
    settings = QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
    settings.setValue("language", "ko")
    try:
        assert start_language(settings) == "ko"
        assert settings.value("language") == "ko"
    finally:
        set_language("en")


def test_qt_standard_dialog_buttons_are_korean_too(korean, qapp):
    from PySide6.QtCore import QCoreApplication

    assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "취소"


def test_without_a_hangul_font_choosing_korean_says_once_how_to_install_one(window, qtbot,
                                                                            monkeypatch):
    from PySide6.QtWidgets import QApplication, QMessageBox

    import gui.i18n

    monkeypatch.setattr(gui.i18n, "hangul_fonts", lambda: [])
    monkeypatch.setattr(gui.i18n, "_font_warning_given", False)

    def warnings() -> list[QMessageBox]:
        return [w for w in QApplication.topLevelWidgets()
                if isinstance(w, QMessageBox) and w.isVisible()]

    try:
        window.language_menu.language_actions["ko"].trigger()
        shown = warnings()
        assert len(shown) == 1 and "fonts-noto-cjk" in shown[0].text()
        assert "Hangul" in shown[0].text()  # in English: Korean would be drawn as boxes
        shown[0].close()
        window.language_menu.language_actions["en"].trigger()
        window.language_menu.language_actions["ko"].trigger()
        assert warnings() == []  # once per run
    finally:
        set_language("en")


def test_with_a_hangul_font_nothing_is_said(window, monkeypatch):
    import gui.i18n

    monkeypatch.setattr(gui.i18n, "_font_warning_given", False)
    assert gui.i18n.hangul_fonts()  # this machine (and CI) has one installed
    assert gui.i18n.font_warning("ko") is None and gui.i18n.font_warning("en") is None


def test_processes_started_after_a_switch_speak_the_windows_language(qapp):
    """The search lab's trials run in spawned processes: they must word their outcomes in the
    language the window speaks, not the one the app started in."""
    import subprocess
    import sys

    from tests.i18n.scan import ROOT

    try:
        set_language("ko")
        out = subprocess.run([sys.executable, "-c", "from core.i18n import language, _; "
                              "print(language(), _('Circle'))"],
                             capture_output=True, text=True, cwd=ROOT, check=True).stdout
        assert out.split() == ["ko", "원"]
    finally:
        set_language("en")


def test_switching_language_keeps_the_window_size(window, qtbot):
    """At 1280 px, and at its narrowest (a window sized to a small screen), a switch to Korean
    and back leaves the window as wide as it was: the layout pass after a switch saw one
    dock's old minimum beside another's new one and widened the window for good (1280 →
    1287 px, its edge off a 1280-px screen)."""
    from PySide6.QtWidgets import QApplication

    def choose(code: str) -> None:
        window.language_menu.language_actions[code].trigger()
        QApplication.processEvents()  # the layout pass the switch causes
        qtbot.wait(50)

    try:
        for width in (1280, 1):  # 1: the narrowest the window can be
            window.resize(width, 800)
            qtbot.waitUntil(lambda w=width: window.width() == max(
                w, window.minimumSizeHint().width()))
            before = window.size()
            for code in ("ko", "en", "ko", "en"):
                choose(code)
                qtbot.waitUntil(lambda b=before: window.size() == b, timeout=2000)
                qtbot.wait(KEEP_SIZE_SETTLE_MS)  # still so once the switch has settled
                assert window.size() == before, (code, window.size(), before)
    finally:
        set_language("en")


def test_dock_title_buttons_are_read_in_korean_after_a_live_switch(window):
    """Qt's own Float and Close buttons on a dock's title bar: a screen reader read them in
    English after Language ▸ 한국어 (Qt names them only when the dock is made)."""
    from PySide6.QtGui import QAccessible
    from PySide6.QtWidgets import QAbstractButton

    def spoken(name: str) -> str:
        button = window.docks["Build"].findChild(QAbstractButton, name)
        return QAccessible.queryAccessibleInterface(button).text(QAccessible.Text.Name)

    assert spoken("qt_dockwidget_floatbutton") == "Float"
    try:
        window.language_menu.language_actions["ko"].trigger()
        assert spoken("qt_dockwidget_floatbutton") == "띄우기"
        assert spoken("qt_dockwidget_closebutton") == "닫기"
        window.language_menu.language_actions["en"].trigger()
        assert spoken("qt_dockwidget_closebutton") == "Close"
    finally:
        set_language("en")


def test_switching_back_and_forth_all_day_keeps_no_old_catalogues(window, qtbot):
    """A classroom computer switched between English and Korean again and again: only the
    catalogues in use stay loaded (each switch to Korean kept two more translators, and with
    them ~0.3 MB of catalogues, until the program ended)."""
    app = QCoreApplication.instance()
    actions = window.language_menu.language_actions

    def translators() -> int:
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        return len(app.findChildren(QTranslator))

    try:
        actions["ko"].trigger()
        in_korean = translators()
        assert in_korean >= 1  # NetCanvas's own catalogue (and Qt's, where installed)
        for _ in range(5):
            actions["en"].trigger()
            qtbot.waitUntil(lambda: translators() == 0)
            actions["ko"].trigger()
            qtbot.waitUntil(lambda: translators() == in_korean)
        assert window.docks["Build"].windowTitle() == "구성"
    finally:
        set_language("en")
    assert translators() == 0


def test_a_choice_that_cannot_be_kept_is_said(window, qtbot, monkeypatch, tmp_path):
    """Since the window's settings no longer keep a copy, a data folder that cannot be written
    would have lost the choice without a word at the next start."""
    blocker = tmp_path / "a-file"
    blocker.write_text("")
    monkeypatch.setenv("NETCANVAS_DATA_DIR", str(blocker / "data"))  # no folder can go there
    try:
        window.language_menu.language_actions["ko"].trigger()
        assert language() == "ko"  # the switch itself stands
        boxes = [w for w in QApplication.topLevelWidgets()
                 if isinstance(w, QMessageBox) and w.isVisible()]
        assert [box.windowTitle() for box in boxes] == ["언어를 기억하지 못함"]
        assert str(blocker / "data") in boxes[0].text()
        boxes[0].close()
    finally:
        set_language("en")
