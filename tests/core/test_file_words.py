"""Why a data file could not be read, or a file written, is said in NetCanvas's words (and
so in Korean): the system's own English text ("Not a directory", "Input/output error") was
quoted inside Korean sentences. core.file_writes says it for every reader and writer."""

import errno
from pathlib import Path

import numpy as np
import pytest

from core import file_writes
from core.datasets import DataError, load_csv, load_npz
from core.datasets.linked import LinkedFile
from core.datasets.ref import import_file
from core.file_writes import read_reason, write_reason
from core.i18n import set_language

DISK = "the disk could not read it (a damaged disk, or a drive removed)"


def broken_disk(*_args, **_kwargs):
    raise OSError(errno.EIO, "Input/output error")


def refusal(read, path) -> str:
    with pytest.raises(DataError) as caught:
        read(path)
    return str(caught.value)


def test_a_data_file_behind_a_file_names_the_cause_in_words(tmp_path):
    (tmp_path / "notes.txt").write_text("a file, not a folder")
    message = refusal(load_csv, tmp_path / "notes.txt" / "data.csv")
    assert message.startswith("data.csv: the file cannot be opened (a folder in its path is a "
                              "file)")
    assert "Not a directory" not in message


@pytest.mark.parametrize("reader, breaks", [
    (load_csv, "read_bytes"),  # files.read_bytes
    (load_npz, "open"),  # npz_import.load_npz reads its magic number
    (import_file, None),  # ref.import_file reads the file again for its checksum
])
@pytest.mark.parametrize("language, expected", [("en", f"the file cannot be read ({DISK})"),
                                                ("ko", "디스크")])
def test_a_disk_that_fails_a_data_file_is_said_in_words(tmp_path, monkeypatch, reader, breaks,
                                                        language, expected):
    csv = tmp_path / "data.csv"
    csv.write_text("a,b,label\n1,2,0\n3,4,1\n5,6,0\n7,8,1\n")
    path = csv if reader is not load_npz else tmp_path / "data.npz"
    np.savez(tmp_path / "data.npz", X=np.zeros((4, 2)), y=np.array([0, 1, 0, 1]))
    set_language(language)  # before the disk breaks: the catalogue is read from it too
    try:
        with monkeypatch.context() as patch:
            if breaks:
                patch.setattr(Path, breaks, broken_disk)
            else:
                patch.setattr(LinkedFile, "of", classmethod(broken_disk))
            message = refusal(reader, path)
    finally:
        set_language("en")
    assert expected in message and "Input/output" not in message


def test_a_cause_without_words_of_its_own_is_quoted_as_the_systems():
    path = Path("/media/stick/x.netcanvas")
    odd = OSError(errno.EXDEV, "Invalid cross-device link")
    assert write_reason(odd, path) == read_reason(odd) == file_writes.system_reason(odd) == (
        "the system said: Invalid cross-device link")
    set_language("ko")
    try:
        korean = file_writes.system_reason(OSError(errno.ENOSPC, "No space left on device"))
    finally:
        set_language("en")
    assert korean == "디스크가 가득 찼습니다"


def test_bundled_data_that_cannot_be_read_says_why_in_words(monkeypatch, tmp_path):
    """A damaged install: "cannot read the bundled data ([Errno 2] No such file or directory:
    '…/iris.csv')" quoted the system's English."""
    from core.datasets import bundled

    (tmp_path / "datasets").mkdir()  # the folder is there, the files are not
    monkeypatch.setattr(bundled, "files", lambda _package: tmp_path)
    message = refusal(lambda _path: bundled.load_iris(), None)
    assert message.startswith("iris.csv: cannot read the bundled data (it does not exist)")
