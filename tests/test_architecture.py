"""core/ is the engine: it must never depend on Qt, pyqtgraph, the gui package or the bundled
resources (the caller hands it files). The colour theme and the frames the training worker
builds are plain NumPy too."""

import ast
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
QT = ("PySide6", "PyQt5", "PyQt6", "shiboken6", "pyqtgraph")
FORBIDDEN = (*QT, "gui", "resources")


def imported_modules(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names.add(node.module)
    return names


def loaded_top_packages(code: str) -> list[str]:
    """Run ``code`` in a fresh interpreter; the top-level packages it left in ``sys.modules``."""
    script = f"import sys\n{code}\nprint(sorted({{m.split('.')[0] for m in sys.modules}}))\n"
    result = subprocess.run([sys.executable, "-c", script], cwd=ROOT, capture_output=True,
                            text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    return ast.literal_eval(result.stdout.strip().splitlines()[-1])


def test_no_core_module_imports_qt_gui_or_resources():
    offenders = []
    for path in sorted((ROOT / "core").rglob("*.py")):
        for name in imported_modules(path):
            if name.split(".")[0] in FORBIDDEN:
                offenders.append(f"{path.relative_to(ROOT)} imports {name}")
    assert offenders == []


def test_importing_all_of_core_loads_no_qt_gui_or_resources():
    code = (
        "import sys, pkgutil, importlib, core\n"
        "for m in pkgutil.walk_packages(core.__path__, 'core.'):\n"
        "    importlib.import_module(m.name)\n"
        f"bad = [m for m in sys.modules if m.split('.')[0] in {FORBIDDEN!r}]\n"
        "print(bad)\n"
        "sys.exit(1 if bad else 0)\n"
    )
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True,
                            text=True, timeout=120)
    assert result.returncode == 0, result.stdout + result.stderr


def test_the_theme_and_the_workers_frames_load_no_qt():
    loaded = loaded_top_packages("import gui.theme, gui.training.frames")
    assert "gui" in loaded and "numpy" in loaded
    assert [name for name in loaded if name in QT] == []


def test_the_check_itself_catches_a_qt_import(tmp_path):
    bad = tmp_path / "bad.py"
    bad.write_text("from PySide6.QtCore import QObject\nimport gui.app\n")
    assert {"PySide6.QtCore", "gui.app"} <= imported_modules(bad)


def test_core_never_imports_resources():
    """resources/ builds its examples with core, so core importing it would be a cycle."""
    offenders = [f"{path.relative_to(ROOT)} imports {name}"
                 for path in sorted((ROOT / "core").rglob("*.py"))
                 for name in imported_modules(path) if name.split(".")[0] == "resources"]
    assert offenders == []


WIDGET_MODULES = ("PySide6.QtWidgets", "pyqtgraph", "gui.canvas", "gui.inspector", "gui.panels",
                  "gui.training", "gui.labs", "gui.widgets", "gui.main_window")


def test_the_document_imports_no_widget_module():
    """gui/document is the model: views follow it, it never knows them."""
    offenders = [f"{path.relative_to(ROOT)} imports {name}"
                 for path in sorted((ROOT / "gui" / "document").rglob("*.py"))
                 for name in imported_modules(path)
                 if any(name == w or name.startswith(w + ".") for w in WIDGET_MODULES)]
    assert offenders == []


MAX_LINES = 450


def test_no_module_is_too_long_to_read_in_one_sitting():
    long = [f"{path.relative_to(ROOT)}: {n} lines"
            for folder in ("core", "gui")
            for path in sorted((ROOT / folder).rglob("*.py"))
            if (n := len(path.read_text(encoding="utf-8").splitlines())) > MAX_LINES]
    assert long == []


def test_the_repository_cites_only_its_own_documents():
    """Facts from notes outside the repository live in docs/; citations of docs/ resolve."""
    outside = re.compile(
        r"CONCEPTS\.md|QT-TRAPS\.md|STYLE\.md|DESIGN\.md|GLOSSARY-ko\.md|\.\./shared")
    cited = re.compile(r"docs/[\w-]+\.md")
    bad = []
    paths = [ROOT / "README.md", ROOT / "pyproject.toml"] + [
        p for folder in ("core", "gui", "tests", "packaging", "resources")
        for p in (ROOT / folder).rglob("*") if p.suffix in (".py", ".md", ".spec", ".toml")]
    for path in paths:
        text = path.read_text(encoding="utf-8")
        bad += [f"{path.relative_to(ROOT)} cites {m.group(0)}" for m in outside.finditer(text)
                if path.name != "test_architecture.py"]
        bad += [f"{path.relative_to(ROOT)} cites missing {m.group(0)}"
                for m in cited.finditer(text) if not (ROOT / m.group(0)).is_file()]
    assert bad == []
