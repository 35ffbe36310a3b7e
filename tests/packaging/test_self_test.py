"""``netcanvas --self-test`` from the source tree, its checks one by one, the rules that trim
the bundle, and the start-up time — all fast; the frozen bundle itself is in test_bundle.py."""

from __future__ import annotations

import ast
import re
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from types import ModuleType

import pytest
from PySide6.QtCore import QCoreApplication, QTimer
from PySide6.QtWidgets import QMessageBox

from gui.cli import build_parser
from gui.diagnostics import self_test
from gui.diagnostics.dialog_guard import DialogGuard

ROOT = Path(__file__).resolve().parents[2]
RUN_CLI = "import sys; from gui.cli import main; sys.exit(main())"


def test_self_test_passes_from_source() -> None:
    result = subprocess.run([sys.executable, "-c", RUN_CLI, "--self-test"], cwd=ROOT,
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stdout + result.stderr
    lines = result.stdout.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("netcanvas self-test passed (source install")
    assert "xor_learned trained to 100 %" in lines[0]
    assert "2 search trials on 2 processes, mini-batches split between 2 processes" in lines[0]
    assert "HTTPS download ready (OpenSSL " in lines[0]


def test_self_test_is_also_a_command() -> None:
    assert build_parser().parse_args(["self-test"]).command == "self-test"


def test_resources_check_names_what_is_missing(monkeypatch: pytest.MonkeyPatch) -> None:
    from resources.examples import make_examples

    assert self_test.check_resources() == []
    monkeypatch.setitem(make_examples.EXAMPLES, "no_such_example", make_examples.and_gate)
    problems = self_test.check_resources()
    assert len(problems) == 1 and problems[0].startswith("example no_such_example:")


def test_platform_plugin_check_names_a_missing_plugin(monkeypatch: pytest.MonkeyPatch,
                                                      tmp_path: Path) -> None:
    found, problems, _notes = self_test.check_platform_plugins()
    assert "offscreen" in found and problems == []
    monkeypatch.setattr(QCoreApplication, "libraryPaths", staticmethod(lambda: [str(tmp_path)]))
    found, problems, _notes = self_test.check_platform_plugins()
    assert found == []
    assert any("qoffscreen" in p and "is missing" in p and str(tmp_path) in p for p in problems)


def test_pyqtgraph_check_passes_here(qapp: object) -> None:
    version, problems = self_test.check_pyqtgraph()
    assert version and problems == []


def test_the_onnx_check_exports_runs_and_names_a_failure(tmp_path: Path,
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    from core.project import load_project
    from resources.examples import example_path

    project = load_project(example_path("xor_by_hand"))
    assert self_test.check_onnx_export(project, tmp_path) == []
    monkeypatch.setitem(sys.modules, "onnx", None)  # a bundle without it
    from gui import export_menu

    # exported in this process, the one without onnx (the window uses a child process)
    monkeypatch.setattr(export_menu, "SEPARATE_PROCESS", frozenset())
    assert self_test.check_onnx_export(project, tmp_path) == [
        "the ONNX export fails: the ONNX export needs the onnx package: pip install onnx"]


def test_the_download_check_loads_the_ca_file_and_names_what_is_missing(
        monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    import requests.utils

    ready, problems = self_test.check_download_stack()
    assert problems == [] and ready.startswith("OpenSSL ")
    count = int(re.fullmatch(r"OpenSSL .*, (\d+) CA certificates", ready).group(1))
    assert count > 50  # certifi's file: ~120 authorities, not the desktop's store
    empty = tmp_path / "cacert.pem"
    empty.write_text("")
    monkeypatch.setattr(requests.utils, "DEFAULT_CA_BUNDLE_PATH", str(empty))
    ready, problems = self_test.check_download_stack()
    assert ready == "" and len(problems) == 1
    assert problems[0].startswith(f"the CA certificates for HTTPS downloads cannot be loaded "
                                  f"from {empty} (")
    monkeypatch.setitem(sys.modules, "pooch", None)  # a bundle without it
    ready, problems = self_test.check_download_stack()  # (the cause in brackets: Python's)
    assert ready == "" and len(problems) == 1
    assert problems[0].startswith("the MNIST download needs pooch, which is missing (")


def test_the_dialog_guard_closes_a_dialog_and_remembers_it(qtbot: object) -> None:
    guard = DialogGuard()
    QTimer.singleShot(0, lambda: QMessageBox(QMessageBox.Icon.Critical, "Oops",
                                             "the file is broken").exec())
    qtbot.waitUntil(lambda: bool(guard.dialogs), timeout=5000)
    assert guard.dialogs == ["Oops: the file is broken"]


def test_a_launch_reports_when_its_window_is_shown(
        packaging_script: Callable[[str], ModuleType]) -> None:
    # The start-up goal is measured by `python packaging/startup_time.py` (medians, printed),
    # not asserted here: a timed test fails on a busy machine, not on slow code.
    startup = packaging_script("startup_time")
    median, times = startup.median_launch(startup.SOURCE_COMMAND, runs=1)
    print(f"source launch → window shown: {median:.2f} s")
    assert len(times) == 1 and 0 < median < startup.TIMEOUT


# ----------------------------------------------------------------------------- bundle rules
@pytest.fixture(scope="module")
def contents(packaging_script: Callable[[str], ModuleType]) -> ModuleType:
    return packaging_script("bundle_contents")


def test_bundled_resources_are_the_data_files_the_app_reads(contents: ModuleType) -> None:
    bundled = {str(Path(dest) / Path(src).name) for src, dest in contents.resource_datas(ROOT)}
    assert {"resources/examples/xor_learned.netcanvas", "resources/datasets/iris.csv",
            "resources/datasets/digits.csv.gz", "resources/datasets/SOURCES.md",
            "resources/icons/netcanvas.png", "resources/icons/netcanvas.svg",
            "resources/icons/netcanvas.ico"} <= bundled
    assert not any(name.endswith(".py") or "screenshots" in name for name in bundled)


def test_the_export_templates_travel_as_data(contents: ModuleType) -> None:
    bundled = {str(Path(dest) / Path(src).name) for src, dest in contents.export_templates(ROOT)}
    assert {"core/export/templates/numpy_net.py", "core/export/templates/numpy_optimizers.py",
            "core/export/templates/torch_model.py",
            "core/export/templates/torch_train.py",
            "core/export/templates/torch_readme.md"} == bundled


def _required_imports(node: ast.AST) -> set[str]:
    """Top-level packages imported outside ``try: … except ImportError`` (an optional import,
    such as the bench timing torch when present, is fine without the package)."""
    if isinstance(node, ast.Import):
        return {alias.name.split(".")[0] for alias in node.names}
    if isinstance(node, ast.ImportFrom):
        return {node.module.split(".")[0]} if node.module and not node.level else set()
    children = list(ast.iter_child_nodes(node))
    if isinstance(node, ast.Try) and any(
            isinstance(h.type, ast.Name) and h.type.id in ("ImportError", "ModuleNotFoundError")
            for h in node.handlers):
        children = [child for child in children if child not in node.body]
    return set().union(*(_required_imports(child) for child in children))


def test_big_optional_packages_are_excluded_and_never_imported(contents: ModuleType) -> None:
    """The bundle's size must not depend on what else the build machine has installed; and
    excluding a package the app does import would break the bundle, so none may be."""
    heavy = set(contents.OPTIONAL_HEAVY)
    assert {"torch", "tensorflow", "jax", "jaxlib", "cupy", "numba", "pandas", "onnxruntime",
            "matplotlib", "scipy", "h5py", "IPython"} <= heavy <= set(contents.EXCLUDED_MODULES)
    needed = {"onnx", "platformdirs", "numpy", "pyqtgraph", "PySide6"}
    assert not set(contents.EXCLUDED_MODULES) & needed  # (some of their parts are excluded)
    imported = set()
    for folder in ("core", "gui", "resources"):
        for path in (ROOT / folder).rglob("*.py"):
            if "templates" not in path.parts:  # exported scripts run by the student, not the app
                imported |= _required_imports(ast.parse(path.read_text(encoding="utf-8")))
    assert not imported & heavy


@pytest.mark.parametrize(("destination", "kept"), [
    ("PySide6/Qt/plugins/platforms/libqxcb.so", True),
    ("PySide6/Qt/plugins/platforms/libqoffscreen.so", True),
    ("PySide6/Qt/plugins/platforms/libqeglfs.so", False),
    ("PySide6/Qt/plugins/platformthemes/libqgtk3.so", False),
    ("PySide6/Qt/plugins/imageformats/libqjpeg.so", False),
    ("PySide6/Qt/plugins/iconengines/libqsvgicon.so", True),
    ("PySide6/Qt/lib/libQt6Core.so.6", True),
])
def test_qt_plugin_rules(contents: ModuleType, destination: str, kept: bool) -> None:
    assert contents.keep_plugin(destination) is kept


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="ELF and Linux libraries")
def test_orphaned_libraries_are_pruned(contents: ModuleType) -> None:
    import PySide6

    qt = Path(PySide6.__file__).parent / "Qt"
    lib = qt / "lib"
    offscreen = qt / "plugins" / "platforms" / "libqoffscreen.so"
    binaries = [("PySide6/Qt/plugins/platforms/libqoffscreen.so", str(offscreen), "BINARY")]
    binaries += [(f"PySide6/Qt/lib/{name}", str(lib / name), "BINARY")
                 for name in ("libQt6Gui.so.6", "libQt6Core.so.6", "libQt6Network.so.6")]
    kept = {Path(dest).name for dest, _src, _kind in contents.prune_orphans(binaries)}
    assert {"libqoffscreen.so", "libQt6Gui.so.6", "libQt6Core.so.6"} <= kept
    assert "libQt6Network.so.6" not in kept  # nothing kept links it
    assert contents.from_host("libstdc++.so.6") and not contents.from_host("libQt6Core.so.6")


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="ELF files")
def test_elf_needed_reads_direct_dependencies_only(
        packaging_script: Callable[[str], ModuleType]) -> None:
    import PySide6

    elf = packaging_script("elf_needed")
    gui = Path(PySide6.__file__).parent / "Qt" / "lib" / "libQt6Gui.so.6"
    needed = elf.needed(gui)
    assert "libQt6Core.so.6" in needed and "libQt6DBus.so.6" in needed
    assert "libicudata.so.73" not in needed  # Core's dependency, not Gui's own
    assert elf.needed(Path(__file__)) == []


def test_batch_split_check_passes_here_and_names_a_helper_that_never_started(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """A bundle whose helper processes cannot start trains in one process without a word
    (netcanvas train falls back): the self-test is where that shows."""
    from multiprocessing import shared_memory

    from core.project import load_project
    from gui.diagnostics import split_check
    from resources.examples import example_path

    project = load_project(example_path(self_test.EXAMPLE))
    dataset = project.data.load()
    assert split_check.check_batch_split(project, dataset) == []

    def refused(*_args: object, **_kwargs: object) -> None:
        raise OSError(38, "Function not implemented")

    monkeypatch.setattr(shared_memory, "SharedMemory", refused)
    assert split_check.check_batch_split(project, dataset) == [
        "training in 2 processes did not start its helper process"]
