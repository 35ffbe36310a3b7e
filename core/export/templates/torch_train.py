"""Train the exported NetCanvas network further with PyTorch, with the project's settings.

    python train.py [--epochs N] [--out trained.npz]
    torchrun --nproc_per_node=N train.py [--epochs N] [--out trained.npz]

It starts from the weights in weights.npz and uses the training rows NetCanvas used (data.npz),
the project's optimizer with NetCanvas's exact update rule (docs: BookOptimizer below), learning
rate, batch size, weight decay (½λ·ΣW²) and L1 (λ₁·Σ|W|) on the weight matrices, and seed.
Under torchrun it runs DistributedDataParallel: each process takes its share of every epoch's
rows (DistributedSampler) and a batch of batch_size / N rows, so the gradients averaged over
the processes are those of a batch of batch_size; gloo on the CPU, nccl when CUDA is there.
One line per epoch: the training loss measured as NetCanvas does (eval mode, regularisation
included). Training stops where NetCanvas stops: at the project's target loss, or when the
validation loss has not improved for its early-stopping patience. ``--out`` writes the trained
weights under NetCanvas's names, for ``netcanvas import-weights``.
"""

from __future__ import annotations

import argparse
import math
import os
from pathlib import Path

import numpy as np
import torch
import torch.distributed as dist
import torch.nn.functional as F  # noqa: N812 - torch's usual name
from model import HERE, NetCanvasNet, activate, load_arrays
from torch.utils.data import DataLoader, DistributedSampler, Sampler, TensorDataset

# The project's training settings (every hyperparameter of the optimizer spelled out).
# <netcanvas:config>
SETTINGS: dict = {}
# </netcanvas:config>

EPSILON = 1e-7
EVAL_ROWS = 10_000


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


class NetCanvasOrder(Sampler):
    """One process: every epoch the order NetCanvas's trainer draws (default_rng([seed, 1]))."""

    def __init__(self, n: int, seed: int) -> None:
        self.n, self.rng = n, np.random.default_rng([seed, 1])

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
        net = self.net
        z = net.output_logits(x)
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


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--epochs", type=int, default=SETTINGS["epochs"],
                        help="epochs to train at most (default: the project's setting); the "
                             "project's target loss and early stopping may end it sooner")
    parser.add_argument("--out", metavar="FILE.npz",
                        help="write the trained weights here, under NetCanvas's names")
    args = parser.parse_args(argv)
    rank, world, device = setup()
    torch.manual_seed(SETTINGS["seed"])  # dropout masks
    dtype = torch.float64 if SETTINGS["dtype"] == "float64" else torch.float32

    net = NetCanvasNet(load_arrays(), dtype=dtype).to(device)
    with np.load(HERE / "data.npz", allow_pickle=False) as data:
        x = torch.tensor(data["x_train"], dtype=torch.float64)
        t = torch.tensor(data["t_train"], dtype=dtype)
        x_val = torch.tensor(data["x_val"][:EVAL_ROWS], dtype=torch.float64)
        t_val = torch.tensor(data["t_val"][:EVAL_ROWS], dtype=dtype)
    target, patience = SETTINGS.get("target_loss"), SETTINGS.get("early_stopping_patience")
    watch = bool(patience) and len(t_val) > 0
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

    for epoch in range(1, args.epochs + 1):
        if world > 1:
            sampler.set_epoch(epoch)
        net.train()
        for xb, tb in loader:
            optimizer.zero_grad()
            model(xb.to(device), tb.to(device)).backward()
            optimizer.step()
        net.eval()
        with torch.no_grad():
            n = min(len(rows), EVAL_ROWS)
            loss = TrainingLoss(net)(x[:n].to(device), t[:n].to(device)).item()
            val_loss = TrainingLoss(net)(x_val.to(device), t_val.to(device)).item() \
                if watch else None
        if rank == 0:
            print(f"epoch {epoch} loss {loss:.9g}", flush=True)
        # NetCanvas's stop rules: the target loss, and early stopping on the validation loss
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

    if rank == 0 and args.out:
        out = Path(args.out)
        temporary = out.with_name(f".{out.name}.tmp.npz")
        np.savez(temporary, **net.arrays())
        os.replace(temporary, out)
        print(f"saved {out}")
    if world > 1:
        # Every process gets here (they stop at the same epoch, see above) and waits for the
        # others before tearing gloo down: without it, a process leaving early could abort
        # another still inside gloo ("terminate called without an active exception").
        dist.barrier()
        dist.destroy_process_group()


if __name__ == "__main__":
    main()
