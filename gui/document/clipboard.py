"""Copy and paste of nodes: a JSON fragment (nodes, the edges between them, their weights)."""

from __future__ import annotations

import json
from dataclasses import replace
from typing import Any

import numpy as np

from core.engine import params
from core.export.import_weights import value_problems
from core.spec import NetworkSpec, NodeSpec
from core.spec_problems import SpecError, size_reason
from gui.document.commands import AddNodeCommand, Command, ConnectCommand
from gui.document.document import GraphDocument
from gui.i18n import translate

PASTE_OFFSET = 40.0


def copy_fragment(doc: GraphDocument, node_ids: list[str]) -> str:
    """The selected nodes, the edges among them and all their arrays, as JSON text."""
    chosen = set(node_ids)
    spec = doc.spec
    nodes = [n for n in spec.nodes if n.id in chosen]
    edges = [e for e in spec.edges if e.src in chosen and e.dst in chosen]
    arrays = doc.arrays
    names = [name for n in nodes for name in params.node_params(n)]
    names += [params.weight_name(e.id) for e in edges]
    return json.dumps({
        "netcanvas_fragment": 1,
        "network": NetworkSpec(tuple(nodes), tuple(edges)).to_dict(),
        "arrays": {name: arrays[name].tolist() for name in names if name in arrays},
    })


class FragmentRefusedError(Exception):
    """A fragment that is not pasted; :meth:`reason` says why."""

    def reason(self) -> str:
        """Why, in the current language (asked again after the language changes)."""
        raise NotImplementedError


class FragmentTooLargeError(FragmentRefusedError):
    """A fragment asking for more units or weights than NetCanvas holds (made by hand: its zero
    weights alone would fill the memory), refused before any weight is made."""

    def __init__(self, spec: NetworkSpec) -> None:
        super().__init__()
        self.spec = spec

    def reason(self) -> str:
        return size_reason(self.spec.problems())


class FragmentValuesError(FragmentRefusedError):
    """A fragment whose array ``name`` holds values NetCanvas does not take from outside
    (:func:`core.export.import_weights.value_problems`: NaN, an infinity, a weight beyond
    :data:`~core.engine.params.MAX_MAGNITUDE`, a statistic too big for the network's dtype;
    made by hand or by another program): pasted, it was a network that gave NaN at once."""

    def __init__(self, name: str, array: np.ndarray, trained: bool, dtype: np.dtype) -> None:
        super().__init__()
        self.name = name
        self._judged = (array, trained, dtype)

    def reason(self) -> str:
        return value_problems(self.name, *self._judged)[0]


def parse_fragment(text: str, dtype: str = "float64"
                   ) -> tuple[NetworkSpec, dict[str, np.ndarray]] | None:
    """The fragment in ``text``, or None when it is not one (paste then does nothing); raises
    :class:`FragmentRefusedError` for one too large to paste or holding values a network of
    ``dtype`` (its settings' name) does not take."""
    try:
        data: Any = json.loads(text)
        if not isinstance(data, dict) or data.get("netcanvas_fragment") != 1:
            return None
        spec = NetworkSpec.from_dict(data["network"])
        if not isinstance(data["arrays"], dict):  # (a list's .items() was a crash)
            return None
        arrays = {str(k): np.asarray(v, dtype=np.float64) for k, v in data["arrays"].items()}
    except (ValueError, KeyError, TypeError, OverflowError, RecursionError, SpecError):
        return None
    if size_reason(spec.problems()):
        raise FragmentTooLargeError(spec)
    for name, array in arrays.items():
        trained = not params.is_state(name)
        if value_problems(name, array, trained, np.dtype(dtype)):
            raise FragmentValuesError(name, array, trained, np.dtype(dtype))
    return spec, arrays


def paste_command(doc: GraphDocument, fragment: NetworkSpec, arrays: dict[str, np.ndarray],
                  offset: float = PASTE_OFFSET) -> Command:
    """One undo entry adding the fragment's nodes under fresh ids, shifted by ``offset``."""
    first_node = int(doc.spec.new_node_id())
    first_edge = int(doc.spec.new_edge_id())
    ids = {n.id: str(first_node + k) for k, n in enumerate(fragment.nodes)}
    count = len(fragment.nodes)
    parent = Command(translate("Commands", "Paste {count} node").format(count=count)
                     if count == 1 else
                     translate("Commands", "Paste {count} nodes").format(count=count))
    for k, node in enumerate(fragment.nodes):
        new = replace(node, id=ids[node.id],
                      position=(node.position[0] + offset, node.position[1] + offset))
        AddNodeCommand(doc, new, len(doc.spec.nodes) + k, _node_arrays(node, new, arrays),
                       parent=parent)
    for k, edge in enumerate(fragment.edges):
        weight = arrays.get(params.weight_name(edge.id))
        src, dst = fragment.node(edge.src), fragment.node(edge.dst)
        if weight is None or weight.shape != (src.units, dst.units):
            weight = np.zeros((src.units, dst.units))
        ConnectCommand(doc, ids[edge.src], ids[edge.dst], str(first_edge + k), weight,
                       parent=parent)
    return parent


def _node_arrays(old: NodeSpec, new: NodeSpec, arrays: dict[str, np.ndarray]
                 ) -> dict[str, np.ndarray]:
    """The new node's own arrays: copied from the fragment where names and shapes match."""
    fresh = params.node_params(new)
    copied = {}
    for (old_name, _), (new_name, value) in zip(params.node_params(old).items(),
                                                 fresh.items(), strict=True):
        source = arrays.get(old_name)
        copied[new_name] = source if source is not None and source.shape == value.shape else value
    return copied

