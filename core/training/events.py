"""What a training run tells whoever drives it: an event per mini-batch (and one when it
ends), the stop flag it watches, and how long is left in words."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol

from core.training.outcome import Outcome
from core.training.snapshot import Snapshot


class StopFlag(Protocol):
    """A threading.Event, or a multiprocessing one shared with worker processes."""

    def is_set(self) -> bool: ...


@dataclass(frozen=True, eq=False)
class TrainingEvent:
    """What happened in one mini-batch (or, when ``outcome`` is set, that training ended).

    ``epoch`` is the 1-based epoch the batch belonged to and ``batch`` its 1-based place in it.
    ``epoch_metrics`` is set when the batch finished an epoch; ``snapshot`` when one was due.
    """

    epoch: int
    batch: int
    batches_per_epoch: int
    step: int
    loss: float
    samples_per_second: float
    eta_seconds: float | None
    epoch_metrics: dict[str, float | None] | None = None
    snapshot: Snapshot | None = None
    outcome: Outcome | None = None


def clock(seconds: float) -> str:
    """``m:ss`` or ``h:mm:ss`` for a duration such as :attr:`TrainingEvent.eta_seconds`."""
    minutes, secs = divmod(int(seconds + 0.5), 60)
    hours, minutes = divmod(minutes, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes}:{secs:02d}"
