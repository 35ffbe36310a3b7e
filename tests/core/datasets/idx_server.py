"""Test helpers for downloads: small generated IDX files and a local HTTP server for them.

The server listens on 127.0.0.1 only, runs in a daemon thread, and shuts itself down after
:data:`LIFETIME` seconds even if a test forgets to; tests never reach the internet.
"""

from __future__ import annotations

import contextlib
import gzip
import hashlib
import http.server
import json
import shutil
import ssl
import subprocess
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import ClassVar

import numpy as np
import pytest

from core.datasets.remote import CACHE_ENV, IDX_FILES, MIRROR_ENV, TEST_CHECKSUMS_ENV

LIFETIME = 60.0
N_TRAIN, N_TEST, SIDE = 30, 10, 28
STALL_BYTES = 100
LATE_SECONDS = 0.6  # how long the headers of a ``late`` file take


def idx_bytes(array: np.ndarray) -> bytes:
    """``array`` (uint8) as a gzip IDX file: magic 0x0000 08 <dims>, sizes, values."""
    header = bytes([0, 0, 0x08, array.ndim]) + b"".join(
        int(d).to_bytes(4, "big") for d in array.shape)
    return gzip.compress(header + np.ascontiguousarray(array, np.uint8).tobytes(), mtime=0)


def make_files(seed: int = 0) -> dict[str, bytes]:
    """The four files of a tiny MNIST-like set: 30 train and 10 test 28×28 images."""
    rng = np.random.default_rng(seed)
    arrays = {
        "train_images": rng.integers(0, 256, (N_TRAIN, SIDE, SIDE), dtype=np.uint8),
        "train_labels": (np.arange(N_TRAIN) % 10).astype(np.uint8),
        "test_images": rng.integers(0, 256, (N_TEST, SIDE, SIDE), dtype=np.uint8),
        "test_labels": (np.arange(N_TEST)[::-1] % 10).astype(np.uint8),
    }
    return {IDX_FILES[role]: idx_bytes(a) for role, a in arrays.items()}


def checksums(files: dict[str, bytes], algorithm: str = "sha256") -> dict[str, str]:
    """File name → ``"<algorithm>:<hex>"``, as pooch and :func:`fetch` take them."""
    return {name: f"{algorithm}:{hashlib.new(algorithm, data).hexdigest()}"
            for name, data in files.items()}


@pytest.fixture
def env(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[Path, dict[str, bytes]]:
    """An empty cache folder, and checksums of the generated files (the test-only table).
    A fixture: test modules that download import it by name."""
    files = make_files()
    table = tmp_path / "checksums.json"
    table.write_text(json.dumps(checksums(files)))
    monkeypatch.setenv(CACHE_ENV, str(tmp_path / "cache"))
    monkeypatch.setenv(TEST_CHECKSUMS_ENV, str(table))
    monkeypatch.delenv(MIRROR_ENV, raising=False)
    return tmp_path / "cache", files


class _Handler(http.server.BaseHTTPRequestHandler):
    files: ClassVar[dict[str, bytes]] = {}
    cut: ClassVar[set[str]] = set()  # file names whose connection is closed half-way
    hold: ClassVar[set[str]] = set()  # file names sent only once ``release`` is set
    stall: ClassVar[set[str]] = set()  # file names of which a few bytes come, then nothing
    late: ClassVar[set[str]] = set()  # file names whose headers come LATE_SECONDS after asking
    down: ClassVar[bool] = False  # every request answered "503 Service Unavailable"
    asked: ClassVar[threading.Event] = threading.Event()  # set once a late file was asked for
    release: ClassVar[threading.Event] = threading.Event()
    stalled: ClassVar[threading.Event] = threading.Event()  # set once a stalled file's bytes went
    requests: ClassVar[list[str]] = []

    def do_GET(self) -> None:
        name = self.path.rsplit("/", 1)[-1]
        self.requests.append(name)
        data = self.files.get(name)
        if self.down:
            self.send_error(503)
            return
        if data is None:
            self.send_error(404)
            return
        if name in self.late:
            self.asked.set()
            time.sleep(LATE_SECONDS)
        self.send_response(200)
        self.send_header("Content-Type", "application/octet-stream")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        if name in self.hold:
            self.release.wait(LIFETIME)
        if name in self.stall:
            self.wfile.write(data[:STALL_BYTES])
            self.wfile.flush()
            self.stalled.set()
            self.release.wait(LIFETIME)
            self.close_connection = True
            return
        if name in self.cut:
            self.wfile.write(data[: len(data) // 2])
            self.wfile.flush()
            self.close_connection = True
            return
        self.wfile.write(data)

    def log_message(self, *args: object) -> None:
        """Quiet: the test output stays readable."""


@contextlib.contextmanager
def serve(files: dict[str, bytes], cut: set[str] | frozenset[str] = frozenset(),
          hold: set[str] | frozenset[str] = frozenset(),
          stall: set[str] | frozenset[str] = frozenset(),
          late: set[str] | frozenset[str] = frozenset(), tls: ssl.SSLContext | None = None,
          down: bool = False) -> Iterator[tuple[str, type[_Handler]]]:
    """Serve ``files`` at ``http://127.0.0.1:<port>/data/``; yields (base URL, handler class
    whose ``requests`` lists what was asked for). The files in ``hold`` get their headers at
    once and their bytes only after ``handler.release.set()`` (a download caught midway); those
    in ``stall`` get their headers and :data:`STALL_BYTES` bytes, then nothing until released
    (a connection that hangs: ``handler.stalled`` is set once the bytes went); those in ``late``
    get their headers :data:`LATE_SECONDS` after they were asked for (``handler.asked`` is set
    then: a cancel can come before the headers); ``down``: every request is answered 503. With
    ``tls`` (a
    server-side context: :func:`tls_context`) it is ``https://`` instead."""
    handler = type("Handler", (_Handler,), {"files": dict(files), "cut": set(cut),
                                            "hold": set(hold), "stall": set(stall),
                                            "late": set(late), "down": down,
                                            "asked": threading.Event(),
                                            "release": threading.Event(),
                                            "stalled": threading.Event(),
                                            "requests": []})
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    if tls is not None:  # the handshake happens in the handler's thread, on its first read
        server.socket = tls.wrap_socket(server.socket, server_side=True,
                                        do_handshake_on_connect=False)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05},
                              daemon=True)
    thread.start()
    backstop = threading.Timer(LIFETIME, server.shutdown)
    backstop.daemon = True
    backstop.start()
    try:
        scheme = "http" if tls is None else "https"
        yield f"{scheme}://127.0.0.1:{server.server_address[1]}/data/", handler
    finally:
        handler.release.set()
        backstop.cancel()
        server.shutdown()
        server.server_close()
        thread.join(5)


def tls_context(folder: Path) -> tuple[ssl.SSLContext, Path]:
    """A server-side TLS context with a new self-signed certificate for 127.0.0.1, and the
    certificate's file (to trust it: ``REQUESTS_CA_BUNDLE``). Made with the ``openssl``
    command; the test is skipped where there is none."""
    openssl = shutil.which("openssl")
    if openssl is None:
        pytest.skip("no openssl command to make a test certificate with")
    cert, key = folder / "localhost.pem", folder / "localhost.key"
    subprocess.run([openssl, "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1",
                    "-subj", "/CN=127.0.0.1", "-addext", "subjectAltName=IP:127.0.0.1",
                    "-keyout", str(key), "-out", str(cert)], check=True, capture_output=True)
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(cert, key)
    return context, cert
