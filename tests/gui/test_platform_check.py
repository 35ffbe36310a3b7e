"""Issue 17: on an X11 desktop without libxcb-cursor0 & co., `netcanvas` names the packages
to install and exits 1 instead of letting Qt abort with a core dump."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from gui import app, platform_check
from gui.platform_check import XCB_LIBRARIES, missing_xcb_libraries, no_display, uses_xcb

ROOT = Path(__file__).resolve().parents[2]
NO_DISPLAY = ("netcanvas: the window cannot open: there is no display here (DISPLAY and "
              "WAYLAND_DISPLAY are not set); start NetCanvas from a desktop session, or set "
              "QT_QPA_PLATFORM=offscreen to run it in a script. The command-line tools "
              "(netcanvas train, check, explain, export, data, …) work without a display: see "
              "netcanvas --help.\n")

X11 = {"DISPLAY": ":0"}
ALL = {soname for soname, _apt, _dnf in XCB_LIBRARIES}


@pytest.mark.parametrize(("argv", "environ", "platform", "expected"), [
    ([], X11, "linux", True),
    ([], {**X11, "QT_QPA_PLATFORM": "xcb"}, "linux", True),
    ([], {**X11, "QT_QPA_PLATFORM": "xcb;wayland"}, "linux", True),
    ([], {**X11, "QT_QPA_PLATFORM": "offscreen"}, "linux", False),
    (["-platform", "offscreen"], X11, "linux", False),
    (["-platform", "xcb"], {**X11, "QT_QPA_PLATFORM": "offscreen"}, "linux", True),
    ([], {**X11, "WAYLAND_DISPLAY": "wayland-0"}, "linux", False),
    ([], {**X11, "WAYLAND_DISPLAY": "wayland-0", "QT_QPA_PLATFORM": "xcb"}, "linux", True),
    ([], {}, "linux", False),  # no display: no_display says so, before any library is looked for
    ([], X11, "darwin", False),
    ([], X11, "win32", False),
])
def test_checked_only_when_qt_will_use_xcb(argv, environ, platform, expected) -> None:
    assert uses_xcb(argv, environ, platform) is expected


def test_missing_libraries_name_the_packages_and_exit_1(monkeypatch, capsys) -> None:
    monkeypatch.setenv("DISPLAY", ":0")
    monkeypatch.delenv("QT_QPA_PLATFORM", raising=False)
    monkeypatch.delenv("WAYLAND_DISPLAY", raising=False)
    monkeypatch.setattr(platform_check.sys, "platform", "linux")
    monkeypatch.setattr(platform_check, "loadable", lambda soname: "cursor" not in soname)
    created = []
    monkeypatch.setattr(app, "application", lambda: created.append(1))
    assert app.main([]) == 1
    assert created == []  # refused before any QApplication
    err = capsys.readouterr().err
    assert "libxcb-cursor.so.0" in err and "libxcb-icccm" not in err
    assert "sudo apt install libxcb-cursor0\n" in err
    assert "sudo dnf install xcb-util-cursor\n" in err


def test_every_package_is_named_when_all_are_missing() -> None:
    missing = missing_xcb_libraries([], X11, "linux", found=lambda soname: False)
    text = platform_check.explain(missing)
    assert "apt install libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1" in text
    assert "dnf install xcb-util-cursor xcb-util-wm xcb-util-keysyms" in text


def test_present_libraries_say_nothing(capsys) -> None:
    assert missing_xcb_libraries([], X11, "linux", found=lambda soname: soname in ALL) == []
    assert capsys.readouterr().err == ""


def test_offscreen_is_not_checked() -> None:
    looked = []
    environ = {**X11, "QT_QPA_PLATFORM": "offscreen"}
    assert missing_xcb_libraries([], environ, "linux", found=looked.append) == []
    assert looked == []


def test_a_frozen_bundle_counts_its_own_copies(monkeypatch, tmp_path) -> None:
    (tmp_path / "libxcb-cursor.so.0").write_bytes(b"")
    monkeypatch.setattr(platform_check.sys, "_MEIPASS", str(tmp_path), raising=False)
    assert platform_check.loadable("libxcb-cursor.so.0")
    assert not platform_check.loadable("libnetcanvas-no-such-library.so.0")


@pytest.mark.parametrize(("argv", "environ", "platform", "expected"), [
    ([], {}, "linux", True),
    ([], {"QT_QPA_PLATFORM": "xcb"}, "linux", True),
    (["-platform", "xcb"], {}, "linux", True),
    ([], {"QT_QPA_PLATFORM": "offscreen"}, "linux", False),
    (["-platform", "offscreen"], {}, "linux", False),
    ([], {"QT_QPA_PLATFORM": "wayland"}, "linux", False),  # Qt finds its default socket
    ([], X11, "linux", False),
    ([], {"WAYLAND_DISPLAY": "wayland-0"}, "linux", False),
    ([], {"WAYLAND_DISPLAY": "wayland-0", "QT_QPA_PLATFORM": "xcb"}, "linux", True),
    ([], {}, "darwin", False),
    ([], {}, "win32", False),
])
def test_no_display_when_qt_would_have_none(argv, environ, platform, expected) -> None:
    assert no_display(argv, environ, platform) is expected


def test_no_display_is_one_line_and_exit_1_before_any_qapplication(monkeypatch, capsys):
    for name in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setattr(platform_check.sys, "platform", "linux")
    looked, created = [], []
    monkeypatch.setattr(platform_check, "loadable", looked.append)
    monkeypatch.setattr(app, "application", lambda: created.append(1))
    assert app.main(["--example", "xor_learned"]) == 1
    assert (created, looked) == ([], [])
    assert capsys.readouterr().err == NO_DISPLAY


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="a display is a Linux matter")
def test_netcanvas_without_a_display_exits_1_instead_of_dumping_core() -> None:
    """Over ssh or in a container `netcanvas` aborted in Qt ("could not load the Qt platform
    plugin xcb", exit 134) while --help promises exit 1 when the window cannot start. The
    test suite's own QT_QPA_PLATFORM=offscreen is taken out of the child's environment."""
    environ = {k: v for k, v in os.environ.items()
               if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    environ.update({"NETCANVAS_LANG": "en", "PYTHONPATH": str(ROOT)})
    result = subprocess.run([sys.executable, "-m", "gui.cli"], cwd=ROOT, env=environ,
                            capture_output=True, text=True, timeout=120)
    assert (result.returncode, result.stdout, result.stderr) == (1, "", NO_DISPLAY)
    environ["NETCANVAS_LANG"] = "ko"
    result = subprocess.run([sys.executable, "-m", "gui.cli"], cwd=ROOT, env=environ,
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 1 and result.stderr.count("\n") == 1
    assert result.stderr.startswith(
        "netcanvas: 창을 열 수 없습니다: 여기에는 디스플레이가 없습니다")


def test_no_display_in_korean_names_the_command_line_tools(monkeypatch, capsys, korean):
    """A student on a remote machine was told only to find a desktop: not that train, check,
    explain, export and data work there as they are."""
    for name in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setattr(platform_check.sys, "platform", "linux")
    assert platform_check.check_xcb([]) == 1
    assert capsys.readouterr().err.endswith(
        "명령줄 도구(netcanvas train, check, explain, export, data, …)는 디스플레이 없이도 "
        "동작합니다: netcanvas --help를 보세요.\n")
