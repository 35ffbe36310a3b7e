"""An exception in words a student can read: the exception's own text, never its class name —
and, when it has no text at all, a plain sentence saying so (a bare ``KeyError()`` or
``MemoryError()`` once reached the window as just its class name). The one owner of these
words: a missing key is said here for the project files, the labs, the training and the
window alike (the project files said "'x' is missing", the rest only "x")."""

from __future__ import annotations

from core.i18n import _


def no_description() -> str:
    """What is said of an error that came with no text (a clause: it follows "failed: " or
    sits in brackets)."""
    return _("an unexpected error that gave no description")


def own_words(exc: BaseException) -> str:
    """``exc``'s own text, or :func:`no_description`. A KeyError that holds only the missing
    key (one word, as a dict or a zip archive raises it) says that in words — "'x' is
    missing"; one that holds a sentence is that sentence, without the quotes its text adds."""
    if isinstance(exc, KeyError) and len(exc.args) == 1 and isinstance(exc.args[0], str):
        text = exc.args[0]
        if text and not any(c.isspace() for c in text):
            return _("{key} is missing").format(key=repr(text))
    else:
        text = str(exc)
    return text.strip() or no_description()
