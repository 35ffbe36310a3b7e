"""Keeps large image data prepared for the current split, seed and standardisation — on a worker
thread — so the panels that read them (the teaching lint, the predictions) never work them out
on the GUI thread: at MNIST's size the split takes a tenth of a second and the statistics more
than a second (:func:`core.training.prepare.prepare_ahead`).

The lint and prediction models ask :meth:`PreparedData.ready` before they recompute; when it
says no they wait for ``prepared``, which follows once the worker is done — and only if the data
and the settings are still the ones it prepared (an older job's result goes nowhere). Float
data, and everything the small examples use, is always ready: nothing changes for them.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal, Slot

from core.datasets import Dataset
from core.training.prepare import is_prepared, prepare_ahead
from gui.background import JobRun
from gui.document.data_source import DataSource
from gui.document.document import GraphDocument

#: the settings what is prepared depends on
PREPARED_KEYS = frozenset({"standardize", "split", "seed"})

Key = tuple[Dataset, tuple[float, float, float], int, bool]


class PreparedData(QObject):
    """Starts preparing whenever the data or :data:`PREPARED_KEYS` change and it is not ready."""

    prepared = Signal()

    def __init__(self, doc: GraphDocument, data: DataSource) -> None:
        super().__init__(data)
        self._doc = doc
        self._data = data
        self._run: JobRun | None = None
        self._running: Key | None = None
        self._finished: Key | None = None  # prepared once: never started again (no loop)
        data.dataset_changed.connect(self._dataset_changed)
        doc.settings_changed.connect(self._settings_changed)

    def _key(self) -> Key | None:
        dataset, s = self._data.dataset, self._doc.settings
        return None if dataset is None else (dataset, tuple(s.split), s.seed, s.standardize)

    def ready(self) -> bool:
        """Whether reading the split, bounds and statistics of the current data costs nothing
        now; when not, preparing them has started and ``prepared`` follows."""
        key = self._key()
        if key is None or key == self._finished or is_prepared(*key):
            return True
        self._start(key)
        return False

    @property
    def busy(self) -> bool:
        return self._run is not None

    def _settings_changed(self, keys: frozenset[str]) -> None:
        if keys & PREPARED_KEYS:
            self.ready()

    def _dataset_changed(self, _dataset: object) -> None:
        self._finished = None  # holds no data set the document has left
        self.ready()

    def _start(self, key: Key) -> None:
        if self._running is not None and self._running == key:
            return  # Dataset compares by identity: the same data, the same settings
        dataset, fractions, seed, scale = key
        self._running = key
        self._run = JobRun(self, lambda _cancelled: prepare_ahead(dataset, fractions, seed, scale),
                           "prepare data")  # i18n: not ui
        self._run.finished.connect(self._done)
        self._run.start()

    @Slot(object, str)
    def _done(self, _result: object, _problem: str) -> None:
        if self.sender() is not self._run:
            return  # an older job: what it prepared is remembered, but nobody waits for it
        self._run = None
        self._finished, self._running = self._running, None
        if self._key() is not None:
            self.prepared.emit()


def prepared_data(doc: GraphDocument, data: DataSource) -> PreparedData:
    """The one :class:`PreparedData` of ``data`` (made on first use), shared by its panels."""
    found = data.findChild(PreparedData)
    return found if isinstance(found, PreparedData) else PreparedData(doc, data)
