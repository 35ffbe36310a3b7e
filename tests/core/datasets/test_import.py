"""Importing the user's own files: good files load, every bad one gives a readable DataError."""

import gzip
import io
import pickle
import struct
import zipfile
from pathlib import Path

import numpy as np
import pytest

from core.datasets import DataError, files, load_any, load_csv, load_idx, load_npz


def write(tmp_path: Path, name: str, content: str | bytes) -> Path:
    path = tmp_path / name
    if isinstance(content, str):
        path.write_text(content, encoding="utf-8")
    else:
        path.write_bytes(content)
    return path


def message(fn, *args, **kw) -> str:
    with pytest.raises(DataError) as err:
        fn(*args, **kw)
    return str(err.value)


IRIS_LIKE = "sepal,petal,species\n5.1,1.4,setosa\n7.0,4.7,versicolor\n6.3,6.0,virginica\n" \
            "4.9,1.4,setosa\n"


# --- CSV that loads ---------------------------------------------------------------------------


def test_csv_with_header_and_text_labels(tmp_path):
    d = load_csv(write(tmp_path, "flowers.csv", IRIS_LIKE))
    assert d.name == "flowers" and d.source.endswith("flowers.csv")
    assert d.feature_names == ("sepal", "petal")
    assert d.class_names == ("setosa", "versicolor", "virginica")
    np.testing.assert_array_equal(d.y, [0, 1, 2, 0])
    np.testing.assert_array_equal(d.x, [[5.1, 1.4], [7.0, 4.7], [6.3, 6.0], [4.9, 1.4]])
    assert d.task == "classification" and d.x.dtype == np.float64 and d.y.dtype == np.int64


def test_csv_without_header_and_integer_labels(tmp_path):
    d = load_csv(write(tmp_path, "xor.csv", "0,0,0\n1,0,1\n0,1,1\n1,1,0\n"))
    assert d.feature_names == ("x1", "x2") and d.class_names == ("0", "1")
    np.testing.assert_array_equal(d.y, [0, 1, 1, 0])
    np.testing.assert_array_equal(d.x, [[0, 0], [1, 0], [0, 1], [1, 1]])


def test_csv_labels_are_sorted_numerically(tmp_path):
    d = load_csv(write(tmp_path, "l.csv", "x,c\n1,10\n2,2\n3,10\n4,2\n5,7\n6,7\n"))
    assert d.class_names == ("2", "7", "10")
    np.testing.assert_array_equal(d.y, [2, 0, 2, 0, 1, 1])


def test_csv_regression_is_detected_from_fractional_targets(tmp_path):
    d = load_csv(write(tmp_path, "r.csv", "x,y\n1,0.5\n2,1.5\n3,2.25\n"))
    assert d.task == "regression" and d.class_names == () and d.n_outputs == 1
    np.testing.assert_array_equal(d.y, [[0.5], [1.5], [2.25]])


def test_csv_many_distinct_whole_numbers_are_regression(tmp_path):
    rows = "".join(f"{i},{i * 3}\n" for i in range(50))
    assert load_csv(write(tmp_path, "r.csv", rows)).task == "regression"


def test_csv_task_override(tmp_path):
    path = write(tmp_path, "r.csv", "x,y\n1,0.5\n2,1.5\n3,0.5\n")
    d = load_csv(path, task="classification")
    assert d.class_names == ("0.5", "1.5")
    assert load_csv(write(tmp_path, "c.csv", "1,0\n2,1\n"), task="regression").y.shape == (2, 1)


@pytest.mark.parametrize(("target", "expected_features"), [
    ("sepal", ("petal", "species_code")), (0, ("petal", "species_code")),
    (-3, ("petal", "species_code")), ("species_code", ("sepal", "petal")),
])
def test_csv_target_by_name_or_index(tmp_path, target, expected_features):
    text = "sepal,petal,species_code\n1,2,0\n3,4,1\n5,6,0\n7,8,1\n"
    d = load_csv(write(tmp_path, "t.csv", text), target=target, task="classification")
    assert d.feature_names == expected_features


def test_csv_header_flag_overrides_detection(tmp_path):
    path = write(tmp_path, "h.csv", "1,2,0\n3,4,1\n5,6,0\n")
    assert load_csv(path, has_header=True).feature_names == ("1", "2")
    assert load_csv(path, has_header=True).n_samples == 2


@pytest.mark.parametrize(("name", "text"), [
    ("semi.csv", "a;b;c\n1.5;2;x\n3;4;y\n"),
    ("tabs.tsv", "a\tb\tc\n1.5\t2\tx\n3\t4\ty\n"),
    ("bom.csv", "\ufeffa,b,c\n1.5,2,x\n3,4,y\n"),
    ("quoted.csv", 'a,"b",c\n"1.5", 2 ,"x"\n3,4,y\n\n\n'),
    ("crlf.csv", "a,b,c\r\n1.5,2,x\r\n3,4,y\r\n"),
])
def test_csv_dialects(tmp_path, name, text):
    d = load_csv(write(tmp_path, name, text))
    assert d.feature_names == ("a", "b") and d.class_names == ("x", "y")
    np.testing.assert_array_equal(d.x, [[1.5, 2], [3, 4]])


def test_csv_gzipped(tmp_path):
    d = load_csv(write(tmp_path, "f.csv.gz", gzip.compress(IRIS_LIKE.encode())))
    assert d.name == "f" and d.n_samples == 4


def test_csv_standardize(tmp_path):
    d = load_csv(write(tmp_path, "f.csv", IRIS_LIKE), standardize=True)
    np.testing.assert_allclose(d.x.mean(axis=0), 0, atol=1e-12)
    np.testing.assert_allclose(d.x.std(axis=0), 1)


# --- CSV that does not load: file, row and column named ----------------------------------------


def test_csv_non_numeric_feature(tmp_path):
    text = "sepal_length,petal_width,species\n5.1,0.2,setosa\n4.9,abc,setosa\n7.0,1.4,v\n"
    assert message(load_csv, write(tmp_path, "iris.csv", text)) == (
        'iris.csv, row 3, column "petal_width": "abc" is not a number — features must be '
        "numeric; remove the row or fix the value.")


@pytest.mark.parametrize("cell", ["", "NA", "nan", "?", "null"])
def test_csv_missing_feature(tmp_path, cell):
    text = f"a,b,c\n1,2,x\n3,4,y\n5,{cell},x\n"
    text_message = message(load_csv, write(tmp_path, "m.csv", text))
    assert text_message.startswith('m.csv, row 4, column "b": ')
    assert "missing" in text_message or "empty" in text_message


def test_csv_missing_target(tmp_path):
    msg = message(load_csv, write(tmp_path, "m.csv", "a,b,c\n1,2,x\n3,4,\n"))
    assert msg.startswith('m.csv, row 3, column "c": the cell is empty')


def test_csv_missing_value_without_header_names_the_column_number(tmp_path):
    msg = message(load_csv, write(tmp_path, "m.csv", "1,2,0\n3,,1\n"))
    assert msg.startswith("m.csv, row 2, column 2: the cell is empty")


@pytest.mark.parametrize("cell", ["inf", "-inf", "1e999"])
def test_csv_non_finite_feature(tmp_path, cell):
    msg = message(load_csv, write(tmp_path, "f.csv", f"a,b,c\n1,2,x\n{cell},4,y\n"))
    assert msg.startswith(f'f.csv, row 3, column "a": "{cell}" is too large a number')


def test_csv_decimal_comma_gets_a_specific_hint(tmp_path):
    msg = message(load_csv, write(tmp_path, "eu.csv", "a;b;c\n1,5;2;x\n3;4;y\n"))
    assert msg.startswith('eu.csv, row 2, column "a": "1,5" is not a number')
    assert "dot as the decimal separator" in msg


def test_csv_ragged_row(tmp_path):
    msg = message(load_csv, write(tmp_path, "r.csv", "a,b,c\n1,2,x\n3,4\n5,6,y\n"))
    assert msg.startswith("r.csv, row 3: this row has 2 values but the first row has 3")


def test_csv_empty_file(tmp_path):
    assert message(load_csv, write(tmp_path, "e.csv", "")).startswith("e.csv: the file is empty")
    assert message(load_csv, write(tmp_path, "b.csv", "\n \n")).startswith("b.csv: the file is")


def test_csv_header_only(tmp_path):
    msg = message(load_csv, write(tmp_path, "h.csv", "a,b,label\n"))
    assert msg.startswith("h.csv: the file has a header row but no data rows")


def test_csv_one_column(tmp_path):
    assert "only one column" in message(load_csv, write(tmp_path, "o.csv", "a\n1\n2\n"))


def test_csv_one_class_only(tmp_path):
    msg = message(load_csv, write(tmp_path, "one.csv", "a,b,label\n1,2,cat\n3,4,cat\n"))
    assert msg.startswith('one.csv, column "label": every sample has the same class ("cat")')
    assert "task='regression'" in msg


def test_csv_unknown_target_column(tmp_path):
    path = write(tmp_path, "t.csv", "a,b,label\n1,2,x\n3,4,y\n")
    msg = message(load_csv, path, target="species")
    assert msg.startswith('t.csv: no column is called "species"') and "a, b, label" in msg
    assert message(load_csv, path, target=3).startswith("t.csv: there is no column 3")
    assert "no column" in message(load_csv, path, target=True)


def test_csv_target_name_without_header(tmp_path):
    msg = message(load_csv, write(tmp_path, "n.csv", "1,2,0\n3,4,1\n"), target="label")
    assert msg.startswith('n.csv: the file has no header row, so there is no column "label"')


def test_csv_regression_target_must_be_numeric(tmp_path):
    path = write(tmp_path, "r.csv", "a,y\n1,2.5\n2,high\n")
    msg = message(load_csv, path, task="regression")
    assert msg.startswith('r.csv, row 3, column "y": "high" is not a number')


def test_csv_unknown_task(tmp_path):
    assert "task 'cluster'" in message(load_csv, write(tmp_path, "a.csv", IRIS_LIKE),
                                       task="cluster")


def test_csv_not_utf8(tmp_path):
    path = write(tmp_path, "latin.csv", "a,b,c\n1,2,x\n3,4,caf\xe9\n".encode("latin-1"))
    msg = message(load_csv, path)
    assert msg.startswith("latin.csv, row 3: this row is not UTF-8 text") and "UTF-8" in msg


def test_csv_binary_file(tmp_path):
    msg = message(load_csv, write(tmp_path, "photo.csv", b"a,b\n\x89PNG\x00\x00"))
    assert msg.startswith("photo.csv, row 2: this row contains binary data")


def test_csv_unbalanced_quote(tmp_path):
    msg = message(load_csv, write(tmp_path, "q.csv", 'a,b,c\n1,"2"x,y\n3,4,z\n'))
    assert msg.startswith("q.csv, row 2: the row cannot be read as CSV")


def test_csv_damaged_gzip(tmp_path):
    packed = gzip.compress(IRIS_LIKE.encode())[:-12]
    msg = message(load_csv, write(tmp_path, "d.csv.gz", packed))
    assert msg.startswith("d.csv.gz: the gzip-compressed file is damaged or incomplete")


# --- files that cannot be read at all ---------------------------------------------------------


@pytest.mark.parametrize("loader", [load_csv, load_npz, load_any])
def test_file_not_found(tmp_path, loader):
    msg = message(loader, tmp_path / "missing.csv" if loader is not load_npz
                  else tmp_path / "missing.npz")
    assert msg.startswith("missing.") and "does not exist" in msg


def test_folder_instead_of_file(tmp_path):
    (tmp_path / "data.csv").mkdir()
    assert message(load_csv, tmp_path / "data.csv").startswith("data.csv: this is a folder")


def test_unreadable_file(tmp_path, monkeypatch):
    path = write(tmp_path, "secret.csv", IRIS_LIKE)

    def denied(self):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(Path, "read_bytes", denied)
    assert message(load_csv, path).startswith("secret.csv: permission to read the file was denied")


def test_giant_file_is_refused(tmp_path):
    path = tmp_path / "huge.csv"
    with path.open("wb") as fh:  # sparse: takes no disk space
        fh.truncate(files.MAX_FILE_BYTES + 1)
    msg = message(load_csv, path)
    assert msg.startswith("huge.csv: the file is 1.0 GB, more than the 1.0 GB NetCanvas loads")


def test_giant_file_once_unzipped_is_refused(tmp_path, monkeypatch):
    path = write(tmp_path, "bomb.csv.gz", gzip.compress(b"1,2,0\n" * 1000))
    monkeypatch.setattr(files, "MAX_FILE_BYTES", 1000)  # the module that reads the limit
    assert message(load_csv, path).startswith("bomb.csv.gz: unpacked, the file is more than")


def test_giant_npz_once_unzipped_is_refused(tmp_path, monkeypatch):
    path = tmp_path / "bomb.npz"
    np.savez_compressed(path, X=np.zeros((1000, 2)), y=np.zeros(1000))
    monkeypatch.setattr(files, "MAX_FILE_BYTES", 10_000)  # above the packed size, below unpacked
    assert message(load_npz, path).startswith("bomb.npz: unpacked, the archive is")


# --- NumPy .npz -------------------------------------------------------------------------------


def test_npz_features_and_labels(tmp_path):
    path = tmp_path / "d.npz"
    np.savez(path, X=np.arange(12.0).reshape(6, 2), y=np.array([3, 5, 3, 5, 3, 5]))
    d = load_npz(path)
    assert d.task == "classification" and d.class_names == ("3", "5")
    np.testing.assert_array_equal(d.y, [0, 1, 0, 1, 0, 1])
    assert d.feature_names == ("x1", "x2") and d.name == "d"


def test_npz_one_hot_t_and_images_are_flattened(tmp_path):
    path = tmp_path / "mnist_small.npz"
    np.savez(path, x=np.full((4, 28, 28), 7, dtype=np.uint8), t=np.eye(3)[[0, 2, 1, 2]])
    d = load_npz(path)
    # bytes stay bytes; the features are their values, as float64, as before
    assert d.x.shape == (4, 784) and d.x.dtype == np.uint8 and d.x_divisor == 1.0
    assert d.features().dtype == np.float64 and (d.features() == 7.0).all()
    assert d.class_names == ("0", "1", "2")
    np.testing.assert_array_equal(d.y, [0, 2, 1, 2])


def test_npz_regression_targets(tmp_path):
    path = tmp_path / "r.npz"
    np.savez(path, X=np.zeros((3, 1)), Y=np.array([[0.5, 1.0], [1.5, 2.0], [0.0, 0.1]]))
    d = load_npz(path)
    assert d.task == "regression" and d.y.shape == (3, 2) and d.n_outputs == 2
    np.savez(path, X=np.zeros((3, 1)), y=np.array([0.5, 1.25, 3.0]))
    assert load_npz(path).y.shape == (3, 1)


def test_npz_text_labels(tmp_path):
    path = tmp_path / "t.npz"
    np.savez(path, X=np.zeros((3, 2)), y=np.array(["dog", "cat", "dog"]))
    d = load_npz(path)
    assert d.class_names == ("cat", "dog")
    np.testing.assert_array_equal(d.y, [1, 0, 1])


def test_npz_without_x_or_y(tmp_path):
    path = tmp_path / "no_y.npz"
    np.savez(path, X=np.zeros((3, 2)), labels=np.zeros(3))
    msg = message(load_npz, path)
    assert msg.startswith("no_y.npz: the archive has no array named y or Y or t (it holds: ")
    assert "numpy.savez" in msg
    np.savez(path, features=np.zeros((3, 2)), y=np.zeros(3))
    assert "no array named X or x" in message(load_npz, path)


def test_npz_object_arrays_are_never_unpickled(tmp_path):
    path = tmp_path / "objects.npz"
    np.savez(path, X=np.array([{"a": 1}, None], dtype=object), y=np.array([0, 1]))
    msg = message(load_npz, path)
    assert msg.startswith('objects.npz: array "X" holds Python objects')
    assert "never unpickles" in msg


def test_pickle_file_is_refused(tmp_path):
    path = write(tmp_path, "evil.npz", pickle.dumps({"X": [1, 2], "y": [0, 1]}))
    assert message(load_npz, path).startswith("evil.npz: this file is pickled Python data")


def test_npy_and_other_files_are_not_npz(tmp_path):
    np.save(tmp_path / "one.npy", np.zeros(3))
    assert "single .npy array" in message(load_npz, tmp_path / "one.npy")
    path = write(tmp_path, "text.npz", "hello")
    assert message(load_npz, path).startswith("text.npz: this file is not a NumPy .npz")


def test_npz_truncated(tmp_path):
    path = tmp_path / "full.npz"
    np.savez(path, X=np.zeros((50, 2)), y=np.zeros(50))
    cut = write(tmp_path, "cut.npz", path.read_bytes()[:300])
    assert message(load_npz, cut).startswith("cut.npz: the .npz archive is damaged")


@pytest.mark.parametrize("offset, value", [(10, 99), (6, 0xFF), (8, 0x20), (8, 0x01)])
def test_npz_with_a_damaged_zip_header(tmp_path, offset, value):
    """Issue 17: unknown compression method, zip version, patched data or encryption flag make
    zipfile raise NotImplementedError or RuntimeError; the student sees a sentence instead."""
    path = tmp_path / "header.npz"
    np.savez(path, X=np.ones((4, 2)), y=np.arange(4) % 2)
    blob = bytearray(path.read_bytes())
    blob[blob.index(b"PK\x01\x02") + offset] = value
    path.write_bytes(bytes(blob))
    with pytest.raises(DataError, match=r"^header\.npz: .*damaged or incomplete"):
        load_npz(path)


def test_npz_header_promising_more_than_is_stored(tmp_path):
    """A header claiming a huge shape is refused before NumPy allocates it."""
    header = io.BytesIO()
    np.lib.format.write_array_header_1_0(
        header, {"descr": "<f8", "fortran_order": False, "shape": (10**9, 2)})
    path = tmp_path / "huge.npz"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("X.npy", header.getvalue() + bytes(16))
        archive.writestr("y.npy", header.getvalue() + bytes(16))
    with pytest.raises(DataError, match=r"^huge\.npz: .*damaged or incomplete"):
        load_npz(path)


def test_npz_sample_count_mismatch(tmp_path):
    path = tmp_path / "m.npz"
    np.savez(path, X=np.zeros((5, 2)), y=np.zeros(4))
    assert message(load_npz, path).startswith('m.npz: "X" has 5 samples but "y" has 4 targets')


def test_npz_non_finite_values_are_located(tmp_path):
    path = tmp_path / "nan.npz"
    x = np.zeros((4, 3))
    x[2, 1] = np.inf
    np.savez(path, X=x, y=np.array([0, 1, 0, 1]))
    assert message(load_npz, path).startswith("nan.npz: X[2, 1] is inf")
    np.savez(path, X=np.zeros((4, 3)), y=np.array([0.5, np.nan, 1.0, 2.0]))
    assert message(load_npz, path).startswith("nan.npz: y[1] is nan")


def test_npz_one_class_and_non_numeric_features(tmp_path):
    path = tmp_path / "bad.npz"
    np.savez(path, X=np.zeros((3, 2)), y=np.array([1, 1, 1]))
    assert message(load_npz, path).startswith('bad.npz: every sample has the same class ("1")')
    np.savez(path, X=np.array([["a", "b"]] * 3), y=np.array([0, 1, 0]))
    assert message(load_npz, path).startswith('bad.npz: array "X" must be a non-empty numeric')


# --- MNIST IDX ------------------------------------------------------------------------------


IMAGES = np.array([[[0, 255], [51, 102]], [[255, 255], [0, 0]], [[1, 2], [3, 4]]], np.uint8)
LABELS = np.array([7, 2, 7], np.uint8)


def idx_images(images=IMAGES, magic=0x803) -> bytes:
    return struct.pack(">IIII", magic, *images.shape) + images.tobytes()


def idx_labels(labels=LABELS, magic=0x801) -> bytes:
    return struct.pack(">II", magic, labels.size) + labels.tobytes()


@pytest.mark.parametrize("pack", [lambda b: b, gzip.compress])
def test_idx_round_trip(tmp_path, pack):
    images = write(tmp_path, "train-images-idx3-ubyte", pack(idx_images()))
    labels = write(tmp_path, "train-labels-idx1-ubyte", pack(idx_labels()))
    d = load_idx(images, labels)
    assert d.x.shape == (3, 4) and d.x.dtype == np.uint8 and d.x_divisor == 255.0
    np.testing.assert_array_equal(d.features(), IMAGES.reshape(3, 4) / 255)
    np.testing.assert_allclose(d.features(0), [0, 1, 0.2, 0.4])
    assert d.class_names == ("2", "7")
    np.testing.assert_array_equal(d.y, [1, 0, 1])
    assert d.feature_names == ("pixel_0_0", "pixel_0_1", "pixel_1_0", "pixel_1_1")


def test_idx_gzip_detected_by_content_not_name(tmp_path):
    images = write(tmp_path, "imgs", gzip.compress(idx_images()))
    labels = write(tmp_path, "labs", idx_labels())
    assert load_idx(images, labels).n_samples == 3


def test_idx_wrong_magic(tmp_path):
    images = write(tmp_path, "img.idx", idx_images(magic=0x80D))
    labels = write(tmp_path, "lab.idx", idx_labels())
    msg = message(load_idx, images, labels)
    assert msg.startswith("img.idx: this is not an IDX images file: it should start with the "
                          "magic number 0x00000803, found 0x0000080D")


def test_idx_files_swapped(tmp_path):
    images = write(tmp_path, "img.idx", idx_images())
    labels = write(tmp_path, "lab.idx", idx_labels())
    msg = message(load_idx, labels, images)
    assert msg.startswith("lab.idx: this is not an IDX images file") and "labels file" in msg


def test_idx_truncated(tmp_path):
    labels = write(tmp_path, "lab.idx", idx_labels())
    cut = write(tmp_path, "cut.idx", idx_images()[:-1])
    msg = message(load_idx, cut, labels)
    assert msg.startswith("cut.idx: the file is truncated: its header promises 3 × 2 × 2 values")
    short = write(tmp_path, "short.idx", idx_images()[:10])
    assert "truncated inside its 16-byte header" in message(load_idx, short, labels)


def test_idx_longer_than_header_says(tmp_path):
    images = write(tmp_path, "img.idx", idx_images())
    longer = write(tmp_path, "long.idx", idx_labels() + b"\x00")
    msg = message(load_idx, images, longer)
    assert msg.startswith("long.idx: the file is longer than its header says")


def test_idx_count_mismatch(tmp_path):
    images = write(tmp_path, "img.idx", idx_images())
    labels = write(tmp_path, "lab.idx", idx_labels(LABELS[:2]))
    msg = message(load_idx, images, labels)
    assert msg.startswith("lab.idx: this file holds 2 labels but img.idx holds 3 images")


# --- load_any --------------------------------------------------------------------------------


def test_load_any_chooses_by_extension(tmp_path):
    assert load_any(write(tmp_path, "a.csv", IRIS_LIKE), target="species").n_classes == 3
    assert load_any(write(tmp_path, "a.tsv", IRIS_LIKE.replace(",", "\t"))).n_samples == 4
    np.savez(tmp_path / "a.npz", X=np.zeros((2, 2)), y=np.array([0, 1]))
    assert load_any(tmp_path / "a.npz").n_features == 2


def test_load_any_finds_mnist_labels_beside_images(tmp_path):
    images = write(tmp_path, "t10k-images-idx3-ubyte.gz", gzip.compress(idx_images()))
    write(tmp_path, "t10k-labels-idx1-ubyte.gz", gzip.compress(idx_labels()))
    assert load_any(images).n_samples == 3
    lonely = write(tmp_path, "other-images-idx3-ubyte", idx_images())
    msg = message(load_any, lonely)
    assert msg.startswith("other-images-idx3-ubyte: the labels file other-labels-idx1-ubyte was")
    assert ("put the labels file in the same folder as the images file, named "
            "other-labels-idx1-ubyte") in msg and "labels_path" not in msg


def test_load_any_says_what_is_wrong_with_an_idx_name_before_looking_for_labels(tmp_path):
    # a text file named like MNIST's images, no labels beside: the file itself is the problem
    text = write(tmp_path, "foo-images-idx3-ubyte", b"just some text\n")
    msg = message(load_any, text)
    assert msg.startswith("foo-images-idx3-ubyte: this is not an IDX images file")
    # the labels file chosen instead of the images: say which file to choose
    labels = write(tmp_path, "train-labels-idx1-ubyte.gz", gzip.compress(idx_labels()))
    msg = message(load_any, labels)
    assert msg.startswith("train-labels-idx1-ubyte.gz: this is an IDX labels file: NetCanvas "
                          "reads it with its images")
    assert "choose the images file beside it (train-images-idx3-ubyte.gz)" in msg


def test_load_any_unknown_extension(tmp_path):
    msg = message(load_any, write(tmp_path, "book.xlsx", b"PK"))
    assert msg.startswith("book.xlsx: NetCanvas cannot tell what kind of data file this is")
