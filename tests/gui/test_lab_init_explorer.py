"""The weight-initialisation lab: the book's pictures, driven through its combo boxes."""

import numpy as np
import pytest
from screenshots import screenshot_target

from core.init_experiment import saturated_fraction


@pytest.fixture
def lab(open_lab):
    return open_lab("init")


def choose(combo, value):
    combo.setCurrentIndex(combo.findData(value))


def test_opens_on_std_1_sigmoid_saturated_at_0_and_1(qtbot, lab):
    assert lab.init.currentData() == "std 1" and lab.activation.currentData() == "sigmoid"
    assert all(saturated_fraction(a) > 0.7 for a in lab.layers)
    _, counts = lab.bars[0].getData()
    assert counts.sum() == 100_000  # every activation of layer 1 is in its histogram
    assert counts[0] + counts[-1] > counts[len(counts) // 2] * 5  # piled up at both ends
    assert "% saturated" in lab.summary.text()


def test_std_001_collapses_to_one_half_and_xavier_spreads(qtbot, lab):
    choose(lab.init, "std 0.01")
    assert all(abs(a.mean() - 0.5) < 0.01 and a.std() < 0.03 for a in lab.layers)
    _, counts = lab.bars[4].getData()
    assert counts.max() == counts[len(counts) // 2 - 1: len(counts) // 2 + 1].max()  # at 0.5
    choose(lab.init, "Xavier")
    assert all(saturated_fraction(a) < 0.3 and a.std() > 0.05 for a in lab.layers)


def test_he_keeps_relu_alive_std_001_lets_it_die(qtbot, lab):
    choose(lab.activation, "relu")
    choose(lab.init, "He")
    he = [a.std() for a in lab.layers]
    assert max(he) / min(he) < 2
    choose(lab.init, "std 0.01")
    assert lab.layers[-1].std() < 1e-4 * lab.layers[0].std()
    assert np.all(lab.layers[-1] >= 0)


def test_screenshot(qtbot, lab, tmp_path):
    """``UPDATE_SCREENSHOTS=1`` rewrites resources/screenshots/lab_init.png."""
    lab.resize(1200, 560)
    qtbot.wait(50)
    image = lab.grab().toImage()
    target = screenshot_target("lab_init.png", tmp_path)
    assert image.save(str(target))
