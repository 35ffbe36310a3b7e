"""The window benchmarks run end to end at a tiny size and print every field they promise
(the values are timings of a shared machine: read, never asserted)."""

import os
import re
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from core.datasets import load_any
from gui.training import mnist_like
from gui.training.memory import LatencyHistogram, growth_per_hour

ROOT = Path(__file__).resolve().parents[3]


def run_benchmark(args: list[str], tmp_path: Path) -> subprocess.CompletedProcess:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(ROOT),
           "NETCANVAS_CACHE_DIR": str(tmp_path / "empty-cache")}  # MNIST is never cached
    result = subprocess.run([sys.executable, "-m", "gui.training.benchmark", *args], cwd=ROOT,
                            env=env, capture_output=True, text=True, timeout=600)
    assert result.returncode in (0, 1), (result.returncode, result.stdout, result.stderr[-3000:])
    return result


def test_mnist_like_images_are_the_same_for_a_seed_and_read_back_from_idx(tmp_path):
    images, labels = mnist_like.generate(200, seed=3)
    again, _ = mnist_like.generate(200, seed=3)
    other, _ = mnist_like.generate(200, seed=4)
    assert images.shape == (200, 28, 28) and images.dtype == np.uint8
    assert labels.dtype == np.uint8 and set(labels.tolist()) == set(range(10))
    np.testing.assert_array_equal(images, again)
    assert not np.array_equal(images, other)
    data = load_any(mnist_like.write_idx(tmp_path, images, labels))
    assert (data.n_samples, data.n_features) == (200, 784)
    assert data.x.dtype == np.uint8  # the bytes themselves, scaled to [0, 1] when used
    np.testing.assert_array_equal(data.x, images.reshape(200, 784))
    np.testing.assert_array_equal(data.features(), images.reshape(200, 784) / 255.0)
    assert [data.class_names[k] for k in data.y[:5]] == [str(v) for v in labels[:5]]


def test_mnist_like_digits_differ_from_each_other():
    base = mnist_like.templates()
    flat = base.reshape(10, -1)
    assert base.shape == (10, 28, 28) and base.max() == 1.0
    distances = np.linalg.norm(flat[:, None] - flat[None], axis=2)
    assert distances[~np.eye(10, dtype=bool)].min() > 1.0  # one segment apart at least


def test_growth_is_the_slope_after_the_warm_up():
    seconds = np.arange(0, 3600, 60.0)
    mb = 100 + 5 * seconds / 3600  # 5 MB an hour
    mb[seconds < 600] += 40  # a warm-up bump that first-vs-last would count
    assert growth_per_hour(seconds, mb, warm_up=600) == pytest.approx(5.0)
    with pytest.raises(ValueError, match="too few samples"):
        growth_per_hour(seconds, mb, warm_up=3590)


def test_latency_percentiles_come_from_the_histogram(qapp):
    probe = LatencyHistogram()
    probe.counts[10] = 99  # 1.0 ms late, 99 times
    probe.counts[500] = 1  # 50 ms once
    probe.max_ms = 50.04
    assert probe.ticks == 100
    assert probe.percentile(50) == pytest.approx(1.0)
    assert probe.percentile(99) == pytest.approx(1.0)
    assert probe.percentile(100) == pytest.approx(50.0)
    assert (probe.at_least(50.0), probe.at_least(50.1), probe.at_least(1.0)) == (1, 0, 100)
    probe.reset()  # what the window benchmark does after its warm-up run
    assert probe.ticks == 0 and probe.max_ms == 0.0 and probe.percentile(99) == 0.0


def test_soak_for_a_few_seconds_prints_growth_and_latency(tmp_path):
    out = run_benchmark(["--soak", "0.15", "--sample-seconds", "0.5", "--epochs", "30"],
                        tmp_path).stdout
    assert out.startswith("soak: digits_mlp (64-100-10 MLP), 30 epochs per run")
    assert re.search(r"runs: \d+ finished in [\d.]+ min", out)
    assert re.search(r"RSS: start [\d.]+ MB, after warm-up [\d.]+ MB, end [\d.]+ MB, "
                     r"peak [\d.]+ MB \(\d+ samples\)", out)
    assert re.search(r"memory growth: [+-][\d.]+ MB/h .* goal ≤ 20 MB/h: (met|NOT met)", out)
    assert re.search(r"p99 [\d.]+ ms · max [\d.]+ ms — goal p99 ≤ 25 ms: (met|NOT met)", out)


def test_mnist_benchmark_at_a_tiny_size_prints_the_steps_and_goals(tmp_path):
    out = run_benchmark(["--data", "mnist", "--samples", "1500", "--epochs", "1",
                         "--rounds", "1"], tmp_path).stdout
    assert out.startswith("data: a generated MNIST-like set (MNIST is not cached): 1,500 ")
    for step in ("import the data", "switch data sets (to digits)", "switch data sets (back)",
                 "Train (the first 3 s)", "Stop", "Save", "Open", "New"):
        assert re.search(rf"^\| {re.escape(step)} \| [\d.]+ s.* \| [\d,]+ ms \|$", out,
                         re.MULTILINE), step
    assert re.search(r"window ÷ headless: [\d.]+ — goal ≥ 0.9: (met|NOT met); median of the "
                     r"rounds' own ratios [\d.]+", out)
    assert re.search(r"the window's own processor time per second of a run \(median; what "
                     r"training loses, whatever else runs\): GUI thread [\d.]+%, frames made "
                     r"[\d.]+%", out)
    assert re.search(r"with the lateness probe running: window [\d.]+ s \([\d.]+\), ÷ "
                     r"headless [\d.]+", out)
    assert re.search(r"round 1: window [\d.]+ s, headless [\d.]+ s, window with the lateness "
                     r"probe [\d.]+ s", out)
    assert re.search(r"p99 [\d.]+ ms · max [\d.]+ ms — goals p99 ≤ 25 ms", out)
    assert re.search(r"peak memory \(resident\): [\d,]+ MB while the window worked", out)


def test_timeline_benchmark_prints_a_slider_move_s_cost(tmp_path):
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(ROOT),
           "XDG_CONFIG_HOME": str(tmp_path / "config"),
           "NETCANVAS_DATA_DIR": str(tmp_path / "data")}
    result = subprocess.run([sys.executable, "-m", "gui.training.timeline_bench", "--moves", "3",
                             "spiral"], cwd=ROOT, env=env, capture_output=True, text=True,
                            timeout=600)
    assert result.returncode == 0, result.stderr[-3000:]
    line = next(line for line in result.stdout.splitlines() if line.startswith("spiral"))
    assert re.fullmatch(
        r"spiral +per move \(medians of 3\): timeline slots +[\d.]+ ms · GUI thread busy +[\d.]+"
        r" ms \(longest stretch +[\d.]+ ms, its CPU +[\d.]+ ms\) · move → frame on the panels +"
        r"[\d.]+ ms \(the worker made it in [\d.]+ ms\)", line), line
