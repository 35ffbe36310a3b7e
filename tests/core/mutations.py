"""Ways to damage a file's bytes, shared by the fuzz tests of project files and importers."""

from __future__ import annotations

import struct

CENTRAL_HEADER = b"PK\x01\x02"
#: central-directory fields (offset, struct format) a damaged header may change: version made
#: by and needed, flags, compression, CRC, both sizes, name and extra lengths, local offset
HEADER_FIELDS = ((4, "<H"), (6, "<H"), (8, "<H"), (10, "<H"), (16, "<I"), (20, "<I"),
                 (24, "<I"), (28, "<H"), (30, "<H"), (42, "<I"))


def patch_header(blob: bytes, which: int, field: int, value: int) -> bytes:
    """The archive with a field of its ``which``-th central-directory entry set to ``value``."""
    starts = [i for i in range(len(blob)) if blob.startswith(CENTRAL_HEADER, i)]
    if not starts:
        return blob
    offset, form = HEADER_FIELDS[field % len(HEADER_FIELDS)]
    at = starts[which % len(starts)] + offset
    size = struct.calcsize(form)
    return blob[:at] + struct.pack(form, value % (1 << (8 * size))) + blob[at + size:]


def flip(blob: bytes, flips: list[tuple[int, int]]) -> bytes:
    data = bytearray(blob)
    for index, mask in flips:
        if data:
            data[index % len(data)] ^= mask
    return bytes(data)
