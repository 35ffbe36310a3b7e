"""Typed, student-readable problems with a network spec.

Validation returns a list of :class:`SpecProblem` values (so the canvas can list them all and mark
the nodes concerned); ``check()``/``build()`` raise :class:`SpecError` carrying that list. Each
problem kind is its own subclass so tests and the GUI can tell them apart without parsing text.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from core.i18n import N_, _

#: what a problem is (:attr:`SpecProblem.severity`): something wrong that must be fixed, or a
#: part of the network not built yet — the next step (a new network has two: add an input node,
#: add an output node). Both stop training; a window shows a step as a to-do, not as an error.
ERROR = "error"
STEP = "step"


@dataclass(frozen=True)
class SpecProblem:
    """One thing wrong with a spec: a message a student understands and the ids it concerns."""

    message: str
    node_ids: tuple[str, ...] = ()
    #: :data:`ERROR` or :data:`STEP` — each kind of problem says which it is, here only
    severity: ClassVar[str] = ERROR
    #: what the problem means and how to go on, in a sentence that teaches (marked N_:
    #: :meth:`explain` says it in the current language)
    hint: ClassVar[str] = N_("The network cannot be built until this is fixed.")

    def __str__(self) -> str:
        return self.message

    @property
    def is_step(self) -> bool:
        """A part not built yet (the next step), rather than something wrong."""
        return self.severity == STEP

    def explain(self) -> str:
        """:attr:`hint` in the current language."""
        return _(self.hint)


class CycleProblem(SpecProblem):
    """The connections form a loop, so there is no order in which to compute the nodes."""

    hint = N_("The connections form a loop, so there is no order in which to compute the "
              "nodes: data must flow one way, from the inputs to the output. Delete one "
              "connection of the loop.")


class NoInputProblem(SpecProblem):
    """Nothing feeds data into the network."""

    severity = STEP
    hint = N_("Next step: drag Input from the Build panel onto the canvas. An input node "
              "holds the data set's features, one unit per column.")


class NoOutputProblem(SpecProblem):
    """The network has no node that produces its prediction."""

    severity = STEP
    hint = N_("Next step: drag Output from the Build panel onto the canvas. The output node "
              "makes the prediction, one unit per class (or per target value).")


class MultipleOutputsProblem(SpecProblem):
    """More than one output node: the engine trains one loss on one output."""

    hint = N_("The network is trained with one loss on one output node: delete the extra "
              "output nodes, or give the one you keep more units.")


class UnreachableProblem(SpecProblem):
    """A node that no input node reaches never receives data."""

    severity = STEP
    hint = N_("Next step: connect this node — drag from the right port of an input node (or a "
              "node fed by one) to it. A node that no input reaches never receives data.")


class DeadEndProblem(SpecProblem):
    """A node that reaches no output does not influence the loss, so it never learns."""

    severity = STEP
    hint = N_("Next step: connect this node onward — drag from its right port towards the "
              "output. A node that reaches no output does not affect the loss, so it never "
              "learns.")


class UnitsProblem(SpecProblem):
    """A node needs at least one unit."""

    hint = N_("A node needs at least one unit: set its units in the Inspector.")


class SizeProblem(UnitsProblem):
    """More units in a node, or weights in a connection, than NetCanvas holds: a file asking
    for them is refused before a weight is made."""

    hint = N_("NetCanvas holds at most a few thousand units in a node and 20 million "
              "weights in a connection: give the nodes fewer units.")


def errors_first(problems: list[SpecProblem]) -> list[SpecProblem]:
    """``problems`` with what is wrong before what is not built yet (each group in its order):
    how they are listed, and the first is the one to name — a loop before "no output node"."""
    return sorted(problems, key=lambda problem: problem.is_step)


def size_reason(problems: list[SpecProblem]) -> str:
    """Why a network is too large for NetCanvas (its :class:`SizeProblem` messages, joined), or
    "" when it is not."""
    return "; ".join(p.message for p in problems if isinstance(p, SizeProblem))


class LossProblem(SpecProblem):
    """The loss does not fit the output activation (or is unknown)."""

    hint = N_("The loss must fit the output node's activation (cross-entropy needs softmax, "
              "binary cross-entropy needs sigmoid): change one of them in the Inspector.")


class OptionProblem(SpecProblem):
    """An unknown activation/initialiser, an out-of-range dropout rate, a bad id, and the like."""

    hint = N_("A setting of this node has a value NetCanvas does not know or accept: choose "
              "another in the Inspector.")


class ConnectionProblem(SpecProblem):
    """An edge that cannot exist: into an input node, out of the output, duplicated, to itself."""

    hint = N_("This connection cannot exist (into an input node, out of the output, twice, or "
              "from a node to itself): delete it.")


class SpecError(ValueError):
    """Raised when a spec cannot be built; ``problems`` lists every reason found."""

    def __init__(self, problems: list[SpecProblem]) -> None:
        self.problems = list(problems)
        text = "; ".join(p.message for p in self.problems) or _("invalid network")
        super().__init__(text)
