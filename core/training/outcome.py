"""Why a training run ended, in words that follow the language.

An :class:`Outcome` keeps the message (marked for translation, not yet translated) and the
values it is formatted with, so a run that ended in English reads in Korean after a language
switch. :func:`ended` makes one; :func:`diverged` says that the loss stopped being a number.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, replace

from core.i18n import _
from core.training.reasons import REASONS, reason_words

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
    #: the key of ``message`` in :data:`core.training.reasons.REASONS` ("": none; a run keeps
    #: the key and values, so its reason is translated where shown)
    key: str = ""

    def words(self) -> str:
        said = reason_words(self.key, dict(self.values)) if self.key else None
        return _(self.reason) if said is None else said

    @property
    def failed(self) -> bool:
        return self.kind == "diverged"


def ended(kind: str, key: str, **values: float) -> Outcome:
    """Outcome ``kind`` for the reason ``key`` (:data:`core.training.reasons.REASONS`) formatted
    with ``values``, its words in the language of now."""
    message = REASONS[key]
    singular, plural = (message, "") if isinstance(message, str) else message
    outcome = Outcome(kind, "", singular, tuple(values.items()), plural, key)
    return replace(outcome, reason=outcome.words())


def diverged(loss: float, epoch: int, lr: float) -> Outcome:
    """The run's loss became NaN or infinite at ``epoch`` (1-based) with learning rate ``lr``."""
    return ended("diverged", "loss_nan" if math.isnan(loss) else "loss_infinite", epoch=epoch,
                 lr=lr)
