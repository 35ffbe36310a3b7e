"""The teaching lint: set-ups that build and train, but teach the wrong lesson or waste a run.

:func:`core.spec.NetworkSpec.problems` refuses what cannot work; this module only *warns*, and
never blocks: a student may build a linear network on purpose to see it fail. Each warning has
an ``id``, a one-line ``message``, a one-line ``why`` and the ``lab`` that shows the effect
(lab keys: perceptron, activations, comp_graph, optimizer_race, initialization,
regularization, search — the stems of the lab modules), so a window can offer "show me".

Rules that need the data (classes, training rows, feature ranges) are skipped when no data
set is given. The thresholds are deliberately loose — a warning should be worth reading — and
set so the bundled examples stay silent, except the overfitting example, whose lesson the
overfitting warning is.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Collection
from dataclasses import dataclass

import numpy as np

from core import count_words
from core.datasets import DataError, Dataset, split
from core.engine import activations, initializers, optimizers, params
from core.i18n import N_, _, ngettext
from core.project import Project
from core.spec import NetworkSpec, NodeSpec
from core.training.prepare import DataMismatchError, input_columns
from core.training.settings import TrainingSettings

LABS = ("perceptron", "activations", "comp_graph", "optimizer_race", "initialization",
        "regularization", "search")

SATURATING = ("sigmoid", "tanh")
RELU_LIKE = ("relu", "leaky_relu")
SATURATING_SPREAD = 2.0  # std·√n of Σx·W beyond which sigmoid/tanh sit in their flat tails
TINY_FRACTION = 0.1  # a std below this share of He's is "tiny" for ReLU
# The learning rates each optimizer usually trains networks with (the book's and common
# practice); a rate more than FAR times outside them is flagged.
USUAL_LR: dict[str, tuple[float, float]] = {
    "sgd": (1e-3, 1.0), "momentum": (1e-3, 1.0), "nesterov": (1e-3, 1.0),
    "adagrad": (1e-3, 1.0), "rmsprop": (1e-4, 1e-2), "adam": (1e-4, 1e-2),
}
FAR = 10.0
RANGE_RATIO = 50.0  # digits' pixels share one 0–16 scale and differ by at most 16×
LARGE_INPUT = 20.0  # digits' 0–16 pixels train well unscaled; bytes up to 255 do not
PARAMS_PER_ROW = 50.0  # the book's overfitting set-up has ~190 parameters per training row
MIN_ROWS_FOR_VALIDATION = 20  # below this (a truth table) every row is needed, in every step
# What an output activation can give: (lowest, highest, in words); the step gives only the ends.
REACH: dict[str, tuple[float, float, str]] = {
    "sigmoid": (0.0, 1.0, N_("values between 0 and 1")),
    "softmax": (0.0, 1.0, N_("values between 0 and 1")),
    "tanh": (-1.0, 1.0, N_("values between −1 and 1")),
    "relu": (0.0, math.inf, N_("values of 0 or more")),
    "step": (0.0, 1.0, N_("only 0 or 1")),
}


@dataclass(frozen=True)
class LintWarning:
    """One warning: ``nodes`` lists the node ids it is about (empty: the whole project)."""

    id: str
    message: str
    why: str
    lab: str
    nodes: tuple[str, ...] = ()

    @property
    def text(self) -> str:
        """The warning on one line, for the command line."""
        return _("{message} [{id}; lab: {lab}]").format(message=self.message, id=self.id,
                                                        lab=self.lab)


@dataclass(frozen=True, eq=False)
class _Facts:
    """What the rules look at: the spec, the settings, the data and its training part."""

    spec: NetworkSpec
    settings: TrainingSettings
    dataset: Dataset | None
    train: Dataset | None
    searching: bool

    @property
    def hidden(self) -> list[NodeSpec]:
        return self.spec.nodes_of_kind("hidden")


Rule = Callable[[_Facts], list[LintWarning]]


def lint(spec: NetworkSpec, settings: TrainingSettings, dataset: Dataset | None = None, *,
         searching: bool = False, dismissed: Collection[str] = ()) -> list[LintWarning]:
    """Every warning for this network, settings and (optionally) data, in rule order.

    ``searching``: a hyperparameter search is about to run, so a validation part is needed
    whatever the data's size. ``dismissed``: warning ids the project shows on purpose (the
    overfitting example overfits to teach it), left out. A spec that cannot be built gets no
    warnings: its problems come first (:meth:`NetworkSpec.problems`)."""
    if spec.problems():
        return []
    train = None
    if dataset is not None:
        try:
            train = split(dataset, settings.split, settings.seed)[0]
        except DataError:
            train = None
    facts = _Facts(spec, settings, dataset, train, searching)
    return [warning for rule in RULES for warning in rule(facts) if warning.id not in dismissed]


def lint_project(project: Project, dataset: Dataset | None = None, *, searching: bool = False
                 ) -> list[LintWarning]:
    """:func:`lint` on a project, loading its data set unless given."""
    dataset = project.data.load() if dataset is None else dataset
    return lint(project.spec, project.settings, dataset, searching=searching,
                dismissed=project.dismissed_warnings)


def _names(nodes: list[NodeSpec]) -> str:
    return ", ".join(n.label for n in nodes)


# ----------------------------------------------------------------------------- the network
def linear_network(f: _Facts) -> list[LintWarning]:
    if not f.hidden or any(n.activation != "identity" for n in f.hidden):
        return []
    return [LintWarning(
        "linear_network",
        ngettext("the network is linear: it computes the same as one layer ({nodes} uses the "
                 "identity activation)",
                 "the network is linear: it computes the same as one layer ({nodes} use the "
                 "identity activation)", len(f.hidden)).format(nodes=_names(f.hidden)),
        ngettext("stacked linear maps collapse into one (W3·W2·W1·x = K·x); give the hidden node "
                 "a non-linear activation such as ReLU",
                 "stacked linear maps collapse into one (W3·W2·W1·x = K·x); give the hidden "
                 "nodes a non-linear activation such as ReLU", len(f.hidden)),
        "activations", tuple(n.id for n in f.hidden))]


def step_hidden(f: _Facts) -> list[LintWarning]:
    nodes = [n for n in f.hidden if n.activation == "step"]
    if not nodes:
        return []
    return [LintWarning(
        "step_hidden",
        ngettext("{nodes} uses the step function: training never changes the weights into it "
                 "(its slope is 0 wherever it is not a jump)",
                 "{nodes} use the step function: training never changes the weights into them "
                 "(its slope is 0 wherever it is not a jump)", len(nodes)).format(
            nodes=_names(nodes)),
        _("backprop multiplies by the activation's slope, as the book says of the step "
          "function: set such weights by hand (as for XOR), or give the node sigmoid or ReLU "
          "to learn them"), "activations", tuple(n.id for n in nodes))]


def saturating_init(f: _Facts) -> list[LintWarning]:
    found = []
    for node in f.hidden:
        spread = node.init_std * math.sqrt(f.spec.fan_in(node.id))
        if node.activation in SATURATING and node.init == "std" and spread >= SATURATING_SPREAD:
            found.append(LintWarning(
                "saturating_init",
                _("{node}: {activation} with weights of std {std:g} saturates (its z spreads "
                  "about ±{spread:.1f})").format(node=node.label,
                                                 activation=activations.title(node.activation),
                                                 std=node.init_std, spread=spread),
                _("in its flat tails the {activation}'s slope is almost 0, so δ vanishes on the "
                  "way back; Xavier (std √(1/n)) keeps it in the middle").format(
                    activation=activations.title(node.activation)), "initialization",
                (node.id,)))
    return found


def relu_init(f: _Facts) -> list[LintWarning]:
    found = []
    for node in f.hidden:
        if node.activation not in RELU_LIKE:
            continue
        he = initializers.scale("he", f.spec.fan_in(node.id))
        if node.init == "xavier":
            message = _("{node}: ReLU with Xavier init shrinks the signal layer after layer")
        elif node.init == "std" and node.init_std < TINY_FRACTION * he:
            message = _("{node}: ReLU with weights of std {std:g} (He would be {he:.3g}) shrinks "
                        "the signal layer after layer")
        else:
            continue
        found.append(LintWarning(
            "relu_init", message.format(node=node.label, std=node.init_std, he=he),
            _("ReLU zeroes about half its inputs, so it needs He's √2 larger std √(2/n) to keep "
              "each layer's spread"), "initialization", (node.id,)))
    return found


def softmax_with_mse(f: _Facts) -> list[LintWarning]:
    out = f.spec.output
    if out.activation != "softmax" or out.loss != "mse":
        return []
    return [LintWarning(
        "softmax_with_mse", _("the softmax output is trained with MSE instead of cross-entropy"),
        _("with cross-entropy δ = y − t; with MSE the softmax's slope multiplies in and a "
          "confidently wrong answer barely learns"), "activations", (out.id,))]


# ----------------------------------------------------------------------------- output vs data
def sigmoid_for_many_classes(f: _Facts) -> list[LintWarning]:
    out = f.spec.output
    data = f.dataset
    if data is None or data.task != "classification" or data.n_classes <= 2 \
            or out.activation != "sigmoid":
        return []
    return [LintWarning(
        "sigmoid_for_many_classes",
        _("a sigmoid output for {n} classes: use softmax with cross-entropy").format(
            n=data.n_classes),
        _("sigmoids score each class on its own and their answers need not sum to 1; softmax "
          "chooses one class of several"), "activations", (out.id,))]


def output_units(f: _Facts) -> list[LintWarning]:
    out, data = f.spec.output, f.dataset
    if data is None:
        return []
    if data.task == "classification":
        if out.units == data.n_classes or (out.units == 1 and data.n_classes == 2):
            return []
        message = _("the output has {units} but the data has {n}").format(
            units=count_words.units(out.units), n=count_words.classes(data.n_classes))
    elif out.units != data.n_outputs:
        message = _("the output has {units} but the data has {n} per row").format(
            units=count_words.units(out.units), n=count_words.target_values(data.n_outputs))
    else:
        return []
    return [LintWarning(
        "output_units", message,
        _("the output needs one unit per class (one sigmoid unit for a yes/no answer) or per "
          "target value; training refuses to start until they match"), "perceptron", (out.id,))]


def output_range(f: _Facts) -> list[LintWarning]:
    out, data = f.spec.output, f.dataset
    if data is None or data.task != "regression" or out.activation not in REACH:
        return []
    low, high, words = REACH[out.activation]
    targets = np.asarray(data.y, dtype=np.float64)
    targets = targets[np.isfinite(targets)]
    if out.activation == "step":
        outside = ~np.isin(targets, (low, high))
    else:
        outside = (targets < low) | (targets > high)
    if targets.size == 0 or not outside.any():
        return []
    return [LintWarning(
        "output_range",
        _("the targets run from {low:g} to {high:g}, but the {activation} output can only give "
          "{reach}: it can never reach the targets outside that").format(
            low=targets.min(), high=targets.max(),
            activation=activations.title(out.activation), reach=_(words)),
        _("the output's activation bounds every answer the network gives; for regression give "
          "the output the identity activation"), "activations", (out.id,))]


# ----------------------------------------------------------------------------- settings
def learning_rate(f: _Facts) -> list[LintWarning]:
    s = f.settings
    low, high = USUAL_LR[s.optimizer]
    if low / FAR <= s.lr <= high * FAR:
        return []
    if s.lr > high * FAR:
        message = _("learning rate {lr:g} is far outside {optimizer}'s usual {low:g}–{high:g}: "
                    "too large: the loss will jump about or diverge")
    else:
        message = _("learning rate {lr:g} is far outside {optimizer}'s usual {low:g}–{high:g}: "
                    "too small: the weights will hardly move")
    return [LintWarning(
        "learning_rate", message.format(lr=s.lr, optimizer=optimizers.title(s.optimizer), low=low,
                                       high=high),
        _("each step moves the weights by the rate times the gradient; the optimizer race shows "
          "rates that crawl and rates that blow up"), "optimizer_race")]


def unscaled_features(f: _Facts) -> list[LintWarning]:
    if f.settings.standardize or f.train is None or f.train.n_samples < 2:
        return []
    try:
        if any(node.features for node in f.spec.inputs):
            columns = input_columns(f.spec, f.train.features())
            low, high = columns.min(axis=0), columns.max(axis=0)
        else:  # the raw columns go in: their ranges without converting all the rows
            input_columns(f.spec, f.train.features(slice(0, 1)))  # do they fit the input?
            low, high = f.train.feature_bounds()
        ranges = high - low
    except (DataMismatchError, DataError):
        return []
    nodes = tuple(n.id for n in f.spec.inputs)
    positive = ranges[ranges > 0]
    if positive.size >= 2 and positive.max() > RANGE_RATIO * positive.min():
        return [LintWarning(
            "unscaled_features",
            _("the input features' ranges differ {ratio:.0f}-fold and standardisation is off"
              ).format(ratio=positive.max() / positive.min()),
            _("the loss becomes a long narrow valley that gradient descent zig-zags across; "
              "turn on standardisation"), "optimizer_race", nodes)]
    # pixels imported as bytes (0–255) from NPZ or CSV: a 784-100-10 network reached 64 %
    # where the same images scaled to [0, 1] reach 95 %, and nothing said why
    largest = float(max(np.max(np.abs(low), initial=0.0), np.max(np.abs(high), initial=0.0)))
    if largest <= LARGE_INPUT:
        return []
    return [LintWarning(
        "unscaled_features",
        _("the input features reach {value:g} and standardisation is off").format(
            value=largest),
        _("inputs that large make the first layer's sums huge, so outputs saturate and "
          "training crawls; divide pixel values by 255 (the book's normalize=True) or turn on "
          "standardisation"), "optimizer_race", nodes)]


def overfitting_risk(f: _Facts) -> list[LintWarning]:
    s = f.settings
    if f.train is None or f.train.n_samples == 0:
        return []
    if s.weight_decay or s.l1 or s.early_stopping_patience is not None \
            or any(n.dropout > 0 for n in f.spec.nodes):
        return []
    n_params = sum(math.prod(shape) for shape in params.shapes(f.spec).values())
    rows = f.train.n_samples
    if n_params <= PARAMS_PER_ROW * rows:
        return []
    return [LintWarning(
        "overfitting_risk",
        _("{n:,} parameters for {rows:,} training rows and no regularisation: expect to "
          "overfit").format(n=n_params, rows=rows),
        _("a network this large can memorise its training rows; weight decay, dropout or more "
          "data narrow the gap between training and test accuracy"), "regularization")]


def batch_size(f: _Facts) -> list[LintWarning]:
    if f.train is None or f.settings.batch_size <= f.train.n_samples:
        return []
    rows = f.train.n_samples
    if rows < MIN_ROWS_FOR_VALIDATION:
        # a truth table: full batch is the only sensible way, and the default batch size (32)
        # put an orange warning under every gate a student built from scratch
        return []
    return [LintWarning(
        "batch_size",
        _("batch size {size} is larger than the {rows} training rows: every batch is the whole "
          "training part").format(size=f.settings.batch_size, rows=rows),
        _("training uses at most all the rows per step, so this is full-batch gradient descent "
          "with no mini-batch noise"), "optimizer_race")]


def search_without_validation(f: _Facts) -> list[LintWarning]:
    if f.settings.split[1] > 0:
        return []
    if not f.searching and (f.dataset is None or f.dataset.n_samples < MIN_ROWS_FOR_VALIDATION):
        return []
    return [LintWarning(
        "search_without_validation",
        _("the validation part of the split is 0: a hyperparameter search has no rows to judge "
          "its trials on"),
        _("choose hyperparameters on validation rows, never on the test rows, or the test score "
          "stops being an honest estimate"), "search")]


RULES: tuple[Rule, ...] = (
    linear_network, step_hidden, saturating_init, relu_init, softmax_with_mse,
    sigmoid_for_many_classes, output_units, output_range, learning_rate, unscaled_features,
    overfitting_risk, batch_size, search_without_validation)
