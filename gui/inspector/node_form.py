"""The inspector page for a node. Widget → document through commands; document → widgets with
signals blocked, so a refresh never echoes back as an edit."""

from __future__ import annotations

from html import escape
from types import ModuleType
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QSignalBlocker, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDoubleSpinBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from core.datasets import FEATURES, feature_info
from core.engine import activations, initializers, losses
from core.spec import MAX_NAME_LENGTH, NodeSpec, clean_name
from core.validation import MAX_INIT_STD, MAX_UNITS
from gui import theme
from gui.canvas import style
from gui.document.document import GraphDocument
from gui.document.input_labels import feature_label
from gui.i18n import on_language_change, translate
from gui.inspector.activation_plot import ActivationPlot
from gui.inspector.node_edits import NodeEdits
from gui.widgets import labelled_row

LONGEST_UNBROKEN = 12  # characters of a name's word before the header may wrap inside it
TIPS = {
    "name": QT_TRANSLATE_NOOP("NodeForm", "A name shown on the canvas (leave empty for the kind "
                              "and id)."),
    "units": QT_TRANSLATE_NOOP("NodeForm", "How many neurons this node has. Each unit has its own "
                               "bias and one weight from every unit that feeds the node."),
    "batch_norm": QT_TRANSLATE_NOOP(
        "NodeForm", "Batch normalisation rescales z over each mini-batch to mean 0 and std 1, "
        "then learns a scale γ and shift β, before the activation: deep networks train faster "
        "and tolerate larger learning rates."),
    "dropout": QT_TRANSLATE_NOOP(
        "NodeForm", "During training, switch off this fraction of the node's outputs at random "
        "(the rest are scaled up), so no neuron can be relied on alone — a defence against "
        "overfitting. Nothing is dropped when predicting."),
    "features": QT_TRANSLATE_NOOP(
        "NodeForm", "What the input node feeds the network. Nothing ticked: the data's raw "
        "columns. Engineered features such as x₁² or sin x₁ let even one neuron draw circles or "
        "waves."),
    "init_std": QT_TRANSLATE_NOOP("NodeForm", "The standard deviation of the Gaussian the weights "
                                  "are drawn from."),
}
LABELS = (QT_TRANSLATE_NOOP("NodeForm", "Name"), QT_TRANSLATE_NOOP("NodeForm", "Units"),
          QT_TRANSLATE_NOOP("NodeForm", "Features"), QT_TRANSLATE_NOOP("NodeForm", "Activation"),
          "", QT_TRANSLATE_NOOP("NodeForm", "Initialiser"),
          QT_TRANSLATE_NOOP("NodeForm", "Initial std"), QT_TRANSLATE_NOOP("NodeForm", "Batch norm"),
          QT_TRANSLATE_NOOP("NodeForm", "Dropout"), QT_TRANSLATE_NOOP("NodeForm", "Loss"))


def _combo(names: tuple[str, ...]) -> QComboBox:
    combo = QComboBox()
    for name in names:
        combo.addItem(name, name)
    return combo


def _retranslate_combo(combo: QComboBox, module: ModuleType) -> None:
    """Each item shows the name's title and tooltip from core (``module.title``/``describe``,
    marked there), in the current language; the item's data stays the identifier."""
    for k in range(combo.count()):
        name = combo.itemData(k)
        if name in module.NAMES:
            combo.setItemText(k, module.title(name))
            combo.setItemData(k, module.describe(name), Qt.ItemDataRole.ToolTipRole)
        else:
            combo.setItemText(k, translate("NodeForm", "{name} (unknown)").format(name=name))


#: data with more raw columns than this offers no feature list (x1 … xD and the derived ones):
#: 100,000 columns (a wide CSV) froze the window for 3 s each time the input was selected
FEATURE_LIST_LIMIT = 2048


class NodeForm(QWidget):
    def __init__(self, doc: GraphDocument, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._doc = doc
        self.node_id: str | None = None
        self._session = 0
        self._columns = 2
        self.edits = NodeEdits(doc, self)  # a big change's weights are drawn on a worker
        self.edits.settled.connect(self.refresh)
        self.header = QLabel()
        self.header.setWordWrap(True)
        self.name_edit = QLineEdit()
        self.name_edit.setMaxLength(MAX_NAME_LENGTH)
        self.units_spin = QSpinBox()
        self.units_spin.setRange(1, MAX_UNITS)
        self.activation_combo = _combo(activations.NAMES)
        self.activation_plot = ActivationPlot()
        self.init_combo = _combo(initializers.NAMES)
        self.init_std_spin = QDoubleSpinBox()
        self.init_std_spin.setDecimals(4)
        self.init_std_spin.setRange(0.0001, MAX_INIT_STD)
        self.init_std_spin.setSingleStep(0.01)
        self.batch_norm_check = QCheckBox()
        self.dropout_spin = QDoubleSpinBox()
        self.dropout_spin.setRange(0.0, 0.95)
        self.dropout_spin.setSingleStep(0.05)
        self.features_list = QListWidget()
        self.features_list.setMaximumHeight(150)
        self.loss_combo = _combo(losses.NAMES)
        self.form = QFormLayout()
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.form_labels: dict[str, QLabel] = {}
        for label, widget in zip(LABELS, (
                self.name_edit, self.units_spin, self.features_list, self.activation_combo,
                self.activation_plot, self.init_combo, self.init_std_spin,
                self.batch_norm_check, self.dropout_spin, self.loss_combo), strict=True):
            self.form_labels[label] = labelled_row(self.form, widget)
            self.form_labels[label].setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.header)
        layout.addLayout(self.form)
        layout.addStretch()
        self._connect_widgets()
        doc.node_changed.connect(self._node_changed)
        on_language_change(self, self.retranslate)

    def retranslate(self) -> None:
        for widget, key in ((self.name_edit, "name"), (self.units_spin, "units"),
                            (self.batch_norm_check, "batch_norm"),
                            (self.dropout_spin, "dropout"), (self.features_list, "features"),
                            (self.init_std_spin, "init_std")):
            widget.setToolTip(self.tr(TIPS[key]))
        for key, label in self.form_labels.items():
            label.setText(self.tr(key) if key else "")
        self.batch_norm_check.setText(self.tr("normalise z"))
        for combo, module in ((self.activation_combo, activations),
                              (self.init_combo, initializers), (self.loss_combo, losses)):
            with QSignalBlocker(combo):
                _retranslate_combo(combo, module)
        self.refresh()

    def _connect_widgets(self) -> None:
        self.name_edit.editingFinished.connect(self._commit_name)
        self.units_spin.valueChanged.connect(
            lambda value: self._edit({"units": value}, merge=True))
        self.init_std_spin.valueChanged.connect(
            lambda value: self._edit({"init_std": value}, merge=True))
        self.dropout_spin.valueChanged.connect(
            lambda value: self._edit({"dropout": round(value, 4)}, merge=True))
        for spin in (self.units_spin, self.init_std_spin, self.dropout_spin):
            spin.editingFinished.connect(self._end_session)
        self.activation_combo.currentIndexChanged.connect(
            lambda: self._edit(self._activation_changes(self.activation_combo.currentData())))
        self.init_combo.currentIndexChanged.connect(
            lambda: self._edit({"init": self.init_combo.currentData()}))
        self.loss_combo.currentIndexChanged.connect(
            lambda: self._edit(self._loss_changes(self.loss_combo.currentData())))
        self.batch_norm_check.toggled.connect(lambda on: self._edit({"batch_norm": on}))
        self.features_list.itemChanged.connect(lambda _item: self._edit(self._feature_changes()))

    # ------------------------------------------------------------------ model → widgets
    def set_node(self, node_id: str | None) -> None:
        if node_id != self.node_id:
            self._commit_name()  # a name being typed belongs to the node it was typed for
            self._end_session()
        self.node_id = node_id
        self.refresh()

    def set_data_columns(self, columns: int) -> None:
        """How many raw columns the current data has (offered as x1 … xD features)."""
        self._columns = max(columns, 1)
        self.refresh()

    def _node_changed(self, node_id: str) -> None:
        if node_id == self.node_id and not self.edits.busy:  # else: refreshed when settled
            self.refresh()

    @property
    def node(self) -> NodeSpec | None:
        spec = self._doc.spec
        return spec.node(self.node_id) if self.node_id and spec.has_node(self.node_id) else None

    def refresh(self) -> None:
        node = self.node
        if node is None:
            return
        blockers = [QSignalBlocker(w) for w in (
            self.name_edit, self.units_spin, self.activation_combo, self.init_combo,
            self.init_std_spin, self.batch_norm_check, self.dropout_spin, self.features_list,
            self.loss_combo)]
        color = theme.kind_color(node.kind)
        kind = translate("NodeKind", style.KIND_WORDS.get(node.kind, node.kind))
        self.header.setText(self.tr(
            "<span style='color:{color}; font-size:13pt'>●</span> <b>{label}</b> <span "
            "style='color:{muted}'>({kind} node, id {id})</span><br><span style='color:{muted}'>"
            "{help}</span>").format(color=color,
                                    label=escape(breakable(style.node_label(node)), quote=False),
                                    muted=theme.MUTED_TEXT, kind=kind, id=node.id,
                                    help=style.kind_help(node.kind)))
        if not self.name_edit.isModified():
            self.name_edit.setText(node.name)
        self.units_spin.setValue(node.units)
        self.units_spin.setEnabled(not (node.kind == "input" and node.features))
        _select(self.activation_combo, node.activation)
        _select(self.init_combo, node.init)
        _select(self.loss_combo, node.loss or "")
        self.init_std_spin.setValue(node.init_std)
        self.batch_norm_check.setChecked(node.batch_norm)
        self.dropout_spin.setValue(node.dropout)
        listed = node.kind == "input" and self._columns <= FEATURE_LIST_LIMIT
        if listed:  # (784 list items for MNIST: 60 ms at every edit)
            self._fill_features(node)
        del blockers
        trained = node.kind != "input"
        for widget, visible in ((self.features_list, listed),
                                (self.activation_combo, trained),
                                (self.activation_plot, trained), (self.init_combo, trained),
                                (self.init_std_spin, trained and node.init == "std"),
                                (self.batch_norm_check, trained),
                                (self.dropout_spin, node.kind == "hidden"),
                                (self.loss_combo, node.kind == "output")):
            self.form.setRowVisible(widget, visible)
        if trained:
            self.activation_plot.set_activation(node.activation)

    def _fill_features(self, node: NodeSpec) -> None:
        names = [f"x{k + 1}" for k in range(self._columns)]
        names += [n for n in FEATURES
                  if n not in names and feature_info(n).needs_columns <= self._columns]
        names += [n for n in node.features if n not in names]
        self.features_list.clear()
        for name in names:
            item = QListWidgetItem(feature_label(name))
            item.setData(Qt.ItemDataRole.UserRole, name)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if name in node.features
                               else Qt.CheckState.Unchecked)
            self.features_list.addItem(item)

    # ------------------------------------------------------------------ widgets → model
    def _end_session(self) -> None:
        """The next edit starts a new undo entry (a scrub ends when the spin box is left)."""
        self._session += 1

    def _commit_name(self) -> None:
        if self.name_edit.isModified():
            self.name_edit.setModified(False)
            self._edit({"name": clean_name(self.name_edit.text())})
            if self.node is not None:  # what was kept: one line, without direction controls
                self.name_edit.setText(self.node.name)

    def _edit(self, changes: dict[str, Any], merge: bool = False) -> None:
        node = self.node
        if node is None:
            return
        # (while an edit waits for its weights, the node is not yet as the widgets show it)
        changes = {k: v for k, v in changes.items() if getattr(node, k) != v or self.edits.busy}
        if not changes:
            return
        if not merge:
            self._end_session()
        self.edits.push(node.id, changes, self._session)
        if not merge:
            self._end_session()

    def _activation_changes(self, activation: str) -> dict[str, Any]:
        """A new output activation brings the loss that fits it, when the old one does not."""
        node = self.node
        changes: dict[str, Any] = {"activation": activation}
        if node is not None and node.kind == "output" and not losses.fits(node.loss or "",
                                                                            activation):
            changes["loss"] = losses.default_for(activation)
        return changes

    def _loss_changes(self, loss: str) -> dict[str, Any]:
        """A loss that needs a particular output activation brings it along."""
        changes: dict[str, Any] = {"loss": loss}
        required = losses.REQUIRED_ACTIVATION.get(loss)
        if required:
            changes["activation"] = required
        return changes

    def _feature_changes(self) -> dict[str, Any]:
        chosen = tuple(
            self.features_list.item(k).data(Qt.ItemDataRole.UserRole)
            for k in range(self.features_list.count())
            if self.features_list.item(k).checkState() == Qt.CheckState.Checked)
        return {"features": chosen, "units": len(chosen) or self._columns}


def breakable(text: str) -> str:
    """``text`` with a zero-width space in every :data:`LONGEST_UNBROKEN` characters of a
    long word, where the header may wrap (one long word made the Inspector wider than its
    dock and cut off every row on the right)."""
    return " ".join("\u200b".join(word[k:k + LONGEST_UNBROKEN]
                                  for k in range(0, len(word), LONGEST_UNBROKEN))
                    for word in text.split(" "))


def _select(combo: QComboBox, name: str) -> None:
    index = combo.findData(name)
    if index < 0 and name:
        combo.addItem(translate("NodeForm", "{name} (unknown)").format(name=name), name)
        index = combo.count() - 1
    combo.setCurrentIndex(index)
