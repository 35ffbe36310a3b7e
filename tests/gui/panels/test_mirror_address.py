"""NETCANVAS_DATA_MIRROR set to something that is no web address (ftp://…, a space, a port out
of range): the download said "the mirror … did not answer" with a library's English — "No
connection adapters were found for …", "Failed to parse: …" — though nothing was ever asked
of any server. It is said as a slip in the setting now, before any connection."""

import pytest

from core.datasets.remote import MIRROR_ENV
from gui import cli
from tests.core.datasets import idx_server
from tests.gui.downloads import choose
from tests.gui.panels.test_download_dialog import TIMEOUT_MS, nothing_in

env = idx_server.env  # the fixture: an empty cache folder and the test-only checksum table
ADVICE = ("give a base address beginning with http:// or https://, such as "
          "https://example.org/mnist/, or unset it to use the public mirrors")


@pytest.mark.parametrize("url", ["ftp://example.org/mnist/", "http://our server/mnist/",
                                 "http://127.0.0.1:99999/mnist/", "example.org/mnist"])
def test_a_mirror_that_is_no_web_address_is_said_as_such_in_the_window(
        env, qtbot, window, monkeypatch, url):
    cache, _ = env
    before = window.doc.data
    monkeypatch.setenv(MIRROR_ENV, url)
    choose(window, "mnist")
    dialog = window.data_picker.download_dialog
    qtbot.waitUntil(lambda: dialog.error != "", timeout=TIMEOUT_MS)
    assert f"NETCANVAS_DATA_MIRROR is not a web address: “{url}” — {ADVICE}" in dialog.error
    assert "did not answer" not in dialog.error and "adapter" not in dialog.error
    assert nothing_in(cache) and window.doc.data is before


def test_a_mirror_that_is_no_web_address_is_one_line_on_the_command_line(env, monkeypatch,
                                                                         capsys):
    monkeypatch.setenv(MIRROR_ENV, "ftp://example.org/mnist/")
    assert cli.main(["data", "fetch", "mnist"]) == 2
    assert capsys.readouterr().err == (
        "netcanvas: error: NETCANVAS_DATA_MIRROR is not a web address: "
        f"“ftp://example.org/mnist/” — {ADVICE}.\n")
