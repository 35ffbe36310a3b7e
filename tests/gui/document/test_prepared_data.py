"""Large image data is prepared for the current split, seed and standardisation on a worker
thread before the teaching lint and the predictions read it (never on the GUI thread)."""

import threading

import numpy as np
import pytest

from core.lint import lint
from core.training.prepare import input_scaling, is_prepared
from gui.document import prepared as prepared_module
from gui.document.commands import ChangeSettingsCommand
from gui.document.predictions import compute
from tests.core.datasets.test_uint8 import write_idx


@pytest.fixture
def imported(window, qtbot, tmp_path):
    images = np.random.default_rng(5).integers(0, 256, (80, 4, 4), dtype=np.uint8)
    path = write_idx(tmp_path, images, (np.arange(80) % 4).astype(np.uint8))[0]
    with qtbot.waitSignal(window.data_picker.import_finished, timeout=20000):
        window.data_picker.import_path(str(path))
    return window.data.dataset


def key(window) -> tuple:
    s = window.doc.settings
    return (window.data.dataset, s.split, s.seed, s.standardize)


def test_a_changed_seed_is_prepared_on_a_worker_before_the_panels_recompute(
        window, qtbot, imported, monkeypatch):
    assert imported.x.dtype == np.uint8 and is_prepared(*key(window))  # the import prepared it
    ran: list[tuple[threading.Thread, int]] = []
    real = prepared_module.prepare_ahead

    def recording(dataset, fractions, seed, scale):
        ran.append((threading.current_thread(), seed))
        return real(dataset, fractions, seed, scale)

    monkeypatch.setattr(prepared_module, "prepare_ahead", recording)
    seed = window.doc.settings.seed + 7
    with qtbot.waitSignal(window.predictions.updated, timeout=20000) as shown:
        window.doc.push(ChangeSettingsCommand(window.doc, {"seed": seed, "standardize": True}))
    assert [(thread is threading.main_thread(), s) for thread, s in ran] == [(False, seed)]
    assert is_prepared(*key(window))
    doc = window.doc
    expected = compute(doc.spec, doc.shown_arrays, imported, rows=(np.arange(8), False),
                       scaling=input_scaling(imported, doc.settings.split, seed))
    assert shown.args[0].rows == expected.rows  # standardised with the new seed's split
    qtbot.waitUntil(lambda: not window.lint._timer.isActive())
    assert window.lint.warnings == lint(doc.spec, doc.settings, imported,
                                        dismissed=doc.dismissed_warnings)


def test_float_data_needs_no_preparing(window, qtbot, monkeypatch):
    monkeypatch.setattr(prepared_module, "prepare_ahead", lambda *_args: pytest.fail("ran"))
    with qtbot.waitSignal(window.predictions.updated, timeout=20000):
        assert window.files.open_example("spiral")
    with qtbot.waitSignal(window.predictions.updated, timeout=20000):
        window.doc.push(ChangeSettingsCommand(window.doc, {"seed": 9}))
    assert window.data.dataset.x.dtype == np.float64
