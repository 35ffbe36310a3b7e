"""What every exporter needs from a project, worked out once: the network as plain data, the
weights, the data split, the input scaling and the training settings.

The three exporters (PyTorch, ONNX, NumPy) only translate this :class:`ExportPlan` into their
own language, so they cannot disagree about the graph, the parameter names or which rows were
used for training. Files are written through :func:`staged`: into a temporary sibling first and
renamed into place only when everything is there, so a failure never leaves half an export.
"""

from __future__ import annotations

import os
import re
import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

import numpy as np

from core.datasets import Dataset, FeatureScaling, split
from core.datasets.features import FEATURES, RAW_COLUMN
from core.engine.activations import class_threshold
from core.engine.network import Network
from core.engine.params import param_name
from core.export.render import TEMPLATES
from core.file_writes import (
    NEW_FILE_MODE,
    NEW_FOLDER_MODE,
    landing,
    place_error,
    streamed,
    temporary_prefix,
    write_reason,
)
from core.i18n import _
from core.project import Project
from core.training import measure
from core.training.history import history_to_continue
from core.training.prepare import TrainingData, prepare

PARTS = ("train", "val", "test")


class ExportError(Exception):
    """The project cannot be exported, or the target cannot be written: one sentence."""


@dataclass(frozen=True)
class ExportPlan:
    """A project made ready to leave NetCanvas.

    ``network`` is plain data (see :func:`network_description`); ``params`` and ``state`` hold
    the arrays under NetCanvas's names; ``raw`` the split raw data (``x_train``, ``t_train``, …,
    targets shaped like the output); ``scaling`` the standardisation, if any; ``trained`` says
    whether the weights came from the project or are the initial ones drawn from the seed;
    ``epochs_done`` how many epochs of history Train would go on from (the scripts number
    theirs on from there, as the window does); ``resume`` and ``optimizer_state`` where its
    last run stopped (see :func:`resume_description`).
    """

    title: str
    network: dict[str, Any]
    settings: dict[str, Any]
    params: dict[str, np.ndarray]
    state: dict[str, np.ndarray]
    raw: dict[str, np.ndarray]
    scaling: FeatureScaling | None
    trained: bool
    built: Network
    data: TrainingData
    dataset: Dataset
    epochs_done: int = 0
    resume: dict[str, Any] | None = None
    optimizer_state: dict[str, np.ndarray] = field(default_factory=dict)

    @property
    def raw_columns(self) -> int:
        return int(self.network["raw_columns"])

    @property
    def measured_targets(self) -> dict[str, np.ndarray]:
        """Each part's targets as NetCanvas measures accuracy or R² with: ``y_train``,
        ``y_val``, ``y_test`` (class indices, or the values in float64)."""
        return {f"y_{name}": part.y for name, part in self.data.parts.items()}

    def prepared_inputs(self, raw_x: np.ndarray) -> np.ndarray:
        """What NetCanvas feeds its network for raw rows — the data set's values as stored
        (pixel bytes for images, which it divides by 255) — scaled, then derived features."""
        x, divisor = np.asarray(raw_x, dtype=np.float64), self.network["x_divisor"]
        return self.data.inputs_for(x / divisor if divisor != 1 else x, self.built.dtype)

    def netcanvas_output(self, raw_x: np.ndarray) -> np.ndarray:
        """NetCanvas's own answer for raw rows: the reference every export must reproduce."""
        return self.built.predict(self.prepared_inputs(raw_x))


def refuse_problems(project: Project) -> None:
    """ExportError naming the network's problems, if it has any: neither an export nor an
    import of weights means anything for a network that cannot be built."""
    problems = project.spec.problems()
    if problems:
        raise ExportError(_("the network has problems, fix them first: {problems}").format(
            problems="; ".join(p.message for p in problems)))


def is_trained(project: Project, network: Network) -> bool:
    """Whether the weights are more than the seed's initial ones. A project saved from the
    window always stores its weights, so stored weights alone do not tell: weights equal to the
    seed's draw with no training history are the untrained network they are."""
    if project.params is None:
        return False
    if project.history is not None:
        return True
    initial = replace(project, params=None, state=None).build_network()
    fresh = {**initial.params, **initial.state}
    given = {**network.params, **network.state}
    return fresh.keys() != given.keys() or not all(
        np.array_equal(given[k], v) for k, v in fresh.items())


def plan_export(project: Project, dataset: Dataset | None = None) -> ExportPlan:
    """Check the project and gather everything an exporter writes (ExportError says why not).

    ``dataset``: the project's data set when it is loaded already (the window's), used as it
    is instead of being read again — MNIST read again for an export took 100 MB more for a
    moment, and its split (the raw rows written out) made anew; the window's own split is
    remembered with its data set."""
    refuse_problems(project)
    settings = project.settings
    try:
        if dataset is None:
            dataset = project.data.load()
        network = project.build_network()
        data = prepare(dataset, project.spec, settings.split, settings.seed,
                       settings.standardize, network.dtype)
    except ValueError as exc:  # DataError, DataMismatchError and SpecError are ValueErrors
        raise ExportError(_("the project cannot be trained as it is: {reason}").format(
            reason=exc)) from None
    raw: dict[str, np.ndarray] = {}
    for name, piece in zip(PARTS, split(dataset, settings.split, settings.seed), strict=True):
        raw[f"x_{name}"] = piece.x  # as stored: image bytes stay bytes (8× smaller)
        raw[f"t_{name}"] = data.parts[name].t
    return ExportPlan(
        title=project.title or dataset.name,
        network=network_description(network, dataset.n_features, data.scaling,
                                    task=dataset.task,
                                    x_divisor=dataset.x_divisor),
        settings=settings_description(project),
        params={k: v.copy() for k, v in network.params.items()},
        state={k: v.copy() for k, v in network.state.items()},
        raw=raw, scaling=data.scaling, trained=is_trained(project, network),
        built=network, data=data, dataset=dataset, **resume_description(project, dataset))


def resume_description(project: Project, dataset: Dataset) -> dict[str, Any]:
    """Where the project's last run stopped, when Train would go on from it (on ``dataset``:
    :func:`~core.training.history.history_to_continue`), so that the exported scripts go on
    from there as Train does in NetCanvas (a fresh Adam takes large first steps; the first
    epoch's shuffle would come again): ``epochs_done`` the epochs its history holds (the
    scripts number theirs on from there), ``resume`` the optimizer's step count and the states
    of the shuffling and dropout generators, ``optimizer_state`` the optimizer's arrays as
    ``optim/<slot>/<parameter>`` (``optim/m/W1``). Nothing for a project without one, or
    whose history Train would not continue: the scripts then start afresh, as NetCanvas
    does."""
    history = history_to_continue(project.history, dataset.task)
    if history is None:
        return {}
    held = project.continuation
    if held is None or project.params is None:
        return {"epochs_done": history.n_epochs}
    return {"epochs_done": history.n_epochs,
            "resume": {"step": held.step, "shuffle_rng": held.shuffle_rng,
                       "network_rng": held.network_rng},
            "optimizer_state": held.to_arrays()}


def network_description(network: Network, raw_columns: int,
                        scaling: FeatureScaling | None = None, *, task: str,
                        x_divisor: float = 1.0) -> dict[str, Any]:
    """The DAG as plain lists and strings, in execution order.

    ``x_divisor``: what the raw columns are divided by first (255 for pixel bytes: NetCanvas
    reads images as values from 0 to 1; 1 for other data);
    ``scaling``: the training rows' mean and std per raw column (None: not standardised);
    ``inputs``: each input node with the feature names it takes (raw columns spelled ``x1``…
    so every exporter handles one case); ``layers``: each computed node with its incoming
    ``(source id, weight name)`` pairs and its options and parameter names; ``task``: what the
    outputs are (``classification`` or ``regression``), hence what is measured besides the loss;
    ``class_threshold``: where one output unit splits class 0 from 1 (as the engine's labels).
    """
    spec = network.spec
    inputs, offset = [], 0
    any_features = any(node.features for node in spec.inputs)
    for node in spec.inputs:
        if node.features:
            features = list(node.features)
        elif any_features:
            features = [f"x{k + 1}" for k in range(raw_columns)]
        else:
            features = [f"x{offset + k + 1}" for k in range(node.units)]
        offset += node.units
        inputs.append({"id": node.id, "features": features})
    layers = []
    for node_id in spec.order():
        node = spec.node(node_id)
        if node.kind == "input":
            continue
        layer: dict[str, Any] = {
            "id": node.id, "units": node.units, "activation": node.activation,
            "inputs": [[e.src, param_name("W", e.id)] for e in spec.incoming(node.id)],
            "bias": param_name("b", node.id), "dropout": node.dropout,
            "batch_norm": None,
        }
        if node.batch_norm:
            layer["batch_norm"] = {key: param_name(key, node.id)
                                   for key in ("gamma", "beta", "mean", "var")}
        layers.append(layer)
    scale = None if scaling is None else {"mean": [float(v) for v in scaling.mean],
                                          "std": [float(v) for v in scaling.std]}
    return {"raw_columns": raw_columns, "x_divisor": x_divisor, "scaling": scale,
            "inputs": inputs, "layers": layers, "output": spec.output.id,
            "loss": network.loss_name, "task": task,
            "class_threshold": class_threshold(spec.output.activation),
            "weights": [name for name in network.params if name.startswith("W")]}


def file_stem(name: str) -> str:
    """A name for an export's files from a project's name: its words (letters of any script,
    digits) joined by "_", so that the NumPy script can be imported as a module —
    "XOR, learned" → "XOR_learned" (it was "XOR,_learned.py")."""
    stem = re.sub(r"\W+", "_", name).strip("_") or "network"
    return stem if stem.isidentifier() else f"net_{stem}"


def settings_description(project: Project) -> dict[str, Any]:
    """The training settings an exported script follows, every hyperparameter spelled out."""
    s = project.settings
    options = s.create_optimizer().hyperparameters()
    options.pop("lr")
    return {"optimizer": s.optimizer, "lr": s.lr, "options": options, "epochs": s.epochs,
            "batch_size": s.batch_size, "weight_decay": s.weight_decay, "l1": s.l1,
            "seed": s.seed, "dtype": s.dtype, "target_loss": s.target_loss,
            "early_stopping_patience": s.early_stopping_patience}


def feature_op(name: str) -> tuple[str, tuple[int, ...]]:
    """A feature name as an operation on 0-based columns: ``("column", (k,))``,
    ``("square", (k,))``, ``("product", (0, 1))`` or ``("sin", (k,))``."""
    raw = RAW_COLUMN.fullmatch(name)
    if raw is not None:
        return "column", (int(raw.group(1)) - 1,)
    if name not in FEATURES:
        raise ExportError(_("the input feature {name} cannot be exported").format(
            name=repr(name)))
    if name == "x1*x2":
        return "product", (0, 1)
    column = 0 if "x1" in name else 1
    if name.endswith("^2"):
        return "square", (column,)
    return "sin", (column,)


def evaluation_config() -> dict[str, int]:
    """How the exported scripts measure each part after an epoch, taken from the trainer's own
    measuring (read when an export is written, so the scripts follow it): at most ``EVAL_ROWS``
    rows, ``EVAL_CHUNK`` at a time. For :func:`render_template`."""
    return {"EVAL_ROWS": measure.MAX_EVAL_ROWS, "EVAL_CHUNK": measure.EVAL_CHUNK}


# ----------------------------------------------------------------------------- writing
def write_npz(path: Path, arrays: dict[str, np.ndarray]) -> None:
    """Plain arrays only: np.load(..., allow_pickle=False) reads them back."""
    with open(path, "wb") as handle:
        np.savez(handle, **{k: np.asarray(v) for k, v in arrays.items()})


#: what a PyTorch export's folder holds (and Python's cache of its model.py): a folder that
#: holds anything else is never replaced — ``--out . --force`` deleted the whole folder
EXPORT_FOLDER_NAMES = frozenset({"model.py", "train.py", "README.md", "weights.npz",
                                 "data.npz", "optimizer.npz", "__pycache__"})
#: what a file manager leaves in any folder it shows (not the student's work)
LITTER = frozenset({".DS_Store", "Thumbs.db", "desktop.ini"})  # i18n: not ui


def _not_an_export(folder: Path) -> list[str]:
    """The names in ``folder`` that show it is not (only) an earlier PyTorch export: any name
    an export does not write, or a model.py that does not begin as NetCanvas writes it — a
    student's own model.py, train.py and README.md have the same names."""
    names = {p.name for p in folder.iterdir()} - LITTER
    others = sorted(names - EXPORT_FOLDER_NAMES)
    if names and not others and not _written_by_netcanvas(folder / "model.py"):
        others = ["model.py"] if "model.py" in names else sorted(names)
    return others


def pytorch_model_mark() -> str:
    """The first line of every model.py a PyTorch export writes: what tells an earlier export
    from a student's own folder."""
    return (TEMPLATES / "torch_model.py").read_text(encoding="utf-8").partition("\n")[0]


def _written_by_netcanvas(model: Path) -> bool:
    try:
        with open(model, encoding="utf-8") as handle:
            return handle.readline().rstrip("\n") == pytorch_model_mark()
    except (OSError, UnicodeDecodeError):
        return False


def check_target(path: Path, force: bool, folder: bool = False) -> None:
    """Refuse a target that exists and holds something, unless ``force``; refuse, even with
    ``force``, a target the file system would refuse — its folder missing, a file or not
    writable, or the target a read-only file (a rename would replace it all the same) — in
    the words a save uses (:func:`core.file_writes.place_error`), a pipe or a device (a
    rename replaced it by a file, its reader getting nothing), the folder one is in (``--out
    .``) or one holding it, and a folder that holds more than an earlier export."""
    path = Path(os.path.abspath(path))  # "." has no name to write beside
    problem = place_error(path)
    if problem is not None:
        raise _write_error(problem, path)
    if streamed(path):
        raise ExportError(_("{path} is a pipe or a device; give a file name").format(path=path))
    if path.is_dir() and not folder:
        raise ExportError(_("{path} is a folder; give a file name").format(path=path))
    if path.exists() and not path.is_dir() and folder:
        raise ExportError(_("{path} is a file; give a new folder name").format(path=path))
    if folder and path.is_dir() and Path.cwd().resolve().is_relative_to(path.resolve()):
        raise ExportError(_("{path} is the folder you are in (or holds it), so it is never "
                            "replaced; give a new folder name").format(path=path))
    others = _not_an_export(path) if folder and path.is_dir() else []
    if others:
        shown = ", ".join(others[:3]) + (", …" if len(others) > 3 else "")
        raise ExportError(_("{path} holds files that are not an export's ({names}), so it is "
                            "never replaced; give a new folder name").format(path=path,
                                                                            names=shown))
    exists = path.is_dir() and any(path.iterdir()) if folder else \
        path.exists() and path.stat().st_size > 0
    if exists and not force:
        raise ExportError(_("{path} exists already; use --force to replace it").format(
            path=path))


@contextmanager
def staged(targets: list[Path], folder: bool = False) -> Iterator[list[Path]]:
    """Temporary siblings of ``targets`` to write into; renamed onto the targets only if the
    block finishes, removed otherwise (so nothing is ever half-written)."""
    temporaries: list[Path] = []
    targets = [landing(Path(os.path.abspath(target))) for target in targets]  # a link's file
    # or folder is replaced; "." made absolute has a name to write beside
    try:
        for target in targets:
            parent = target.absolute().parent
            if folder:
                temporaries.append(Path(tempfile.mkdtemp(
                    dir=parent, prefix=temporary_prefix(target.name))))
            else:
                fd, name = tempfile.mkstemp(dir=parent, prefix=temporary_prefix(target.name),
                                            suffix=".tmp")
                os.close(fd)
                temporaries.append(Path(name))
    except OSError as exc:
        _remove(temporaries)
        raise _write_error(exc, targets[0]) from None
    try:
        yield temporaries
        for temporary, target in zip(temporaries, targets, strict=True):
            _move_into_place(temporary, target)
    except OSError as exc:
        raise _write_error(exc, targets[0]) from None
    finally:
        _remove(temporaries)


def _write_error(exc: OSError, target: Path) -> ExportError:
    """The export of ``target`` failed: why, in words (the disk is full, the name too long…)."""
    return ExportError(_("cannot write {path}: {reason}").format(
        path=target, reason=write_reason(exc, target.absolute())))


def _move_into_place(temporary: Path, target: Path) -> None:
    if temporary.is_dir():
        temporary.chmod(NEW_FOLDER_MODE)  # mkdtemp makes a private folder
        if target.is_dir():
            shutil.rmtree(target)
    else:
        temporary.chmod(NEW_FILE_MODE)
    os.replace(temporary, target)


def _remove(paths: list[Path]) -> None:
    for path in paths:
        if path.is_dir():
            shutil.rmtree(path, ignore_errors=True)
        else:
            path.unlink(missing_ok=True)
