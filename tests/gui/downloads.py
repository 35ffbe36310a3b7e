"""Choosing a downloadable data set in the window, as a user does."""

from __future__ import annotations


def choose(window, name: str) -> None:
    """Pick ``name`` in the data combo as a user does (the combo's own index change)."""
    combo = window.data_picker.data_combo
    index = next(k for k in range(combo.count())
                 if combo.itemData(k).kind == "downloaded" and combo.itemData(k).name == name)
    combo.setCurrentIndex(index)




def downloaded(qtbot, window, monkeypatch, files, name: str = "mnist") -> None:
    """``name`` chosen and fetched from ``files`` served on this machine, its set in the
    window. (The window may show no data while the download runs — dataset_changed(None)
    first, when the files take more than a turn to arrive: this waits for the set itself.)"""
    from core.datasets.remote import MIRROR_ENV
    from tests.core.datasets.idx_server import serve

    with serve(files) as (url, _):
        monkeypatch.setenv(MIRROR_ENV, url)
        choose(window, name)
        qtbot.waitUntil(lambda: window.data.dataset is not None
                        and window.data.dataset.name == name, timeout=30_000)
