"""``netcanvas --version``: the installed package's version (:mod:`gui.package_info`), which a
teacher asks for before anything else. Read only when asked: looking the metadata up costs
every other command its time."""

from __future__ import annotations

import argparse
from collections.abc import Sequence
from typing import Any

from core.i18n import _
from gui.package_info import package_info


def version_line() -> str:
    """``netcanvas 0.1.0``, or what a checkout that was never installed says."""
    version, _licence = package_info()
    if version is None:
        return _("netcanvas: version unknown (NetCanvas is not installed as a package)")
    return f"netcanvas {version}"


class VersionAction(argparse.Action):
    """argparse's ``version`` action, with the version looked up when the option is given."""

    def __init__(self, option_strings: Sequence[str], dest: str, **kwargs: Any) -> None:
        super().__init__(option_strings, dest, nargs=0, default=argparse.SUPPRESS,
                         help=_("print NetCanvas's version and exit"))

    def __call__(self, parser: argparse.ArgumentParser, namespace: argparse.Namespace,
                 values: object, option_string: str | None = None) -> None:
        print(version_line())
        parser.exit()
