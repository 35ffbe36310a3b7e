"""What goes into the desktop bundle and what is left out — used by ``netcanvas.spec``.

PyInstaller collects generously: every Qt plugin of a module the app imports (and the system
libraries those plugins link), all Qt translations, test packages, and — from a Python built
from source, like pyenv's — shared objects that still carry their debug symbols. A bare
PySide6 + pyqtgraph + NumPy bundle weighs ~220 MB that way. Here the app keeps what it uses:

- Python modules it never imports (``EXCLUDED_MODULES``). Not among them: ``ssl`` and the
  download stack (pooch, requests, urllib3, idna, charset_normalizer, certifi), with which
  MNIST and Fashion-MNIST are downloaded from their HTTPS mirrors and checked on first use —
  the book's data set one click away, for students who install only the bundle (+6.6 MiB,
  measured: OpenSSL 5.2, ``_ssl`` 0.2, certifi's CA file 0.2, charset_normalizer's compiled
  parts 0.4, the Python code 0.5). OpenSSL (libssl, libcrypto) ships inside the bundle rather
  than coming from the desktop, whose OpenSSL version may not be the one ``_ssl`` was built
  against; requests verifies servers against certifi's CA file, which ships too, whatever the
  desktop's certificate store (``--self-test`` loads it). With OpenSSL there, ``_hashlib``
  (57 KB) stays as well: hashlib checks the downloads with OpenSSL's digests, as in a pip
  installation.
- Qt plugins for a desktop and for this headless check only (``KEEP_PLUGINS``), and of Qt's own
  translations only those of the languages NetCanvas speaks (:func:`kept_qt_translations`:
  ``qtbase_ko.qm``, ``qtbase_en.qm`` — standard dialog buttons; the others are ~14 MB).
- Linux base libraries every desktop has and must supply itself (``HOST_LIBRARIES``).
- Then only the shared libraries that something kept still links (:func:`prune_orphans`),
  stripped of symbols nobody links against (:func:`strip_symbols`).

``netcanvas --self-test`` in the built bundle proves the result still works; run it after
changing anything here.
"""

from __future__ import annotations

import contextlib
import fnmatch
import os
import shutil
import subprocess
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path

Entry = tuple[str, str, str]  # PyInstaller TOC entry: (destination, source, type code)

#: Big packages the app never imports but that PyInstaller follows when they are installed:
#: pyqtgraph tries cupy, numba, scipy, h5py, matplotlib (exporters), pandas and IPython/Jupyter;
#: the test extra installs torch and onnxruntime (the bench times torch when present, the tests
#: run the exports). onnx itself ships (the ONNX export needs it; ~10 MiB, measured), as do
#: numpy, pyqtgraph, PySide6 and platformdirs. tests/packaging checks none of these is imported.
OPTIONAL_HEAVY = (
    "torch", "torchvision", "torchaudio", "tensorflow", "tensorboard", "keras", "jax", "jaxlib",
    "cupy", "cupyx", "numba", "llvmlite", "pandas", "pyarrow", "onnxruntime", "matplotlib",
    "scipy", "sklearn", "h5py", "IPython", "ipykernel", "ipywidgets", "jupyter_client",
    "notebook", "sympy", "dask", "xarray", "cv2",
)

#: Python modules and packages the app never imports.
EXCLUDED_MODULES = [
    # Qt bindings and Qt modules besides the ones pyqtgraph and the app load. pyqtgraph
    # imports QtTest only if it is there; it needs QtOpenGL(Widgets) and QtSvg (legend icons).
    "PyQt5", "PyQt6", "PySide2", "PySide6.QtNetwork", "PySide6.QtTest", "PySide6.QtDBus",
    "PySide6.QtQml", "PySide6.QtQuick", "PySide6.QtPdf", "PySide6.QtWebEngineCore",
    "PySide6.QtMultimedia", "PySide6.QtSql", "PySide6.QtXml", "PySide6.QtConcurrent",
    "PySide6.QtPrintSupport", "PySide6.QtUiTools",
    # pyqtgraph's optional parts: 3-D (needs PyOpenGL), its demo browser, its Jupyter widget
    "pyqtgraph.opengl", "pyqtgraph.examples", "pyqtgraph.jupyter", "OpenGL",
    # stdlib parts nothing here uses (ssl and _hashlib stay: the MNIST download; see above)
    "tkinter", "_tkinter", "unittest", "doctest", "lib2to3", "pydoc_data", "sqlite3",
    "_sqlite3", "curses", "_curses", "readline", "xmlrpc",
    "ensurepip", "venv", "idlelib", "turtle", "turtledemo",
    "_decimal",  # decimal (pyqtgraph's number formatting) falls back to _pydecimal
    # test suites and build tools that setuptools-era packages pull in by name
    "numpy.tests", "numpy.testing", "numpy.f2py", "numpy.distutils", "setuptools",
    "pkg_resources", "distutils", "pip", "pytest",
    # big optional packages pyqtgraph (or NumPy) imports when they happen to be installed, so
    # that the bundle's size does not depend on the build machine (see OPTIONAL_HEAVY)
    *OPTIONAL_HEAVY,
]

#: Qt plugins kept, as glob patterns under ``PySide6/Qt/plugins/``; every other one goes.
KEEP_PLUGINS = (
    "platforms/libqxcb.so", "platforms/libqoffscreen.so",  # X11/XWayland desktops; headless
    # Native Wayland: the xdg-shell protocol every desktop compositor speaks, client-side
    # window decorations (GNOME draws none), EGL for OpenGL windows. Without these, Qt falls
    # back to XWayland, blurry under fractional scaling.
    "platforms/libqwayland*.so", "wayland-shell-integration/libxdg-shell.so",
    "wayland-decoration-client/*",
    "wayland-graphics-integration-client/libqt-plugin-wayland-egl.so",
    "xcbglintegrations/*",  # the xcb plugin loads one of these when a window uses OpenGL
    "platformthemes/libqxdgdesktopportal.so",  # desktop file dialogs via the XDG portal
    "platforminputcontexts/*",  # compose keys and input methods (accents, CJK)
    "iconengines/libqsvgicon.so", "imageformats/libqsvg.so",  # pyqtgraph's SVG icons
    "platforms/qwindows.dll", "platforms/qoffscreen.dll", "styles/*",  # Windows
    "platforms/libqcocoa.dylib", "platforms/libqoffscreen.dylib",  # macOS
)
PLUGIN_DIR = "PySide6/Qt/plugins/"

#: Linux system libraries taken from the desktop rather than shipped: the base every desktop
#: has, which must match its own configuration and drivers (fonts, D-Bus, GL, the C++ runtime).
#: The names follow the AppImage community's excludelist (as vendored by linuxdeployqt),
#: plus libdbus-1 (it brings systemd's client library), and the compression and FFI libraries
#: that dpkg, rpm, pacman, systemd and GLib themselves link, so no desktop lacks them.
HOST_LIBRARIES = (
    "libc.so*", "libm.so*", "libdl.so*", "libpthread.so*", "librt.so*", "ld-linux*",
    "libgcc_s.so*", "libstdc++.so*", "libz.so*", "libexpat.so*",
    "libfontconfig.so*", "libfreetype.so*", "libharfbuzz.so*", "libfribidi.so*",
    "libglib-2.0.so*", "libgio-2.0.so*", "libgobject-2.0.so*", "libgthread-2.0.so*",
    "libgpg-error.so*", "libX11.so*", "libxcb.so*", "libGL.so*", "libEGL.so*", "libGLX.so*",
    "libGLdispatch.so*", "libdrm.so*", "libgbm.so*", "libdbus-1.so*",
    "libzstd.so*", "liblzma.so*", "libbz2.so*", "libffi.so*",
)

#: data files left out, as glob patterns on their destination
DROP_DATA = (
    "PySide6/Qt/translations/*",
    "pyqtgraph/examples/*",
    "pyqtgraph/icons/peegee/*",  # pyqtgraph's own app icon, set only by its mkQApp()
    "*/tests/*",
)


@contextlib.contextmanager
def _importable(root: Path) -> Iterator[None]:
    """The app's own packages importable for a moment (the spec runs from packaging/)."""
    sys.path.insert(0, str(root))
    try:
        yield
    finally:
        sys.path.remove(str(root))


def hidden_imports(root: Path) -> list[str]:
    """Modules the app imports by name at run time, which PyInstaller's analysis (it follows
    import statements) cannot see: the labs, imported when the Labs menu opens them."""
    with _importable(root):
        from gui.labs import LABS
    return [info.module for info in LABS]


def resource_datas(root: Path) -> list[tuple[str, str]]:
    """(file, destination folder) for every data file under ``resources/`` the app reads:
    examples, data sets and their licences, icons, the compiled translations. Python files
    travel as code; the README screenshots and the translations' sources stay out."""
    datas = []
    for path in sorted((root / "resources").rglob("*")):
        relative = path.relative_to(root)
        if (path.is_file() and path.suffix not in (".py", ".pyc")
                and "__pycache__" not in relative.parts
                and relative.parts[1] != "screenshots"
                and (relative.parts[1] != "i18n" or path.suffix in (".qm", ".mo"))):
            datas.append((str(path), str(relative.parent)))
    return datas


def package_metadata() -> list[tuple[str, str]]:
    """The installed package's metadata (its dist-info), so the bundle knows its version and
    licence (Help ▸ About; the self-test checks it is there)."""
    from PyInstaller.utils.hooks import copy_metadata

    return copy_metadata("netcanvas")


def export_templates(root: Path) -> list[tuple[str, str]]:
    """(file, destination folder) for the templates ``netcanvas export`` fills in: they are
    read as text (core/export/templates is no package, so that nothing imports torch), hence
    data to PyInstaller, placed where core/export/render.py looks for them."""
    folder = root / "core" / "export" / "templates"
    return [(str(path), str(folder.relative_to(root))) for path in sorted(folder.iterdir())
            if path.suffix in (".py", ".md")]


def _matches(name: str, patterns: Iterable[str]) -> bool:
    return any(fnmatch.fnmatch(name, pattern) for pattern in patterns)


def keep_plugin(destination: str) -> bool:
    """Whether a binary is wanted as far as Qt plugins go (non-plugins always are)."""
    destination = destination.replace("\\", "/")
    if not destination.startswith(PLUGIN_DIR):
        return True
    return _matches(destination.removeprefix(PLUGIN_DIR), KEEP_PLUGINS)


def from_host(destination: str) -> bool:
    return sys.platform.startswith("linux") and _matches(Path(destination).name, HOST_LIBRARIES)


def kept_qt_translations(root: Path) -> list[str]:
    """Destinations of the Qt catalogues gui/i18n.py loads, one per language NetCanvas has."""
    with _importable(root):
        from core.i18n import LANGUAGES
        from gui.i18n import QT_CATALOGUES
    return [f"PySide6/Qt/translations/{name}_{code}.qm"
            for name in QT_CATALOGUES for code, _name in LANGUAGES]


def keep_data(destination: str, keep: Iterable[str] = ()) -> bool:
    destination = destination.replace("\\", "/")
    return destination in keep or not _matches(destination, DROP_DATA)


def _is_root(destination: str) -> bool:
    """Qt plugins and the Python library: loaded at run time, not linked by anything."""
    name = Path(destination).name.lower()
    return (destination.replace("\\", "/").startswith(PLUGIN_DIR)
            or name.startswith(("libpython", "python3")))


def _direct_imports(path: str) -> list[str]:
    """File names of the libraries ``path`` links itself (not through other libraries)."""
    if sys.platform.startswith("linux"):  # PyInstaller asks ldd: the transitive closure
        from elf_needed import needed

        return needed(path)
    from PyInstaller.depend.bindepend import get_imports

    return [Path(name).name for name, _resolved in get_imports(path)]


def prune_orphans(binaries: list[Entry]) -> list[Entry]:
    """The binaries that a Python extension module or a kept plugin still needs, directly or
    through other kept libraries. Symlinks stay (:func:`trim` drops the dangling ones).

    PyInstaller adds each plugin's dependencies while analysing, so dropping a plugin
    afterwards (the GTK theme, say) would leave its libraries (GTK, Cairo, Pango…) behind.
    """
    by_name = {Path(dest).name: (dest, src, kind) for dest, src, kind in binaries
               if kind != "SYMLINK"}
    roots = [entry for entry in binaries if entry[2] == "EXTENSION" or _is_root(entry[0])]
    kept: dict[str, Entry] = {}
    todo = list(roots)
    while todo:
        entry = todo.pop()
        if entry[0] in kept:
            continue
        kept[entry[0]] = entry
        for name in _direct_imports(entry[1]):
            dependency = by_name.get(name)
            if dependency is not None and dependency[0] not in kept:
                todo.append(dependency)
    return [entry for entry in binaries if entry[0] in kept or entry[2] == "SYMLINK"]


def strip_symbols(binaries: list[Entry], workdir: Path) -> list[Entry]:
    """Copies of the Linux libraries without symbols they do not export (a pyenv-built
    libpython: 23 MB → 6 MB; Qt's ICU: −1.4 MB). Wheels repaired by auditwheel (those with a
    ``<name>.libs`` folder, like NumPy's) are left alone: strip breaks their patchelf-ed files
    ("ELF load command address/offset not page-aligned")."""
    strip = shutil.which("strip")
    if strip is None or not sys.platform.startswith("linux"):
        return binaries
    tops = {dest.split("/")[0] for dest, _src, _kind in binaries}
    repaired = {top.removesuffix(".libs") for top in tops if top.endswith(".libs")}
    out, folder = [], workdir / "stripped"
    for dest, src, kind in binaries:
        top = dest.split("/")[0]
        if kind != "SYMLINK" and top.removesuffix(".libs") not in repaired:
            target = folder / dest
            target.parent.mkdir(parents=True, exist_ok=True)
            subprocess.run([strip, "--strip-unneeded", "-o", str(target), src], check=True)
            src = str(target)
        out.append((dest, src, kind))
    return out


def trim(binaries: list[Entry], datas: list[Entry], workdir: Path
         ) -> tuple[list[Entry], list[Entry]]:
    """The bundle's binaries and data after every rule above."""
    binaries = prune_orphans([entry for entry in binaries
                              if keep_plugin(entry[0]) and not from_host(entry[0])])
    keep = kept_qt_translations(Path(__file__).resolve().parent.parent)
    datas = [entry for entry in datas if keep_data(entry[0], keep)]
    present = {dest for dest, _src, kind in binaries + datas if kind != "SYMLINK"}
    binaries, datas = ([e for e in toc if e[2] != "SYMLINK" or _target(e) in present]
                       for toc in (binaries, datas))
    return strip_symbols(binaries, workdir), datas


def _target(symlink: Entry) -> str:
    """Where a SYMLINK entry (destination, relative target, "SYMLINK") points in the bundle."""
    dest, target, _kind = symlink
    return os.path.normpath(os.path.join(os.path.dirname(dest), target))
