"""The installed package's version and licence, from the metadata pip writes from
pyproject.toml (and the desktop bundle carries: packaging/bundle_contents.py). No Qt here: the
self-test reads it before the application exists."""

from __future__ import annotations

from importlib import metadata

DISTRIBUTION = "netcanvas"  # i18n: not ui (the name in pyproject.toml)


def package_info() -> tuple[str | None, str | None]:
    """(version, licence) of the installed package; None for what its metadata lacks (a
    checkout that was never installed)."""
    try:
        meta = metadata.metadata(DISTRIBUTION)
    except metadata.PackageNotFoundError:
        return None, None
    licence = meta.get("License-Expression") or meta.get("License")
    return meta.get("Version"), licence
