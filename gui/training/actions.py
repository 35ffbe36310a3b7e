"""Train / Pause / Resume / Stop / Step / Reset weights as QActions: with shortcuts, teaching
tooltips, and enabled according to the training state. The settings panel shows them as
buttons and the main window puts them in its toolbar, so both always agree."""

from __future__ import annotations

from PySide6.QtCore import QObject, Slot
from PySide6.QtGui import QAction, QKeySequence

from gui.training.controller import IDLE, PAUSED, RUNNING
from gui.training.session import TrainingSession

ACTIONS = (
    # name, text, shortcut, tooltip
    ("train", "&Train", "F5",
     "Train the network on the data: mini-batches of the training rows, one optimizer step "
     "each, for the number of epochs set below. Training again continues from the current "
     "weights."),
    ("pause", "&Pause", "F6", "Hold training after the current mini-batch, to look closely."),
    ("resume", "Res&ume", "F7", "Carry on training from where it was paused."),
    ("stop", "S&top", "Shift+F5",
     "End training now. The weights reached so far stay (Undo restores the earlier ones)."),
    ("step", "St&ep", "F10",
     "Train exactly one mini-batch, then pause: watch a single gradient step change the "
     "weights and the loss."),
    ("reset", "&Reset Weights", "Ctrl+Shift+R",
     "Draw fresh random weights with the seed (and forget the training history), to start "
     "learning from scratch."),
)


class TrainingActions(QObject):
    def __init__(self, session: TrainingSession, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.actions: dict[str, QAction] = {}
        slots = {"train": session.train, "pause": session.pause, "resume": session.resume,
                 "stop": session.stop, "step": session.step, "reset": session.reset_weights}
        for name, text, shortcut, tip in ACTIONS:
            action = QAction(text, self)
            action.setShortcut(QKeySequence(shortcut))
            plain = text.replace("&", "")
            action.setToolTip(f"<b>{plain}</b> ({shortcut})<br>{tip}")
            action.setStatusTip(tip)
            action.triggered.connect(lambda _=False, slot=slots[name]: slot())
            self.actions[name] = action
        session.controller.state_changed.connect(self.update_state)
        session.doc.problems_changed.connect(self.update_state)
        session.data.dataset_changed.connect(self.update_state)
        self.update_state()

    def __getitem__(self, name: str) -> QAction:
        return self.actions[name]

    @Slot()
    def update_state(self, *_args: object) -> None:
        state = self.session.state
        ready = not self.session.problem()
        enabled = {"train": state == IDLE and ready, "pause": state == RUNNING,
                   "resume": state == PAUSED, "stop": state in (RUNNING, PAUSED),
                   "step": state == PAUSED or (state == IDLE and ready),
                   "reset": state == IDLE and not self.session.doc.problems}
        for name, on in enabled.items():
            self.actions[name].setEnabled(on)
