"""Files in the cache folder are used only when their checksums match, whoever put them there;
a wrong one is named, kept and never downloaded over; a checked file is not hashed again."""

from __future__ import annotations

import json
import os

import pytest

from core.datasets import cache_check
from core.datasets.cache_check import MEMO, cache_states, verify
from core.datasets.download import FetchError, Progress, fetch
from core.datasets.mnist import load_mnist
from core.datasets.remote import MIRROR_ENV, is_cached
from tests.core.datasets import idx_server
from tests.core.datasets.idx_server import N_TEST, N_TRAIN, make_files, serve

env = idx_server.env  # an empty cache folder; the generated files are the accepted ones
TRAIN_IMAGES = "train-images-idx3-ubyte.gz"


def put_by_hand(cache, files, name="mnist"):
    folder = cache / name
    folder.mkdir(parents=True, exist_ok=True)
    for file, data in files.items():
        (folder / file).write_bytes(data)
    return folder


def offline(monkeypatch):
    with serve({}) as (url, _):
        pass  # nothing listens on that port any more
    monkeypatch.setenv(MIRROR_ENV, url)


def test_wrong_files_put_by_hand_are_never_loaded_and_say_which(env):
    cache, files = env
    other = make_files(seed=7)  # same names and sizes, other bytes
    folder = put_by_hand(cache, {**files, TRAIN_IMAGES: other[TRAIN_IMAGES]})
    assert not is_cached("mnist")  # present, not yet checked: not "cached"
    with pytest.raises(FetchError) as caught:
        load_mnist("mnist")
    error = caught.value
    assert error.reason == "wrong-file" and error.file_names == (TRAIN_IMAGES,)
    text = str(error)
    assert TRAIN_IMAGES in text and str(folder) in text and "checksum" in text
    assert "replace it with the original file, or delete it" in text
    assert (folder / TRAIN_IMAGES).read_bytes() == other[TRAIN_IMAGES]  # kept as it was
    assert cache_states("mnist")[TRAIN_IMAGES] == "wrong"  # remembered: known without hashing
    assert not is_cached("mnist")


def test_fetch_stops_at_a_wrong_file_without_downloading_over_it(env, monkeypatch):
    cache, files = env
    other = make_files(seed=7)
    folder = put_by_hand(cache, {TRAIN_IMAGES: other[TRAIN_IMAGES]})
    with serve(files) as (url, handler), pytest.raises(FetchError) as caught:
        monkeypatch.setenv(MIRROR_ENV, url)
        fetch("mnist")
    assert handler.requests == []  # nothing downloaded, nothing replaced
    assert caught.value.reason == "wrong-file" and "netcanvas data fetch mnist" in str(
        caught.value)
    assert sorted(p.name for p in folder.iterdir()) == sorted([MEMO, TRAIN_IMAGES])
    assert (folder / TRAIN_IMAGES).read_bytes() == other[TRAIN_IMAGES]
    offline(monkeypatch)  # and offline: the same answer, not "offline"
    with pytest.raises(FetchError, match="checksum") as caught:
        fetch("mnist")
    assert caught.value.reason == "wrong-file"


def test_right_files_put_by_hand_are_checked_once_then_used_offline(env, monkeypatch):
    cache, files = env
    folder = put_by_hand(cache, files)
    offline(monkeypatch)
    seen: list[Progress] = []
    assert fetch("mnist", progress=seen.append) == folder  # checked, nothing to download
    assert [(p.file, p.index, p.count, p.checking) for p in seen] == [
        (f, k, 4, True) for k, f in enumerate(files, start=1)]
    assert is_cached("mnist")
    hashed: list[str] = []
    real = cache_check.file_digest
    monkeypatch.setattr(cache_check, "file_digest",
                        lambda path, *a, **k: hashed.append(path.name) or real(path, *a, **k))
    assert load_mnist("mnist").n_samples == N_TRAIN + N_TEST
    assert fetch("mnist") == folder
    assert hashed == []  # remembered by size and time
    labels = folder / "t10k-labels-idx1-ubyte.gz"
    stat = labels.stat()
    os.utime(labels, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000_000))  # touched
    assert not is_cached("mnist") and cache_states("mnist")[labels.name] == "unchecked"
    assert verify("mnist")[labels.name] == "verified" and hashed == [labels.name]
    assert is_cached("mnist")


def test_a_memo_that_lies_about_another_file_is_not_believed(env):
    cache, files = env
    folder = put_by_hand(cache, files)
    assert all(state == "verified" for state in verify("mnist").values())
    memo = json.loads((folder / MEMO).read_text())
    other = make_files(seed=3)[TRAIN_IMAGES]  # same size: only the time tells
    (folder / TRAIN_IMAGES).write_bytes(other)
    os.utime(folder / TRAIN_IMAGES, ns=(0, memo[TRAIN_IMAGES]["mtime_ns"] + 1_000_000_000))
    assert verify("mnist")[TRAIN_IMAGES] == "wrong"
    (folder / MEMO).write_text("{not json")  # a damaged memo: everything is hashed again
    assert verify("mnist")[TRAIN_IMAGES] == "wrong"
    assert cache_states("mnist")[TRAIN_IMAGES] == "wrong"


def test_a_downloaded_checksum_mismatch_says_it_in_our_words_in_full(env, monkeypatch):
    cache, _ = env
    with serve(make_files(seed=5)) as (url, _), pytest.raises(FetchError) as caught:
        monkeypatch.setenv(MIRROR_ENV, url)
        fetch("mnist")
    text = str(caught.value)
    assert caught.value.reason == "checksum"
    assert text.startswith(f"{TRAIN_IMAGES} of MNIST handwritten digits 28×28 was downloaded, "
                           "but it is not the original file: its checksum differs")
    assert f"{url}{TRAIN_IMAGES}: the file received has a different checksum" in text
    assert "known hash" not in text and "Deleted download" not in text  # not pooch's text
    assert text.endswith("and run `netcanvas data fetch mnist` to check them.")
    assert not any(p.is_file() for p in cache.rglob("*"))


def test_an_unknown_connection_error_is_cut_between_words():
    from core.datasets.fetch_errors import short as _short

    words = " ".join(f"word{k}" for k in range(60))  # 409 characters, no errno in it
    short = _short(OSError(words))
    assert short.endswith(" …") and len(short) <= 120
    assert short[:-2] == " ".join(f"word{k}" for k in range(len(short[:-2].split())))


def test_a_memo_that_cannot_be_written_leaves_nothing_behind(env, monkeypatch):
    """A full disk while the memo was written left its temporary file in the cache folder."""
    cache, files = env
    folder = put_by_hand(cache, files)

    def disk_full(_source, _target):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", disk_full)
    assert set(verify("mnist").values()) == {"verified"}  # the memo is only a shortcut
    assert sorted(p.name for p in folder.iterdir()) == sorted(files)
