"""Explain: one data row stepped through the user's own network, forward then backward.

:func:`explain` traces a project's row (:mod:`core.explain.report`), :func:`trace_row` any
network and row (:mod:`core.explain.trace`); :func:`build_steps` words the walk as local rules
(:mod:`core.explain.steps`); :func:`numerical_gradients`, :func:`agreement` and
:func:`sgd_step` check and use one row's gradients (:mod:`core.explain.check`), and
:func:`with_corners` says when a unit at its activation's corner explains a disagreement
(:mod:`core.explain.corners`). Numbers are
float64 and in inference mode.
Words are in the current language (:mod:`core.i18n`); :func:`in_current_language` rewords an
explanation's steps after a switch, and ``_(PHASE_WORDS[step.phase])`` names a phase.
"""

from core.explain.check import (
    Agreement,
    Corner,
    agreement,
    numerical_gradients,
    relative_error,
    sgd_step,
)
from core.explain.corners import check_row, corners_crossed, with_corners
from core.explain.report import (
    Explanation,
    explain,
    explained_network,
    format_table,
    in_current_language,
    json_text,
    row_words,
    to_json,
)
from core.explain.steps import PHASE_WORDS, Step, build_steps
from core.explain.trace import NodeTrace, RowTrace, trace_row

__all__ = [
    "PHASE_WORDS",
    "Agreement",
    "Corner",
    "Explanation",
    "NodeTrace",
    "RowTrace",
    "Step",
    "agreement",
    "build_steps",
    "check_row",
    "corners_crossed",
    "explain",
    "explained_network",
    "format_table",
    "in_current_language",
    "json_text",
    "numerical_gradients",
    "relative_error",
    "row_words",
    "sgd_step",
    "to_json",
    "trace_row",
    "with_corners",
]
