"""Build the desktop bundle and prove it works: ``python packaging/build.py`` → ``dist/NetCanvas/``.

Runs PyInstaller on ``netcanvas.spec`` (one folder: the ``netcanvas`` executable, its
``_internal/`` libraries, a ``.desktop`` file and the icon), then the frozen app's own
``--self-test``, and prints the folder's size and the build time. Needs the ``package`` extra
(``pip install -e ".[package]"``). Exit code: 0 built and checked, 1 otherwise.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SPEC = ROOT / "packaging" / "netcanvas.spec"
NAME = "NetCanvas"
EXECUTABLE = "netcanvas.exe" if sys.platform == "win32" else "netcanvas"
#: measured: 149.1 MiB without onnx, 160.4 with it (onnx ships: File ▸ Export ▸ ONNX), 166.9
#: with the MNIST download (OpenSSL, requests, pooch: bundle_contents.py says what each costs)
SIZE_BUDGET_MIB = 170
SELF_TEST_TIMEOUT = 300


def executable(dist: Path) -> Path:
    return dist / NAME / EXECUTABLE


def build(dist: Path, work: Path) -> float:
    """Run PyInstaller; returns the seconds it took (raises CalledProcessError on failure)."""
    started = time.perf_counter()
    subprocess.run([sys.executable, "-m", "PyInstaller", "--noconfirm", "--log-level", "WARN",
                    "--distpath", str(dist), "--workpath", str(work), str(SPEC)],
                   cwd=ROOT, check=True)
    return time.perf_counter() - started


def folder_size(folder: Path) -> int:
    """Bytes in the folder's files (symlinks counted as links, as ``du`` does)."""
    return sum(path.lstat().st_size for path in folder.rglob("*") if not path.is_dir())


def self_test(dist: Path) -> subprocess.CompletedProcess[str]:
    """The frozen app's ``--self-test``, offscreen, from a neutral folder (so nothing from the
    source tree can be picked up by accident)."""
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    env.pop("PYTHONPATH", None)
    return subprocess.run([str(executable(dist)), "--self-test"], cwd=dist, env=env,
                          capture_output=True, text=True, timeout=SELF_TEST_TIMEOUT)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.partition("\n")[0])
    parser.add_argument("--dist", type=Path, default=ROOT / "dist",
                        help="where the NetCanvas folder goes (default: dist/)")
    parser.add_argument("--work", type=Path, default=ROOT / "build",
                        help="PyInstaller's work folder (default: build/)")
    parser.add_argument("--no-self-test", action="store_true",
                        help="skip running the bundle's --self-test")
    args = parser.parse_args(argv)
    dist, work = args.dist.resolve(), args.work.resolve()
    try:
        seconds = build(dist, work)
    except subprocess.CalledProcessError as exc:
        print(f"build.py: PyInstaller failed (exit code {exc.returncode})", file=sys.stderr)
        return 1
    size = folder_size(dist / NAME) / 2**20
    budget = "within" if size <= SIZE_BUDGET_MIB else "OVER"
    print(f"built {dist / NAME} in {seconds:.0f} s: {size:.1f} MiB "
          f"({budget} the {SIZE_BUDGET_MIB} MiB budget)")
    if args.no_self_test:
        return 0
    result = self_test(dist)
    sys.stdout.write(result.stdout)
    sys.stderr.write(result.stderr)
    return 0 if result.returncode == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
