"""Projects to export: every bundled example plus made-up DAGs that use everything an export
must handle — skip connections, two input nodes with derived features or sharing the raw
columns, batch norm (also on the output), dropout, every activation, float64, pixel bytes —
trained a
little so batch norm's running statistics are not the initial ones."""

from __future__ import annotations

import importlib.util
import os
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

import numpy as np
import pytest

from core.datasets import Dataset
from core.datasets.ref import DataRef
from core.project import Project, load_project, save_project
from core.spec import EdgeSpec, NetworkSpec, hidden_node, input_node, output_node
from core.training.settings import TrainingSettings
from core.training.trainer import Trainer
from resources.examples import example_names, example_path

EXAMPLES = tuple(example_names())
MADE_UP = ("dag_classifier", "dag_regression", "dag_split_inputs", "images")


def dag_spec(output: str) -> NetworkSpec:
    """Two input nodes (a: x1, x2, x1·x2; b: x1², x2², sin x1) → h1 (BN) → h2 (dropout) → h3,
    with skips h1 → out and b → h3."""
    if output == "softmax":
        out = output_node("out", 3, activation="softmax")
    else:
        out = output_node("out", 1, activation="identity", batch_norm=True)
    nodes = (
        input_node("a", 3, features=("x1", "x2", "x1*x2")),
        input_node("b", 3, features=("x1^2", "x2^2", "sin(x1)")),
        hidden_node("h1", 8, activation="relu", batch_norm=True),
        hidden_node("h2", 6, activation="tanh", dropout=0.25),
        hidden_node("h3", 5, activation="leaky_relu" if output == "softmax" else "sigmoid",
                    init="xavier"),
        out,
    )
    edges = [("1", "a", "h1"), ("2", "b", "h1"), ("3", "h1", "h2"), ("4", "h2", "h3"),
             ("skip", "h1", "out"), ("6", "h3", "out"), ("7", "b", "h3")]
    return NetworkSpec(nodes, tuple(EdgeSpec(*e) for e in edges))


def image_bytes(rows: int = 150) -> Dataset:
    """28×28 images of random bytes (a blank border, as MNIST has), labels 0–9."""
    rng = np.random.default_rng(1)
    x = rng.integers(0, 256, size=(rows, 28, 28), dtype=np.uint8)
    x[:, :3] = 0
    return Dataset("images", x.reshape(rows, 784), rng.integers(0, 10, rows), "classification",
                   tuple(f"pixel {k}" for k in range(784)), tuple(map(str, range(10))),
                   "random bytes", x_divisor=255.0)


def made_up_project(name: str, optimizer: str = "adam") -> Project:
    if name == "dag_classifier":
        spec, data = dag_spec("softmax"), DataRef.builtin("spiral", 240, 0.2, 1, 3)
        settings = TrainingSettings(optimizer=optimizer, lr=0.01, epochs=4, batch_size=16,
                                    weight_decay=1e-3, l1=1e-4, seed=3, standardize=True)
    elif name == "images":  # MNIST-like: pixel bytes NetCanvas reads as bytes / 255
        spec = NetworkSpec.mlp([784, 16, 10])
        data = DataRef.embedded(image_bytes())
        settings = TrainingSettings(lr=0.01, epochs=2, batch_size=16, seed=2, standardize=True)
    elif name == "dag_split_inputs":  # two feature-less inputs share the raw columns
        nodes = (input_node("p", 1), input_node("q", 1),
                 hidden_node("h", 4, activation="sigmoid"), hidden_node("s", 2, activation="step"),
                 output_node("out", 1, activation="sigmoid"))
        edges = [("1", "p", "h"), ("2", "q", "h"), ("3", "h", "out"), ("4", "q", "out"),
                 ("5", "p", "s"), ("6", "s", "out")]
        spec = NetworkSpec(nodes, tuple(EdgeSpec(*e) for e in edges))
        data = DataRef.builtin("moons", 160, 0.2, 4)
        settings = TrainingSettings(optimizer="rmsprop", lr=0.01, epochs=3, batch_size=10,
                                    weight_decay=1e-2, seed=7)
    else:
        spec, data = dag_spec("identity"), DataRef.builtin("gaussian_bumps", 200, 0.05, 2)
        settings = TrainingSettings(optimizer="nesterov", lr=0.02, epochs=4, batch_size=20,
                                    seed=5, split=(0.6, 0.2, 0.2), dtype="float64",
                                    optimizer_options={"momentum": 0.8})
    project = Project(spec, settings, data, title=name)
    trainer = Trainer(spec, data.load(), settings)
    trainer.run()
    net = trainer.network
    return replace(project, params={k: v.copy() for k, v in net.params.items()},
                   state={k: v.copy() for k, v in net.state.items()},
                   history=trainer.history.to_dict())


@pytest.fixture(scope="session")
def project_files(tmp_path_factory) -> dict[str, Path]:
    """name → a .netcanvas file, for the examples and the made-up DAGs."""
    folder = tmp_path_factory.mktemp("projects")
    files = {name: example_path(name) for name in EXAMPLES}
    for name in MADE_UP:
        files[name] = folder / f"{name}.netcanvas"
        save_project(made_up_project(name), files[name])
    return files


@pytest.fixture(scope="session")
def projects(project_files) -> dict[str, Project]:
    return {name: load_project(path) for name, path in project_files.items()}


def import_file(path: Path, name: str):
    """Import a generated module from its file under a unique name."""
    spec = importlib.util.spec_from_file_location(name, path)
    module = importlib.util.module_from_spec(spec)
    sys.path.insert(0, str(path.parent))  # train.py's "from model import …"
    try:
        spec.loader.exec_module(module)
    finally:
        sys.path.remove(str(path.parent))
    return module


def run_script(args: list[str], cwd: Path, timeout: float = 300,
               env: dict[str, str] | None = None) -> subprocess.CompletedProcess:
    """``python ARGS`` in ``cwd`` (with ``env`` added to this process's environment)."""
    return subprocess.run([sys.executable, *args], cwd=cwd, capture_output=True, text=True,
                          timeout=timeout, env=None if env is None else {**os.environ, **env})


def epoch_losses(stdout: str) -> list[float]:
    """The numbers of the ``epoch <k> loss <value>`` lines."""
    return [float(line.split()[3]) for line in stdout.splitlines()
            if line.startswith("epoch ")]


def printed_metrics(stdout: str) -> dict[str, list[float]]:
    """The NumPy script's or train.py's metrics by the trainer's history names: ``train_loss``,
    ``val_loss``, ``val_accuracy`` … from its ``epoch <k> loss <v> accuracy <v> val_loss <v> …``
    lines, one entry per epoch; ``test_loss`` … from its one ``test loss <v> …`` line at the
    end."""
    metrics: dict[str, list[float]] = {}
    for line in stdout.splitlines():
        words = line.split()
        if words[:1] == ["epoch"]:
            pairs = words[2:]
        elif words[:1] == ["test"]:
            pairs = [w if i % 2 else f"test_{w}" for i, w in enumerate(words[1:])]
        else:
            continue
        for name, value in zip(pairs[::2], pairs[1::2], strict=True):
            name = name if name.startswith(("val_", "test_")) else f"train_{name}"
            metrics.setdefault(name, []).append(float(value))
    return metrics


def all_close(a: np.ndarray, b: np.ndarray, tol: float = 1e-5) -> bool:
    return a.shape == b.shape and bool(np.allclose(a, b, rtol=tol, atol=tol))
