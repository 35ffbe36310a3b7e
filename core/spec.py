"""The network spec: plain, immutable data describing a DAG of layer nodes.

A spec is what the canvas edits, what a project file stores and what :func:`core.build` turns
into a trainable network. Specs are frozen: every edit returns a new spec, so undo can keep the
old one and nothing is shared by accident.
"""

from __future__ import annotations

import json
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass, field, fields, replace
from typing import Any

from core.engine import losses
from core.i18n import N_, _
from core.numbers import finite, number_problem
from core.spec_problems import SpecError, SpecProblem
from core.unknown_fields import extra_fields, unknown_fields
from core.validation import connection_problem, find_problems, topological_order

NODE_KINDS = ("input", "hidden", "output")
EDGE_FIELDS = frozenset({"id", "src", "dst"})
#: How a node's kind reads in its default label ("hidden 2"); shown with ``_()``
KIND_TITLES = {"input": N_("input"), "hidden": N_("hidden"), "output": N_("output")}


#: the longest name a node keeps: the canvas, the Inspector and the undo texts show it
MAX_NAME_LENGTH = 40


def clean_name(text: str, limit: int = MAX_NAME_LENGTH) -> str:
    """A name as it is kept (a node's; a training run's with its own ``limit``): one line —
    line breaks, tabs and other control characters become spaces, runs of spaces one — without
    the characters that do not print (direction controls: an unclosed right-to-left override
    turned every text shown after the name backwards), at most ``limit`` characters."""
    text = "".join(c if c.isprintable() or c.isspace()
                   else " " if unicodedata.category(c) == "Cc" else "" for c in text)
    return " ".join(text.split())[:limit].strip()


@dataclass(frozen=True)
class NodeSpec:
    """One layer node. ``units == 1`` makes it a single neuron.

    A non-input node computes z = Σ x_src·W_edge + b → [batch norm] → activation → [dropout].
    ``loss`` is used on the output node only; ``features`` on input nodes only (names of the data
    columns it takes, e.g. ``("x1", "x2", "x1*x2")``; empty means "the raw columns").
    """

    id: str
    kind: str
    units: int
    activation: str = "relu"
    init: str = "he"
    init_std: float = 0.01
    batch_norm: bool = False
    dropout: float = 0.0
    position: tuple[float, float] = (0.0, 0.0)
    loss: str | None = None
    name: str = ""
    features: tuple[str, ...] = ()

    @property
    def label(self) -> str:
        """What the canvas shows: the user's name, else kind and id."""
        kind = _(KIND_TITLES[self.kind]) if self.kind in KIND_TITLES else self.kind
        # Translators: a node's default label, e.g. "hidden 2"
        return self.name or _("{kind} {id}").format(kind=kind, id=self.id)

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["position"] = list(self.position)
        data["features"] = list(self.features)
        return data


@dataclass(frozen=True)
class EdgeSpec:
    """A connection src → dst; it owns a dense weight matrix of shape (src.units, dst.units)."""

    id: str
    src: str
    dst: str

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def input_node(node_id: str, units: int, **options: Any) -> NodeSpec:
    """An input node (identity activation, no parameters of its own)."""
    return NodeSpec(node_id, "input", units, activation="identity", **options)


def hidden_node(node_id: str, units: int, **options: Any) -> NodeSpec:
    return NodeSpec(node_id, "hidden", units, **options)


def output_node(node_id: str, units: int, activation: str = "softmax", loss: str | None = None,
                **options: Any) -> NodeSpec:
    """An output node; the loss defaults to the one that fits the activation."""
    loss = loss or losses.default_for(activation)
    return NodeSpec(node_id, "output", units, activation=activation, loss=loss, **options)


@dataclass(frozen=True)
class NetworkSpec:
    """Nodes and edges, in the order the user created them (that order breaks topological ties)."""

    nodes: tuple[NodeSpec, ...] = ()
    edges: tuple[EdgeSpec, ...] = field(default=())

    # ----------------------------------------------------------------- construction helpers
    @classmethod
    def mlp(
        cls,
        sizes: Sequence[int],
        hidden_activation: str = "relu",
        output_activation: str = "softmax",
        loss: str | None = None,
        init: str = "he",
        init_std: float = 0.01,
        batch_norm: bool = False,
        dropout: float = 0.0,
    ) -> NetworkSpec:
        """The usual chain input → hidden… → output. Node ids are "0".."L" and edge ids "1".."L",
        so the parameters are named as in the book: W1, b1, W2, b2, …"""
        if len(sizes) < 2:
            raise SpecError([SpecProblem(
                _("an MLP needs at least an input size and an output size"))])
        last = len(sizes) - 1
        nodes = [input_node("0", int(sizes[0]), position=(0.0, 0.0))]
        for i in range(1, last):
            nodes.append(hidden_node(
                str(i), int(sizes[i]), activation=hidden_activation, init=init, init_std=init_std,
                batch_norm=batch_norm, dropout=dropout, position=(200.0 * i, 0.0)))
        nodes.append(output_node(
            str(last), int(sizes[last]), activation=output_activation, loss=loss, init=init,
            init_std=init_std, position=(200.0 * last, 0.0)))
        edges = [EdgeSpec(str(i), str(i - 1), str(i)) for i in range(1, last + 1)]
        return cls(tuple(nodes), tuple(edges))

    # ----------------------------------------------------------------- queries
    def node(self, node_id: str) -> NodeSpec:
        for node in self.nodes:
            if node.id == node_id:
                return node
        raise KeyError(f"no node with id {node_id!r}")  # i18n: not ui

    def edge(self, edge_id: str) -> EdgeSpec:
        for edge in self.edges:
            if edge.id == edge_id:
                return edge
        raise KeyError(f"no edge with id {edge_id!r}")  # i18n: not ui

    def has_node(self, node_id: str) -> bool:
        return any(n.id == node_id for n in self.nodes)

    def nodes_of_kind(self, kind: str) -> list[NodeSpec]:
        return [n for n in self.nodes if n.kind == kind]

    @property
    def inputs(self) -> list[NodeSpec]:
        return self.nodes_of_kind("input")

    @property
    def output(self) -> NodeSpec:
        outputs = self.nodes_of_kind("output")
        if len(outputs) != 1:
            raise SpecError(find_problems(self))
        return outputs[0]

    @property
    def input_units(self) -> int:
        """Total width of the data the network expects (input nodes in spec order)."""
        return sum(n.units for n in self.inputs)

    def incoming(self, node_id: str) -> list[EdgeSpec]:
        return [e for e in self.edges if e.dst == node_id]

    def outgoing(self, node_id: str) -> list[EdgeSpec]:
        return [e for e in self.edges if e.src == node_id]

    def fan_in(self, node_id: str) -> int:
        """Total number of inputs over all incoming edges (the n of Xavier/He)."""
        units = {n.id: n.units for n in self.nodes}
        return sum(units.get(e.src, 0) for e in self.incoming(node_id))

    def order(self) -> list[str]:
        """Node ids in execution order; SpecError if there is a cycle."""
        return topological_order(self)

    def problems(self) -> list[SpecProblem]:
        """Everything that stops this spec from being built (empty list: it is buildable)."""
        return find_problems(self)

    def check(self) -> NetworkSpec:
        """Return self if valid, else raise SpecError with every problem."""
        problems = self.problems()
        if problems:
            raise SpecError(problems)
        return self

    def connection_problem(self, src: str, dst: str) -> SpecProblem | None:
        """Why src → dst cannot be added (None when it can)."""
        return connection_problem(self, src, dst)

    def can_connect(self, src: str, dst: str) -> bool:
        """Boolean twin of :meth:`check_connect`, for hover feedback on the canvas."""
        return connection_problem(self, src, dst) is None

    def check_connect(self, src: str, dst: str) -> None:
        problem = connection_problem(self, src, dst)
        if problem is not None:
            raise SpecError([problem])

    # ----------------------------------------------------------------- edits (new specs)
    def new_node_id(self) -> str:
        return _next_id(n.id for n in self.nodes)

    def new_edge_id(self) -> str:
        return _next_id(e.id for e in self.edges)

    def with_node(self, node: NodeSpec, index: int | None = None) -> NetworkSpec:
        if self.has_node(node.id):
            raise SpecError([SpecProblem(_("a node with id {id} exists already").format(
                id=repr(node.id)))])
        nodes = list(self.nodes)
        nodes.insert(len(nodes) if index is None else index, node)
        return replace(self, nodes=tuple(nodes))

    def without_node(self, node_id: str) -> NetworkSpec:
        """Remove a node and every edge attached to it."""
        self.node(node_id)
        return replace(
            self,
            nodes=tuple(n for n in self.nodes if n.id != node_id),
            edges=tuple(e for e in self.edges if node_id not in (e.src, e.dst)),
        )

    def with_node_changed(self, node_id: str, **changes: Any) -> NetworkSpec:
        old = self.node(node_id)
        new = replace(old, **changes)
        return replace(self, nodes=tuple(new if n.id == node_id else n for n in self.nodes))

    def with_edge(self, edge: EdgeSpec, index: int | None = None) -> NetworkSpec:
        self.check_connect(edge.src, edge.dst)
        if any(e.id == edge.id for e in self.edges):
            raise SpecError([SpecProblem(_("an edge with id {id} exists already").format(
                id=repr(edge.id)))])
        edges = list(self.edges)
        edges.insert(len(edges) if index is None else index, edge)
        return replace(self, edges=tuple(edges))

    def connect(self, src: str, dst: str) -> NetworkSpec:
        """Add src → dst with a fresh edge id (SpecError when it is refused)."""
        return self.with_edge(EdgeSpec(self.new_edge_id(), src, dst))

    def without_edge(self, edge_id: str) -> NetworkSpec:
        self.edge(edge_id)
        return replace(self, edges=tuple(e for e in self.edges if e.id != edge_id))

    # ----------------------------------------------------------------- serialisation
    def to_dict(self) -> dict[str, Any]:
        return {
            "nodes": [n.to_dict() for n in self.nodes],
            "edges": [e.to_dict() for e in self.edges],
        }

    def to_json(self, indent: int | None = 2) -> str:
        return json.dumps(self.to_dict(), indent=indent)

    @classmethod
    def from_dict(cls, data: Any) -> NetworkSpec:
        """Read a spec from parsed JSON, checking every field's type (files may be hand-edited).

        Raises SpecError naming the field that is wrong. Structural validity (cycles, …) is not
        checked here: a half-built network is a legitimate document; call :meth:`check`.
        """
        if not isinstance(data, dict):
            raise _format_error(_("the network must be a JSON object with 'nodes' and 'edges'"))
        nodes_data = data.get("nodes", [])
        edges_data = data.get("edges", [])
        if not isinstance(nodes_data, list) or not isinstance(edges_data, list):
            raise _format_error(_("'nodes' and 'edges' must be lists"))
        nodes = tuple(_node_from_dict(d, i) for i, d in enumerate(nodes_data))
        edges = tuple(_edge_from_dict(d, i) for i, d in enumerate(edges_data))
        return cls(nodes, edges)

    @classmethod
    def from_json(cls, text: str) -> NetworkSpec:
        try:
            data = json.loads(text)
        except json.JSONDecodeError as exc:
            raise _format_error(_("not valid JSON ({reason} at line {line})").format(
                reason=exc.msg, line=exc.lineno)) from None
        return cls.from_dict(data)


def _next_id(existing: Iterable[str]) -> str:
    numbers = [int(i) for i in existing if i.isdigit()]
    return str(max(numbers, default=0) + 1)


def _format_error(message: str) -> SpecError:
    return SpecError([SpecProblem(_("network file: {problem}").format(problem=message))])


_NODE_FIELD_TYPES: dict[str, tuple[type, ...]] = {
    "id": (str,), "kind": (str,), "units": (int,), "activation": (str,), "init": (str,),
    "init_std": (int, float), "batch_norm": (bool,), "dropout": (int, float),
    "position": (list, tuple), "loss": (str, type(None)), "name": (str,),
    "features": (list, tuple),
}

#: the node's decimal numbers: refused in :func:`core.numbers.number_problem`'s words
_DECIMAL_FIELDS = ("init_std", "dropout")


def _node_from_dict(data: Any, index: int) -> NodeSpec:
    where = _("node #{n}").format(n=index + 1)
    if not isinstance(data, dict):
        raise _format_error(_("{where} must be an object").format(where=where))
    known = {f.name for f in fields(NodeSpec)}
    unknown = extra_fields(data, known)
    if unknown:
        raise _format_error(unknown_fields(where, unknown))
    for required in ("id", "kind", "units"):
        if required not in data:
            raise _format_error(_("{where} is missing {field}").format(
                where=where, field=repr(required)))
    values: dict[str, Any] = {}
    for key, value in data.items():
        types = _NODE_FIELD_TYPES[key]
        # bool is an int subclass: refuse it where a number is meant. The decimal fields are
        # said below, as every number read from a file is.
        if key not in _DECIMAL_FIELDS and (
                not isinstance(value, types) or (isinstance(value, bool) and bool not in types)):
            raise _format_error(_("{where}: {field} has the wrong type ({kind})").format(
                where=where, field=repr(key), kind=type(value).__name__))
        values[key] = value
    if "position" in values:
        pos = values["position"]
        # finite: a NaN made the canvas fail at every paint (then Qt crashed the window)
        if len(pos) != 2 or not all(isinstance(v, (int, float)) and not isinstance(v, bool)
                                    and finite(v) for v in pos):
            raise _format_error(_("{where}: 'position' must be two numbers").format(where=where))
        values["position"] = (float(pos[0]), float(pos[1]))
    if "features" in values:
        if not all(isinstance(f, str) for f in values["features"]):
            raise _format_error(_("{where}: 'features' must be a list of names").format(
                where=where))
        values["features"] = tuple(values["features"])
    for key in _DECIMAL_FIELDS:
        if key in values:  # NaN drew NaN weights; 400 digits overflowed float(): a traceback
            problem = number_problem(_("{where}: {field}").format(where=where, field=repr(key)),
                                     values[key])
            if problem:
                raise _format_error(problem)
            values[key] = float(values[key])
    if "name" in values:
        values["name"] = clean_name(values["name"])
    return NodeSpec(**values)


def _edge_from_dict(data: Any, index: int) -> EdgeSpec:
    where = _("edge #{n}").format(n=index + 1)
    unknown = extra_fields(data, EDGE_FIELDS)
    if unknown:
        raise _format_error(unknown_fields(where, unknown))
    if not isinstance(data, dict) or set(data) != EDGE_FIELDS:
        raise _format_error(_("{where} must be an object with exactly 'id', 'src' and 'dst'"
                              ).format(where=where))
    if not all(isinstance(data[k], str) for k in ("id", "src", "dst")):
        raise _format_error(_("{where}: 'id', 'src' and 'dst' must be strings").format(
            where=where))
    return EdgeSpec(data["id"], data["src"], data["dst"])

