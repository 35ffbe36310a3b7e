"""Interactive labs: the seed's experiments, each in a window of its own (Labs menu).

Every lab opens on the book's classic set-up already reproducing the book's result, with a
short "what to notice" text. A lab is imported only when opened, so the main window's start-up
does not pay for it. Register a lab by adding a :class:`LabInfo` to :data:`LABS`.

Each lab has one stem ``S`` used everywhere: its key, ``gui/labs/S.py`` holding ``class SLab``
(the stem in CamelCase), its parts in ``gui/labs/S_<part>.py`` and its maths in
``core/labs/S.py``; so the key alone finds the code.
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass

from PySide6.QtCore import QT_TRANSLATE_NOOP


@dataclass(frozen=True)
class LabInfo:
    """A lab's stem (``key``) and its menu title (English, marked under the context "Labs";
    :attr:`shown_title` is it in the current language); the window class follows from the
    stem."""

    key: str
    title: str

    @property
    def shown_title(self) -> str:
        """The title in the current language, as the Labs menu and the lab's window show it."""
        from gui.labs.base import lab_title

        return lab_title(self.title)

    @property
    def module(self) -> str:
        return f"gui.labs.{self.key}"

    @property
    def cls(self) -> str:
        return "".join(word.capitalize() for word in self.key.split("_")) + "Lab"  # i18n: not ui

    def load(self) -> type:
        """The lab's :class:`gui.labs.base.LabWindow` subclass, imported now."""
        return getattr(importlib.import_module(self.module), self.cls)


#: the keys that close a lab's window (a keyboard user had only the window manager's Alt+F4):
#: Esc as a dialog takes it (only when the focused widget — a cell's editor, an open list —
#: has not used it), then the shortcuts
CLOSE_KEYS = ("Esc", "Ctrl+W")  # i18n: not ui

LABS: tuple[LabInfo, ...] = (
    LabInfo("perceptron", QT_TRANSLATE_NOOP("Labs", "Perceptron and XOR")),
    LabInfo("activations", QT_TRANSLATE_NOOP("Labs", "Activation functions")),
    LabInfo("softmax_loss", QT_TRANSLATE_NOOP("Labs", "Softmax and loss functions")),
    LabInfo("comp_graph", QT_TRANSLATE_NOOP("Labs", "Computational graph and backprop")),
    LabInfo("optimizer_race", QT_TRANSLATE_NOOP("Labs", "Optimizer race")),
    LabInfo("initialization", QT_TRANSLATE_NOOP("Labs", "Weight initialisation")),
    LabInfo("regularization", QT_TRANSLATE_NOOP("Labs", "Batch norm, weight decay, dropout")),
    LabInfo("search", QT_TRANSLATE_NOOP("Labs", "Hyperparameter search")),
)


def lab_info(key: str) -> LabInfo:
    """The registered lab ``key`` (KeyError, naming it, for a key no lab has)."""
    for info in LABS:
        if info.key == key:
            return info
    raise KeyError(f"no lab is called {key!r}")  # i18n: not ui
