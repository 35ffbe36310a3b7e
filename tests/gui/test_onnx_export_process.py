"""File ▸ Export ▸ ONNX… exports in a child process: importing onnx holds the interpreter lock
for 0.6 s or more, and the window's first ONNX export froze it for 0.5–1 s while a background
thread imported it (core.export.isolated). The window's own process never imports onnx."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import numpy as np
import onnxruntime

from core.export import plan_export
from core.project import load_project
from resources.examples import example_path

SCRIPT = Path(__file__).with_name("onnx_export_process.py")
ROOT = Path(__file__).resolve().parents[2]


def test_the_window_exports_onnx_without_importing_onnx(tmp_path):
    target = tmp_path / "net.onnx"
    env = {**os.environ, "PYTHONPATH": str(ROOT), "QT_QPA_PLATFORM": "offscreen"}
    result = subprocess.run([sys.executable, str(SCRIPT), str(target)], capture_output=True,
                            text=True, timeout=300, env=env, cwd=ROOT)
    assert result.returncode == 0, (result.stdout, result.stderr[-3000:])
    assert "exported=True onnx_imported=False" in result.stdout, result.stdout
    # the file the child wrote answers as the network does
    plan = plan_export(load_project(example_path("xor_by_hand")))
    x = np.array([[0, 0], [0, 1], [1, 0], [1, 1]], dtype=np.float64)
    answers = onnxruntime.InferenceSession(str(target)).run(None, {"x": x.astype(np.float32)})
    np.testing.assert_allclose(answers[0], plan.built.predict(x), atol=1e-5)
