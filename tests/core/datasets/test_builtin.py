"""Built-in generated sets, and the Dataset type with its split and standardisation."""

import numpy as np
import pytest

from core.datasets import BUILTIN, DataError, Dataset, load_builtin, split, standardize

TRUTH_INPUTS = [[0, 0], [1, 0], [0, 1], [1, 1]]
TRUTH_TABLES = {"and": [0, 0, 0, 1], "nand": [1, 1, 1, 0], "or": [0, 1, 1, 1], "xor": [0, 1, 1, 0]}
TWO_D_CLASSIFICATION = ["circle", "xor2d", "gaussians", "spiral", "moons"]


# --- logic gates ---------------------------------------------------------------------------


@pytest.mark.parametrize("gate", TRUTH_TABLES)
def test_gate_is_the_exact_truth_table(gate):
    d = load_builtin(gate)
    np.testing.assert_array_equal(d.x, TRUTH_INPUTS)
    np.testing.assert_array_equal(d.y, TRUTH_TABLES[gate])
    assert d.task == "classification" and d.class_names == ("0", "1") and d.n_outputs == 2
    assert d.y.dtype == np.int64 and d.x.dtype == np.float64


@pytest.mark.parametrize("gate", TRUTH_TABLES)
def test_gate_without_noise_does_not_depend_on_seed(gate):
    np.testing.assert_array_equal(load_builtin(gate, seed=1).x, load_builtin(gate, seed=2).x)


def test_gate_with_more_samples_repeats_rows_with_jitter():
    d = load_builtin("xor", n_samples=400, noise=0.05, seed=3)
    rows = np.arange(400) % 4
    np.testing.assert_array_equal(d.y, np.array(TRUTH_TABLES["xor"])[rows])
    jitter = d.x - np.array(TRUTH_INPUTS)[rows]
    assert 0.04 < jitter.std() < 0.06 and abs(jitter.mean()) < 0.01
    np.testing.assert_array_equal(np.bincount(d.y), [200, 200])


def test_gate_repeated_without_noise_is_exact_copies():
    d = load_builtin("and", n_samples=8)
    np.testing.assert_array_equal(d.x, TRUTH_INPUTS * 2)
    np.testing.assert_array_equal(d.y, TRUTH_TABLES["and"] * 2)


def test_gate_needs_all_four_rows():
    with pytest.raises(DataError, match="from 4 to"):
        load_builtin("and", n_samples=3)


# --- every built-in set ---------------------------------------------------------------------


@pytest.mark.parametrize("name", BUILTIN)
def test_defaults_shape_and_types(name):
    info, d = BUILTIN[name], load_builtin(name)
    assert d.name == name and d.task == info.task
    assert d.n_samples == info.n_samples
    assert d.x.dtype == np.float64 and d.x.shape == (info.n_samples, len(info.feature_names))
    if d.task == "classification":
        assert d.y.shape == (d.n_samples,) and d.y.dtype == np.int64
        assert d.n_outputs == d.n_classes == info.n_classes
    else:
        assert d.y.shape == (d.n_samples, 1) and d.y.dtype == np.float64
        assert d.n_outputs == 1 and d.n_classes == 0 and d.class_names == ()
    assert d.source == f"built-in {name}, seed 0, noise {info.noise:g}, {info.n_samples} samples"


@pytest.mark.parametrize("name", BUILTIN)
def test_same_seed_gives_identical_arrays(name):
    a, b = load_builtin(name, seed=7), load_builtin(name, seed=7)
    np.testing.assert_array_equal(a.x, b.x)
    np.testing.assert_array_equal(a.y, b.y)


@pytest.mark.parametrize("name", [n for n in BUILTIN if BUILTIN[n].noise > 0])
def test_different_seeds_differ(name):
    assert not np.array_equal(load_builtin(name, seed=0).x, load_builtin(name, seed=1).x)


@pytest.mark.parametrize("name", TWO_D_CLASSIFICATION)
def test_classes_are_balanced_and_mixed(name):
    d = load_builtin(name, n_samples=301)
    counts = np.bincount(d.y)
    assert counts.sum() == 301 and counts.max() - counts.min() <= 1
    assert len(set(d.y[:20])) == 2, "rows are shuffled, not sorted by class"


def test_registry_entries_describe_themselves():
    assert set(BUILTIN) == {"and", "or", "nand", "xor", "circle", "xor2d", "gaussians", "spiral",
                            "moons", "plane", "gaussian_bumps", "sine"}
    for name, info in BUILTIN.items():
        assert info.name == name and info.title and "\n" not in info.description
        assert info.n_samples > 0 and info.noise >= 0


# --- geometry without noise -------------------------------------------------------------------


def test_circle_disc_inside_ring():
    d = load_builtin("circle", noise=0)
    r = np.hypot(d.x[:, 0], d.x[:, 1])
    assert r[d.y == 1].max() <= 2.5
    assert r[d.y == 0].min() >= 3.5 and r[d.y == 0].max() <= 5.0
    assert d.class_names == ("outside", "inside")


def test_xor2d_class_is_sign_of_product():
    d = load_builtin("xor2d", noise=0)
    np.testing.assert_array_equal(d.y, (d.x[:, 0] * d.x[:, 1] > 0).astype(int))
    assert np.abs(d.x).min() >= 0.3


def test_gaussians_centred_at_plus_minus_two():
    d = load_builtin("gaussians", n_samples=4000, noise=0.5)
    np.testing.assert_allclose(d.x[d.y == 1].mean(axis=0), [2, 2], atol=0.05)
    np.testing.assert_allclose(d.x[d.y == 0].mean(axis=0), [-2, -2], atol=0.05)
    np.testing.assert_allclose(d.x[d.y == 0].std(axis=0), [0.5, 0.5], atol=0.03)


def test_spiral_arms_stay_within_radius_five():
    d = load_builtin("spiral", noise=0)
    assert np.hypot(d.x[:, 0], d.x[:, 1]).max() < 5.0


@pytest.mark.parametrize("k", [2, 3, 4, 5])
def test_spiral_class_count_is_configurable(k):
    d = load_builtin("spiral", n_samples=100, n_classes=k)
    assert d.n_classes == k == d.n_outputs
    assert d.class_names == tuple(f"arm {c + 1}" for c in range(k))
    assert np.bincount(d.y).min() >= 100 // k


@pytest.mark.parametrize(("name", "k"), [("spiral", 1), ("spiral", 6), ("spiral", 2.5),
                                         ("circle", 3), ("sine", 2)])
def test_impossible_class_counts_are_refused(name, k):
    with pytest.raises(DataError, match="classes"):
        load_builtin(name, n_classes=k)


def test_moons_are_half_circles():
    d = load_builtin("moons", noise=0)
    upper = d.x[d.y == 0] / 2.5 + [0.5, 0.25]
    lower = d.x[d.y == 1] / 2.5 + [0.5, 0.25] - [1.0, 0.5]
    np.testing.assert_allclose(np.hypot(*upper.T), 1.0)
    np.testing.assert_allclose(np.hypot(*lower.T), 1.0)
    assert (upper[:, 1] >= 0).all() and (lower[:, 1] <= 0).all()


def test_plane_is_exact_without_noise():
    d = load_builtin("plane", noise=0)
    np.testing.assert_allclose(d.y[:, 0], (d.x[:, 0] + d.x[:, 1]) / 10)
    assert np.abs(d.x).max() <= 6


def test_sine_is_exact_without_noise():
    d = load_builtin("sine", noise=0)
    assert d.feature_names == ("x1",)
    np.testing.assert_allclose(d.y, np.sin(d.x))


def test_sine_noise_is_the_standard_deviation():
    d = load_builtin("sine", n_samples=20000, noise=0.1)
    assert abs((d.y - np.sin(d.x)).std() - 0.1) < 0.003


def test_gaussian_bumps_peak_values():
    d = load_builtin("gaussian_bumps", noise=0, n_samples=5000)
    assert 0.9 < d.y.max() <= 1.05 and -1.05 <= d.y.min() < -0.9


# --- bad options ----------------------------------------------------------------------------


def test_unknown_name_lists_the_choices():
    with pytest.raises(DataError) as err:
        load_builtin("spirals")
    text = str(err.value)
    assert "'spirals'" in text and "spiral," in text and "moons" in text


@pytest.mark.parametrize("kw", [{"n_samples": 0}, {"n_samples": 2.5}, {"n_samples": True},
                                {"noise": -0.1}, {"noise": float("nan")}, {"seed": -1},
                                {"seed": 1.5}])
def test_bad_options_are_refused(kw):
    with pytest.raises(DataError):
        load_builtin("circle", **kw)


def test_a_seed_beyond_the_training_seed_s_range_is_refused_in_words():
    """A seed of 400 digits made a data set, and its source spelt the 400 digits out."""
    with pytest.raises(DataError) as err:
        load_builtin("circle", seed=2**32)
    assert str(err.value) == ("Circle: seed 4294967296 is not possible — choose a whole number "
                              "from 0 to 4,294,967,295.")
    assert load_builtin("circle", seed=2**32 - 1).n_samples == 400


def test_a_whole_number_no_float_holds_is_refused_in_words_that_fit_a_line():
    """A noise of 400 digits was numpy's TypeError ("ufunc 'isfinite' not supported"), and a
    sample count of 400 digits was spelt out in full in the message."""
    big = 10**400
    for options, words in (({"noise": big}, "Circle: noise {big} is not possible"),
                           ({"n_samples": big}, "Circle: cannot make {big} samples")):
        with pytest.raises(DataError) as err:
            load_builtin("circle", **options)
        assert str(err.value).startswith(
            words.format(big="100000000000000000000000000000000000000…"))


# --- the Dataset type -----------------------------------------------------------------------


def _dataset(**overrides):
    fields = dict(name="t", x=np.zeros((3, 2)), y=np.array([0, 1, 0]), task="classification",
                  feature_names=("a", "b"), class_names=("n", "p"), source="test")
    fields.update(overrides)
    return Dataset(**fields)


@pytest.mark.parametrize("overrides", [
    {"x": np.zeros((3, 2), dtype=np.int64)},
    {"x": np.zeros(3)},
    {"x": np.array([[0.0, np.nan]] * 3)},
    {"feature_names": ("a",)},
    {"y": np.array([0, 1])},
    {"y": np.array([0.0, 1.0, 0.0])},
    {"y": np.array([0, 2, 0])},
    {"class_names": ()},
    {"task": "clustering"},
    {"task": "regression"},
    {"task": "regression", "class_names": (), "y": np.zeros(3)},
    # image bytes over a divisor of 400 digits: Python's OverflowError, not a DataError
    {"x": np.zeros((3, 2), dtype=np.uint8), "x_divisor": 10**400},
])
def test_dataset_rejects_inconsistent_arrays(overrides):
    with pytest.raises(DataError):
        _dataset(**overrides)


def test_dataset_arrays_are_read_only_views():
    x = np.zeros((3, 2))
    d = _dataset(x=x)
    with pytest.raises(ValueError):
        d.x[0, 0] = 1.0
    x[0, 0] = 2.0  # the caller's own array stays writable
    assert x.flags.writeable


def test_one_hot_targets():
    d = load_builtin("spiral", n_samples=30, n_classes=3)
    t = d.targets_one_hot()
    assert t.shape == (30, 3) and t.dtype == np.float64
    np.testing.assert_array_equal(t.sum(axis=1), 1)
    np.testing.assert_array_equal(t.argmax(axis=1), d.y)


def test_one_hot_of_regression_is_refused():
    with pytest.raises(DataError, match="regression"):
        load_builtin("sine").targets_one_hot()


# --- split ----------------------------------------------------------------------------------


def _rows(d):
    return {tuple(row) for row in d.x}


def test_split_sizes_disjoint_and_complete():
    d = load_builtin("circle")
    train, val, test = split(d)
    assert (train.n_samples, val.n_samples, test.n_samples) == (280, 60, 60)
    assert not (_rows(train) & _rows(val) or _rows(train) & _rows(test) or _rows(val) & _rows(test))
    assert _rows(train) | _rows(val) | _rows(test) == _rows(d)
    assert "train part (70%) of split seed 0" in train.source
    assert train.class_names == d.class_names and train.feature_names == d.feature_names


def test_split_is_stratified():
    d = load_builtin("spiral", n_samples=30, n_classes=5)
    parts = split(d, fractions=(0.8, 0.1, 0.1))
    for part in parts:
        assert set(part.y) == set(range(5)), "every class appears in every part"
    np.testing.assert_array_equal(np.bincount(parts[0].y), [4] * 5)


def test_split_keeps_labels_with_their_rows():
    d = load_builtin("xor2d", noise=0)
    for part in split(d, seed=4):
        np.testing.assert_array_equal(part.y, (part.x[:, 0] * part.x[:, 1] > 0).astype(int))


def test_split_is_seeded():
    d = load_builtin("moons")
    np.testing.assert_array_equal(split(d, seed=1)[0].x, split(d, seed=1)[0].x)
    assert not np.array_equal(split(d, seed=1)[0].x, split(d, seed=2)[0].x)


def test_split_regression_sizes_are_exact():
    train, val, test = split(load_builtin("sine"), fractions=(0.6, 0.25, 0.15))
    assert (train.n_samples, val.n_samples, test.n_samples) == (120, 50, 30)
    assert train.y.shape == (120, 1)


def test_split_with_zero_fraction_gives_an_empty_dataset():
    train, val, test = split(load_builtin("circle"), fractions=(0.8, 0.2, 0.0))
    assert (train.n_samples, val.n_samples, test.n_samples) == (320, 80, 0)
    assert test.x.shape == (0, 2) and test.y.shape == (0,) and test.n_classes == 2


@pytest.mark.parametrize("fractions", [(0.5, 0.5, 0.5), (1.2, -0.1, -0.1), (0.5, 0.5)])
def test_split_rejects_bad_fractions(fractions):
    with pytest.raises(DataError, match="fractions"):
        split(load_builtin("circle"), fractions=fractions)


# --- standardize ----------------------------------------------------------------------------


def test_standardize_uses_training_statistics_only():
    train, val, test = split(load_builtin("gaussians"))
    (s_train, s_val, s_test), (mean, std) = standardize(train, val, test)
    np.testing.assert_allclose(s_train.x.mean(axis=0), 0, atol=1e-12)
    np.testing.assert_allclose(s_train.x.std(axis=0), 1)
    np.testing.assert_allclose(mean, train.x.mean(axis=0))
    np.testing.assert_allclose(std, train.x.std(axis=0))
    np.testing.assert_allclose(s_val.x, (val.x - mean) / std)
    np.testing.assert_allclose(s_test.x, (test.x - mean) / std)
    np.testing.assert_array_equal(s_test.y, test.y)
    assert s_train.source.endswith("; standardised")


def test_standardize_known_values_and_constant_column():
    d = _dataset(x=np.array([[1.0, 5.0], [3.0, 5.0], [5.0, 5.0]]))
    (s,), scaling = standardize(d)
    np.testing.assert_allclose(scaling.mean, [3, 5])
    np.testing.assert_allclose(scaling.std, [np.sqrt(8 / 3), 1.0])
    np.testing.assert_allclose(s.x[:, 0], [-1.22474487, 0, 1.22474487])
    np.testing.assert_array_equal(s.x[:, 1], 0)
    np.testing.assert_allclose(scaling.apply([[3.0, 6.0]]), [[0.0, 1.0]])


def test_standardize_refuses_empty_training_part():
    train, _, test = split(load_builtin("circle"), fractions=(0.0, 0.5, 0.5))
    with pytest.raises(DataError, match="empty"):
        standardize(train, test)
