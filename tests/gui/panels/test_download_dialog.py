"""Choosing MNIST in the data picker before it is cached: the download dialog, served by a
local http.server (tests/core/datasets/idx_server.py) — never the internet."""

from __future__ import annotations

import socket
import time

import pytest
from PySide6.QtCore import Qt

from core.datasets.cache_check import MEMO
from core.datasets.remote import CACHE_ENV, MIRROR_ENV
from gui.document.data_source import choices, ref_key
from tests.core.datasets.idx_server import N_TEST, N_TRAIN, make_files, serve, tls_context
from tests.gui.downloads import choose
from tests.gui.panels.test_names_in_rich_text import plain

TIMEOUT_MS = 30_000
TRAIN_IMAGES = "train-images-idx3-ubyte.gz"
TRAIN_LABELS = "train-labels-idx1-ubyte.gz"


def nothing_in(folder) -> bool:
    """No file: after a failure the set's folder is there (created for files put by hand)."""
    return not folder.exists() or not any(p.is_file() for p in folder.rglob("*"))


def free_port_url() -> str:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    return f"http://127.0.0.1:{port}/data/"  # nothing listens there once closed


def test_download_then_use_mnist_and_undo(env, qtbot, window, monkeypatch):
    cache, files = env
    before = window.doc.data
    with serve(files) as (url, handler):
        monkeypatch.setenv(MIRROR_ENV, url)
        choose(window, "mnist")
        dialog = window.data_picker.download_dialog
        assert dialog is not None and dialog.isVisible()
        assert str(cache / "mnist") in dialog.intro.text()
        steps = []
        dialog.job.progress.connect(steps.append)  # what the bar and its label were fed
        # the files arrive, then the set is read on a worker thread (None meanwhile)
        qtbot.waitUntil(lambda: window.data.dataset is not None
                        and window.data.dataset.name == "mnist", timeout=TIMEOUT_MS)
    assert handler.requests == list(files)
    dataset = window.data.dataset
    assert dataset.name == "mnist" and dataset.n_samples == N_TRAIN + N_TEST
    assert dataset.fixed_test == N_TEST and dataset.n_features == 28 * 28
    assert sorted(p.name for p in (cache / "mnist").iterdir()) == sorted([*files, MEMO])
    last = steps[-1]  # the fourth file, complete, in bytes
    assert (last.file, last.index, last.count) == ("t10k-labels-idx1-ubyte.gz", 4, 4)
    assert last.done == last.total == len(files["t10k-labels-idx1-ubyte.gz"])
    assert {step.index for step in steps} == {1, 2, 3, 4}
    assert window.data_picker.download_dialog is None
    combo = window.data_picker.data_combo
    assert combo.currentData().name == "mnist"
    assert "not downloaded" not in combo.itemData(combo.currentIndex(),
                                                  Qt.ItemDataRole.ToolTipRole)
    window.doc.undo_stack.undo()  # one undo entry gives the old data back
    assert window.doc.data is before
    window.doc.undo_stack.redo()
    # cached now: choosing it again opens no dialog
    window.doc.undo_stack.undo()
    choose(window, "mnist")
    assert window.data_picker.download_dialog is None and window.doc.data.name == "mnist"


def test_cancel_mid_download_keeps_nothing_and_the_data(env, qtbot, window, monkeypatch):
    cache, files = env
    before = window.doc.data
    entries = window.doc.undo_stack.count()
    with serve(files, hold={TRAIN_LABELS}) as (url, handler):
        monkeypatch.setenv(MIRROR_ENV, url)
        choose(window, "mnist")
        dialog = window.data_picker.download_dialog
        # the first file arrived (its progress shown); the second is under way, held
        qtbot.waitUntil(lambda: TRAIN_LABELS in handler.requests, timeout=TIMEOUT_MS)
        qtbot.waitUntil(lambda: dialog.file_label.text().startswith(TRAIN_IMAGES)
                        and dialog.bar.value() == dialog.bar.maximum() > 0)
        with qtbot.waitSignal(dialog.rejected, timeout=TIMEOUT_MS):
            qtbot.mouseClick(dialog.cancel_button, Qt.MouseButton.LeftButton)
            assert dialog.file_label.text() == "Cancelling…"
            handler.release.set()
    assert nothing_in(cache)
    assert window.doc.data is before and window.data.dataset.name != "mnist"
    assert ref_key(window.data_picker.data_combo.currentData()) == ref_key(before)
    assert window.doc.undo_stack.count() == entries  # no undo entry for a cancelled choice


def test_a_checksum_mismatch_is_said_and_nothing_kept(env, qtbot, window, monkeypatch):
    cache, _ = env
    before = window.doc.data
    with serve(make_files(seed=5)) as (url, _):
        monkeypatch.setenv(MIRROR_ENV, url)
        choose(window, "fashion-mnist")
        dialog = window.data_picker.download_dialog
        qtbot.waitUntil(lambda: dialog.error != "", timeout=TIMEOUT_MS)
    assert "checksum" in dialog.error and dialog.message.isVisible()
    assert dialog.error in dialog.message.text()
    title = "Fashion-MNIST clothes 28×28"
    assert dialog.error.startswith(  # our words, whole: not pooch's English cut at 200
        f"{TRAIN_IMAGES} of {title} was downloaded, but it is not the original file: its "
        "checksum differs from the one NetCanvas keeps, so the server sent a different file "
        "(damaged, or another version). It was thrown away and nothing was kept in the cache."
        f"\n\nChoose {title} again to try once more (later, if it fails again).")
    assert "hash" not in dialog.error and "Deleted download" not in dialog.error
    assert nothing_in(cache) and window.doc.data is before
    with qtbot.waitSignal(dialog.finished):
        qtbot.mouseClick(dialog.buttons.buttons()[0], Qt.MouseButton.LeftButton)
    assert window.data_picker.download_dialog is None


@pytest.mark.parametrize("problem", ["not-found", "offline"])
def test_404_or_offline_names_the_cache_folder_and_import_still_works(
        env, qtbot, window, monkeypatch, tmp_path, problem):
    cache, _ = env
    before = window.doc.data
    with serve({}) as (url, _):
        monkeypatch.setenv(MIRROR_ENV, url if problem == "not-found" else free_port_url())
        choose(window, "mnist")
        dialog = window.data_picker.download_dialog
        qtbot.waitUntil(lambda: dialog.error != "", timeout=TIMEOUT_MS)
    assert ("404" if problem == "not-found" else "did not answer") in dialog.error
    assert str(cache / "mnist") in dialog.error and TRAIN_IMAGES in dialog.error
    assert nothing_in(cache) and window.doc.data is before
    qtbot.mouseClick(dialog.buttons.buttons()[0], Qt.MouseButton.LeftButton)
    table = tmp_path / "mine.csv"
    table.write_text("a,b,label\n0,1,x\n1,0,y\n1,1,x\n0,0,y\n")
    with qtbot.waitSignal(window.data_picker.import_finished, timeout=20000) as finished:
        window.data_picker.import_path(str(table))
    assert finished.args == [True]
    assert window.data.dataset.name == "mine" and window.data.dataset.n_samples == 4


def no_names(monkeypatch):
    """No name can be looked up, as on a computer without a network."""
    def fail(*_args, **_kwargs):
        raise socket.gaierror(-2, "Name or service not known")
    monkeypatch.setattr(socket, "getaddrinfo", fail)


def test_a_dead_mirror_of_ones_own_is_named_with_what_to_do(env, qtbot, window, monkeypatch):
    """NETCANVAS_DATA_MIRROR naming a server that is down said "this computer seems to be
    offline … Connect to the internet", with the system's English "Connection refused"."""
    url = free_port_url()
    monkeypatch.setenv(MIRROR_ENV, url)
    choose(window, "mnist")
    dialog = window.data_picker.download_dialog
    qtbot.waitUntil(lambda: dialog.error != "", timeout=TIMEOUT_MS)
    title = "MNIST handwritten digits 28×28"
    assert dialog.error.startswith(
        f"Cannot download {TRAIN_IMAGES} of {title}: the mirror {url} (set by "
        f"NETCANVAS_DATA_MIRROR) did not answer.\n\nCheck that the server at {url} is running, "
        "or ask whoever set NETCANVAS_DATA_MIRROR on this computer; without it, NetCanvas uses "
        "the public mirrors. Or put the four files")
    assert "offline" not in dialog.error.replace(str(env[0]), "")
    assert dialog.details.text().endswith("cannot connect (the connection was refused)")


def put_by_hand(cache, files):
    folder = cache / "mnist"
    folder.mkdir(parents=True, exist_ok=True)
    for file, data in files.items():
        (folder / file).write_bytes(data)
    return folder


def test_a_failure_tells_a_window_user_what_to_do_and_opens_the_folder(
        env, qtbot, window, monkeypatch):
    cache, _ = env
    opened = []
    monkeypatch.setattr("gui.panels.download_dialog.QDesktopServices.openUrl", opened.append)
    no_names(monkeypatch)  # the public mirrors, from a computer without a network
    choose(window, "mnist")
    dialog = window.data_picker.download_dialog
    qtbot.waitUntil(lambda: dialog.error != "", timeout=TIMEOUT_MS)
    folder = cache / "mnist"
    title = "MNIST handwritten digits 28×28"
    assert dialog.error == (
        f"Cannot download {TRAIN_IMAGES} of {title}: no mirror could be reached — this "
        f"computer seems to be offline.\n\nConnect to the internet and choose {title} again. "
        "Or put the four files (train-images-idx3-ubyte.gz, train-labels-idx1-ubyte.gz, "
        f"t10k-images-idx3-ubyte.gz, t10k-labels-idx1-ubyte.gz) in {folder} by hand (Open "
        f"folder shows it); NetCanvas checks them when you choose {title} again.\n\n"
        f"You can still import your own data with “{window.data_picker.import_button.text()}”.")
    assert "netcanvas data fetch" not in dialog.error  # that is for the command line
    assert "cannot connect (the server's name could not be looked up)" in dialog.details.text()
    assert folder.is_dir() and nothing_in(cache)  # there to put the files in; nothing kept
    # no blank band: each text follows the one above it, the buttons follow the last
    spacing = dialog.layout().spacing()
    assert dialog.message.y() == dialog.intro.geometry().bottom() + 1 + spacing
    assert dialog.details.y() == dialog.message.geometry().bottom() + 1 + spacing
    assert dialog.buttons.y() == dialog.details.geometry().bottom() + 1 + spacing
    button = dialog.open_folder_button
    assert button.isVisible() and button.text() == "Open folder"
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert [url.toLocalFile() for url in opened] == [str(folder)]
    qtbot.mouseClick(dialog.buttons.button(dialog.buttons.StandardButton.Close),
                     Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.data_picker.download_dialog is None)


def test_a_mirror_whose_certificate_fails_is_not_called_offline(
        env, qtbot, window, monkeypatch, tmp_path):
    """HTTPS that cannot be verified (a school network inspecting it, a wrong clock) said
    "this computer seems to be offline" and "connect to the internet"."""
    cache, files = env
    context, _certificate = tls_context(tmp_path)  # self-signed: trusted by nobody
    with serve(files, tls=context) as (url, handler):
        monkeypatch.setenv(MIRROR_ENV, url)
        choose(window, "mnist")
        dialog = window.data_picker.download_dialog
        qtbot.waitUntil(lambda: dialog.error != "", timeout=TIMEOUT_MS)
    title = "MNIST handwritten digits 28×28"
    assert dialog.error.startswith(
        f"Cannot download {TRAIN_IMAGES} of {title}: the mirror's secure (HTTPS) connection "
        "could not be verified, as happens on a network that inspects secure connections (at "
        "a school or a company) or when this computer's date and time are wrong.\n\nCheck "
        f"this computer's date and time, then choose {title} again. On a school or company "
        "network, ask for its certificate: NetCanvas trusts it when the environment variable "
        "REQUESTS_CA_BUNDLE names its file. Or put the four files")
    assert "offline" not in dialog.error and "certificate verify failed" in dialog.details.text()
    assert handler.requests == [] and nothing_in(cache)
    dialog.grab().save(str(tmp_path / "certificate.png"))
    qtbot.mouseClick(dialog.buttons.button(dialog.buttons.StandardButton.Close),
                     Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.data_picker.download_dialog is None)


def test_wrong_files_put_by_hand_are_named_kept_and_not_downloaded_over(
        env, qtbot, window, monkeypatch):
    cache, files = env
    before = window.doc.data
    wrong = make_files(seed=4)[TRAIN_IMAGES]
    folder = put_by_hand(cache, {**files, TRAIN_IMAGES: wrong})
    with serve(files) as (url, handler):
        monkeypatch.setenv(MIRROR_ENV, url)
        choose(window, "mnist")
        dialog = window.data_picker.download_dialog
        assert dialog is not None  # present but unchecked: not taken as the real set
        qtbot.waitUntil(lambda: dialog.error != "", timeout=TIMEOUT_MS)
    assert handler.requests == [] and (folder / TRAIN_IMAGES).read_bytes() == wrong
    title = "MNIST handwritten digits 28×28"
    assert dialog.error.startswith(
        f"{TRAIN_IMAGES} in the cache folder {folder} is not the original file of {title}: "
        "its checksum differs from the one NetCanvas keeps, so it is not used.\n\nReplace it "
        f"with the original file, or delete it and choose {title} again to download it.")
    assert window.doc.data is before and window.data.dataset.name != "mnist"
    qtbot.mouseClick(dialog.buttons.button(dialog.buttons.StandardButton.Close),
                     Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.data_picker.download_dialog is None)
    combo = window.data_picker.data_combo
    index = next(k for k in range(combo.count()) if combo.itemData(k).name == "mnist")
    assert combo.itemData(index, Qt.ItemDataRole.ToolTipRole).endswith(
        " — a file in the cache folder is not the original (its checksum differs): choosing "
        "it says which")
    assert ref_key(combo.currentData()) == ref_key(before)


def test_right_files_put_by_hand_are_checked_then_used_offline(env, qtbot, window, monkeypatch):
    cache, files = env
    put_by_hand(cache, files)
    monkeypatch.setenv(MIRROR_ENV, free_port_url())
    description = next(d for ref, _, d in choices() if ref.name == "mnist")
    assert description.endswith(" — files found in the cache folder: choosing it checks them "
                                "and downloads what is missing")
    choose(window, "mnist")
    qtbot.waitUntil(lambda: window.data.dataset is not None
                    and window.data.dataset.name == "mnist", timeout=TIMEOUT_MS)
    assert window.data.dataset.n_samples == N_TRAIN + N_TEST
    assert window.data_picker.download_dialog is None


def test_in_korean_a_failure_says_download_one_way_and_quotes_the_button(
        env, qtbot, korean, window, monkeypatch):
    cache, _ = env
    no_names(monkeypatch)  # the public mirrors, from a computer without a network
    choose(window, "mnist")
    dialog = window.data_picker.download_dialog
    qtbot.waitUntil(lambda: dialog.error != "", timeout=TIMEOUT_MS)
    button = window.data_picker.import_button.text()
    assert button == "CSV / NPZ / IDX 가져오기…"
    assert dialog.windowTitle() == "내려받기 실패"
    texts = [dialog.windowTitle(), dialog.intro.text(), dialog.error, dialog.details.text(),
             dialog.open_folder_button.text()]
    assert all("다운로드" not in text for text in texts)  # the one word: 내려받기
    assert dialog.error.startswith(
        f"MNIST 손글씨 숫자 28×28의 {TRAIN_IMAGES}을(를) 내려받을 수 없습니다: "
        "어떤 미러에도 연결되지 않습니다 — 이 컴퓨터가 오프라인인 것 같습니다.\n\n"
        "인터넷에 연결하고 MNIST 손글씨 숫자 28×28을(를) 다시 선택하세요.")
    assert dialog.error.endswith(f"“{button}”로 가진 데이터를 가져올 수는 있습니다.")
    assert str(cache / "mnist") in dialog.error and dialog.open_folder_button.text() == "폴더 열기"


def test_several_wrong_files_are_named_together(env, qtbot, window):
    from core.datasets.download import wrong_files
    from gui.panels.download_dialog import DownloadDialog

    cache, _ = env
    dialog = DownloadDialog("mnist", window)  # not started: the failure is handed to it
    qtbot.addWidget(dialog)
    dialog._finished(wrong_files("mnist", (TRAIN_IMAGES, TRAIN_LABELS)))
    title = "MNIST handwritten digits 28×28"
    assert dialog.error.startswith(
        f"{TRAIN_IMAGES}, {TRAIN_LABELS} in the cache folder {cache / 'mnist'} are not the "
        f"original files of {title}: their checksums differ from those NetCanvas keeps, so "
        "they are not used.\n\nReplace them with the original files, or delete them and "
        f"choose {title} again to download them.")
    assert (cache / "mnist").is_dir() and dialog.open_folder_button.isVisibleTo(dialog)


def test_files_found_in_the_cache_folder_are_checked_with_their_names_shown(env, qtbot, window):
    from core.datasets.download import Progress
    from gui.panels.download_dialog import DownloadDialog

    dialog = DownloadDialog("mnist", window)  # not started: progress is handed to it
    qtbot.addWidget(dialog)
    dialog._progress(Progress(TRAIN_LABELS, 2, 3, 0, None, checking=True))
    assert dialog.file_label.text() == f"Checking {TRAIN_LABELS} (2 of 3)…"
    assert dialog.bar.maximum() == 0  # busy: hashing has no byte count to show


def test_a_cache_folder_with_markup_characters_is_shown_as_it_is(
        env, qtbot, window, monkeypatch, tmp_path):
    """A cache folder named ``a&b <c>`` (NETCANVAS_CACHE_DIR may be any folder) was read as
    markup in the dialog's intro and failure message: '<c>' vanished, '&b' became 'b'."""
    cache = tmp_path / "a&b <c>"
    monkeypatch.setenv(CACHE_ENV, str(cache))
    with serve({}) as (url, _):
        monkeypatch.setenv(MIRROR_ENV, url)
        choose(window, "mnist")
        dialog = window.data_picker.download_dialog
        qtbot.waitUntil(lambda: dialog.error != "", timeout=TIMEOUT_MS)
    folder = str(cache / "mnist")
    assert folder in plain(dialog.intro.text())
    assert dialog.message.textFormat() == Qt.TextFormat.PlainText
    assert folder in dialog.message.text()
    qtbot.mouseClick(dialog.buttons.buttons()[0], Qt.MouseButton.LeftButton)


def test_closing_the_window_during_a_stalled_download_cancels_it_at_once(
        env, qtbot, window, monkeypatch):
    """The server sends the headers and a few bytes, then nothing: closing the window stops the
    download there and then — it used to wait for the network timeout (20 s), looking hung."""
    cache, files = env
    with serve(files, stall={TRAIN_IMAGES}) as (url, handler):
        monkeypatch.setenv(MIRROR_ENV, url)
        choose(window, "mnist")
        assert window.data_picker.download_dialog.isVisible()
        assert handler.stalled.wait(TIMEOUT_MS / 1000)
        qtbot.wait(300)  # the download waits for the next bytes
        assert any(p.is_file() for p in cache.rglob("*"))  # the part received, in staging
        start = time.perf_counter()
        window.close()
        took = time.perf_counter() - start
        assert not window.isVisible()
    assert took < 5, f"closing took {took:.1f} s"  # a coarse bound: the old wait was 20 s
    assert nothing_in(cache)
