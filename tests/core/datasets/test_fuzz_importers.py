"""Fuzzing the CSV, NPZ and IDX importers: a damaged data file either loads and trains one
step, or is refused with one DataError sentence — never another exception (issue 17).

Each kind mutates one small file made once; derandomize makes CI runs repeatable.
"""

from __future__ import annotations

import gzip
import io
import os
from pathlib import Path
from typing import Any

import numpy as np
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from core import NetworkSpec
from core.datasets import DataError, Dataset, load_csv, load_idx, load_npz
from core.training.settings import TrainingSettings
from core.training.trainer import Trainer
from tests.core.mutations import HEADER_FIELDS, flip, patch_header

#: 1000 cases per kind; FUZZ_EXAMPLES=50 makes a quick local run
FUZZ = settings(derandomize=True, max_examples=int(os.environ.get("FUZZ_EXAMPLES", "1000")),
                deadline=None,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
RNG = np.random.default_rng(17)


def _csv() -> bytes:
    rows = ["sepal,petal,width,species"]
    rows += [f"{a:.2f},{b:.2f},{c:.1f},{'setosa' if k % 2 else 'virginica'}"
             for k, (a, b, c) in enumerate(RNG.normal(size=(16, 3)))]
    return "\n".join(rows).encode() + b"\n"


def _npz() -> bytes:
    buffer = io.BytesIO()
    np.savez(buffer, X=RNG.normal(size=(16, 3)), y=np.arange(16) % 3)
    return buffer.getvalue()


def _idx(magic: int, array: np.ndarray) -> bytes:
    dims = b"".join(int(n).to_bytes(4, "big") for n in array.shape)
    return magic.to_bytes(4, "big") + dims + array.astype(np.uint8).tobytes()


BASES = {
    "csv": _csv(),
    "npz": _npz(),
    "images": _idx(0x803, RNG.integers(0, 256, size=(12, 4, 4))),
    "labels": _idx(0x801, np.arange(12) % 4),
}
BASES["csv.gz"] = gzip.compress(BASES["csv"], mtime=0)
BASES["images.gz"] = gzip.compress(BASES["images"], mtime=0)


def _train_one_step(dataset: Dataset) -> None:
    classes = dataset.task == "classification"
    spec = NetworkSpec.mlp([dataset.n_features, 4, dataset.n_outputs],
                           output_activation="softmax" if classes else "identity")
    try:
        trainer = Trainer(spec, dataset, TrainingSettings(epochs=1, batch_size=4))
    except DataError:  # e.g. too few samples left to split
        return
    trainer.step()


def _load(kind: str, blob: bytes, folder: Path) -> Dataset:
    if kind in ("csv", "csv.gz", "npz"):
        path = folder / f"fuzzed.{kind}"
        path.write_bytes(blob)
        return load_npz(path) if kind == "npz" else load_csv(path)
    images, labels = folder / "images-idx3-ubyte", folder / "labels-idx1-ubyte"
    images.write_bytes(blob if kind.startswith("images") else BASES["images"])
    labels.write_bytes(blob if kind == "labels" else BASES["labels"])
    return load_idx(images, labels)


def _check(kind: str, blob: bytes, folder: Path) -> None:
    try:
        dataset = _load(kind, blob, folder)
    except DataError:
        return
    _train_one_step(dataset)


kinds = st.sampled_from(sorted(BASES))


@FUZZ
@given(kind=kinds, flips=st.lists(st.tuples(st.integers(0, 1 << 20), st.integers(1, 255)),
                                   min_size=1, max_size=4))
def test_flipped_bytes(tmp_path_factory: Any, kind: str, flips: list[tuple[int, int]]) -> None:
    _check(kind, flip(BASES[kind], flips), tmp_path_factory.getbasetemp())


@FUZZ
@given(kind=kinds, length=st.integers(0, 1 << 16))
def test_truncated(tmp_path_factory: Any, kind: str, length: int) -> None:
    blob = BASES[kind]
    _check(kind, blob[:length % (len(blob) + 1)], tmp_path_factory.getbasetemp())


@FUZZ
@given(which=st.integers(0, 1), field=st.integers(0, len(HEADER_FIELDS) - 1),
       value=st.sampled_from((0, 1, 8, 12, 14, 63, 99, 0x20, 0x41, 2**16 - 1, 2**31,
                              2**32 - 1)) | st.integers(0, 2**32 - 1))
def test_npz_header_fields(tmp_path_factory: Any, which: int, field: int, value: int) -> None:
    """A changed size, compression method, version or flag in the .npz's zip directory."""
    _check("npz", patch_header(BASES["npz"], which, field, value),
           tmp_path_factory.getbasetemp())
