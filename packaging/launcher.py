"""The frozen app's entry point: the ``netcanvas`` command (gui.cli), as a bundle executable.

``freeze_support()`` comes first: the hyperparameter search starts worker processes with
"spawn", which in a frozen app re-runs this executable; freeze_support turns such a run into
the worker instead of a second NetCanvas.
"""

import multiprocessing
import sys

if __name__ == "__main__":
    multiprocessing.freeze_support()
    from gui.cli import main

    sys.exit(main())
