"""The document as a project (what a save, the recovery copy after a run and Explain's worker
read) shares the document's weights instead of copying them — copying 2-2000-2000-2's took
the GUI thread 0.3 s after every run — and stays a snapshot: the document swaps in changed
arrays, so an edit made afterwards does not reach a project taken before it."""

import numpy as np
import pytest

from gui.document.commands import SetArrayValueCommand


def test_the_project_shares_the_weights_and_stays_a_snapshot(window):
    assert window.files.open_example("xor_learned")
    doc = window.doc
    project = window.files.project()
    before = float(project.params["W1"][0, 0])
    assert np.shares_memory(project.params["W1"], doc.array("W1"))
    with pytest.raises(ValueError):  # nobody writes into the document's weights
        project.params["W1"][0, 0] = 1.0

    assert doc.push(SetArrayValueCommand(doc, "W1", (0, 0), before + 2.5))
    assert float(doc.array("W1")[0, 0]) == before + 2.5
    assert float(project.params["W1"][0, 0]) == before  # the snapshot as it was taken
    doc.undo_stack.undo()
    assert float(doc.array("W1")[0, 0]) == before
