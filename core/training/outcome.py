"""Why a training run ended, in words that follow the language.

An :class:`Outcome` keeps the message (marked for translation, not yet translated) and the
values it is formatted with, so a run that ended in English reads in Korean after a language
switch. :func:`ended` makes one; :func:`diverged` says that the loss stopped being a number.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, replace

from core.i18n import N_, _, ngettext

#: the kinds of :attr:`Outcome.kind`
OUTCOMES = ("completed", "target_reached", "early_stopped", "diverged", "stopped")


@dataclass(frozen=True)
class Outcome:
    """Why training ended: ``kind`` is one of :data:`OUTCOMES`; ``reason`` says it in words, in
    the language of the moment it ended; :meth:`words` says it in the current language, from
    ``message`` (marked ``N_``, or with ``plural`` by ``N_plural``: the count is the value
    ``n``) and the ``values`` it is formatted with."""

    kind: str
    reason: str
    message: str = ""  # "": ``reason`` is a message itself (``_(reason)`` translates it)
    values: tuple[tuple[str, float], ...] = ()
    plural: str = ""  # the plural of ``message`` ("": it has none)

    def words(self) -> str:
        if not self.message:
            return _(self.reason)
        values = dict(self.values)
        text = ngettext(self.message, self.plural, int(values["n"])) if self.plural \
            else _(self.message)
        return text.format(**values)

    @property
    def failed(self) -> bool:
        return self.kind == "diverged"




def ended(kind: str, message: str | tuple[str, str], **values: float) -> Outcome:
    """Outcome ``kind``: ``message`` (marked N_, or N_plural: a singular and a plural counted
    by the value ``n``) formatted with ``values``, its words in the language of now."""
    singular, plural = (message, "") if isinstance(message, str) else message
    outcome = Outcome(kind, "", singular, tuple(values.items()), plural)
    return replace(outcome, reason=outcome.words())


def diverged(loss: float, epoch: int, lr: float) -> Outcome:
    """The run's loss became NaN or infinite at ``epoch`` (1-based) with learning rate ``lr``."""
    if math.isnan(loss):
        message = N_("loss became NaN at epoch {epoch} — learning rate {lr:g} is probably "
                     "too high; lower it, reset the weights and train again")
    else:
        message = N_("loss became infinite at epoch {epoch} — learning rate {lr:g} is "
                     "probably too high; lower it, reset the weights and train again")
    return ended("diverged", message, epoch=epoch, lr=lr)
