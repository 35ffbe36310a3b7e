"""The MNIST-sized epoch benchmark of ``netcanvas bench`` runs both sides and reports them
(its timing goal is read from its output, never asserted: this machine is too noisy)."""

import re

import numpy as np
import pytest

from core.training import epoch_bench


def test_mnist_sized_data_has_mnists_shape_and_byte_values():
    data = epoch_bench.mnist_sized(rows=300)
    assert data.x.shape == (300, 784)
    assert data.n_classes == 10
    assert data.x.dtype == np.uint8 and data.x_divisor == 255.0  # as MNIST is kept
    np.testing.assert_array_equal(data.features(), data.x / 255.0)


def test_epoch_without_torch_reports_netcanvas_only():
    lines: list[str] = []
    ours, theirs = epoch_bench.run(rows=400, rounds=1, include_torch=False, out=lines.append)
    assert ours > 0 and theirs is None
    assert len(lines) == 1
    assert lines[0].startswith("784-100-10 epoch on 400 MNIST-sized rows (batch 100")
    assert "PyTorch" not in lines[0]


def test_epoch_against_torch_prints_the_ratio_and_the_goal():
    pytest.importorskip("torch")
    lines: list[str] = []
    ours, theirs = epoch_bench.run(rows=6000, rounds=1, out=lines.append)  # times ≥ 0.01 s
    assert ours > 0 and theirs is not None and theirs > 0
    assert f"PyTorch CPU {theirs:.2f} s — NetCanvas {theirs / ours:.2f}x as fast" in lines[0]
    assert "(goal ≥ 1.5: " in lines[0]
    # and the processor time of every thread and process, which the clock alone hides
    found = re.search(r"processor time per epoch, every thread and process counted: NetCanvas "
                      r"([\d.]+) s, PyTorch ([\d.]+) s — NetCanvas ([\d.]+)x as economical "
                      r"\(no goal; NetCanvas processes: (\d+), one BLAS thread each; PyTorch "
                      r"threads: (\d+)\)", lines[1])
    assert found is not None and len(lines) == 2
    ours_cpu, theirs_cpu, ratio = map(float, found.groups()[:3])
    assert int(found[4]) >= 1 and int(found[5]) >= 1
    assert ours_cpu > 0 and theirs_cpu > 0
    # the ratio of the unrounded times: equal to the printed ones' within their rounding
    assert abs(theirs_cpu - ratio * ours_cpu) <= 0.005 * (1 + ratio + ours_cpu) + 1e-4
