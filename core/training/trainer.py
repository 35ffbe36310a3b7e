"""The trainer: mini-batch training over epochs that a GUI thread can pause, step and stop.

It is a plain loop around :meth:`Trainer.step` (one mini-batch), so a test, the command line
and the GUI's worker thread drive the same code. The worker runs :meth:`Trainer.iterate` and
forwards the events; the window calls :meth:`pause`, :meth:`resume`, :meth:`request_step`,
:meth:`stop` and :meth:`set_lr` from its own thread. Those only set ``threading.Event`` flags
or a float that the loop reads between mini-batches, because no event loop runs in the worker.

Snapshots (see :mod:`core.training.snapshot`) are made at a rate the caller asks for, and their cost
is timed (:attr:`Trainer.snapshot_seconds` next to :attr:`Trainer.train_seconds`) so the GUI can
keep it small next to training.
"""

from __future__ import annotations

import math
import threading
import time
from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING

import numpy as np

from core.datasets import Dataset
from core.engine import blas
from core.engine.network import Network, build
from core.i18n import _
from core.spec import NetworkSpec
from core.training.events import StopFlag, TrainingEvent
from core.training.history import History
from core.training.measure import evaluate
from core.training.outcome import Outcome, diverged, ended
from core.training.prepare import TrainingData, prepare
from core.training.resume import Continuation
from core.training.settings import TrainingSettings, batches_per_epoch, positive
from core.training.snapshot import (
    HISTOGRAM_BINS,
    PROBE_ROWS,
    Snapshot,
    activation_stats,
    edge_histograms,
    gradient_norms,
    output_grid,
    probe_indices,
)

if TYPE_CHECKING:
    from core.engine.batch_split import HelpedRun

GRID_SIZE = 64
RATE_SMOOTHING = 0.1


class Trainer:
    """Trains ``network`` (or a network built from a spec with the settings' seed, dtype, weight
    decay and L1) on ``data``: a data set, split and prepared here with the settings' split,
    seed and standardisation, or an already :func:`~core.training.prepare.prepare`-d one.

    A network passed in is trained in place and takes the settings' weight decay and L1.
    ``history`` continues an earlier run, and ``continuation`` (what :meth:`continuation` gave
    at its end) makes that exact: optimizer state, shuffling and dropout carry on. Snapshots
    come every ``snapshot_every`` batches and/or every ``snapshot_interval`` seconds (neither:
    only when :meth:`snapshot` is called).
    """

    def __init__(
        self,
        network: Network | NetworkSpec,
        data: Dataset | TrainingData,
        settings: TrainingSettings,
        *,
        history: History | None = None,
        continuation: Continuation | None = None,
        snapshot_every: int | None = None,
        snapshot_interval: float | None = None,
        probe_rows: int = PROBE_ROWS,
        grid_size: int = GRID_SIZE,
        bins: int = HISTOGRAM_BINS,
    ) -> None:
        self.settings = settings
        if isinstance(network, NetworkSpec):
            network = build(network, seed=settings.seed, dtype=np.dtype(settings.dtype),
                            weight_decay=settings.weight_decay, l1=settings.l1)
        else:
            network.weight_decay = settings.weight_decay
            network.l1 = settings.l1
        self.network = network
        if isinstance(data, Dataset):
            data = prepare(data, network.spec, settings.split, settings.seed,
                           settings.standardize, network.dtype)
        self.data = data
        self.task = data.task
        if history is not None and history.task != data.task:
            raise ValueError(_("the saved history is for {saved}, the data for {data}").format(
                saved=history.task, data=data.task))
        self.history = history if history is not None else History(data.task)
        self.optimizer = settings.create_optimizer()
        self._lr = self.optimizer.lr  # the rate of the next mini-batch (see set_lr)
        self.outcome: Outcome | None = None

        train = data.train
        self.batch_size = min(settings.batch_size, train.n)
        self.batches_per_epoch = batches_per_epoch(train.n, settings.batch_size)
        self.epoch = self.history.n_epochs  # finished epochs
        self.first_epoch = self.epoch  # finished before this run
        self.last_epoch = self.epoch + settings.epochs
        self.batch = 0  # batches done in the current epoch
        self.step_count = 0
        self._position = (self.epoch + 1, 0)  # (epoch, batch) of the last event, 1-based
        self._rng = np.random.default_rng([settings.seed, 1])
        self._order = np.arange(train.n)  # this epoch's shuffle
        self._loss = math.nan
        self._best_val = math.inf
        self._best_epoch = 0
        self._seconds_per_sample: float | None = None
        self._measure_seconds = 0.0  # the last epoch end's measuring of every part
        if continuation is not None:
            continuation.restore(self.optimizer, network, self._rng)

        self._probe = train.x[probe_indices(train.n, settings.seed, probe_rows)]
        self._grid_size = grid_size
        self._bins = bins
        self.snapshot_every = snapshot_every
        self.snapshot_interval = snapshot_interval
        self._last_snapshot_step = 0
        self._last_snapshot_time = -math.inf
        self._shown: dict[str, np.ndarray] | None = None  # see show()
        self.train_seconds = self.snapshot_seconds = 0.0
        self._split: HelpedRun | None = None  # while run() divides the steps
        self.helper_cpu_seconds = 0.0  # processor time of run()'s helper processes
        self.processes = 1  # the processes run() last trained in (at its start)
        self.division: str | None = None  # how it divided a step between them (HelpedRun.way)

        self._stop = threading.Event()
        self._paused = threading.Event()
        self._wake = threading.Event()
        self._lock = threading.Lock()
        self._step_requests = 0

    # ------------------------------------------------------------------ control (any thread)
    @property
    def lr(self) -> float:
        """The learning rate the next mini-batch uses."""
        return self._lr

    def set_lr(self, value: float) -> None:
        """Have the next mini-batch use learning rate ``value`` (the settings this trainer was
        made with stay as they were).

        Safe from any thread: it stores one float, which :meth:`step` hands to the optimizer
        before a mini-batch. Never during an update: Nesterov reads the rate twice per update,
        and a change in between would mix two rates in one step."""
        positive("lr", value)
        self._lr = float(value)

    def pause(self) -> None:
        self._paused.set()
        self._wake.set()

    def resume(self) -> None:
        with self._lock:
            self._step_requests = 0
        self._paused.clear()
        self._wake.set()

    def stop(self) -> None:
        """End :meth:`iterate` before its next mini-batch (also when paused)."""
        self._stop.set()
        self._wake.set()

    def request_step(self) -> None:
        """While paused, have :meth:`iterate` train exactly one more mini-batch (ignored while
        running: there is no step to add)."""
        with self._lock:
            if not self._paused.is_set():
                return
            self._step_requests += 1
        self._wake.set()

    @property
    def paused(self) -> bool:
        return self._paused.is_set()

    def continuation(self) -> Continuation | None:
        """What a later trainer needs to carry on exactly from here (copies; call it from the
        thread that trains, or after training); None once the run has diverged."""
        self._synced()
        state = Continuation.capture(self.optimizer, self.network, self._rng)
        diverged = self.outcome is not None and self.outcome.failed
        return None if diverged or not state.finite else state

    # ------------------------------------------------------------------ driving
    def iterate(self, waiting: Callable[[], None] | None = None) -> Iterator[TrainingEvent]:
        """Train until an outcome, yielding one event per mini-batch; the last event carries the
        outcome. Blocks (without spinning) while paused, calling ``waiting()`` (in this thread)
        each time before it blocks: a pause may come after the caller last looked at
        :attr:`paused`, and this is where the caller learns the state it now waits in."""
        while self.outcome is None:
            if self._stop.is_set():
                self._finish("stopped", "stopped_by_user")
                yield self._event(None)
                return
            if self._paused.is_set() and not self._take_step_request():
                if waiting is not None:
                    waiting()
                self._wake.wait()
                self._wake.clear()
                continue
            yield self.step()

    def run(self, progress: Callable[[TrainingEvent], None] | None = None,
            stop: StopFlag | None = None, processes: int | None = 1) -> Outcome:
        """Train to the end in this thread, calling ``progress`` with every event; ends before
        the next mini-batch once ``stop`` (another thread's or process's flag) is set.

        One process trains as the window does, on a BLAS thread fewer than the cores (on 2:
        faster; README). More divide each step with helper processes — by the first layer's
        units or by rows (:func:`core.engine.batch_split.opened`); None: as many as the cores
        and the network make worth it."""
        # imported here: the window trains through iterate(), and never pays for the
        # multiprocessing machinery at its start (25 ms)
        from core.engine import batch_split

        steps = self.batches_per_epoch * (self.last_epoch - self.epoch)
        helpers = batch_split.helpers_for(self.network, self.batch_size, steps, processes)
        with blas.held(blas.gui_friendly_threads()), \
                batch_split.opened(self.network, self.batch_size, helpers,
                                   self.data.train.x, self.optimizer) as split:
            self._split = split
            self.processes = split.processes if split is not None else 1
            self.division = split.way if split is not None else None
            try:
                for event in self.iterate():
                    if progress is not None:
                        progress(event)
                    if stop is not None and stop.is_set():
                        self.stop()
            finally:
                self._split = None
        self.helper_cpu_seconds += split.helper_cpu if split is not None else 0.0
        assert self.outcome is not None
        return self.outcome

    def step(self) -> TrainingEvent:
        """Train one mini-batch (and, if it ends the epoch, measure every part).

        Overflow warnings are silenced: a diverging run is reported once, as an outcome."""
        if self.outcome is not None:
            raise RuntimeError(f"training has ended: {self.outcome.reason}")  # i18n: not ui
        self.optimizer.lr = self._lr
        self._shown = None  # it trains: snapshots copy the network's changing values again
        with np.errstate(over="ignore", invalid="ignore", divide="ignore"):
            return self._step()

    def _step(self) -> TrainingEvent:
        started = time.perf_counter()
        if self.batch == 0:
            self._order = self._rng.permutation(self.data.train.n)
        self._position = (self.epoch + 1, self.batch + 1)
        lo = self.batch * self.batch_size
        rows = self._order[lo:lo + self.batch_size]  # a batch's rows, not a shuffled copy
        train = self.data.train
        # The network's own step (it skips the update when the loss is not finite, so a
        # diverged run keeps its last finite weights), or run()'s split of it
        if self._split is not None:
            loss = self._split.train_rows(train.x, rows, train.t[rows], self.optimizer)
        else:
            loss = self.network.train_step(train.x[rows], train.t[rows], self.optimizer)
        self.step_count += 1
        self._loss = loss
        trained = time.perf_counter()
        metrics = None
        if not math.isfinite(loss):
            self._diverged(loss)
        else:
            self.history.append_batch(loss)
            self.batch += 1
            if self.batch == self.batches_per_epoch:
                metrics = self._end_epoch()
                self._measure_seconds = time.perf_counter() - trained
        finished = time.perf_counter()
        self.train_seconds += finished - started
        # the rate is the mini-batches': an epoch's end also measures every part (on MNIST
        # 60× a batch), which the ETA counts once per epoch instead of smoothing it in
        per_sample = (trained - started) / len(rows)
        self._seconds_per_sample = per_sample if self._seconds_per_sample is None else (
            (1 - RATE_SMOOTHING) * self._seconds_per_sample + RATE_SMOOTHING * per_sample)
        return self._event(metrics)

    # ------------------------------------------------------------------ epochs and stopping
    def _end_epoch(self) -> dict[str, float | None]:
        metrics = self.evaluate()
        self.batch = 0
        train_loss = metrics["train_loss"]
        if train_loss is None or not math.isfinite(train_loss):
            self._diverged(math.nan if train_loss is None else train_loss)
            return metrics
        self.epoch += 1
        self.history.append_epoch(self.epoch, metrics)
        settings = self.settings
        if settings.target_loss is not None and train_loss <= settings.target_loss:
            self._finish("target_reached", "target_reached", target=settings.target_loss,
                         loss=train_loss, epoch=self.epoch)
            return metrics
        patience = settings.early_stopping_patience
        val_loss = metrics.get("val_loss")
        if patience is not None and val_loss is not None:
            if val_loss < self._best_val:
                self._best_val, self._best_epoch = val_loss, self.epoch
            elif self.epoch - self._best_epoch >= patience:
                self._finish("early_stopped", "early_stopped", patience=patience,
                             best=self._best_val, epoch=self._best_epoch)
                return metrics
        if self.epoch >= self.last_epoch:
            self._finish("completed", "finished_epochs", n=settings.epochs)
        return metrics

    def _diverged(self, loss: float) -> None:
        self.outcome = diverged(loss, epoch=self.epoch + 1, lr=self.optimizer.lr)

    def _finish(self, kind: str, key: str, **values: float) -> None:
        """End with outcome ``kind`` for reason ``key`` (:data:`core.training.reasons.REASONS`)."""
        self.outcome = ended(kind, key, **values)

    def _take_step_request(self) -> bool:
        with self._lock:
            if self._step_requests:
                self._step_requests -= 1
                return True
        return False

    # ------------------------------------------------------------------ measuring
    def evaluate(self) -> dict[str, float | None]:
        """Loss and accuracy (or MSE and R²) of every non-empty part, in inference mode
        (:func:`core.training.measure.evaluate`: at most MAX_EVAL_ROWS rows of each)."""
        self._synced()
        return evaluate(self.network, self.data)

    def _synced(self) -> None:
        """The network whole, to be read: while run() divides its steps between processes,
        the first layer's units are kept apart (:meth:`HelpedRun.sync`)."""
        if self._split is not None:
            self._split.sync()

    # ------------------------------------------------------------------ events and snapshots
    def _event(self, metrics: dict[str, float | None] | None) -> TrainingEvent:
        finished = self.outcome is not None
        due = finished or self._snapshot_due()
        snap = self.snapshot() if due and self._snapshots_wanted() else None
        rate = 1.0 / self._seconds_per_sample if self._seconds_per_sample else 0.0
        eta = None
        if not finished and self._seconds_per_sample is not None:
            remaining_epochs = self.last_epoch - self.epoch
            samples = remaining_epochs * self.data.train.n - self.batch * self.batch_size
            eta = max(samples, 0) * self._seconds_per_sample + \
                remaining_epochs * self._measure_seconds
        return TrainingEvent(*self._position, self.batches_per_epoch, self.step_count,
                             self._loss, rate, eta, metrics, snap, self.outcome)

    def show(self, params: dict[str, np.ndarray], state: dict[str, np.ndarray]) -> None:
        """Load arrays to look at, not to train on (a timeline record of an epoch, replayed):
        the network takes copies of them, and its snapshots carry read-only views of
        ``params`` themselves (in the network's dtype) instead of copies of the network's —
        a copy of every weight less at each step back. Safe as long as nobody writes into
        ``params`` (the timeline keeps its records as they were) and until the network trains,
        which ends it (:meth:`step`)."""
        self.network.load_params(params, state)
        dtype = self.network.dtype
        self._shown = {name: _read_only(np.asarray(value, dtype=dtype))
                       for name, value in params.items()}

    def _params_to_show(self) -> dict[str, np.ndarray]:
        """A snapshot's parameters: what :meth:`show` loaded, else copies of the network's
        (training changes those in place)."""
        if self._shown is not None:
            return dict(self._shown)
        return {name: value.copy() for name, value in self.network.params.items()}

    def _snapshots_wanted(self) -> bool:
        return self.snapshot_every is not None or self.snapshot_interval is not None

    def _snapshot_due(self) -> bool:
        if self.snapshot_every is not None and \
                self.step_count - self._last_snapshot_step >= self.snapshot_every:
            return True
        return self.snapshot_interval is not None and \
            time.perf_counter() - self._last_snapshot_time >= self.snapshot_interval

    def snapshot(self, histograms: bool = True, activations: bool = True,
                 grid: bool = True) -> Snapshot:
        """A copy of everything the panels show, now (timed into ``snapshot_seconds``); without
        the weight and gradient ``histograms``, the probe batch's ``activations`` or the output
        ``grid`` (left empty, or None) when asked — parts no panel on screen draws.

        Call it from the thread that trains (events carry the ones made at the requested rate),
        or while nothing trains: it runs the network on the probe batch and the grid."""
        started = time.perf_counter()
        self._synced()
        net = self.network
        bins = self._bins
        grads = net.last_gradients() if self.step_count else {}  # this run's last step
        data = self.data
        plane = grid
        grid = None
        if plane and data.n_raw_features in (1, 2):
            grid = output_grid(net, lambda raw: data.inputs_for(raw, net.dtype), data.low,
                               data.high, self._grid_size, self.task == "classification")
        snap = Snapshot(
            epoch=self.epoch,
            batch=self.batch,
            step=self.step_count,
            lr=self.lr,
            history=self.history.copy(),
            params=self._params_to_show(),
            state={k: v.copy() for k, v in net.state.items()},
            weight_histograms=edge_histograms(net.spec, net.params, bins) if histograms else {},
            gradient_histograms=edge_histograms(net.spec, grads, bins) if histograms else {},
            gradient_norms=gradient_norms(net, grads) if grads else {},
            activations=activation_stats(net, self._probe, bins) if activations else {},
            grid=grid,
        )
        finished = time.perf_counter()
        self.snapshot_seconds += finished - started
        self._last_snapshot_step = self.step_count
        self._last_snapshot_time = finished
        return snap


def _read_only(array: np.ndarray) -> np.ndarray:
    view = array.view()
    view.flags.writeable = False
    return view
