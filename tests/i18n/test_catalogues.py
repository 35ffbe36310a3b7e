"""The Korean catalogues are complete, current and compiled; the app loads them."""

from __future__ import annotations

import gettext
import importlib.util
import subprocess
import sys

from tests.i18n.scan import ROOT


def i18n_tool():
    spec = importlib.util.spec_from_file_location("netcanvas_packaging_i18n",
                                                  ROOT / "packaging" / "i18n.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_korean_is_complete_current_and_compiled():
    """Nothing unfinished or obsolete in any .ts or .po; every marked message is in them; the
    .qm and .mo the app loads are compiled from exactly these sources."""
    problems = i18n_tool().check("ko")
    assert not problems, f"{len(problems)} problems:\n" + "\n".join(problems[:200])


def test_the_catalogues_hold_translations():
    messages = i18n_tool().messages("ko")
    assert len(messages) > 500  # the whole interface, not a sample
    hangul = [m for m in messages if any("\uac00" <= c <= "\ud7a3" for t in m["translation"]
                                         for c in t)]
    assert len(hangul) > 0.9 * len(messages)


def test_core_messages_come_from_the_compiled_catalogue():
    with (ROOT / "resources" / "i18n" / "netcanvas_ko.mo").open("rb") as file:
        catalogue = gettext.GNUTranslations(file)
    assert catalogue.gettext("Circle") == "원"


def test_the_check_command_fails_on_an_unfinished_message(tmp_path, monkeypatch):
    tool = i18n_tool()
    (tmp_path / "gui").mkdir()
    (tmp_path / "gui" / "sample.py").write_text(
        'from gui.i18n import translate\nTEXT = translate("Sample", "Train")\n', encoding="utf-8")
    monkeypatch.setattr(tool, "ROOT", tmp_path)
    monkeypatch.setattr(tool, "I18N", tmp_path / "resources" / "i18n")
    tool.update("ko")
    problems = tool.check("ko")
    assert any("unfinished" in p and "'Train'" in p for p in problems)
    tool.fill_ts(tmp_path / "resources" / "i18n" / "ko" / "gui.ts", {("Sample", "Train"): "학습"})
    tool.compiled("ko", tmp_path / "resources" / "i18n")
    assert tool.check("ko") == []


def test_the_command_line_speaks_korean_when_pinned(tmp_path):
    corrupt = tmp_path / "broken.netcanvas"
    corrupt.write_text("{ not json", encoding="utf-8")
    env_run = subprocess.run(
        [sys.executable, "-m", "gui.cli", "check", str(corrupt)], capture_output=True,
        text=True, cwd=ROOT, env={"NETCANVAS_LANG": "ko", "PATH": "/usr/bin:/bin"})
    assert env_run.returncode != 0
    assert any("\uac00" <= c <= "\ud7a3" for c in env_run.stderr + env_run.stdout)
