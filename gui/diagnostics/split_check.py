"""The self-test's check of training split between processes (``netcanvas train`` on a
machine with several cores): a helper process starts — in a frozen bundle, the executable
itself, handed back to multiprocessing by the launcher — maps shared memory, and trains its
part of every step to the same weights as one process, both ways a step is divided: by the
rows of each mini-batch (the example's network), and by the first layer's units (plain SGD on
byte images, made here as MNIST is kept)."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

import numpy as np

from core.datasets.dataset import Dataset
from core.i18n import _
from core.spec import NetworkSpec
from core.training.settings import TrainingSettings
from core.training.trainer import Trainer

EPOCHS = 50
PROCESSES = 2


def check_batch_split(project: Any, dataset: Any) -> list[str]:
    """Problems found training ``project`` for EPOCHS epochs in PROCESSES processes and in
    one, then the byte images of :func:`byte_images` (none: the same weights, up to rounding,
    and the helper did its part)."""
    settings = replace(project.settings, epochs=EPOCHS)
    problems = _compared(project.build_network, dataset, settings, "rows")
    spec = NetworkSpec.mlp((64, 64, 2))
    return problems or _compared(lambda: spec, byte_images(), TrainingSettings(
        optimizer="sgd", lr=0.1, epochs=5, batch_size=64, split=(1.0, 0.0, 0.0),
        dtype="float32"), "units")


def byte_images(rows: int = 512) -> Dataset:
    """Random 8×8 byte images, labelled by which half is brighter."""
    x = np.random.default_rng(0).integers(0, 256, (rows, 64), dtype=np.uint8)
    y = (x[:, :32].sum(axis=1) > x[:, 32:].sum(axis=1)).astype(np.int64)
    return Dataset(name="bytes", x=x, y=y, task="classification",
                   feature_names=tuple(f"p{i}" for i in range(64)), class_names=("0", "1"),
                   source="self-test", x_divisor=255.0)  # i18n: not ui


def _compared(network: Any, dataset: Any, settings: TrainingSettings, way: str) -> list[str]:
    alone = Trainer(network(), dataset, settings)
    alone.run()
    split = Trainer(network(), dataset, settings)
    split.run(processes=PROCESSES)
    if split.helper_cpu_seconds <= 0:
        return [_("training in {processes} processes did not start its helper process").format(
            processes=PROCESSES)]
    if split.division != way:
        return [_("training in {processes} processes divided its steps the wrong way: "
                  "“{way}” instead of “{expected}”").format(processes=PROCESSES,
                                                            way=split.division, expected=way)]
    if not np.allclose(split.network.flat_params, alone.network.flat_params, atol=1e-5):
        return [_("training in {processes} processes gave other weights than in one").format(
            processes=PROCESSES)]
    return []
