"""Tracing Explain's row: at once when that is quick, else on a worker thread.

A row through a network with millions of weights, or through MNIST-sized data whose split and
statistics are not worked out yet, held the GUI thread for 0.15–0.8 s (2-2000-2000-2) and
1.5 s (the first row of 60,000 × 784 images). Such a trace runs as a :class:`JobRun`; the
panel hears the end from :attr:`RowTracer.traced`. A trace asked for while one runs replaces
any still waiting (only the newest counts), and one that is no longer wanted (:meth:`cancel`)
is dropped when it ends. What a worker reads is immutable or shared read-only: the spec, the
settings, the data set and the document's arrays (swapped, never changed in place).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

import numpy as np
from PySide6.QtCore import QObject, Signal, Slot

from core.datasets import DataError, Dataset
from core.engine.params import shapes
from core.explain import Explanation, explain
from core.project import Project
from core.training.prepare import DataMismatchError, is_prepared
from gui.background import JobRun

#: a network with more weights than this is traced on a worker thread (about 40 ms of the GUI
#: thread on a loaded 2-core machine; 784-100-10 has 79,510)
BACKGROUND_WEIGHTS = 200_000

#: what a trace ends in: the explanation, or why the row cannot be explained (an exception
#: of the data or the inputs, or a failure in words)
Traced = Explanation | Exception | str


def trace(project: Project, sample: int, dataset: Dataset,
          typed: Sequence[float] | None) -> Explanation | Exception:
    """:func:`core.explain.explain`, with a row that cannot be explained as the exception
    that says why (DataError, DataMismatchError, ValueError), not raised."""
    try:
        return explain(project, sample, dataset, typed)
    except (DataError, DataMismatchError, ValueError) as exc:
        return exc


def quick(project: Project, dataset: Dataset) -> bool:
    """Whether tracing a row of ``dataset`` through ``project``'s network is quick enough for
    the GUI thread: a network of few weights, on data that is small or prepared already."""
    weights = sum(int(np.prod(shape)) for shape in shapes(project.spec).values())
    s = project.settings
    return weights <= BACKGROUND_WEIGHTS and is_prepared(dataset, s.split, s.seed, s.standardize)


class RowTracer(QObject):
    """Traces rows for one Explain panel; ``traced(result)`` ends each trace it did not
    return at once (a :data:`Traced`)."""

    traced = Signal(object)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._job: JobRun | None = None
        self._waiting: Callable[[object], Traced] | None = None  # asked for during a job
        self._wanted = False  # the running job's result is still wanted

    @property
    def busy(self) -> bool:
        """Whether a trace is on its way (``traced`` follows)."""
        return self._job is not None and (self._wanted or self._waiting is not None)

    def trace(self, project: Project, sample: int, dataset: Dataset,
              typed: Sequence[float] | None) -> Traced | None:
        """The row traced now when that is :func:`quick`; else None, and ``traced`` follows."""
        self.cancel()
        if quick(project, dataset):
            return trace(project, sample, dataset, typed)
        self._waiting = lambda _cancelled: trace(project, sample, dataset, typed)
        if self._job is None:
            self._start()
        return None

    def cancel(self) -> None:
        """Nothing asked for so far is wanted any more: no ``traced`` follows for it."""
        self._waiting = None
        self._wanted = False

    def _start(self) -> None:
        work, self._waiting = self._waiting, None
        assert work is not None
        self._wanted = True
        self._job = JobRun(self, work, "explain row")  # i18n: not ui
        self._job.finished.connect(self._done)
        self._job.start()

    @Slot(object, str)
    def _done(self, result: object, problem: str) -> None:
        if self.sender() is not self._job:
            return
        self._job = None
        if self._waiting is not None:  # a newer trace was asked for meanwhile: it counts
            self._start()
        elif self._wanted:
            self._wanted = False
            self.traced.emit(result if result is not None else problem)
