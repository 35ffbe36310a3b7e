"""The benchmark runs and reports every contender (timing goals are read from its output, not
asserted here: this machine is too noisy for timed tests)."""

import numpy as np

from core.engine import bench


def test_step_flops_counts_forward_dw_and_dx():
    # 2-3-4, batch 5: forward 2·5·(2·3 + 3·4) = 180; dW the same; dX only for the 3→4 layer: 120
    assert bench.step_flops((2, 3, 4), 5) == 180 + 180 + 120


def test_main_prints_a_line_per_workload_and_the_gemm_rate():
    lines: list[str] = []
    tiny = ((2, 4, 2), 4)
    gemm, results = bench.run(rounds=1, seconds=0.01, include_torch=False, workloads=(tiny,),
                              report=lines.append)
    assert gemm > 0
    assert len(results) == 1 and results[0].engine > 0 and results[0].textbook > 0
    assert lines and lines[0].startswith("2-4-2 (batch 4)")
    printed: list[str] = []
    assert bench.main(rounds=1, seconds=0.01, include_torch=False, out=printed.append,
                      workloads=(tiny,)) == 0
    assert any("GEMM rate" in line for line in printed)
    assert any("x textbook (goal ≥ 1.0)" in line for line in printed)
    assert np.isfinite(results[0].gemm_fraction)
