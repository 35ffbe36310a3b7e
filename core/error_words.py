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
    """``exc``'s own text (without the quotes a KeyError puts around it), or
    :func:`no_description`."""
    return str(exc).strip().strip("'\"").strip() or no_description()
