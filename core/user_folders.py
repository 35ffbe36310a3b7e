"""Where NetCanvas keeps what it remembers for a user between runs (no Qt here).

One folder, the user's data folder for NetCanvas (platformdirs': ``~/.local/share/netcanvas``
on Linux, ``%LOCALAPPDATA%\\netcanvas`` on Windows, ``~/Library/Application Support/netcanvas``
on macOS), or ``$NETCANVAS_DATA_DIR`` when set (tests, portable installs). It holds the
recovery copies of unsaved work (``recovery/``) and the interface language chosen in the window
(``language``), which the command line reads too. Downloaded data sets live in the cache folder
instead (:mod:`core.datasets.remote`): they can be fetched again.
"""

from __future__ import annotations

import os
from pathlib import Path

DATA_ENV = "NETCANVAS_DATA_DIR"


def data_dir() -> Path:
    """``$NETCANVAS_DATA_DIR``, else the user's data folder for NetCanvas (not created)."""
    override = os.environ.get(DATA_ENV)
    if override:
        return Path(override).expanduser()
    from platformdirs import user_data_dir

    return Path(user_data_dir("netcanvas"))
