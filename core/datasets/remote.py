"""Data sets too large to ship, fetched once into the user's cache folder: MNIST, Fashion-MNIST.

:data:`REMOTE` is the one table of what each set is: its four gzip IDX files, the checksums
they must have (kept here, in the code, so a mirror cannot change what NetCanvas accepts), and
the public mirrors tried in order. Everything else — the cache folder, what is cached, the
fingerprint a project stores — is derived from it. Downloading lives in :mod:`.download`,
reading in :mod:`.mnist`.

Two environment variables change where files come from and go:

- ``NETCANVAS_DATA_MIRROR``: a base URL that replaces the mirrors (files are fetched as
  ``$NETCANVAS_DATA_MIRROR/<file name>``), for a classroom server or an offline copy;
- ``NETCANVAS_CACHE_DIR``: replaces the cache folder (platformdirs' user cache folder).

And one for tests only: ``NETCANVAS_TEST_CHECKSUMS`` names a JSON file ``{file name: hash}``
that replaces the checksums of this table, so tests can serve small generated IDX files.
"""

from __future__ import annotations

import hashlib
import json
import os
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

from core.datasets.errors import DataError
from core.i18n import N_, _

MIRROR_ENV = "NETCANVAS_DATA_MIRROR"
CACHE_ENV = "NETCANVAS_CACHE_DIR"
TEST_CHECKSUMS_ENV = "NETCANVAS_TEST_CHECKSUMS"
ROLES = ("train_images", "train_labels", "test_images", "test_labels")
IDX_FILES = {"train_images": "train-images-idx3-ubyte.gz",
             "train_labels": "train-labels-idx1-ubyte.gz",
             "test_images": "t10k-images-idx3-ubyte.gz",
             "test_labels": "t10k-labels-idx1-ubyte.gz"}


@dataclass(frozen=True)
class RemoteSet:
    """One downloadable set: four IDX files (:data:`IDX_FILES`), their checksums
    (``hashes``: file name → ``"md5:…"``, as pooch takes them), mirrors tried in order, and what
    the window and ``netcanvas data list`` show about it: ``title``, ``description`` and
    ``class_names`` are English, marked with ``N_``; show them through ``core.i18n._()``."""

    name: str
    title: str
    description: str
    class_names: tuple[str, ...]
    hashes: dict[str, str]
    mirrors: tuple[str, ...]
    download_mb: float
    credit: str

    def __post_init__(self) -> None:
        assert set(self.hashes) == set(IDX_FILES.values()), self.name

    @property
    def files(self) -> dict[str, str]:
        """Role (``train_images``, …) → file name; the same four names for every set."""
        return dict(IDX_FILES)


# The MD5s are those published in the data sets' own READMEs (and used by torchvision).
REMOTE: dict[str, RemoteSet] = {
    "mnist": RemoteSet(
        name="mnist",
        title=N_("MNIST handwritten digits 28×28"),
        description=N_("70,000 handwritten digits 0–9 (60,000 train, 10,000 test), 28×28 pixels"),
        class_names=tuple(str(d) for d in range(10)),
        hashes={"train-images-idx3-ubyte.gz": "md5:f68b3c2dcbeaaa9fbdd348bbdeb94873",
                "train-labels-idx1-ubyte.gz": "md5:d53e105ee54ea40749a09fcbcd1e9432",
                "t10k-images-idx3-ubyte.gz": "md5:9fb629c4189551a2d022fa330f9573f3",
                "t10k-labels-idx1-ubyte.gz": "md5:ec29112dd5afa0611ce80d1b7f02629c"},
        mirrors=("https://ossci-datasets.s3.amazonaws.com/mnist/",
                 "https://storage.googleapis.com/cvdf-datasets/mnist/"),
        download_mb=11.1,
        credit="MNIST (Y. LeCun, C. Cortes, C.J.C. Burges)",  # i18n: not ui (names, source)
    ),
    "fashion-mnist": RemoteSet(
        name="fashion-mnist",
        title=N_("Fashion-MNIST clothes 28×28"),
        description=N_("70,000 images of clothes in 10 kinds (60,000 train, 10,000 test), "
                       "28×28 pixels"),
        class_names=(N_("T-shirt/top"), N_("Trouser"), N_("Pullover"), N_("Dress"), N_("Coat"),
                     N_("Sandal"), N_("Shirt"), N_("Sneaker"), N_("Bag"), N_("Ankle boot")),
        hashes={"train-images-idx3-ubyte.gz": "md5:8d4fb7e6c68d591d4c3dfef9ec88bf0d",
                "train-labels-idx1-ubyte.gz": "md5:25c81989df183df01b3e8a0aad5dffbe",
                "t10k-images-idx3-ubyte.gz": "md5:bef4ecab320f06d8554ea6380940ec79",
                "t10k-labels-idx1-ubyte.gz": "md5:bb300cfdad3c16e7a12a480ee83cd310"},
        mirrors=("http://fashion-mnist.s3-website.eu-central-1.amazonaws.com/",
                 "https://raw.githubusercontent.com/zalandoresearch/fashion-mnist/master/"
                 "data/fashion/"),
        download_mb=29.4,
        credit=("Fashion-MNIST (H. Xiao, K. Rasul, R. Vollgraf, Zalando Research; "  # i18n: not ui
                "MIT licence)"),
    ),
}


def remote_set(name: str) -> RemoteSet:
    """The table entry for ``name`` (DataError listing the choices)."""
    try:
        return REMOTE[name]
    except KeyError:
        raise DataError(_("there is no downloadable data set called {name}").format(
                            name=repr(name)),
                        hint=_("choose one of {names}").format(names=", ".join(REMOTE))) from None


def cache_root() -> Path:
    """``$NETCANVAS_CACHE_DIR``, else the user's cache folder for NetCanvas (not created)."""
    override = os.environ.get(CACHE_ENV)
    if override:
        return Path(override).expanduser()
    from platformdirs import user_cache_dir

    return Path(user_cache_dir("netcanvas"))


def cache_root_problem() -> str:
    """Why nothing can be cached at all, in words: the cache folder (or a folder it is to be
    made in) is a file. "" when it is usable or not made yet (a fetch makes it)."""
    root = cache_root()
    blocker = next((p for p in (root, *root.parents) if p.exists() and not p.is_dir()), None)
    if blocker is None:
        return ""
    return _("the cache folder cannot be used: {path} is a file, not a folder, so nothing can "
             "be downloaded into it — move or delete that file, or set {env} to a folder you "
             "can write to").format(path=blocker, env=CACHE_ENV)


def cache_folder(name: str) -> Path:
    """Where ``name``'s four files live: one folder per set, since MNIST and Fashion-MNIST
    use the same file names."""
    return cache_root() / remote_set(name).name


def mirrors(name: str) -> tuple[str, ...]:
    """Base URLs to try in order: ``$NETCANVAS_DATA_MIRROR`` alone when set."""
    override = os.environ.get(MIRROR_ENV)
    bases = (override,) if override else remote_set(name).mirrors
    return tuple(base if base.endswith("/") else base + "/" for base in bases)


def mirror_problem() -> str:
    """Why ``$NETCANVAS_DATA_MIRROR`` is no web address a download can use, in words; "" when
    it is one or unset. (A slip such as ``ftp://…`` or a space was said as "the mirror did not
    answer", quoting a library's English about connection adapters.)"""
    url = os.environ.get(MIRROR_ENV, "")
    try:
        parts = urlsplit(url)
        port_ok = parts.port is None or parts.port > 0
    except ValueError:  # a port out of range, an unclosed [
        parts, port_ok = None, False
    if not url or (parts is not None and port_ok and parts.scheme in ("http", "https")
                   and parts.hostname and not any(c.isspace() for c in url)):
        return ""
    return _("{variable} is not a web address: “{url}” — give a base address beginning with "
             "http:// or https://, such as https://example.org/mnist/, or unset it to use the "
             "public mirrors").format(variable=MIRROR_ENV, url=url)


def known_hashes(name: str) -> dict[str, str]:
    """File name → checksum: the table's, or (tests only) those of ``$NETCANVAS_TEST_CHECKSUMS``."""
    hashes = dict(remote_set(name).hashes)
    path = os.environ.get(TEST_CHECKSUMS_ENV)
    if path:
        try:
            table = json.loads(Path(path).read_text(encoding="utf-8"))
        except (OSError, ValueError) as exc:
            raise DataError(_("cannot read the test checksum table ({error})").format(error=exc),
                            file=path, hint=_("{variable} is for tests only; unset it").format(
                                variable=TEST_CHECKSUMS_ENV)) from None
        hashes.update({k: v for k, v in table.items() if k in hashes})
    return hashes


def fingerprint(name: str) -> str:
    """One checksum for the whole set (of its four file checksums), stored in a project so
    a project made with one copy of the data refuses another."""
    lines = "".join(f"{file} {digest}\n" for file, digest in sorted(known_hashes(name).items()))
    return "sha256:" + hashlib.sha256(lines.encode()).hexdigest()


def cached_files(name: str) -> dict[str, int]:
    """The set's files present in its cache folder, with their sizes in bytes (checked or
    not: see :mod:`.cache_check`)."""
    folder = cache_folder(name)
    sizes = {}
    for file in remote_set(name).files.values():
        path = folder / file
        if path.is_file():
            sizes[file] = path.stat().st_size
    return sizes


def is_cached(name: str) -> bool:
    """All four files are in the cache folder and known to have the right checksums (they
    were checked since they last changed). No file is read: the GUI thread may ask. Files put
    there by hand are not cached until checked (:func:`core.datasets.cache_check.verify`)."""
    from core.datasets.cache_check import cache_states

    return all(state == "verified" for state in cache_states(name).values())


def not_cached_error(name: str) -> DataError:
    """What to say when a set is used before it was fetched."""
    entry = remote_set(name)
    return DataError(
        _("{title} is not on this computer yet").format(title=_(entry.title)),
        hint=_("press Download in the Data set part of the Build panel, or run `netcanvas "
               "data fetch {name}` (either downloads about {size} MB), or put its four files "
               "({files}) in {folder}").format(
            name=name, size=f"{entry.download_mb:g}", files=", ".join(entry.files.values()),
            folder=cache_folder(name)))
