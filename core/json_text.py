"""JSON text exactly as ``json.dumps(value, indent=1, ensure_ascii=False, allow_nan=False)``
writes it, several times faster.

With ``indent`` set, the standard library encodes in pure Python, element by element: the
``project.json`` of a trained MNIST project (three runs, each with its batch losses) took
40 ms, holding the GIL all along in the thread that saves in the background — and every Qt
call of the GUI thread meanwhile waited for the GIL, up to 5 ms each time (Python's switch
interval), so the window stalled while a save was being written. Here the containers are still
walked in Python, but each list of plain numbers (the long ones: losses, accuracies) is encoded
by the C encoder in one call and only split into lines.

The text is the same, byte for byte (``tests/core/test_json_text.py`` compares them on the
bundled projects and on edge cases), so files saved before and after are identical. Anything
this does not know how to write (keys that are not strings, objects JSON cannot hold, NaN) goes
to :func:`json.dumps` itself, which writes it or raises its own error.
"""

from __future__ import annotations

import json
from typing import Any

_COMPACT = json.JSONEncoder(ensure_ascii=False, allow_nan=False, separators=(",", ":"))
CHUNK = 1024  # numbers encoded per call
_PLAIN = frozenset({float, int, bool, type(None)})  # written without quotes or commas


class _UnusualError(Exception):
    """Something json.dumps should write (or refuse) itself."""


def dumps(value: Any) -> str:
    """``json.dumps(value, indent=1, ensure_ascii=False, allow_nan=False)``, the same text."""
    parts: list[str] = []
    try:
        _encode(value, 0, parts)
    except (_UnusualError, TypeError, ValueError):
        return json.dumps(value, indent=1, ensure_ascii=False, allow_nan=False)
    return "".join(parts)


def _encode(value: Any, level: int, parts: list[str]) -> None:
    if isinstance(value, dict):
        if not value:
            parts.append("{}")
            return
        inner = "\n" + " " * (level + 1)
        separator = "{" + inner
        for key, item in value.items():
            if not isinstance(key, str):
                raise _UnusualError
            parts.append(separator)
            parts.append(_COMPACT.encode(key))
            parts.append(": ")
            _encode(item, level + 1, parts)
            separator = "," + inner
        parts.append("\n" + " " * level + "}")
    elif isinstance(value, (list, tuple)):
        if not value:
            parts.append("[]")
            return
        inner = "\n" + " " * (level + 1)
        if all(type(item) in _PLAIN for item in value):
            parts.append("[" + inner + ("," + inner).join(_plain_items(value)))
        else:
            separator = "[" + inner
            for item in value:
                parts.append(separator)
                _encode(item, level + 1, parts)
                separator = "," + inner
        parts.append("\n" + " " * level + "]")
    else:
        parts.append(_COMPACT.encode(value))  # strings, numbers, true/false/null


def _plain_items(values: list[Any] | tuple[Any, ...]) -> list[str]:
    """The JSON of each number (or true/false/null) of ``values``, encoded :data:`CHUNK` at a
    time: one C call holds the GIL throughout (about 1 µs a number), so a 20,000-point loss
    curve in one call would stall the GUI thread for 20 ms at once."""
    items: list[str] = []
    for start in range(0, len(values), CHUNK):
        compact = _COMPACT.encode(values[start:start + CHUNK])  # "[1.5,2,true,null]"
        items.extend(compact[1:-1].split(","))  # no item holds a comma
    return items
