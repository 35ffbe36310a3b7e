"""Project files: one ``.netcanvas`` file holds a whole project.

The file is a zip archive with two members (and an optional third):

- ``project.json`` — ``format``, ``schema_version`` (2 or 3, see below), ``title``,
  ``description``, the network spec (with canvas positions), the training settings, the data
  reference, the history and (when there are any) the training ``runs``
  (:mod:`core.training.runs`);
- ``weights.npz`` — NumPy ``.npz`` arrays: ``params/<name>`` (trained weights), ``state/<name>``
  (batch-norm statistics), ``optim/<slot>/<name>`` (the optimizer's state, e.g. ``optim/m/W1``)
  and, for imported data, ``data/x`` and ``data/y``;
- optionally ``timeline.npz`` — the last run's per-epoch weights
  (:meth:`core.training.timeline.Timeline.to_arrays`). Readers that do not know it ignore it,
  so it needs no new schema version.

``history`` is the history that goes with the saved weights: the next training continues it.
Each run keeps the history it ended with, so right after a run the two are equal; they are kept
apart because they answer different questions and part ways — Reset Weights or imported weights
clear the weights' history but not what was run, and deleting a run record leaves the weights
and their history as they are. Schema 1 (before runs were recorded) is still read: its history
becomes run 1.

A file gets the lowest schema version that describes it
(:func:`core.training.runs.schema_version_for`): 3 when a run holds a field a schema-2 reader
refuses (:data:`core.training.runs.NEW_IN_3`), so that reader says to update NetCanvas instead
of naming unknown fields; otherwise 2, which it opens.
Versions 1 to 3 are read; a higher one was made by a newer NetCanvas.

A trained project may also hold a top-level ``continuation`` object (the optimizer's name and
step count, the shuffling and dropout generators' positions) that, with the ``optim/`` arrays,
lets the next run carry on exactly where the last one stopped (:mod:`core.training.resume`).
Files without it are read as before, and the next run starts its optimizer afresh. State that
does not fit the network (names, shapes, slots) is damage and refused like bad weights; state
of an optimizer other than the settings' one (the setting was changed since, e.g. by hand) is
dropped, as the new optimizer starts afresh anyway.

Files are written atomically (a temporary file in the same folder, then ``os.replace``), so a
crash never leaves half a project. Reading trusts nothing: sizes are checked before anything is
unpacked (zip bombs), arrays are read with ``allow_pickle=False`` (nothing is ever unpickled)
and every field is checked, so a damaged, truncated, newer or hand-edited file gives one
:class:`ProjectError` sentence instead of a traceback.
"""

from __future__ import annotations

import io
import json
import zipfile
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import Any, BinaryIO

import numpy as np

from core import json_text
from core.datasets import DataError
from core.datasets.files import DAMAGED_ARCHIVE_ERRORS, npy_header, promised_bytes
from core.datasets.ref import DataRef
from core.engine.network import Network, build
from core.engine.params import shapes
from core.error_words import own_words
from core.file_writes import read_reason, streamed, write_atomically
from core.i18n import _
from core.project_checks import (
    PROJECT_JSON,
    WEIGHTS_NPZ,
    ProjectError,
    check_weights,
    dismissed,
    save_error,
    starts_like_zip,
    text_field,
)
from core.spec import NetworkSpec
from core.spec_problems import SpecError, size_reason
from core.training.history import History
from core.training.resume import PREFIX as OPTIM_PREFIX
from core.training.resume import Continuation
from core.training.runs import Runs, network_summary, schema_version_for
from core.training.settings import TrainingSettings
from core.training.timeline import Timeline
from core.unknown_fields import extra_fields, unknown_fields

FORMAT = "netcanvas-project"
SCHEMA_VERSION = 3  # the newest this NetCanvas reads (written when needed: schema_version_for)
SUFFIX = ".netcanvas"
TIMELINE_NPZ = "timeline.npz"
MAX_UNPACKED_BYTES = 1 << 30  # everything unpacked, embedded data included
MAX_JSON_BYTES = 64 << 20
ZIP_DATE = (1980, 1, 1, 0, 0, 0)
WRITE_CHUNK = 4 << 20  # bytes compressed per call
TOP_LEVEL = ("format", "schema_version", "title", "description", "spec", "settings", "data",
             "history", "dismissed_warnings", "runs", "continuation")
NEW_IN_2 = ("runs",)


@dataclass(eq=False)
class Project:
    """Everything a project file holds. ``params``/``state`` are None until trained (or set by
    hand); ``history`` is :meth:`core.training.history.History.to_dict` data or None."""

    spec: NetworkSpec
    settings: TrainingSettings
    data: DataRef
    params: dict[str, np.ndarray] | None = None
    state: dict[str, np.ndarray] | None = None
    history: dict[str, Any] | None = None
    title: str = ""
    description: str = ""
    #: ids of teaching warnings (:mod:`core.lint`) this project shows on purpose, e.g. the
    #: overfitting example's ``overfitting_risk``; they are not listed again
    dismissed_warnings: tuple[str, ...] = ()
    #: the last run's per-epoch weights, stored only when asked for (they can be large)
    timeline: Timeline | None = None
    #: the training runs, oldest first
    runs: Runs = field(default_factory=Runs)
    #: the optimizer and generator state the last run ended in (None: the next run starts
    #: its optimizer afresh); it belongs with ``params`` and ``history``
    continuation: Continuation | None = None

    def build_network(self) -> Network:
        """The network with the settings' seed, dtype and regularisation, holding the saved
        weights when there are any."""
        s = self.settings
        network = build(self.spec, seed=s.seed, dtype=np.dtype(s.dtype),
                        weight_decay=s.weight_decay, l1=s.l1)
        if self.params is not None:
            network.load_params(self.params, self.state or {})
        return network

    def load_history(self) -> History | None:
        return None if self.history is None else History.from_dict(self.history)


# ----------------------------------------------------------------------------- saving
def save_project(project: Project, path: str | Path) -> None:
    """Write ``project`` to ``path`` atomically (ProjectError when it cannot be written)."""
    path = Path(path)
    runs = project.runs.to_list()
    document = {
        "format": FORMAT,
        "schema_version": schema_version_for(runs),
        "title": project.title,
        "description": project.description,
        "spec": project.spec.to_dict(),
        "settings": project.settings.to_dict(),
        "data": project.data.to_dict(),
        "history": project.history,
    }
    if project.dismissed_warnings:  # absent otherwise: older files stay byte-identical
        document["dismissed_warnings"] = list(project.dismissed_warnings)
    if runs:
        document["runs"] = runs
    if project.continuation is not None:
        document["continuation"] = project.continuation.to_dict()
    try:
        text = json_text.dumps(document)  # json.dumps(indent=1), faster: it holds the GIL
    except (TypeError, ValueError) as exc:
        raise ProjectError(_("cannot save {file}: the project holds a value that cannot be "
                             "stored ({reason})").format(file=path.name, reason=exc)) from None
    arrays = {f"params/{k}": np.asarray(v) for k, v in (project.params or {}).items()}
    arrays.update({f"state/{k}": np.asarray(v) for k, v in (project.state or {}).items()})
    arrays.update(project.data.arrays())
    if project.continuation is not None:
        arrays.update(project.continuation.to_arrays())
    members = {PROJECT_JSON: text.encode("utf-8"), WEIGHTS_NPZ: _npz_bytes(arrays)}
    if project.timeline is not None and project.params is not None and len(project.timeline):
        members[TIMELINE_NPZ] = _npz_bytes(project.timeline.to_arrays())
    try:
        write_atomically(path, partial(_write_zip, members))
    except OSError as exc:
        raise save_error(exc, path) from None
    except ValueError as exc:  # an object array: it would need pickling
        raise ProjectError(_("cannot save {file}: {reason}").format(file=path.name, reason=exc)
                           ) from None


def _zip_entry(name: str, compress: int) -> zipfile.ZipInfo:
    """A member with a fixed date, so saving the same project twice gives the same bytes
    (the example files stay unchanged in version control when they are made again)."""
    info = zipfile.ZipInfo(name, date_time=ZIP_DATE)
    info.compress_type = compress
    return info


def _npz_bytes(arrays: dict[str, np.ndarray]) -> bytes:
    """What ``np.savez`` writes (one ``.npy`` member per array, ``np.load`` reads it), with
    fixed member dates; the outer archive compresses it."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for key, array in arrays.items():
            with archive.open(_zip_entry(f"{key}.npy", zipfile.ZIP_STORED), "w",
                              force_zip64=True) as member:
                np.lib.format.write_array(member, np.asanyarray(array), allow_pickle=False)
    return buffer.getvalue()


def _write_zip(members: dict[str, bytes], handle: BinaryIO) -> None:
    with zipfile.ZipFile(handle, "w") as archive:
        for name, blob in members.items():
            # In pieces: compressing tens of megabytes in one call holds Python's GIL while
            # zlib's output is joined (0.5-0.9 s measured), and the window saves in a
            # background thread.
            entry = _zip_entry(name, zipfile.ZIP_DEFLATED)
            entry.file_size = len(blob)  # as writestr sets it: the same bytes
            with archive.open(entry, "w") as member:
                view = memoryview(blob)
                for start in range(0, len(view), WRITE_CHUNK):
                    member.write(view[start:start + WRITE_CHUNK])


# ----------------------------------------------------------------------------- loading
def load_project(path: str | Path) -> Project:
    """Read and check a project file; ProjectError says what is wrong with it."""
    path = Path(path)
    try:
        return _load(path)
    except (ProjectError, ValueError, DataError) as exc:  # SpecError is a ValueError
        # Translators: the file name, then why it cannot be opened
        raise ProjectError(_("{project_file}: {problem}").format(project_file=path.name or path,
                                                          problem=exc)) from None


def _load(path: Path) -> Project:
    members = _read_members(path)
    document = _parse_json(members[PROJECT_JSON])
    if document.get("format") != FORMAT:
        raise ProjectError(_("{member} is not a NetCanvas project (its 'format' is {found})"
                             ).format(member=PROJECT_JSON, found=repr(document.get("format"))))
    version = _check_version(document.get("schema_version"))
    known = TOP_LEVEL if version >= 2 else set(TOP_LEVEL) - set(NEW_IN_2)
    unknown = extra_fields(document, known)
    if unknown:
        raise ProjectError(unknown_fields(PROJECT_JSON, unknown))
    arrays = _read_arrays(members[WEIGHTS_NPZ])
    title, description = text_field(document, "title"), text_field(document, "description")
    try:
        spec = NetworkSpec.from_dict(document.get("spec"))
    except SpecError as exc:
        raise ProjectError(_("the network in {member} is not valid: {reason}").format(
            member=PROJECT_JSON, reason=exc)) from None
    too_large = size_reason(spec.problems())
    if too_large:  # refused before any weight is made for it
        raise ProjectError(_("the network in {member} is too large: {reason}").format(
            member=PROJECT_JSON, reason=too_large))
    try:
        settings = TrainingSettings.from_dict(document.get("settings", {}))
    except (ValueError, TypeError) as exc:
        raise ProjectError(_("the training settings in {member} are not valid: {reason}"
                             ).format(member=PROJECT_JSON, reason=exc)) from None
    data = DataRef.from_dict(document.get("data"), arrays)
    history = document.get("history")
    runs = Runs.from_list(document.get("runs", []))
    if history is not None:
        read = History.from_dict(history)
        history = read.to_dict()
        if version == 1:
            runs = Runs.from_history(read, settings, network_summary(spec), data.describe())
    params = {k.removeprefix("params/"): v for k, v in arrays.items() if k.startswith("params/")}
    state = {k.removeprefix("state/"): v for k, v in arrays.items() if k.startswith("state/")}
    if params:
        check_weights(spec, params, state)
    elif state:
        raise ProjectError(_("{member} holds batch-norm statistics but no weights").format(
            member=WEIGHTS_NPZ))
    timeline = None
    if TIMELINE_NPZ in members:
        if not params:
            raise ProjectError(_("{member} holds a timeline but the project has no weights"
                                 ).format(member=TIMELINE_NPZ))
        held = {k: v.shape for k, v in (*params.items(), *state.items())}
        try:
            timeline = Timeline.from_arrays(_read_arrays(members[TIMELINE_NPZ]), held)
        except ValueError as exc:
            raise ProjectError(f"{TIMELINE_NPZ}: {exc}") from None
    optim = {k: v for k, v in arrays.items() if k.startswith(OPTIM_PREFIX)}
    continuation = None
    if "continuation" in document or optim:
        if not params:
            raise ProjectError(_("{member} holds optimizer state but no weights").format(
                member=PROJECT_JSON))
        continuation = Continuation.from_stored(document.get("continuation"), optim,
                                                shapes(spec))
        if continuation.optimizer != settings.optimizer:
            continuation = None  # the optimizer was changed since: it starts afresh
    return Project(spec, settings, data, params or None, state or None, history, title,
                   description, dismissed(document.get("dismissed_warnings", [])),
                   timeline=timeline, runs=runs, continuation=continuation)


def _read_members(path: Path) -> dict[str, bytes]:
    if streamed(path):  # opening it would wait for a writer for ever (and a window with it)
        raise ProjectError(_("this is a pipe or a device, not a project file"))
    try:
        with zipfile.ZipFile(path) as archive:
            infos = {info.filename: info for info in archive.infolist()}
            _check_sizes(infos.values(), _("the project file"))
            for name in (PROJECT_JSON, WEIGHTS_NPZ):
                if name not in infos:
                    raise ProjectError(_("{member} is missing: this is not a complete "
                                         "NetCanvas project").format(member=name))
            if infos[PROJECT_JSON].file_size > MAX_JSON_BYTES:
                raise ProjectError(_("{member} is too large to be a project description"
                                     ).format(member=PROJECT_JSON))
            return {name: archive.read(name) for name in (PROJECT_JSON, WEIGHTS_NPZ, TIMELINE_NPZ)
                    if name in infos}
    except FileNotFoundError:
        raise ProjectError(_("the file does not exist")) from None
    except IsADirectoryError:
        raise ProjectError(_("this is a folder, not a project file")) from None
    except zipfile.BadZipFile:
        if starts_like_zip(path):
            raise ProjectError(_("the file is damaged or truncated (its zip structure is "
                                 "broken) — use a backup copy")) from None
        raise ProjectError(_("this is not a NetCanvas project file (it is not a zip archive)")
                           ) from None
    except OSError as exc:
        raise ProjectError(_("the file cannot be read ({reason})").format(
            reason=read_reason(exc))) from None
    except DAMAGED_ARCHIVE_ERRORS as exc:
        raise ProjectError(_("the file is damaged ({reason}) — use a backup copy").format(
            reason=own_words(exc))) from None


def _check_sizes(infos: Any, what: str) -> None:
    """Refuse archives that would unpack to more than MAX_UNPACKED_BYTES (zip bombs)."""
    total = sum(info.file_size for info in infos)
    if total > MAX_UNPACKED_BYTES:
        raise ProjectError(_("{what} would unpack to {size}, more than the {limit} NetCanvas "
                             "accepts").format(what=what, size=_size(total),
                                               limit=_size(MAX_UNPACKED_BYTES)))


def _size(n: int) -> str:
    for unit, scale in (("GB", 2**30), ("MB", 2**20), ("KB", 2**10)):
        if n >= scale:
            return f"{n / scale:.1f} {unit}"
    return _("{n} bytes").format(n=n)


def _parse_json(blob: bytes) -> dict[str, Any]:
    try:
        document = json.loads(blob.decode("utf-8"))
    except UnicodeDecodeError:
        raise ProjectError(_("{member} is not UTF-8 text").format(member=PROJECT_JSON)) from None
    except RecursionError:  # [[[[…]]]] a hundred thousand deep: a traceback on opening
        raise ProjectError(_("{member} is nested too deeply to be a project description")
                           .format(member=PROJECT_JSON)) from None
    except json.JSONDecodeError as exc:
        raise ProjectError(_("{member} is not valid JSON ({reason} at line {line}, column "
                             "{column})").format(member=PROJECT_JSON, reason=exc.msg,
                                                 line=exc.lineno, column=exc.colno)) from None
    except ValueError:  # a whole number of over 4,300 digits: Python's limit, in its English
        raise ProjectError(_("{member} holds a number too long to read").format(
            member=PROJECT_JSON)) from None
    if not isinstance(document, dict):
        raise ProjectError(_("{member} must hold a JSON object").format(member=PROJECT_JSON))
    return document


def _check_version(version: Any) -> int:
    if isinstance(version, bool) or not isinstance(version, int) or version < 1:
        raise ProjectError(_("{member} has no valid 'schema_version' (found {found})").format(
            member=PROJECT_JSON, found=repr(version)))
    if version > SCHEMA_VERSION:
        raise ProjectError(_("this project was made by a newer NetCanvas (file format "
                             "{version}; this version reads format {supported}) — update "
                             "NetCanvas to open it").format(version=version,
                                                            supported=SCHEMA_VERSION))
    return version


def _read_arrays(blob: bytes) -> dict[str, np.ndarray]:
    """Every array of weights.npz, after checking sizes and headers: no object arrays (they
    would need unpickling) and no header promising more data than the member holds."""
    arrays = {}
    try:
        with zipfile.ZipFile(io.BytesIO(blob)) as archive:
            infos = archive.infolist()
            _check_sizes(infos, WEIGHTS_NPZ)
            for info in infos:
                key = info.filename.removesuffix(".npy")
                with archive.open(info) as member:
                    header = npy_header(member)
                if header is None:
                    raise ProjectError(_("{member}: {key} uses an unknown array format").format(
                        member=WEIGHTS_NPZ, key=repr(key)))
                if header[1].hasobject:
                    raise ProjectError(_("{member}: {key} holds Python objects; NetCanvas "
                                         "never loads those, as they could run code").format(
                        member=WEIGHTS_NPZ, key=repr(key)))
                if promised_bytes(header) > info.file_size:
                    raise ProjectError(_("{member}: {key} is truncated").format(
                        member=WEIGHTS_NPZ, key=repr(key)))
                with archive.open(info) as member:
                    arrays[key] = np.lib.format.read_array(member, allow_pickle=False)
    except ProjectError:
        raise
    except (OSError, *DAMAGED_ARCHIVE_ERRORS) as exc:
        raise ProjectError(_("{member} is damaged ({reason}) — use a backup copy").format(
            member=WEIGHTS_NPZ, reason=own_words(exc))) from None
    return arrays
