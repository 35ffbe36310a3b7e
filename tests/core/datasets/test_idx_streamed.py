"""IDX files are unzipped straight into their array, a chunk at a time: neither the packed file
nor its unzipped bytes are held whole, and MNIST's training and test images go into the one
array the data set keeps (reading MNIST held the packed file, the unzipped bytes and the
array they were joined into: 110 MB for a moment, for a data set of 55 MB). The
checks and their words are those of reading a whole file."""

from __future__ import annotations

import gzip
import struct
from contextlib import contextmanager

import numpy as np
import pytest

from core.datasets import DataError, files, idx_import, load_idx, split
from core.datasets.mnist import load_mnist
from core.datasets.remote import IDX_FILES, cache_folder
from tests.core.datasets import idx_server
from tests.core.datasets.idx_server import N_TEST, N_TRAIN, SIDE

env = idx_server.env  # the cache folder and the test-only checksums (a fixture)
CHUNK = 1000  # bytes read at a time here: a 28×28 image is 784


class Recorded:
    """A file being read, with how many bytes each read asked for."""

    def __init__(self, stream, asked: list[int]) -> None:
        self._stream, self._asked = stream, asked

    def read(self, size: int = -1) -> bytes:
        self._asked.append(size)
        return self._stream.read(size)

    def readinto(self, buffer) -> int:
        self._asked.append(len(buffer))
        return self._stream.readinto(buffer)


@pytest.fixture
def asked(monkeypatch) -> list[int]:
    """The size of every read from an opened data file (``files.unpacked``)."""
    sizes: list[int] = []
    opened = files.unpacked

    @contextmanager
    def recorded(path):
        with opened(path) as stream:
            yield Recorded(stream, sizes)

    monkeypatch.setattr(files, "unpacked", recorded)
    monkeypatch.setattr(idx_import, "CHUNK_BYTES", CHUNK)
    return sizes


def cached(served: dict[str, bytes]) -> None:
    """The generated set in the cache folder, as a download leaves it."""
    folder = cache_folder("mnist")
    folder.mkdir(parents=True)
    for name, data in served.items():
        (folder / name).write_bytes(data)


def images(data: bytes) -> np.ndarray:
    return np.frombuffer(gzip.decompress(data), np.uint8, offset=16).reshape(-1, SIDE * SIDE)


def test_mnist_is_unzipped_a_chunk_at_a_time_into_the_data_sets_array(env, asked):
    _, served = env
    cached(served)
    data = load_mnist("mnist")
    expected = np.vstack([images(served[IDX_FILES["train_images"]]),
                          images(served[IDX_FILES["test_images"]])])
    np.testing.assert_array_equal(data.x, expected)
    assert data.x.shape == (N_TRAIN + N_TEST, SIDE * SIDE) and data.fixed_test == N_TEST
    assert asked and max(asked) <= CHUNK  # never a file's bytes at once
    assert sum(asked) >= expected.size


def test_the_test_part_is_the_data_sets_own_rows_not_a_copy(env):
    _, served = env
    cached(served)
    data = load_mnist("mnist")
    test = split(data, (0.8, 0.2, 0.0), seed=0)[2]
    assert np.shares_memory(test.x, data.x) and np.array_equal(test.x, data.x[N_TRAIN:])


def idx(values: np.ndarray, magic: int = 0x803) -> bytes:
    return struct.pack(f">I{values.ndim}I", magic, *values.shape) + values.tobytes()


IMAGES = np.arange(5 * 3 * 4, dtype=np.uint8).reshape(5, 3, 4)
LABELS = np.array([0, 1, 0, 1, 1], np.uint8)


@pytest.mark.parametrize("pack", [lambda b: b, gzip.compress])
def test_a_file_read_in_chunks_reads_as_a_whole_one(tmp_path, monkeypatch, pack):
    monkeypatch.setattr(idx_import, "CHUNK_BYTES", 7)  # chunks that end mid-image
    (tmp_path / "i").write_bytes(pack(idx(IMAGES)))
    (tmp_path / "l").write_bytes(pack(idx(LABELS, 0x801)))
    np.testing.assert_array_equal(load_idx(tmp_path / "i", tmp_path / "l").x,
                                  IMAGES.reshape(5, 12))
    (tmp_path / "cut").write_bytes(pack(idx(IMAGES)[:-9]))
    with pytest.raises(DataError, match=r"truncated: its header promises 5 × 3 × 4 values "
                                        r"\(76 bytes\) but the file has 67 bytes"):
        load_idx(tmp_path / "cut", tmp_path / "l")
    (tmp_path / "long").write_bytes(pack(idx(IMAGES) + bytes(20)))
    with pytest.raises(DataError, match=r"longer than its header says: .* but the file has 96"):
        load_idx(tmp_path / "long", tmp_path / "l")


def test_a_header_promising_more_than_the_limit_makes_no_such_array(tmp_path, monkeypatch,
                                                                    asked):
    """The words of reading the file whole, without reading it whole: a damaged header's
    promise is checked against what the file holds, read a chunk at a time."""
    monkeypatch.setattr(files, "MAX_FILE_BYTES", 10_000)
    (tmp_path / "l").write_bytes(idx(LABELS, 0x801))
    lying = struct.pack(">IIII", 0x803, 1000, 1000, 1000) + IMAGES.tobytes()
    (tmp_path / "lying").write_bytes(gzip.compress(lying))
    with pytest.raises(DataError, match=r"truncated: its header promises 1000 × 1000 × 1000 "
                                        r"values \(1,000,000,016 bytes\) but the file has 76"):
        load_idx(tmp_path / "lying", tmp_path / "l")
    (tmp_path / "bomb").write_bytes(gzip.compress(lying + bytes(20_000)))
    with pytest.raises(DataError, match="unpacked, the file is more than"):
        load_idx(tmp_path / "bomb", tmp_path / "l")
    (tmp_path / "broken").write_bytes(gzip.compress(idx(IMAGES))[:-12])
    with pytest.raises(DataError, match="the gzip-compressed file is damaged or incomplete"):
        load_idx(tmp_path / "broken", tmp_path / "l")
    assert asked and max(asked) <= CHUNK
