"""The inspector page for a connection: its weight matrix as a heat map, and its statistics."""

from __future__ import annotations

import numpy as np
from PySide6.QtWidgets import QFormLayout, QLabel, QVBoxLayout, QWidget

from core.engine import params
from gui import theme
from gui.document.document import GraphDocument
from gui.inspector.heatmap import HeatMap

STATS = ("shape", "mean", "std", "min", "max", "mean |w|")


def weight_statistics(matrix: np.ndarray) -> dict[str, str]:
    """The numbers shown under the heat map, formatted."""
    m = np.asarray(matrix, dtype=np.float64)
    if m.size == 0:
        return dict.fromkeys(STATS, "—")
    return {
        "shape": f"{m.shape[0]} × {m.shape[1]} = {m.size} weights",
        "mean": f"{m.mean():.4g}",
        "std": f"{m.std():.4g}",
        "min": f"{m.min():.4g}",
        "max": f"{m.max():.4g}",
        "mean |w|": f"{np.abs(m).mean():.4g}",
    }


class EdgeView(QWidget):
    def __init__(self, doc: GraphDocument, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._doc = doc
        self.edge_id: str | None = None
        self.title = QLabel()
        self.title.setWordWrap(True)
        self.heatmap = HeatMap()
        self.heatmap.setToolTip("Each cell is one weight: row i is the source unit, column j "
                                "the destination unit. Blue is positive, orange negative, "
                                "white near 0.")
        self.stats = {name: QLabel() for name in STATS}
        form = QFormLayout()
        for name, label in self.stats.items():
            form.addRow(f"{name}:", label)
        note = QLabel("During training, a healthy layer keeps a spread of weights; all near 0 "
                      "or a few huge ones are worth a look.")
        note.setWordWrap(True)
        note.setStyleSheet(f"color: {theme.MUTED_TEXT};")
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.heatmap)
        layout.addLayout(form)
        layout.addWidget(note)
        layout.addStretch()
        doc.params_changed.connect(self._params_changed)
        doc.node_changed.connect(self._node_changed)

    def set_edge(self, edge_id: str | None) -> None:
        self.edge_id = edge_id
        self.refresh()

    def _node_changed(self, _node_id: str) -> None:
        self.refresh()

    def _params_changed(self, names: list[str]) -> None:
        if self.edge_id is not None and params.weight_name(self.edge_id) in names:
            self.refresh()

    def refresh(self) -> None:
        spec = self._doc.spec
        if self.edge_id is None or not any(e.id == self.edge_id for e in spec.edges):
            return
        edge = spec.edge(self.edge_id)
        src, dst = spec.node(edge.src), spec.node(edge.dst)
        matrix = self._doc.shown_array(params.weight_name(edge.id))
        self.title.setText(f"<b>{src.label} → {dst.label}</b><br>"
                           f"<span style='color:{theme.MUTED_TEXT}'>"
                           f"{params.weight_name(edge.id)}: "
                           f"{src.units} × {dst.units}"
                           " weight matrix</span>")
        self.heatmap.set_matrix(matrix, src.label, dst.label)
        for name, text in weight_statistics(matrix).items():
            self.stats[name].setText(text)
