"""What ``core`` and the command line say, in the user's language (gettext; no Qt).

Mark a message where it is written and translate it there::

    from core.i18n import _, N_, ngettext
    raise DataError(_("Cannot read {path}: the file is empty.").format(path=path))
    print(ngettext("{n} run", "{n} runs", n).format(n=n))
    NAMES = {"circle": N_("Circle")}   # marked only; translate where shown: _(NAMES[key])
    DONE = N_plural("{n} epoch", "{n} epochs")  # marked only; where shown: ngettext(*DONE, n)

Format *after* translating (``_("…{x}…").format(x=…)``), never an f-string inside ``_()``:
the catalogue is keyed by the text with its placeholders.

The catalogue is ``resources/i18n/netcanvas_<lang>.mo``, compiled from the ``.po`` sources in
``resources/i18n/<lang>/`` (one per source folder) by ``python packaging/i18n.py compile``. English
is the source text itself, so it needs no catalogue. The window (gui/i18n.py) switches this
language together with Qt's, so a message from ``core`` reads the same in the window and in the
terminal.

Choosing the language: ``NETCANVAS_LANG`` (``en`` or ``ko``) wins; otherwise the choice made
in the window's View ▸ Language, remembered in the user's data folder (:func:`remember_language`)
so the command line speaks it too; otherwise the system locale.
"""

from __future__ import annotations

import gettext
import locale
import os
from pathlib import Path

#: Languages with a complete interface, as (code, name in that language).
LANGUAGES: tuple[tuple[str, str], ...] = (("en", "English"), ("ko", "한국어"))  # i18n: not ui
SOURCE_LANGUAGE = "en"
ENV_VAR = "NETCANVAS_LANG"
CATALOGUE_DIR = Path(__file__).resolve().parent.parent / "resources" / "i18n"

_codes = {code for code, _name in LANGUAGES}
_language = SOURCE_LANGUAGE
_catalogue: gettext.NullTranslations = gettext.NullTranslations()


def supported(code: str | None) -> str | None:
    """The supported language ``code`` names ("ko", "ko_KR.UTF-8", "KO" → "ko"), or None."""
    if not code:
        return None
    short = code.strip().lower().replace("-", "_").split(".")[0].split("_")[0]
    return short if short in _codes else None


def system_language() -> str:
    """The language of the system locale if NetCanvas has it, else English."""
    for var in ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"):  # gettext's order
        value = os.environ.get(var)
        if value:
            return supported(value.split(":")[0]) or SOURCE_LANGUAGE
    try:
        code = locale.getlocale()[0]
    except ValueError:
        code = None
    return supported(code) or SOURCE_LANGUAGE


def pinned_language() -> str | None:
    """The language ``NETCANVAS_LANG`` pins (tests, scripts), or None when unset or unknown."""
    return supported(os.environ.get(ENV_VAR))


LANGUAGE_FILE = "language"  # in core.user_folders.data_dir(): "en" or "ko", nothing else


def remembered_language() -> str | None:
    """The language last chosen in the window (View ▸ Language), or None: never chosen, or
    the file unreadable or not a language NetCanvas has (it is only a preference)."""
    from core.user_folders import data_dir

    try:
        with (data_dir() / LANGUAGE_FILE).open("rb") as file:
            text = file.read(16).decode("ascii")
    except (OSError, UnicodeDecodeError):
        return None
    return supported(text)


def remember_language(code: str) -> bool:
    """Keep ``code`` as the language to start in, the window's and the command line's.
    False when it could not be written (a read-only data folder): the switch itself stands."""
    from core.file_writes import write_atomically
    from core.user_folders import data_dir

    chosen = supported(code)
    if chosen is None:
        return False
    try:
        folder = data_dir()
        folder.mkdir(parents=True, exist_ok=True)
        write_atomically(folder / LANGUAGE_FILE, chosen.encode("ascii"))
    except OSError:
        return False
    return True


def initial_language(remembered: str | None = None) -> str:
    """The language to start in: the pinned one, else ``remembered`` (by default the one
    :func:`remember_language` kept), else the system's."""
    pinned = pinned_language()
    if pinned is not None:
        return pinned
    if remembered is None:
        remembered = remembered_language()
    return supported(remembered) or system_language()


def catalogue_path(code: str, suffix: str) -> Path:
    """Where the compiled catalogue of ``code`` lives (``.mo`` for core, ``.qm`` for Qt)."""
    return CATALOGUE_DIR / f"netcanvas_{code}{suffix}"


def set_language(code: str) -> str:
    """Speak ``code`` from now on (unknown codes fall back to English); returns the code used.

    A missing or unreadable catalogue falls back to English rather than failing: the app must
    start even from a damaged install."""
    global _language, _catalogue
    chosen = supported(code) or SOURCE_LANGUAGE
    catalogue: gettext.NullTranslations = gettext.NullTranslations()
    if chosen != SOURCE_LANGUAGE:
        try:
            with catalogue_path(chosen, ".mo").open("rb") as file:
                catalogue = gettext.GNUTranslations(file)
        except (OSError, ValueError, UnicodeDecodeError):
            chosen = SOURCE_LANGUAGE
    _language, _catalogue = chosen, catalogue
    return chosen


def language() -> str:
    """The language messages are in now."""
    return _language


def _(message: str) -> str:
    """``message`` in the current language."""
    return _catalogue.gettext(message)


def ngettext(singular: str, plural: str, n: int) -> str:
    """The singular or plural of a message for count ``n``, in the current language."""
    return _catalogue.ngettext(singular, plural, n)


def N_(message: str) -> str:
    """Mark ``message`` for the catalogue without translating it yet (for tables of names)."""
    return message


def N_plural(singular: str, plural: str) -> tuple[str, str]:
    """Mark a message with a plural for the catalogue without translating it yet (a message
    kept to be said again later); translate where shown: ``ngettext(singular, plural, n)``."""
    return singular, plural


set_language(initial_language())


def percent(fraction: float, digits: int = 1, non_breaking: bool = False) -> str:
    """``fraction`` as a percentage with ``digits`` decimals, as the current language writes it:
    ``0.733`` → "73.3 %" in English, "73.3%" in Korean. ``non_breaking`` joins the English
    space to the number (U+00A0) where a label may wrap; every shown percentage comes here."""
    text = _("{number} %").format(number=f"{100 * fraction:.{digits}f}")
    return text.replace(" %", "\u00a0%") if non_breaking else text
