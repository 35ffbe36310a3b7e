"""Training in the window: a worker thread runs the core trainer while live panels follow.

- :mod:`.worker` — ``TrainingWorker``, a :mod:`gui.worker_thread` worker running
  ``Trainer.iterate()`` on its own QThread; it emits progress and frames at a bounded rate.
- :mod:`.controller` — ``TrainingController`` in the GUI thread: start / pause / resume /
  step / stop, the newest frame, and a clean join of the thread.
- :mod:`.frames`, :mod:`.trails` — what the worker prepares for the panels next to each
  snapshot, and the weight histograms it records over the run (Qt-free).
- :mod:`.session` — ``TrainingSession``: the document's network, data and settings in, the
  weights and history back as one undoable command; the structure lock.
- :mod:`.continuation` — which optimizer state goes with the document's weights, so a run
  carries on exactly after Train again or Save and Open.
- :mod:`.live` — ``LiveRefresh``: the panels' refresh rate, from what drawing costs;
  :mod:`.plots` — the panels themselves.
- :mod:`core.engine.blas` — one BLAS thread fewer than cores in the worker; :mod:`.benchmark` — the
  throughput and latency measurement (``python -m gui.training.benchmark``).
- :mod:`.settings_panel`, :mod:`.actions`, :mod:`.progress` — the controls.
- :mod:`.dock` — ``install_training(window, context, ...)``: all of it in the main window.
"""
