"""The self-test's findings are gettext messages: with Korean chosen, they print in Korean."""

from __future__ import annotations

import pytest

from core import i18n
from gui.diagnostics import self_test


@pytest.fixture
def korean_core():
    i18n.set_language("ko")
    yield
    i18n.set_language("en")


def test_a_missing_example_is_named_in_korean(monkeypatch, korean_core):
    from resources.examples import make_examples

    monkeypatch.setitem(make_examples.EXAMPLES, "no_such_example", make_examples.and_gate)
    problems = self_test.check_resources()
    assert len(problems) == 1 and problems[0].startswith("예제 no_such_example: ")


def test_a_missing_platform_plugin_is_named_in_korean(monkeypatch, korean_core, tmp_path):
    from PySide6.QtCore import QCoreApplication

    monkeypatch.setattr(QCoreApplication, "libraryPaths", staticmethod(lambda: [str(tmp_path)]))
    found, problems, _notes = self_test.check_platform_plugins("offscreen")
    assert found == []
    assert problems[0].startswith("Qt 플랫폼 플러그인 ") and "qoffscreen" in problems[0]
    assert problems[0].endswith(f"이(가) 없습니다(찾아본 곳: {tmp_path / 'platforms'})")
