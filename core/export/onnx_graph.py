"""Export as one ONNX file: input ``x`` [batch, raw columns] float32, output ``y``.

The graph scales the raw columns (pixel bytes to 0–1, standardisation; in double precision,
as NetCanvas does), computes each input node's features, then runs the DAG: MatMul/Add per
connection, BatchNormalization with the running statistics, the activation; dropout is absent
at inference. It is built with the onnx package's helper API and passes
``onnx.checker.check_model(full_check=True)``.

``onnx`` is imported only here, and only when an ONNX export is asked for: NetCanvas runs
without it.
"""

from __future__ import annotations

# i18n: not ui file — its strings are ONNX operator, tensor and graph names and the model's
# doc string, all part of the exported file (the user's code); its two errors are marked _().
from pathlib import Path
from typing import Any

import numpy as np

from core.engine.activations import LEAKY_SLOPE
from core.engine.layers import BN_EPSILON
from core.export.common import ExportError, ExportPlan, check_target, feature_op, staged
from core.i18n import _

OPSET = 17
IR_VERSION = 8  # the IR version of opset 17's release: runtimes from then on load the file


def _onnx() -> Any:
    try:
        import onnx
    except ImportError:
        raise ExportError(_("the ONNX export needs the onnx package: pip install onnx")
                          ) from None
    return onnx


class _Graph:
    """Nodes and initializers collected while walking the network (names kept unique)."""

    def __init__(self, onnx: Any) -> None:
        self.onnx, self.nodes, self.initializers = onnx, [], []
        self._count = 0

    def const(self, name: str, array: np.ndarray) -> str:
        self.initializers.append(self.onnx.numpy_helper.from_array(np.asarray(array), name))
        return name

    def op(self, op_type: str, inputs: list[str], output: str | None = None, **attrs: Any
           ) -> str:
        if output is None:
            self._count += 1
            output = f"{op_type.lower()}_{self._count}"
        self.nodes.append(self.onnx.helper.make_node(op_type, inputs, [output], **attrs))
        return output


def build_model(plan: ExportPlan) -> Any:
    """The ONNX ModelProto of the plan's network (float32 weights, opset 17)."""
    onnx = _onnx()
    g = _Graph(onnx)
    network = plan.network
    x = g.op("Cast", ["x"], "x_double", to=onnx.TensorProto.DOUBLE)
    if network["x_divisor"] != 1:  # pixel bytes → values from 0 to 1
        divisor = g.const("x_divisor", np.array(network["x_divisor"], np.float64))
        x = g.op("Div", [x, divisor], "x_divided")
    if network["scaling"]:
        mean = g.const("scaling_mean", np.array(network["scaling"]["mean"], np.float64))
        std = g.const("scaling_std", np.array(network["scaling"]["std"], np.float64))
        x = g.op("Div", [g.op("Sub", [x, mean]), std], "x_scaled")
    values = {node["id"]: _input_node(g, x, node, plan.raw_columns)
              for node in network["inputs"]}
    arrays = {**plan.params, **plan.state}

    def weight(name: str) -> str:
        return g.const(name, arrays[name].astype(np.float32))

    for layer in network["layers"]:
        is_output = layer["id"] == network["output"]
        z = None
        for source, w in layer["inputs"]:
            product = g.op("MatMul", [values[source], weight(w)])
            z = product if z is None else g.op("Add", [z, product])
        z = g.op("Add", [z, weight(layer["bias"])], f"z_{layer['id']}")
        bn = layer["batch_norm"]
        if bn:
            z = g.op("BatchNormalization", [z] + [weight(bn[k]) for k in
                                                  ("gamma", "beta", "mean", "var")],
                     f"bn_{layer['id']}", epsilon=BN_EPSILON)
        values[layer["id"]] = _activation(g, layer["activation"], z,
                                          "y" if is_output else f"a_{layer['id']}")
    output_units = network["layers"][-1]["units"]
    graph = onnx.helper.make_graph(
        g.nodes, f"netcanvas_{_safe(plan.title)}",
        [onnx.helper.make_tensor_value_info("x", onnx.TensorProto.FLOAT,
                                            ["batch", plan.raw_columns])],
        [onnx.helper.make_tensor_value_info("y", onnx.TensorProto.FLOAT,
                                            ["batch", output_units])],
        g.initializers)
    model = onnx.helper.make_model(graph, producer_name="NetCanvas",
                                   opset_imports=[onnx.helper.make_opsetid("", OPSET)])
    model.ir_version = IR_VERSION
    model.doc_string = (f"{plan.title}, exported from NetCanvas: x = rows of the data set's raw "
                        "columns (for images the pixel bytes, 0 to 255); y = the network's output "
                        "(scaling and input features are inside the graph)")
    return model


def _input_node(g: _Graph, x: str, node: dict[str, Any], raw_columns: int) -> str:
    """An input node's columns: its features, computed on the scaled rows, as float32.
    A run of raw columns in order (the usual case) is one Slice, or ``x`` itself."""
    ops = [feature_op(f) for f in node["features"]]
    picked = [cols[0] for kind, cols in ops if kind == "column"]
    if len(picked) == len(ops) and picked == list(range(picked[0], picked[0] + len(picked))):
        if len(picked) < raw_columns:
            bounds = [g.const(f"{node['id']}_{k}", np.array([v], np.int64)) for k, v in
                      (("start", picked[0]), ("end", picked[-1] + 1), ("axis", 1))]
            x = g.op("Slice", [x, *bounds])
        return g.op("Cast", [x], f"input_{node['id']}", to=g.onnx.TensorProto.FLOAT)
    columns = []
    for kind, cols in ops:
        picked = [_column(g, x, c) for c in cols]
        if kind == "column":
            columns.append(picked[0])
        elif kind == "square":
            columns.append(g.op("Mul", [picked[0], picked[0]]))
        elif kind == "product":
            columns.append(g.op("Mul", picked))
        else:
            columns.append(g.op("Sin", picked))
    joined = columns[0] if len(columns) == 1 else g.op("Concat", columns, axis=1)
    return g.op("Cast", [joined], f"input_{node['id']}", to=g.onnx.TensorProto.FLOAT)


def _column(g: _Graph, x: str, k: int) -> str:
    """Column ``k`` of ``x`` as an [N, 1] tensor (one Gather per column, shared)."""
    name = f"{x}_col{k}"
    if not any(name in n.output for n in g.nodes):
        index = g.const(f"index_{k}", np.array([k], np.int64))
        g.op("Gather", [x, index], name, axis=1)
    return name


def _activation(g: _Graph, name: str, z: str, output: str) -> str:
    if name == "relu":
        return g.op("Relu", [z], output)
    if name == "leaky_relu":
        return g.op("LeakyRelu", [z], output, alpha=LEAKY_SLOPE)
    if name == "sigmoid":
        return g.op("Sigmoid", [z], output)
    if name == "tanh":
        return g.op("Tanh", [z], output)
    if name == "softmax":
        return g.op("Softmax", [z], output, axis=-1)
    if name == "step":  # 1 where z > 0
        zero = g.const(f"zero_{output}", np.zeros((), np.float32))
        return g.op("Cast", [g.op("Greater", [z, zero])], output, to=g.onnx.TensorProto.FLOAT)
    return g.op("Identity", [z], output)


def _safe(title: str) -> str:
    return "".join(c if c.isalnum() else "_" for c in title) or "network"


def export_onnx(plan: ExportPlan, out: Path, force: bool = False) -> list[Path]:
    """Write the ``.onnx`` file ``out`` after checking the model fully."""
    onnx = _onnx()
    check_target(out, force)
    model = build_model(plan)
    try:
        onnx.checker.check_model(model, full_check=True)
    except onnx.checker.ValidationError as exc:  # a bug in this module, not in the project
        raise ExportError(_("the ONNX model did not pass onnx's checker: {reason}").format(
            reason=exc)) from None
    with staged([out]) as (temporary,):
        temporary.write_bytes(model.SerializeToString())
    return [out]
