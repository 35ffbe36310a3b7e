"""MNIST and Fashion-MNIST: fetched from a local server with checksums, all-or-nothing, then
loaded offline with their own test part; and how a project refers to them."""

from __future__ import annotations

import contextlib
import json
import socket
import threading
import time

import numpy as np
import pytest

from core.datasets import DataError, split
from core.datasets.cache_check import MEMO
from core.datasets.download import FetchError, Progress, fetch
from core.datasets.mnist import load_mnist
from core.datasets.ref import DataRef
from core.datasets.remote import (
    CACHE_ENV,
    IDX_FILES,
    MIRROR_ENV,
    REMOTE,
    TEST_CHECKSUMS_ENV,
    cache_folder,
    cached_files,
    fingerprint,
    is_cached,
)
from tests.core.datasets.idx_server import N_TEST, N_TRAIN, checksums, make_files, serve


@pytest.fixture
def cache(tmp_path, monkeypatch):
    folder = tmp_path / "cache"
    monkeypatch.setenv(CACHE_ENV, str(folder))
    monkeypatch.delenv(MIRROR_ENV, raising=False)
    monkeypatch.delenv(TEST_CHECKSUMS_ENV, raising=False)
    return folder


def accept(files, tmp_path, monkeypatch):
    """Make the generated ``files`` the ones NetCanvas accepts (the test-only table): loading
    checks the files against it, as it checks real MNIST against the built-in one."""
    table = tmp_path / "checksums.json"
    table.write_text(json.dumps(checksums(files)))
    monkeypatch.setenv(TEST_CHECKSUMS_ENV, str(table))


def leftovers(folder):
    return sorted(p.relative_to(folder) for p in folder.rglob("*")) if folder.exists() else []


def test_the_table_keeps_the_published_md5s_of_all_eight_files():
    for entry in REMOTE.values():
        assert set(entry.hashes) == set(IDX_FILES.values())
        assert all(h.startswith("md5:") and len(h) == 36 for h in entry.hashes.values())
    assert REMOTE["mnist"].hashes["train-images-idx3-ubyte.gz"] == \
        "md5:f68b3c2dcbeaaa9fbdd348bbdeb94873"
    assert REMOTE["fashion-mnist"].hashes["t10k-labels-idx1-ubyte.gz"] == \
        "md5:bb300cfdad3c16e7a12a480ee83cd310"


def test_fetch_downloads_checks_and_caches_then_loads_offline(cache, monkeypatch, tmp_path):
    files = make_files()
    seen: list[Progress] = []
    with serve(files) as (url, handler):
        monkeypatch.setenv(MIRROR_ENV, url)
        folder = fetch("mnist", progress=seen.append, hashes=checksums(files, "md5"))
        assert folder == cache_folder("mnist") == cache / "mnist"
        assert sorted(handler.requests) == sorted(files)
        fetch("mnist", hashes=checksums(files))  # cached and verified: nothing asked again
        assert len(handler.requests) == 4
    memo = cache / "mnist" / MEMO  # what was checked, so it is not hashed again
    assert leftovers(cache) == [p.relative_to(cache) for p in
                                sorted([cache / "mnist", memo,
                                        *(cache / "mnist" / f for f in files)])]
    assert {f: e["digest"] for f, e in json.loads(memo.read_text()).items()} == \
        checksums(files)
    assert {f: (cache / "mnist" / f).read_bytes() for f in files} == files
    assert not is_cached("mnist")  # not the real MNIST: the built-in checksums differ
    accept(files, tmp_path, monkeypatch)
    assert is_cached("mnist") and not is_cached("fashion-mnist")
    assert cached_files("mnist") == {f: len(d) for f, d in files.items()}
    assert {p.file for p in seen} == set(files) and seen[-1].done == seen[-1].total
    assert all(p.count == 4 for p in seen)

    data = load_mnist("mnist")  # the server is gone: this is offline
    assert data.n_samples == N_TRAIN + N_TEST and data.n_features == 784
    assert data.fixed_test == N_TEST and data.x.dtype == np.uint8  # bytes, scaled when used
    features = data.features()
    assert features.min() >= 0 and features.max() <= 1 and features.max() > 0.9
    assert data.class_names == tuple("0123456789")
    assert list(data.y[-N_TEST:]) == list(np.arange(N_TEST)[::-1] % 10)


def test_a_checksum_mismatch_keeps_nothing(cache, monkeypatch):
    files = make_files()
    wrong = checksums(files)
    wrong["t10k-images-idx3-ubyte.gz"] = checksums(make_files(seed=1))["t10k-images-idx3-ubyte.gz"]
    with serve(files) as (url, _), pytest.raises(FetchError, match="checksum") as caught:
        monkeypatch.setenv(MIRROR_ENV, url)
        fetch("mnist", hashes=wrong)
    assert caught.value.reason == "checksum"
    assert leftovers(cache) == []


def test_the_built_in_checksums_refuse_generated_files(cache, monkeypatch):
    files = make_files()
    with serve(files) as (url, _), pytest.raises(FetchError, match="checksum"):
        monkeypatch.setenv(MIRROR_ENV, url)
        fetch("fashion-mnist")
    assert leftovers(cache) == []


def test_a_connection_cut_mid_file_leaves_nothing_half_written(cache, monkeypatch):
    files = make_files()
    with serve(files, cut={"t10k-images-idx3-ubyte.gz"}) as (url, _), \
            pytest.raises(FetchError) as caught:
        monkeypatch.setenv(MIRROR_ENV, url)
        fetch("mnist", hashes=checksums(files))
    assert caught.value.reason == "interrupted"
    assert leftovers(cache) == []


def test_a_missing_file_says_404_and_where_to_put_the_files(cache, monkeypatch):
    files = make_files()
    del files["train-labels-idx1-ubyte.gz"]
    with serve(files) as (url, _), pytest.raises(FetchError) as caught:
        monkeypatch.setenv(MIRROR_ENV, url)
        fetch("mnist", hashes=checksums(make_files()))
    assert caught.value.reason == "not-found" and "404" in str(caught.value)
    assert str(cache / "mnist") in str(caught.value)
    assert leftovers(cache) == []


def test_a_dead_mirror_of_ones_own_is_named_not_called_offline(cache, monkeypatch):
    """NETCANVAS_DATA_MIRROR naming a server that is down read "this computer seems to be
    offline" (and "Connection refused", the system's English) although the internet worked."""
    with serve({}) as (url, _):
        pass  # the port is closed again: nothing listens there any more
    monkeypatch.setenv(MIRROR_ENV, url)
    with pytest.raises(FetchError) as caught:
        fetch("mnist")
    error = caught.value
    assert error.reason == "mirror-down" and "seems to be offline" not in str(error)
    assert error.problem == ("cannot download train-images-idx3-ubyte.gz of MNIST handwritten "
                             f"digits 28×28: the mirror {url} (set by NETCANVAS_DATA_MIRROR) "
                             "did not answer")
    assert error.details == f"{url}train-images-idx3-ubyte.gz: cannot connect (the connection " \
                            "was refused)"
    assert str(cache / "mnist") in str(error) and "unset NETCANVAS_DATA_MIRROR" in str(error)
    assert leftovers(cache) == []


def no_names(monkeypatch):
    """No name can be looked up, as on a computer without a network."""
    def fail(*_args, **_kwargs):
        raise socket.gaierror(-2, "Name or service not known")
    monkeypatch.setattr(socket, "getaddrinfo", fail)


def test_offline_says_so_and_names_the_cache_folder(cache, monkeypatch):
    no_names(monkeypatch)  # the public mirrors, on a computer without a network
    with pytest.raises(FetchError, match="offline") as caught:
        fetch("mnist")
    assert caught.value.reason == "offline" and str(cache / "mnist") in str(caught.value)
    assert "the server's name could not be looked up" in caught.value.details
    assert leftovers(cache) == []


def test_public_mirrors_that_answer_with_errors_are_down_not_offline(cache, monkeypatch):
    with serve({}, down=True) as (first, _), serve({}, down=True) as (second, _):
        monkeypatch.setitem(REMOTE, "mnist", _with_mirrors(REMOTE["mnist"], (first, second)))
        with pytest.raises(FetchError) as caught:
            fetch("mnist")
    assert caught.value.reason == "servers-down" and "seems to be offline" not in str(caught.value)
    assert "the internet works, but the servers seem to be down" in caught.value.problem
    assert caught.value.details.count("HTTP 503") == 2
    assert leftovers(cache) == []


def test_mirrors_are_tried_in_order(cache, monkeypatch):
    files = make_files()
    with serve({}) as (empty, _), serve(files) as (full, handler):
        monkeypatch.setitem(REMOTE, "mnist", _with_mirrors(REMOTE["mnist"], (empty, full)))
        fetch("mnist", hashes=checksums(files))
        assert sorted(handler.requests) == sorted(files)


def test_cancel_stops_the_download_and_keeps_nothing(cache, monkeypatch):
    files = make_files()
    stop = threading.Event()

    def progress(p: Progress) -> None:
        if p.index == 2:
            stop.set()

    with serve(files) as (url, _), pytest.raises(FetchError) as caught:
        monkeypatch.setenv(MIRROR_ENV, url)
        fetch("mnist", progress=progress, cancel=stop.is_set, hashes=checksums(files))
    assert caught.value.reason == "cancelled"
    assert leftovers(cache) == []


def test_a_cancel_stops_a_stalled_download_at_once(cache, monkeypatch):
    """The server sends a few bytes, then nothing: a cancel shuts the connection instead of
    waiting for the next chunk (which came only at the 20 s network timeout)."""
    files = make_files()
    stop = threading.Event()
    with serve(files, stall={IDX_FILES["train_images"]}) as (url, handler), \
            pytest.raises(FetchError) as caught:
        monkeypatch.setenv(MIRROR_ENV, url)
        threading.Thread(target=lambda: handler.stalled.wait(30) and stop.set(),
                         daemon=True).start()
        start = time.perf_counter()
        fetch("mnist", cancel=stop.is_set, hashes=checksums(files))
    took = time.perf_counter() - start
    assert caught.value.reason == "cancelled"
    assert took < 5, f"the cancel took {took:.1f} s"  # coarse: the old wait was 20 s
    assert leftovers(cache) == []


def test_a_cancel_before_the_headers_stops_a_stalled_download_at_once(cache, monkeypatch):
    """Cancelled while the server had not answered yet: the watcher found no connection to shut
    and gave up, so when the headers came (0.6 s later) and the bytes stalled, the cancel took
    effect only at the 20 s network timeout. The connection is now shut as it arrives."""
    files = make_files()
    stop = threading.Event()
    stalled = IDX_FILES["train_images"]
    with serve(files, stall={stalled}, late={stalled}) as (url, handler), \
            pytest.raises(FetchError) as caught:
        monkeypatch.setenv(MIRROR_ENV, url)
        threading.Thread(target=lambda: handler.asked.wait(30) and stop.set(),
                         daemon=True).start()
        start = time.perf_counter()
        fetch("mnist", cancel=stop.is_set, hashes=checksums(files))
    took = time.perf_counter() - start
    assert caught.value.reason == "cancelled"
    assert took < 5, f"the cancel took {took:.1f} s"  # the headers came after 0.6 s
    assert leftovers(cache) == []


def test_a_mirror_that_never_answers_the_connection_costs_the_connect_timeout(cache,
                                                                            monkeypatch):
    """A server whose queue of connections is full never completes the handshake, like an
    unreachable mirror: the download gave up after the 20 s read timeout; now after the
    shorter connect timeout (made 0.5 s here), and says the mirror could not be reached."""
    import core.datasets.download as download

    monkeypatch.setattr(download, "CONNECT_TIMEOUT_SECONDS", 0.5, raising=False)
    files = make_files()
    with socket.socket() as server, contextlib.ExitStack() as waiting:
        server.bind(("127.0.0.1", 0))
        server.listen(0)  # never accepted: the queue fills and later handshakes hang
        for _ in range(3):
            client = waiting.enter_context(socket.socket())
            client.setblocking(False)
            client.connect_ex(server.getsockname())
        monkeypatch.setenv(MIRROR_ENV, f"http://127.0.0.1:{server.getsockname()[1]}/data/")
        start = time.perf_counter()
        with pytest.raises(FetchError) as caught:
            fetch("mnist", hashes=checksums(files))
    took = time.perf_counter() - start
    assert caught.value.reason == "mirror-down"  # the variable's mirror: not "offline"
    assert took < 5, f"the unreachable mirror took {took:.1f} s"
    assert leftovers(cache) == []


def test_the_test_checksum_table_comes_from_the_environment(cache, monkeypatch, tmp_path):
    files = make_files()
    table = tmp_path / "checksums.json"
    table.write_text(json.dumps(checksums(files)))
    monkeypatch.setenv(TEST_CHECKSUMS_ENV, str(table))
    with serve(files) as (url, _):
        monkeypatch.setenv(MIRROR_ENV, url)
        fetch("fashion-mnist")
    data = load_mnist("fashion-mnist")
    assert data.class_names[0] == "T-shirt/top" and data.n_samples == N_TRAIN + N_TEST


def test_using_a_set_before_fetching_it_names_the_command(cache):
    with pytest.raises(DataError, match="netcanvas data fetch mnist"):
        load_mnist("mnist")
    with pytest.raises(DataError, match=r"mnist, fashion-mnist"):
        load_mnist("emnist")


def test_split_keeps_the_fixed_test_part_and_splits_the_rest(cache, monkeypatch, tmp_path):
    files = make_files()
    accept(files, tmp_path, monkeypatch)
    with serve(files) as (url, _):
        monkeypatch.setenv(MIRROR_ENV, url)
        fetch("mnist", hashes=checksums(files))
    data = load_mnist("mnist")
    train, validation, test = split(data, (0.8, 0.1, 0.1), seed=3)
    assert test.n_samples == N_TEST and np.array_equal(test.x, data.x[-N_TEST:])
    assert train.n_samples + validation.n_samples == N_TRAIN
    assert validation.n_samples > 0
    rows = {r.tobytes() for r in np.vstack([train.x, validation.x])}
    assert rows == {r.tobytes() for r in data.x[:N_TRAIN]}


def test_a_project_refers_to_the_set_by_name_and_checksum(cache, monkeypatch):
    ref = DataRef.downloaded("mnist")
    stored = ref.to_dict()
    assert stored == {"kind": "downloaded", "name": "mnist", "checksum": fingerprint("mnist")}
    assert DataRef.arrays(ref) == {}  # never embedded
    again = DataRef.from_dict(json.loads(json.dumps(stored)), {})
    assert (again.kind, again.name, again.checksum) == ("downloaded", "mnist", ref.checksum)
    with pytest.raises(DataError, match="netcanvas data fetch mnist"):
        again.load()
    other = DataRef.from_dict({**stored, "checksum": "sha256:0"}, {})
    with pytest.raises(DataError, match="different copy"):
        other.load()
    with pytest.raises(ValueError, match="no downloadable data set"):
        DataRef.from_dict({**stored, "name": "cifar"}, {})


def _with_mirrors(entry, bases):
    from dataclasses import replace

    return replace(entry, mirrors=tuple(bases))
