"""Explain: one data row stepped through the user's own network, forward then backward.

:func:`explain` traces a project's row (:mod:`core.explain.report`), :func:`trace_row` any
network and row (:mod:`core.explain.trace`); :func:`build_steps` words the walk as local rules
(:mod:`core.explain.steps`); :func:`numerical_gradients` and :func:`sgd_step` check and use
one row's gradients (:mod:`core.explain.check`). Numbers are float64 and in inference mode.
"""

from core.explain.check import numerical_gradients, relative_error, sgd_step
from core.explain.report import (
    Explanation,
    explain,
    explained_network,
    format_table,
    json_text,
    to_json,
)
from core.explain.steps import Step, build_steps
from core.explain.trace import NodeTrace, RowTrace, trace_row

__all__ = ["Explanation", "NodeTrace", "RowTrace", "Step", "build_steps", "explain",
           "explained_network", "format_table", "json_text", "numerical_gradients",
           "relative_error", "sgd_step", "to_json", "trace_row"]
