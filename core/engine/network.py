"""Turn a :class:`NetworkSpec` into a trainable network: forward, loss, backprop, gradient check.

The execution plan (topological order, which buffer feeds which matrix product) is worked out
once in :func:`build`; a training step then runs a short loop of NumPy calls writing into buffers
kept per batch size, so a DAG costs no more than a layer list and tiny nets stay cheap.

Parameter names follow :mod:`core.engine.params` (``W<edge>``, ``b<node>``, …).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from core.engine import activations, initializers, losses, optimizers
from core.engine.gradient import numerical_gradient
from core.engine.layers import BatchNorm, Dropout
from core.engine.params import param_name
from core.spec import NetworkSpec

NUMERICAL_H = 1e-4


class ParamDict(dict):
    """Name → array, where assigning copies *into* the existing array.

    Every parameter is a view into one flat vector (so an optimizer can update them all with a
    couple of NumPy calls): ``params["W1"] = new`` must keep that link, hence the copy. Shapes
    must match; new names cannot be added."""

    def __setitem__(self, name: str, value: np.ndarray) -> None:
        if name not in self:
            raise KeyError(f"the network has no parameter {name!r}")
        target = self[name]
        value = np.asarray(value)
        if value.shape != target.shape:
            raise ValueError(f"{name} has shape {target.shape}, got {value.shape}")
        target[...] = value


def _flat_views(shapes: dict[str, tuple[int, ...]], dtype: np.dtype
                ) -> tuple[np.ndarray, dict[str, np.ndarray]]:
    """One zeroed vector and a C-contiguous view into it per name, each 64-byte aligned."""
    align = 64 // dtype.itemsize
    offsets, total = {}, 0
    for name, shape in shapes.items():
        offsets[name] = total
        total += -(-int(np.prod(shape)) // align) * align
    flat = np.zeros(total, dtype)
    views = {name: flat[o:o + int(np.prod(shapes[name]))].reshape(shapes[name])
             for name, o in offsets.items()}
    return flat, views


@dataclass(frozen=True)
class NodeValues:
    """A node's values for a batch: ``pre`` is z (after batch norm), ``post`` the activation."""

    pre: np.ndarray
    post: np.ndarray


@dataclass
class _Step:
    """How to compute one non-input node."""

    node_id: str
    slot: int
    inputs: list[tuple[int, str]]  # (slot of the source node, weight name)
    bias: str
    activation: activations.Activation
    batch_norm: BatchNorm | None
    gamma: str
    beta: str
    dropout: Dropout | None
    softmax_ce: bool = False  # the output of a softmax + cross-entropy network
    # Precomputed for the hot loops: the first input, the others, and for backprop which
    # sources need dL/dx (input nodes do not).
    first: tuple[int, str] = (0, "")
    more: tuple[tuple[int, str], ...] = ()
    backprop: tuple[tuple[int, str, bool], ...] = ()


class _Buffers:
    """Arrays reused by every pass with the same batch size (no allocation on the hot path)."""

    def __init__(self, n: int, units: list[int], dtype: np.dtype) -> None:
        self.z = [np.empty((n, u), dtype) for u in units]
        self.a = [np.empty((n, u), dtype) for u in units]
        self.d = [np.empty((n, u), dtype) for u in units]  # dropout output
        self.da = [np.empty((n, u), dtype) for u in units]
        self.dz = [np.empty((n, u), dtype) for u in units]
        self.ones = np.ones(n, dtype)
        self.inv_n = np.full((), 1.0 / n, dtype)


class Network:
    """A built network. Create it with :func:`build`.

    ``params`` maps names to arrays in forward order (W of shape (fan_in, units)); optimizers
    update them in place. ``state`` holds batch-norm running statistics (not trained by
    gradients). ``weight_decay`` (L2, λ) and ``l1`` apply to weight matrices only.
    """

    def __init__(self, spec: NetworkSpec, seed: int = 0, dtype: type = np.float32,
                 weight_decay: float = 0.0, l1: float = 0.0) -> None:
        spec.check()
        self.spec = spec
        self.dtype = np.dtype(dtype)
        if self.dtype not in (np.float32, np.float64):
            raise ValueError("dtype must be float32 or float64")
        self.weight_decay = float(weight_decay)
        self.l1 = float(l1)
        self.rng = np.random.default_rng(seed)
        self.state: dict[str, np.ndarray] = {}
        self._plan(spec)
        self._buffers: dict[int, _Buffers] = {}
        self._weights = [k for k in self.params if self._is_weight(k)]
        self._values: list[np.ndarray | None] = [None] * len(self._units)
        self._pre_dropout: list[np.ndarray | None] = [None] * len(self._units)
        self._eye = np.eye(self.output_units, dtype=self.dtype)
        self._logsumexp: np.ndarray | None = None
        self._buf: _Buffers | None = None

    # ------------------------------------------------------------------ construction
    def _plan(self, spec: NetworkSpec) -> None:
        order = spec.order()
        slot = {node_id: i for i, node_id in enumerate(order)}
        nodes = {n.id: n for n in spec.nodes}
        self._units = [nodes[i].units for i in order]
        self._order = order
        self._slot = slot
        # Input nodes take consecutive column blocks of x, in spec order.
        self._input_blocks: list[tuple[int, int, int]] = []
        offset = 0
        for node in spec.inputs:
            self._input_blocks.append((slot[node.id], offset, node.units))
            offset += node.units
        self.input_units = offset
        self._input_slots = {s for s, _, _ in self._input_blocks}

        shapes: dict[str, tuple[int, ...]] = {}
        stds: dict[str, float] = {}
        self._steps: list[_Step] = []
        for node_id in order:
            node = nodes[node_id]
            if node.kind == "input":
                continue
            std = initializers.scale(node.init, spec.fan_in(node_id), node.init_std)
            inputs = []
            for edge in spec.incoming(node_id):
                name = param_name("W", edge.id)
                shapes[name] = (nodes[edge.src].units, node.units)
                stds[name] = std
                inputs.append((slot[edge.src], name))
            bias = param_name("b", node_id)
            shapes[bias] = (node.units,)
            gamma, beta = param_name("gamma", node_id), param_name("beta", node_id)
            bn = None
            if node.batch_norm:
                shapes[gamma] = shapes[beta] = (node.units,)
                mean = self.state[param_name("mean", node_id)] = np.zeros(node.units, self.dtype)
                var = self.state[param_name("var", node_id)] = np.ones(node.units, self.dtype)
                bn = BatchNorm(mean, var)
            dropout = Dropout(node.dropout, self.rng) if node.dropout > 0 else None
            self._steps.append(_Step(node_id, slot[node_id], inputs, bias,
                                     activations.get(node.activation), bn, gamma, beta, dropout))

        self.flat_params, views = _flat_views(shapes, self.dtype)
        self.flat_grads, grads = _flat_views(shapes, self.dtype)
        self.params: dict[str, np.ndarray] = ParamDict(views)
        self._grads = grads
        self._flat_param_dict = {"*": self.flat_params}
        self._flat_grad_dict = {"*": self.flat_grads}
        for name, view in views.items():
            if name in stds:
                # Draw in float64 so float32 and float64 nets from one seed start alike.
                view[...] = self.rng.standard_normal(view.shape) * stds[name]
            elif name.startswith("gamma"):
                view.fill(1)

        self._output = self._steps[-1]
        out_node = nodes[self._output.node_id]
        self.loss_name: str = out_node.loss or losses.default_for(out_node.activation)
        self.output_units = out_node.units
        self._fused = losses.is_fused(self.loss_name)
        self._softmax_ce = self._output.softmax_ce = self.loss_name == "cross_entropy"
        for step in self._steps:
            step.first, step.more = step.inputs[0], tuple(step.inputs[1:])
            step.backprop = tuple((src, w, src not in self._input_slots)
                                  for src, w in step.inputs)

    @staticmethod
    def _is_weight(name: str) -> bool:
        return name.startswith("W")

    def _buffers_for(self, n: int) -> _Buffers:
        buffers = self._buffers.get(n)
        if buffers is None:
            # training batches, a short last batch, three evaluation parts, probe, grid…
            if len(self._buffers) >= 8:
                self._buffers.pop(next(iter(self._buffers)))
            buffers = self._buffers[n] = _Buffers(n, self._units, self.dtype)
        return buffers

    # ------------------------------------------------------------------ names and editing
    def weight_name(self, edge_id: str) -> str:
        return param_name("W", edge_id)

    def bias_name(self, node_id: str) -> str:
        return param_name("b", node_id)

    def get_weight(self, edge_id: str, i: int, j: int) -> float:
        """Weight from unit ``i`` of the edge's source to unit ``j`` of its destination."""
        return float(self.params[self.weight_name(edge_id)][i, j])

    def set_weight(self, edge_id: str, i: int, j: int, value: float) -> None:
        self.params[self.weight_name(edge_id)][i, j] = value

    def get_bias(self, node_id: str, j: int) -> float:
        return float(self.params[self.bias_name(node_id)][j])

    def set_bias(self, node_id: str, j: int, value: float) -> None:
        self.params[self.bias_name(node_id)][j] = value

    def load_params(self, params: dict[str, np.ndarray], state: dict[str, np.ndarray] | None = None
                    ) -> None:
        """Copy saved arrays in (names and shapes must match this spec exactly)."""
        for target, source, what in ((self.params, params, "parameter"),
                                     (self.state, state or {}, "statistic")):
            if state is None and target is self.state:
                continue
            missing = set(target) - set(source)
            extra = set(source) - set(target)
            if missing or extra:
                raise ValueError(f"saved {what}s do not match the network: missing "
                                 f"{sorted(missing)}, unexpected {sorted(extra)}")
            for name, array in source.items():
                array = np.asarray(array)
                if array.shape != target[name].shape:
                    raise ValueError(f"saved {what} {name} has shape {array.shape}, "
                                     f"the network needs {target[name].shape}")
                target[name][...] = array

    # ------------------------------------------------------------------ forward
    def _as_input(self, x: np.ndarray) -> np.ndarray:
        x = np.asarray(x, dtype=self.dtype)
        if x.ndim == 1:
            x = x.reshape(1, -1)
        if x.ndim != 2 or x.shape[1] != self.input_units:
            raise ValueError(f"the network takes {self.input_units} input column(s), "
                             f"got data of shape {x.shape}")
        return x

    def _forward(self, x: np.ndarray, train: bool) -> np.ndarray:
        """Run the plan; returns the output buffer (overwritten by the next pass)."""
        buf = self._buf = self._buffers_for(x.shape[0])
        params = self.params
        values = self._values
        if len(self._input_blocks) == 1:
            values[self._input_blocks[0][0]] = x
        else:
            for s, offset, units in self._input_blocks:
                values[s] = x[:, offset:offset + units]
        pre_dropout = self._pre_dropout
        for step in self._steps:
            s = step.slot
            z = buf.z[s]
            src, w = step.first
            np.dot(values[src], params[w], out=z)  # np.dot: half matmul's overhead on tiny nets
            for src, w in step.more:
                z += values[src] @ params[w]
            z += params[step.bias]
            if step.batch_norm is not None:
                z = step.batch_norm.forward(z, params[step.gamma], params[step.beta], train,
                                            out=z)
            if step.softmax_ce:
                a = self._softmax_keeping_logsumexp(z, buf.a[s])
            else:
                a = step.activation.forward(z, out=buf.a[s])
            pre_dropout[s] = a
            if step.dropout is not None and train:
                a = step.dropout.forward(a, out=buf.d[s])
            values[s] = a
        return values[self._output.slot]

    def _softmax_keeping_logsumexp(self, z: np.ndarray, out: np.ndarray) -> np.ndarray:
        """Softmax of the output; keeps Σ logsumexp(z) per row for the cross-entropy value."""
        zmax = np.maximum.reduce(z, axis=1, keepdims=True)
        np.subtract(z, zmax, out=out)
        np.exp(out, out=out)
        total = np.add.reduce(out, axis=1, keepdims=True)
        out /= total
        np.log(total, out=total)
        total += zmax
        self._logsumexp = total
        return out

    def forward(self, x: np.ndarray, train: bool = False) -> np.ndarray:
        """The network's output for a batch ``x`` of shape (N, input_units), as a new array."""
        return self._forward(self._as_input(x), train).copy()

    def predict(self, x: np.ndarray) -> np.ndarray:
        """Inference-mode output (probabilities for softmax/sigmoid outputs)."""
        return self.forward(x, train=False)

    def classify(self, x: np.ndarray) -> np.ndarray:
        """Predicted class per row (see :meth:`labels`)."""
        return self.labels(self.predict(x))

    def labels(self, y: np.ndarray) -> np.ndarray:
        """Classes for outputs ``y`` of this network: argmax, or for one output unit whether it
        is above the middle of the activation's range (0.5 for sigmoid/step, 0 otherwise)."""
        if y.shape[1] == 1:
            act = self._output.activation.name
            threshold = 0.5 if act in ("sigmoid", "step") else 0.0
            return (y[:, 0] > threshold).astype(np.int64)
        return y.argmax(axis=1)

    def accuracy(self, x: np.ndarray, t: np.ndarray) -> float:
        t = np.asarray(t)
        labels = t.argmax(axis=1) if t.ndim == 2 and t.shape[1] > 1 else t.reshape(-1)
        return float(np.mean(self.classify(x) == labels.astype(np.int64)))

    def activations(self, x: np.ndarray, train: bool = False) -> dict[str, NodeValues]:
        """Every node's pre-activation z and activation for the batch (copies), by node id."""
        x = self._as_input(x)
        self._forward(x, train)
        buf = self._buffers_for(x.shape[0])
        result = {}
        for s, node_id in enumerate(self._order):
            if s in self._input_slots:
                value = np.array(self._values[s])
                result[node_id] = NodeValues(value, value)
            else:
                result[node_id] = NodeValues(buf.z[s].copy(), np.array(self._values[s]))
        return result

    # ------------------------------------------------------------------ loss
    def _targets(self, t: np.ndarray, n: int) -> np.ndarray:
        """Targets shaped like the output: class indices become one-hot."""
        t = np.asarray(t)
        units = self.output_units
        if t.ndim == 2 and t.shape == (n, units):
            return t.astype(self.dtype, copy=False)
        if t.shape in ((n,), (n, 1)):
            if units == 1:
                return t.reshape(n, 1).astype(self.dtype, copy=False)
            labels = t.reshape(n)
            try:
                if labels.dtype.kind not in "iu" or np.minimum.reduce(labels) < 0:
                    raise IndexError
                return self._eye.take(labels, axis=0)
            except IndexError:
                raise ValueError(f"class labels must be whole numbers 0..{units - 1}") from None
        raise ValueError(f"targets of shape {t.shape} do not fit {n} rows × {units} outputs")

    def _loss_value(self, y: np.ndarray, t: np.ndarray) -> float:
        z = self._buf.z[self._output.slot]
        if self._softmax_ce and self._logsumexp is not None:
            # −Σ t·log softmax(z) = Σ_rows logsumexp(z)·Σt − Σ t·z (logsumexp kept by forward)
            row_mass = np.add.reduce(t, axis=1)
            value = float(np.vdot(self._logsumexp, row_mass) - np.vdot(t, z)) / y.shape[0]
        else:
            value = losses.value(self.loss_name, z, y, t)
        return value + self.regularization()

    def regularization(self) -> float:
        """The weight-decay part of the loss: ½λ·ΣW² + λ₁·Σ|W| over weight matrices."""
        total = 0.0
        if self.weight_decay:
            total += 0.5 * self.weight_decay * sum(
                float(np.vdot(self.params[w], self.params[w])) for w in self._weights)
        if self.l1:
            total += self.l1 * sum(float(np.abs(self.params[w]).sum()) for w in self._weights)
        return total

    def loss(self, x: np.ndarray, t: np.ndarray, train: bool = False) -> float:
        """Loss on a batch (including weight decay). ``t``: class indices, one-hot or values."""
        return self._forward_loss(x, t, train)[0]

    # ------------------------------------------------------------------ gradients
    def _backward(self, t: np.ndarray, scale: np.ndarray | None = None
                  ) -> dict[str, np.ndarray]:
        """Backprop through the plan of the last forward pass (``t``: one-hot/values).

        Every gradient is linear in the output's, so ``scale`` (default 1/N) multiplies them
        all at the cost of one constant: SGD passes lr/N and then needs no multiply of its own."""
        buf = self._buf
        params, grads = self.params, self._grads
        values = self._values
        dvalues: list[np.ndarray | None] = [None] * len(values)
        out = self._output
        for step in reversed(self._steps):
            s = step.slot
            if step is out:
                d = np.subtract(values[s], t, out=buf.da[s])
                np.multiply(d, buf.inv_n if scale is None else scale, out=d)  # (y − t)/N
                dz = d if self._fused else step.activation.backward(d, buf.z[s], values[s],
                                                                    out=buf.dz[s])
            else:
                da = dvalues[s]
                if da is None:  # validation guarantees a path to the output; defensive
                    da = np.zeros_like(buf.a[s])
                if step.dropout is not None:
                    da = step.dropout.backward(da, out=da)
                dz = step.activation.backward(da, buf.z[s], self._pre_dropout[s], out=buf.dz[s])
            if step.batch_norm is not None:
                dz = step.batch_norm.backward(dz, params[step.gamma], grads[step.gamma],
                                              grads[step.beta])
            np.dot(buf.ones, dz, out=grads[step.bias])  # column sums as a BLAS call
            for src, w, needs_dx in step.backprop:
                np.dot(values[src].T, dz, out=grads[w])
                if not needs_dx:
                    continue
                if dvalues[src] is None:
                    dvalues[src] = np.dot(dz, params[w].T, out=buf.da[src])
                else:
                    dvalues[src] += dz @ params[w].T
        factor = 1.0 if scale is None else float(scale) * t.shape[0]
        if self.weight_decay:
            for w in self._weights:
                grads[w] += (factor * self.weight_decay) * params[w]
        if self.l1:
            for w in self._weights:
                grads[w] += (factor * self.l1) * np.sign(params[w])
        return grads

    def gradient(self, x: np.ndarray, t: np.ndarray, train: bool = True) -> dict[str, np.ndarray]:
        """Backprop gradients, keyed like ``params``. The arrays are reused by the next call:
        copy them to keep them."""
        x = self._as_input(x)
        self._forward(x, train)
        return self._backward(self._targets(t, x.shape[0]))

    def _forward_loss(self, x: np.ndarray, t: np.ndarray, train: bool
                      ) -> tuple[float, np.ndarray]:
        """Forward pass and loss; returns the loss and the targets backprop needs."""
        x = self._as_input(x)
        y = self._forward(x, train)
        targets = self._targets(t, x.shape[0])
        return self._loss_value(y, targets), targets

    def loss_and_gradient(self, x: np.ndarray, t: np.ndarray, train: bool = True
                          ) -> tuple[float, dict[str, np.ndarray]]:
        """One training pass: the batch loss (before the update) and the gradients."""
        value, targets = self._forward_loss(x, t, train)
        return value, self._backward(targets)

    def train_step(self, x: np.ndarray, t: np.ndarray, optimizer: optimizers.Optimizer) -> float:
        """Loss, backprop and one optimizer update; returns the batch loss before the update.

        The optimizer sees every parameter at once through the flat vector the parameters are
        views of (two NumPy calls for SGD instead of two per array): the same update, cheaper.
        Plain SGD goes further: backprop yields lr·gradient directly and the update is one
        subtraction (so afterwards the gradient buffers hold lr·g, not g)."""
        value, targets = self._forward_loss(x, t, True)
        if type(optimizer) is optimizers.SGD:
            scale = np.full((), optimizer.lr / targets.shape[0], self.dtype)
            self._backward(targets, scale)
            np.subtract(self.flat_params, self.flat_grads, out=self.flat_params)
        else:
            self._backward(targets)
            optimizer.update(self._flat_param_dict, self._flat_grad_dict)
        return value

    def numerical_gradient(self, x: np.ndarray, t: np.ndarray, train: bool = True,
                           h: float = NUMERICAL_H) -> dict[str, np.ndarray]:
        """Central-difference gradient (the oracle for backprop; use float64).

        Dropout reuses the masks of the last training pass (drawn now if there are none) and
        batch-norm running statistics are left as they were."""
        x = self._as_input(x)
        targets = self._targets(t, x.shape[0])
        saved_state = {k: v.copy() for k, v in self.state.items()}
        dropouts = [s.dropout for s in self._steps if s.dropout is not None]
        bns = [s.batch_norm for s in self._steps if s.batch_norm is not None]
        for layer in dropouts:
            layer.frozen = True
        for bn in bns:
            bn.update_running = False
        try:
            self._forward(x, train)  # draws masks where none exist yet

            def loss_now(_: np.ndarray) -> float:
                return self._loss_value(self._forward(x, train), targets)

            return {name: numerical_gradient(loss_now, p, h) for name, p in self.params.items()}
        finally:
            for layer in dropouts:
                layer.frozen = False
            for bn in bns:
                bn.update_running = True
            for k, v in saved_state.items():
                self.state[k][...] = v

    def freeze_dropout(self, frozen: bool = True) -> None:
        """Reuse the current dropout masks for the following passes (for gradient checks)."""
        for step in self._steps:
            if step.dropout is not None:
                step.dropout.frozen = frozen


def build(spec: NetworkSpec, seed: int = 0, dtype: type = np.float32,
          weight_decay: float = 0.0, l1: float = 0.0) -> Network:
    """Check ``spec`` (SpecError listing every problem) and build a network from it.

    Weights are drawn from ``np.random.default_rng(seed)`` in forward order, so the same seed
    gives the same weights whatever the dtype."""
    return Network(spec, seed=seed, dtype=dtype, weight_decay=weight_decay, l1=l1)
