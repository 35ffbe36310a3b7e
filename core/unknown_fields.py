"""What a project file's field that this NetCanvas does not know is said as, wherever it is
found — at the top of ``project.json`` or inside its settings, nodes, edges, runs or data — so
that each says what to do: a newer NetCanvas may have written it (a field can be added without
a new format number, as the timeline was). A leaf module: it imports only :mod:`core.i18n`."""

from __future__ import annotations

from collections.abc import Iterable

from core.i18n import ngettext


def unknown_fields(where: str, names: Iterable[str]) -> str:
    """``{where} has unknown fields: colour, size — if a newer NetCanvas made it, update
    NetCanvas to open it``; ``where`` names the part (``project.json``, ``settings``,
    ``node #2``…) in the current language."""
    names = sorted(names)
    return ngettext("{where} has an unknown field: {fields} — if a newer NetCanvas made it, "
                    "update NetCanvas to open it",
                    "{where} has unknown fields: {fields} — if a newer NetCanvas made it, "
                    "update NetCanvas to open it", len(names)).format(
        where=where, fields=", ".join(names))


def extra_fields(data: object, known: Iterable[str]) -> list[str]:
    """The names in ``data`` (an object read from JSON) that are not ``known``, sorted; none
    when it is not an object (its own check says so)."""
    return sorted(set(data) - set(known)) if isinstance(data, dict) else []
