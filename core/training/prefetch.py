"""Mini-batches made ahead: while one batch trains, a second thread makes the next ones.

Large data is kept as stored and each batch is made when it is needed
(:class:`~core.training.lazy.LazyInputs`: MNIST's bytes gathered in shuffled order and divided
into float32). In a 0.58 s MNIST epoch that took 0.07 s on the core that trains while the
other core had nothing to do. NumPy lets go of the GIL while it gathers rows and divides, so a
second thread can make the coming batches meanwhile. It makes several at a time (one gather of
``GROUP_ROWS`` rows), so the trainer waits on the thread once per group, not per batch.

The values are the same: a group is made by the same calls as its batches one by one, and
LazyInputs makes every row on its own (a batch cut from a group equals the batch made alone).
The order comes from the trainer, which draws it at each epoch's start as before, so the
shuffle and a continuation's random state are untouched. Each request names the order and
the batch; anything else than the next batch of the order the thread works on (a new epoch,
a step after a pause) is made at once in the caller's thread, and the thread starts over
from the batch after it.

The thread runs only while :meth:`Batches.start` allows it — the trainer's loop between
pauses — and :meth:`Batches.stop` ends and joins it. It calls no BLAS, so it holds no BLAS
thread limit (:mod:`core.engine.blas`) of its own.
"""

from __future__ import annotations

import threading
from collections import deque
from dataclasses import dataclass

import numpy as np

from core.training.lazy import LazyInputs
from core.training.prepare import Part

#: rows made per hand-off (whole batches, at least one)
GROUP_ROWS = 1000
STORED_AHEAD = True
#: groups made ahead of the one being read
DEPTH = 2
#: larger batches are made when needed: a batch that size costs little next to its training,
#: and making ahead would hold DEPTH + 2 of them in memory at once
MAX_AHEAD_BYTES = 32 << 20


@dataclass(frozen=True, eq=False)
class _Group:
    order: np.ndarray
    first: int  # the first batch's index in the order
    end: int  # one past the last batch's index
    x: np.ndarray
    t: np.ndarray


class Batches:
    """The inputs and targets of ``part``'s mini-batches of ``batch_size`` rows: batch ``i`` of
    an order is rows ``order[i·batch_size:(i + 1)·batch_size]``.

    Made ahead on a second thread (between :meth:`start` and :meth:`stop`) when the part's
    inputs are made as they are read (:class:`~core.training.lazy.LazyInputs`); otherwise, or
    outside :meth:`start` … :meth:`stop`, made when asked for."""

    def __init__(self, part: Part, batch_size: int) -> None:
        self._x, self._t = part.x, part.t
        self._size = batch_size
        self._per_group = max(1, GROUP_ROWS // batch_size)
        row_bytes = part.x.shape[1] * np.dtype(part.x.dtype).itemsize
        self.worth_it = (isinstance(part.x, LazyInputs) and part.n > batch_size
                         and batch_size * self._per_group * row_bytes <= MAX_AHEAD_BYTES)
        self._cond = threading.Condition()
        self._thread: threading.Thread | None = None
        self._ahead = False  # start() was called and stop() not yet
        self._closing = False  # the thread is to end
        # the thread's plan, under _cond: which order, the next batch it makes, where to stop
        self._order: np.ndarray | None = None
        self._next = self._end = 0
        self._taken = 0  # the batch the caller will ask for next, if it follows the plan
        self._plan = 0  # the plan's number: groups made for an earlier one are dropped
        self._ready: deque[_Group] = deque()
        self._failed = False  # the thread could not make a group: make them here (and fail here)
        self._reading: _Group | None = None  # the group the caller cuts batches from

    # ------------------------------------------------------------------ the trainer's thread
    def start(self) -> None:
        """Make batches ahead from the next request on (when :attr:`worth_it`)."""
        self._ahead = self.worth_it

    def stop(self) -> None:
        """End the thread (waiting for it) and make batches when asked again, until
        :meth:`start`. What it made and nobody took is dropped."""
        self._ahead = False
        thread = self._thread
        if thread is None:
            return
        with self._cond:
            self._closing = True
            self._order = None
            self._ready.clear()
            self._cond.notify_all()
        thread.join()
        self._thread = None
        self._reading = None

    @property
    def running(self) -> bool:
        """Whether the thread is alive."""
        return self._thread is not None and self._thread.is_alive()

    def get(self, order: np.ndarray, index: int) -> tuple[np.ndarray, np.ndarray]:
        """Inputs and targets of batch ``index`` of ``order`` (an array the caller does not
        change afterwards: the thread reads it)."""
        if self._ahead and not self._failed:
            made = self._take(order, index)
            if made is not None:
                return made
        rows = order[index * self._size:(index + 1) * self._size]
        return self._x[rows], self._t[rows]

    def _take(self, order: np.ndarray, index: int) -> tuple[np.ndarray, np.ndarray] | None:
        group = self._reading
        if group is None or group.order is not order or not group.first <= index < group.end:
            group = self._next_group(order, index)
            if group is None:
                return None
        lo = (index - group.first) * self._size
        x = group.x[lo:lo + self._size]
        if STORED_AHEAD:
            x = self._x.made(x)
        return x, group.t[lo:lo + self._size]

    def _next_group(self, order: np.ndarray, index: int) -> _Group | None:
        with self._cond:
            if self._order is not order or index != self._taken or index >= self._end:
                self._replan(order, index)
                return None
            while not self._ready and not self._failed:
                self._cond.wait()
            if self._failed:
                return None
            group = self._reading = self._ready.popleft()
            self._taken = group.end
            self._cond.notify_all()
        return group

    def _replan(self, order: np.ndarray, index: int) -> None:
        """Have the thread make the batches after ``index`` of ``order`` (the caller makes
        ``index`` itself: it is needed now); under the lock."""
        self._plan += 1
        self._ready.clear()
        self._reading = None
        self._order = order
        self._next = self._taken = index + 1
        self._end = -(-order.shape[0] // self._size)
        if self._thread is None:
            self._closing = False
            self._thread = threading.Thread(target=self._run, name="netcanvas-batches",
                                            daemon=True)
            self._thread.start()
        self._cond.notify_all()

    # ------------------------------------------------------------------ the second thread
    def _run(self) -> None:
        cond = self._cond
        while True:
            with cond:
                while not self._closing and (self._order is None or self._next >= self._end
                                             or len(self._ready) >= DEPTH):
                    cond.wait()
                if self._closing:
                    return
                order, first, plan = self._order, self._next, self._plan
                end = self._next = min(first + self._per_group, self._end)
            rows = order[first * self._size:end * self._size]
            try:
                x = self._x.stored(rows) if STORED_AHEAD else self._x[rows]
                group = _Group(order, first, end, x, self._t[rows])
            except BaseException:
                with cond:
                    self._failed = True
                    cond.notify_all()
                return
            with cond:
                if plan == self._plan:
                    self._ready.append(group)
                    cond.notify_all()
