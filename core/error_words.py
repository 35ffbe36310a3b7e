"""An exception in words a student can read: the exception's own text, never its class name —
and, when it has no text at all, a plain sentence saying so (a bare ``KeyError()`` or
``MemoryError()`` once reached the window as just its class name)."""

from __future__ import annotations

from core.i18n import _


def no_description() -> str:
    """What is said of an error that came with no text (a clause: it follows "failed: " or
    sits in brackets)."""
    return _("an unexpected error that gave no description")


def own_words(exc: BaseException) -> str:
    """``exc``'s own text (a KeyError's message without the quotes its text adds), or
    :func:`no_description`."""
    if isinstance(exc, KeyError) and len(exc.args) == 1 and isinstance(exc.args[0], str):
        text = exc.args[0]
    else:
        text = str(exc)
    return text.strip() or no_description()
