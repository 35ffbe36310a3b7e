"""The node a palette drop creates: sized to fit the current data set where that is known.

A new hidden node is what a newcomer's first network gets without choosing anything, so its
defaults are picked for learning, measured over 20 seeds on the default path (input → hidden
→ output with Adam at the settings' default rate and epochs, see
tests/gui/document/test_first_network_learns.py): 8 tanh units with Xavier weights solve every
gate and circle, XOR quadrants, two Gaussians, two moons and plane on 20/20 seeds. The old 4
ReLU units with He weights solved XOR on 11/20: of four units two or three often die (output 0
for every row) and the rest cannot draw XOR's two lines; tanh units cannot die.
"""

from __future__ import annotations

from core.datasets import Dataset
from core.engine import losses
from core.spec import NetworkSpec, NodeSpec, hidden_node, input_node, output_node

HIDDEN_UNITS = 8
HIDDEN_ACTIVATION = "tanh"
HIDDEN_INIT = "xavier"  # tanh's initialiser: std √(1/fan-in)


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
        return hidden_node(node_id, HIDDEN_UNITS, activation=HIDDEN_ACTIVATION, init=HIDDEN_INIT,
                           position=position)
    raise ValueError(f"unknown node kind {kind!r}")  # i18n: not ui


def _output_shape(dataset: Dataset | None) -> tuple[int, str]:
    if dataset is None:
        return 1, "sigmoid"
    if dataset.task == "classification":
        return (1, "sigmoid") if dataset.n_classes == 2 else (dataset.n_classes, "softmax")
    return dataset.n_outputs, "identity"
