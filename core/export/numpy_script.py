"""Export as one plain-NumPy Python file that reads like the book, plus its weights and data.

``PATH.py`` is ``templates/numpy_net.py`` with the project's network and settings filled in;
``PATH.npz`` (same stem) holds the weights under NetCanvas's names and the split data (the
standardisation is written into the script, in the network's description). The script needs
only NumPy: ``predict(x)`` on import, ``--epochs N`` to train (printing what the window
shows: the training and validation metrics per epoch, the test metrics at the end).
"""

from __future__ import annotations

from pathlib import Path

import numpy as np

from core.export.common import (
    ExportError,
    ExportPlan,
    check_target,
    evaluation_config,
    staged,
    write_npz,
)
from core.export.render import render_template
from core.i18n import _

TEMPLATE = "numpy_net.py"


def script_arrays(plan: ExportPlan) -> dict[str, np.ndarray]:
    """Everything the script loads: weights, running statistics, the split data, each
    part's targets as NetCanvas measures accuracy or R² with (``y_val``: class indices, or the
    values in float64), and the optimizer's state where the project's last run stopped."""
    return {**plan.params, **plan.state, **plan.raw, **plan.measured_targets,
            **plan.optimizer_state}


def export_numpy(plan: ExportPlan, out: Path, force: bool = False) -> list[Path]:
    """Write ``out`` (a ``.py`` file) and its sibling ``.npz``; returns both paths."""
    if out.suffix != ".py":
        raise ExportError(_("{path}: the NumPy export is a Python file; give a name ending in "
                            ".py").format(path=out))
    weights = out.with_suffix(".npz")
    check_target(out, force)
    check_target(weights, force)
    source = render_template(TEMPLATE, NETWORK=plan.network, SETTINGS=plan.settings,
                             **evaluation_config(), EPOCHS_DONE=plan.epochs_done,
                             RESUME=plan.resume)
    with staged([out, weights]) as (script_tmp, weights_tmp):
        script_tmp.write_text(source, encoding="utf-8")
        write_npz(weights_tmp, script_arrays(plan))
    return [out, weights]
