"""An MNIST-shaped stand-in for benchmarks when the real MNIST is not in the cache folder.

60,000 images of 28×28 unsigned bytes in 10 classes, from a fixed seed: each class is a
seven-segment digit drawn with soft strokes, then shifted, made fainter or bolder and
speckled per image, so a 784-100-10 network has something to learn (it is easier than MNIST,
so only the timings, not the accuracies, compare). Written as MNIST's own IDX files, so the
benchmark imports it as a reader would import the real ones.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np

SIDE = 28
CLASSES = 10
# The seven segments (a-g) as (row from, row to, column from, column to) on the 28×28 grid.
SEGMENTS = {"a": (5, 7, 9, 19), "b": (5, 14, 17, 19), "c": (13, 23, 17, 19),
            "d": (21, 23, 9, 19), "e": (13, 23, 9, 11), "f": (5, 14, 9, 11),
            "g": (13, 15, 9, 19)}
DIGITS = ("abcdef", "bc", "abdeg", "abcdg", "bcfg", "acdfg", "acdefg", "abc", "abcdefg",
          "abcdfg")
MAX_SHIFT = 3


def templates() -> np.ndarray:
    """The ten digits as soft-edged float images in [0, 1] (10 × 28 × 28)."""
    images = np.zeros((CLASSES, SIDE, SIDE))
    for digit, segments in enumerate(DIGITS):
        for name in segments:
            r0, r1, c0, c1 = SEGMENTS[name]
            images[digit, r0:r1, c0:c1] = 1.0
    for _ in range(2):  # a 3×3 box blur, twice: strokes with soft edges like pen on paper
        padded = np.pad(images, ((0, 0), (1, 1), (1, 1)))
        images = sum(padded[:, r:r + SIDE, c:c + SIDE] for r in range(3) for c in range(3)) / 9
    return images / images.max()


def generate(n: int = 60_000, seed: int = 0) -> tuple[np.ndarray, np.ndarray]:
    """``n`` images (n × 28 × 28 uint8) and their labels (n, uint8), the same for one seed."""
    rng = np.random.default_rng(seed)
    labels = rng.integers(0, CLASSES, n).astype(np.uint8)
    steps = range(-MAX_SHIFT, MAX_SHIFT + 1)
    shifted = np.stack([np.roll(templates(), (dr, dc), axis=(1, 2))
                        for dr in steps for dc in steps], axis=1).astype(np.float32) * 255
    shift = rng.integers(0, shifted.shape[1], n)
    ink = rng.uniform(0.6, 1.4, n).astype(np.float32)
    images = np.empty((n, SIDE, SIDE), np.uint8)
    for start in range(0, n, 10_000):  # in blocks: a few MB of float work at a time
        part = slice(start, min(start + 10_000, n))
        block = shifted[labels[part], shift[part]] * ink[part, None, None]
        block += rng.normal(0, 25, block.shape).astype(np.float32)
        images[part] = np.clip(block, 0, 255)
    return images, labels


def write_idx(folder: Path, images: np.ndarray, labels: np.ndarray,
              prefix: str = "train") -> Path:
    """Write MNIST's two uncompressed IDX files into ``folder``; returns the images file."""
    folder.mkdir(parents=True, exist_ok=True)
    images_path = folder / f"{prefix}-images-idx3-ubyte"
    n, rows, cols = images.shape
    with images_path.open("wb") as handle:
        handle.write((0x803).to_bytes(4, "big"))
        for size in (n, rows, cols):
            handle.write(size.to_bytes(4, "big"))
        handle.write(np.ascontiguousarray(images, np.uint8).tobytes())
    with (folder / f"{prefix}-labels-idx1-ubyte").open("wb") as handle:
        handle.write((0x801).to_bytes(4, "big") + n.to_bytes(4, "big"))
        handle.write(np.ascontiguousarray(labels, np.uint8).tobytes())
    return images_path
