"""Typed, student-readable problems with a network spec.

Validation returns a list of :class:`SpecProblem` values (so the canvas can list them all and mark
the nodes concerned); ``check()``/``build()`` raise :class:`SpecError` carrying that list. Each
problem kind is its own subclass so tests and the GUI can tell them apart without parsing text.
"""

from __future__ import annotations

from dataclasses import dataclass

from core.i18n import _


@dataclass(frozen=True)
class SpecProblem:
    """One thing wrong with a spec: a message a student understands and the ids it concerns."""

    message: str
    node_ids: tuple[str, ...] = ()

    def __str__(self) -> str:
        return self.message


class CycleProblem(SpecProblem):
    """The connections form a loop, so there is no order in which to compute the nodes."""


class NoInputProblem(SpecProblem):
    """Nothing feeds data into the network."""


class NoOutputProblem(SpecProblem):
    """The network has no node that produces its prediction."""


class MultipleOutputsProblem(SpecProblem):
    """More than one output node: the engine trains one loss on one output."""


class UnreachableProblem(SpecProblem):
    """A node that no input node reaches never receives data."""


class DeadEndProblem(SpecProblem):
    """A node that reaches no output does not influence the loss, so it never learns."""


class UnitsProblem(SpecProblem):
    """A node needs at least one unit."""


class SizeProblem(UnitsProblem):
    """More units in a node, or weights in a connection, than NetCanvas holds: a file asking
    for them is refused before a weight is made."""


def size_reason(problems: list[SpecProblem]) -> str:
    """Why a network is too large for NetCanvas (its :class:`SizeProblem` messages, joined), or
    "" when it is not."""
    return "; ".join(p.message for p in problems if isinstance(p, SizeProblem))


class LossProblem(SpecProblem):
    """The loss does not fit the output activation (or is unknown)."""


class OptionProblem(SpecProblem):
    """An unknown activation/initialiser, an out-of-range dropout rate, a bad id, and the like."""


class ConnectionProblem(SpecProblem):
    """An edge that cannot exist: into an input node, out of the output, duplicated, to itself."""


class SpecError(ValueError):
    """Raised when a spec cannot be built; ``problems`` lists every reason found."""

    def __init__(self, problems: list[SpecProblem]) -> None:
        self.problems = list(problems)
        text = "; ".join(p.message for p in self.problems) or _("invalid network")
        super().__init__(text)
