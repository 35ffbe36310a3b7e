"""Explain a project's own data row: which row, in which part, and the numbers as JSON or text.

The row is taken from the project's data set exactly as training sees it — the same split
(seed and fractions), the same standardisation (the training part's mean and std) and the same
derived input features — so the numbers are those of the network the student trained.
"""

from __future__ import annotations

import json
import math
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, replace

import numpy as np

from core.datasets import Dataset
from core.datasets.images import part_rows
from core.datasets.targets import class_words
from core.engine import losses
from core.engine.network import Network, build
from core.explain.steps import PHASE_WORDS, Step, build_steps, called
from core.explain.trace import RowTrace, trace_row
from core.i18n import N_, _, ngettext
from core.project import Project
from core.training.prepare import prepare

#: Where a row is, by the part it lands in (marked only; worded by :attr:`Explanation.where`).
WHERE = {
    "train": N_("data-set row {sample} (of 0–{last}), row {row} of the training part "
                "({size} rows)"),
    "val": N_("data-set row {sample} (of 0–{last}), row {row} of the validation part "
              "({size} rows)"),
    "test": N_("data-set row {sample} (of 0–{last}), row {row} of the test part ({size} rows)"),
}
SHOWN_VALUES = 8  # a table shows this many values of a longer vector
FEATURES_SHOWN = 6  # the row's inputs named, of a longer row


@dataclass(frozen=True, eq=False)
class Explanation:
    """A row traced through a project's network: ``sample`` is the row of the data set, found
    as row ``part_row`` of the ``part`` (``"train"``, ``"val"`` or ``"test"``); ``typed`` the
    raw inputs a student put in place of the row's own (None: the row's)."""

    title: str
    sample: int
    n_samples: int
    part: str
    part_row: int
    part_size: int
    trained: bool
    trace: RowTrace
    steps: list[Step]
    typed: tuple[float, ...] | None = None

    @property
    def where(self) -> str:
        """``data-set row 3 (of 0–3), row 1 of the training part (4 rows)``, for people."""
        where = _(WHERE[self.part]).format(sample=self.sample, last=self.n_samples - 1,
                                           row=self.part_row, size=self.part_size)
        if self.typed is not None:
            where = _("{where}; typed inputs with this row's target").format(where=where)
        return where


def explain(project: Project, sample: int = 0, dataset: Dataset | None = None,
            inputs: Sequence[float] | None = None) -> Explanation:
    """Trace row ``sample`` of the project's data set (loaded unless given) through its network:
    the saved weights, or the seed's initial ones when it has none. ``inputs``: raw feature
    values to trace instead of the row's own (scaled and featurised as the row would be),
    with the row's target — "what if this pixel were brighter?".

    Raises ValueError (in words) for a row that does not exist or inputs of the wrong
    length; DataError or DataMismatchError when the data does not fit the network, as
    training would."""
    dataset = project.data.load() if dataset is None else dataset
    if isinstance(sample, bool) or not isinstance(sample, int | np.integer):
        raise ValueError(_("the sample must be a row number, not {value}").format(
            value=repr(sample)))
    if not 0 <= sample < dataset.n_samples:
        raise ValueError(_("there is no sample {sample}: the data set has {n} rows, numbered 0 "
                           "to {last}").format(sample=sample, n=dataset.n_samples,
                                               last=dataset.n_samples - 1))
    s = project.settings
    data = prepare(dataset, project.spec, s.split, s.seed, s.standardize, np.float64)
    part, row = _locate(dataset, s.split, s.seed, int(sample))
    chosen = data.parts[part]
    x = chosen.x[row]
    if inputs is not None:
        inputs = tuple(float(v) for v in inputs)
        if len(inputs) != dataset.n_features:
            raise ValueError(ngettext("give {n} input value, one per feature ({names}), not "
                                      "{given}",
                                      "give {n} input values, one per feature ({names}), not "
                                      "{given}", dataset.n_features).format(n=dataset.n_features,
                                                 names=", ".join(dataset.feature_names),
                                                 given=len(inputs)))
        x = data.inputs_for(np.array([inputs]), np.float64)[0]
    trace = trace_row(explained_network(project), x, chosen.t[row])
    return Explanation(project.title, int(sample), dataset.n_samples, part, row, chosen.n,
                       project.params is not None, trace, build_steps(trace), inputs)


def explained_network(project: Project) -> Network:
    """The network Explain traces: the project's weights (or the seed's initial ones) in
    float64 and without weight decay, so its loss is the row's data loss. It runs in inference
    mode only (no dropout masks), so saved weights are loaded without drawing the seed's."""
    saved = project.params is not None
    network = build(project.spec, seed=project.settings.seed, dtype=np.float64, draw=not saved)
    if saved:
        network.load_params(project.params, project.state or {})
    return network


def _locate(dataset: Dataset, fractions: tuple[float, float, float], seed: int, sample: int
            ) -> tuple[str, int]:
    """Which part a data-set row lands in, and where, as training splits it (a data set's own
    test part included: MNIST's row 69999 was said to be a training row, and that other row
    was traced)."""
    for name, rows in part_rows(dataset, fractions, seed).items():
        found = np.flatnonzero(rows == sample)
        if found.size:
            return name, int(found[0])
    raise AssertionError("a split keeps every row")  # pragma: no cover


# ----------------------------------------------------------------------------- output
def row_words(dataset: Dataset, explanation: Explanation) -> str:
    """The row's raw inputs and its target, as the window's Explain and ``netcanvas explain``
    say them: ``x1 = 1, x2 = 0 → target class 1`` (the first features of a longer row); the
    inputs a student typed instead, when traced so (they said the row's own beside a canvas
    tracing the typed ones)."""
    sample = explanation.sample
    typed = explanation.typed
    x = dataset.features(sample) if typed is None else np.asarray(typed, dtype=np.float64)
    inputs = ", ".join(f"{_(name)} = {value:.4g}" for name, value
                       in zip(dataset.feature_names[:FEATURES_SHOWN], x, strict=False))
    if x.size > FEATURES_SHOWN:
        inputs = _("{inputs}, … ({n} features)").format(inputs=inputs, n=x.size)
    y = dataset.y[sample]
    if dataset.task == "classification":
        target = class_words(dataset.class_names[int(y)])
    else:
        target = ", ".join(f"{v:.4g}" for v in np.ravel(y))
    return _("{inputs} → target {target}").format(inputs=inputs, target=target)


def to_json(explanation: Explanation) -> dict:
    """``{"loss": L, "nodes": {id: {"z", "a", "delta"}}, "gradients": {name: nested lists}}``
    (plain Python numbers, ready for :func:`json.dumps`)."""
    trace = explanation.trace
    return {
        "loss": trace.loss,
        "nodes": {node_id: {"z": node.z.tolist(), "a": node.a.tolist(),
                            "delta": node.delta.tolist()}
                  for node_id, node in trace.nodes.items()},
        "gradients": {name: np.asarray(grad).tolist() for name, grad in trace.gradients.items()},
    }


def json_text(explanation: Explanation) -> str:
    """:func:`to_json` as one line of JSON text, NaN and infinities as null: JSON has no such
    numbers, and json.dumps's NaN and Infinity are refused by strict readers (jq, browsers)."""
    return json.dumps(_finite(to_json(explanation)), allow_nan=False)


def _finite(value: object) -> object:
    """``value`` with every float that is not finite replaced by None, nested lists and dicts
    too."""
    if isinstance(value, float):
        return value if math.isfinite(value) else None
    if isinstance(value, list):
        return [_finite(v) for v in value]
    if isinstance(value, dict):
        return {k: _finite(v) for k, v in value.items()}
    return value


def format_table(explanation: Explanation, dataset: Dataset | None = None) -> str:
    """The steps as a readable table: which row (its inputs and target when ``dataset``, the
    one explained, is given), the forward pass, the loss, the backward pass and every gradient,
    one line per step (long vectors shortened), in the current language."""
    trace = explanation.trace
    weights = _("saved weights") if explanation.trained else \
        _("initial weights (not trained yet)")
    # a built-in example's title is in the catalogue, as check and the window say it
    title = _(explanation.title) if explanation.title else _("project")
    lines = [_("explain: {title} — {where}").format(title=title, where=explanation.where),
             *([f"  {row_words(dataset, explanation)}"] if dataset is not None else []),
             _("  {weights}; inference mode (batch norm uses its running averages, no "
               "dropout); float64").format(weights=weights),
             _("  z is the pre-activation after batch norm, a the activation, δ = ∂L/∂z")]
    phase = None
    for step in build_steps(trace):
        if step.phase != phase:
            phase = step.phase
            lines.append("")
            lines.append(_(PHASE_WORDS[phase]))
        lines.append(f"  {step.title}: {step.rule}")
        for symbol, value in step.values.items():
            lines.append(f"      {pad(symbol, 10)} = {vector_text(value)}")
    lines.append("")
    lines.append(_("loss {loss} ({name}, this row, no weight decay)").format(
        loss=f"{trace.loss:.6g}", name=losses.title(trace.loss_name)))
    lines += _node_table(trace)
    lines.append(_("gradients ∂L/∂parameter"))
    width = max((len(n) for n in trace.gradients), default=1)
    for name, grad in trace.gradients.items():
        shape = "×".join(str(d) for d in np.shape(grad))
        norm = f"{np.linalg.norm(grad):.4g}"
        lines.append(f"  {name:<{width}}  {shape:<8} |g| = {norm}")  # i18n: not ui (symbols)
    return "\n".join(lines)


def _node_table(trace: RowTrace) -> list[str]:
    """One row per node: z, a and δ side by side (the first values of each)."""
    cells = [(_("node"), _("units"), "z", "a", "δ")]
    for node_id, node in trace.nodes.items():
        cells.append((called(trace.spec, node_id), str(node.a.size), _short(node.z), _short(node.a),
                      _short(node.delta)))
    widths = [max(display_width(row[i]) for row in cells) for i in range(5)]
    return [_("nodes")] + ["  " + "  ".join(pad(c, w) for c, w in zip(row, widths, strict=True))
                           .rstrip() for row in cells]


def display_width(text: str) -> int:
    """Columns ``text`` takes in a terminal: Hangul and other wide characters take two."""
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def pad(text: str, width: int) -> str:
    """``text`` padded with spaces to ``width`` terminal columns (``str.ljust`` for wide text)."""
    return text + " " * max(0, width - display_width(text))


def _short(value: np.ndarray, count: int = 3) -> str:
    shown = " ".join(f"{v:.4g}" for v in value[:count])
    return shown + (" …" if value.size > count else "")


def vector_text(value: np.ndarray) -> str:
    """``[0.5, -1.25, … (64 values)] 8×8``: a vector or matrix on one line, as the table and
    the window's Explain panel print it."""
    flat = np.asarray(value, dtype=np.float64).ravel()
    shown = [f"{v:.6g}" for v in flat[:SHOWN_VALUES]]
    if flat.size > SHOWN_VALUES:
        shown.append(_("… ({n} values)").format(n=flat.size))
    shape = f" {'×'.join(map(str, np.shape(value)))}" if np.ndim(value) > 1 else ""
    return f"[{', '.join(shown)}]{shape}"


def in_current_language(explanation: Explanation) -> Explanation:
    """The same explanation with its steps worded again in the current language (the numbers
    are kept): what a window shows after the language changes."""
    return replace(explanation, steps=build_steps(explanation.trace))
