"""``netcanvas --self-test``: prove, headless and in seconds, that this installation — a source
checkout or the frozen bundle — has everything the app needs.

A bundle that lacks a file fails when a student first clicks the menu that needs it, far from
the build that dropped it. So this check opens the real window on the offscreen platform, loads
the XOR example, trains it to 100 % (and with its mini-batches split between two processes),
runs two search trials on spawned processes (the frozen app must hand those back to
multiprocessing), exports the network as ONNX and runs the file,
draws and exports a pyqtgraph plot, and checks every resource file, the Qt platform plugins,
pyqtgraph's lazily loaded parts and the MNIST download's HTTPS stack (offline: its modules,
OpenSSL and the CA certificates). It prints one line and exits 0, or names everything that is
missing and exits 1.
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
import traceback
from importlib import import_module
from importlib.resources import files
from pathlib import Path
from typing import Any

from core.i18n import _
from gui.diagnostics import split_check
from gui.labs import LABS
from gui.package_info import package_info

EXAMPLE = "xor_learned"
SEARCH_TRIALS = 2
SEARCH_WORKERS = 2
OFFSCREEN_CHATTER = ("propagateSizeHints", "does not support raise()")  # i18n: not ui
#: the platform plugins a desktop session needs, besides "offscreen" (this check's own)
NATIVE_PLATFORMS = {"linux": ("xcb",), "win32": ("windows",), "darwin": ("cocoa",)}
PLUGIN_NAME = {"win32": "q{}.dll", "darwin": "libq{}.dylib"}  # else "libq{}.so"
#: pyqtgraph modules behind its plot menus and export dialog, which a first window never loads
PYQTGRAPH_LAZY = (
    "pyqtgraph.graphicsItems.ViewBox.axisCtrlTemplate_generic",
    "pyqtgraph.graphicsItems.PlotItem.plotConfigTemplate_generic",
    "pyqtgraph.GraphicsScene.exportDialogTemplate_generic",
    "pyqtgraph.exporters",
)


class SelfTestError(Exception):
    """One or more things are missing or broken; each entry of ``problems`` names one."""

    def __init__(self, problems: list[str]) -> None:
        super().__init__("; ".join(problems))
        self.problems = problems


# ----------------------------------------------------------------------------- files
def check_resources() -> list[str]:
    """Problems with the bundled examples, data sets and icons (no Qt needed)."""
    from core.datasets import load_digits, load_iris
    from core.project import load_project
    from resources.examples import example_path
    from resources.examples.make_examples import EXAMPLES
    from resources.icons import ICON_FILES, icon_path

    problems = []
    for name in EXAMPLES:
        try:
            load_project(example_path(name))
        except Exception as exc:  # any failure is a finding, named below
            problems.append(_("example {name}: {error}").format(name=name, error=exc))
    for loader in (load_iris, load_digits):
        try:
            loader()
        except Exception as exc:
            problems.append(_("data set {name}: {error}").format(
                name=loader.__name__.removeprefix("load_"), error=exc))
    if package_info()[0] is None:  # Help ▸ About would say "unknown"
        problems.append(_("the package's metadata (its version, for Help ▸ About) is missing"))
    if not (files("resources") / "datasets" / "SOURCES.md").is_file():
        problems.append(_("resources/datasets/SOURCES.md (the data sets' licences) is missing"))
    for icon in ICON_FILES:
        path = icon_path(icon.rpartition(".")[2])
        if not path.is_file() or path.stat().st_size == 0:
            problems.append(_("icon resources/icons/{icon} is missing").format(icon=icon))
    return problems


def check_platform_plugins(current: str = "offscreen") -> tuple[list[str], list[str], list[str]]:
    """(names found, problems, notes) for the Qt platform plugins: the ``current`` one, the
    headless one and the desktop's. Checked before the application exists: without its
    platform plugin Qt aborts with a message that names no file.

    Another plugin that is present but cannot load here is a note, not a failure: the
    desktop's needs system libraries (libxcb-*) that a headless build or CI machine may well
    lack."""
    from PySide6.QtCore import QCoreApplication, QPluginLoader

    folders = [Path(p) / "platforms" for p in QCoreApplication.libraryPaths()]
    pattern = PLUGIN_NAME.get(sys.platform, "libq{}.so")
    found, problems, notes = [], [], []
    for name in dict.fromkeys((current, "offscreen", *NATIVE_PLATFORMS.get(sys.platform, ()))):
        path = next((f / pattern.format(name) for f in folders
                     if (f / pattern.format(name)).is_file()), None)
        if path is None:
            searched = ", ".join(str(f) for f in folders) or _("no plugin folder")
            problems.append(_("Qt platform plugin {plugin} is missing (searched {folders})")
                            .format(plugin=pattern.format(name), folders=searched))
            continue
        loader = QPluginLoader(str(path))
        if loader.load():
            found.append(name)
            continue
        reason = loader.errorString().removeprefix(
            f"Cannot load library {path}: ").strip("()")  # i18n: not ui (Qt's own words)
        if name == current:
            problems.append(_("Qt platform plugin {plugin} cannot be loaded: {reason}").format(
                plugin=path.name, reason=reason))
        else:
            found.append(name)
            notes.append(_("{plugin} cannot load on this machine: {reason}").format(
                plugin=name, reason=reason))
    return found, problems, notes


# ----------------------------------------------------------------------------- download
#: what downloading MNIST and Fashion-MNIST imports: pooch fetches with requests, which speaks
#: HTTPS through urllib3 and ssl (OpenSSL) and verifies servers against certifi's CA file
DOWNLOAD_MODULES = ("pooch", "requests", "urllib3", "idna", "certifi", "ssl")


def check_download_stack() -> tuple[str, list[str]]:
    """(what is ready, e.g. "OpenSSL 3.0.19 27 Jan 2026, 146 CA certificates"; problems),
    without the network: the modules a download imports, and a TLS context loaded with the CA
    file requests verifies servers against. The first download of MNIST happens long after
    the bundle was built, on a student's computer, whatever its own OpenSSL and certificates."""
    problems = []
    for name in DOWNLOAD_MODULES:
        try:
            import_module(name)
        except ImportError as exc:
            problems.append(_("the MNIST download needs {module}, which is missing ({error})")
                            .format(module=name, error=exc))
    if problems:
        return "", problems
    import ssl

    from requests.utils import DEFAULT_CA_BUNDLE_PATH

    try:
        context = ssl.create_default_context(cafile=DEFAULT_CA_BUNDLE_PATH)
    except (OSError, ssl.SSLError) as exc:
        return "", [_("the CA certificates for HTTPS downloads cannot be loaded from {file} "
                      "({error})").format(file=DEFAULT_CA_BUNDLE_PATH, error=exc)]
    count = context.cert_store_stats()["x509_ca"]
    if count == 0:
        return "", [_("{file} holds no CA certificate: HTTPS downloads could not be "
                      "verified").format(file=DEFAULT_CA_BUNDLE_PATH)]
    return _("{openssl}, {count} CA certificates").format(openssl=ssl.OPENSSL_VERSION,
                                                          count=count), []


# ----------------------------------------------------------------------------- pyqtgraph
def check_pyqtgraph() -> tuple[str, list[str]]:
    """(version, problems): draws and exports a plot the way the panels use pyqtgraph."""
    try:
        import pyqtgraph as pg
    except ImportError as exc:
        return "", [_("pyqtgraph cannot be imported: {error}").format(error=exc)]
    problems = []
    for name in PYQTGRAPH_LAZY:
        try:
            import_module(name)
        except ImportError as exc:
            problems.append(_("pyqtgraph module {name} is missing ({error})").format(
                name=name, error=exc))
    if pg.icons.getGraphPixmap("auto").isNull():
        problems.append(_("pyqtgraph's icons (pyqtgraph/icons/auto.png) are missing"))
    if pg.icons.invisibleEye.qicon.pixmap(18, 18).isNull():
        problems.append(_("pyqtgraph's SVG icon cannot be drawn (the Qt SVG icon engine plugin "
                          "iconengines/qsvgicon or QtSvg is missing)"))
    if problems:
        return pg.__version__, problems
    plot = pg.PlotWidget()
    plot.addLegend()
    plot.plot([0.0, 1.0, 0.5], name="loss")
    plot.plot([0.0, 0.5, 1.0], name="accuracy").setVisible(False)  # legend draws the eye
    plot.getPlotItem().getViewBox().menu  # noqa: B018 - builds the menu from its template
    plot.resize(320, 200)
    if plot.grab().isNull():
        problems.append(_("a pyqtgraph plot cannot be drawn"))
    # Not the SVGExporter: pyqtgraph 0.14 cannot parse Qt 6.11's SVG paths (pyqtgraph#3485).
    try:
        if pg.exporters.ImageExporter(plot.getPlotItem()).export(toBytes=True).isNull():
            problems.append(_("pyqtgraph's ImageExporter produced an empty image"))
    except Exception as exc:
        problems.append(_("pyqtgraph's ImageExporter fails: {error}").format(error=repr(exc)))
    plot.deleteLater()
    return pg.__version__, problems


# ----------------------------------------------------------------------------- export
def check_onnx_export(project: Any, folder: Path) -> list[str]:
    """Export the window's network as ONNX the way File ▸ Export ▸ ONNX… does, and run the
    file with onnx's own reference evaluator: the onnx package ships in the bundle, and a
    part of it missing shows only when a student first exports."""
    import numpy as np

    from core.export import plan_export
    from gui.export_menu import export_work

    out = folder / "self_test.onnx"
    result = export_work(project, "onnx", out, force=True)
    if isinstance(result, str):
        return [_("the ONNX export fails: {error}").format(error=result)]
    try:
        import onnx
        from onnx.reference import ReferenceEvaluator

        plan = plan_export(project)
        x = plan.dataset.x  # the rows as the data set holds them (pixel bytes for images)
        (y,) = ReferenceEvaluator(onnx.load(out)).run(None, {"x": x.astype(np.float32)})
    except Exception as exc:  # a missing part of onnx, say: name it
        return [_("the exported ONNX file cannot be run: {kind}: {error}").format(
            kind=type(exc).__name__, error=exc)]
    expected = plan.netcanvas_output(x)
    if not np.allclose(y, expected, rtol=1e-5, atol=1e-5):
        return [_("the exported ONNX file answers {answer} instead of {expected}").format(
            answer=y.ravel(), expected=expected.ravel())]
    return []


# ----------------------------------------------------------------------------- the window
def check_labs(window: Any) -> list[str]:
    """Open and draw every lab of the Labs menu, then close it (which joins its work). The
    labs are imported by name when opened, so a bundle may lack one without any other sign."""
    problems = []
    for info in LABS:
        try:
            lab = window.labs_menu.open_lab(info.key)
            if lab.grab().isNull():
                problems.append(_("the lab {title} cannot be drawn").format(
                    title=repr(info.title)))
            lab.close()
        except Exception as exc:  # a missing module, say: name the lab
            problems.append(_("the lab {title} cannot be opened: {kind}: {error}").format(
                title=repr(info.title), kind=type(exc).__name__, error=exc))
    return problems


#: A message of Qt's own catalogue (qtbase), passed unpacked so lupdate does not take it for ours.
QT_CANCEL = ("QPlatformTheme", "Cancel")  # i18n: not ui


def check_languages(window: Any) -> list[str]:
    """Switch the window to Korean and back: NetCanvas's catalogues (the window's and core's)
    and Qt's own (standard buttons) must all load — the bundle keeps them on purpose."""
    from PySide6.QtCore import QCoreApplication

    from core.i18n import _ as core_tr
    from gui.i18n import language, set_language

    before = language()
    try:
        if set_language("ko") != "ko":
            return [_("the Korean catalogues cannot be loaded")]
        found = {
            "window": window.language_menu.title() == "언어(&L)",
            "core": core_tr("Circle") == "원",
            "Qt": QCoreApplication.translate(*QT_CANCEL) == "취소",
        }
        return [_("the {part} translations are not Korean").format(part=part)
                for part, ok in found.items() if not ok]
    finally:
        set_language(before)


def run_window(folder: Path) -> dict[str, Any]:
    """Open the main window on the example, train its network and run a small search."""
    from PySide6.QtCore import QSettings

    from core.training.search import random_search
    from core.training.trainer import Trainer
    from gui.app import application
    from gui.diagnostics.dialog_guard import DialogGuard
    from gui.main_window import MainWindow

    app = application()
    guard = DialogGuard(app)
    settings = QSettings(str(folder / "settings.ini"), QSettings.Format.IniFormat)
    window = MainWindow(settings)  # the user's own settings stay untouched
    try:
        if not window.files.open_example(EXAMPLE):
            raise SelfTestError([_("the window could not open the example {name}").format(
                name=EXAMPLE), *guard.dialogs])
        window.show()
        hidden = [n.id for n in window.doc.spec.nodes if n.kind == "hidden"]
        window.scene.select_only(hidden[:1])  # the inspector draws its activation plot
        app.processEvents()
        if not window.isVisible() or window.grab().isNull():
            raise SelfTestError([_("the main window cannot be shown and drawn")])

        project = window.files.project()
        dataset = project.data.load()
        trainer = Trainer(project.build_network(), dataset, project.settings)
        outcome = trainer.run()
        accuracy = (trainer.history.latest() or {}).get("train_accuracy")
        if accuracy != 1.0:
            raise SelfTestError([_("training {name} reached accuracy {accuracy} (not 100 %): "
                                    "{reason}").format(name=EXAMPLE, accuracy=accuracy,
                                                       reason=outcome.reason)])
        search = random_search(project.spec, dataset, project.settings, n_trials=SEARCH_TRIALS,
                               epochs=1, workers=SEARCH_WORKERS)
        if len(search.trials) != SEARCH_TRIALS:
            raise SelfTestError([_("the search on {workers} processes finished {done} of "
                                    "{trials} trials").format(workers=SEARCH_WORKERS,
                                                              done=len(search.trials),
                                                              trials=SEARCH_TRIALS)])
        problems = (check_labs(window) + check_languages(window)
                    + check_onnx_export(project, folder)
                    + split_check.check_batch_split(project, dataset))
        if problems:
            raise SelfTestError(problems)
        if guard.dialogs:
            raise SelfTestError([_("unexpected dialog: {text}").format(text=d)
                                 for d in guard.dialogs])
        return {"epochs": trainer.history.n_epochs, "platform": app.platformName()}
    finally:
        window.close()
        window.deleteLater()
        app.processEvents()


# ----------------------------------------------------------------------------- entry point
def run() -> dict[str, Any]:
    """Every check; raises :class:`SelfTestError` naming all problems found."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    current = os.environ["QT_QPA_PLATFORM"].split(";")[0].split(":")[0] or "offscreen"
    problems = check_resources()
    https, download_problems = check_download_stack()
    problems += download_problems
    platforms, plugin_problems, notes = check_platform_plugins(current)
    problems += plugin_problems
    if current not in platforms:
        raise SelfTestError(problems)  # Qt would abort creating the application
    with tempfile.TemporaryDirectory(prefix="netcanvas-self-test-") as folder:
        from PySide6.QtCore import qInstallMessageHandler

        from gui.app import application

        qInstallMessageHandler(_without_offscreen_chatter)
        application()
        version, plot_problems = check_pyqtgraph()
        problems += plot_problems
        if problems:
            raise SelfTestError(problems)
        facts = run_window(Path(folder))
    return {**facts, "platforms": platforms, "notes": notes, "pyqtgraph": version,
            "https": https}


def _without_offscreen_chatter(kind: object, context: object, message: str) -> None:
    """Qt's messages on stderr, less the offscreen platform's harmless warnings (it cannot
    propagate size hints or raise a window)."""
    if not any(harmless in message for harmless in OFFSCREEN_CHATTER):
        print(message, file=sys.stderr)


def main() -> int:
    """Run the self-test; print one summary line (exit 0) or every problem (exit 1)."""
    started = time.perf_counter()
    where = _("frozen bundle") if getattr(sys, "frozen", False) else _("source install")
    try:
        facts = run()
    except SelfTestError as failure:
        problems = failure.problems
    except Exception as exc:  # a missing module deep in an import, say: still a finding
        problems = ["".join(traceback.format_exception(exc)).rstrip()]
    else:
        problems = []
    if problems:
        print(_("netcanvas self-test FAILED ({where}):").format(where=where), file=sys.stderr)
        for problem in problems:
            print(f"  - {problem}", file=sys.stderr)
        return 1
    notes = "".join(_("; note: {note}").format(note=note) for note in facts["notes"])
    print(_("netcanvas self-test passed ({where}, {seconds} s): window opened on {platform}, "
            "{example} trained to 100 % in {epochs} epochs, {trials} search trials on {workers} "
            "processes, mini-batches split between {processes} processes, {labs} labs opened, "
            "ONNX exported and run, all resources present, platform plugins {plugins}, "
            "pyqtgraph {version}, HTTPS download ready ({https}){notes}").format(
        where=where, seconds=f"{time.perf_counter() - started:.1f}", platform=facts["platform"],
        example=EXAMPLE, epochs=facts["epochs"], trials=SEARCH_TRIALS, workers=SEARCH_WORKERS,
        processes=split_check.PROCESSES, labs=len(LABS), plugins="+".join(facts["platforms"]),
        version=facts["pyqtgraph"], https=facts["https"], notes=notes))
    return 0
