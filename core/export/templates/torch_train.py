"""Train the exported NetCanvas network further with PyTorch, with the project's settings.

    python train.py [--epochs N] [--out trained.npz]
    torchrun --nproc_per_node=N train.py [--epochs N] [--out trained.npz]

It starts from the weights in weights.npz and uses the training rows NetCanvas used (data.npz),
the project's optimizer with NetCanvas's exact update rule (docs: BookOptimizer below), learning
rate, batch size, weight decay (½λ·ΣW²) and L1 (λ₁·Σ|W|) on the weight matrices, and seed.
Under torchrun it runs DistributedDataParallel: each process takes its share of every epoch's
rows (DistributedSampler) and a batch of batch_size / N rows, so the gradients averaged over
the processes are those of a batch of batch_size; gloo on the CPU, nccl when CUDA is there.
One line per epoch, ``epoch k loss … accuracy … val_loss … val_accuracy …`` (MSE and R² for
regression; validation when the split has it), and at the end ``test loss … accuracy …`` when
it has test rows: measured as NetCanvas measures them (eval mode, weight decay and L1 in the
loss), printed by rank 0. Training stops where NetCanvas stops: at the project's target loss,
or when the validation loss has not improved for its early-stopping patience. ``--out`` writes
the trained weights under NetCanvas's names, for ``netcanvas import-weights``.
"""

from __future__ import annotations

import argparse
import math
import os
import sys
from pathlib import Path

import numpy as np
import torch
import torch.distributed as dist
import torch.nn.functional as F  # noqa: N812 - torch's usual name
from model import HERE, NetCanvasNet, activate, load_arrays
from torch.utils.data import DataLoader, DistributedSampler, Sampler, TensorDataset

# The project's training settings (every hyperparameter of the optimizer spelled out), how
# NetCanvas measures each part after an epoch (on at most EVAL_ROWS rows, EVAL_CHUNK at a time),
# the epochs NetCanvas trained already (the epochs here are numbered on from them), and where
# its last run stopped (RESUME, None if it has not trained): the optimizer's step count and the
# shuffling generator's state (optimizer.npz holds the optimizer's arrays).
# <netcanvas:config>
SETTINGS: dict = {}
EVAL_ROWS: int = 0
EVAL_CHUNK: int = 0
EPOCHS_DONE: int = 0
RESUME: dict | None = None
# </netcanvas:config>

EPSILON = 1e-7
PARTS = ("train", "val", "test")


class BookOptimizer(torch.optim.Optimizer):
    """NetCanvas's optimizers (the book's rules), not torch's variants: Adam adds ε to √v
    (not to a bias-corrected √v̂) and folds both corrections into lr_t; Nesterov is the book's
    form; AdaGrad and RMSprop add ε = 1e-7 after the square root."""

    def __init__(self, params, rule: str, lr: float, **options: float) -> None:
        super().__init__(params, {"lr": lr, **options})
        self.rule, self.t = rule, 0

    @torch.no_grad()
    def step(self, closure=None):
        self.t += 1
        for group in self.param_groups:
            lr = group["lr"]
            for p in group["params"]:
                if p.grad is not None:
                    self._update(p, p.grad, self.state[p], lr, group)

    def _update(self, p, g, state, lr, group) -> None:
        rule = self.rule
        if rule == "sgd":  # p −= lr·g
            p.sub_(lr * g)
        elif rule in ("momentum", "nesterov"):
            v, m = state.setdefault("v", torch.zeros_like(p)), group["momentum"]
            if rule == "momentum":  # v = m·v − lr·g; p += v
                v.mul_(m).sub_(lr * g)
                p.add_(v)
            else:  # p += m²·v − (1+m)·lr·g; v = m·v − lr·g
                p.add_(m * m * v).sub_((1 + m) * lr * g)
                v.mul_(m).sub_(lr * g)
        elif rule in ("adagrad", "rmsprop"):
            h = state.setdefault("h", torch.zeros_like(p))
            if rule == "adagrad":  # h += g²
                h.add_(g * g)
            else:  # h = d·h + (1−d)·g²
                h.mul_(group["decay_rate"]).add_((1 - group["decay_rate"]) * g * g)
            p.sub_(lr * g / (h.sqrt() + EPSILON))
        else:  # adam: m += (1−β1)(g − m); v += (1−β2)(g² − v); p −= lr_t·m/(√v + ε)
            b1, b2 = group["beta1"], group["beta2"]
            m = state.setdefault("m", torch.zeros_like(p))
            v = state.setdefault("v", torch.zeros_like(p))
            m.add_((1 - b1) * (g - m))
            v.add_((1 - b2) * (g * g - v))
            lr_t = lr * math.sqrt(1 - b2 ** self.t) / (1 - b1 ** self.t)
            p.sub_(lr_t * m / (v.sqrt() + EPSILON))

    def resume(self, params: dict, arrays: dict[str, np.ndarray], step: int) -> None:
        """Go on from NetCanvas's last run: its arrays ``optim/<slot>/<name>`` (momentum's v,
        AdaGrad's h, Adam's m and v) for ``params[name]``, and its step count."""
        self.t = step
        for key, array in arrays.items():
            _, slot, name = key.split("/")
            p = params[name]
            self.state[p][slot] = torch.tensor(array, dtype=p.dtype, device=p.device)


class NetCanvasOrder(Sampler):
    """One process: every epoch the order NetCanvas's trainer draws (default_rng([seed, 1]),
    from where its last run left it when RESUME says so)."""

    def __init__(self, n: int, seed: int) -> None:
        self.n, self.rng = n, np.random.default_rng([seed, 1])
        if RESUME:
            self.rng.bit_generator.state = RESUME["shuffle_rng"]

    def __iter__(self):
        return iter(self.rng.permutation(self.n).tolist())

    def __len__(self) -> int:
        return self.n


class TrainingLoss(torch.nn.Module):
    """The network and its loss in one module, so DistributedDataParallel wraps the whole
    training forward pass (and syncs the gradients of every parameter)."""

    def __init__(self, net: NetCanvasNet) -> None:
        super().__init__()
        self.net = net

    def forward(self, x: torch.Tensor, t: torch.Tensor) -> torch.Tensor:
        return loss_of(self.net, self.net.output_logits(x), t)


def loss_of(net: NetCanvasNet, z: torch.Tensor, t: torch.Tensor) -> torch.Tensor:
    """The project's loss of the output node's ``z`` for targets ``t``, plus regularisation."""
    loss = net.network["loss"]
    if loss == "cross_entropy":  # −Σ t·log softmax(z), averaged over the batch
        value = -(t * F.log_softmax(z, dim=1)).sum() / len(t)
    elif loss == "binary_cross_entropy":
        value = F.binary_cross_entropy_with_logits(z, t, reduction="sum") / len(t)
    else:  # the book's ½·Σ(y − t)²
        y = activate(net.network["layers"][-1]["activation"], z)
        value = 0.5 * ((y - t) ** 2).sum() / len(t)
    return value + regularization(net)


def regularization(net: NetCanvasNet) -> torch.Tensor:
    """½λ·ΣW² + λ₁·Σ|W| over the weight matrices (not biases, γ or β)."""
    weights = [net.params[name] for name in net.network["weights"]]
    total = torch.zeros((), dtype=weights[0].dtype, device=weights[0].device)
    for W in weights:
        total = total + 0.5 * SETTINGS["weight_decay"] * (W * W).sum() \
            + SETTINGS["l1"] * W.abs().sum()
    return total


def labels(net: NetCanvasNet, y: torch.Tensor) -> torch.Tensor:
    """Classes for the network's outputs: the largest output, or for one output unit whether
    it is above the middle of its activation's range (0.5 for sigmoid and step, else 0)."""
    if y.shape[1] > 1:
        return y.argmax(dim=1)
    return (y[:, 0] > net.network["class_threshold"]).long()


@torch.no_grad()
def measure(net: NetCanvasNet, part: tuple, device: torch.device) -> dict[str, float]:
    """How the network does on a part ``(x, t, y)``, as NetCanvas measures it after every
    epoch: in eval mode, on (at most) its first EVAL_ROWS rows, EVAL_CHUNK at a time, one
    forward pass each. The loss includes the regularisation; then the accuracy (``y``: class
    indices), or the mean squared error and R² (``y``: the values, float64)."""
    x, t, y = part
    n = min(len(t), EVAL_ROWS)
    classify = net.network["task"] == "classification"
    loss_sum = correct = squares = 0.0
    net.eval()
    for lo in range(0, n, EVAL_CHUNK):
        hi = min(lo + EVAL_CHUNK, n)
        z = net.output_logits(x[lo:hi].to(device))
        loss_sum += loss_of(net, z, t[lo:hi].to(device)).item() * (hi - lo)
        out = activate(net.network["layers"][-1]["activation"], z).cpu()
        if classify:
            correct += int((labels(net, out) == y[lo:hi]).sum())
        else:
            squares += float(((out.double() - y[lo:hi].reshape(out.shape)) ** 2).sum())
    if classify:
        return {"loss": loss_sum / n, "accuracy": correct / n}
    spread = float(((y[:n] - y[:n].mean(dim=0)) ** 2).sum())  # R² needs targets that differ
    r2 = {"r2": 1.0 - squares / spread} if spread > 0 else {}
    return {"loss": loss_sum / n, "mse": squares / y[:n].numel(), **r2}


def said(metrics: dict[str, float], prefix: str = "") -> str:
    """``loss 0.25 accuracy 0.9`` (every name after ``prefix``), as exact as a float32 is."""
    return " ".join(f"{prefix}{name} {value:.9g}" for name, value in metrics.items())


def setup() -> tuple[int, int, torch.device]:
    """Rank, world size and device; joins the process group when started by torchrun."""
    world = int(os.environ.get("WORLD_SIZE", "1"))
    rank = int(os.environ.get("RANK", "0"))
    cuda = torch.cuda.is_available()
    if cuda:
        local = int(os.environ.get("LOCAL_RANK", "0"))
        torch.cuda.set_device(local)
        device = torch.device("cuda", local)
    else:
        device = torch.device("cpu")
    if world > 1:
        dist.init_process_group("nccl" if cuda else "gloo")
    return rank, world, device


def main(argv: list[str] | None = None) -> int:
    """Train; returns the number of processes that trained together (torchrun's world)."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--epochs", type=int, default=SETTINGS["epochs"],
                        help="epochs to train at most (default: the project's setting); the "
                             "project's target loss and early stopping may end it sooner")
    parser.add_argument("--out", metavar="FILE.npz",
                        help="write the trained weights here, under NetCanvas's names")
    args = parser.parse_args(argv)
    if args.epochs < 1:
        parser.error("--epochs must be at least 1")
    if args.out and not Path(args.out).absolute().parent.is_dir():  # say so before training
        parser.error(f"--out: the folder {Path(args.out).absolute().parent} does not exist")
    rank, world, device = setup()
    torch.manual_seed(SETTINGS["seed"])  # dropout masks
    dtype = torch.float64 if SETTINGS["dtype"] == "float64" else torch.float32

    net = NetCanvasNet(load_arrays(), dtype=dtype).to(device)
    # Each part that has rows: raw inputs, targets for the loss, targets for accuracy or R².
    with np.load(HERE / "data.npz", allow_pickle=False) as data:
        parts = {part: (torch.tensor(data[f"x_{part}"], dtype=torch.float64),
                        torch.tensor(data[f"t_{part}"], dtype=dtype),
                        torch.tensor(data[f"y_{part}"])) for part in PARTS
                 if len(data[f"t_{part}"])}
    x, t, _ = parts["train"]
    target, patience = SETTINGS.get("target_loss"), SETTINGS.get("early_stopping_patience")
    best = (math.inf, 0)  # the lowest validation loss so far, and its epoch
    rows = TensorDataset(x, t)
    batch = max(1, math.ceil(min(SETTINGS["batch_size"], len(rows)) / world))
    sampler = DistributedSampler(rows, world, rank, shuffle=True, seed=SETTINGS["seed"]) \
        if world > 1 else NetCanvasOrder(len(rows), SETTINGS["seed"])
    loader = DataLoader(rows, batch_size=batch, sampler=sampler)
    model = TrainingLoss(net)
    if world > 1:
        model = torch.nn.parallel.DistributedDataParallel(
            model, device_ids=[device.index] if device.type == "cuda" else None)
    optimizer = BookOptimizer(net.parameters(), SETTINGS["optimizer"], SETTINGS["lr"],
                              **SETTINGS["options"])
    if RESUME:  # go on where NetCanvas's last run stopped, as its Train button does
        saved = HERE / "optimizer.npz"  # (plain SGD keeps no arrays)
        optimizer.resume(net.params, load_arrays(saved) if saved.exists() else {},
                         RESUME["step"])

    for epoch in range(EPOCHS_DONE + 1, EPOCHS_DONE + args.epochs + 1):
        if world > 1:
            sampler.set_epoch(epoch)
        net.train()
        for xb, tb in loader:
            optimizer.zero_grad()
            model(xb.to(device), tb.to(device)).backward()
            optimizer.step()
        trained = measure(net, parts["train"], device)
        val = measure(net, parts["val"], device) if "val" in parts else {}
        if rank == 0:
            print(f"epoch {epoch} {said(trained)} {said(val, 'val_')}".rstrip(), flush=True)
        # NetCanvas's stop rules: the target loss, and early stopping on the validation loss
        loss, val_loss = trained["loss"], (val.get("loss") if patience else None)
        best = (val_loss, epoch) if val_loss is not None and val_loss < best[0] else best
        reason = None
        if target is not None and loss <= target:
            reason = f"reached the target loss {target:g} at epoch {epoch}"
        elif val_loss is not None and epoch - best[1] >= patience:
            reason = f"the validation loss has not improved for {patience} epochs (best " \
                     f"{best[0]:.4g} at epoch {best[1]})"
        stop = reason is not None
        if world > 1:  # every process stops when rank 0 does
            flag = torch.tensor([int(stop)], dtype=torch.int32, device=device)
            dist.broadcast(flag, 0)
            stop = bool(flag.item())
        if stop:
            if rank == 0:
                print(f"stopped: {reason}", flush=True)
            break

    if rank == 0 and "test" in parts:  # the rows kept out of training and stopping: once, here
        print(f"test {said(measure(net, parts['test'], device))}", flush=True)
    if rank == 0 and args.out:
        out = Path(args.out)
        temporary = out.with_name(f".{out.name}.tmp.npz")
        np.savez(temporary, **net.arrays())
        os.replace(temporary, out)
        print(f"saved {out}")
    if world > 1:
        # Every process gets here (they stop at the same epoch, see above) and waits until
        # rank 0 has measured the test rows and written --out before the group is torn down.
        dist.barrier()
        dist.destroy_process_group()
    return world


def leave_at_once() -> None:
    """End a torchrun process without Python's shutdown. gloo's worker threads outlive
    destroy_process_group() and may still let go of a finished operation, holding tensors and
    other Python objects, while the interpreter shuts down: that aborts the process
    ("terminate called without an active exception"). Everything is written by now."""
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(0)


if __name__ == "__main__":
    if main() > 1:
        leave_at_once()
