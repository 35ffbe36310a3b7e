"""Generated toy data: the logic gates of chapter 2 and TensorFlow-Playground-style 2-D sets.

Every set is drawn from ``np.random.default_rng(seed)``, so the same seed gives identical
arrays. The 2-D sets live in roughly [-6, 6]², Playground's scale, where the engineered input
features (x1², sin x1, …) are worth trying. ``noise`` is a standard deviation in data units:
Gaussian jitter on the points for classification, on the target for regression.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

import numpy as np

from core.datasets.dataset import Dataset, Task
from core.datasets.errors import DataError
from core.i18n import N_, _
from core.numbers import MAX_SEED, finite, shown

# (n_samples, noise, rng, n_classes) -> (x, y); n_classes matters only where it can be chosen.
MakeData = Callable[[int, float, np.random.Generator, int], tuple[np.ndarray, np.ndarray]]
MAX_SAMPLES = 1_000_000
GATE_INPUTS = np.array([[0.0, 0.0], [1.0, 0.0], [0.0, 1.0], [1.0, 1.0]])


@dataclass(frozen=True)
class BuiltinInfo:
    """What the GUI shows about a built-in set, and how to make it.

    ``n_classes`` is the default class count (0 for regression); ``max_classes`` is larger only
    for sets whose class count the user may choose.

    ``title``, ``description`` and ``class_names`` are English, marked for the catalogue with
    ``N_``: show them through ``core.i18n._()``. ``name`` is the identifier a project stores.
    """

    name: str
    title: str
    task: Task
    n_samples: int
    noise: float
    description: str
    class_names: tuple[str, ...]
    generate: MakeData = field(repr=False, compare=False)
    max_classes: int = 0
    class_label: str = ""
    feature_names: tuple[str, ...] = ("x1", "x2")
    min_samples: int = 2

    @property
    def n_classes(self) -> int:
        return len(self.class_names)

    def class_names_for(self, k: int) -> tuple[str, ...]:
        """The default names, or "<class_label> 1".."<class_label> k" for a chosen count."""
        if k == self.n_classes:
            return self.class_names
        return tuple(f"{self.class_label} {c + 1}" for c in range(k))


def _gate(outputs: tuple[int, int, int, int]) -> MakeData:
    """Truth table rows (0,0),(1,0),(0,1),(1,1) repeated to ``n`` rows, with jitter ``noise``."""

    def generate(n: int, noise: float, rng: np.random.Generator, n_classes: int):
        rows = np.arange(n) % 4
        return _jitter(GATE_INPUTS[rows], noise, rng), np.array(outputs, dtype=np.int64)[rows]

    return generate


def _balanced_labels(n: int, n_classes: int, rng: np.random.Generator) -> np.ndarray:
    """Labels in random order, class sizes differing by at most one (lower classes get more)."""
    return rng.permutation(np.arange(n) * n_classes // n).astype(np.int64)


def _jitter(points: np.ndarray, noise: float, rng: np.random.Generator) -> np.ndarray:
    return points + rng.normal(0.0, noise, size=points.shape)


def _polar(r: np.ndarray, angle: np.ndarray) -> np.ndarray:
    return np.column_stack([r * np.cos(angle), r * np.sin(angle)])


def _circle(n: int, noise: float, rng: np.random.Generator, n_classes: int):
    """Class 1 is a disc of radius 2.5; class 0 a ring from 3.5 to 5 around it."""
    y = _balanced_labels(n, 2, rng)
    r = np.where(y == 1, 2.5 * np.sqrt(rng.uniform(size=n)), rng.uniform(3.5, 5.0, size=n))
    return _jitter(_polar(r, rng.uniform(0, 2 * np.pi, size=n)), noise, rng), y


def _xor2d(n: int, noise: float, rng: np.random.Generator, n_classes: int):
    """Class 1 where x1·x2 > 0 (quadrants I and III); points stay 0.3 away from the axes."""
    y = _balanced_labels(n, 2, rng)
    magnitude = rng.uniform(0.3, 5.3, size=(n, 2))
    sign_x1 = rng.choice([-1.0, 1.0], size=n)
    sign_x2 = np.where(y == 1, sign_x1, -sign_x1)
    return _jitter(magnitude * np.column_stack([sign_x1, sign_x2]), noise, rng), y


def _gaussians(n: int, noise: float, rng: np.random.Generator, n_classes: int):
    """Two round blobs with std ``noise``: class 0 around (-2, -2), class 1 around (2, 2)."""
    y = _balanced_labels(n, 2, rng)
    centres = np.where(y[:, None] == 1, [2.0, 2.0], [-2.0, -2.0])
    return _jitter(centres, noise, rng), y


def _spiral(n: int, noise: float, rng: np.random.Generator, n_classes: int):
    """``n_classes`` arms winding 1.75 turns out to radius 5, evenly spaced as in Playground."""
    y = _balanced_labels(n, n_classes, rng)
    along = np.empty(n)
    for c in range(n_classes):
        members = np.flatnonzero(y == c)
        along[members] = np.arange(members.size) / members.size
    angle = 1.75 * 2 * np.pi * along + 2 * np.pi * y / n_classes
    return _jitter(_polar(5.0 * along, angle), noise, rng), y


def _moons(n: int, noise: float, rng: np.random.Generator, n_classes: int):
    """Two interleaved half circles (class 0 on top), scaled ×2.5 and centred on the origin."""
    y = _balanced_labels(n, 2, rng)
    t = rng.uniform(0.0, np.pi, size=n)
    upper = np.column_stack([np.cos(t), np.sin(t)])
    lower = np.column_stack([1.0 - np.cos(t), 0.5 - np.sin(t)])
    points = 2.5 * (np.where(y[:, None] == 0, upper, lower) - [0.5, 0.25])
    return _jitter(points, noise, rng), y


def _plane(n: int, noise: float, rng: np.random.Generator, n_classes: int):
    """y = (x1 + x2) / 10 over [-6, 6]²: a straight line (one neuron, identity) fits it."""
    x = rng.uniform(-6.0, 6.0, size=(n, 2))
    return x, _jitter(x.sum(axis=1, keepdims=True) / 10.0, noise, rng)


BUMPS = np.array([[-4, 2.5, 1], [0, 2.5, -1], [4, 2.5, 1], [-4, -2.5, -1], [0, -2.5, 1],
                  [4, -2.5, -1]])


def _gaussian_bumps(n: int, noise: float, rng: np.random.Generator, n_classes: int):
    """Six bumps (σ 1.5) of height ±1 in a checkerboard, like Playground's multi-Gaussian."""
    x = rng.uniform(-6.0, 6.0, size=(n, 2))
    d2 = ((x[:, None, :] - BUMPS[None, :, :2]) ** 2).sum(axis=2)
    target = (BUMPS[:, 2] * np.exp(-d2 / (2 * 1.5**2))).sum(axis=1, keepdims=True)
    return x, _jitter(target, noise, rng)


def _sine(n: int, noise: float, rng: np.random.Generator, n_classes: int):
    """y = sin x for x in [-2π, 2π]: two periods of a curve no straight line can follow."""
    x = rng.uniform(-2 * np.pi, 2 * np.pi, size=(n, 1))
    return x, _jitter(np.sin(x), noise, rng)


def _gate_info(name: str, title: str, outputs: tuple[int, int, int, int], description: str):
    """A gate's entry; its ``description`` ends with the truth table, "(00→0 · 10→0 · …)",
    written out so the whole sentence is one catalogue message (a test checks the table)."""
    return BuiltinInfo(name, title, "classification", 4, 0.0, description,
                       ("0", "1"), _gate(outputs), min_samples=4)


def truth_table(outputs: tuple[int, int, int, int]) -> str:
    """"00→0 · 10→0 · 01→0 · 11→1": the rows (x1, x2) → output in :data:`GATE_INPUTS` order."""
    rows = zip(GATE_INPUTS.astype(int), outputs, strict=True)
    return " · ".join(f"{a}{b}→{o}" for (a, b), o in rows)


#: A spiral's arms when the class count is chosen (class_names_for makes "arm 1".."arm k");
#: listed so the catalogue has every one.
SPIRAL_ARMS = (N_("arm 1"), N_("arm 2"), N_("arm 3"), N_("arm 4"), N_("arm 5"))


BUILTIN: dict[str, BuiltinInfo] = {
    info.name: info
    for info in (
        _gate_info("and", N_("AND gate"), (0, 0, 0, 1),
                   N_("1 only when both inputs are 1; one perceptron learns it "
                      "(00→0 · 10→0 · 01→0 · 11→1)")),
        _gate_info("or", N_("OR gate"), (0, 1, 1, 1),
                   N_("1 when any input is 1; one perceptron learns it "
                      "(00→0 · 10→1 · 01→1 · 11→1)")),
        _gate_info("nand", N_("NAND gate"), (1, 1, 1, 0),
                   N_("NOT AND; one perceptron learns it (00→1 · 10→1 · 01→1 · 11→0)")),
        _gate_info("xor", N_("XOR gate"), (0, 1, 1, 0),
                   N_("1 when the inputs differ; not linearly separable, needs a hidden layer "
                      "(00→0 · 10→1 · 01→1 · 11→0)")),
        BuiltinInfo("circle", N_("Circle"), "classification", 400, 0.25,
                    N_("a disc inside a ring; try x1² and x2² as inputs"),
                    (N_("outside"), N_("inside")), _circle),
        BuiltinInfo("xor2d", N_("XOR quadrants"), "classification", 400, 0.25,
                    N_("class by the sign of x1·x2; the 2-D XOR, try x1·x2 as an input"),
                    (N_("x1·x2 < 0"), N_("x1·x2 > 0")), _xor2d),
        BuiltinInfo("gaussians", N_("Two Gaussians"), "classification", 400, 1.0,
                    N_("two round blobs; a straight line separates them"),
                    (N_("lower left"), N_("upper right")), _gaussians),
        BuiltinInfo("spiral", N_("Spiral"), "classification", 400, 0.2,
                    N_("interleaved spiral arms (2–5); the hardest, needs depth or sin features"),
                    SPIRAL_ARMS[:2], _spiral, max_classes=5, class_label="arm"),
        BuiltinInfo("moons", N_("Two moons"), "classification", 400, 0.25,
                    N_("two interlocking half circles; needs a curved boundary"),
                    (N_("upper moon"), N_("lower moon")), _moons),
        BuiltinInfo("plane", N_("Plane"), "regression", 400, 0.05,
                    N_("y = (x1 + x2) / 10; a single linear neuron fits it"), (), _plane),
        BuiltinInfo("gaussian_bumps", N_("Gaussian bumps"), "regression", 400, 0.05,
                    N_("six hills and valleys; needs a hidden layer"), (), _gaussian_bumps),
        BuiltinInfo("sine", N_("Sine"), "regression", 200, 0.1,
                    N_("y = sin x on [-2π, 2π]; one input, a wavy curve"), (), _sine,
                    feature_names=("x1",), min_samples=1),
    )
}


def load_builtin(
    name: str,
    n_samples: int | None = None,
    noise: float | None = None,
    seed: int = 0,
    n_classes: int | None = None,
) -> Dataset:
    """Generate the built-in set ``name``; ``None`` means the registry's default.

    ``n_classes`` is accepted only where the class count can change (``spiral``: 2..5).
    """
    info = BUILTIN.get(name)
    if info is None:
        raise DataError(_("there is no built-in data set called {name}").format(name=repr(name)),
                        hint=_("choose one of: {names}").format(names=", ".join(BUILTIN)))
    n = info.n_samples if n_samples is None else n_samples
    sigma = info.noise if noise is None else noise
    k = info.n_classes if n_classes is None else n_classes
    _check_options(info, n, sigma, seed, k)
    x, y = info.generate(n, float(sigma), np.random.default_rng(seed), k)
    # the source is stored in project files (embedded data): always English
    classes = f", {k} classes" if k != info.n_classes else ""  # i18n: not ui
    source = f"built-in {name}, seed {seed}, noise {sigma:g}, {n} samples{classes}"  # i18n: not ui
    return Dataset(
        name=name,
        x=np.asarray(x, dtype=np.float64),
        y=y,
        task=info.task,
        feature_names=info.feature_names,
        class_names=info.class_names_for(k),
        source=source,
    )


def _whole(value: object) -> bool:
    return isinstance(value, (int, np.integer)) and not isinstance(value, bool)


def _check_options(info: BuiltinInfo, n: int, noise: float, seed: int, k: int) -> None:
    title = _(info.title)
    top = info.max_classes or info.n_classes
    if not _whole(k) or (k != info.n_classes and not info.n_classes <= k <= top):
        hint = (_("the number of classes must be from {low} to {high}").format(
            low=info.n_classes, high=top) if top > info.n_classes
            else _("the number of classes must be left unset"))
        raise DataError(_("{title}: {k} classes is not possible").format(title=title, k=shown(k)),
                        hint=hint)
    least = max(info.min_samples, k)
    if not _whole(n) or not least <= n <= MAX_SAMPLES:
        raise DataError(_("{title}: cannot make {n} samples").format(title=title, n=shown(n)),
                        hint=_("choose a whole number from {low} to {high}").format(
                            low=least, high=f"{MAX_SAMPLES:,}"))
    if not (isinstance(noise, (int, float, np.floating)) and finite(noise) and noise >= 0):
        raise DataError(_("{title}: noise {noise} is not possible").format(
                            title=title, noise=shown(noise)),
                        hint=_("choose a number ≥ 0 (a standard deviation in data units)"))
    if not _whole(seed) or not 0 <= seed <= MAX_SEED:
        raise DataError(_("{title}: seed {seed} is not possible").format(
                            title=title, seed=shown(seed)),
                        hint=_("choose a whole number from 0 to {high:,}").format(high=MAX_SEED))
