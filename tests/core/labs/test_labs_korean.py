"""core/labs speaks Korean when asked: the lab names it defines and the errors it raises."""

import pytest

from core import i18n
from core.i18n import _
from core.labs import comp_graph, regularization
from core.labs.comp_graph import Graph, input_node, op_node
from core.labs.initialization import CHOICES
from core.labs.perceptron import PRESETS


def test_graph_errors_are_korean_sentences(korean):
    graph = Graph((input_node("x", 0.0), op_node("y", "log", "x")))
    with pytest.raises(ValueError) as error:
        graph.forward()
    assert str(error.value) == "노드 'y' (log): log에는 양수 입력이 필요하지만 log(0)입니다"
    with pytest.raises(ValueError, match=r"^'y': 계산되는 노드이지 입력이 아닙니다"):
        graph.with_value("y", 1.0)
    with pytest.raises(ValueError, match=r"^이름이 'z'인 노드가 없습니다$"):
        graph.with_value("z", 1.0)


def test_lab_names_are_marked_in_english_and_shown_in_korean(korean):
    first = next(iter(PRESETS))
    assert first == "AND (book, notes)"  # the key stays English
    assert _(first) == "AND (책, 노트)"
    assert [_(label) for label in CHOICES] == ["표준편차 1", "표준편차 0.01", "Xavier", "He"]
    assert _(comp_graph.PRESETS["apples"].title) == "사과 (책): 100 × 2 × 1.1"
    assert _(comp_graph.OPS["add"].rule).startswith("역전파: dout을 두 입력에 그대로 흘림")
    assert regularization.variant_label("weight decay λ = {value}", 0.1) == "가중치 감소 λ = 0.1"


def test_a_variant_says_its_label_again_in_the_current_language():
    i18n.set_language("en")
    curve = regularization.Curves("dropout", "dropout 0.2", name="dropout {value}", value=0.2)
    try:
        i18n.set_language("ko")
        assert curve.shown_label == "드롭 아웃 0.2"
    finally:
        i18n.set_language("en")
    assert curve.shown_label == curve.label == "dropout 0.2"
    assert regularization.Curves("x", "x").shown_label == "x"
