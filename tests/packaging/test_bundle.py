"""The desktop bundle, built the way users build it (packaging/build.py), must pass its own
``--self-test``, fail loudly when something is missing, stay within its size budget and start
fast. Slow (a PyInstaller build, ~20-40 s): CI always runs it; skip locally with
``-m "not packaging"``."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from types import ModuleType

import pytest

from core.datasets.remote import MIRROR_ENV
from tests.core.datasets import idx_server
from tests.core.datasets.idx_server import serve, tls_context

pytestmark = pytest.mark.packaging
env = idx_server.env  # the fixture: an empty cache folder and the test-only checksum table


@pytest.fixture(scope="module")
def build(packaging_script: Callable[[str], ModuleType]) -> ModuleType:
    return packaging_script("build")


@pytest.fixture(scope="module")
def dist(build: ModuleType, tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("dist")
    build.build(folder, tmp_path_factory.mktemp("work"))
    return folder


@contextmanager
def moved_away(path: Path) -> Iterator[None]:
    """``path`` is gone from the bundle for the duration, then put back."""
    hidden = path.with_name(path.name + ".hidden")
    path.rename(hidden)
    try:
        yield
    finally:
        hidden.rename(path)


def test_the_frozen_app_passes_its_self_test(build: ModuleType, dist: Path) -> None:
    result = build.self_test(dist)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "self-test passed (frozen bundle" in result.stdout
    assert "xor_learned trained to 100 %" in result.stdout
    assert "ONNX exported and run" in result.stdout  # onnx ships: File ▸ Export ▸ ONNX works
    # the MNIST download's HTTPS stack: the bundle's own OpenSSL and certifi's CA certificates
    assert "HTTPS download ready (OpenSSL 3." in result.stdout
    assert " CA certificates)" in result.stdout and " 0 CA certificates" not in result.stdout


def test_a_missing_resource_fails_loudly_by_name(build: ModuleType, dist: Path) -> None:
    with moved_away(dist / "NetCanvas" / "_internal" / "resources" / "datasets" / "iris.csv"):
        result = build.self_test(dist)
    assert result.returncode == 1
    assert "self-test FAILED (frozen bundle)" in result.stderr
    assert "data set iris" in result.stderr and "iris.csv" in result.stderr


def test_a_missing_platform_plugin_fails_loudly_by_name(build: ModuleType, dist: Path) -> None:
    plugins = dist / "NetCanvas" / "_internal" / "PySide6" / "Qt" / "plugins" / "platforms"
    offscreen = next(plugins.glob("*qoffscreen*"))
    with moved_away(offscreen):
        result = build.self_test(dist)
    assert result.returncode == 1  # not Qt's abort: the check runs before the application
    assert f"Qt platform plugin {offscreen.name} is missing" in result.stderr


def test_the_bundle_has_the_desktop_entry_and_icon(dist: Path) -> None:
    folder = dist / "NetCanvas"
    entry = (folder / "netcanvas.desktop").read_text(encoding="utf-8")
    assert "Exec=netcanvas %f" in entry and "Icon=netcanvas" in entry
    assert (folder / "netcanvas.png").stat().st_size > 0


def test_the_bundle_leaves_out_what_the_app_does_not_use(
        packaging_script: Callable[[str], ModuleType], dist: Path) -> None:
    internal = dist / "NetCanvas" / "_internal"
    heavy = packaging_script("bundle_contents").OPTIONAL_HEAVY
    unwanted = ["PySide6/Qt/translations/qtbase_de*", "PySide6/Qt/translations/qt_*",
                "PySide6/Qt/translations/designer*", "resources/i18n/ko", "PySide6/QtNetwork*",
                "PySide6/Qt/lib/libQt6Network*",
                "PySide6/Qt/plugins/platformthemes/libqgtk3*", "pyqtgraph/examples",
                "resources/screenshots",
                *heavy, *(f"{name}.libs" for name in heavy)]
    found = [str(p.relative_to(internal)) for pattern in unwanted for p in internal.glob(pattern)]
    assert found == []
    dangling = [str(p) for p in internal.rglob("*") if p.is_symlink() and not p.exists()]
    assert dangling == []


def test_the_bundle_speaks_korean(dist: Path) -> None:
    """The compiled catalogues and Qt's own Korean (standard buttons) travel with the bundle;
    the self-test (run by the build) switches the window to Korean and reads it back."""
    internal = dist / "NetCanvas" / "_internal"
    for name in ("resources/i18n/netcanvas_ko.qm", "resources/i18n/netcanvas_ko.mo",
                 "PySide6/Qt/translations/qtbase_ko.qm", "PySide6/Qt/translations/qtbase_en.qm"):
        assert (internal / name).stat().st_size > 0, name


def test_the_bundle_is_within_its_size_budget(build: ModuleType, dist: Path) -> None:
    size = build.folder_size(dist / "NetCanvas") / 2**20
    assert size <= build.SIZE_BUDGET_MIB, (
        f"the bundle grew to {size:.1f} MiB (budget {build.SIZE_BUDGET_MIB} MiB): see what a "
        "new import pulled in (packaging/bundle_contents.py says what is left out and why)")


def test_the_bundle_shows_its_window(packaging_script: Callable[[str], ModuleType],
                                     dist: Path) -> None:
    # How fast is measured by `python packaging/startup_time.py` (it prints medians).
    startup = packaging_script("startup_time")
    executable = dist / "NetCanvas" / "netcanvas"
    median, times = startup.median_launch([str(executable)], runs=1, cwd=dist)
    print(f"bundle launch → window shown: {median:.2f} s")
    assert len(times) == 1 and 0 < median < startup.TIMEOUT


# ----------------------------------------------------------------------------- downloads
def frozen_fetch(dist: Path, url: str, **extra: str) -> subprocess.CompletedProcess[str]:
    """The bundle's ``netcanvas data fetch mnist`` from ``url``, with the cache folder and the
    test-only checksum table of the ``env`` fixture (its environment variables)."""
    environment = {**os.environ, MIRROR_ENV: url, "NETCANVAS_LANG": "en", **extra}
    environment.pop("PYTHONPATH", None)  # nothing from the source tree
    return subprocess.run([str(dist / "NetCanvas" / "netcanvas"), "data", "fetch", "mnist"],
                          cwd=dist, env=environment, capture_output=True, text=True,
                          timeout=120)


def test_the_bundle_downloads_mnist_and_checks_it(dist: Path, env) -> None:
    """What students install downloads the data set itself (it once said "download the four
    files yourself"): from a local server here, checked against the checksums given."""
    cache, files = env
    with serve(files) as (url, handler):
        result = frozen_fetch(dist, url)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == str(cache / "mnist")
    assert "downloading t10k-labels-idx1-ubyte.gz (4/4)" in result.stderr
    assert sorted(handler.requests) == sorted(files)
    assert {f: (cache / "mnist" / f).read_bytes() for f in files} == files


def test_the_bundle_downloads_over_https_and_verifies_the_server(
        dist: Path, env, tmp_path: Path) -> None:
    """The mirrors are HTTPS: the bundle's own OpenSSL speaks TLS, and a server whose
    certificate no trusted authority signed is refused (here a self-signed one, until it is
    trusted through REQUESTS_CA_BUNDLE, as a classroom server's would be)."""
    cache, files = env
    context, certificate = tls_context(tmp_path)
    with serve(files, tls=context) as (url, handler):
        refused = frozen_fetch(dist, url)
        assert refused.returncode == 2 and handler.requests == []  # no request got through
        assert "certificate verify failed" in refused.stderr
        assert not (cache / "mnist" / "train-images-idx3-ubyte.gz").exists()
        result = frozen_fetch(dist, url, REQUESTS_CA_BUNDLE=str(certificate))
    assert url.startswith("https://127.0.0.1:")
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == str(cache / "mnist")
    assert {f: (cache / "mnist" / f).read_bytes() for f in files} == files


def test_the_bundle_brings_its_own_openssl_and_ca_file(dist: Path, env) -> None:
    """Desktops differ in OpenSSL versions and certificate stores: the bundle uses its own."""
    internal = dist / "NetCanvas" / "_internal"
    assert (internal / "certifi" / "cacert.pem").stat().st_size > 100_000
    assert list(internal.glob("libssl.so*")) and list(internal.glob("libcrypto.so*"))
    if sys.platform.startswith("linux"):  # glibc's loader names each library it starts
        result = frozen_fetch(dist, "http://127.0.0.1:1/", LD_DEBUG="libs")  # nobody there
        loaded = re.findall(r"calling init: (\S*/lib(?:ssl|crypto)\.so\S*)", result.stderr)
        assert len(loaded) == 2
        assert {Path(path).resolve().parent for path in loaded} == {internal.resolve()}
