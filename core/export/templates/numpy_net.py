"""A network built in NetCanvas, written out in plain NumPy, the way "Deep Learning from Scratch"
writes its networks: one small class per layer with ``forward`` and ``backward``, the optimizer's
update rule spelled out, and a plain training loop.

    import this_file; this_file.predict(x)   # raw data rows → the network's outputs
    python this_file.py --epochs 3           # train on, printing the metrics of every epoch

The weights and the data (already split into training, validation and test rows, as NetCanvas
split them) are in the ``.npz`` file of the same name next to this one. Training reproduces
NetCanvas's run: the same shuffling, the same mini-batches, the same dropout masks, and so the
same training and validation loss and accuracy (or MSE and R²) after every epoch and the same
test ones at the end; and it stops where NetCanvas stops. Its weights are NetCanvas's to the
last bit when NumPy's BLAS runs on as many threads as NetCanvas trains on: one fewer than the
cores, at least one. With pip's NumPy (OpenBLAS), set it before Python starts — on 4 cores
``OPENBLAS_NUM_THREADS=3 python this_file.py`` (Windows cmd: ``set OPENBLAS_NUM_THREADS=3``
first). On another count matrix products add their float32 sums in another order, and the
runs drift apart from the last digits on.
"""

from __future__ import annotations

import argparse
from pathlib import Path

import numpy as np

# The network as drawn on the canvas — input nodes with their features, then every other node
# in the order data flows through them — the project's training settings, how NetCanvas
# measures each part after an epoch (on at most EVAL_ROWS rows, EVAL_CHUNK rows at a time), the
# epochs NetCanvas trained already (this script numbers its epochs on from them), and where its
# last run stopped (RESUME, None if it has not trained): the optimizer's step count and the
# states of the shuffling and dropout random generators.
# <netcanvas:config>
NETWORK: dict = {}
SETTINGS: dict = {}
EVAL_ROWS: int = 0
EVAL_CHUNK: int = 0
EPOCHS_DONE: int = 0
RESUME: dict | None = None
# </netcanvas:config>

DTYPE = np.dtype(SETTINGS.get("dtype", "float32"))
BN_EPSILON = 1e-6  # batch norm: added to the variance so we never divide by 0
BN_MOMENTUM = 0.9  # batch norm: how slowly the running mean and variance follow the batches
LEAKY_SLOPE = 0.01
# The trained arrays, by NetCanvas's names: W<edge>, b<node>, gamma<node>, beta<node> (trained)
# and mean<node>, var<node> (batch norm's running statistics, not trained by gradients).
PARAM_NAMES = [name for layer in NETWORK.get("layers", [])
               for name in [w for _, w in layer["inputs"]] + [layer["bias"]]
               + ([layer["batch_norm"]["gamma"], layer["batch_norm"]["beta"]]
                  if layer["batch_norm"] else [])]
STATE_NAMES = [name for layer in NETWORK.get("layers", []) if layer["batch_norm"]
               for name in (layer["batch_norm"]["mean"], layer["batch_norm"]["var"])]


# ----------------------------------------------------------------------------- activations
class Identity:
    def forward(self, x):
        return x

    def backward(self, dout):
        return dout


class Step:
    """The perceptron's rule: 1 where x > 0. Its slope is 0 everywhere, so it cannot learn."""

    def forward(self, x):
        return (x > 0).astype(x.dtype)

    def backward(self, dout):
        return np.zeros_like(dout)


class Sigmoid:
    def forward(self, x):
        # 1 / (1 + exp(-x)), written with tanh so that it never overflows
        self.out = 0.5 + 0.5 * np.tanh(0.5 * x)
        return self.out

    def backward(self, dout):
        return (1.0 - self.out) * self.out * dout


class Tanh:
    def forward(self, x):
        self.out = np.tanh(x)
        return self.out

    def backward(self, dout):
        return dout * (1 - self.out * self.out)


class Relu:
    def forward(self, x):
        self.mask = x <= 0  # where the unit is off, the gradient stops
        return np.maximum(x, 0)

    def backward(self, dout):
        dx = dout.copy()
        dx[self.mask] = 0
        return dx


class LeakyRelu:
    def forward(self, x):
        self.slope = np.where(x > 0, 1.0, LEAKY_SLOPE).astype(x.dtype)
        return x * self.slope

    def backward(self, dout):
        return dout * self.slope


class Softmax:
    def forward(self, x):
        e = np.exp(x - x.max(axis=1, keepdims=True))  # the row maximum subtracted: no overflow
        self.out = e / e.sum(axis=1, keepdims=True)
        return self.out

    def backward(self, dout):
        return (dout - (dout * self.out).sum(axis=1, keepdims=True)) * self.out


ACTIVATIONS = {"identity": Identity, "step": Step, "sigmoid": Sigmoid, "tanh": Tanh,
               "relu": Relu, "leaky_relu": LeakyRelu, "softmax": Softmax}


# ----------------------------------------------------------------------------- layers
class Affine:
    """The weighted sum of a node: z = Σ x_i·W_i + b over every connection coming in."""

    def __init__(self, weights, b):
        self.weights, self.b = weights, b
        self.dweights, self.db = [None] * len(weights), None

    def forward(self, xs):
        self.xs = xs
        z = xs[0] @ self.weights[0]
        for x, W in zip(xs[1:], self.weights[1:], strict=True):
            z = z + x @ W
        return z + self.b

    def backward(self, dout):
        # db, the column sum of dout, as ones · dout: NetCanvas's BLAS call. dout.sum(axis=0)
        # adds in another order, and Adam and co. blow up the last bits where it differs.
        self.db = np.dot(np.ones(len(dout), dout.dtype), dout)
        self.dweights = [x.T @ dout for x in self.xs]
        return [dout @ W.T for W in self.weights]


class BatchNormalization:
    """Normalise each unit over the batch, then scale by γ and shift by β. Training uses the
    batch's mean and variance and keeps running averages of them; prediction uses those."""

    def __init__(self, gamma, beta, running_mean, running_var):
        self.gamma, self.beta = gamma, beta
        self.running_mean, self.running_var = running_mean, running_var

    def forward(self, x, train):
        if train:
            mu = x.mean(axis=0)
            xc = x - mu
            var = np.mean(xc * xc, axis=0)
            self.inv_std = 1.0 / np.sqrt(var + BN_EPSILON)
            self.xn = xc * self.inv_std
            self.running_mean *= BN_MOMENTUM
            self.running_mean += (1 - BN_MOMENTUM) * mu
            self.running_var *= BN_MOMENTUM
            self.running_var += (1 - BN_MOMENTUM) * var
            xn = self.xn
        else:
            xn = (x - self.running_mean) * (1.0 / np.sqrt(self.running_var + BN_EPSILON))
        return xn * self.gamma + self.beta

    def backward(self, dout):
        n = dout.shape[0]
        self.dbeta = dout.sum(axis=0)
        self.dgamma = (dout * self.xn).sum(axis=0)
        dxn = dout * self.gamma
        return (dxn * n - dxn.sum(axis=0) - self.xn * (dxn * self.xn).sum(axis=0)) \
            * (self.inv_std / n)


class Dropout:
    """Inverted dropout: while training, keep each unit with probability 1 − rate and scale the
    kept ones by 1/(1 − rate); at prediction time every unit stays and nothing is scaled."""

    def __init__(self, rate, rng):
        self.rate, self.rng = rate, rng

    def forward(self, x, train):
        if not train:
            return x
        keep = self.rng.random(x.shape) >= self.rate
        self.mask = keep.astype(x.dtype) * x.dtype.type(1.0 / (1.0 - self.rate))
        return x * self.mask

    def backward(self, dout):
        return dout * self.mask


class Node:
    """One node of the canvas: Affine → [batch norm] → activation → [dropout]."""

    def __init__(self, layer, params, state, rng):
        self.id, self.sources = layer["id"], [src for src, _ in layer["inputs"]]
        self.affine = Affine([params[w] for _, w in layer["inputs"]], params[layer["bias"]])
        self.weight_names = [w for _, w in layer["inputs"]]
        self.bias_name = layer["bias"]
        bn = layer["batch_norm"]
        self.bn_names = bn
        self.batch_norm = bn and BatchNormalization(params[bn["gamma"]], params[bn["beta"]],
                                                    state[bn["mean"]], state[bn["var"]])
        self.activation = ACTIVATIONS[layer["activation"]]()
        self.dropout = Dropout(layer["dropout"], rng) if layer["dropout"] > 0 else None

    def forward(self, xs, train):
        self.z = self.affine.forward(xs)
        if self.batch_norm:
            self.z = self.batch_norm.forward(self.z, train)
        a = self.activation.forward(self.z)
        return self.dropout.forward(a, train) if self.dropout else a

    def backward(self, dout, fused=False):
        """dL/d(inputs) from dL/d(output); ``fused``: dout is already dL/dz (see loss)."""
        if self.dropout:
            dout = self.dropout.backward(dout)
        dz = dout if fused else self.activation.backward(dout)
        if self.batch_norm:
            dz = self.batch_norm.backward(dz)
        return self.affine.backward(dz)

    def gradients(self):
        grads = dict(zip(self.weight_names, self.affine.dweights, strict=True))
        grads[self.bias_name] = self.affine.db
        if self.batch_norm:
            grads[self.bn_names["gamma"]] = self.batch_norm.dgamma
            grads[self.bn_names["beta"]] = self.batch_norm.dbeta
        return grads


# ----------------------------------------------------------------------------- the network
def input_columns(raw):
    """Raw data rows → the input nodes' columns, side by side in one matrix: pixel bytes to
    values from 0 to 1 (for images), standardise with the training rows' mean and std (if
    NetCanvas did), then compute each node's features (x1, x1², x1·x2, sin x1, …)."""
    x = np.asarray(raw, dtype=np.float64).reshape(-1, NETWORK["raw_columns"])
    if NETWORK["x_divisor"] != 1:
        x = x / NETWORK["x_divisor"]
    if NETWORK["scaling"]:
        x = (x - np.array(NETWORK["scaling"]["mean"])) / np.array(NETWORK["scaling"]["std"])
    features = {"x1^2": lambda x: x[:, 0] ** 2, "x2^2": lambda x: x[:, 1] ** 2,
                "x1*x2": lambda x: x[:, 0] * x[:, 1], "sin(x1)": lambda x: np.sin(x[:, 0]),
                "sin(x2)": lambda x: np.sin(x[:, 1])}
    columns = [features[f](x) if f in features else x[:, int(f[1:]) - 1]
               for node in NETWORK["inputs"] for f in node["features"]]
    return np.ascontiguousarray(np.column_stack(columns), dtype=DTYPE)


def split_inputs(x):
    """Each input node's columns of ``x`` as views, not copies, as NetCanvas multiplies them:
    BLAS adds up a strided column in another order than a compact one."""
    values, lo = {}, 0
    for node in NETWORK["inputs"]:
        values[node["id"]] = x[:, lo:lo + len(node["features"])]
        lo += len(node["features"])
    return values


class Network:
    """The nodes in the order data flows through them; ``params`` and ``state`` by name."""

    def __init__(self, arrays, seed=0):
        self.params = {name: np.array(arrays[name], dtype=DTYPE) for name in PARAM_NAMES}
        self.state = {name: np.array(arrays[name], dtype=DTYPE) for name in STATE_NAMES}
        # NetCanvas drew its initial weights from this generator before any dropout mask:
        # drawing the same numbers again here makes the dropout masks come out the same.
        self.rng = np.random.default_rng(seed)
        for name in NETWORK["weights"]:
            self.rng.standard_normal(self.params[name].shape)
        if RESUME:  # or, after a run, where that run left the generator
            self.rng.bit_generator.state = RESUME["network_rng"]
        self.nodes = [Node(layer, self.params, self.state, self.rng)
                      for layer in NETWORK["layers"]]
        self.output = self.nodes[-1]

    def predict(self, x, train=False):
        """The output for ``x``, the input nodes' columns (see input_columns)."""
        values = split_inputs(x)
        for node in self.nodes:
            values[node.id] = node.forward([values[s] for s in node.sources], train)
        return values[self.output.id]

    def loss(self, x, t, train=False):
        """The loss of the batch, plus weight decay ½λ·ΣW² and L1 λ₁·Σ|W| (weights only)."""
        y = self.predict(x, train)
        z, n = self.output.z, y.shape[0]
        loss = NETWORK["loss"]
        if loss == "cross_entropy":  # −Σ t·log softmax(z), as logsumexp(z) − z
            zmax = z.max(axis=1, keepdims=True)
            logsumexp = np.log(np.exp(z - zmax).sum(axis=1, keepdims=True)) + zmax
            value = np.sum(t * (logsumexp - z)) / n
        elif loss == "binary_cross_entropy":  # −[t·log σ(z) + (1−t)·log(1−σ(z))], stably
            value = np.sum(np.maximum(z, 0) - t * z + np.log1p(np.exp(-np.abs(z)))) / n
        else:  # mean squared error, the book's ½·Σ(y − t)²
            value = 0.5 * np.sum((y - t) ** 2) / n
        weights = [self.params[w] for w in NETWORK["weights"]]
        value += 0.5 * SETTINGS["weight_decay"] * sum(np.sum(W * W) for W in weights)
        value += SETTINGS["l1"] * sum(np.sum(np.abs(W)) for W in weights)
        return float(value), y

    def gradient(self, x, t, scale=1.0):
        """Backpropagation: forward in training mode, then every node's backward in reverse.
        Every gradient comes out multiplied by ``scale`` (plain SGD asks for lr·g: see SGD)."""
        _, y = self.loss(x, t, train=True)
        # For softmax + cross-entropy, sigmoid + binary cross-entropy and for the squared error,
        # dL/dy (or dL/dz for the first two) is simply (y − t) / N.
        fused = NETWORK["loss"] != "mse"
        douts = {self.output.id: (y - t) * y.dtype.type(scale / y.shape[0])}
        grads = {}
        for node in reversed(self.nodes):
            dxs = node.backward(douts.pop(node.id), fused=fused and node is self.output)
            for source, dx in zip(node.sources, dxs, strict=True):
                douts[source] = douts[source] + dx if source in douts else dx
            grads.update(node.gradients())
        for name in NETWORK["weights"]:  # weight decay and L1 pull the weights towards 0
            W = self.params[name]
            grads[name] = grads[name] + (scale * SETTINGS["weight_decay"]) * W \
                + (scale * SETTINGS["l1"]) * np.sign(W)
        return grads


# <netcanvas:include numpy_optimizers.py>
from numpy_optimizers import OPTIMIZERS, resume  # noqa: E402 - in the script: their code

# </netcanvas:include>


# ----------------------------------------------------------------------------- use and training
def load(path=None):
    """The arrays next to this file: weights (by NetCanvas's names) and the split data."""
    path = Path(__file__).with_suffix(".npz") if path is None else Path(path)
    with np.load(path, allow_pickle=False) as archive:
        return {key: archive[key] for key in archive.files}


_ARRAYS: dict = {}


def predict(x):
    """The network's outputs for raw data rows ``x`` (probabilities for softmax and sigmoid
    outputs, values for identity ones), exactly as NetCanvas computes them."""
    if not _ARRAYS:
        _ARRAYS.update(load())
    net = Network(_ARRAYS, SETTINGS["seed"])
    return net.predict(input_columns(x))


def labels(y):
    """Classes for the network's outputs: the largest output, or for one output unit whether
    it is above the middle of its activation's range (0.5 for sigmoid and step, else 0)."""
    if y.shape[1] > 1:
        return y.argmax(axis=1)
    return (y[:, 0] > NETWORK["class_threshold"]).astype(np.int64)


def measure(net, x, t, y):
    """How the network does on a part, as NetCanvas measures it after every epoch: in
    prediction mode, on (at most) its first EVAL_ROWS rows. The loss includes weight decay;
    then the accuracy (``y``: class indices), or the mean squared error and R² (``y``: values)."""
    n = min(len(t), EVAL_ROWS)
    loss_sum = correct = squares = 0.0
    for lo in range(0, n, EVAL_CHUNK):
        hi = min(lo + EVAL_CHUNK, n)
        loss, out = net.loss(x[lo:hi], t[lo:hi])
        loss_sum += loss * (hi - lo)
        if NETWORK["task"] == "classification":
            correct += np.count_nonzero(labels(out) == y[lo:hi])
        else:
            squares += np.sum((out.astype(np.float64) - y[lo:hi].reshape(out.shape)) ** 2)
    if NETWORK["task"] == "classification":
        return {"loss": loss_sum / n, "accuracy": correct / n}
    spread = np.sum((y[:n] - y[:n].mean(axis=0)) ** 2)  # R² is not defined for equal targets
    r2 = {"r2": 1.0 - squares / spread} if spread > 0 else {}
    return {"loss": loss_sum / n, "mse": squares / y[:n].size, **r2}


def said(metrics, prefix=""):
    """``loss 0.25 accuracy 0.9`` (every name after ``prefix``), as exact as a float32 is."""
    return " ".join(f"{prefix}{name} {value:.9g}" for name, value in metrics.items())


def train(epochs):
    """Mini-batch training from the exported weights; prints the training and validation
    metrics per epoch and the test metrics at the end (of the parts that have rows)."""
    arrays = load()
    net = Network(arrays, SETTINGS["seed"])
    optimizer = OPTIMIZERS[SETTINGS["optimizer"]](SETTINGS["lr"], **SETTINGS["options"])
    parts = {part: (input_columns(arrays[f"x_{part}"]), arrays[f"t_{part}"].astype(DTYPE),
                    arrays[f"y_{part}"]) for part in ("train", "val", "test")
             if len(arrays[f"t_{part}"])}
    x, t, _ = parts["train"]
    n = t.shape[0]
    batch_size = min(SETTINGS["batch_size"], n)
    shuffle = np.random.default_rng([SETTINGS["seed"], 1])  # NetCanvas's shuffling generator
    if RESUME:  # go on where NetCanvas's last run stopped, as its Train button does
        shuffle.bit_generator.state = RESUME["shuffle_rng"]
        resume(optimizer, arrays, RESUME["step"])
    target, patience = SETTINGS.get("target_loss"), SETTINGS.get("early_stopping_patience")
    best = (float("inf"), 0)  # the lowest validation loss so far, and its epoch
    for epoch in range(EPOCHS_DONE + 1, EPOCHS_DONE + epochs + 1):
        order = shuffle.permutation(n)  # a new order of the training rows every epoch
        for start in range(0, n, batch_size):
            batch = order[start:start + batch_size]
            grads = net.gradient(x[batch], t[batch], getattr(optimizer, "gradient_scale", 1.0))
            optimizer.update(net.params, grads)
        trained = measure(net, *parts["train"])
        val = measure(net, *parts["val"]) if "val" in parts else {}
        print(f"epoch {epoch} {said(trained)} {said(val, 'val_')}".rstrip(), flush=True)
        # NetCanvas's stop rules: the target loss, and early stopping on the validation loss
        loss, val_loss = trained["loss"], (val.get("loss") if patience else None)
        best = (val_loss, epoch) if val_loss is not None and val_loss < best[0] else best
        if target is not None and loss <= target:
            print(f"stopped: reached the target loss {target:g} at epoch {epoch}", flush=True)
            break
        if val_loss is not None and epoch - best[1] >= patience:
            print(f"stopped: the validation loss has not improved for {patience} epochs (best "
                  f"{best[0]:.4g} at epoch {best[1]})", flush=True)
            break
    if "test" in parts:  # the rows kept out of training and stopping: measured once, at the end
        print(f"test {said(measure(net, *parts['test']))}", flush=True)
    return net


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--epochs", type=int, default=SETTINGS.get("epochs", 1),
                        help="epochs to train at most (default: the project's setting)")
    args = parser.parse_args(argv)
    if args.epochs < 1:
        parser.error("--epochs must be at least 1")
    train(args.epochs)


if __name__ == "__main__":
    main()
