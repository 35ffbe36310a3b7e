"""MNIST and Fashion-MNIST among the window's data set choices; before they are fetched,
choosing one says which command downloads it."""

from __future__ import annotations

from core.datasets.remote import CACHE_ENV
from gui.document.data_source import DataSource, choices, ref_title
from gui.document.document import GraphDocument


def test_the_downloadable_sets_are_offered_with_how_to_get_them(tmp_path, monkeypatch):
    monkeypatch.setenv(CACHE_ENV, str(tmp_path))
    offered = {ref.name: (ref, title, text) for ref, title, text in choices()
               if ref.kind == "downloaded"}
    assert set(offered) == {"mnist", "fashion-mnist"}
    ref, title, text = offered["mnist"]
    assert title == ref_title(ref) and "netcanvas data fetch mnist" in text


def test_choosing_one_before_fetching_names_the_command(qtbot, tmp_path, monkeypatch):
    monkeypatch.setenv(CACHE_ENV, str(tmp_path))
    doc = GraphDocument(seed=0)
    source = DataSource(doc)
    ref = next(ref for ref, _, _ in choices() if ref.name == "fashion-mnist")
    with qtbot.waitSignal(source.error) as error:
        doc.set_data(ref)
    assert "netcanvas data fetch fashion-mnist" in error.args[0] and source.dataset is None
