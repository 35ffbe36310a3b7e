"""The self-test's check of training split between processes (``netcanvas train`` on a
machine with several cores): a helper process starts — in a frozen bundle, the executable
itself, handed back to multiprocessing by the launcher — builds the network on shared
memory, and trains every other part of each mini-batch to the same weights as one process."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

import numpy as np

from core.i18n import _
from core.training.trainer import Trainer

EPOCHS = 50
PROCESSES = 2


def check_batch_split(project: Any, dataset: Any) -> list[str]:
    """Problems found training ``project`` for EPOCHS epochs in PROCESSES processes and in
    one (none: the same weights, up to rounding, and the helper did its parts)."""
    settings = replace(project.settings, epochs=EPOCHS)
    alone = Trainer(project.build_network(), dataset, settings)
    alone.run()
    split = Trainer(project.build_network(), dataset, settings)
    split.run(processes=PROCESSES)
    if split.helper_cpu_seconds <= 0:
        return [_("training in {processes} processes did not start its helper process").format(
            processes=PROCESSES)]
    if not np.allclose(split.network.flat_params, alone.network.flat_params, atol=1e-5):
        return [_("training in {processes} processes gave other weights than in one").format(
            processes=PROCESSES)]
    return []
