"""The data set of the open project: the reference the document stores, and the loaded data.

The document keeps a :class:`core.datasets.ref.DataRef` as its ``data`` (built-in name and
options, a bundled set, or imported data embedded in the project); :class:`DataSource` loads it
when it changes and tells the panels.
"""

from __future__ import annotations

from collections.abc import Hashable

from PySide6.QtCore import QT_TRANSLATE_NOOP, QObject, Signal, Slot

from core.datasets import BUILTIN, DataError, Dataset
from core.datasets.cache_check import cache_states
from core.datasets.linked import LinkedFileError
from core.datasets.ref import BUNDLED, BUNDLED_TITLES, DataRef
from core.datasets.remote import REMOTE
from core.i18n import _
from core.training.prepare import prepare_ahead
from gui.background import JobRun
from gui.document.document import GraphDocument
from gui.i18n import translate

#: references whose data is read from disk, off the GUI thread
READ_FROM_DISK = ("file", "downloaded")
#: the bundled sets' descriptions, marked; :func:`bundled_text` translates them (their titles:
#: core.datasets.ref.BUNDLED_TITLES)
BUNDLED_TEXT = {
    "iris": QT_TRANSLATE_NOOP("DataSource", "150 irises, 4 measurements, 3 species "
                                            "(Fisher 1936)"),
    "digits": QT_TRANSLATE_NOOP("DataSource", "1,797 tiny images of the digits 0–9"),
}


def bundled_text(name: str) -> tuple[str, str]:
    """A bundled set's title and description in the current language."""
    description = BUNDLED_TEXT.get(name, "")
    return (_(BUNDLED_TITLES.get(name, name)),
            translate("DataSource", description) if description else "")


def ref_key(ref: DataRef | None) -> Hashable:
    """What makes two references the same data (DataRef compares by identity)."""
    if ref is None:
        return None
    if ref.kind == "embedded":
        return ("embedded", id(ref.dataset))
    if ref.kind == "file":
        return ("file", ref.files)
    return (ref.kind, ref.name, *_chosen(ref), ref.seed)


def _chosen(ref: DataRef) -> tuple[int | None, float | None, int | None]:
    """A built-in set's (samples, noise, classes) where they differ from the set's own, None
    where they are its defaults: the gate examples store "4 samples, noise 0", and the data
    picker listed "XOR gate (4 samples)" under "XOR gate", two names for one truth table."""
    info = BUILTIN.get(ref.name) if ref.kind == "builtin" else None
    if info is None:
        return ref.n_samples, ref.noise, ref.n_classes
    return (None if ref.n_samples == info.n_samples else ref.n_samples,
            None if ref.noise == info.noise else ref.noise,
            None if ref.n_classes == info.n_classes else ref.n_classes)


def ref_title(ref: DataRef) -> str:
    """How the data set is named where it is chosen, in the current language."""
    if ref.kind == "bundled":
        return ref.title()
    if ref.imported:
        # An example's embedded set has a catalogued name ("book input"); a file keeps its own.
        name = _(ref.name) if ref.name else ref.name
        return translate("DataSource", "{name} (imported)").format(name=name)
    title = ref.title()
    n_samples, noise, _classes = _chosen(ref)
    options = [translate("DataSource", "{count} samples").format(count=n_samples)
               if n_samples is not None else "",
               translate("DataSource", "noise {noise}").format(noise=f"{noise:g}")
               if noise else "",
               translate("DataSource", "seed {seed}").format(seed=ref.seed) if ref.seed else ""]
    extra = ", ".join(o for o in options if o)
    return f"{title} ({extra})" if extra else title


def choices() -> list[tuple[DataRef, str, str]]:
    """(reference, title, description) for every set that ships with NetCanvas, then MNIST and
    Fashion-MNIST, downloaded when first chosen in the data picker (or with
    ``netcanvas data fetch``); until then the description says so."""
    items = [(DataRef.builtin(name), _(info.title), _(info.description))
             for name, info in BUILTIN.items()]
    items += [(DataRef.bundled(name), *bundled_text(name)) for name in BUNDLED]
    items += [(DataRef.downloaded(name), _(entry.title), _(entry.description) + _cache_note(name))
              for name, entry in REMOTE.items()]
    return items


def _cache_note(name: str) -> str:
    """What a downloadable set's description adds about its files (read from the memo of
    what was checked: no file is hashed here)."""
    states = set(cache_states(name).values())
    if states == {"verified"}:
        return ""
    if "wrong" in states:
        return translate("DataSource", " — a file in the cache folder is not the original (its "
                                       "checksum differs): choosing it says which")
    if states != {"missing"}:
        return translate("DataSource", " — files found in the cache folder: choosing it checks "
                                       "them and downloads what is missing")
    return translate("DataSource", " — not downloaded yet: choosing it downloads about {size} MB "
                     "(or run `netcanvas data fetch {name}`)").format(
        size=f"{REMOTE[name].download_mb:g}", name=name)


class DataSource(QObject):
    """Loads the document's data set whenever its reference changes.

    A data file the project refers to, and MNIST or Fashion-MNIST from the cache, are read on a
    worker thread (half a second each) and split and standardised ahead there: meanwhile
    ``dataset`` is None and ``loading`` True; ``dataset_changed`` follows when it is read (a
    downloaded set already loaded is not read again for a reference to the same files).
    Everything else is at hand and loads at once."""

    dataset_changed = Signal(object)  # Dataset | None
    error = Signal(str)
    #: a referenced data file has moved or changed (its LinkedFileError, after ``error``)
    missing_file = Signal(object)

    def __init__(self, doc: GraphDocument, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._doc = doc
        self.dataset: Dataset | None = None
        #: the reference ``dataset`` (or the load under way) is of: on Open the document is
        #: replaced (spec_reset) before this source hears of its data (data_changed)
        self.ref: DataRef | None = doc.data
        #: why the current reference's data could not be loaded (None while it loads or
        #: loaded): the Data set, Problems and Predictions panels all say it from here
        self.failure: DataError | None = None
        self._load: JobRun | None = None
        doc.data_changed.connect(self._reload)
        self._reload()

    @property
    def loading(self) -> bool:
        return self._load is not None

    def dataset_of(self, ref: DataRef | None) -> Dataset | None:
        """The loaded data set when it is ``ref``'s (a snapshot of the document names the
        reference it was loaded from): work on a snapshot takes it instead of reading the
        data again. None while it loads, or for another reference."""
        return self.dataset if ref is not None and ref is self.ref else None

    def reload(self) -> None:
        """Load the current reference again: its files have arrived (a download of the set a
        project opened without), no undo entry."""
        self._reload()

    def _reload(self) -> None:
        ref, held = self._doc.data, self._same_download()
        self.ref = ref
        self.dataset = None
        self.failure = None
        self._load = None  # a load still running for an older reference is ignored
        if ref is not None and ref.kind in READ_FROM_DISK and ref.dataset is None:
            s = self._doc.settings
            self._load = JobRun(self, lambda cancelled: prepare_ahead(
                held if held is not None else ref.load(), s.split, s.seed, s.standardize),
                "data load")  # i18n: not ui
            self._load.finished.connect(self._loaded)
            self._load.start()
        elif ref is not None:
            try:
                self.dataset = ref.load()
            except DataError as exc:
                self._failed(exc)
        self.dataset_changed.emit(self.dataset)

    def _same_download(self) -> Dataset | None:
        """The data set loaded now when the document's new reference is the same downloaded
        set (a project saved with MNIST, opened while MNIST is loaded): its files are the ones
        the checksum names, so reading them again gives the same bytes — and held 55 MB more,
        with a second split of them, until the first was let go."""
        new, old, dataset = self._doc.data, self.ref, self.dataset
        same = (dataset is not None and new is not None and old is not None
                and new.kind == old.kind == "downloaded" and new.name == old.name
                and new.checksum == old.checksum)
        return dataset if same else None

    @Slot(object, str)
    def _loaded(self, dataset: Dataset | None, problem: str) -> None:
        run = self.sender()
        if run is not self._load:
            return
        self._load = None
        if dataset is None:
            error = run.job.data_error if isinstance(run, JobRun) else None
            self._failed(error or DataError(problem))
        self.dataset = dataset
        self.dataset_changed.emit(dataset)

    @property
    def missing(self) -> LinkedFileError | None:
        """The referenced file that has moved or changed, while the data is not loaded."""
        failure = self.failure
        return failure if isinstance(failure, LinkedFileError) else None

    def _failed(self, exc: DataError) -> None:
        self.failure = exc
        self.error.emit(str(exc))
        if isinstance(exc, LinkedFileError):
            self.missing_file.emit(exc)
