"""Counts said with their nouns, singular or plural ("1 unit", "3 units"): the one owner of
these phrases, for messages that count two things at once (``ngettext`` takes one count per
sentence, and "unit(s)" read as a form left half filled in). Korean has one form, and each
phrase ends in 개 there, so a sentence around it can put its particle after it."""

from __future__ import annotations

from core.i18n import ngettext


def units(n: int) -> str:
    """``1 unit``, ``3 units``."""
    return ngettext("{n} unit", "{n} units", n).format(n=n)


def columns(n: int) -> str:
    """``1 column``, ``3 columns``."""
    return ngettext("{n} column", "{n} columns", n).format(n=n)


def feature_columns(n: int) -> str:
    """``1 feature column``, ``3 feature columns``."""
    return ngettext("{n} feature column", "{n} feature columns", n).format(n=n)


def values(n: int) -> str:
    """``1 value``, ``3 values``."""
    return ngettext("{n} value", "{n} values", n).format(n=n)


def target_values(n: int) -> str:
    """``1 target value``, ``3 target values``."""
    return ngettext("{n} target value", "{n} target values", n).format(n=n)


def classes(n: int) -> str:
    """``1 class``, ``3 classes``."""
    return ngettext("{n} class", "{n} classes", n).format(n=n)
