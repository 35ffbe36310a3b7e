"""Keep the translations current: ``python packaging/i18n.py update|compile|check|todo|fill``.

Two layers, one kind of file each, both under ``resources/i18n/<lang>/``, one file per source
folder (``gui/training/plots`` → ``gui_training_plots``), so people working in different folders
never edit the same catalogue:

- the window (Qt): ``<folder>.ts``, made by ``pyside6-lupdate`` from ``self.tr``,
  ``translate(context, …)`` and ``QT_TRANSLATE_NOOP``; compiled by ``pyside6-lrelease`` into
  ``resources/i18n/netcanvas_<lang>.qm``;
- ``core`` and the command line (gettext): ``<folder>.po``, extracted by Babel from ``_``,
  ``N_``, ``ngettext`` and ``N_plural``; compiled into ``resources/i18n/netcanvas_<lang>.mo``.

Commands:
  update   re-extract every folder's messages into its catalogues (translations kept, messages
           gone from the code dropped, new ones added unfinished)
  compile  build the .qm and .mo files the app loads
  check    list what is unfinished, obsolete, out of date or not compiled (exit 1 if any)
  todo     print the unfinished messages as JSON (``[{"file", "context", "source"}]``)
  fill F   take translations from JSON file F (the ``todo`` list with "translation" added; a
           plural's translation is its one Korean form), then update and compile
  adopt D  take the finished translations of another copy's catalogue folder D (for instance a
           branch's ``resources/i18n/ko`` checked out elsewhere) for messages unfinished here —
           how two people's catalogues are merged — then update and compile
"""

from __future__ import annotations

import argparse
import datetime
import hashlib
import io
import json
import os
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from collections.abc import Iterable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
I18N = ROOT / "resources" / "i18n"
TRANSLATED = ("ko",)  # languages besides English, the source
SOURCE_FOLDERS = ("gui", "core", "resources")  # resources: the examples' texts
GETTEXT_KEYWORDS = {"_": None, "N_": None, "ngettext": (1, 2), "N_plural": (1, 2)}
FIXED_DATE = datetime.datetime(2026, 1, 1, tzinfo=datetime.timezone.utc)  # no churn per run


def area_name(folder: Path) -> str:
    return "_".join(folder.relative_to(ROOT).parts)


def areas() -> dict[str, list[Path]]:
    """Each source folder's catalogue name and its Python files."""
    found: dict[str, list[Path]] = {}
    for top in SOURCE_FOLDERS:
        for file in sorted((ROOT / top).rglob("*.py")):
            if "templates" in file.parts:  # exported scripts are the user's code, not UI
                continue
            found.setdefault(area_name(file.parent), []).append(file)
    return found


def _tool(name: str) -> str:
    here = Path(sys.executable).parent / name
    return str(here) if here.exists() else shutil.which(name) or name


# ------------------------------------------------------------------ Qt (.ts)
def lupdate(files: list[Path], ts: Path, lang: str) -> None:
    subprocess.run([_tool("pyside6-lupdate"), *map(str, files), "-ts", str(ts),
                    "-no-obsolete", "-locations", "none", "-target-language", lang, "-silent"],
                   check=True, cwd=ROOT)


def ts_messages(ts: Path) -> list[dict]:
    """Every message of a .ts file: context, source, translation(s), and its state."""
    out = []
    for context in ET.parse(ts).getroot().iter("context"):
        name = context.findtext("name")
        for message in context.iter("message"):
            translation = message.find("translation")
            forms = [f.text or "" for f in translation.iter("numerusform")]
            text = forms if message.get("numerus") == "yes" else [translation.text or ""]
            out.append({"file": ts.name, "context": name, "source": message.findtext("source"),
                        "comment": message.findtext("comment"),
                        "state": translation.get("type") or "finished",
                        "translation": text})
    return out


def fill_ts(ts: Path, translations: dict[tuple[str, str], str]) -> int:
    tree = ET.parse(ts)
    done = 0
    for context in tree.getroot().iter("context"):
        name = context.findtext("name")
        for message in context.iter("message"):
            key = (name, message.findtext("source"))
            if key not in translations:
                continue
            translation = message.find("translation")
            for child in list(translation):
                translation.remove(child)
            if message.get("numerus") == "yes":
                translation.text = None
                ET.SubElement(translation, "numerusform").text = translations[key]
            else:
                translation.text = translations[key]
            translation.attrib.pop("type", None)
            done += 1
    tree.write(ts, encoding="utf-8", xml_declaration=True)
    return done


# ------------------------------------------------------------------ gettext (.po)
def _extract(files: list[Path], lang: str):
    from babel.messages.catalog import Catalog
    from babel.messages.extract import extract_from_file

    catalog = Catalog(locale=lang, project="NetCanvas", creation_date=FIXED_DATE,
                      revision_date=FIXED_DATE, fuzzy=False)
    for file in files:
        for _line, message, comments, context in extract_from_file(
                "python", str(file), keywords=GETTEXT_KEYWORDS, comment_tags=("Translators:",)):
            catalog.add(message, None, [(file.relative_to(ROOT).as_posix(), None)],
                        auto_comments=comments, context=context)
    return catalog


def _read_po(po: Path):
    from babel.messages.pofile import read_po

    with po.open("rb") as file:
        return read_po(file)


def _write_po(catalog, po: Path) -> None:
    from babel.messages.pofile import write_po

    catalog.creation_date = catalog.revision_date = FIXED_DATE
    buffer = io.BytesIO()
    write_po(buffer, catalog, width=100, sort_output=True, include_lineno=False,
             ignore_obsolete=True)
    _write_atomically(po, buffer.getvalue())


def update_po(files: list[Path], po: Path, lang: str) -> None:
    template = _extract(files, lang)
    if not len(template):
        po.unlink(missing_ok=True)
        return
    if po.exists():
        catalog = _read_po(po)
        catalog.update(template, no_fuzzy_matching=True, update_header_comment=False)
        catalog.obsolete.clear()
    else:
        catalog = template
    _write_po(catalog, po)


def po_messages(po: Path) -> list[dict]:
    out = []
    for message in _read_po(po):
        if not message.id:
            continue
        ids = list(message.id) if isinstance(message.id, tuple) else [message.id]
        strings = list(message.string) if isinstance(message.string, tuple) else [message.string]
        done = all(strings) and not message.fuzzy
        out.append({"file": po.name, "context": message.context, "source": ids[0],
                    "plural": ids[1] if len(ids) > 1 else None,
                    "state": "finished" if done else "unfinished", "translation": strings})
    return out


def fill_po(po: Path, translations: dict[str, str]) -> int:
    catalog = _read_po(po)
    done = 0
    for message in catalog:
        key = message.id[0] if isinstance(message.id, tuple) else message.id
        if key and key in translations:
            text = translations[key]
            message.string = (text,) if isinstance(message.id, tuple) else text
            message.flags.discard("fuzzy")
            done += 1
    _write_po(catalog, po)
    return done


# ------------------------------------------------------------------ both
def _write_atomically(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.NamedTemporaryFile(dir=path.parent, delete=False, suffix=".tmp") as file:
        file.write(data)
    os.chmod(file.name, 0o644)  # a catalogue is read by everyone, like the rest of the install
    os.replace(file.name, path)


def update(lang: str, only: Iterable[str] | None = None) -> None:
    folder = I18N / lang
    folder.mkdir(parents=True, exist_ok=True)
    wanted = set(only or ())
    for name, files in areas().items():
        if wanted and name not in wanted:
            continue
        ts = folder / f"{name}.ts"
        lupdate(files, ts, lang)
        if not ts_messages(ts):
            ts.unlink()
        update_po(files, folder / f"{name}.po", lang)


def sources_digest(lang: str) -> str:
    """A hash of ``lang``'s .ts and .po sources: written beside the compiled files, so a check
    sees whether they were compiled from exactly these sources (the compiled bytes themselves
    vary with the versions of lrelease and Babel)."""
    digest = hashlib.sha256()
    for path in sorted([*(I18N / lang).glob("*.ts"), *(I18N / lang).glob("*.po")]):
        digest.update(path.name.encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()


def stamp_path(lang: str, out: Path) -> Path:
    return out / f"netcanvas_{lang}.sources.sha256"


def compiled(lang: str, out: Path) -> tuple[Path, Path]:
    """Compile ``lang``'s catalogues into ``out``; returns the .qm and .mo paths."""
    from babel.messages.catalog import Catalog
    from babel.messages.mofile import write_mo

    folder = I18N / lang
    qm, mo = out / f"netcanvas_{lang}.qm", out / f"netcanvas_{lang}.mo"
    ts_files = sorted(folder.glob("*.ts"))
    # lrelease writes in place; a running NetCanvas (a test suite) has the .qm mapped into
    # memory and crashed in QCoreApplication.translate when it was rewritten under it
    fresh = qm.with_name(qm.name + ".new")
    subprocess.run([_tool("pyside6-lrelease"), *map(str, ts_files), "-qm", str(fresh),
                    "-silent", "-nounfinished"], check=True, cwd=ROOT)
    os.replace(fresh, qm)
    merged = Catalog(locale=lang, project="NetCanvas", creation_date=FIXED_DATE,
                     revision_date=FIXED_DATE, fuzzy=False)
    for po in sorted(folder.glob("*.po")):
        for message in _read_po(po):
            if message.id and not message.fuzzy:
                merged[message.id] = message
    buffer = io.BytesIO()
    write_mo(buffer, merged)
    _write_atomically(mo, buffer.getvalue())
    _write_atomically(stamp_path(lang, out), (sources_digest(lang) + "\n").encode())
    return qm, mo


def messages(lang: str) -> list[dict]:
    folder = I18N / lang
    return ([m for ts in sorted(folder.glob("*.ts")) for m in ts_messages(ts)]
            + [m for po in sorted(folder.glob("*.po")) for m in po_messages(po)])


def adoptable(folder: Path, lang: str) -> list[dict]:
    """Fill entries for this copy's unfinished messages that ``folder``'s catalogues finish."""
    theirs = {}
    for path in [*folder.glob("*.ts"), *folder.glob("*.po")]:
        for m in ts_messages(path) if path.suffix == ".ts" else po_messages(path):
            if m["state"] == "finished":
                theirs[(m["file"], m["context"], m["source"])] = m["translation"][0]
    return [{**m, "translation": theirs[key]} for m in messages(lang)
            if m["state"] != "finished"
            and (key := (m["file"], m["context"], m["source"])) in theirs]


def check(lang: str) -> list[str]:
    """Everything that keeps ``lang`` from being complete, in words (empty when complete)."""
    problems = [f"{m['file']}: unfinished: {m['context'] or ''} {m['source']!r}"
                for m in messages(lang) if m["state"] != "finished"]
    with tempfile.TemporaryDirectory() as tmp:
        fresh = Path(tmp)
        for name, files in areas().items():
            for suffix in (".ts", ".po"):
                committed = I18N / lang / f"{name}{suffix}"
                made = fresh / f"{name}{suffix}"
                if suffix == ".ts":
                    lupdate(files, made, lang)
                    keys = {(m["context"], m["source"]) for m in ts_messages(made)}
                    have = ({(m["context"], m["source"]) for m in ts_messages(committed)}
                            if committed.exists() else set())
                else:
                    template = _extract(files, lang)
                    keys = {(m.context, m.id[0] if isinstance(m.id, tuple) else m.id)
                            for m in template if m.id}
                    have = ({(m["context"], m["source"]) for m in po_messages(committed)}
                            if committed.exists() else set())
                for context, source in sorted(keys - have, key=str):
                    problems.append(f"{committed.name}: not in the catalogue (run update): "
                                    f"{context or ''} {source!r}")
                for context, source in sorted(have - keys, key=str):
                    problems.append(f"{committed.name}: obsolete (run update): "
                                    f"{context or ''} {source!r}")
    stamp = stamp_path(lang, I18N)
    compiled_files = [stamp, I18N / f"netcanvas_{lang}.qm", I18N / f"netcanvas_{lang}.mo"]
    if (not all(path.exists() for path in compiled_files)
            or stamp.read_text(encoding="utf-8").strip() != sources_digest(lang)):
        problems.append(f"netcanvas_{lang}.qm/.mo are not compiled from the sources "
                        "(run compile)")
    return problems


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python packaging/i18n.py", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("command",
                        choices=["update", "compile", "check", "todo", "fill", "adopt"])
    parser.add_argument("file", nargs="?",
                        help="the JSON file of translations (fill); the folder (adopt)")
    parser.add_argument("--lang", default=TRANSLATED[0])
    parser.add_argument("--area", action="append", help="only these catalogues (update, todo)")
    args = parser.parse_args(argv)
    if args.command == "update":
        update(args.lang, args.area)
    elif args.command == "compile":
        compiled(args.lang, I18N)
    elif args.command == "check":
        problems = check(args.lang)
        print("\n".join(problems) or "complete")
        return 1 if problems else 0
    elif args.command == "todo":
        todo = [{k: m[k] for k in ("file", "context", "source") if m.get(k) is not None}
                | ({"plural": m["plural"]} if m.get("plural") else {})
                for m in messages(args.lang) if m["state"] != "finished"
                and (not args.area or Path(m["file"]).stem in args.area)]
        json.dump(todo, sys.stdout, ensure_ascii=False, indent=1)
        print()
    else:
        if args.command == "adopt":
            entries = adoptable(Path(args.file), args.lang)
        else:
            entries = json.loads(Path(args.file).read_text(encoding="utf-8"))
        by_file: dict[str, list[dict]] = {}
        for entry in entries:
            by_file.setdefault(entry["file"], []).append(entry)
        for name, group in by_file.items():
            path = I18N / args.lang / name
            if path.suffix == ".ts":
                count = fill_ts(path, {(e["context"], e["source"]): e["translation"]
                                       for e in group})
            else:
                count = fill_po(path, {e["source"]: e["translation"] for e in group})
            print(f"{name}: {count} filled")
        update(args.lang, {Path(name).stem for name in by_file})
        compiled(args.lang, I18N)
    return 0


if __name__ == "__main__":
    sys.exit(main())
