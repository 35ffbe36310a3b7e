"""Why a run ended (or was changed afterwards), by a key that does not depend on the language.

A run keeps its reason as a key of :data:`REASONS` and the values the sentence is formatted
with; the sentence is translated where it is shown (:func:`reason_words`), so a project saved
in Korean reads in English in an English window, and the other way round. The trainer's
outcomes (:mod:`core.training.outcome`) and the window's Continue from here use these keys.

A reason may also have a ``detail``: text kept as it was, never translated (an error's own
words, in ``worker_error``).

A stored key this version does not know (a newer NetCanvas's), or values that do not fit the
sentence (a file edited by hand), are never an error: the run's stored text is shown instead.
"""

from __future__ import annotations

from collections.abc import Mapping

from core.i18n import N_, N_plural, _, ngettext
from core.numbers import finite

#: the sentences, by key: one message (marked N_), or a singular and a plural counted by the
#: value ``n`` (N_plural)
REASONS: dict[str, str | tuple[str, str]] = {
    "finished_epochs": N_plural("finished {n} epoch", "finished {n} epochs"),
    "target_reached": N_("reached the target loss {target:g}: training loss {loss:.4g} at "
                         "epoch {epoch}"),
    "early_stopped": N_("the validation loss has not improved for {patience} epochs (best "
                        "{best:.4g} at epoch {epoch})"),
    "stopped_by_user": N_("stopped by the user"),
    "loss_nan": N_("loss became NaN at epoch {epoch} — learning rate {lr:g} is probably too "
                   "high; lower it, reset the weights and train again"),
    "loss_infinite": N_("loss became infinite at epoch {epoch} — learning rate {lr:g} is "
                        "probably too high; lower it, reset the weights and train again"),
    "cut_by_continue": N_("cut at epoch {epoch} by Continue from here (it had trained to "
                          "epoch {last})"),
    "hidden_by_continue": N_("hidden by Continue from epoch {epoch}: all its epochs came after "
                             "it"),
    "before_runs": N_("recorded before NetCanvas kept runs"),
    # the worker failed with an unexpected exception; {detail} is its text, as it was
    "worker_error": N_("training stopped by an error: {detail}"),
}
#: reasons that say no more than how the run ended and its epochs (a list of runs, which shows
#: both, leaves them out)
PLAIN = frozenset({"finished_epochs"})
#: the most values a stored reason may have (a file edited by hand)
MAX_VALUES = 8


def reason_words(key: str, values: Mapping[str, float], translated: bool = True,
                 detail: str = "") -> str | None:
    """The sentence of ``key`` formatted with ``values`` (and ``detail``, for a sentence that
    has one), in the current language (or with ``translated=False`` in English, the source:
    what a file keeps as text beside the key); None when the key is not known or the values
    do not fit it."""
    message = REASONS.get(key)
    if message is None:
        return None
    try:
        if isinstance(message, tuple):
            n = int(values["n"])
            text = ngettext(*message, n) if translated else message[n != 1]
        else:
            text = _(message) if translated else message
        return text.format(**values, detail=detail)
    except (KeyError, IndexError, ValueError, TypeError, OverflowError):
        return None


def said_by_text(text: str) -> str:
    """The key of the reason whose English sentence is ``text`` when that sentence has no
    values to format ("stopped by the user", "recorded before NetCanvas kept runs"); "" for any
    other text. Such a reason's stored text says all its key does, as a schema-2 file wrote it:
    the key is kept only in memory (a migrated schema-1 file saved again stayed schema 2's
    reader's, not 3) and found again from the text when read."""
    return next((key for key, message in REASONS.items()
                 if isinstance(message, str) and "{" not in message and message == text), "")


def check_values(values: object) -> dict[str, float] | None:
    """Stored values as a dict of names to finite numbers, or None when they are not that
    (a project's JSON holds no infinity or NaN)."""
    if not isinstance(values, dict) or len(values) > MAX_VALUES:
        return None
    if not all(isinstance(k, str) and isinstance(v, int | float) and not isinstance(v, bool)
               and finite(v) for k, v in values.items()):
        return None
    return dict(values)
