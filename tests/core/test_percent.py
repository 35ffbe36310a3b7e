"""Every percentage shown to the user is written by ``core.i18n.percent``: "73.3 %" in English
(its space unbroken on request, where a label may wrap), "73.3%" in Korean, with the digits
each place asks for — the same in the window, the verdicts and the command line."""

from core.i18n import percent
from core.training.diagnosis import Goal
from core.training.history import accuracy_percent


def test_english_puts_a_space_before_the_sign():
    assert percent(0.733) == "73.3 %"
    assert percent(1.0) == "100.0 %"
    assert percent(0.5, digits=0) == "50 %"
    assert percent(0.0449, digits=0) == "4 %"
    assert percent(0.733, non_breaking=True) == "73.3\u00a0%"
    assert accuracy_percent(0.974) == "97.4 %"  # the CLI's runs, check and train summaries
    assert Goal("xor", "XOR gate", "accuracy", 1.0).words(0.75) == "75 % of the rows right"


def test_korean_writes_the_sign_against_the_number(korean):
    assert percent(0.733) == "73.3%"
    assert percent(0.5, digits=0) == "50%"
    assert percent(0.733, non_breaking=True) == "73.3%"  # no space to keep unbroken
    assert accuracy_percent(0.974) == "97.4%"
    assert Goal("xor", "XOR gate", "accuracy", 1.0).words(0.75) == "행의 75% 정답"
