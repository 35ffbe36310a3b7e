"""Issue 17: on an X11 desktop without libxcb-cursor0 & co., `netcanvas` names the packages
to install and exits 1 instead of letting Qt abort with a core dump."""

from __future__ import annotations

import pytest

from gui import app, platform_check
from gui.platform_check import XCB_LIBRARIES, missing_xcb_libraries, uses_xcb

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
    ([], {}, "linux", False),  # no display: Qt says so itself
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
