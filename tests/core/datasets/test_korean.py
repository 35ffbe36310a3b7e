"""Data sets speak Korean when asked: import errors, names and descriptions (issue 16).

The names are stored in English (projects keep them) and translated where they are shown, with
``core.i18n._()``; errors are worded in the language of the moment they are raised.
"""

from __future__ import annotations

import numpy as np
import pytest

from core import i18n
from core.datasets import BUILTIN, REMOTE, DataError, load_builtin, load_csv
from core.datasets.builtin import SPIRAL_ARMS, truth_table
from core.datasets.bundled import IRIS_FEATURES
from core.datasets.linked import LinkedFile, LinkedFileError

#: class names that are symbols or digits, the same in every language
SYMBOLS = {"0", "1", "x1·x2 < 0", "x1·x2 > 0"} | {str(d) for d in range(10)}



def test_a_csv_import_error_is_korean_with_row_and_column(tmp_path, korean):
    path = tmp_path / "iris.csv"
    path.write_text('sepal,petal,species\n5.1,1.4,setosa\n4.9,"1,4",setosa\n', encoding="utf-8")
    with pytest.raises(DataError) as caught:
        load_csv(path)
    assert str(caught.value) == ('iris.csv, 3행, "petal" 열: "1,4"은(는) 숫자가 아닙니다 — '
                                 "소수점 구분 기호로 마침표를 쓰세요(예: 5.1).")


def test_a_missing_file_and_a_built_in_option_are_refused_in_korean(tmp_path, korean):
    with pytest.raises(DataError) as missing:
        load_csv(tmp_path / "gone.csv")
    assert str(missing.value) == "gone.csv: 파일이 없습니다 — 파일 이름과 폴더를 확인하세요."
    with pytest.raises(DataError) as seed:
        load_builtin("circle", seed=-1)
    assert str(seed.value) == ("원: 시드 -1은(는) 쓸 수 없습니다 — 0부터 4,294,967,295까지의 "
                                "정수를 선택하세요.")


def test_a_moved_linked_file_is_explained_in_korean(tmp_path, korean):
    error = LinkedFileError(LinkedFile("/data/big.csv", "0" * 64, 10), "moved")
    assert str(error).startswith("데이터 파일 /data/big.csv이(가) 더 이상 그 자리에 없습니다: ")
    assert "구성 패널의 데이터셋 부분" in error.hint and "원본 파일을 그 경로에" in error.hint


def test_names_and_descriptions_are_shown_in_korean_and_stored_in_english(korean):
    xor = BUILTIN["xor"]
    assert (xor.title, xor.description.startswith("1 when the inputs differ")) == (
        "XOR gate", True)
    assert i18n._(xor.title) == "XOR 게이트"
    assert i18n._(xor.description) == ("두 입력이 다를 때 1입니다. 직선으로 나눌 수 없어 은닉층이 "
                                       "필요합니다 (00→0 · 10→1 · 01→1 · 11→0)")
    shown = [i18n._(BUILTIN[name].title) for name in
             ("circle", "spiral", "moons", "gaussians", "gaussian_bumps", "plane", "sine",
              "xor2d", "and")]
    assert shown == ["원", "나선", "두 개의 반달", "두 정규분포", "정규분포 언덕", "평면",
                     "사인 곡선", "XOR 사분면", "AND 게이트"]
    assert [i18n._(f) for f in IRIS_FEATURES[:3:2]] == ["꽃받침 길이 (cm)", "꽃잎 길이 (cm)"]
    data = load_builtin("spiral", n_classes=3)
    assert data.class_names == ("arm 1", "arm 2", "arm 3")  # stored as always
    assert [i18n._(c) for c in data.class_names] == ["팔 1", "팔 2", "팔 3"]


def test_every_shown_name_has_a_korean_translation(korean):
    names = [*IRIS_FEATURES, *SPIRAL_ARMS]
    for info in BUILTIN.values():
        names += [info.title, info.description, *info.class_names]
    for entry in REMOTE.values():
        names += [entry.title, entry.description, *entry.class_names]
    untranslated = [n for n in names if n not in SYMBOLS and i18n._(n) == n]
    assert untranslated == []


def test_english_is_back_after_korean(tmp_path):
    path = tmp_path / "one.csv"
    path.write_text("a\n1\n", encoding="utf-8")
    i18n.set_language("ko")
    try:
        with pytest.raises(DataError, match="파일에 열이 하나뿐입니다"):
            load_csv(path)
    finally:
        i18n.set_language("en")
    with pytest.raises(DataError) as caught:
        load_csv(path)
    assert str(caught.value) == ("one.csv: the file has only one column — a data file needs "
                                 "feature columns and a target column.")


@pytest.mark.parametrize("name", ["and", "or", "nand", "xor"])
def test_a_gate_description_ends_with_its_own_truth_table(name):
    info = BUILTIN[name]
    _x, y = info.generate(4, 0.0, np.random.default_rng(0), 2)
    assert info.description.endswith(f"({truth_table(tuple(int(v) for v in y))})")
