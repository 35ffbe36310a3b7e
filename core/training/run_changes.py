"""What one training run did differently from the run before it — "lr 0.1 → 0.01, batch size
32 → 64" — as the Runs list and ``netcanvas runs`` say it. Computed from the two runs each
time (:meth:`core.training.runs.Runs.changes`), never stored."""

from __future__ import annotations

from dataclasses import dataclass, fields
from typing import TYPE_CHECKING, Any

from core.engine import activations, optimizers
from core.i18n import N_, _
from core.training.settings import TrainingSettings

if TYPE_CHECKING:
    from core.spec import NetworkSpec
    from core.training.runs import Run

#: short names of settings in a difference ("lr 0.1 → 0.01"), the network and the data
#: (shown with ``_()``: :meth:`Change.words` does; a Korean Runs list said "epochs 2 → 1")
SETTING_WORDS = {"lr": N_("lr"), "optimizer": N_("optimizer"), "epochs": N_("epochs"),
                 "batch_size": N_("batch size"), "weight_decay": N_("weight decay"),
                 "seed": N_("seed"), "split": N_("split"), "dtype": N_("dtype"),
                 "target_loss": N_("target loss"), "early_stopping_patience": N_("patience"),
                 "standardize": N_("standardise"), "network": N_("network"),
                 "data": N_("data")}


@dataclass(frozen=True)
class Change:
    """One difference between a run and the run before it, e.g. ``lr`` 0.1 → 0.01."""

    key: str
    old: Any
    new: Any

    def words(self) -> str:
        """``lr 0.1 → 0.01``; names as the window shows them: "optimizer Adam → SGD",
        "data XOR gate → Circle" (in Korean "XOR 게이트 → 원"), "network 2-8-1 tanh/Sigmoid"."""
        name = _(SETTING_WORDS[self.key]) if self.key in SETTING_WORDS else self.key
        return f"{name} {_shown(self.key, self.old)} → {_shown(self.key, self.new)}"


def network_summary(spec: NetworkSpec) -> str:
    """The network in a few words, to tell two runs apart (a run stores it): units along the
    nodes and the activations' code names, e.g. ``2-8-1 relu/sigmoid``."""
    units = "-".join(str(n.units) for n in spec.nodes)
    names = "/".join(n.activation for n in spec.nodes if n.kind != "input")
    return f"{units} {names}".strip()


def network_words(summary: str) -> str:
    """A stored :func:`network_summary` with the activations as the window names them in the
    current language: ``2-8-1 tanh/시그모이드`` (a Korean Runs list said "relu/sigmoid")."""
    units, space, names = summary.partition(" ")
    if not space:
        return summary
    return f"{units} {'/'.join(activations.title(n) for n in names.split('/'))}"


def changes_between(before: Run, after: Run) -> tuple[Change, ...]:
    """What ``after`` did differently from ``before``: settings (each optimizer option on its
    own), then the network and the data."""
    found: list[Change] = []
    old, new = before.settings, after.settings
    for f in fields(TrainingSettings):
        a, b = getattr(old, f.name), getattr(new, f.name)
        if f.name == "optimizer_options":  # another optimizer's options go without saying
            keys = {*a, *b} if old.optimizer == new.optimizer else set(a) & set(b)
            found += [Change(k, a.get(k), b.get(k)) for k in sorted(keys)
                      if a.get(k) != b.get(k)]
        elif a != b:
            found.append(Change(f.name, a, b))
    for key in ("network", "data"):
        if getattr(before, key) != getattr(after, key):
            found.append(Change(key, getattr(before, key), getattr(after, key)))
    return tuple(found)


def changes_words(changes: tuple[Change, ...]) -> str:
    """``lr 0.1 → 0.01, batch size 32 → 64``; "same settings" when nothing changed."""
    return ", ".join(c.words() for c in changes) or _("same settings")


def _shown(key: str, value: Any) -> str:
    """A setting's value in a difference: the optimizer's and the activations' names and the
    data set's title as the window shows them (runs store code names and English titles)."""
    if isinstance(value, str) and value:
        if key == "optimizer":
            return optimizers.title(value)
        if key == "data":
            return _(value)  # a built-in set's English title; a file's name stays as it is
        if key == "network":
            return network_words(value)
    return _value(value)


def _value(value: Any) -> str:
    if value is None:
        return _("off")
    if isinstance(value, bool):
        return _("on") if value else _("off")
    if isinstance(value, float):
        return f"{value:g}"
    if isinstance(value, tuple):
        return "/".join(f"{100 * v:g}" for v in value)  # the split, in percent
    return str(value)
