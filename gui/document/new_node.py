"""The node a palette drop creates: sized to fit the current data set where that is known."""

from __future__ import annotations

from core.datasets import Dataset
from core.engine import losses
from core.spec import NetworkSpec, NodeSpec, hidden_node, input_node, output_node

HIDDEN_UNITS = 4


def new_node(kind: str, spec: NetworkSpec, position: tuple[float, float],
             dataset: Dataset | None = None) -> NodeSpec:
    """A fresh node of ``kind`` with the next free id at ``position``.

    An input node takes one unit per data feature; an output node gets one sigmoid unit for
    two classes, a softmax unit per class for more, and linear units for regression."""
    node_id = spec.new_node_id()
    position = (round(position[0], 1), round(position[1], 1))
    if kind == "input":
        return input_node(node_id, dataset.n_features if dataset else 2, position=position)
    if kind == "output":
        units, activation = _output_shape(dataset)
        return output_node(node_id, units, activation=activation,
                           loss=losses.default_for(activation), position=position)
    if kind == "hidden":
        return hidden_node(node_id, HIDDEN_UNITS, position=position)
    raise ValueError(f"unknown node kind {kind!r}")


def _output_shape(dataset: Dataset | None) -> tuple[int, str]:
    if dataset is None:
        return 1, "sigmoid"
    if dataset.task == "classification":
        return (1, "sigmoid") if dataset.n_classes == 2 else (dataset.n_classes, "softmax")
    return dataset.n_outputs, "identity"
