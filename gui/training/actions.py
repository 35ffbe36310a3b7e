"""Train / Pause / Resume / Stop / Step / Reset weights as QActions: with shortcuts, teaching
tooltips, and enabled according to the training state. The settings panel shows them as
buttons and the main window puts them in its toolbar, so both always agree."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QObject, Slot
from PySide6.QtGui import QAction, QKeySequence

from gui.focus_keys import commit_typing
from gui.i18n import translate
from gui.training.controller import IDLE, PAUSED, RUNNING
from gui.training.session import TrainingSession
from gui.widgets import plain_label, with_key

ACTIONS = (
    # name, text, shortcut, tooltip (translated where shown: see TrainingActions.retranslate)
    ("train", QT_TRANSLATE_NOOP("TrainingActions", "&Train"), "F5",
     QT_TRANSLATE_NOOP("TrainingActions",
                       "Train the network on the data: mini-batches of the training rows, one "
                       "optimizer step each, for the number of epochs set below. Training "
                       "again continues from the current weights.")),
    ("pause", QT_TRANSLATE_NOOP("TrainingActions", "&Pause"), "F6",
     QT_TRANSLATE_NOOP("TrainingActions",
                       "Hold training after the current mini-batch, to look closely.")),
    ("resume", QT_TRANSLATE_NOOP("TrainingActions", "Res&ume"), "F7",
     QT_TRANSLATE_NOOP("TrainingActions", "Carry on training from where it was paused.")),
    ("stop", QT_TRANSLATE_NOOP("TrainingActions", "&Stop"), "Shift+F5",  # i18n: not ui
     QT_TRANSLATE_NOOP("TrainingActions",
                       "End training now. The weights reached so far stay (Undo restores the "
                       "earlier ones).")),
    ("step", QT_TRANSLATE_NOOP("TrainingActions", "St&ep"), "F10",
     QT_TRANSLATE_NOOP("TrainingActions",
                       "Train exactly one mini-batch, then pause: watch a single gradient step "
                       "change the weights and the loss.")),
    ("reset", QT_TRANSLATE_NOOP("TrainingActions", "&Reset Weights"),
     "Ctrl+Shift+R",  # i18n: not ui
     QT_TRANSLATE_NOOP("TrainingActions",
                       "Draw fresh random weights with the seed (and forget the training "
                       "history), to start learning from scratch.")),
)


class TrainingActions(QObject):
    def __init__(self, session: TrainingSession, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.actions: dict[str, QAction] = {}
        slots = {"train": session.train, "pause": session.pause, "resume": session.resume,
                 "stop": session.stop, "step": session.step, "reset": session.reset_weights}
        for name, _text, shortcut, _tip in ACTIONS:
            action = QAction(self)
            action.setShortcut(QKeySequence(shortcut))
            action.triggered.connect(lambda _=False, slot=slots[name]: (commit_typing(), slot()))
            self.actions[name] = action
        self.retranslate()
        session.controller.state_changed.connect(self.update_state)
        session.doc.problems_changed.connect(self.update_state)
        session.data.dataset_changed.connect(self.update_state)
        self.update_state()

    def retranslate(self) -> None:
        """The actions' texts and tooltips in the current language (the window calls it when
        the language changes: a QObject that is not a widget gets no LanguageChange itself)."""
        for name, text, _shortcut, tip in ACTIONS:
            action = self.actions[name]
            label, said = translate("TrainingActions", text), translate("TrainingActions", tip)
            action.setText(label)
            action.setIconText(plain_label(label))  # buttons: "학습 시작", not "학습 시작(T)"
            name = with_key(f"<b>{plain_label(label)}</b>", action.shortcut())  # i18n: not ui
            action.setToolTip(f"{name}<br>{said}")  # i18n: not ui
            action.setStatusTip(said)

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
