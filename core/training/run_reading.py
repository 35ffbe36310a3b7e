"""Reading a stored run back (files may be edited by hand): every field checked, a bad value a
``ValueError`` that names the run and the field. :meth:`core.training.runs.Run.from_dict` is the
way in."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from core.i18n import _
from core.training.history import History
from core.training.reasons import check_values, said_by_text
from core.training.runs import ENDINGS, FIELDS, MAX_NAME, MAX_NUMBER, Run
from core.training.settings import TrainingSettings
from core.unknown_fields import extra_fields, unknown_fields


def run_from_dict(data: Any) -> Run:
    """A stored run, checked (ValueError naming the field)."""
    if not isinstance(data, dict):
        raise ValueError(_("a run must be an object of name: value pairs"))
    number = data.get("number")
    if isinstance(number, bool) or not isinstance(number, int) or not \
            1 <= number <= MAX_NUMBER:
        raise ValueError(_("a run's 'number' must be a whole number from 1 to {high:,} "
                           "(found {found})").format(high=MAX_NUMBER, found=repr(number)))
    where = _("run {number}").format(number=number)
    unknown = extra_fields(data, FIELDS)
    if unknown:
        raise ValueError(unknown_fields(where, unknown))
    try:
        settings = TrainingSettings.from_dict(data.get("settings"))
        history = History.from_dict(data.get("history"))
    except (ValueError, TypeError) as exc:
        raise ValueError(f"{where}: {exc}") from None
    epochs = data.get("epochs")
    if isinstance(epochs, bool) or not isinstance(epochs, int) or \
            not 0 <= epochs <= history.n_epochs:
        raise ValueError(_("{where}: 'epochs' must be a whole number from 0 to the {n} "
                           "epochs of its history (found {found})").format(
            where=where, n=history.n_epochs, found=repr(epochs)))
    if data.get("ended") not in ENDINGS:
        raise ValueError(_("{where}: 'ended' must be one of {names}").format(
            where=where, names=", ".join(ENDINGS)))
    hidden = data.get("hidden", False)
    if not isinstance(hidden, bool):
        raise ValueError(_("{where}: 'hidden' must be true or false").format(where=where))
    source = data.get("continued_from")
    if source is not None and (isinstance(source, bool) or not isinstance(source, int)
                               or not 1 <= source < number):
        raise ValueError(_("{where}: 'continued_from' must be the number of an earlier "
                           "run (found {found})").format(where=where, found=repr(source)))
    key, values = _reason_key(data, where)
    return Run(number, settings, history, epochs, data["ended"],
               reason=_text(data, "reason", where), started_at=_time(data, where),
               network=_text(data, "network", where), data=_text(data, "data", where),
               name=_text(data, "name", where), hidden=hidden, continued_from=source,
               reason_key=key, reason_values=values,
               reason_detail=_text(data, "reason_detail", where))


def _reason_key(data: dict[str, Any], where: str) -> tuple[str, tuple[tuple[str, float], ...]]:
    """The stored reason's key and values (a key this version does not know is kept: its
    ``reason`` text is shown)."""
    key = _text(data, "reason_key", where)
    values = check_values(data.get("reason_values", {}))
    if values is None:
        raise ValueError(_("{where}: 'reason_values' must be an object of names and numbers"
                           ).format(where=where))
    if not key:  # a reason whose English words need no values is stored as the words alone
        return said_by_text(_text(data, "reason", where)), ()
    return key, tuple(values.items())


def _text(data: dict[str, Any], key: str, where: str) -> str:
    value = data.get(key, "")
    if not isinstance(value, str) or len(value) > MAX_NAME or not value.isprintable():
        raise ValueError(_("{where}: {key} must be one line of text of at most {n} characters"
                           ).format(where=where, key=repr(key), n=MAX_NAME))
    return value


def _time(data: dict[str, Any], where: str) -> str | None:
    value = data.get("started_at")
    if value is None:
        return None
    try:
        if not isinstance(value, str):
            raise TypeError
        moment = datetime.fromisoformat(value)
        if moment.tzinfo is None:
            raise TypeError
        moment.astimezone()  # in range for the local time zone too
    except (TypeError, ValueError, OverflowError, OSError):
        raise ValueError(_("{where}: 'started_at' must be a date and time with its time zone, "
                           "such as 2026-12-03T01:02:03+00:00 (found {found})").format(
            where=where, found=repr(value))) from None
    return value
