"""Before the window opens on Linux: is there a display, and are the xcb helper libraries Qt
needs there?

Without a display (no DISPLAY nor WAYLAND_DISPLAY, as over ssh or in a container) Qt prints
"could not load the Qt platform plugin xcb" and aborts with a core dump (exit 134), though
``netcanvas --help`` promises exit 1 when the window cannot start: :func:`no_display` sees it
first and the window's start says so in one line.

Qt's xcb platform plugin links libxcb-cursor, libxcb-icccm and libxcb-keysyms, which many
desktops do not install. Without them Qt prints "could not load the Qt platform plugin xcb"
and aborts with a core dump — no word on what to install. This check runs before the
QApplication exists and names the packages instead (issue 17).

Checked only when Qt will use xcb: on Linux, with a display, and the platform not chosen
otherwise (``QT_QPA_PLATFORM``/``-platform`` unset or ``xcb``; a Wayland session is left to Qt's
Wayland plugin). The frozen bundle ships these libraries when its build machine had them
(see packaging/bundle_contents.py), so in a frozen app a copy in the bundle's own folder
(``sys._MEIPASS``) counts as present, and the system's copy otherwise.
"""

from __future__ import annotations

import ctypes
import os
import sys
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path

from core.i18n import _

#: (library the xcb plugin links, Debian/Ubuntu package, Fedora/RHEL package)
XCB_LIBRARIES = (
    ("libxcb-cursor.so.0", "libxcb-cursor0", "xcb-util-cursor"),
    ("libxcb-icccm.so.4", "libxcb-icccm4", "xcb-util-wm"),
    ("libxcb-keysyms.so.1", "libxcb-keysyms1", "xcb-util-keysyms"),
)


def requested_platform(argv: Sequence[str], environ: Mapping[str, str]) -> str:
    """The platform plugin Qt will try first: ``-platform`` wins over QT_QPA_PLATFORM; "" when
    neither names one. Options after the name (``xcb:foo``) and fallbacks (``a;b``) are cut."""
    name = environ.get("QT_QPA_PLATFORM", "")
    for option in ("-platform", "--platform"):
        if option in argv[:-1]:
            name = argv[list(argv).index(option) + 1]
    return name.split(";")[0].split(":")[0].strip()


def no_display(argv: Sequence[str], environ: Mapping[str, str], platform: str) -> bool:
    """Whether Qt would find no display to open the window on: on Linux, with neither DISPLAY
    nor WAYLAND_DISPLAY and no platform chosen (or xcb chosen and no DISPLAY). A platform
    chosen otherwise (``offscreen``, ``wayland``, ``vnc``…) is Qt's to judge."""
    if not platform.startswith("linux"):
        return False
    name = requested_platform(argv, environ)
    if name == "xcb":
        return not environ.get("DISPLAY")
    return not name and not environ.get("DISPLAY") and not environ.get("WAYLAND_DISPLAY")


def uses_xcb(argv: Sequence[str], environ: Mapping[str, str], platform: str) -> bool:
    """Whether Qt will load its xcb plugin here (on a Wayland session it picks Wayland)."""
    if not platform.startswith("linux") or not environ.get("DISPLAY"):
        return False
    name = requested_platform(argv, environ)
    if name:
        return name == "xcb"
    return not environ.get("WAYLAND_DISPLAY")


def loadable(soname: str) -> bool:
    """Whether the dynamic loader finds ``soname`` (in a frozen app: or the bundle has it)."""
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle is not None and (Path(bundle) / soname).exists():
        return True
    try:
        ctypes.CDLL(soname)
    except OSError:
        return False
    return True


def missing_xcb_libraries(argv: Sequence[str] = (), environ: Mapping[str, str] | None = None,
                          platform: str | None = None,
                          found: Callable[[str], bool] | None = None,
                          ) -> list[tuple[str, str, str]]:
    """The rows of XCB_LIBRARIES that cannot be loaded, when Qt will use xcb; else []."""
    environ = os.environ if environ is None else environ
    if not uses_xcb(argv, environ, sys.platform if platform is None else platform):
        return []
    found = found or loadable
    return [row for row in XCB_LIBRARIES if not found(row[0])]


def explain(missing: list[tuple[str, str, str]]) -> str:
    """What to install, in words a student can paste into a terminal."""
    names = ", ".join(soname for soname, _apt, _dnf in missing)
    apt = " ".join(apt for _soname, apt, _dnf in missing)
    dnf = " ".join(dnf for _soname, _apt, dnf in missing)
    # Printed before Qt starts, so gettext (core.i18n) says it, not a Qt translator.
    return _("netcanvas: the window cannot open: Qt's X11 (xcb) platform needs {names}, which "
             "this computer does not have. Install them, then start NetCanvas again:\n"
             "  Debian, Ubuntu, Mint:  sudo apt install {apt}\n"
             "  Fedora, RHEL:          sudo dnf install {dnf}\n"
             "The command-line tools (netcanvas train, export, data, …) work without them."
             ).format(names=names, apt=apt, dnf=dnf)


def check_xcb(argv: Sequence[str]) -> int | None:
    """1 after printing why the window cannot open here — no display to open it on, or the
    xcb libraries are missing (then what to install); None when it can (or the check does not
    apply). Runs before the QApplication exists."""
    if no_display(argv, os.environ, sys.platform):
        # a student on a remote machine: say what works there, not only what does not
        print(_("netcanvas: the window cannot open: there is no display here (DISPLAY and "
                "WAYLAND_DISPLAY are not set); start NetCanvas from a desktop session, or set "
                "QT_QPA_PLATFORM=offscreen to run it in a script. The command-line tools "
                "(netcanvas train, check, explain, export, data, …) work without a display: "
                "see netcanvas --help."), file=sys.stderr)
        return 1
    missing = missing_xcb_libraries(argv)
    if not missing:
        return None
    print(explain(missing), file=sys.stderr)
    return 1
