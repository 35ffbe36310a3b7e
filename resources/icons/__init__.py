"""The app icon: ``netcanvas.svg`` (the source), ``.png`` (windows, the ``.desktop`` file) and
``.ico`` (Windows executables), rendered from the SVG by ``make_icons.py``."""

from __future__ import annotations

from importlib.resources import as_file, files
from pathlib import Path

ICON_FILES = ("netcanvas.svg", "netcanvas.png", "netcanvas.ico")


def icon_path(suffix: str = "png") -> Path:
    """The app icon file with this suffix (``svg``, ``png`` or ``ico``)."""
    name = f"netcanvas.{suffix}"
    if name not in ICON_FILES:
        raise KeyError(f"there is no {suffix!r} icon; choose one of {', '.join(ICON_FILES)}")
    with as_file(files(__name__) / name) as path:
        return Path(path)
