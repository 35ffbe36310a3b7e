"""The optimizer race (CONCEPTS.md §7): paths of every optimizer on 2-D test surfaces, and the
same network trained by several optimizers from the same initial weights."""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass, replace

import numpy as np

from . import optimizers
from .datasets import Dataset
from .network import build
from .settings import TrainingSettings
from .spec import NetworkSpec
from .trainer import Trainer


@dataclass(frozen=True)
class Surface:
    """f(x, y) with its gradient, a start point and the plotted window."""

    title: str
    f: Callable[[np.ndarray, np.ndarray], np.ndarray]
    grad: Callable[[float, float], tuple[float, float]]
    start: tuple[float, float]
    window: tuple[float, float, float, float]  # x0, x1, y0, y1


SURFACES: dict[str, Surface] = {
    "x²/20 + y²": Surface("x²/20 + y²", lambda x, y: x**2 / 20 + y**2,
                          lambda x, y: (x / 10, 2 * y), (-7.0, 2.0), (-10, 10, -5, 5)),
    "x² + y²": Surface("x² + y²", lambda x, y: x**2 + y**2,
                       lambda x, y: (2 * x, 2 * y), (-7.0, 2.0), (-10, 10, -5, 5)),
    "Rosenbrock (1−x)² + 10(y−x²)²": Surface(
        "Rosenbrock", lambda x, y: (1 - x) ** 2 + 10 * (y - x**2) ** 2,
        lambda x, y: (-2 * (1 - x) - 40 * x * (y - x**2), 20 * (y - x**2)),
        (-1.5, 2.0), (-2, 2, -1, 3)),
}

#: the book's learning rates for x²/20 + y² (Nesterov and RMSprop: like Momentum)
BOOK_LR: dict[str, float] = {"sgd": 0.95, "momentum": 0.1, "nesterov": 0.1, "adagrad": 1.5,
                             "rmsprop": 0.1, "adam": 0.3}


def path(surface: Surface, optimizer: str, lr: float, steps: int = 30) -> np.ndarray:
    """(steps + 1, 2) points: the start and every update of ``optimizer`` on ``surface``."""
    opt = optimizers.create(optimizer, lr=lr)
    point = {"p": np.array(surface.start, dtype=np.float64)}
    grad = {"p": np.zeros(2)}
    points = [point["p"].copy()]
    for _ in range(steps):
        grad["p"][:] = surface.grad(*point["p"])
        opt.update(point, grad)
        points.append(point["p"].copy())
    return np.array(points)


def train_curves(spec: NetworkSpec, data: Dataset, settings: TrainingSettings,
                 names: tuple[str, ...], lrs: dict[str, float],
                 on_epoch: Callable[[str, list[float]], None] | None = None,
                 cancel: threading.Event | None = None) -> dict[str, list[float]]:
    """Training loss per epoch for each optimizer, every run from the same initial weights
    (same seed) on the same split and batches.

    ``on_epoch(name, curve_so_far)`` is called after every epoch (from the calling thread);
    once ``cancel`` is set the running optimizer stops at its next mini-batch, no other
    starts, and the curves so far are returned."""
    curves: dict[str, list[float]] = {}
    for name in names:
        if cancel is not None and cancel.is_set():
            break
        run = replace(settings, optimizer=name, lr=lrs[name], optimizer_options={})
        net = build(spec, seed=settings.seed, dtype=np.dtype(settings.dtype))
        trainer = Trainer(net, data, run)
        curve = curves[name] = []
        for event in trainer.iterate():
            if event.epoch_metrics is not None:
                loss = event.epoch_metrics.get("train_loss")
                curve.append(float("nan") if loss is None else float(loss))
                if on_epoch is not None:
                    on_epoch(name, list(curve))
            if cancel is not None and cancel.is_set():
                trainer.stop()
    return curves
