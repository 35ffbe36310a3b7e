"""The Training panel's "Finished 100 epochs. Not solved yet: 84 % …" is about the run that
just ended in this project: opening another project (or the saved file again, trained to
another epoch) kept it under the new project's settings; it goes with the old project now."""

from tests.gui.training_support import open_example, train_to_end


def test_opening_another_project_clears_the_last_runs_outcome(qtbot, window, tmp_path):
    open_example(window, "spiral", epochs=3)
    train_to_end(qtbot, window)
    label = window.training.settings_panel.outcome_label
    assert "Finished 3 epochs." in label.text()
    saved = tmp_path / "spiral.netcanvas"
    assert window.files.write(str(saved))
    assert "Finished 3 epochs." in label.text()  # saving is no other project
    assert window.files.open_example("xor_learned")
    assert label.text() == ""
    assert window.files.load(saved)
    assert label.text() == ""
    train_to_end(qtbot, window)  # the next run says how it ended, as before
    assert "Finished 3 epochs." in label.text()
