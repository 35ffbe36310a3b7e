"""The optimizer race (docs/book.md §7): paths of every optimizer on 2-D test surfaces, and the
same network trained by several optimizers from the same initial weights."""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass, field, replace

import numpy as np

from core.datasets import Dataset, load_digits
from core.engine import optimizers
from core.engine.gradient import gradient_descent, numerical_gradient
from core.engine.network import build
from core.spec import NetworkSpec
from core.training.events import TrainingEvent
from core.training.settings import TrainingSettings
from core.training.trainer import Trainer

#: how each optimizer is written in the book (and in the lab's words)
TITLES: dict[str, str] = {"sgd": "SGD", "momentum": "Momentum",  # i18n: not ui
                          "nesterov": "Nesterov", "adagrad": "AdaGrad",  # i18n: not ui
                          "rmsprop": "RMSprop", "adam": "Adam"}  # i18n: not ui

#: the four the book compares (its figures leave Nesterov and RMSprop out)
IN_BOOK: tuple[str, ...] = ("sgd", "momentum", "adagrad", "adam")

#: the book's learning rates for x²/20 + y² (Nesterov and RMSprop: like Momentum)
BOOK_LR: dict[str, float] = {"sgd": 0.95, "momentum": 0.1, "nesterov": 0.1, "adagrad": 1.5,
                             "rmsprop": 0.1, "adam": 0.3}

#: Rosenbrock's curved valley is far steeper than the bowl (its gradient grows like 40x³): at the
#: bowl's rates SGD, Momentum and Nesterov diverge within 4 steps. Measured from (−1.5, 2): these
#: are at most half the smallest rate that diverges (SGD 0.025, Momentum 0.03, Nesterov 0.015;
#: the adaptive steps of AdaGrad, RMSprop and Adam are bounded by their rate). AdaGrad's first
#: step is lr along each axis whatever the slope: at lr 1 it jumped from (−1.5, 2) to the window's
#: top edge (−0.5, 3) and zig-zagged between x −1.5 and −0.5; at 0.3 it goes to (−1.2, 2.3), back
#: 0.39, and then 97 % of its steps are shorter than the one before. RMSprop's first step is
#: 10·lr along each axis (its average of g² starts at 0.01·g²): at 0.1 it too hit the top edge,
#: at 0.03 it takes AdaGrad's first step and keeps its pace. After 100 updates SGD is at
#: (−0.61, 0.45), Momentum (0.99, 0.97), Nesterov (0.98, 0.95), AdaGrad (−0.45, 0.25), RMSprop
#: (−0.08, 0.02), Adam (1.02, 1.04); after 200 SGD (0.57, 0.31), AdaGrad (0.50, 0.24), RMSprop
#: (0.79, 0.62), the others (1.00, 1.00): all finite, none leaves the plotted window.
ROSENBROCK_LR: dict[str, float] = {"sgd": 0.01, "momentum": 0.005, "nesterov": 0.005,
                                   "adagrad": 0.3, "rmsprop": 0.03, "adam": 0.2}


@dataclass(frozen=True)
class Surface:
    """f(x, y) with its gradient, a start point, the plotted window, where the minimum is, the
    learning rates that suit it (one per optimizer), how many updates show them arrive and
    the names of its two variables (the plot's x and y axes)."""

    title: str
    f: Callable[[np.ndarray, np.ndarray], np.ndarray]
    grad: Callable[[float, float], tuple[float, float]]
    start: tuple[float, float]
    window: tuple[float, float, float, float]  # x0, x1, y0, y1
    minimum: tuple[float, float] = (0.0, 0.0)
    rates: dict[str, float] = field(default_factory=lambda: dict(BOOK_LR), hash=False)
    steps: int = 30
    variables: tuple[str, str] = ("x", "y")


SURFACES: dict[str, Surface] = {
    "x²/20 + y²": Surface("x²/20 + y²", lambda x, y: x**2 / 20 + y**2,  # i18n: not ui
                          lambda x, y: (x / 10, 2 * y), (-7.0, 2.0), (-10, 10, -5, 5)),
    "x² + y²": Surface("x² + y²", lambda x, y: x**2 + y**2,  # i18n: not ui
                       lambda x, y: (2 * x, 2 * y), (-7.0, 2.0), (-10, 10, -5, 5)),
    "Rosenbrock (1−x)² + 10(y−x²)²": Surface(
        "Rosenbrock", lambda x, y: (1 - x) ** 2 + 10 * (y - x**2) ** 2,  # i18n: not ui
        lambda x, y: (-2 * (1 - x) - 40 * x * (y - x**2), 20 * (y - x**2)),
        (-1.5, 2.0), (-2, 2, -1, 3), minimum=(1.0, 1.0), rates=dict(ROSENBROCK_LR),
        steps=100),
}

#: a point this far from the origin counts as diverged (the surfaces' windows are within ±10)
DIVERGED_BEYOND = 1e6


@dataclass(frozen=True)
class Trace:
    """An optimizer's path: ``points`` (k + 1, 2) from the start, all finite and within
    ``DIVERGED_BEYOND``; ``diverged_at`` is the update whose point was not (None if none was),
    and the path stops just before it."""

    points: np.ndarray
    diverged_at: int | None = None


def trace(surface: Surface, optimizer: str, lr: float, steps: int = 30) -> Trace:
    """Run ``steps`` updates of ``optimizer`` on ``surface``, stopping at the first one that
    leaves the finite numbers (or goes beyond ``DIVERGED_BEYOND``): a learning rate too large
    for the surface's curvature makes every step overshoot further than the last."""
    opt = optimizers.create(optimizer, lr=lr)
    point = {"p": np.array(surface.start, dtype=np.float64)}
    grad = {"p": np.zeros(2)}
    points = [point["p"].copy()]
    with np.errstate(over="ignore", invalid="ignore", divide="ignore"):
        for step in range(1, steps + 1):
            grad["p"][:] = surface.grad(*point["p"])
            opt.update(point, grad)
            p = point["p"]
            if not (np.all(np.isfinite(p)) and np.max(np.abs(p)) <= DIVERGED_BEYOND):
                return Trace(np.array(points), step)
            points.append(p.copy())
    return Trace(np.array(points))


def path(surface: Surface, optimizer: str, lr: float, steps: int = 30) -> np.ndarray:
    """(steps + 1, 2) points: the start and every update of ``optimizer`` on ``surface`` (fewer
    if it diverged: see :func:`trace`)."""
    return trace(surface, optimizer, lr, steps).points



# The book's gradient method (§4.4): x ← x − lr·∇f(x) on f(x0, x1) = x0² + x1², ∇f by central
# differences (h = 1e-4), from (−3, 4) for step_num = 100. The book prints [−6.11110793e-10,
# 8.14814391e-10] at lr 0.1; at lr 10 [−2.58983747e+13, −1.29524862e+12] (the central difference
# rounds to 0 once x is that large, so the numbers stop growing there); at lr 1e-10
# [−2.99999994, 3.99999992]. Its figure draws 20 steps: [−0.0345876451, 0.0461168602].
DESCENT = Surface("x0² + x1²", lambda x, y: x**2 + y**2,  # i18n: not ui
                  lambda x, y: (2 * x, 2 * y), (-3.0, 4.0), (-9, 9, -4.5, 4.5), steps=100,
                  variables=("x0", "x1"))
#: the book's rate, then its "too large" and "too small" ones
DESCENT_RATES = (0.1, 10.0, 1e-10)


def book_function(x: np.ndarray) -> float:
    """The book's function_2: x0² + x1²."""
    return float(x[0] ** 2 + x[1] ** 2)


def book_gradient(point: tuple[float, float]) -> np.ndarray:
    """∇(x0² + x1²) at ``point`` by the book's central differences: (6, 8) at (3, 4)."""
    return numerical_gradient(book_function, np.array(point, dtype=np.float64))


@dataclass(frozen=True)
class Descent:
    """The book's gradient descent: every point from the start (``steps`` + 1 of them), and
    what became of it: "arrived" at the minimum, "diverged", "stuck" near the start, or still
    "moving" (on its way)."""

    points: np.ndarray
    outcome: str

    @property
    def final(self) -> np.ndarray:
        return self.points[-1]

    def drawable(self) -> Trace:
        """The path as the plot takes it: up to the first point beyond ``DIVERGED_BEYOND``."""
        far = np.flatnonzero(np.max(np.abs(self.points), axis=1) > DIVERGED_BEYOND)
        if len(far) == 0:
            return Trace(self.points)
        return Trace(self.points[: far[0]], int(far[0]))


def book_descent(lr: float, steps: int = DESCENT.steps) -> Descent:
    """Run the book's gradient_descent(function_2, init_x=(−3, 4), lr, step_num=steps)."""
    _final, history = gradient_descent(book_function, DESCENT.start, lr=lr, step_num=steps,
                                       history=True)
    points = np.array(history)
    start, end = np.hypot(*points[0]), np.hypot(*points[-1])
    if not np.isfinite(end) or end > 100 * start:
        outcome = "diverged"
    elif end < 1e-3 * start:
        outcome = "arrived"
    elif np.hypot(*(points[-1] - points[0])) < 1e-3 * start:
        outcome = "stuck"
    else:
        outcome = "moving"
    return Descent(points, outcome)


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
        curves[name] = _loss_curve(Trainer(net, data, run), name, on_epoch, cancel)
    return curves


def _loss_curve(trainer: Trainer, name: str,
                on_epoch: Callable[[str, list[float]], None] | None,
                stop: threading.Event | None) -> list[float]:
    """Train to the end (or ``stop``), the training loss of every epoch as it ends."""
    curve: list[float] = []

    def epoch_ended(event: TrainingEvent) -> None:
        if event.epoch_metrics is not None:
            loss = event.epoch_metrics.get("train_loss")
            curve.append(float("nan") if loss is None else float(loss))
            if on_epoch is not None:
                on_epoch(name, list(curve))

    trainer.run(epoch_ended, stop=stop)
    return curve


# The book's MNIST comparison, on the bundled digits: 4 hidden layers of 100 ReLU units, batches
# of 128, its rates (SGD, Momentum, AdaGrad 0.01; Adam 0.001; Nesterov like Momentum, RMSprop
# like Adam). Measured, seed 0, after 10 epochs: SGD 0.71, the others 0.007-0.048 — SGD slowest
# by far, as in the book's figure.
BOOK_RACE_SPEC = NetworkSpec.mlp([64, 100, 100, 100, 100, 10], hidden_activation="relu")
BOOK_RACE_SETTINGS = TrainingSettings(epochs=10, batch_size=128, standardize=True)
BOOK_RACE_LR: dict[str, float] = {"sgd": 0.01, "momentum": 0.01, "nesterov": 0.01,
                                  "adagrad": 0.01, "rmsprop": 0.001, "adam": 0.001}


def book_race(on_epoch: Callable[[str, list[float]], None] | None = None,
              cancel: threading.Event | None = None,
              names: tuple[str, ...] = optimizers.NAMES) -> dict[str, list[float]]:
    """:func:`train_curves` of the book's race: the ``names`` optimizers (every one unless
    told), each at its rate, on the digits."""
    return train_curves(BOOK_RACE_SPEC, load_digits(), BOOK_RACE_SETTINGS, names,
                        BOOK_RACE_LR, on_epoch=on_epoch, cancel=cancel)
