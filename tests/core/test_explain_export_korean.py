"""core.explain and core.export in Korean: the explain table, its steps' rules and the export
errors read as the Korean catalogue says, and go back to English after the switch back."""

from __future__ import annotations

import numpy as np
import pytest

from core import i18n
from core.explain import PHASE_WORDS, explain, format_table, in_current_language
from core.explain.report import display_width, vector_text
from core.export import ExportError, export_project, with_weights
from core.project import load_project
from resources.examples import example_path


def test_the_explain_table_is_korean_and_its_columns_line_up(korean):
    explanation = explain(load_project(example_path("xor_learned")), 1)
    lines = format_table(explanation).splitlines()
    assert lines[0].startswith("설명: ")
    assert "데이터셋의 1번 행 (0–3 중), " in lines[0]
    assert lines[1] == ("  가중치 초깃값 (아직 학습하지 않음); 추론 모드 (배치 정규화는 이동 평균 "
                        "사용, 드롭 아웃 없음); float64")
    assert lines[2] == "  z는 배치 정규화 뒤의 활성화 함수 입력, a는 활성화값, δ = ∂L/∂z"
    assert "순전파" in lines and "손실" in lines and "역전파" in lines
    assert any(line.startswith("손실 ") and line.endswith(", 이 행, 가중치 감소 제외)")
               for line in lines)
    assert "기울기 ∂L/∂매개변수" in lines
    table = lines[lines.index("노드") + 1:lines.index("기울기 ∂L/∂매개변수")]
    assert table[0].split() == ["노드", "뉴런", "수", "z", "a", "δ"]
    # Hangul takes two terminal columns: the z column starts at the same column on every row.
    starts = [display_width(row[:row.index(row.split()[3 if i == 0 else 2])])
              for i, row in enumerate(table)]
    assert len(set(starts)) == 1


def test_steps_are_reworded_after_a_switch():
    explanation = explain(load_project(example_path("xor_learned")), 0)
    assert explanation.steps[0].rule.startswith("an input node passes the row on")
    i18n.set_language("ko")
    try:
        korean = in_current_language(explanation)
        assert korean.steps[0].rule == ("입력 노드는 행을 그대로 넘깁니다: a = x "
                                        "(표준화와 파생 특징이 있으면 적용한 뒤)")
        assert korean.steps[0].title.endswith(", 뉴런 2개)")
        assert i18n._(PHASE_WORDS[korean.steps[0].phase]) == "순전파"
        rules = " | ".join(step.rule for step in korean.steps)
        assert "시그모이드 함수 + 이진 교차 엔트로피 오차: δ = y − t" in rules or \
            "Softmax 함수 + 교차 엔트로피 오차: δ = y − t" in rules
        np.testing.assert_array_equal(korean.trace.x, explanation.trace.x)
        assert vector_text(np.arange(10.0)) == "[0, 1, 2, 3, 4, 5, 6, 7, … (값 10개)]"
    finally:
        i18n.set_language("en")
    assert vector_text(np.arange(10.0)) == "[0, 1, 2, 3, 4, 5, 6, 7, … (10 values)]"


def test_a_missing_row_is_refused_in_korean(korean):
    with pytest.raises(ValueError) as refused:
        explain(load_project(example_path("xor_learned")), 9)
    assert str(refused.value) == ("9번 샘플이 없습니다: 데이터셋의 행은 4개이며 0부터 3까지 "
                                  "번호가 매겨져 있습니다")


def test_export_errors_are_korean(korean, tmp_path):
    project = load_project(example_path("xor_learned"))
    with pytest.raises(ExportError) as refused:
        export_project(project, "numpy", tmp_path / "net.txt")
    assert str(refused.value) == (f"{tmp_path / 'net.txt'}: NumPy 내보내기는 Python 파일입니다. "
                                  ".py로 끝나는 이름을 지정하세요")
    (tmp_path / "taken.py").write_text("x = 1\n")
    with pytest.raises(ExportError) as refused:
        export_project(project, "numpy", tmp_path / "taken.py")
    assert str(refused.value) == (f"{tmp_path / 'taken.py'}이(가) 이미 있습니다. "
                                  "바꾸려면 --force를 쓰세요")
    with pytest.raises(ExportError) as refused:
        with_weights(project, tmp_path / "nothing.npz")
    assert str(refused.value) == f"{tmp_path / 'nothing.npz'}이(가) 없습니다"


def test_the_export_errors_stay_english_in_english(tmp_path):
    project = load_project(example_path("xor_learned"))
    with pytest.raises(ExportError, match="the NumPy export is a Python file"):
        export_project(project, "numpy", tmp_path / "net.txt")
