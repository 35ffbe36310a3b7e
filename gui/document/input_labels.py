"""How features and input neurons are named on screen (Qt-free)."""

from __future__ import annotations

from functools import lru_cache

from core.datasets import DataError, feature_info
from core.spec import NetworkSpec


@lru_cache(maxsize=4096)  # MNIST's 784 columns are named again whenever the canvas rebuilds
def feature_label(name: str) -> str:
    """``x1`` → ``X₁``, ``x1^2`` → ``X₁²``; names the engine does not know stay as they are."""
    try:
        return feature_info(name).label
    except DataError:
        return name


def input_labels(spec: NetworkSpec) -> dict[str, list[str]]:
    """What each input neuron takes, by input node id, in the order the engine feeds them
    (``core.training.prepare.input_columns``): the chosen features, else the raw columns — split
    across the input nodes when none of them chooses features, all of them otherwise."""
    labels: dict[str, list[str]] = {}
    offset = 0
    any_features = any(n.features for n in spec.inputs)
    for node in spec.inputs:
        if node.features:
            names = list(node.features)
        else:
            start = 0 if any_features else offset
            names = [f"x{start + k + 1}" for k in range(node.units)]
            offset += node.units
        labels[node.id] = [feature_label(name) for name in names]
    return labels
