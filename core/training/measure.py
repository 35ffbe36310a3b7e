"""How well a network does on the prepared parts: loss and accuracy (or MSE and R²), as the
trainer reports them at the end of every epoch.

Each chunk of rows goes through the network once, in inference mode: the loss and the
predicted classes (or values) come from the same output, so measuring costs one forward
pass per row, as in any framework's evaluation loop (it took two before: one for the loss,
one more for the classes).
"""

from __future__ import annotations

import numpy as np

from core.engine.network import Network
from core.training.prepare import Part, TrainingData

EVAL_CHUNK = 2048
MAX_EVAL_ROWS = 10_000


def evaluate(network: Network, data: TrainingData) -> dict[str, float | None]:
    """``{part}_loss`` and ``{part}_accuracy`` (or ``_mse`` and ``_r2``) of every non-empty
    part. Parts longer than MAX_EVAL_ROWS are measured on their first rows (already shuffled
    by the split), so a 60,000-row training set does not double the time of an epoch."""
    metrics: dict[str, float | None] = {}
    for name, part in data.parts.items():
        if part.n:
            for key, value in measure(network, part, data.task).items():
                metrics[f"{name}_{key}"] = value
    return metrics


def measure(network: Network, part: Part, task: str) -> dict[str, float | None]:
    """Loss and accuracy (classification) or loss, MSE and R² of the first MAX_EVAL_ROWS
    rows of ``part``."""
    n = min(part.n, MAX_EVAL_ROWS)
    loss_sum = correct = squares = 0.0
    for lo in range(0, n, EVAL_CHUNK):
        hi = min(lo + EVAL_CHUNK, n)
        loss, output = network.loss_and_output(part.x[lo:hi], part.t[lo:hi])
        loss_sum += loss * (hi - lo)
        if task == "classification":
            correct += int(np.count_nonzero(network.labels(output) == part.y[lo:hi]))
        else:
            squares += squared_error(output, part.y[lo:hi])
    result: dict[str, float | None] = {"loss": loss_sum / n}
    if task == "classification":
        result["accuracy"] = correct / n
    else:
        y = part.y[:n]
        spread = float(np.sum((y - y.mean(axis=0)) ** 2))
        result["mse"] = squares / y.size  # as mean_squared_error(): every row, every output
        result["r2"] = 1.0 - squares / spread if spread > 0 else None
    return result


def squared_error(output: np.ndarray, y: np.ndarray) -> float:
    """Σ (output − target)² over every row and every output unit of a regression network."""
    output = np.asarray(output, dtype=np.float64)
    with np.errstate(over="ignore", invalid="ignore"):  # a diverged run: inf, said as such
        return float(np.sum((output - np.asarray(y, dtype=np.float64).reshape(output.shape))
                            ** 2))


def mean_squared_error(output: np.ndarray, y: np.ndarray) -> float:
    """The MSE training reports (:func:`measure`): the mean of (output − target)² over every
    row and every output unit — the book's three-layer example, outputs (0.317, 0.696) for
    target (0, 1), has 0.0963 (not the first output's 0.100)."""
    return squared_error(output, y) / np.size(y)
