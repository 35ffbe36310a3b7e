"""``netcanvas data list`` and ``netcanvas data fetch``: against a local server only, exit
code 2 with one line saying what went wrong, and nothing left in the cache after a failure."""

from __future__ import annotations

import os
import re
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

from core.datasets.remote import MIRROR_ENV
from gui import cli
from tests.core.datasets import idx_server
from tests.core.datasets.idx_server import make_files, serve, tls_context

ROOT = Path(__file__).resolve().parents[1]
env = idx_server.env  # the fixture: an empty cache folder and the test-only checksum table


def run(argv, capsys):
    code = cli.main(argv)
    out, err = capsys.readouterr()
    return code, out, err


def refusal(code, out, err) -> str:
    assert code == 2 and out == ""
    line = err.strip().splitlines()[-1]
    assert line.startswith("netcanvas: error: ")
    return line


def nothing_in(folder) -> bool:
    return not folder.exists() or not any(folder.rglob("*"))


def test_fetch_prints_the_cache_path_and_list_shows_sizes(env, monkeypatch, capsys):
    cache, files = env
    code, out, _ = run(["data", "list"], capsys)
    assert code == 0 and "mnist" in out and "fashion-mnist" in out and "not cached" in out
    with serve(files) as (url, _):
        monkeypatch.setenv(MIRROR_ENV, url)
        code, out, err = run(["data", "fetch", "mnist"], capsys)
    assert code == 0 and out.strip() == str(cache / "mnist")
    assert "downloading train-images-idx3-ubyte.gz (1/4)" in err  # piped: a line per file
    code, out, _ = run(["data", "list"], capsys)
    size = sum(len(d) for d in files.values()) / 2**20
    assert code == 0 and f"cached, {size:.1f} MB in {cache / 'mnist'}" in out
    code, out, _ = run(["data", "fetch", "mnist", "--quiet"], capsys)  # already there
    assert code == 0 and out.strip() == str(cache / "mnist")


def test_a_wrong_checksum_exits_2_and_keeps_nothing(env, monkeypatch, capsys):
    cache, _ = env
    with serve(make_files(seed=5)) as (url, _):
        monkeypatch.setenv(MIRROR_ENV, url)
        line = refusal(*run(["data", "fetch", "fashion-mnist"], capsys))
    assert "checksum" in line and nothing_in(cache)


def test_a_cut_connection_exits_2_and_keeps_nothing(env, monkeypatch, capsys):
    cache, files = env
    with serve(files, cut={"train-images-idx3-ubyte.gz"}) as (url, _):
        monkeypatch.setenv(MIRROR_ENV, url)
        line = refusal(*run(["data", "fetch", "mnist", "--quiet"], capsys))
    assert "cut off" in line and nothing_in(cache)


def test_404_and_offline_say_which_and_name_the_cache_folder(env, monkeypatch, capsys):
    cache, _ = env
    with serve({}) as (url, _):
        monkeypatch.setenv(MIRROR_ENV, url)
        line = refusal(*run(["data", "fetch", "mnist"], capsys))
    assert "404" in line and str(cache / "mnist") in line and nothing_in(cache)
    line = refusal(*run(["data", "fetch", "mnist"], capsys))  # nothing listens there now
    assert "seems to be offline" not in line and str(cache / "mnist") in line and nothing_in(cache)
    assert f"the mirror {url} (set by NETCANVAS_DATA_MIRROR) did not answer" in line
    assert "train-images-idx3-ubyte.gz, train-labels-idx1-ubyte.gz, t10k-images-idx3-ubyte.gz, "\
        "t10k-labels-idx1-ubyte.gz" in line


def test_a_computer_without_a_network_is_said_to_be_offline(env, monkeypatch, capsys):
    cache, _ = env

    def no_names(*_args, **_kwargs):  # nothing can be looked up: the public mirrors neither
        raise socket.gaierror(-2, "Name or service not known")

    monkeypatch.setattr(socket, "getaddrinfo", no_names)
    line = refusal(*run(["data", "fetch", "mnist"], capsys))
    assert "this computer seems to be offline" in line and str(cache / "mnist") in line
    assert nothing_in(cache)


def test_an_https_mirror_is_verified_and_an_untrusted_one_is_named_not_offline(
        env, monkeypatch, capsys, tmp_path):
    """A mirror whose certificate cannot be verified (self-signed here; in class, a school
    network that inspects HTTPS) was "offline", its cause cut off after 120 characters."""
    cache, files = env
    context, certificate = tls_context(tmp_path)
    with serve(files, tls=context) as (url, handler):
        monkeypatch.setenv(MIRROR_ENV, url)
        line = refusal(*run(["data", "fetch", "mnist", "--quiet"], capsys))
        assert "the mirror's secure (HTTPS) connection could not be verified" in line
        assert re.search(r"the secure connection failed \(certificate verify failed: "
                         r"self.signed certificate\)", line)
        assert "set REQUESTS_CA_BUNDLE to that file" in line and "offline" not in line
        assert handler.requests == [] and nothing_in(cache)
        monkeypatch.setenv("REQUESTS_CA_BUNDLE", str(certificate))  # trusted: downloaded
        code, out, _ = run(["data", "fetch", "mnist", "--quiet"], capsys)
    assert code == 0 and out.strip() == str(cache / "mnist")
    assert sorted(handler.requests) == sorted(files)


def test_an_unknown_name_is_a_usage_error(env, capsys):
    code, _, err = run(["data", "fetch", "cifar"], capsys)
    assert code == 2 and "invalid choice" in err


def test_list_and_fetch_check_files_put_by_hand(env, monkeypatch, capsys):
    cache, files = env
    folder = cache / "mnist"
    folder.mkdir(parents=True)
    wrong = make_files(seed=9)["t10k-images-idx3-ubyte.gz"]
    for file, data in {**files, "t10k-images-idx3-ubyte.gz": wrong}.items():
        (folder / file).write_bytes(data)
    code, out, _ = run(["data", "list"], capsys)
    mnist = next(line for line in out.splitlines() if line.startswith("mnist "))
    assert code == 0 and "cached," not in mnist and "partly cached" not in mnist
    assert (f"t10k-images-idx3-ubyte.gz in the cache folder {folder} is not the original "
            "file of MNIST handwritten digits 28×28: its checksum differs") in mnist
    with serve({}) as (url, _):
        monkeypatch.setenv(MIRROR_ENV, url)  # offline: nothing listens there any more
    # the wrong file is said, not "offline": it is checked before any download is tried
    line = refusal(*run(["data", "fetch", "mnist", "--quiet"], capsys))
    assert "t10k-images-idx3-ubyte.gz" in line and "checksum" in line and "offline" not in line
    assert "delete it and run `netcanvas data fetch mnist` to download it again" in line
    assert (folder / "t10k-images-idx3-ubyte.gz").read_bytes() == wrong  # never deleted
    (folder / "t10k-images-idx3-ubyte.gz").write_bytes(files["t10k-images-idx3-ubyte.gz"])
    code, out, err = run(["data", "fetch", "mnist"], capsys)
    assert code == 0 and out.strip() == str(folder)
    assert "checking t10k-images-idx3-ubyte.gz (1/1)" in err  # the others were remembered
    code, out, _ = run(["data", "list"], capsys)
    size = sum(len(d) for d in files.values()) / 2**20
    assert f"cached, {size:.1f} MB in {folder}" in out


def test_ctrl_c_during_a_download_is_one_line_and_exit_130(env):
    """Ctrl+C while a file arrives: "netcanvas: interrupted" and exit 130, as in `train`,
    instead of a traceback."""
    _, files = env
    with serve(files, hold={"train-images-idx3-ubyte.gz"}) as (url, handler):
        process = subprocess.Popen(
            [sys.executable, "-m", "gui.cli", "data", "fetch", "mnist"], cwd=ROOT,
            env={**os.environ, MIRROR_ENV: url, "NETCANVAS_LANG": "en"},
            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        try:
            deadline = time.monotonic() + 60
            while "train-images-idx3-ubyte.gz" not in handler.requests:
                assert process.poll() is None and time.monotonic() < deadline
                time.sleep(0.05)
            process.send_signal(signal.SIGINT)
            out, err = process.communicate(timeout=60)
        finally:
            process.kill()
    assert process.returncode == 130 and out == ""
    assert err.splitlines()[-1] == "netcanvas: interrupted"
    assert "Traceback" not in err


def test_a_cache_folder_that_cannot_be_made_is_said_in_words(env, monkeypatch, capsys, tmp_path):
    """NETCANVAS_CACHE_DIR naming a file was said as the system's English "(File exists)"."""
    cache = tmp_path / "cache.txt"
    cache.write_text("not a folder")
    monkeypatch.setenv("NETCANVAS_CACHE_DIR", str(cache))
    line = refusal(*run(["data", "fetch", "mnist", "--quiet"], capsys))
    assert line == (f"netcanvas: error: the cache folder cannot be used: {cache} is a file, not "
                    "a folder — set NETCANVAS_CACHE_DIR to a folder you can write to.")
    assert cache.read_text() == "not a folder"


def test_list_says_when_the_cache_folder_is_a_file(env, monkeypatch, capsys, tmp_path):
    """``data list`` called every set "not cached; `netcanvas data fetch` downloads ..." and
    never said that NETCANVAS_CACHE_DIR named a file, where nothing can be cached."""
    cache = tmp_path / "cache.txt"
    cache.write_text("not a folder")
    for folder in (cache, cache / "inside"):  # the folder itself, or one it is to be made in
        monkeypatch.setenv("NETCANVAS_CACHE_DIR", str(folder))
        code, out, err = run(["data", "list"], capsys)
        assert code == 0 and err == ""
        lines = out.splitlines()
        assert lines[:2] == [
            f"cache folder: {folder}",
            f"  the cache folder cannot be used: {cache} is a file, not a folder, so nothing "
            "can be downloaded into it — move or delete that file, or set NETCANVAS_CACHE_DIR "
            "to a folder you can write to"]
        assert lines[2].startswith("mnist") and lines[2].endswith(": not cached")
    monkeypatch.setenv("NETCANVAS_CACHE_DIR", str(tmp_path / "new"))  # made by a fetch: fine
    assert "cannot be used" not in run(["data", "list"], capsys)[1]


def test_a_full_disk_while_fetching_names_the_cache_folder_and_keeps_nothing(
        env, monkeypatch, capsys):
    cache, files = env

    def disk_full(_source, _target):
        raise OSError(28, "No space left on device")

    with serve(files) as (url, _):
        monkeypatch.setenv(MIRROR_ENV, url)
        monkeypatch.setattr(os, "replace", disk_full)
        line = refusal(*run(["data", "fetch", "mnist", "--quiet"], capsys))
    assert line == (f"netcanvas: error: cannot write to the cache folder {cache}: the disk is "
                    "full — free some disk space or set NETCANVAS_CACHE_DIR.")
    assert nothing_in(cache)  # not even the set's folder, made to move the files into
