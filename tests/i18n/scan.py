"""Find text a user may read that is not marked for translation (an AST scan of gui/ and core/).

A string "reads as prose" when it has a lower-case letter and either a space or a capital at
its start ("Train", "Cannot read the file"); identifiers ("relu", "W1", "CSV") do not. Such a
string must be an argument of a translation call (``tr``, ``translate``, ``QT_TRANSLATE_NOOP``,
``_``, ``N_``, ``ngettext``, ``N_plural``) or of a call that never shows text
(:data:`NOT_UI_CALLS`); an f-string that reads as prose is always reported (translate the
pattern, then ``.format``).
Docstrings, annotations, comparisons and subscripts are not text a user reads.

Where a string really is not UI text (a code template, a developer's error), end its line with
``# i18n: not ui`` — or put ``# i18n: not ui file`` in a module that only writes code.
"""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
TRANSLATION_CALLS = {"tr", "translate", "QT_TRANSLATE_NOOP", "QT_TR_NOOP", "_", "N_", "ngettext",
                     "N_plural"}
NOT_UI_CALLS = {
    "setObjectName", "findChild", "findChildren", "objectName", "setProperty", "property",
    "value", "setValue", "contains", "remove", "QSettings", "beginGroup", "QKeySequence",
    "setStyleSheet", "Signal", "Slot", "Property", "getattr", "setattr", "hasattr", "QColor",
    "QFont", "setFamily", "setFamilies", "startswith", "endswith", "split", "rsplit", "join",
    "replace", "strip", "rstrip", "lstrip", "encode", "decode", "strftime", "strptime",
    "compile", "match", "search", "sub", "fullmatch", "get", "pop", "setdefault", "getenv",
    "Path", "open", "dtype", "astype", "warn", "isinstance", "TypeError", "NotImplementedError",
    "AssertionError", "namedtuple", "TypeVar", "cast", "parametrize", "QUrl", "fromLocalFile",
    "setWindowRole", "setDesktopFileName", "setApplicationName", "setOrganizationName",
    "setApplicationDisplayName", "hasFormat", "loads", "dumps", "pack", "unpack", "frombuffer",
    "savez", "savez_compressed", "load", "einsum",
}


def reads_as_prose(text: str) -> bool:
    text = text.strip()
    if not any(c.islower() for c in text):
        return False
    return " " in text or (text[0].isupper() and any(c.islower() for c in text[1:2]))


def _call_name(node: ast.Call) -> str:
    func = node.func
    if isinstance(func, ast.Attribute):
        return func.attr
    return func.id if isinstance(func, ast.Name) else ""


def _docstrings(tree: ast.AST) -> set[int]:
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef):
            body = node.body
            if body and isinstance(body[0], ast.Expr) and isinstance(body[0].value, ast.Constant):
                found.add(id(body[0].value))
    return found


def _skipped_subtrees(tree: ast.AST) -> set[int]:
    """Ids of nodes under translation calls, non-UI calls, annotations, comparisons, keys."""
    skip: set[int] = set()

    def under(node: ast.AST | None) -> None:
        if node is not None:
            skip.update(id(n) for n in ast.walk(node))

    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and _call_name(node) in TRANSLATION_CALLS | NOT_UI_CALLS:
            for arg in [*node.args, *(k.value for k in node.keywords)]:
                under(arg)
        elif isinstance(node, ast.arg | ast.AnnAssign):
            under(node.annotation)
        elif isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
            under(node.returns)
        elif isinstance(node, ast.Compare):
            under(node.left)
            for comparator in node.comparators:
                under(comparator)
        elif isinstance(node, ast.Subscript):
            under(node.slice)
        elif isinstance(node, ast.Assert):
            under(node.msg)
        elif isinstance(node, ast.Assign) and any(
                isinstance(t, ast.Name) and t.id == "__all__" for t in node.targets):
            under(node.value)
        elif isinstance(node, ast.Dict):
            for key in node.keys:
                under(key)
    return skip


def unmarked(path: Path) -> list[str]:
    """``file:line: text`` for each string in ``path`` that reads as prose and is not marked."""
    source = path.read_text(encoding="utf-8")
    if "# i18n: not ui file" in source:
        return []
    lines = source.splitlines()
    tree = ast.parse(source)
    skip = _docstrings(tree) | _skipped_subtrees(tree)
    found = []
    for node in ast.walk(tree):
        if id(node) in skip or not hasattr(node, "lineno"):
            continue
        if isinstance(node, ast.JoinedStr):
            text = "".join(v.value for v in node.values if isinstance(v, ast.Constant))
            for part in ast.walk(node):
                skip.add(id(part))
        elif isinstance(node, ast.Constant) and isinstance(node.value, str):
            text = node.value
        else:
            continue
        end = getattr(node, "end_lineno", node.lineno)
        if not reads_as_prose(text) or any(
                "# i18n: not ui" in lines[n - 1] for n in range(node.lineno, end + 1)):
            continue
        found.append(f"{path.relative_to(ROOT)}:{node.lineno}: {text[:70]!r}")
    return found
