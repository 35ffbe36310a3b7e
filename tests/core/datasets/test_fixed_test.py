"""A data set's own test part (MNIST's 10,000 test images) survives the project's split."""

from __future__ import annotations

import numpy as np
import pytest

from core.datasets import DataError, Dataset, split, standardize


def dataset(n: int = 40, fixed_test: int = 10) -> Dataset:
    x = np.arange(n, dtype=np.float64).reshape(n, 1)
    return Dataset("d", x, np.arange(n) % 2, "classification", ("x",), ("a", "b"), "test",
                   fixed_test=fixed_test)


def test_the_last_rows_are_the_test_part_whatever_the_fractions():
    train, validation, test = split(dataset(), (0.5, 0.25, 0.25), seed=1)
    assert test.x[:, 0].tolist() == list(range(30, 40))
    assert (train.n_samples, validation.n_samples) == (20, 10)  # 30 rows in the ratio 2 : 1
    assert sorted(np.concatenate([train.x[:, 0], validation.x[:, 0]])) == list(range(30))
    assert train.fixed_test == 0 and "own test part" in test.source


def test_the_split_is_reproducible_and_standardises_like_any_other():
    a, b = split(dataset(), (0.7, 0.15, 0.15), seed=2), split(dataset(), (0.7, 0.15, 0.15), 2)
    assert all(np.array_equal(p.x, q.x) for p, q in zip(a, b, strict=True))
    (train, _, _), _ = standardize(*a)
    assert train.x.mean() == pytest.approx(0)


def test_a_fixed_test_part_must_leave_rows_to_train_on():
    with pytest.raises(DataError, match="fixed test part"):
        dataset(n=10, fixed_test=10)
    with pytest.raises(DataError, match="own test part"):
        split(dataset(), (0.0, 0.0, 1.0))
