"""Write the example projects next to this file: ``python -m resources.examples.make_examples``.

Each example tells one of the seed's stories (docs/book.md): perceptron logic gates with the
book's weights, XOR built by hand and learned, the three-layer forward pass, a spiral, a digits
MLP, and the overfitting set-up of chapter 6. Re-running it rewrites the files identically.

Titles and descriptions are marked ``N_``: the files keep the English, and the window shows a
built-in example's texts through the catalogue (``core.i18n._``), in the user's language.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

import numpy as np

from core import NetworkSpec
from core.datasets import Dataset
from core.i18n import N_
from core.project import SUFFIX, DataRef, Project, save_project
from core.training.settings import TrainingSettings

HERE = Path(__file__).resolve().parent
GATE_DATA = {"split": (1.0, 0.0, 0.0), "batch_size": 4}


def _named(spec: NetworkSpec, names: dict[str, str]) -> NetworkSpec:
    for node_id, name in names.items():
        spec = spec.with_node_changed(node_id, name=name)
    return spec


def _perceptron(gate: str, w: tuple[float, float], b: float, title: str,
                description: str) -> Project:
    spec = _named(NetworkSpec.mlp([2, 1], output_activation="step", loss="mse"),
                  {"0": "x1, x2", "1": gate.upper()})
    return Project(
        spec=spec,
        settings=TrainingSettings(optimizer="sgd", lr=0.1, epochs=10, dtype="float64",
                                  **GATE_DATA),
        data=DataRef.builtin(gate, n_samples=4, noise=0.0),
        params={"W1": np.array([[w[0]], [w[1]]]), "b1": np.array([b])},
        title=title,
        description=description,
    )


def and_gate() -> Project:
    return _perceptron("and", (0.5, 0.5), -0.7, N_("AND gate perceptron"), N_(
        "One perceptron: y = 1 if w·x + b > 0 else 0, with w = (0.5, 0.5) and b = -0.7. Only "
        "(1, 1) gets over the threshold. Step has slope 0, so this network cannot learn: its "
        "weights are set by hand."))


def or_gate() -> Project:
    return _perceptron("or", (0.6, 0.6), -0.5, N_("OR gate perceptron"), N_(
        "One perceptron: y = 1 if w·x + b > 0 else 0, with the study notes' w = (0.6, 0.6) and "
        "b = -0.5 (the book's w = (0.5, 0.5), b = -0.2 work too). Any single 1 gets over the "
        "threshold. Step has slope 0, so this network cannot learn: its weights are set by hand."))


def nand_gate() -> Project:
    return _perceptron("nand", (-0.5, -0.5), 0.7, N_("NAND gate perceptron"), N_(
        "One perceptron: y = 1 if w·x + b > 0 else 0, with w = (-0.5, -0.5) and b = 0.7. The AND "
        "perceptron with every sign flipped. Step has slope 0, so this network cannot learn: "
        "its weights are set by hand."))


def xor_by_hand() -> Project:
    spec = _named(NetworkSpec.mlp([2, 2, 1], hidden_activation="step", output_activation="step",
                                  loss="mse"),
                  {"0": "x1, x2", "1": "NAND | OR", "2": "AND"})
    return Project(
        spec=spec,
        settings=TrainingSettings(optimizer="sgd", lr=0.1, epochs=10, dtype="float64",
                                  **GATE_DATA),
        data=DataRef.builtin("xor", n_samples=4, noise=0.0),
        params={"W1": np.array([[-0.5, 0.6], [-0.5, 0.6]]), "b1": np.array([0.7, -0.5]),
                "W2": np.array([[0.5], [0.5]]), "b2": np.array([-0.7])},
        title=N_("XOR by hand: AND(NAND, OR)"),
        description=N_("No single perceptron draws the one straight line XOR needs. Two layers "
        "do: the hidden units compute NAND and OR of the inputs, the output ANDs them. OR has "
        "the study notes' weights (0.6, 0.6, -0.5); the book's (0.5, 0.5, -0.2) work too."),
        dismissed_warnings=("step_hidden",),  # its step units are set by hand on purpose
    )


def xor_learned() -> Project:
    spec = NetworkSpec.mlp([2, 2, 1], hidden_activation="sigmoid", output_activation="sigmoid",
                           init="xavier")
    return Project(
        spec=spec,
        settings=TrainingSettings(optimizer="momentum", lr=1.0, epochs=2000, target_loss=0.05,
                                  dtype="float64", **GATE_DATA),
        data=DataRef.builtin("xor", n_samples=4, noise=0.0),
        title=N_("XOR, learned"),
        description=N_("The same 2-2-1 shape, with sigmoids so it can learn. Press Train and "
        "watch the decision boundary bend. Some seeds get stuck with 75 % right: a local "
        "minimum — try another seed."),
    )


def forward_pass_3layer() -> Project:
    spec = NetworkSpec.mlp([2, 3, 2, 2], hidden_activation="sigmoid",
                           output_activation="identity", loss="mse")
    # The book computes Y and stops. A target of its own (not Y, or every gradient is round-off)
    # gives the backward pass something to show: δ_out = Y − t.
    example = Dataset(
        name=N_("book input"), x=np.array([[1.0, 0.5]]), y=np.array([[0.0, 1.0]]),
        task="regression", feature_names=("x1", "x2"), class_names=(),
        source="the book's worked example: x = [1.0, 0.5]; target t = [0, 1] added for the "
               "backward pass")
    return Project(
        spec=spec,
        settings=TrainingSettings(optimizer="sgd", lr=0.1, epochs=1, batch_size=1,
                                  split=(1.0, 0.0, 0.0), dtype="float64"),
        data=DataRef.embedded(example),
        params={
            "W1": np.array([[0.1, 0.3, 0.5], [0.2, 0.4, 0.6]]), "b1": np.array([0.1, 0.2, 0.3]),
            "W2": np.array([[0.1, 0.4], [0.2, 0.5], [0.3, 0.6]]), "b2": np.array([0.1, 0.2]),
            "W3": np.array([[0.1, 0.3], [0.2, 0.4]]), "b3": np.array([0.1, 0.2]),
        },
        title=N_("Three-layer forward pass"),
        description=N_("The book's worked example: x = [1.0, 0.5] through two sigmoid layers and "
        "an identity output gives Y = [0.31682708, 0.69627909]. Click the nodes to follow "
        "A1 = x·W1 + b1, Z1 = sigmoid(A1), and so on: NetCanvas writes the book's A as z, its "
        "Z as a. The target t = [0, 1] is ours, for the backward pass."),
    )


def spiral() -> Project:
    return Project(
        spec=NetworkSpec.mlp([2, 32, 32, 2], hidden_activation="relu"),
        settings=TrainingSettings(optimizer="adam", lr=0.01, epochs=300, batch_size=32,
                                  standardize=True),
        data=DataRef.builtin("spiral"),
        title=N_("Spiral"),
        description=N_("Two interleaved arms. One straight line cannot separate them; two hidden "
        "layers of 32 ReLUs bend the boundary around the arms."),
    )


def digits_mlp() -> Project:
    return Project(
        spec=NetworkSpec.mlp([64, 100, 10], hidden_activation="relu"),
        settings=TrainingSettings(optimizer="adam", lr=0.001, epochs=30, batch_size=32,
                                  standardize=True),
        data=DataRef.bundled("digits"),
        title=N_("Handwritten digits"),
        description=N_("1,797 8×8 images of digits 0–9. One hidden layer of 100 ReLUs with a "
        "softmax output reaches about 97 % on the test part."),
    )


def overfitting() -> Project:
    return Project(
        spec=NetworkSpec.mlp([64, *[100] * 6, 10], hidden_activation="relu"),
        settings=TrainingSettings(optimizer="sgd", lr=0.01, epochs=200, batch_size=100,
                                  split=(0.1672, 0.05, 0.7828)),
        data=DataRef.bundled("digits"),
        title=N_("Overfitting: 300 samples, 6 × 100"),
        description=N_("A deep network and only 300 training digits: training accuracy reaches "
        "100 % while test accuracy stays far below. Set weight decay to 0.1, or dropout 0.2 on "
        "the hidden nodes, and train again: the gap narrows."),
        dismissed_warnings=("overfitting_risk",),  # overfitting is what it shows
    )


EXAMPLES: dict[str, Callable[[], Project]] = {
    f.__name__: f for f in (and_gate, or_gate, nand_gate, xor_by_hand, xor_learned,
                            forward_pass_3layer, spiral, digits_mlp, overfitting)
}


def _with_float_params(project: Project) -> Project:
    """Weights in the settings' dtype, as a trained network would hold them."""
    if project.params is None:
        return project
    dtype = np.dtype(project.settings.dtype)
    return replace(project, params={k: v.astype(dtype) for k, v in project.params.items()})


def main(folder: Path = HERE) -> list[Path]:
    written = []
    for name, make in EXAMPLES.items():
        path = folder / f"{name}{SUFFIX}"
        save_project(_with_float_params(make()), path)
        written.append(path)
    return written


if __name__ == "__main__":
    for path in main():
        print(path)
