"""The training settings form and the Train / Pause / Resume / Stop / Step / Reset buttons.

Widgets write through :class:`~gui.document.commands.ChangeSettingsCommand` (so every change is
undoable, and a spin-box scrub is one entry); the document's changes come back through
``settings_changed`` with the widgets' signals blocked, so a refresh never becomes an edit
(napari's two-way binding habit). While training runs only the learning rate stays editable:
the session hands it to the running trainer.
"""

from __future__ import annotations

import inspect
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QSignalBlocker, Qt, Signal, Slot
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QCheckBox,
    QComboBox,
    QDoubleSpinBox,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QSizePolicy,
    QSpinBox,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from core.datasets.dataset import MIN_ROWS_TO_HOLD_OUT
from core.engine import optimizers
from core.i18n import _ as core_tr
from core.i18n import percent
from core.training.settings import MAX_EPOCHS, MAX_LR, MIN_LR
from gui.document.commands import ChangeSettingsCommand
from gui.i18n import on_language_change, translate
from gui.training.actions import TrainingActions
from gui.training.controller import IDLE
from gui.training.run_status import RunStatus
from gui.widgets import NumberSpinBox, WrappedLabel, labelled_row

HYPERPARAMETERS = {  # translated where shown (TrainingSettingsPanel.retranslate)
    "momentum": (QT_TRANSLATE_NOOP("TrainingSettingsPanel", "Momentum"),
                 QT_TRANSLATE_NOOP("TrainingSettingsPanel",
                                   "How much of the last step's velocity carries over (0 = "
                                   "plain SGD; 0.9 is usual). Must stay below 1, or the ball "
                                   "never slows down.")),
    "decay_rate": (QT_TRANSLATE_NOOP("TrainingSettingsPanel", "Decay rate"),
                   QT_TRANSLATE_NOOP("TrainingSettingsPanel",
                                     "How fast RMSprop forgets old squared gradients (0.99 "
                                     "remembers about the last 100 steps). Below 1.")),
    "beta1": ("β₁", QT_TRANSLATE_NOOP("TrainingSettingsPanel",
                                      "Adam's momentum: the average of the gradients forgets at "
                                      "this rate (0.9 is usual). Below 1.")),
    "beta2": ("β₂", QT_TRANSLATE_NOOP("TrainingSettingsPanel",
                                      "Adam's memory of squared gradients (0.999 is usual): the "
                                      "per-weight step sizes. Below 1.")),
}
TIPS = {
    "optimizer": QT_TRANSLATE_NOOP("TrainingSettingsPanel",
                                   "How each step uses the gradient. Hover over a choice to see "
                                   "its rule."),
    "lr": QT_TRANSLATE_NOOP("TrainingSettingsPanel",
                            "Learning rate: how far each step moves the weights against the "
                            "gradient. Too small learns slowly; too large overshoots and the "
                            "loss can blow up to NaN. It can be changed while training runs."),
    "epochs": QT_TRANSLATE_NOOP("TrainingSettingsPanel",
                                "How many passes over the training rows one press of Train "
                                "makes."),
    "batch_size": QT_TRANSLATE_NOOP("TrainingSettingsPanel",
                                    "Rows per mini-batch: the gradient of each step is averaged "
                                    "over this many rows. Small batches give noisy but many "
                                    "steps; the whole set gives one exact step per epoch."),
    "weight_decay": QT_TRANSLATE_NOOP("TrainingSettingsPanel",
                                      "L2 penalty λ·½·Σw² added to the loss: it pulls weights "
                                      "towards 0 and fights overfitting (biases are left "
                                      "alone)."),
    "seed": QT_TRANSLATE_NOOP("TrainingSettingsPanel",
                              "One number for every random choice — the split, the first "
                              "weights, the shuffling, dropout — so a run can be repeated "
                              "exactly."),
    "split": QT_TRANSLATE_NOOP("TrainingSettingsPanel",
                               "Percent of the rows held out for validation (watched while "
                               "training) and for the final test; the rest trains the "
                               "network."),
    "standardize": QT_TRANSLATE_NOOP("TrainingSettingsPanel",
                                     "Shift and scale every input feature to mean 0 and "
                                     "standard deviation 1, with the training rows' own "
                                     "statistics (the held-out rows get the same). Features on "
                                     "very different scales, or pixel bytes up to 255, train "
                                     "far better this way."),
}
LABELS = {"optimizer": QT_TRANSLATE_NOOP("TrainingSettingsPanel", "Optimizer"),
          "lr": QT_TRANSLATE_NOOP("TrainingSettingsPanel", "Learning rate"),
          "epochs": QT_TRANSLATE_NOOP("TrainingSettingsPanel", "Epochs"),
          "batch_size": QT_TRANSLATE_NOOP("TrainingSettingsPanel", "Batch size"),
          "weight_decay": QT_TRANSLATE_NOOP("TrainingSettingsPanel", "Weight decay"),
          "seed": QT_TRANSLATE_NOOP("TrainingSettingsPanel", "Seed")}
LOCKED_TIP = QT_TRANSLATE_NOOP("TrainingSettingsPanel", "Stop training to change this.")
MAX_HYPERPARAMETER = 0.9999


def _defaults(name: str) -> dict[str, float]:
    parameters = inspect.signature(optimizers.OPTIMIZERS[name]).parameters
    return {k: float(p.default) for k, p in parameters.items() if k != "lr"}


def _double(low: float, high: float, step: float, *, clamp: bool = True) -> QDoubleSpinBox:
    spin = NumberSpinBox(clamp=clamp)
    spin.setRange(low, high)
    spin.setSingleStep(step)
    spin.setKeyboardTracking(False)  # one change per Enter or arrow, not per keystroke
    return spin


def _whole(low: int, high: int) -> QSpinBox:
    spin = QSpinBox()
    spin.setRange(low, high)
    spin.setKeyboardTracking(False)
    spin.setGroupSeparatorShown(True)
    return spin


class TrainingSettingsPanel(QWidget):
    #: a message for the status bar (a callable: said again when the language changes)
    said = Signal(object)

    def __init__(self, actions: TrainingActions, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.actions = actions
        self.doc = actions.session.doc
        self._session = 0
        self.optimizer_combo = QComboBox()
        for name in optimizers.NAMES:
            self.optimizer_combo.addItem(optimizers.title(name), name)  # Latin in every language
        # a typed 0 is refused in words, not made 1e-10 behind the user's back
        self.lr_spin = _double(MIN_LR, MAX_LR, 0.001, clamp=False)
        self.lr_spin.setStepType(QAbstractSpinBox.StepType.AdaptiveDecimalStepType)
        self.hyper_spins = {name: _double(0.0, MAX_HYPERPARAMETER, 0.01)
                            for name in HYPERPARAMETERS}
        self.epochs_spin = _whole(1, MAX_EPOCHS)
        self.batch_spin = _whole(1, 1_000_000)
        self.decay_spin = _double(0.0, 10.0, 0.0001)
        self.seed_spin = _whole(0, 2**31 - 1)
        self.val_spin = _whole(0, 90)
        self.test_spin = _whole(0, 90)
        # the advice of the unscaled-inputs warning ("turn on standardisation") had no switch
        self.standardize_check = QCheckBox()
        self.train_label = WrappedLabel()  # "training on all 4 rows (too few …)" is long
        self.status = RunStatus(actions.session, self)
        self.start_label = self.status.start_label  # what the next Train does
        self.outcome_label = self.status.outcome_label  # how the last run ended
        self._state = IDLE
        self._build_layout()
        self._connect()
        on_language_change(self, self.retranslate)

    def retranslate(self) -> None:
        """Labels, tooltips, the split line and the last outcome in the current language."""
        sign = percent(0.0, digits=0).removeprefix("0")  # " %" in English, "%" in Korean
        for spin in (self.val_spin, self.test_spin):
            spin.setSuffix(sign)
        for k in range(self.optimizer_combo.count()):
            self.optimizer_combo.setItemData(
                k, core_tr(optimizers.describe(self.optimizer_combo.itemData(k))),
                Qt.ItemDataRole.ToolTipRole)
        fields: dict[str, QWidget] = {"optimizer": self.optimizer_combo, "lr": self.lr_spin,
                                      "epochs": self.epochs_spin, "batch_size": self.batch_spin,
                                      "weight_decay": self.decay_spin, "seed": self.seed_spin}
        for key, widget in fields.items():
            self._label_for(widget, translate("TrainingSettingsPanel", LABELS[key]))
        for name, (label, _tip) in HYPERPARAMETERS.items():
            self._label_for(self.hyper_spins[name], translate("TrainingSettingsPanel", label))
        self._label_for(self.split_row, translate("TrainingSettingsPanel", "Held out"))
        self.val_label.setText(translate("TrainingSettingsPanel", "validation"))
        self.test_label.setText(translate("TrainingSettingsPanel", "test"))
        self.standardize_check.setText(translate("TrainingSettingsPanel", "Standardise inputs"))
        self.refresh()
        self.set_state(self._state)
        self.status.retranslate()

    def _label_for(self, field: QWidget, text: str) -> None:
        label = self.form.labelForField(field)
        if isinstance(label, QLabel):
            label.setText(text)

    # ------------------------------------------------------------------ layout
    def _build_layout(self) -> None:
        buttons = QGridLayout()
        self.buttons: dict[str, QToolButton] = {}
        for k, name in enumerate(("train", "pause", "resume", "stop", "step", "reset")):
            button = self.buttons[name] = QToolButton()
            button.setDefaultAction(self.actions[name])
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
            button.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
            buttons.addWidget(button, k // 2, k % 2)
        self.form = QFormLayout()
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.split_row = QWidget()  # a widget (not a layout) so the row's label can be found
        split = QHBoxLayout(self.split_row)
        split.setContentsMargins(0, 0, 0, 0)
        self.val_label, self.test_label = QLabel(), QLabel()
        self.val_label.setBuddy(self.val_spin)  # a screen reader names each by its word
        self.test_label.setBuddy(self.test_spin)
        split.addWidget(self.val_label)
        split.addWidget(self.val_spin)
        split.addWidget(self.test_label)
        split.addWidget(self.test_spin)
        rows: list[QWidget] = [self.optimizer_combo, self.lr_spin, *self.hyper_spins.values(),
                               self.epochs_spin, self.batch_spin, self.decay_spin,
                               self.seed_spin, self.split_row]
        for widget in rows:
            labelled_row(self.form, widget)  # texts: retranslate
        self.form.addRow("", self.train_label)
        self.form.addRow("", self.standardize_check)
        layout = QVBoxLayout(self)
        layout.addLayout(buttons)
        # how the last run ended, and on a gate why not and what to try, under the buttons: at
        # the bottom it sat below the fold of a 1280 × 800 window, the verdict out of sight
        layout.addWidget(self.outcome_label)
        layout.addWidget(self.start_label)
        layout.addLayout(self.form)
        layout.addStretch()

    def _connect(self) -> None:
        self.optimizer_combo.currentIndexChanged.connect(self._optimizer_chosen)
        self.lr_spin.valueChanged.connect(lambda v: self._edit({"lr": v}, merge=True))
        self.lr_spin.refused.connect(self._lr_refused)
        for name, spin in self.hyper_spins.items():
            spin.valueChanged.connect(lambda v, n=name: self._edit_option(n, v))
        self.epochs_spin.valueChanged.connect(lambda v: self._edit({"epochs": v}, merge=True))
        self.batch_spin.valueChanged.connect(
            lambda v: self._edit({"batch_size": v}, merge=True))
        self.decay_spin.valueChanged.connect(
            lambda v: self._edit({"weight_decay": v}, merge=True))
        self.seed_spin.valueChanged.connect(lambda v: self._edit({"seed": v}, merge=True))
        self.val_spin.valueChanged.connect(self._split_edited)
        self.standardize_check.toggled.connect(lambda on: self._edit({"standardize": on}))
        self.test_spin.valueChanged.connect(self._split_edited)
        for spin in (self.lr_spin, *self.hyper_spins.values(), self.epochs_spin,
                     self.batch_spin, self.decay_spin, self.seed_spin, self.val_spin,
                     self.test_spin):
            spin.editingFinished.connect(self._end_session)
        self.doc.settings_changed.connect(self.refresh)
        session = self.actions.session
        session.controller.state_changed.connect(self.set_state)
        session.data.dataset_changed.connect(self._dataset_changed)

    @Slot(float)
    def _lr_refused(self, typed: float) -> None:
        kept = self.lr_spin.textFromValue(self.lr_spin.value())
        shown = self.lr_spin.textFromValue(typed)
        self.said.emit(lambda: translate(
            "TrainingSettingsPanel", "A learning rate of {typed} cannot be used: it must lie "
            "between {low} and {high} (at 0 the weights would never change). It stays at "
            "{kept}.").format(typed=shown, low=f"{MIN_LR:g}", high=f"{MAX_LR:g}", kept=kept))

    # ------------------------------------------------------------------ model → widgets
    @Slot()
    def refresh(self) -> None:
        settings = self.doc.settings
        spins = [self.optimizer_combo, self.lr_spin, *self.hyper_spins.values(),
                 self.epochs_spin, self.batch_spin, self.decay_spin, self.seed_spin,
                 self.val_spin, self.test_spin, self.standardize_check]
        blockers = [QSignalBlocker(w) for w in spins]
        self.optimizer_combo.setCurrentIndex(self.optimizer_combo.findData(settings.optimizer))
        self.lr_spin.setValue(settings.lr)
        options = {**_defaults(settings.optimizer), **settings.optimizer_options}
        for name, spin in self.hyper_spins.items():
            self.form.setRowVisible(spin, name in options)
            if name in options:
                spin.setValue(options[name])
        self.epochs_spin.setValue(settings.epochs)
        self.batch_spin.setValue(settings.batch_size)
        self.decay_spin.setValue(settings.weight_decay)
        self.seed_spin.setValue(settings.seed)
        self.val_spin.setValue(round(settings.split[1] * 100))
        self.test_spin.setValue(round(settings.split[2] * 100))
        self.standardize_check.setChecked(settings.standardize)
        dataset = self.actions.session.data.dataset
        if dataset is not None and dataset.n_samples < MIN_ROWS_TO_HOLD_OUT:
            self.train_label.setText(translate(
                "TrainingSettingsPanel",
                "training on all {rows} rows (too few to hold any out)").format(
                rows=dataset.n_samples))
        else:
            self.train_label.setText(translate(
                "TrainingSettingsPanel", "training on {percent} of the rows").format(
                percent=percent(settings.split[0], digits=0)))
        del blockers

    @Slot(object)
    def _dataset_changed(self, _dataset: object) -> None:
        self.refresh()

    @Slot(str)
    def set_state(self, state: str) -> None:
        """While training runs only the learning rate (and the buttons) can be used."""
        self._state = state
        idle = state == IDLE
        self.status.set_state(state)
        for widget in (self.optimizer_combo, *self.hyper_spins.values(), self.epochs_spin,
                       self.batch_spin, self.decay_spin, self.seed_spin, self.val_spin,
                       self.test_spin, self.standardize_check):
            widget.setEnabled(idle)
            key = next((k for k, w in self.hyper_spins.items() if w is widget), None)
            tip = HYPERPARAMETERS[key][1] if key else self._tip(widget)
            base = translate("TrainingSettingsPanel", tip)
            locked = translate("TrainingSettingsPanel", LOCKED_TIP)
            widget.setToolTip(base if idle else f"{base}<br><i>{locked}</i>")
        self.lr_spin.setToolTip(translate("TrainingSettingsPanel", TIPS["lr"]))

    def _tip(self, widget: QWidget) -> str:
        keys = {self.optimizer_combo: "optimizer", self.epochs_spin: "epochs",
                self.batch_spin: "batch_size", self.decay_spin: "weight_decay",
                self.seed_spin: "seed", self.val_spin: "split", self.test_spin: "split",
                self.standardize_check: "standardize"}
        return TIPS[keys[widget]]

    # ------------------------------------------------------------------ widgets → model
    def _end_session(self) -> None:
        self._session += 1

    def _edit(self, changes: dict[str, Any], merge: bool = False) -> None:
        settings = self.doc.settings
        changes = {k: v for k, v in changes.items() if getattr(settings, k) != v}
        if not changes:
            return
        if not merge:
            self._end_session()
        self.doc.push(ChangeSettingsCommand(self.doc, changes, self._session))
        if not merge:
            self._end_session()

    def _optimizer_chosen(self) -> None:
        name = self.optimizer_combo.currentData()
        kept = {k: v for k, v in self.doc.settings.optimizer_options.items()
                if k in _defaults(name)}
        self._edit({"optimizer": name, "optimizer_options": kept})

    def _edit_option(self, name: str, value: float) -> None:
        options = dict(self.doc.settings.optimizer_options)
        options[name] = round(value, 6)
        self._edit({"optimizer_options": options}, merge=True)

    def _split_edited(self) -> None:
        val, test = self.val_spin.value(), self.test_spin.value()
        if val + test > 95:  # the training part must keep some rows
            spin = self.val_spin if self.sender() is self.val_spin else self.test_spin
            other = test if spin is self.val_spin else val
            with QSignalBlocker(spin):
                spin.setValue(95 - other)
            val, test = self.val_spin.value(), self.test_spin.value()
        split = (round(1 - val / 100 - test / 100, 6), val / 100, test / 100)
        self._edit({"split": split}, merge=True)
