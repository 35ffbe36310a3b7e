"""One MNIST-sized epoch, NetCanvas against PyTorch on the CPU (part of ``netcanvas bench``).

An epoch of the book's 784-100-10 network (ReLU, softmax cross-entropy, float32, SGD lr 0.1,
batch 100) on 60,000 rows of 784 pixel values: what a reader waits for. The pixels are
bytes, as MNIST is kept in NetCanvas (47 MB instead of 376 MB as float64), made into float32
batch by batch; PyTorch gets all of them as one float32 tensor before its clock starts.
Both sides do the same work: shuffle the rows, one update per mini-batch, then measure loss
and accuracy on the first ``MAX_EVAL_ROWS`` training rows (as
:class:`~core.training.trainer.Trainer` does at every epoch's end). NetCanvas runs its real
Trainer; PyTorch (only when importable — it is never a dependency) runs the plain loop a
tutorial would write. Rounds alternate, and the medians are compared: the goal is NetCanvas
at least 1.5× as fast. NetCanvas trains as ``netcanvas train`` does: each step divided
between processes, one per core, when the network is large enough to gain from it — for this
network the first layer's units, half each (see :mod:`core.engine.unit_split`; a helper
process starts in the first round and is reused); PyTorch computes on a thread per core. A
second line compares the processor time of every thread and process (no goal): waiting for
each other, both sides keep their cores busy.
"""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable
from typing import NamedTuple

import numpy as np

from core.datasets.dataset import Dataset
from core.i18n import _
from core.spec import NetworkSpec
from core.training.measure import MAX_EVAL_ROWS
from core.training.prepare import TrainingData, prepare
from core.training.settings import TrainingSettings
from core.training.trainer import Trainer

SIZES = (784, 100, 10)
ROWS = 60_000
BATCH = 100
LR = 0.1
GOAL = 1.5


def mnist_sized(rows: int = ROWS, seed: int = 0) -> Dataset:
    """``rows`` random 28×28 byte images, ten random labels: MNIST's shape, which is all an
    epoch's time depends on, stored as NetCanvas stores MNIST — bytes, divided by 255 as
    they are read (PyTorch gets the same values as a float32 tensor, made before timing)."""
    rng = np.random.default_rng(seed)
    x = rng.integers(0, 256, (rows, SIZES[0]), dtype=np.uint8)
    y = rng.integers(0, SIZES[-1], rows)
    return Dataset(name="mnist-sized", x=x, y=y, task="classification",
                   feature_names=tuple(f"pixel_{i}" for i in range(SIZES[0])),
                   class_names=tuple(str(d) for d in range(SIZES[-1])),
                   source=_("{rows:,} random 28×28 images").format(rows=rows), x_divisor=255.0)


def settings() -> TrainingSettings:
    return TrainingSettings(optimizer="sgd", lr=LR, epochs=1, batch_size=BATCH,
                            split=(1.0, 0.0, 0.0), dtype="float32")


class Timing(NamedTuple):
    """One epoch: seconds on the clock, CPU seconds of every thread (and helper process), and
    what the side computes on (NetCanvas: processes of one BLAS thread each; PyTorch: its
    intra-op threads)."""

    wall: float
    cpu: float
    threads: int


def _timed(work: Callable[[], object], threads: int,
           other_cpu: Callable[[], float] = lambda: 0.0) -> Timing:
    started, cpu = time.perf_counter(), time.process_time()
    work()
    return Timing(time.perf_counter() - started, time.process_time() - cpu + other_cpu(), threads)


def engine_epoch(spec: NetworkSpec, data: TrainingData) -> Timing:
    """One epoch of NetCanvas's Trainer as ``netcanvas train`` runs it (fresh weights, data
    already prepared): in as many processes as the cores and the network make worth it, their
    processor time counted."""
    trainer = Trainer(spec, data, settings())
    timing = _timed(lambda: trainer.run(processes=None), 1, lambda: trainer.helper_cpu_seconds)
    return timing._replace(threads=trainer.processes)


def torch_epoch_runner(data: TrainingData) -> Callable[[], Timing] | None:
    """A function timing one PyTorch epoch on the same rows, or None without torch."""
    try:
        import torch  # measuring only; never a dependency
    except ImportError:
        return None
    train = data.train
    x = torch.from_numpy(np.ascontiguousarray(train.x, np.float32))
    y = torch.from_numpy(train.y.astype(np.int64))
    generator = torch.Generator().manual_seed(0)

    def epoch() -> Timing:
        torch.manual_seed(0)
        layers = [torch.nn.Linear(SIZES[0], SIZES[1]), torch.nn.ReLU(),
                  torch.nn.Linear(SIZES[1], SIZES[2])]
        model = torch.nn.Sequential(*layers)
        opt = torch.optim.SGD(model.parameters(), lr=LR)
        loss_fn = torch.nn.CrossEntropyLoss()
        return _timed(lambda: train(model, opt, loss_fn), torch.get_num_threads())

    def train(model: torch.nn.Module, opt: torch.optim.Optimizer,
              loss_fn: torch.nn.Module) -> None:
        order = torch.randperm(x.shape[0], generator=generator)
        xs, ys = x[order], y[order]
        for lo in range(0, xs.shape[0], BATCH):
            opt.zero_grad(set_to_none=True)
            loss = loss_fn(model(xs[lo:lo + BATCH]), ys[lo:lo + BATCH])
            loss.backward()
            opt.step()
        with torch.no_grad():
            n = min(MAX_EVAL_ROWS, x.shape[0])
            out = model(x[:n])
            float(loss_fn(out, y[:n]))
            int((out.argmax(1) == y[:n]).sum())

    return epoch


def run(rows: int = ROWS, rounds: int = 3, include_torch: bool = True,
        out: Callable[[str], None] = print) -> tuple[float, float | None]:
    """Print the comparison; returns the median seconds per epoch (NetCanvas, PyTorch or
    None)."""
    spec = NetworkSpec.mlp(SIZES)
    data = prepare(mnist_sized(rows), spec, settings().split, 0, False, np.float32)
    torch_epoch = torch_epoch_runner(data) if include_torch else None
    engine: list[Timing] = []
    other: list[Timing] = []
    for _round in range(rounds):
        engine.append(engine_epoch(spec, data))
        if torch_epoch is not None:
            other.append(torch_epoch())
    ours = statistics.median(t.wall for t in engine)
    text = _("784-100-10 epoch on {rows:,} MNIST-sized rows (batch {batch}, SGD, float32; "
             "median of {rounds}): NetCanvas {seconds:.2f} s").format(
        rows=rows, batch=BATCH, rounds=rounds, seconds=ours)
    if not other:
        out(text + ("" if not include_torch else _(" (torch is not importable: no comparison)")))
        return ours, None
    theirs = statistics.median(t.wall for t in other)
    ratio = theirs / ours
    verdict = _(", PyTorch CPU {seconds:.2f} s — NetCanvas {ratio:.2f}x as fast (goal ≥ {goal}: "
                "met)") if ratio >= GOAL else _(", PyTorch CPU {seconds:.2f} s — NetCanvas "
                                                "{ratio:.2f}x as fast (goal ≥ {goal}: NOT met)")
    out(text + verdict.format(seconds=theirs, ratio=ratio, goal=GOAL))
    our_cpu = statistics.median(t.cpu for t in engine)
    their_cpu = statistics.median(t.cpu for t in other)
    out(_("  processor time per epoch, every thread and process counted: NetCanvas {ours:.2f} s, "
          "PyTorch {theirs:.2f} s — NetCanvas {ratio:.2f}x as economical (no goal; NetCanvas "
          "processes: {processes}, one BLAS thread each; PyTorch threads: {threads})").format(
        ours=our_cpu, theirs=their_cpu, ratio=their_cpu / our_cpu if our_cpu > 0 else 0.0,
        processes=engine[0].threads, threads=other[0].threads))
    return ours, theirs
