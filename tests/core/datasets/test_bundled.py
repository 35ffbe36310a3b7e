"""The bundled real data: Iris and the UCI 8×8 digits, checked against the files' known facts."""

import hashlib
import re
from importlib.resources import files

import numpy as np
import pytest

from core.datasets import load_digits, load_iris

DATA_DIR = files("resources") / "datasets"
DIGIT_COUNTS = [178, 182, 177, 183, 181, 182, 181, 179, 174, 180]


def test_iris_shape_classes_and_first_row():
    d = load_iris()
    assert d.x.shape == (150, 4) and d.x.dtype == np.float64
    assert d.task == "classification" and d.n_outputs == 3
    assert d.class_names == ("setosa", "versicolor", "virginica")
    assert d.feature_names == ("sepal length (cm)", "sepal width (cm)", "petal length (cm)",
                               "petal width (cm)")
    np.testing.assert_array_equal(np.bincount(d.y), [50, 50, 50])
    np.testing.assert_array_equal(d.x[0], [5.1, 3.5, 1.4, 0.2])
    np.testing.assert_array_equal(d.x[-1], [5.9, 3.0, 5.1, 1.8])
    assert d.y[0] == 0 and d.y[-1] == 2


def test_iris_summary_statistics_match_the_description():
    d = load_iris()
    np.testing.assert_allclose(d.x.min(axis=0), [4.3, 2.0, 1.0, 0.1])
    np.testing.assert_allclose(d.x.max(axis=0), [7.9, 4.4, 6.9, 2.5])
    np.testing.assert_allclose(d.x.mean(axis=0), [5.84333333, 3.05733333, 3.758, 1.19933333])


def test_digits_shape_values_and_class_counts():
    d = load_digits()
    assert d.x.shape == (1797, 64) and d.n_classes == 10
    assert d.class_names == tuple("0123456789")
    assert d.x.min() == 0 and d.x.max() == 16
    np.testing.assert_array_equal(d.x, np.round(d.x))
    np.testing.assert_array_equal(np.bincount(d.y), DIGIT_COUNTS)
    first_two_rows = [0, 0, 5, 13, 9, 1, 0, 0, 0, 0, 13, 15, 10, 15, 5, 0]
    np.testing.assert_array_equal(d.x[0, :16], first_two_rows)
    assert d.y[0] == 0 and d.y[1] == 1
    assert d.feature_names[9] == "pixel_1_1"


def test_bundled_arrays_are_read_only():
    with pytest.raises(ValueError):
        load_iris().x[0, 0] = 0.0


@pytest.mark.parametrize("name", ["iris.csv", "digits.csv.gz"])
def test_files_are_small_and_match_the_checksums_in_sources(name):
    data = (DATA_DIR / name).read_bytes()
    assert len(data) < 100_000
    sources = (DATA_DIR / "SOURCES.md").read_text(encoding="utf-8")
    listed = re.search(rf"`{re.escape(name)}` \| `([0-9a-f]{{64}})`", sources)
    assert listed and listed.group(1) == hashlib.sha256(data).hexdigest()


def test_sources_name_origin_and_licence():
    sources = (DATA_DIR / "SOURCES.md").read_text(encoding="utf-8")
    for fact in ["Fisher", "1936", "Alpaydin", "Kaynak", "UCI", "CC BY 4.0"]:
        assert fact in sources
