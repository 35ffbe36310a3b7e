"""Ready-made example projects (``*.netcanvas``), made by ``make_examples.py``.

Found through :mod:`importlib.resources`, so they open from a source checkout, an installed
wheel or a frozen app alike.
"""

from __future__ import annotations

from importlib.resources import as_file, files
from pathlib import Path

from core.project import SUFFIX


def example_names() -> list[str]:
    """Names of the bundled examples, e.g. ``"xor_by_hand"``, sorted."""
    return sorted(entry.name.removesuffix(SUFFIX) for entry in files(__name__).iterdir()
                  if entry.name.endswith(SUFFIX))


def example_path(name: str) -> Path:
    """The file of example ``name``; KeyError listing the names when there is none."""
    if name not in example_names():
        raise KeyError(f"there is no example called {name!r}; choose one of "
                       f"{', '.join(example_names())}")
    with as_file(files(__name__) / f"{name}{SUFFIX}") as path:
        return Path(path)
