"""Engine throughput benchmark (``netcanvas bench``): samples/s for training steps.

One training step = loss and gradient by backprop + an SGD update, on ReLU MLPs with softmax
cross-entropy, float32. Compared in the same process, interleaved round by round (this machine is
small and noisy: ratios from one run, medians over rounds):
- the NetCanvas engine,
- a minimal textbook layer-list NumPy implementation (the book's Affine/Relu/SoftmaxWithLoss),
- PyTorch on the CPU, when ``torch`` is importable (never a NetCanvas dependency),
plus the machine's float32 GEMM rate and the fraction of it each workload reaches.
"""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable
from dataclasses import dataclass
from itertools import pairwise

import numpy as np

from core.engine import optimizers
from core.engine.network import build
from core.i18n import _
from core.spec import NetworkSpec

WORKLOADS: tuple[tuple[tuple[int, ...], int], ...] = (
    ((2, 8, 8, 2), 10),
    ((784, 100, 100, 10), 100),
    ((784, 512, 512, 10), 256),
)
LR = 0.01


def gemm_gflops(n: int = 1024, repeats: int = 5) -> float:
    """Best-of float32 matrix-multiply rate (GFLOP/s) for n×n times n×n (measured between the
    rounds too: its median is the reference, as noisy as the workloads it is compared with)."""
    rng = np.random.default_rng(0)
    a = rng.standard_normal((n, n), dtype=np.float32)
    b = rng.standard_normal((n, n), dtype=np.float32)
    out = np.empty((n, n), np.float32)
    np.matmul(a, b, out=out)
    best = float("inf")
    for _repeat in range(repeats):
        start = time.perf_counter()
        np.matmul(a, b, out=out)
        best = min(best, time.perf_counter() - start)
    return 2 * n**3 / best / 1e9


def step_flops(sizes: tuple[int, ...], batch: int) -> float:
    """Matrix-multiply FLOPs of one step: forward, dW for every layer, dX except the first."""
    forward = sum(2 * batch * a * b for a, b in pairwise(sizes))
    dx = sum(2 * batch * a * b for a, b in pairwise(sizes[1:]))
    return 2 * forward + dx


def _data(sizes: tuple[int, ...], batch: int) -> tuple[np.ndarray, np.ndarray]:
    rng = np.random.default_rng(1)
    x = rng.standard_normal((batch, sizes[0]), dtype=np.float32)
    t = rng.integers(0, sizes[-1], batch)
    return x, t


def engine_step(sizes: tuple[int, ...], batch: int) -> Callable[[], None]:
    net = build(NetworkSpec.mlp(list(sizes), hidden_activation="relu"), seed=0)
    opt = optimizers.create("sgd", lr=LR)
    x, t = _data(sizes, batch)

    def step() -> None:
        net.train_step(x, t, opt)

    return step


class _Affine:
    def __init__(self, w: np.ndarray, b: np.ndarray) -> None:
        self.w, self.b = w, b

    def forward(self, x: np.ndarray) -> np.ndarray:
        self.x = x
        return x @ self.w + self.b

    def backward(self, dout: np.ndarray) -> np.ndarray:
        self.dw = self.x.T @ dout
        self.db = dout.sum(axis=0)
        return dout @ self.w.T


class _Relu:
    def forward(self, x: np.ndarray) -> np.ndarray:
        self.mask = x <= 0
        out = x.copy()
        out[self.mask] = 0
        return out

    def backward(self, dout: np.ndarray) -> np.ndarray:
        dx = dout.copy()
        dx[self.mask] = 0
        return dx


def textbook_step(sizes: tuple[int, ...], batch: int) -> Callable[[], None]:
    """The book's MultiLayerNet, trimmed to what a step needs (float32, He init)."""
    rng = np.random.default_rng(0)
    layers: list = []
    for a, b in pairwise(sizes):
        w = (rng.standard_normal((a, b)) * np.sqrt(2.0 / a)).astype(np.float32)
        layers += [_Affine(w, np.zeros(b, np.float32)), _Relu()]
    layers.pop()
    affines = [layer for layer in layers if isinstance(layer, _Affine)]
    x, labels = _data(sizes, batch)
    t = np.eye(sizes[-1], dtype=np.float32)[labels]

    def step() -> None:
        h = x
        for layer in layers:
            h = layer.forward(h)
        h = h - h.max(axis=1, keepdims=True)
        y = np.exp(h)
        y /= y.sum(axis=1, keepdims=True)
        _loss = -np.sum(t * np.log(y + 1e-7)) / batch
        dout = (y - t) / batch
        for layer in reversed(layers):
            dout = layer.backward(dout)
        for layer in affines:
            layer.w -= LR * layer.dw
            layer.b -= LR * layer.db

    return step


def gemm_only_step(sizes: tuple[int, ...], batch: int) -> Callable[[], None]:
    """Only the matrix products of a training step (forward, dW, dX), nothing else: the
    ceiling any NumPy engine can reach on this workload with this BLAS."""
    rng = np.random.default_rng(0)
    acts = [rng.standard_normal((batch, n), dtype=np.float32) for n in sizes]
    weights = [rng.standard_normal((a, b), dtype=np.float32) for a, b in pairwise(sizes)]
    grads = [np.empty_like(w) for w in weights]

    def step() -> None:
        for i, w in enumerate(weights):
            np.dot(acts[i], w, out=acts[i + 1])
        for i in reversed(range(len(weights))):
            np.dot(acts[i].T, acts[i + 1], out=grads[i])
            if i:
                np.dot(acts[i + 1], weights[i].T, out=acts[i])

    return step


def torch_step(sizes: tuple[int, ...], batch: int) -> Callable[[], None] | None:
    try:
        import torch  # measuring only; never a dependency
    except ImportError:
        return None
    torch.manual_seed(0)
    layers: list = []
    for a, b in pairwise(sizes):
        layers += [torch.nn.Linear(a, b), torch.nn.ReLU()]
    model = torch.nn.Sequential(*layers[:-1])
    opt = torch.optim.SGD(model.parameters(), lr=LR)
    loss_fn = torch.nn.CrossEntropyLoss()
    x_np, t_np = _data(sizes, batch)
    x, t = torch.from_numpy(x_np), torch.from_numpy(t_np)

    def step() -> None:
        opt.zero_grad(set_to_none=True)
        loss = loss_fn(model(x), t)
        loss.backward()
        opt.step()

    return step


def _rate(step: Callable[[], None], batch: int, seconds: float) -> float:
    """Samples/s of ``step`` run for about ``seconds`` (after a short warm-up)."""
    for _warm in range(3):
        step()
    count, start = 0, time.perf_counter()
    deadline = start + seconds
    while True:
        step()
        count += 1
        now = time.perf_counter()
        if now >= deadline:
            return count * batch / (now - start)


@dataclass
class WorkloadResult:
    sizes: tuple[int, ...]
    batch: int
    engine: float
    textbook: float
    torch: float | None
    gemm_fraction: float
    gemm_only: float  # samples/s of the step's matrix products alone

    @property
    def name(self) -> str:
        return _("{sizes} (batch {batch})").format(sizes="-".join(map(str, self.sizes)),
                                                  batch=self.batch)


def run(rounds: int = 5, seconds: float = 0.4, include_torch: bool = True,
        workloads: tuple[tuple[tuple[int, ...], int], ...] | None = None,
        report: Callable[[str], None] | None = None) -> tuple[float, list[WorkloadResult]]:
    """Measure every workload (default :data:`WORKLOADS`); returns (GEMM GFLOP/s, results with
    median samples/s)."""
    gemm_samples = [gemm_gflops()]
    results = []
    for sizes, batch in workloads or WORKLOADS:
        steps = {"engine": engine_step(sizes, batch), "textbook": textbook_step(sizes, batch),
                 "gemm_only": gemm_only_step(sizes, batch)}
        t_step = torch_step(sizes, batch) if include_torch else None
        if t_step is not None:
            steps["torch"] = t_step
        samples: dict[str, list[float]] = {k: [] for k in steps}
        for _round in range(rounds):  # interleaved so drifts in machine load hit every contender
            for name, step in steps.items():
                samples[name].append(_rate(step, batch, seconds))
            gemm_samples.append(gemm_gflops(repeats=3))
        med = {k: statistics.median(v) for k, v in samples.items()}
        gemm = statistics.median(gemm_samples)
        flops = step_flops(sizes, batch) * med["engine"] / batch / 1e9
        result = WorkloadResult(sizes, batch, med["engine"], med["textbook"], med.get("torch"),
                                flops / gemm, med["gemm_only"])
        results.append(result)
        if report:
            report(format_result(result))
    return statistics.median(gemm_samples), results


def format_result(r: WorkloadResult) -> str:
    text = _("{name:<28} engine {engine:>12,.0f} samples/s  textbook {textbook:>12,.0f} "
             "({ratio:4.2f}x)").format(name=r.name, engine=r.engine, textbook=r.textbook,
                                       ratio=r.engine / r.textbook)
    if r.torch is not None:
        text += f"  torch {r.torch:>12,.0f} ({r.engine / r.torch:4.2f}x)"  # i18n: not ui
    return text + _("  GEMM {share:5.1f}%; {speed:3.0f}% of its GEMMs-only speed").format(
        share=100 * r.gemm_fraction, speed=100 * r.engine / r.gemm_only)


GOALS = {  # workload sizes → minimum engine/torch ratio (issue 2)
    (2, 8, 8, 2): 6.0,
    (784, 100, 100, 10): 1.5,
    (784, 512, 512, 10): 1.0,
}


def main(rounds: int = 5, seconds: float = 0.4, include_torch: bool = True,
         out: Callable[[str], None] = print,
         workloads: tuple[tuple[tuple[int, ...], int], ...] | None = None) -> int:
    """Print the benchmark (the ``netcanvas bench`` subcommand). Returns an exit code."""
    import os
    import platform

    out(_("NetCanvas engine benchmark — Python {python}, NumPy {numpy}, {cpus} CPU(s); "
          "training step = backprop + SGD update, float32, medians of interleaved rounds").format(
        python=platform.python_version(), numpy=np.__version__, cpus=os.cpu_count()))
    gemm, results = run(rounds=rounds, seconds=seconds, include_torch=include_torch,
                        workloads=workloads, report=out)
    out(_("float32 GEMM rate (1024³): {rate:,.1f} GFLOP/s").format(rate=gemm))
    if results and results[0].torch is None and include_torch:
        out(_("torch is not importable here: install it in a separate environment to compare "
              "(it is never a NetCanvas dependency)"))
    for r in results:
        verdicts = [_("{ratio:.2f}x textbook (goal ≥ 1.0)").format(ratio=r.engine / r.textbook)]
        goal = GOALS.get(r.sizes)
        if r.torch is not None and goal is not None:
            verdicts.append(_("{ratio:.2f}x torch (goal ≥ {goal})").format(
                ratio=r.engine / r.torch, goal=goal))
        if r.sizes == (784, 512, 512, 10):
            verdicts.append(_("{share:.0f}% of GEMM (goal ≥ 75%)").format(
                share=100 * r.gemm_fraction))
        out(f"  {r.name}: " + ", ".join(verdicts))
    return 0
