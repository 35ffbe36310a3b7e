"""The window's language: Qt translators, the live switch, and how a widget follows it.

Marking text (``pyside6-lupdate`` finds these; ``python packaging/i18n.py update`` runs it)::

    self.tr("Train")                                  # in a QObject subclass
    translate("TrainingDock", "Epoch {n}").format(n=3) # anywhere (explicit context)
    QT_TRANSLATE_NOOP("Datasets", "Two moons")        # in a table; translate() where shown
    self.tr("%n node(s)", "", count)                  # plurals: %n is the count (and
                                                      # counted() for English's one/many)

Format after translating, never an f-string inside ``tr``. Messages that come from ``core``
(errors, problems, names) are translated there with gettext (core/i18n.py); :func:`set_language`
switches both, so the window and the command line say the same.

A widget that shows text builds it in one method and asks to have it called again when the
language changes::

    on_language_change(self, self.retranslate)   # also calls it once now

Qt sends ``QEvent.LanguageChange`` to every widget (shown or not) when a translator is installed
or removed; the filter turns that into the call, and dies with the widget.
"""

from __future__ import annotations

import os
from collections.abc import Callable

from PySide6.QtCore import (
    QCoreApplication,
    QEvent,
    QLibraryInfo,
    QLocale,
    QObject,
    QSettings,
    QTranslator,
)

from core import i18n as core_i18n
from core.i18n import catalogue_path, initial_language

#: where a NetCanvas before the user's data folder kept the language (the window's QSettings):
#: read only to carry such a choice over to :func:`core.i18n.remember_language`, then removed
SETTINGS_KEY = "language"
#: Qt's own catalogues loaded with ours (standard dialogs' buttons, context menus of line edits).
QT_CATALOGUES = ("qtbase",)

_translators: list[QTranslator] = []


def translate(context: str, text: str, disambiguation: str | None = None, n: int = -1) -> str:
    """``text`` (marked under ``context``) in the window's language."""
    return QCoreApplication.translate(context, text, disambiguation, n)


def counted(one: str, many: str, n: int) -> str:
    """A count with its noun: ``one`` (the translated "%n unit") when ``n`` is 1, else ``many``
    ("%n units"). English has no catalogue, so Qt's plural forms never reach it ("1 units"):
    mark and translate both at the call, and this picks —
    ``counted(self.tr("%n unit", "", n), self.tr("%n units", "", n), n)``."""
    return one if n == 1 else many


def language() -> str:
    """The code of the language the window speaks now ("en" or "ko")."""
    return core_i18n.language()


def set_language(code: str) -> str:
    """Speak ``code`` everywhere from now on; every widget retranslates at once.

    Installs NetCanvas's and Qt's catalogues for ``code`` (none for English: the source text is
    English) and switches ``core``'s (keeping the choice for the next start is
    :func:`core.i18n.remember_language`'s). Returns the code actually used (English if the
    catalogue is missing)."""
    chosen = core_i18n.set_language(code)
    # Processes started from now on (the search lab's trials) speak it too: core reads
    # NETCANVAS_LANG when it is imported there.
    os.environ[core_i18n.ENV_VAR] = chosen
    for translator in _translators:
        QCoreApplication.removeTranslator(translator)
        # a child of the application: without this each switch to Korean kept two more
        # translators and their catalogues (~0.3 MB) until the program ended
        translator.deleteLater()
    _translators.clear()
    if chosen != core_i18n.SOURCE_LANGUAGE:
        qt_folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
        files = [str(catalogue_path(chosen, ".qm"))]
        files += [f"{qt_folder}/{name}_{chosen}.qm" for name in QT_CATALOGUES]
        for file in files:
            translator = QTranslator(QCoreApplication.instance())
            if translator.load(file):
                QCoreApplication.installTranslator(translator)
                _translators.append(translator)
    QLocale.setDefault(QLocale(chosen))
    # Installing or removing a translator only *posts* LanguageChange (the application then
    # passes it to every window and child); deliver it now, so that when this returns every
    # widget speaks the new language. English to English changes no translator: nothing to do.
    QCoreApplication.sendPostedEvents(None, QEvent.Type.LanguageChange)
    return chosen


def start_language(settings: QSettings) -> str:
    """Switch to the language to start in (``NETCANVAS_LANG``, else the one remembered in the
    user's data folder, else the system's), after carrying over a choice an older NetCanvas
    kept in ``settings``."""
    return set_language(initial_language(carry_over(settings)))


def carry_over(settings: QSettings) -> str | None:
    """The language remembered for the window and the command line alike; a choice an older
    NetCanvas kept only in the window's ``settings`` becomes it, once (the key is removed when
    the data folder holds a choice). While the folder cannot be written, that older choice is
    still the one to start in."""
    remembered = core_i18n.remembered_language()
    if not settings.contains(SETTINGS_KEY):
        return remembered
    older = settings.value(SETTINGS_KEY)
    older = core_i18n.supported(older) if isinstance(older, str) else None
    if remembered is None and older is not None:
        if not core_i18n.remember_language(older):
            return older  # kept in the settings for the next start to try again
        remembered = older
    settings.remove(SETTINGS_KEY)
    return remembered


class _LanguageFilter(QObject):
    def __init__(self, watched: QObject, callback: Callable[[], None]) -> None:
        super().__init__(watched)
        self._callback = callback
        watched.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.LanguageChange:
            self._callback()
        return False


def on_language_change(widget: QObject, retranslate: Callable[[], None]) -> None:
    """Call ``retranslate`` now and each time the language changes, while ``widget`` lives.

    ``widget`` must receive LanguageChange: a QWidget, or a QObject whose parent is one (a
    widget passes the event to its children; other objects — a QGraphicsScene, a plain
    QObject — do not pass it on: watch a widget instead)."""
    _LanguageFilter(widget, retranslate)
    retranslate()


def hangul_fonts() -> list[str]:
    """Installed font families that can draw Korean (Hangul)."""
    from PySide6.QtGui import QFontDatabase

    return QFontDatabase.families(QFontDatabase.WritingSystem.Korean)


#: Said in English on purpose: without a Hangul font, Korean would be drawn as boxes.
NO_HANGUL_FONT = (
    "No font on this computer can draw Korean (Hangul), "  # i18n: not ui
    "so Korean text would show as boxes. Install one and restart NetCanvas — on Debian or "
    "Ubuntu: sudo apt install fonts-noto-cjk (or fonts-nanum); on Fedora: sudo dnf install "
    "google-noto-sans-cjk-fonts.")
_font_warning_given = False


def font_warning(code: str) -> str | None:
    """The once-per-run warning that ``code`` cannot be drawn, or None (drawable, or said)."""
    global _font_warning_given
    if code != "ko" or _font_warning_given or hangul_fonts():
        return None
    _font_warning_given = True
    return NO_HANGUL_FONT
