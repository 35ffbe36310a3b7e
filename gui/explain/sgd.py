"""Explain's "Apply one SGD step": W ← W − lr·∂L/∂W on the explained row's gradients, as one
undoable edit.

Working the step out builds the explained network twice (its weights, then the stepped ones
for the loss after) and subtracts every gradient: 0.1–0.5 s of the GUI thread on
2-2000-2000-2. A network of more weights than Explain traces at once
(:data:`gui.explain.tracing.BACKGROUND_WEIGHTS`) has its step worked out on a worker thread
(what it reads is immutable or shared read-only, as for a trace); the edit is pushed when it
ends, unless the row was traced again meanwhile (the network, its weights or the row changed:
the step's gradients are of weights no longer shown). The button is disabled meanwhile.
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
from PySide6.QtCore import QObject, Slot

from core.engine.params import shapes
from core.explain import Explanation, sgd_step
from core.project import Project
from gui.background import JobRun
from gui.document.arrays import copies
from gui.explain import tracing

#: what a step ends in: the stepped parameters (read-only, new) and the row's loss after
Stepped = tuple[dict[str, np.ndarray], float]


def step(project: Project, explanation: Explanation, lr: float) -> Stepped:
    """:func:`core.explain.sgd_step`, its new arrays made read-only where they are: they are
    new and nobody else's, so the document keeps them without a copy."""
    stepped, after = sgd_step(project, explanation, lr)
    return copies(stepped, owned=True), after


def quick(project: Project) -> bool:
    """Whether the step is quick enough for the GUI thread (as a trace is)."""
    weights = sum(int(np.prod(shape)) for shape in shapes(project.spec).values())
    return weights <= tracing.BACKGROUND_WEIGHTS


class SgdStepper(QObject):
    """Works out one panel's SGD steps: at once when quick, else on a worker thread; then
    ``done(explanation, lr, stepped)`` — the explanation and learning rate it was asked for
    (the panel tells whether that explanation is still the one shown), and the step, or why
    it failed in words."""

    def __init__(self, done: Callable[[Explanation, float, Stepped | str], None],
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._done = done
        self._job: JobRun | None = None
        self._asked: tuple[Explanation, float] | None = None

    @property
    def busy(self) -> bool:
        """Whether a step is being worked out on a worker."""
        return self._job is not None

    def apply(self, project: Project, explanation: Explanation, lr: float) -> None:
        """Work the step out (ignored while one is under way: the button is disabled)."""
        if self._job is not None:
            return
        if quick(project):
            self._done(explanation, lr, step(project, explanation, lr))
            return
        self._asked = explanation, lr
        self._job = JobRun(self, lambda _cancelled: step(project, explanation, lr),
                           "explain sgd step")  # i18n: not ui
        self._job.finished.connect(self._ended)
        self._job.start()

    @Slot(object, str)
    def _ended(self, result: object, problem: str) -> None:
        if self.sender() is not self._job or self._asked is None:
            return
        self._job = None
        (explanation, lr), self._asked = self._asked, None
        self._done(explanation, lr, result if result is not None else problem)
