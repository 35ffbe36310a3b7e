"""The libraries an ELF file links directly (its DT_NEEDED entries), read with ``struct``.

PyInstaller asks ``ldd`` on Linux, which answers with the whole transitive closure; to find the
libraries nothing kept still needs, the bundle trimming needs each file's own list.
"""

from __future__ import annotations

import struct
from pathlib import Path

PT_LOAD, PT_DYNAMIC = 1, 2
DT_NULL, DT_NEEDED, DT_STRTAB = 0, 1, 5


def needed(path: str | Path) -> list[str]:
    """Sonames ``path`` links directly, e.g. ``["libQt6Core.so.6", "libc.so.6"]``; [] for a
    file that is not ELF or has no dynamic section."""
    data = Path(path).read_bytes()
    if data[:4] != b"\x7fELF":
        return []
    wide = data[4] == 2  # ELFCLASS64
    order = "<" if data[5] == 1 else ">"
    if wide:
        phoff, = struct.unpack_from(order + "Q", data, 0x20)
        phentsize, phnum = struct.unpack_from(order + "HH", data, 0x36)
        segment, entry = order + "IIQQQQQQ", order + "qQ"
    else:
        phoff, = struct.unpack_from(order + "I", data, 0x1C)
        phentsize, phnum = struct.unpack_from(order + "HH", data, 0x2A)
        segment, entry = order + "IIIIIIII", order + "iI"
    loads, dynamic = [], None
    for i in range(phnum):
        fields = struct.unpack_from(segment, data, phoff + i * phentsize)
        if wide:  # type, flags, offset, vaddr, paddr, filesz, memsz, align
            kind, offset, vaddr, filesz = fields[0], fields[2], fields[3], fields[5]
        else:  # type, offset, vaddr, paddr, filesz, memsz, flags, align
            kind, offset, vaddr, filesz = fields[0], fields[1], fields[2], fields[4]
        if kind == PT_LOAD:
            loads.append((vaddr, offset, filesz))
        elif kind == PT_DYNAMIC:
            dynamic = (offset, filesz)
    if dynamic is None:
        return []
    names, strtab = [], None
    size = struct.calcsize(entry)
    for at in range(dynamic[0], dynamic[0] + dynamic[1], size):
        tag, value = struct.unpack_from(entry, data, at)
        if tag == DT_NULL:
            break
        if tag == DT_NEEDED:
            names.append(value)
        elif tag == DT_STRTAB:
            strtab = value
    if strtab is None:
        return []
    base = next((strtab - vaddr + offset for vaddr, offset, filesz in loads
                 if vaddr <= strtab < vaddr + filesz), strtab)
    return [data[base + n:data.index(b"\0", base + n)].decode() for n in names]
