"""NetCanvas's desktop interface (PySide6): the canvas window and its panels.

How it fits together (``core`` never imports ``gui``; a test enforces it):

- :mod:`gui.document.document` — ``GraphDocument``, the model: the spec, the current weights
  (``W``/``b``/batch-norm arrays named by :mod:`core.engine.params`, their one owner, so they are
  saved, undone and drawn), the settings, data and history (each with its own signal), one
  ``QUndoStack``, the file path.
- :mod:`gui.document.commands` — every edit is a ``QUndoCommand`` that calls the document's
  primitive edits and nothing else; compound commands keep their children on the Python side (PySide
  does not model QUndoCommand parent ownership).
- :mod:`gui.canvas` — the scene mirrors the document's signals; gestures push commands. Drags
  are recorded on release (one entry each); connections are checked live with
  ``NetworkSpec.connection_problem``.
- Panels (:mod:`gui.panels.palette`, :mod:`gui.panels.data_picker`, :mod:`gui.inspector`,
  :mod:`gui.panels.problems`, :mod:`gui.panels.predictions`) read the document and push
  commands; they refresh with signals blocked, so a refresh never becomes an edit.
- :mod:`gui.training` — the core trainer in a worker thread, its controls and settings, and
  :mod:`gui.training.plots` — the live plots (loss, weights, activations, output); see
  ``gui/training/__init__.py``. While a run lasts the document is locked
  (``GraphDocument.lock``): structural commands are refused with the reason, and the editors
  and Undo/Redo disable themselves (:mod:`gui.lock`).
- :mod:`gui.context` — ``ProjectContext``: the document, data, training session and files,
  which the main window hands to the labs and the training dock instead of itself.
- :mod:`gui.worker_thread` — the one QThread lifecycle of training runs and background jobs;
  :mod:`gui.background` builds the jobs on it (short data reads; labs, exports, saves and
  downloads with progress).
"""
