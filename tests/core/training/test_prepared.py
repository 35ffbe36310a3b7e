"""What :func:`core.training.prepare.is_prepared` says: whether the split, the bounds and the
statistics of image bytes are at hand for these settings (so a panel may read them at once)."""

import numpy as np
import pytest

from core.datasets import feature_scaling, split
from core.training.prepare import is_prepared, prepare_ahead
from tests.core.datasets.test_uint8 import as_float, mnist_like

FRACTIONS = (0.7, 0.15, 0.15)


def test_bytes_are_prepared_only_for_the_settings_worked_out_ahead():
    d = mnist_like(300)
    assert not is_prepared(d, FRACTIONS, 4, False)
    prepare_ahead(d, FRACTIONS, 4, False)
    assert is_prepared(d, FRACTIONS, 4, False)
    assert not is_prepared(d, FRACTIONS, 4, True)  # the statistics are not worked out yet
    assert not is_prepared(d, FRACTIONS, 5, False)  # another seed: another split
    assert not is_prepared(d, (0.6, 0.2, 0.2), 4, False)
    prepare_ahead(d, FRACTIONS, 4, True)
    assert is_prepared(d, FRACTIONS, 4, True)


def test_statistics_asked_for_directly_count_and_float_data_is_always_prepared():
    d = mnist_like(200, seed=1)
    train = split(d, FRACTIONS, 2)[0]
    assert not is_prepared(d, FRACTIONS, 2, True)  # the split only: no bounds yet
    d.feature_bounds(), train.feature_bounds(), feature_scaling(train)
    assert is_prepared(d, FRACTIONS, 2, True)
    assert is_prepared(as_float(d), FRACTIONS, 2, True)


def test_fractions_split_refuses_need_no_preparing():
    d = mnist_like(100)
    assert is_prepared(d, (0.5, 0.5, 0.5), 0, True)  # split says so in words, at once


def test_float_data_as_large_as_image_bytes_is_remembered_too(monkeypatch):
    from core.datasets import dataset as dataset_module

    small = as_float(mnist_like(300))
    monkeypatch.setattr(dataset_module, "LARGE_FLOAT_VALUES", 100)  # all of it counts as large
    assert not is_prepared(small, FRACTIONS, 3, True)
    prepare_ahead(small, FRACTIONS, 3, True)
    assert is_prepared(small, FRACTIONS, 3, True)
    train = split(small, FRACTIONS, 3)[0]
    assert split(small, FRACTIONS, 3)[0] is train
    assert feature_scaling(train) is feature_scaling(train)
    scaling = feature_scaling(train)
    np.testing.assert_array_equal(scaling.mean, train.x.mean(axis=0))  # what NumPy says
    np.testing.assert_array_equal(scaling.std, np.where(train.x.std(axis=0) > 0,
                                                        train.x.std(axis=0), 1.0))
    with pytest.raises(ValueError, match="read-only"):  # shared by every caller: not to be
        scaling.mean[0] = 0.0                           # changed in place by one of them


def test_every_mismatch_is_found_with_its_fix():
    """Not only the first that training refuses: the input's and the output's, each with the
    units that fix it (input first, as the network flows)."""
    from core import NetworkSpec
    from core.datasets import load_builtin
    from core.training.prepare import DataMismatch, data_mismatches

    circle = load_builtin("circle", n_samples=50, seed=0)  # 2 columns, 2 classes
    spec = NetworkSpec.mlp([3, 8, 4])
    assert data_mismatches(spec, circle) == [
        DataMismatch("the data has 2 feature columns but the input node takes 3 units: give it "
                     "2 units or choose its features", "0", 2),
        DataMismatch("the output node has 4 units but the data has 2 classes: give it 2 "
                     "units (or 1 sigmoid unit for two classes)", "2", 2)]
    sigmoid = NetworkSpec.mlp([2, 8, 3], output_activation="sigmoid")
    assert [(m.node_id, m.units) for m in data_mismatches(sigmoid, circle)] == [("2", 1)]
    chosen = NetworkSpec.mlp([4, 2]).with_node_changed("0", features=("x1", "x2", "x1^2"))
    assert [(m.node_id, m.units) for m in data_mismatches(chosen, circle)] == [("0", 3)]
    assert data_mismatches(NetworkSpec.mlp([2, 8, 2]), circle) == []


def test_mismatches_count_their_units_and_columns_in_singular_or_plural():
    """ "give the input 100000 unit(s)" read as a form half filled in: one is singular, more
    are plural (Korean has one form)."""
    from core import NetworkSpec
    from core.datasets.builtin import load_builtin
    from core.lint import lint
    from core.training.prepare import data_mismatches
    from core.training.settings import TrainingSettings

    circle = load_builtin("circle", n_samples=50, seed=0)  # 2 columns, 2 classes
    one_in = data_mismatches(NetworkSpec.mlp([1, 8, 3]), circle)
    assert [m.message for m in one_in] == [
        "the data has 2 feature columns but the input node takes 1 unit: give it 2 units or "
        "choose its features",
        "the output node has 3 units but the data has 2 classes: give it 2 units (or 1 sigmoid "
        "unit for two classes)"]
    warnings = [w.message for w in lint(NetworkSpec.mlp([2, 8, 3]), TrainingSettings(), circle)
                if w.id == "output_units"]
    assert warnings == ["the output has 3 units but the data has 2 classes"]


def test_mismatches_in_korean_say_their_counts_once(korean):
    from core import NetworkSpec
    from core.datasets.builtin import load_builtin
    from core.training.prepare import data_mismatches

    circle = load_builtin("circle", n_samples=50, seed=0)
    assert [m.message for m in data_mismatches(NetworkSpec.mlp([1, 8, 3]), circle)] == [
        "데이터에는 특징 열 2개가 있는데 입력 노드에는 뉴런 1개가 있습니다: "
        "입력 노드를 뉴런 2개로 하거나 특징을 고르세요",
        "출력 노드에는 뉴런 3개가 있는데 데이터에는 클래스 2개가 있습니다: "
        "뉴런 2개로 하세요(클래스가 둘이면 시그모이드 뉴런 1개도 됩니다)"]
