"""A step back on the timeline made its frame on the worker by converting the viewer network's
weights to the document's float64 arrays, then threw them away for the record's own: a copy of
every weight for nothing on a big network. The frame now holds the record's arrays, made once."""

from __future__ import annotations

import threading

import numpy as np
from PySide6.QtCore import Qt

import gui.training.frames as frames_module
from core.training.history import History
from gui.training.replay import Replay
from tests.gui.training_support import open_example, train_to_end


def replays_recorded(monkeypatch) -> list[tuple]:
    """(record, frame, replay) of each frame the timeline's replay makes, in order."""
    made: list[tuple] = []
    replay_frame = Replay.frame

    def frame(replay, record, *args):
        made.append((record, replay_frame(replay, record, *args), replay))
        return made[-1][1]

    monkeypatch.setattr(Replay, "frame", frame)
    return made


def step_back(qtbot, window, presses: int, epoch: int) -> None:
    """Left ``presses`` times on the timeline's slider, until epoch ``epoch`` is shown."""
    timeline = window.training.timeline
    timeline.bar.slider.setFocus()
    for _ in range(presses):
        qtbot.keyPress(timeline.bar.slider, Qt.Key.Key_Left)
    qtbot.waitUntil(lambda: window.training.loss.marked_epoch == epoch
                    and not timeline.runner.busy)


def test_a_replayed_frame_holds_the_record_s_arrays_without_converting_the_viewer_s(
        qtbot, window, monkeypatch):
    open_example(window, "spiral", epochs=6)
    train_to_end(qtbot, window)
    converted: list[str] = []  # the thread of each conversion of a network's weights
    original = frames_module.copies

    def counted(arrays, owned=False):
        converted.append(threading.current_thread().name)
        return original(arrays, owned)

    monkeypatch.setattr(frames_module, "copies", counted)
    made = replays_recorded(monkeypatch)
    step_back(qtbot, window, 4, 2)
    assert made and all(record.epoch in range(2, 6) for record, _, _ in made)
    record, replayed, _ = made[-1]
    assert record.epoch == 2 and replayed.snapshot.epoch == 2
    assert set(replayed.arrays) == set(record.arrays)
    for name, value in record.arrays.items():
        assert replayed.arrays[name].dtype == np.float64
        np.testing.assert_array_equal(replayed.arrays[name], value)
        np.testing.assert_array_equal(window.doc.shown_arrays[name], value)  # what is shown
    assert converted == []  # the viewer network's weights were never converted


def test_a_replayed_frame_keeps_the_record_s_weights_without_copying_them(
        qtbot, window, monkeypatch):
    """Each step back also copied every weight of the viewer network into the frame's
    snapshot (the network's own arrays, which the next step back overwrites). The snapshot now
    holds read-only views of the record's weights — same values, no copy — which neither a
    later step back nor more training changes."""
    open_example(window, "spiral", epochs=6)
    train_to_end(qtbot, window)
    made = replays_recorded(monkeypatch)
    step_back(qtbot, window, 4, 2)
    record, replayed, replay = made[-1]
    assert record.epoch == 2
    params = replayed.snapshot.params
    assert set(params) == set(record.params) == set(replay.viewer.network.params)
    kept = {name: np.array(value) for name, value in params.items()}
    for name, value in params.items():
        np.testing.assert_array_equal(value, record.params[name])  # the epoch's values
        assert value.dtype == replay.viewer.network.dtype
        assert np.shares_memory(value, record.params[name])  # not a copy
        assert not np.shares_memory(value, replay.viewer.network.params[name])
        assert not value.flags.writeable
    step_back(qtbot, window, 1, 1)  # the viewer loads another record
    assert made[-1][0].epoch == 1
    assert not all(np.array_equal(replay.viewer.network.params[n], kept[n]) for n in kept)
    window.training.settings_panel.epochs_spin.setValue(3)
    train_to_end(qtbot, window)  # more training, from the latest epoch
    assert History.from_dict(window.doc.history).n_epochs == 9
    for name, value in kept.items():  # the epoch-2 frame is as it was
        np.testing.assert_array_equal(params[name], value)
        np.testing.assert_array_equal(replayed.snapshot.params[name], value)
