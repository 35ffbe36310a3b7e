"""A number that cannot be used is said in one set of words wherever it is read: the data
reference said "'noise' is too large a number" where the settings said "lr: 1000…0 is not a
finite number" for the same 400 digits, and a CSV cell "1e999" was "not a finite number"."""

import pytest

from core.datasets.csv_import import load_csv
from core.datasets.errors import DataError
from core.datasets.ref import DataRef
from core.i18n import set_language
from core.numbers import number_problem
from core.spec import NetworkSpec
from core.training.settings import TrainingSettings

BIG = 10**400  # a whole number no float holds


def settings_with(value):
    return TrainingSettings.from_dict({"lr": value})


def data_with(value):
    return DataRef.from_dict({"kind": "builtin", "name": "xor", "noise": value}, {})


def node_with(value):
    return NetworkSpec.from_dict({"nodes": [{"id": "0", "kind": "input", "units": 2},
                                            {"id": "1", "kind": "output", "units": 1,
                                             "init_std": value}], "edges": []})


def refusal(read, value) -> str:
    with pytest.raises(ValueError) as info:
        read(value)
    return str(info.value)


@pytest.mark.parametrize(("value", "words"), [
    (BIG, "{name} is too large a number"),
    (-BIG, "{name} is too large a number"),
    (float("inf"), "{name} is too large a number"),
    (float("nan"), "{name} must be a number, not NaN"),
    ("0.1", "{name} must be a number, not '0.1'"),
    (True, "{name} must be a number, not True"),
])
def test_the_settings_the_data_and_the_network_say_one_thing(value, words):
    assert refusal(settings_with, value) == words.format(name="lr")
    assert refusal(data_with, value) == words.format(name="data: 'noise'")
    assert refusal(node_with, value) == "network file: " + words.format(name="node #2: 'init_std'")


def test_a_csv_cell_no_float_holds_is_said_in_the_same_words(tmp_path):
    path = tmp_path / "f.csv"
    path.write_text("a,b,c\n1,2,x\n1e999,4,y\n")
    with pytest.raises(DataError) as info:
        load_csv(path)
    assert str(info.value).startswith('f.csv, row 3, column "a": "1e999" is too large a number')


def test_a_usable_number_has_no_problem_and_the_words_follow_the_language():
    assert number_problem("lr", 0.5) is None and number_problem("seed", 3) is None
    set_language("ko")
    try:
        assert number_problem("lr", BIG) == "lr은(는) 너무 큰 숫자입니다"
        assert number_problem("lr", float("nan")) == "lr은(는) NaN이(가) 아니라 숫자여야 합니다"
    finally:
        set_language("en")
