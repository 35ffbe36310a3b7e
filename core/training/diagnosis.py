"""Why a run on a gate or a toy set ended short of solving it, and what to try next, in words.

A newcomer whose first run ends at 75 % on XOR needs a reason and a next step more than a number.
Each built-in set with a known answer has a :class:`Goal` (the share of rows right, or R², over
all rows, that counts as solved: the gates all four rows; the noisy sets a level that the
default one-hidden-node network reaches on at least 19 of 20 seeds, where it does — see
tests/gui/document/test_first_network_learns.py). When a run ends below it, :func:`diagnose`
looks at three things, each measured on the run itself:

- **dead ReLUs**: a ReLU unit whose input is negative for every training row outputs 0 and gets
  no gradient, so it never comes back; when DEAD_SHARE or more of them are dead, the network
  has lost that much of its capacity;
- **still falling**: the training loss fell by more than FALLING over the last epochs, so more
  epochs would help;
- **a plateau** otherwise: the run is stuck where it is, so another start (seed), more units or
  a larger learning rate is what changes it.

Two things no seed, rate or epoch count changes come first, and alone: a **step** activation
(slope 0, so no gradient reaches the weights), and **no hidden node** on a set that no straight
line splits (the single-layer perceptron of XOR, the book's chapter 2).

Pure: no Qt; the window shows :attr:`Diagnosis.text` in its status line.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

from core.datasets.builtin import BUILTIN
from core.datasets.ref import DataRef
from core.engine import optimizers
from core.engine.network import Network
from core.i18n import _, percent
from core.lint import FAR, USUAL_LR
from core.training.history import History
from core.training.prepare import TrainingData

DEAD_SHARE = 0.25
FALLING = 0.02  # relative fall of the training loss over the last TREND_EPOCHS epochs
TREND_EPOCHS = 10
DEAD_PROBE_ROWS = 2048
GATES = ("and", "or", "nand", "xor")
#: the built-in classification sets whose classes no straight line separates
NOT_LINEAR = frozenset({"xor", "xor2d", "circle", "spiral", "moons"})
GOALS: dict[str, float] = {
    **{gate: 1.0 for gate in GATES},
    "circle": 0.95, "xor2d": 0.95, "gaussians": 0.95, "moons": 0.95, "spiral": 0.9,
    "plane": 0.95, "gaussian_bumps": 0.9, "sine": 0.9,
}


@dataclass(frozen=True)
class Goal:
    """``level`` of ``metric`` ("accuracy" or "r2") over all rows counts as solving ``title``."""

    name: str
    title: str
    metric: str
    level: float

    def words(self, value: float) -> str:
        if self.metric == "accuracy":
            return _("{share} of the rows right").format(share=percent(value, digits=0))
        return f"R² {value:.2f}"


@dataclass(frozen=True)
class Diagnosis:
    """The verdict on one finished run: ``score`` over all rows against ``goal``; when short of
    it, ``reasons`` (why, sentences) and ``advice`` (what to try, phrases), in the current
    language; ``dead``/``relu`` count the dead ReLU units among all ReLU units of the hidden
    nodes; ``loss_fall`` is over the last ``span`` epochs; ``lr`` is the run's learning rate;
    ``hidden`` counts the hidden nodes and ``step`` says whether a node has the step
    activation; ``optimizer`` is the run's (its usual rates judge ``lr``)."""

    goal: Goal
    score: float
    dead: int
    relu: int
    loss_fall: float | None
    span: int = 0
    lr: float = 0.0
    hidden: int = 1
    step: bool = False
    optimizer: str = ""

    @property
    def reasons(self) -> tuple[str, ...]:
        return tuple(reason for reason, _advice in self._findings())

    @property
    def advice(self) -> tuple[str, ...]:
        return tuple(advice for _reason, advice in self._findings())

    def _findings(self) -> list[tuple[str, str]]:
        """(reason, advice) for each thing that held the run back; none when it solved."""
        if self.solved:
            return []
        found = self._structure()
        if found:  # no seed, rate or epoch count helps: say only what does
            return found
        dead, relu, fall, lr = self.dead, self.relu, self.loss_fall, self.lr
        if relu and dead / relu >= DEAD_SHARE:
            found.append((
                _("{dead} of {relu} ReLU units are dead ({share}): they output 0 for "
                  "every row, so they no longer learn.").format(
                    dead=dead, relu=relu, share=percent(dead / relu, digits=0)),
                _("tanh or leaky ReLU for the hidden node (their units cannot die)")))
        low_high = USUAL_LR.get(self.optimizer)
        if low_high is not None and lr > low_high[1] * FAR:
            # the steps overshoot: "a larger rate" (the plateau's advice) would make it worse
            found.append((
                _("The learning rate {lr:g} is far above {optimizer}'s usual {low:g}–{high:g}: "
                  "each step overshoots the bottom of the loss.").format(
                    lr=lr, optimizer=optimizers.title(self.optimizer), low=low_high[0],
                    high=low_high[1]),
                _("a learning rate in the usual range, such as {usual:g} (then Reset weights)"
                  ).format(usual=low_high[1])))
        elif fall is not None and fall > FALLING:
            found.append((
                _("The loss was still falling ({fall} lower over the last {span} "
                  "epochs).").format(fall=percent(fall, digits=0), span=self.span),
                _("more epochs (press Train again to carry on from here)")))
        else:
            found.append((_("The loss has flattened out: the run is stuck where it is."),
                          self._plateau_advice(low_high)))
        return found

    def _plateau_advice(self, low_high: tuple[float, float] | None) -> str:
        """Another start, more hidden units (when there is a hidden node) and a larger rate —
        unless that rate is one the Problems panel would call far too large."""
        lr = self.lr
        larger = _larger(lr)
        if low_high is not None and larger > low_high[1] * FAR:
            if self.hidden:
                return _("another seed (then Reset weights) or more units in the hidden node")
            return _("another seed (then Reset weights)")
        if self.hidden:
            return _("another seed (then Reset weights), more units in the hidden node, or a "
                     "larger learning rate ({larger:g} instead of {lr:g})").format(
                larger=larger, lr=lr)
        return _("another seed (then Reset weights) or a larger learning rate ({larger:g} "
                 "instead of {lr:g})").format(larger=larger, lr=lr)

    def _structure(self) -> list[tuple[str, str]]:
        """What in the network itself keeps it from solving the set, whatever the run."""
        found = []
        if self.step:
            found.append((
                _("The step activation has slope 0 everywhere: no gradient reaches the "
                  "weights, so training cannot change them."),
                _("sigmoid, tanh or ReLU instead of step (step is for weights typed by hand)")))
        if not self.hidden and self.goal.name in NOT_LINEAR:
            found.append((
                _("Without a hidden node the network draws one straight line between the "
                  "classes, and no straight line splits {goal}.").format(goal=_(self.goal.title)),
                _("a Hidden node between the input and the output (a second layer bends the "
                  "line)")))
        return found

    @property
    def solved(self) -> bool:
        return self.score >= self.goal.level

    @property
    def text(self) -> str:
        goal = self.goal
        if self.solved:
            return _("Solved {goal}: {score}.").format(goal=_(goal.title),
                                                       score=goal.words(self.score))
        target = _("all of them") if goal.level == 1 and goal.metric == "accuracy" \
            else goal.words(goal.level)
        return _("Not solved yet: {score} ({goal} needs {target}). {reasons} Try {advice}."
                 ).format(score=goal.words(self.score), goal=_(goal.title), target=target,
                          reasons=" ".join(self.reasons), advice="; ".join(self.advice))


def goal_for(data: DataRef | None) -> Goal | None:
    """The goal of a built-in set with its default noise and classes; None for anything else
    (imported data has no known answer)."""
    if data is None or data.kind != "builtin" or data.name not in GOALS:
        return None
    info = BUILTIN[data.name]
    if data.noise not in (None, info.noise) or data.n_classes not in (None, info.n_classes) \
            or data.n_samples not in (None, info.n_samples):
        return None
    metric = "accuracy" if info.task == "classification" else "r2"
    return Goal(data.name, info.title, metric, GOALS[data.name])


def score(history: History, data: TrainingData, metric: str) -> float | None:
    """The last epoch's ``metric`` over all rows: the parts' values weighted by their sizes."""
    latest = history.latest()
    total = weight = 0.0
    for name, part in data.parts.items():
        value = latest.get(f"{name}_{metric}")
        if part.n and value is not None:
            total += value * part.n
            weight += part.n
    return total / weight if weight else None


def dead_relus(network: Network, x: np.ndarray) -> tuple[int, int]:
    """(dead, all) ReLU units of the hidden nodes: dead when 0 for every row of ``x``."""
    values = network.activations(x[:DEAD_PROBE_ROWS])
    dead = total = 0
    for node in network.spec.nodes:
        if node.kind == "hidden" and node.activation == "relu":
            dead += int(np.count_nonzero(np.all(values[node.id].post <= 0, axis=0)))
            total += node.units
    return dead, total


def loss_fall(history: History) -> float | None:
    """How much the training loss fell over the last TREND_EPOCHS epochs, as a share of where
    it was (None with too short a history)."""
    losses = [v for v in history.epochs["train_loss"][-TREND_EPOCHS - 1:] if v is not None]
    if len(losses) < 2 or not losses[0] > 0:
        return None
    return (losses[0] - losses[-1]) / losses[0]


def diagnose(goal: Goal, network: Network, data: TrainingData, history: History,
             lr: float, optimizer: str = "") -> Diagnosis | None:
    """The verdict on a run that has ended (None before its first epoch); ``optimizer`` is the
    run's name for it ("adam")."""
    value = score(history, data, goal.metric)
    if value is None or not math.isfinite(value):
        return None
    dead, relu = dead_relus(network, data.train.x)
    fall = loss_fall(history)
    nodes = network.spec.nodes
    hidden = sum(node.kind == "hidden" for node in nodes)
    step = any(node.kind != "input" and node.activation == "step" for node in nodes)
    return Diagnosis(goal, value, dead, relu, fall, min(TREND_EPOCHS, history.n_epochs - 1), lr,
                     hidden, step, optimizer)


def _larger(lr: float) -> float:
    """About three times ``lr``, rounded to a number a student would type."""
    value = lr * 3
    digits = -math.floor(math.log10(value))
    return round(value, max(digits, 0))
