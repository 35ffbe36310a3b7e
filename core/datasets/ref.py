"""Where a project's data comes from: regenerated, bundled, stored in the project file, or a
file the project refers to by path and checksum.

Kept apart from :mod:`core.project` because it is what the data panel edits, and because a
stored reference is hand-editable JSON that must be checked field by field.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from core.datasets import BUILTIN, Dataset, load_builtin, load_digits, load_iris
from core.datasets.errors import DataError
from core.datasets.idx_import import labels_beside, load_idx
from core.datasets.importers import load_any
from core.datasets.linked import EMBED_LIMIT_BYTES, LinkedFile
from core.datasets.mnist import load_mnist
from core.datasets.remote import REMOTE, fingerprint
from core.file_writes import read_reason
from core.i18n import N_, _
from core.numbers import MAX_SEED, number_problem, whole_problem
from core.unknown_fields import extra_fields, unknown_fields

BUNDLED = {"iris": load_iris, "digits": load_digits}
#: the bundled sets' titles, marked: the window's data picker and ``netcanvas check`` show
#: them through ``core.i18n._()``
BUNDLED_TITLES = {"iris": N_("Iris flowers"), "digits": N_("Handwritten digits 8×8")}
DATA_KINDS = ("builtin", "bundled", "downloaded", "embedded", "file")
ARRAY_X, ARRAY_Y = "data/x", "data/y"


@dataclass(frozen=True, eq=False)
class DataRef:
    """Where a project's data comes from.

    ``builtin``: generated again from name, sample count, noise, seed (and class count);
    ``bundled``: Iris or digits shipped with NetCanvas; ``downloaded``: MNIST or
    Fashion-MNIST from the user's cache folder, by name and ``checksum`` (of the set's files,
    :func:`core.datasets.remote.fingerprint`) — too large to embed, and the checksum makes a
    project refuse a different copy; ``embedded``: imported data stored in the project file
    itself, so the project still opens when the original file is gone; ``file``: imported data
    read again from ``files`` (path, SHA-256, size: :mod:`core.datasets.linked`), for imports
    too large to embed. An import keeps its ``files`` when embedded too, so either can become
    the other, and keeps the loaded ``dataset`` so nothing is read twice.
    """

    kind: str
    name: str
    n_samples: int | None = None
    noise: float | None = None
    seed: int = 0
    n_classes: int | None = None
    dataset: Dataset | None = None
    checksum: str | None = None
    files: tuple[LinkedFile, ...] = ()

    @classmethod
    def builtin(cls, name: str, n_samples: int | None = None, noise: float | None = None,
                seed: int = 0, n_classes: int | None = None) -> DataRef:
        return cls("builtin", name, n_samples, noise, seed, n_classes)

    @classmethod
    def bundled(cls, name: str) -> DataRef:
        return cls("bundled", name)

    @classmethod
    def downloaded(cls, name: str) -> DataRef:
        """``mnist`` or ``fashion-mnist``, with the checksum of the files NetCanvas accepts."""
        return cls("downloaded", name, checksum=fingerprint(name))

    @classmethod
    def embedded(cls, dataset: Dataset, files: tuple[LinkedFile, ...] = ()) -> DataRef:
        return cls("embedded", dataset.name, dataset=dataset, files=files)

    @classmethod
    def linked(cls, files: tuple[LinkedFile, ...], dataset: Dataset | None = None,
               name: str = "") -> DataRef:
        """Imported ``files`` (data file, then IDX labels if any), read again when needed."""
        return cls("file", dataset.name if dataset is not None else name or
                   Path(files[0].path).name, dataset=dataset, files=files)

    @property
    def imported(self) -> bool:
        return self.kind in ("embedded", "file")

    def with_embedding(self, embed: bool, dataset: Dataset) -> DataRef:
        """This import stored in the project (``embed``) or referred to by its files."""
        if embed:
            return DataRef.embedded(dataset, self.files)
        if not self.files:
            raise DataError(_("{name} was embedded without a record of its file").format(
                                name=self.name),
                            hint=_("import the file again to refer to it instead"))
        return DataRef.linked(self.files, dataset)

    def relocated(self, index: int, path: str | Path) -> DataRef:
        """The same reference with file ``index`` found at ``path`` (checked by the caller)."""
        moved = LinkedFile(str(Path(path).resolve()), self.files[index].sha256,
                           self.files[index].size)
        files = (*self.files[:index], moved, *self.files[index + 1:])
        return DataRef("file", self.name, files=files)

    def found_at(self, index: int, path: str | Path,
                 cancelled: Callable[[], bool] = lambda: False) -> DataRef | None:
        """This reference with file ``index`` at ``path`` — None unless ``path`` holds that
        file's bytes — and each other file missing where it was found by its name in the same
        folder, if it holds that file's bytes (IDX labels moved with their images: the user
        locates one file, not each). Hashes the files: call it off the GUI thread. DataError
        when ``path`` cannot be read (that is no other file: its bytes were never seen)."""
        try:
            if not self.files[index].held_by(path, cancelled):
                return None
        except OSError as exc:
            raise DataError(_("{path} cannot be read ({why})").format(
                path=path, why=read_reason(exc))) from None
        moved = self.relocated(index, path)
        folder = Path(path).parent
        for k, linked in enumerate(self.files):
            beside = folder / Path(linked.path).name
            if k != index and not Path(linked.path).exists() and linked.matches(beside,
                                                                                cancelled):
                moved = moved.relocated(k, beside)
        return moved

    def load(self) -> Dataset:
        """The data set (DataError when a built-in set's options are not possible)."""
        if self.dataset is not None:
            return self.dataset
        if self.kind == "file":
            for linked in self.files:
                linked.check()
            paths = [Path(f.path) for f in self.files]
            # two files are IDX images and labels, whatever a located copy is called
            return load_idx(*paths) if len(paths) == 2 else load_any(paths[0])
        if self.kind == "bundled":
            return BUNDLED[self.name]()
        if self.kind == "downloaded":
            if self.checksum != fingerprint(self.name):
                raise DataError(
                    _("this project was made with a different copy of {name} (checksum "
                      "{checksum}) than this NetCanvas accepts ({accepted})").format(
                        name=self.name, checksum=self.checksum, accepted=fingerprint(self.name)),
                    hint=_("choose the data set again in the window (in the Data set "
                           "part of the Build panel)"))
            return load_mnist(self.name)
        return load_builtin(self.name, self.n_samples, self.noise, self.seed, self.n_classes)

    def title(self) -> str:
        """The data set's name in the current language, as the window's data picker and
        ``netcanvas check`` say it (a file's own name as it is)."""
        if self.kind == "bundled" and self.name in BUNDLED_TITLES:
            return _(BUNDLED_TITLES[self.name])
        return _(self.describe())

    def describe(self) -> str:
        """The data set's English title (a training run stores it): show it through
        ``core.i18n._()``, which also leaves a file's name as it is."""
        if self.kind == "builtin":
            info = BUILTIN.get(self.name)
            return info.title if info else self.name
        if self.kind == "downloaded" and self.name in REMOTE:
            return REMOTE[self.name].title
        return self.name

    def to_dict(self) -> dict[str, Any]:
        if self.kind == "builtin":
            return {"kind": "builtin", "name": self.name, "n_samples": self.n_samples,
                    "noise": self.noise, "seed": self.seed, "n_classes": self.n_classes}
        if self.kind == "bundled":
            return {"kind": "bundled", "name": self.name}
        if self.kind == "downloaded":
            return {"kind": "downloaded", "name": self.name, "checksum": self.checksum}
        files = [f.to_dict() for f in self.files]
        if self.kind == "file":
            return {"kind": "file", "name": self.name, "files": files}
        d = self.dataset
        assert d is not None
        # optional fields only when used: older files read as before, and stay byte-identical
        extra = {"x_divisor": d.x_divisor} if d.x_divisor != 1.0 else {}
        return {"kind": "embedded", "name": d.name, "task": d.task,
                "feature_names": list(d.feature_names), "class_names": list(d.class_names),
                "source": d.source, **extra, **({"files": files} if files else {})}

    def arrays(self) -> dict[str, np.ndarray]:
        """The arrays a project file stores beside the weights (embedded data only)."""
        if self.kind != "embedded" or self.dataset is None:
            return {}
        return {ARRAY_X: np.asarray(self.dataset.x), ARRAY_Y: np.asarray(self.dataset.y)}

    @classmethod
    def from_dict(cls, data: Any, arrays: dict[str, np.ndarray]) -> DataRef:
        """Check a stored reference (ValueError naming the field; DataError from Dataset)."""
        if not isinstance(data, dict):
            raise ValueError(_("'data' must be an object"))
        kind = data.get("kind")
        if kind not in DATA_KINDS:
            raise ValueError(_("data 'kind' {kind} is not one of {kinds}").format(
                kind=repr(kind), kinds=", ".join(DATA_KINDS)))
        name = _field(data, "name", str, "data")
        if kind == "builtin":
            _only(data, ("kind", "name", "n_samples", "noise", "seed", "n_classes"), "data")
            if name not in BUILTIN:
                raise ValueError(_("data: there is no built-in data set called {name}").format(
                    name=repr(name)))
            return cls.builtin(
                name, _field(data, "n_samples", int, "data", optional=True),
                _number(data, "noise"), _seed(data),
                _field(data, "n_classes", int, "data", optional=True))
        if kind == "bundled":
            _only(data, ("kind", "name"), "data")
            if name not in BUNDLED:
                raise ValueError(_("data: there is no bundled data set called {name} ({names})")
                                 .format(name=repr(name), names=", ".join(BUNDLED)))
            return cls.bundled(name)
        if kind == "downloaded":
            _only(data, ("kind", "name", "checksum"), "data")
            if name not in REMOTE:
                raise ValueError(_("data: there is no downloadable data set called {name} "
                                   "({names})").format(name=repr(name), names=", ".join(REMOTE)))
            return cls("downloaded", name, checksum=_field(data, "checksum", str, "data"))
        if kind == "file":
            _only(data, ("kind", "name", "files"), "data")
            return cls.linked(_linked_files(data), name=name)
        _only(data, ("kind", "name", "task", "feature_names", "class_names", "source",
                     "x_divisor", "files"), "data")
        if ARRAY_X not in arrays or ARRAY_Y not in arrays:
            raise ValueError(_("the embedded data arrays are missing"))
        dataset = Dataset(
            name=name, x=arrays[ARRAY_X], y=arrays[ARRAY_Y],
            task=_field(data, "task", str, "data"),
            feature_names=tuple(_strings(data, "feature_names")),
            class_names=tuple(_strings(data, "class_names")),
            source=_field(data, "source", str, "data", default=""),
            x_divisor=_number(data, "x_divisor") or 1.0)
        return cls.embedded(dataset, _linked_files(data) if "files" in data else ())


def _field(data: dict[str, Any], key: str, kind: type, where: str, *, optional: bool = False,
           default: Any = None) -> Any:
    """``data[key]`` if it has type ``kind`` (bool is not an int here)."""
    if key not in data or (optional and data[key] is None):
        if default is None and not optional:
            raise ValueError(_("{where}: {key} is missing").format(where=where, key=repr(key)))
        return default
    value = data[key]
    if not isinstance(value, kind) or (isinstance(value, bool) and kind is not bool):
        message = {str: _("{where}: {key} must be text, not {found}"),
                   int: _("{where}: {key} must be a whole number, not {found}")}.get(
            kind, _("{where}: {key} must be {expected}, not {found}"))
        raise ValueError(message.format(where=where, key=repr(key), expected=kind.__name__,
                                        found=type(value).__name__))
    return value


def import_file(path: str | Path, embed: bool | None = None,
                cancelled: Callable[[], bool] = lambda: False) -> DataRef:
    """Read a user's data file (CSV, NPZ, or IDX images with their labels beside them) into a
    reference: embedded in the project when ``embed`` says so or, left None, when the files
    are at most :data:`EMBED_LIMIT_BYTES`; otherwise referred to by path and checksum.
    DataError when the file cannot be used; ReadCancelledError when ``cancelled`` says stop."""
    path = Path(path)
    dataset = load_any(path)
    paths = [path] + ([labels_beside(path)] if "idx3" in path.name.lower() else [])
    try:
        files = tuple(LinkedFile.of(p, cancelled) for p in paths)
    except OSError as exc:
        raise DataError(_("the file cannot be read ({error})").format(error=read_reason(exc)),
                        file=path, hint=_("check that the file is readable")) from None
    if embed is None:
        embed = sum(f.size for f in files) <= EMBED_LIMIT_BYTES
    return DataRef.embedded(dataset, files) if embed else DataRef.linked(files, dataset)


def _linked_files(data: dict[str, Any]) -> tuple[LinkedFile, ...]:
    value = data.get("files")
    if not isinstance(value, list) or not 1 <= len(value) <= 2:
        raise ValueError(_("data: 'files' must list the imported file (and its labels file)"))
    return tuple(LinkedFile.from_dict(item) for item in value)


def _number(data: dict[str, Any], key: str) -> float | None:
    value = data.get(key)
    if value is None:
        return None
    problem = number_problem(_("data: {key}").format(key=repr(key)), value)
    if problem:  # a whole number of 400 digits overflowed float(): a traceback on opening
        raise ValueError(problem)
    return float(value)


def _seed(data: dict[str, Any]) -> int:
    """The built-in set's seed (one of 400 digits was taken, and written into its source)."""
    seed = data.get("seed", 0)
    problem = whole_problem(_("data: {key}").format(key=repr("seed")), seed, 0, MAX_SEED)
    if problem:
        raise ValueError(problem)
    return seed


def _strings(data: dict[str, Any], key: str) -> list[str]:
    value = data.get(key, [])
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ValueError(_("data: {key} must be a list of text").format(key=repr(key)))
    return value


def _only(data: dict[str, Any], allowed: tuple[str, ...], where: str) -> None:
    unknown = extra_fields(data, allowed)
    if unknown:
        raise ValueError(unknown_fields(where, unknown))
