"""Interactive labs: the seed's experiments, each in a window of its own (Labs menu).

Every lab opens on the book's classic set-up already reproducing the book's result, with a
short "what to notice" text. A lab is imported only when opened, so the main window's start-up
does not pay for it. Register a lab by adding a :class:`LabInfo` to :data:`LABS`.
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass


@dataclass(frozen=True)
class LabInfo:
    """``module``/``cls`` name the lab's window class (a :class:`gui.labs.base.LabWindow`)."""

    key: str
    title: str
    module: str
    cls: str

    def load(self) -> type:
        return getattr(importlib.import_module(self.module), self.cls)


LABS: tuple[LabInfo, ...] = (
    LabInfo("perceptron", "Perceptron and XOR", "gui.labs.perceptron", "PerceptronLab"),
    LabInfo("activations", "Activation functions", "gui.labs.activations", "ActivationsLab"),
    LabInfo("graph", "Computational graph and backprop", "gui.labs.comp_graph", "CompGraphLab"),
    LabInfo("optimizers", "Optimizer race", "gui.labs.optimizer_race", "OptimizerRaceLab"),
    LabInfo("init", "Weight initialisation", "gui.labs.initialization", "InitExplorerLab"),
    LabInfo("regularization", "Batch norm, weight decay, dropout", "gui.labs.regularization",
            "RegularizationLab"),
    LabInfo("search", "Hyperparameter search", "gui.labs.search", "SearchLab"),
)
