"""Bring weights trained elsewhere (say by an exported train.py) back onto a project's network.

The file is an ``.npz`` with the arrays under NetCanvas's names — ``W<edge>``, ``b<node>``,
``gamma<node>``, ``beta<node>`` and, for batch norm, ``mean<node>``, ``var<node>`` — exactly
what ``train.py --out`` writes. Every name and shape is checked against the network and any
mismatch is said in words; nothing is unpickled. A file that numbers its weights and biases by
layer, as the book does (``W1, b1, W2, b2 …`` along a chain of layers: the book's
``sample_weight.pkl`` converted to ``.npz``), is taken with those names moved onto the
network's when they fit it so and not as they are (:func:`layer_renaming`).

Values are checked too: NaN and infinities are refused, and so is any weight, bias, γ or β
larger in size than :data:`core.engine.params.MAX_MAGNITUDE` (1e6, the bound a typed weight
has too; its comment says why: a few layers of such products overflow float32, and 1e308 even
overflows on the way into it). Batch norm's running statistics only need to fit the dtype (a
variance of raw pixel values runs to tens of thousands).
"""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path

import numpy as np

from core.datasets.errors import DataError
from core.datasets.files import DAMAGED_ARCHIVE_ERRORS
from core.datasets.npz_import import ZIP_MAGIC, check_header
from core.engine.params import MAX_MAGNITUDE, bias_name, weight_name
from core.export.common import ExportError, refuse_problems
from core.file_writes import read_reason, streamed
from core.i18n import _
from core.project import Project
from core.project_checks import held_in_words

EMPTY_ZIP = b"PK\x05\x06"  # a zip's end record first: nothing stored before it
PICKLE_PROTOCOL = b"\x80"  # the first byte of a pickle of protocol 2 or later


def read_weights(path: Path) -> dict[str, np.ndarray]:
    """The arrays of ``path`` (ExportError when it is not a readable .npz of plain arrays)."""
    if streamed(path):  # opening it would wait for a writer for ever
        raise ExportError(_("{path} is a pipe or a device, not an .npz file").format(path=path))
    try:
        with open(path, "rb") as handle:
            start = handle.read(4)
            if start[:1] == PICKLE_PROTOCOL:  # the book's sample_weight.pkl (chapter 3)
                raise ExportError(_(
                    "{path} is a Python pickle (as the book's sample_weight.pkl is); NetCanvas "
                    "never loads pickles, as they could run code. If you trust it, convert it "
                    "once in Python: np.savez(\"weights.npz\", **pickle.load(open(\"{name}\", "
                    "\"rb\"))), then import weights.npz").format(path=path, name=path.name))
            if start == EMPTY_ZIP:  # np.savez with no arrays: a zip of nothing
                raise ExportError(_("{path} is an empty .npz file: it holds no arrays — save "
                                    "the weights into it by name (np.savez(\"weights.npz\", "
                                    "W1=..., b1=..., ...))").format(path=path))
            if start != ZIP_MAGIC:  # else np.load would take it for a pickle
                raise ExportError(_("{path} is not an .npz file (NumPy's zip of named "
                                    "arrays)").format(path=path))
        with np.load(path, allow_pickle=False) as archive:
            for key in archive.files:  # a damaged header would make NumPy allocate what it says
                check_header(archive, key, path)
            return {key: archive[key] for key in archive.files}
    except FileNotFoundError:
        raise ExportError(_("{path} does not exist").format(path=path)) from None
    except IsADirectoryError:
        raise ExportError(_("{path} is a folder, not an .npz file").format(path=path)) from None
    except DataError:
        raise ExportError(_("{path} is damaged or incomplete: an array in it cannot be read"
                            ).format(path=path)) from None
    except OSError as exc:
        raise ExportError(_("{path} is not a readable .npz file of weights ({reason})").format(
            path=path, reason=read_reason(exc))) from None
    except DAMAGED_ARCHIVE_ERRORS as exc:
        if "allow_pickle" in str(exc) or "Object arrays" in str(exc):
            raise ExportError(_("{path} holds Python objects; NetCanvas never loads those, "
                                "as they could run code").format(path=path)) from None
        # the library's own words ("File is not a zip file") said nothing in Korean
        raise ExportError(_("{path} is damaged or incomplete: it starts as an .npz file does "
                            "but cannot be read as one — write the weights again").format(
                                path=path)) from None


def weight_problems(project: Project, arrays: dict[str, np.ndarray]) -> list[str]:
    """Every way ``arrays`` does not fit the project's network, in words (empty: they fit)."""
    network = project.build_network()
    missing = _("weight {name} (shape {shape}) is missing")
    missing_statistic = _("batch-norm statistic {name} (shape {shape}) is missing")
    needed = {**{k: (missing, v) for k, v in network.params.items()},
              **{k: (missing_statistic, v) for k, v in network.state.items()}}
    problems = [text.format(name=name, shape=target.shape)
                for name, (text, target) in needed.items() if name not in arrays]
    unexpected = [name for name in arrays if name not in needed]
    if unexpected:
        problems.append(_("the network has no parameter called {names}").format(
            names=", ".join(sorted(unexpected))))
    for name, array in arrays.items():
        if name not in needed:
            continue
        target = needed[name][1]
        if array.dtype.kind != "f":
            problems.append(_("{name} holds {what}, not decimal numbers").format(
                name=name, what=held_in_words(array.dtype)))
        elif array.shape != target.shape:
            problems.append(_("{name} has shape {shape} but the network needs {needed}").format(
                name=name, shape=array.shape, needed=target.shape))
        else:
            problems += value_problems(name, array, name in network.params,
                                       np.dtype(project.settings.dtype))
    return problems


def value_problems(name: str, array: np.ndarray, trained: bool, dtype: np.dtype) -> list[str]:
    """Why the values of ``array`` are not taken for parameter ``name`` of a ``dtype``
    network (``trained``: a weight, bias, γ or β; else a batch-norm statistic), in words;
    empty when they are. The one rule for weights that come from outside — imported, or
    pasted as nodes (a paste took a statistic too big for float32, an import did not)."""
    if not np.isfinite(array).all():
        return [_("{name} holds NaN or infinite values").format(name=name)]
    return _magnitude_problems(name, array, trained, dtype) if array.size else []


def _magnitude_problems(name: str, array: np.ndarray, trained: bool,
                        dtype: np.dtype) -> list[str]:
    """A trained parameter larger in size than MAX_MAGNITUDE (whatever the dtype: the bound is
    float32's, the usual one, and no learnt weight comes near it), or a statistic that does not
    fit ``dtype``, in words (see the module's docstring for why)."""
    largest, top = float(np.max(np.abs(array))), float(np.finfo(dtype).max)
    if trained and largest > MAX_MAGNITUDE:
        return [_("{name} holds a value of {value}; weights, biases, γ and β are taken up to "
                  "{limit} in size: training never makes them that large, and a few layers of "
                  "products of such weights overflow float32 (at most {top})").format(
                      name=name, value=_short(largest), limit=_short(MAX_MAGNITUDE),
                      top=_short(float(np.finfo(np.float32).max)))]
    if largest > top:
        return [_("{name} holds a value of {value}, larger than {dtype} can hold (at most "
                  "{top})").format(name=name, value=_short(largest), dtype=dtype.name,
                                   top=_short(top))]
    return []


def _short(value: float) -> str:
    """1e6, 3.4e38, 1.5e308: three digits, the exponent without "+" or leading zeros."""
    return re.sub(r"e\+?(-?)0*(\d)", r"e\1\2", f"{value:.3g}")


def layer_renaming(project: Project, arrays: dict[str, np.ndarray]) -> dict[str, str]:
    """For ``arrays`` that do not fit the network as they are (:func:`weight_problems` found
    problems): ``{name in the file: name in the network}`` for the names that differ, when
    they number the weights and biases by layer as the book does — ``W<k>``, ``b<k>`` for the
    k-th layer along the forward pass — and fit the network renamed so; else ``{}``. Only for
    a chain of layers without batch norm (the book's own networks): the canvas names a bias
    after its node, so the book's b1 of the first hidden layer is b2 there, and its
    784-50-100-10 weights were refused name by name."""
    network = project.build_network()
    spec = network.spec
    layers = [n for n in spec.order() if spec.node(n).kind != "input"]
    if network.state or any(len(spec.incoming(n)) != 1 for n in layers):
        return {}
    names = {}
    for k, node in enumerate(layers, start=1):
        names[f"W{k}"] = weight_name(spec.incoming(node)[0].id)
        names[f"b{k}"] = bias_name(node)
    if set(arrays) != set(names) or set(names.values()) != set(network.params):
        return {}
    if weight_problems(project, {names[k]: v for k, v in arrays.items()}):
        return {}
    return {old: new for old, new in names.items() if old != new}


def renaming_words(renaming: dict[str, str]) -> str:
    """What :func:`layer_renaming` did, for the window and the command line."""
    return _("its weights are numbered by layer, as the book numbers them, and were taken as "
             "the network names them: {pairs}").format(
        pairs=", ".join(f"{old} → {new}" for old, new in renaming.items()))


def with_weights(project: Project, path: Path) -> Project:
    """A copy of ``project`` holding the weights of ``path`` (ExportError on any mismatch).

    The training history and the optimizer's state are dropped: they went with the old
    weights, not these."""
    return with_weights_renamed(project, path)[0]


def with_weights_renamed(project: Project, path: Path) -> tuple[Project, dict[str, str]]:
    """:func:`with_weights`, and the names :func:`layer_renaming` moved (``{}``: none)."""
    refuse_problems(project)
    arrays = read_weights(path)
    mismatches = weight_problems(project, arrays)
    renaming = layer_renaming(project, arrays) if mismatches else {}
    if renaming:
        arrays = {renaming.get(k, k): v for k, v in arrays.items()}
    elif mismatches:
        raise ExportError(_("{file} does not fit the network: {problems}").format(
            file=path.name, problems="; ".join(mismatches)))
    dtype = np.dtype(project.settings.dtype)
    network = project.build_network()
    params = {k: arrays[k].astype(dtype) for k in network.params}
    state = {k: arrays[k].astype(dtype) for k in network.state}
    return replace(project, params=params, state=state or None, history=None,
                   continuation=None), renaming
