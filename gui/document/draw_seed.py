"""Where the weights drawn by hand come from: the generator the document draws a new
connection's or node's first weights with.

It starts from the training settings' seed, so the same network built the same way from New
starts from the same weights and gives the same run (an unseeded generator gave another run
each time, the Training dock showing seed 0 all the while). It starts again at New, Open and
when the seed is changed, each time mixed with what the network already holds: a generator
started again from the seed alone would repeat the draws that made the weights already there,
and a node added after reopening a project (or after changing the seed and back) got exactly
the weights of its twin — two identical units that stay identical through training, the
symmetry the book warns of. What the network holds is known by each array's name and first
values (cheap on a 4-million-weight network, and a different start for any other weights).
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping

import numpy as np

#: values of each array that tell the network's weights apart
SAMPLE = 64


def hand_drawn_generator(seed: int, arrays: Mapping[str, np.ndarray]) -> np.random.Generator:
    """The generator for ``seed`` when the network holds ``arrays`` (by name)."""
    digest = hashlib.blake2b(digest_size=8)
    for name in sorted(arrays):
        digest.update(name.encode())
        digest.update(np.ascontiguousarray(np.ravel(arrays[name])[:SAMPLE], np.float64).tobytes())
    return np.random.default_rng([seed, int.from_bytes(digest.digest(), "little")])
