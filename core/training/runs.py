"""Training runs: what each press of Train (or ``netcanvas train``) did, kept in the project.

A :class:`Run` records one run: its number, when it started, the settings it used, the network
and data it trained, how many epochs it did, how it ended, and the history it ended with (the
whole curve the Loss panel showed, earlier epochs included when it continued an earlier run).
What changed since the run before is not stored: :meth:`Runs.changes` compares the two runs'
settings (:mod:`core.training.run_changes`), so it always describes the list as it stands
(after a run was deleted too).

Both are immutable values: an edit (:meth:`Runs.with_run`, :meth:`Runs.renamed`, …) makes a new
collection, so the window's undo commands and the file writer can hold one without copying.
:meth:`Runs.from_list` checks a stored list field by field (files may be edited by hand): a bad
value is a ``ValueError`` that names the run and the field.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, replace
from datetime import datetime, timezone
from itertools import pairwise
from typing import Any

from core.i18n import N_, _
from core.spec import NetworkSpec
from core.training.history import History, accuracy_percent, metric_names
from core.training.outcome import Outcome
from core.training.reasons import check_values, reason_words, said_by_text
from core.training.run_changes import (
    Change,
    changes_between,
    changes_words,
    network_summary,
)
from core.training.settings import TrainingSettings

#: how a run ended; "unknown" is a run read from a file saved before runs were recorded
ENDINGS = ("finished", "stopped", "diverged", "error", "unknown")
#: how the window shows an ending (``_()`` where shown: :func:`ending_title` does)
ENDING_TITLES = {"finished": N_("finished"), "stopped": N_("stopped"),
                 "diverged": N_("diverged"), "error": N_("error"), "unknown": N_("unknown")}
#: the trainer's outcome kinds (:data:`core.training.outcome.OUTCOMES`) in a run's words
OUTCOME_ENDINGS = {"completed": "finished", "target_reached": "finished",
                   "early_stopped": "finished", "stopped": "stopped", "diverged": "diverged"}
#: a regression run's metrics, as the Loss panel names them (``netcanvas runs`` printed the
#: keys: "mse 0.0123 r2 0.95")
METRIC_WORDS = {"mse": N_("MSE {value}"), "r2": N_("R² {value}")}
MAX_NAME = 200
MAX_NUMBER = 10**9
#: the fields a run stored after schema 2 (only when set), which a NetCanvas reading schema 2
#: refuses: a project holding one is written as schema 3 (:func:`schema_version_for`)
#: so that such a version says to update; with a key, "reason" is the reason's English words,
#: shown when a version does not know the key (a key whose words have no values is not
#: stored: the words say it, :func:`core.training.reasons.said_by_text`)
NEW_IN_3 = ("continued_from", "reason_key", "reason_values", "reason_detail")
FIELDS = ("number", "name", "hidden", "started_at", "settings", "network", "data", "epochs",
          "ended", "reason", "history", *NEW_IN_3)


def schema_version_for(runs: list[dict[str, Any]]) -> int:
    """The lowest project schema version that describes a project with these stored ``runs``
    (:meth:`Runs.to_list`): 3 when one holds a field a schema-2 reader refuses, otherwise 2."""
    return 3 if any(not run.keys().isdisjoint(NEW_IN_3) for run in runs) else 2


def ending(outcome_kind: str, error: str = "") -> str:
    """The :data:`ENDINGS` word for a trainer outcome (``error``: the worker itself failed)."""
    return "error" if error else OUTCOME_ENDINGS.get(outcome_kind, "stopped")


def ending_title(ended: str) -> str:
    """An :data:`ENDINGS` word in the current language (``ended`` itself if unknown)."""
    return _(ENDING_TITLES[ended]) if ended in ENDING_TITLES else ended


def now_iso() -> str:
    """The current time as a run's ``started_at``: ISO 8601 in UTC, to the second."""
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


def local_time(started_at: str | None) -> str:
    """``2026-12-03 01:02`` in the machine's time zone ("" when the time is not known)."""
    if not started_at:
        return ""
    return datetime.fromisoformat(started_at).astimezone().strftime("%Y-%m-%d %H:%M")


@dataclass(frozen=True, eq=False)
class Run:
    """One training run. ``epochs`` counts the epochs this run trained; the ``history`` it ended
    with may start earlier (the run continued from trained weights). Treat the history as
    read-only: runs share it with whoever made them."""

    number: int
    settings: TrainingSettings
    history: History
    epochs: int
    ended: str
    reason: str = ""
    started_at: str | None = None
    network: str = ""
    data: str = ""
    name: str = ""
    hidden: bool = False
    #: the number of the run whose trained weights it went on from (None: fresh weights, or
    #: recorded before runs kept it)
    continued_from: int | None = None
    #: why it ended (or was changed), language-independent: a key of
    #: :data:`core.training.reasons.REASONS` and the values its sentence is formatted with
    #: ("": ``reason`` is free text, as in files saved before runs kept keys or errors)
    reason_key: str = ""
    reason_values: tuple[tuple[str, float], ...] = ()
    #: text the reason's sentence quotes as it was, untranslated (an error's own words)
    reason_detail: str = ""

    @property
    def reason_words(self) -> str:
        """Why it ended, in the current language; a stored free text (an older file's, in the
        language it was saved in) as it is."""
        said = reason_words(self.reason_key, dict(self.reason_values),
                            detail=self.reason_detail) if self.reason_key else None
        return self.reason if said is None else said

    @property
    def title(self) -> str:
        """``run 2``, or ``run 2 “slow”`` once renamed."""
        if self.name:
            return _("run {number} “{name}”").format(number=self.number, name=self.name)
        return _("run {number}").format(number=self.number)

    @property
    def first_epoch(self) -> int:
        """The epoch it started after (0: from fresh weights)."""
        return max(self.history.n_epochs - self.epochs, 0)

    def epochs_going_on(self, epochs: str) -> str:
        """``epochs`` (the epochs it trained, as a list words them), then the run it went on
        from when it did: "4–6, goes on from run 1" — the Runs list and ``netcanvas runs``
        say it alike."""
        if self.continued_from is None:
            return epochs
        return _("{epochs}, goes on from run {number}").format(epochs=epochs,
                                                              number=self.continued_from)

    @property
    def metrics(self) -> dict[str, float | None]:
        """The last epoch's measures (``train_loss``, ``val_accuracy``, …; empty before one)."""
        return {k: v for k, v in self.history.latest().items() if k != "epoch"}

    @property
    def final_loss(self) -> float | None:
        return self.metrics.get("train_loss")

    def measure_words(self, part: str = "train") -> str:
        """``accuracy 95.0%`` (classification) or ``MSE 0.0123 R² 0.95`` (regression): what
        the last epoch measured on ``part`` ("train" or "test") besides the loss; "" when it
        measured nothing there. The Runs list shows these, ``netcanvas runs`` prints them."""
        row = self.metrics
        words = []
        for metric in metric_names(self.history.task):
            value = row.get(f"{part}_{metric}")
            if value is not None:
                words.append(_("accuracy {value}").format(value=accuracy_percent(value))
                             if metric == "accuracy" else _(METRIC_WORDS.get(
                                 metric, metric + " {value}")).format(value=f"{value:.3g}"))
        return " ".join(words)

    def metrics_words(self) -> str:
        """``loss 0.123 accuracy 95.0%`` on the training part, then the test part's when it
        has one."""
        row = self.metrics
        pieces = []
        for part, loss_words in (("train", _("loss {value:.4g}")),
                                 ("test", _("test loss {value:.4g}"))):
            loss = row.get(f"{part}_loss")
            if loss is None:
                continue
            words = [loss_words.format(value=loss), self.measure_words(part)]
            pieces.append(" ".join(w for w in words if w))
        return ", ".join(pieces) or _("no epoch finished")

    def to_dict(self) -> dict[str, Any]:
        stored = {"number": self.number, "name": self.name, "hidden": self.hidden,
                  "started_at": self.started_at, "settings": self.settings.to_dict(),
                  "network": self.network, "data": self.data, "epochs": self.epochs,
                  "ended": self.ended, "reason": self.reason, "history": self.history.to_dict()}
        if self.continued_from is not None:  # a run from fresh weights is stored as before
            stored["continued_from"] = self.continued_from
        if self.reason_key and said_by_text(self.reason) != self.reason_key:
            stored["reason_key"] = self.reason_key
            stored["reason_values"] = dict(self.reason_values)
        if self.reason_detail:
            stored["reason_detail"] = self.reason_detail
        return stored

    @classmethod
    def from_dict(cls, data: Any) -> Run:
        """A stored run, checked (ValueError naming the field): :mod:`core.training.run_reading`."""
        from core.training.run_reading import run_from_dict

        return run_from_dict(data)


@dataclass(frozen=True)
class Runs:
    """The runs of a project, oldest first, with distinct increasing numbers.

    ``last_number`` is the highest number ever given, so a deleted run's number is not given
    again while its deletion can still be undone (a file remembers only the runs it holds).
    """

    runs: tuple[Run, ...] = ()
    last_number: int = 0

    def __post_init__(self) -> None:
        numbers = [r.number for r in self.runs]
        if any(b <= a for a, b in pairwise(numbers)):
            raise ValueError(_("run numbers must increase down the list (found {numbers})"
                               ).format(numbers=numbers))
        object.__setattr__(self, "last_number", max([self.last_number, *numbers]))

    def __iter__(self) -> Iterator[Run]:
        return iter(self.runs)

    def __len__(self) -> int:
        return len(self.runs)

    def __getitem__(self, index: int) -> Run:
        return self.runs[index]

    @property
    def next_number(self) -> int:
        return self.last_number + 1

    def run(self, number: int) -> Run:
        for run in self.runs:
            if run.number == number:
                return run
        raise KeyError(f"there is no run {number}")  # i18n: not ui

    def index(self, number: int) -> int:
        return self.runs.index(self.run(number))

    def previous(self, number: int) -> Run | None:
        """The run listed before run ``number`` (hidden or not), None for the first."""
        i = self.index(number)
        return self.runs[i - 1] if i else None

    def changes(self, number: int) -> tuple[Change, ...]:
        """What run ``number`` did differently from the run before it (nothing for the first)."""
        before = self.previous(number)
        return () if before is None else changes_between(before, self.run(number))

    def describe_changes(self, number: int) -> str:
        """The legend's words for run ``number``: ``lr 0.1 → 0.01``, or ``first run``."""
        if self.previous(number) is None:
            return _("first run")
        return changes_words(self.changes(number))

    def holding(self, history: dict[str, Any] | None) -> Run | None:
        """The latest run that ended with ``history`` (as stored: the document's), None when
        no run did (fresh weights, a history from elsewhere)."""
        epochs = history.get("epochs") if isinstance(history, dict) else None
        return next((r for r in reversed(self.runs) if r.history.epochs == epochs), None)

    def source_of(self, history: History, epochs: int) -> int | None:
        """The number of the run whose weights a run that ended with ``history`` after
        ``epochs`` epochs went on from: the latest that trained the epoch it started after,
        with the same epochs up to it (None: from fresh weights, or no run did)."""
        first = history.n_epochs - epochs
        mine = history.epochs
        for run in reversed(self.runs) if first > 0 else ():
            theirs = run.history.epochs
            if run.first_epoch < first <= run.history.n_epochs and theirs.keys() == \
                    mine.keys() and all(theirs[k][:first] == mine[k][:first] for k in mine):
                return run.number
        return None

    def record(self, settings: TrainingSettings, history: History, epochs: int,
               outcome_kind: str, reason: str, *, error: str = "",
               started_at: str | None = None, spec: NetworkSpec | None = None,
               data: str = "", outcome: Outcome | None = None) -> Runs:
        """These runs and, at the end, the run that just ended: trained ``epochs`` epochs with
        ``settings`` on ``spec`` and ``data``, its trainer's outcome and the ``history`` it ended
        with (kept as it is: hand over a copy no one changes). With the trainer's ``outcome``
        its reason is kept by key (translated where shown), ``reason`` unused; so is an
        ``error`` (the worker failed), its text the reason's detail."""
        run = Run(self.next_number, settings, history, epochs, ending(outcome_kind, error),
                  reason, started_at, network_summary(spec) if spec is not None else "", data,
                  continued_from=self.source_of(history, epochs))
        if error:
            run = with_reason(run, "worker_error", detail=error)
        elif outcome is not None and outcome.key:
            run = with_reason(run, outcome.key, **dict(outcome.values))
        return self.with_run(run)

    # ------------------------------------------------------------------ edits (new values)
    def with_run(self, run: Run, index: int | None = None) -> Runs:
        """``run`` added at the end (or put back at ``index``, undoing a deletion)."""
        runs = list(self.runs)
        runs.insert(len(runs) if index is None else index, run)
        return Runs(tuple(runs), self.last_number)

    def without(self, number: int) -> Runs:
        return Runs(tuple(r for r in self.runs if r.number != number), self.last_number)

    def renamed(self, number: int, name: str) -> Runs:
        if len(name) > MAX_NAME or not name.isprintable():
            raise ValueError(_("a run's name is one line of at most {n} characters").format(
                n=MAX_NAME))
        return self._replaced(number, name=name)

    def with_hidden(self, number: int, hidden: bool) -> Runs:
        return self._replaced(number, hidden=hidden)

    def _replaced(self, number: int, **changes: Any) -> Runs:
        self.run(number)  # KeyError for a run that is not there
        return Runs(tuple(replace(r, **changes) if r.number == number else r
                          for r in self.runs), self.last_number)

    # ------------------------------------------------------------------ files
    def to_list(self) -> list[dict[str, Any]]:
        return [run.to_dict() for run in self.runs]

    @classmethod
    def from_list(cls, data: Any) -> Runs:
        if not isinstance(data, list):
            raise ValueError(_("'runs' must be a list of runs"))
        return cls(tuple(Run.from_dict(item) for item in data))

    @classmethod
    def from_history(cls, history: History, settings: TrainingSettings, network: str = "",
                     data: str = "") -> Runs:
        """A file saved before runs were recorded: its history becomes run 1, with the
        project's settings (what is known of how it was trained)."""
        return cls((with_reason(Run(1, settings, history, history.n_epochs, "unknown",
                                    network=network, data=data), "before_runs"),))


def with_reason(run: Run, key: str, detail: str = "", **values: float) -> Run:
    """``run`` with the reason ``key`` (:data:`core.training.reasons.REASONS`), its values
    and ``detail``; its ``reason`` text is the sentence in English (what a version that does
    not know the key shows). The detail is made one line and cut short, "…" at its end, so
    that the sentence fits a file's text (a long error made a saved project unreadable).
    A value that is not a finite number (early stopping's "best" loss still infinite) keeps
    the English sentence only: a project's JSON holds no infinity, and every save failed."""
    detail = "".join(c if c.isprintable() else " " for c in " ".join(detail.split()))
    text = reason_words(key, values, translated=False, detail=detail)
    if text is None:
        raise KeyError(f"no reason {key!r} with values {values}")  # i18n: not ui
    if len(text) > MAX_NAME:
        detail = detail[:max(len(detail) - (len(text) - MAX_NAME) - 1, 0)] + "…"
        text = reason_words(key, values, translated=False, detail=detail) or ""
    if check_values(values) is None:
        return replace(run, reason=text[:MAX_NAME], reason_key="", reason_values=(),
                       reason_detail="")
    return replace(run, reason=text[:MAX_NAME], reason_key=key,
                   reason_values=tuple(values.items()), reason_detail=detail)

