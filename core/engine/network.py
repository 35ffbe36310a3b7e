"""Turn a :class:`NetworkSpec` into a trainable network: forward, loss, backprop, gradient check.

The execution plan (topological order, which buffer feeds which matrix product; see
:mod:`core.engine.plan`) is worked out once in :func:`build`; a training step then runs a short
loop of NumPy calls writing into buffers kept per batch size, so a DAG costs no more than a
layer list and tiny nets stay cheap.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

from core.engine import losses, optimizers
from core.engine.activations import class_threshold
from core.engine.buffers import BufferCache, Buffers
from core.engine.gradient import numerical_gradient
from core.engine.params import bias_name, checked_saved, weight_name
from core.engine.plan import make_plan
from core.i18n import ngettext
from core.spec import NetworkSpec

NUMERICAL_H = 1e-4


@dataclass(frozen=True)
class NodeValues:
    """A node's values for a batch: ``pre`` is z (after batch norm), ``post`` the activation."""

    pre: np.ndarray
    post: np.ndarray


class Network:
    """A built network. Create it with :func:`build`.

    ``params`` maps names to arrays in the layout :func:`core.engine.params.shapes` gives (W of
    shape (fan_in, units)); optimizers update them in place. ``state`` holds batch-norm
    running statistics (not trained by gradients). ``weight_decay`` (L2, λ) and ``l1`` apply
    to weight matrices only.
    """

    def __init__(self, spec: NetworkSpec, seed: int = 0, dtype: type = np.float32,
                 weight_decay: float = 0.0, l1: float = 0.0, draw: bool = True,
                 flat: tuple[np.ndarray, np.ndarray] | None = None) -> None:
        spec.check()
        self.spec = spec
        self.dtype = np.dtype(dtype)
        if self.dtype not in (np.float32, np.float64):
            raise ValueError("dtype must be float32 or float64")  # i18n: not ui
        self.weight_decay = float(weight_decay)
        self.l1 = float(l1)
        self.rng = np.random.default_rng(seed)
        plan = make_plan(spec, self.dtype, self.rng, draw, flat)
        self.params: dict[str, np.ndarray] = plan.params
        self.state = plan.state
        self.flat_params, self.flat_grads = plan.flat_params, plan.flat_grads
        self.input_units = plan.input_units
        self._grads = plan.grads
        self._flat_param_dict = {"*": self.flat_params}
        self._flat_grad_dict = {"*": self.flat_grads}
        self._order = plan.order
        self._input_blocks = plan.input_blocks
        self._input_slots = plan.input_slots
        self._steps = plan.steps
        self._weights = plan.weights
        # an input node's values are the rows given (never computed): no buffers of its
        # width — for 784 pixels, 6.4 MB of zeros per batch size of 2048 rows
        self._buffers = BufferCache([0 if s in plan.input_slots else units
                                     for s, units in enumerate(plan.units)], self.dtype)
        self._values: list[np.ndarray | None] = [None] * len(plan.units)
        self._pre_dropout: list[np.ndarray | None] = [None] * len(plan.units)
        #: the last softmax output's per-row max(z) and log Σ exp(z − max), for its loss value
        self._logsumexp: tuple[np.ndarray, np.ndarray] | None = None
        self._buf: Buffers | None = None
        self.head_gradient: np.ndarray | None = None  # see tail_pass
        self._grad_factor = 1.0  # what the gradient arrays hold: this × the gradient
        self._scale_key, self._scale = (1.0, 1), np.full((), 1.0, self.dtype)  # lr/n by (lr, n)

        self._output = self._steps[-1]
        out_node = spec.node(self._output.node_id)
        self.loss_name: str = out_node.loss or losses.default_for(out_node.activation)
        self.output_units = out_node.units
        self._eye = np.eye(self.output_units, dtype=self.dtype)
        self._fused = losses.is_fused(self.loss_name)
        self._softmax_ce = self._output.softmax_ce = self.loss_name == "cross_entropy"

    # ------------------------------------------------------------------ editing
    def get_weight(self, edge_id: str, i: int, j: int) -> float:
        """Weight from unit ``i`` of the edge's source to unit ``j`` of its destination."""
        return float(self.params[weight_name(edge_id)][i, j])

    def set_weight(self, edge_id: str, i: int, j: int, value: float) -> None:
        self.params[weight_name(edge_id)][i, j] = value

    def get_bias(self, node_id: str, j: int) -> float:
        return float(self.params[bias_name(node_id)][j])

    def set_bias(self, node_id: str, j: int, value: float) -> None:
        self.params[bias_name(node_id)][j] = value

    def load_params(self, params: dict[str, np.ndarray], state: dict[str, np.ndarray] | None = None
                    ) -> None:
        """Copy saved arrays in (names and shapes must match this spec exactly)."""
        checked = [(self.params, checked_saved(self.params, params))]
        if state is not None:
            checked.append((self.state, checked_saved(self.state, state, statistics=True)))
        for target, arrays in checked:  # nothing copied until all of it fits
            for name, array in arrays.items():
                target[name][...] = array

    def weight_count(self) -> int:
        """Weights in the network's matrices: the multiply-adds of one row's forward pass."""
        return sum(w.size for w, _ in self._weights)

    # ------------------------------------------------------------------ forward
    def _as_input(self, x: np.ndarray) -> np.ndarray:
        x = np.asarray(x, dtype=self.dtype)
        if x.ndim == 1:
            x = x.reshape(1, -1)
        if x.ndim != 2 or x.shape[1] != self.input_units:
            raise ValueError(ngettext("the network takes {n} input column, got data of shape "
                                      "{shape}",
                                      "the network takes {n} input columns, got data of shape "
                                      "{shape}", self.input_units).format(
                n=self.input_units, shape=x.shape))
        return x

    def _forward(self, x: np.ndarray, train: bool, start: int = 0) -> np.ndarray:
        """Run the plan; returns the output buffer (overwritten by the next pass). With
        ``start`` = 1, ``x`` is the first node's activation instead of the inputs, and the
        plan runs from the node after it (see :meth:`tail_pass`)."""
        buf = self._buf = self._buffers.get(x.shape[0])
        params = self.params
        values = self._values
        pre_dropout = self._pre_dropout
        if start:
            values[self._steps[0].slot] = pre_dropout[self._steps[0].slot] = x
        elif len(self._input_blocks) == 1:
            values[self._input_blocks[0][0]] = x
        else:
            for s, offset, units in self._input_blocks:
                values[s] = x[:, offset:offset + units]
        for step in self._steps[start:] if start else self._steps:
            s = step.slot
            z = step.dense.forward(values, buf.z[s])
            if step.batch_norm is not None:
                z = step.batch_norm.forward(z, params[step.gamma], params[step.beta], train,
                                            out=z)
            if step.softmax_ce:
                a, self._logsumexp = losses.softmax_keeping_logsumexp(z, buf.a[s])
            else:
                a = step.activation.forward(z, out=buf.a[s])
            pre_dropout[s] = a
            if step.dropout is not None and train:
                a = step.dropout.forward(a, out=buf.d[s])
            values[s] = a
        return values[self._output.slot]

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
            threshold = class_threshold(self._output.activation.name)
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
        buf = self._buffers.get(x.shape[0])
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
        return losses.targets(t, n, self._eye)

    def _loss_value(self, y: np.ndarray, t: np.ndarray) -> float:
        return self._data_loss(y, t) + self.regularization()

    def _data_loss(self, y: np.ndarray, t: np.ndarray) -> float:
        """The loss of the last forward pass without the weight-decay part: a mean over rows."""
        z = self._buf.z[self._output.slot]
        if self._softmax_ce and self._logsumexp is not None:
            return losses.softmax_cross_entropy(z, t, *self._logsumexp)
        return losses.value(self.loss_name, z, y, t)

    def regularization(self) -> float:
        """The weight-decay part of the loss: ½λ·ΣW² + λ₁·Σ|W| over weight matrices."""
        total = 0.0
        if self.weight_decay:
            total += 0.5 * self.weight_decay * sum(float(np.vdot(w, w))
                                                   for w, _ in self._weights)
        if self.l1:
            total += self.l1 * sum(float(np.abs(w).sum()) for w, _ in self._weights)
        return total

    def loss(self, x: np.ndarray, t: np.ndarray, train: bool = False) -> float:
        """Loss on a batch (including weight decay). ``t``: class indices, one-hot or values."""
        return self._forward_loss(x, t, train)[0]

    def loss_and_output(self, x: np.ndarray, t: np.ndarray) -> tuple[float, np.ndarray]:
        """:meth:`loss` and :meth:`predict` of one inference pass (the output is the network's
        buffer: read it before the next pass)."""
        value = self._forward_loss(x, t, False)[0]
        return value, self._values[self._output.slot]

    # ------------------------------------------------------------------ gradients
    def _backward(self, t: np.ndarray, lr: float | None = None, rows: int | None = None,
                  decay: bool = True, start: int = 0) -> dict[str, np.ndarray]:
        """Backprop through the plan of the last forward pass (``t``: one-hot/values).

        Every gradient is linear in the output's, so scaling that one by lr (with ``lr`` given)
        yields lr·gradient everywhere for the cost of one constant: SGD then needs no multiply
        of its own. The loss is a mean over ``rows`` rows (the pass's own by default; more
        when the pass was a part of a mini-batch, see :meth:`part_pass`). With ``start`` = 1
        it stops at the first node, leaving dL/d(its activation) in :attr:`head_gradient`."""
        buf = self._buf
        n = t.shape[0] if rows is None else rows
        if lr is None and rows is None:
            scale = buf.inv_n
        else:
            scale = self._lr_scale(1.0 if lr is None else lr, n)
        self._grad_factor = 1.0 if lr is None else lr
        params, grads = self.params, self._grads
        values = self._values
        dvalues: list[np.ndarray | None] = [None] * len(values)
        out = self._output
        for step in reversed(self._steps[start:]) if start else reversed(self._steps):
            s = step.slot
            if step is out:
                d = np.subtract(values[s], t, out=buf.da[s])
                np.multiply(d, scale, out=d)  # (y − t)/N
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
            step.dense.backward(dz, buf.ones, dvalues, buf.da)
        if decay and (self.weight_decay or self.l1):
            self._add_regularization_gradient()
        if start:
            self.head_gradient = dvalues[self._steps[0].slot]
        return grads

    def part_pass(self, x: np.ndarray, t: np.ndarray, rows: int, lr: float | None = None,
                  decay: bool = True) -> float:
        """Forward and backward over a part of a mini-batch of ``rows`` rows, for one batch
        trained in several processes (:mod:`core.engine.batch_split`): the gradient arrays get
        this part's share of the batch's gradient (lr·g with ``lr`` given, as
        :meth:`train_step`'s SGD path), so the parts' arrays added up are the batch's. Returns
        the part's share of the batch's loss, without weight decay. The decay's gradient
        belongs to the batch once: it is added with ``decay`` (give it to one part only)."""
        x = self._as_input(x)
        y = self._forward(x, True)
        targets = self._targets(t, x.shape[0])
        value = self._data_loss(y, targets) * (x.shape[0] / rows)
        self._backward(targets, lr, rows, decay)
        return value

    def tail_pass(self, head: np.ndarray, t: np.ndarray, lr: float) -> float:
        """Forward and backward over every node after the first, given that node's activation
        ``head`` for a mini-batch (computed elsewhere: :mod:`core.engine.unit_split` computes
        it in parts of its units, one per process). The gradient arrays of the nodes after it
        get lr·gradient (as :meth:`train_step`'s SGD path), :attr:`head_gradient` lr·dL/d(head)
        (a buffer the next pass overwrites). Returns the batch's loss, without weight decay."""
        y = self._forward(head, True, start=1)
        targets = self._targets(t, head.shape[0])
        value = self._data_loss(y, targets)
        self._backward(targets, lr, decay=False, start=1)
        return value

    def _lr_scale(self, lr: float, n: int) -> np.ndarray:
        """lr/n as a 0-d array, kept while lr and n stay (a new one cost 1 % of an epoch)."""
        if self._scale_key != (lr, n):
            self._scale_key, self._scale = (lr, n), np.full((), lr / n, self.dtype)
        return self._scale

    def _add_regularization_gradient(self) -> None:
        """λ·W for weight decay and λ₁·sign(W) for L1, in the gradient arrays' scale."""
        for w, g in self._weights:
            if self.weight_decay:
                g += (self._grad_factor * self.weight_decay) * w
            if self.l1:
                g += (self._grad_factor * self.l1) * np.sign(w)

    def last_gradients(self) -> dict[str, np.ndarray]:
        """The gradients of the last backward pass, keyed like ``params`` and valid until the
        next one. :meth:`train_step`'s SGD path leaves lr·g in the gradient arrays; this
        divides lr out again (into new arrays)."""
        if self._grad_factor == 1.0:
            return self._grads
        return {name: g / self.dtype.type(self._grad_factor) for name, g in self._grads.items()}

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
        subtraction (:meth:`last_gradients` still gives g). A loss that is not finite leaves
        the parameters as they were: the run has diverged, and the last finite weights are
        the ones worth looking at."""
        value, targets = self._forward_loss(x, t, True)
        self._backward(targets, optimizer.lr if optimizers.is_plain_sgd(optimizer) else None)
        return self.update(value, optimizer)

    def update(self, loss: float, optimizer: optimizers.Optimizer) -> float:
        """The optimizer's update from the gradient arrays as the last backward pass left them
        (lr·g for plain SGD, else g), unless ``loss`` is not finite; returns ``loss``."""
        if not math.isfinite(loss):
            return loss
        if optimizers.is_plain_sgd(optimizer):
            np.subtract(self.flat_params, self.flat_grads, out=self.flat_params)
            optimizer.t += 1  # what its own update would count
        else:
            optimizer.update(self._flat_param_dict, self._flat_grad_dict)
        return loss

    def numerical_gradient(self, x: np.ndarray, t: np.ndarray, train: bool = True,
                           h: float = NUMERICAL_H) -> dict[str, np.ndarray]:
        """Central-difference gradient (the oracle for backprop; use float64).

        Dropout reuses the masks of the last training pass (drawn now if there are none) and
        batch-norm running statistics are left as they were."""
        x = self._as_input(x)
        targets = self._targets(t, x.shape[0])
        saved_state = {k: v.copy() for k, v in self.state.items()}
        bns = [s.batch_norm for s in self._steps if s.batch_norm is not None]
        self.freeze_dropout()
        for bn in bns:
            bn.update_running = False
        try:
            self._forward(x, train)  # draws masks where none exist yet

            def loss_now(_: np.ndarray) -> float:
                return self._loss_value(self._forward(x, train), targets)

            return {name: numerical_gradient(loss_now, p, h) for name, p in self.params.items()}
        finally:
            self.freeze_dropout(False)
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
          weight_decay: float = 0.0, l1: float = 0.0, draw: bool = True) -> Network:
    """Check ``spec`` (SpecError listing every problem) and build a network from it.

    Weights are drawn from ``np.random.default_rng(seed)`` in forward order, so the same seed
    gives the same weights whatever the dtype; ``draw=False`` leaves them 0 (see make_plan)."""
    return Network(spec, seed=seed, dtype=dtype, weight_decay=weight_decay, l1=l1, draw=draw)
