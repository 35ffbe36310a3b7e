"""Image bytes stay bytes: uint8 data sets, their lazy scaling, and how projects store them."""

from __future__ import annotations

import struct

import numpy as np
import pytest

from core import NetworkSpec
from core.datasets import DataError, Dataset, feature_scaling, load_idx, split
from core.datasets.ref import DataRef
from core.project import Project, load_project, save_project
from core.training import prepare as prepare_module
from core.training.lazy import LazyInputs
from core.training.prepare import prepare, prepare_ahead
from core.training.settings import TrainingSettings
from core.training.trainer import Trainer

SIDE = 6


def mnist_like(n: int = 600, seed: int = 0) -> Dataset:
    """Digits-like bytes: each class lights a different band of pixels, plus noise."""
    rng = np.random.default_rng(seed)
    y = np.arange(n) % 10
    x = rng.integers(0, 60, (n, SIDE * SIDE))
    for c in range(10):
        x[y == c, c * 3:c * 3 + 6] += 180
    return Dataset("bytes", x.astype(np.uint8), y.astype(np.int64), "classification",
                   tuple(f"p{k}" for k in range(SIDE * SIDE)), tuple(map(str, range(10))),
                   "generated", x_divisor=255.0)


def as_float(d: Dataset) -> Dataset:
    """The same data converted up front, as NetCanvas did before bytes were kept."""
    return Dataset(d.name, d.x / 255.0, d.y, d.task, d.feature_names, d.class_names, d.source)


def write_idx(folder, images: np.ndarray, labels: np.ndarray) -> tuple:
    images_path = folder / "train-images-idx3-ubyte"
    labels_path = folder / "train-labels-idx1-ubyte"
    images_path.write_bytes(struct.pack(">IIII", 0x803, *images.shape) + images.tobytes())
    labels_path.write_bytes(struct.pack(">II", 0x801, labels.size) + labels.tobytes())
    return images_path, labels_path


def test_features_are_the_bytes_divided_and_only_converted_when_asked():
    d = mnist_like(50)
    assert d.x.dtype == np.uint8 and d.x.nbytes == 50 * 36
    np.testing.assert_array_equal(d.features(), d.x / 255.0)
    np.testing.assert_array_equal(d.features(np.array([3, 1])), d.x[[3, 1]] / 255.0)
    low, high = d.feature_bounds()
    np.testing.assert_array_equal(low, (d.x / 255.0).min(axis=0))
    np.testing.assert_array_equal(high, (d.x / 255.0).max(axis=0))


def test_split_keeps_bytes_and_the_divisor():
    train, val, test = split(mnist_like(100), (0.6, 0.2, 0.2), seed=3)
    float_parts = split(as_float(mnist_like(100)), (0.6, 0.2, 0.2), seed=3)
    for part, reference in zip((train, val, test), float_parts, strict=True):
        assert part.x.dtype == np.uint8 and part.x_divisor == 255.0
        np.testing.assert_array_equal(part.features(), reference.x)


@pytest.mark.parametrize("n", [1, 4095, 4097, 9000])
def test_byte_statistics_equal_numpys_on_the_converted_array_bit_for_bit(n):
    d = mnist_like(n, seed=n)
    scaling = feature_scaling(d)
    converted = d.x / 255.0
    std = converted.std(axis=0)
    assert scaling.mean.tobytes() == converted.mean(axis=0).tobytes()
    assert scaling.std.tobytes() == np.where(std > 0, std, 1.0).tobytes()


def test_bad_byte_data_is_refused_in_words():
    d = mnist_like(10)
    with pytest.raises(DataError, match="x_divisor"):
        Dataset("b", d.x, d.y, d.task, d.feature_names, d.class_names, "", x_divisor=0)
    with pytest.raises(DataError, match="float64 or uint8"):
        Dataset("b", d.x.astype(np.int32), d.y, d.task, d.feature_names, d.class_names, "")
    with pytest.raises(DataError, match="not divided again"):
        Dataset("b", d.x / 255.0, d.y, d.task, d.feature_names, d.class_names, "",
                x_divisor=255.0)


@pytest.mark.parametrize("scale", [True, False])
def test_lazy_parts_give_what_converting_first_gives(scale):
    spec = NetworkSpec.mlp([36, 8, 10])
    lazy = prepare(mnist_like(), spec, (0.7, 0.15, 0.15), 1, scale, np.float32)
    eager = prepare(as_float(mnist_like()), spec, (0.7, 0.15, 0.15), 1, scale, np.float32)
    for name, part in lazy.parts.items():
        assert isinstance(part.x, LazyInputs) and isinstance(eager.parts[name].x, np.ndarray)
        whole = eager.parts[name].x
        assert part.x.shape == whole.shape and part.x.dtype == whole.dtype
        assert np.asarray(part.x).tobytes() == whole.tobytes()
        assert part.x[5:17].tobytes() == whole[5:17].tobytes()
        assert part.x[np.array([9, 2, 2])].tobytes() == whole[[9, 2, 2]].tobytes()
        assert part.x[-1].tobytes() == whole[-1].tobytes()
        np.testing.assert_array_equal(part.t, eager.parts[name].t)
    np.testing.assert_array_equal(lazy.low, eager.low)
    np.testing.assert_array_equal(lazy.high, eager.high)


def run(dataset: Dataset, standardize: bool) -> Trainer:
    settings = TrainingSettings(epochs=2, batch_size=32, seed=5, dtype="float64", lr=0.01,
                                standardize=standardize)
    trainer = Trainer(NetworkSpec.mlp([36, 20, 10]), dataset, settings)
    trainer.run()
    return trainer


@pytest.mark.parametrize("standardize", [True, False])
def test_two_epochs_on_bytes_equal_two_epochs_on_the_converted_floats(standardize):
    on_bytes, on_floats = run(mnist_like(), standardize), run(as_float(mnist_like()), standardize)
    for name, weights in on_floats.network.params.items():
        np.testing.assert_allclose(on_bytes.network.params[name], weights, rtol=0, atol=1e-12)
    bytes_history, floats_history = on_bytes.history.to_dict(), on_floats.history.to_dict()
    np.testing.assert_allclose(bytes_history["batch_loss"], floats_history["batch_loss"],
                               rtol=0, atol=1e-12)
    assert bytes_history["epochs"].keys() == floats_history["epochs"].keys()
    for key, values in floats_history["epochs"].items():
        np.testing.assert_allclose(bytes_history["epochs"][key], values, rtol=0, atol=1e-12)
    assert len(floats_history["epochs"]["val_loss"]) == 2


def test_float_data_trained_lazily_is_bit_identical_to_eager(monkeypatch):
    eager = run(as_float(mnist_like()), True)
    monkeypatch.setattr(prepare_module, "LAZY_BYTES", 0)  # make even small float data lazy
    lazy = run(as_float(mnist_like()), True)
    assert isinstance(lazy.data.train.x, LazyInputs)
    for name, weights in eager.network.params.items():
        assert lazy.network.params[name].tobytes() == weights.tobytes()


def test_bytes_round_trip_through_a_project_file(tmp_path):
    dataset = mnist_like(40)
    project = Project(NetworkSpec.mlp([36, 10]), TrainingSettings(), DataRef.embedded(dataset))
    save_project(project, tmp_path / "bytes.netcanvas")
    loaded = load_project(tmp_path / "bytes.netcanvas").data.load()
    assert loaded.x.dtype == np.uint8 and loaded.x_divisor == 255.0
    assert loaded.x.tobytes() == dataset.x.tobytes()
    np.testing.assert_array_equal(loaded.features(), dataset.features())
    np.testing.assert_array_equal(loaded.y, dataset.y)


def test_an_idx_import_is_bytes_whose_features_are_the_old_floats(tmp_path):
    images = np.random.default_rng(1).integers(0, 256, (30, 4, 4), dtype=np.uint8)
    labels = (np.arange(30) % 3).astype(np.uint8)
    d = load_idx(*write_idx(tmp_path, images, labels))
    assert d.x.dtype == np.uint8
    assert d.features().tobytes() == (images.reshape(30, 16) / 255.0).tobytes()


def test_work_done_ahead_is_what_training_uses_and_float_data_is_not_remembered():
    d = mnist_like(300)
    assert prepare_ahead(d, (0.7, 0.15, 0.15), 4, True) is d
    train = split(d, (0.7, 0.15, 0.15), 4)[0]
    assert split(d, (0.7, 0.15, 0.15), 4)[0] is train  # worked out once
    assert feature_scaling(train) is feature_scaling(train)
    assert split(d, (0.6, 0.2, 0.2), 4)[0].n_samples != train.n_samples  # other settings
    spec = NetworkSpec.mlp([36, 10])
    ahead = prepare(d, spec, (0.7, 0.15, 0.15), 4, True, np.float64)
    fresh = prepare(mnist_like(300), spec, (0.7, 0.15, 0.15), 4, True, np.float64)
    assert np.asarray(ahead.train.x).tobytes() == np.asarray(fresh.train.x).tobytes()
    floats = as_float(d)
    assert split(floats, (0.7, 0.15, 0.15), 4)[0] is not split(floats, (0.7, 0.15, 0.15), 4)[0]


@pytest.mark.parametrize("divisor", [255.0, 7.0, 1.0, 0.1])
def test_every_byte_value_becomes_what_the_float64_features_rounded_give(divisor):
    """Unscaled bytes are divided straight into float32 (0.1 is no float32: that divisor
    goes the float64 way); every value must equal float64 division then rounding."""
    x = np.tile(np.arange(256, dtype=np.uint8), (3, 1))
    data = Dataset("all bytes", x, np.array([0, 1, 0]), "classification",
                   tuple(f"p{i}" for i in range(256)), ("a", "b"), "generated",
                   x_divisor=divisor)
    prepared = prepare(data, NetworkSpec.mlp([256, 2]), (1.0, 0.0, 0.0), 0, False, np.float32)
    lazy = prepared.train.x
    assert isinstance(lazy, LazyInputs)
    expected = (np.arange(256) / divisor).astype(np.float32)
    assert lazy[np.array([2, 0])].tobytes() == np.tile(expected, (2, 1)).tobytes()
    assert lazy[1].tobytes() == expected.tobytes()
