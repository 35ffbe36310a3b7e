"""The weight-initialisation lab: the book's pictures, driven through its combo boxes."""

import numpy as np
import pytest

from core.labs.initialization import layer_activations, saturated_fraction, zero_fraction
from tests.gui.screenshots import screenshot_target


@pytest.fixture
def lab(open_lab):
    return open_lab("initialization")


def choose(combo, value):
    combo.setCurrentIndex(combo.findData(value))


def test_opens_on_std_1_sigmoid_saturated_at_0_and_1(qtbot, lab):
    assert lab.init.currentData() == "std 1" and lab.activation.currentData() == "sigmoid"
    assert all(saturated_fraction(a) > 0.7 for a in lab.layers)
    _, counts = lab.bars[0].getData()
    assert counts.sum() == pytest.approx(1)  # every activation of layer 1, as shares
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


def y_ranges(lab):
    return [plot.viewRange()[1] for plot in lab.plots]


def test_relu_layers_share_one_y_range_with_the_zeros_left_out(qtbot, lab):
    choose(lab.activation, "relu")
    choose(lab.init, "He")
    ranges = y_ranges(lab)
    assert all(r == pytest.approx(ranges[0]) for r in ranges)  # one shared y-range
    tallest = max(float(bars.getData()[1].max()) for bars in lab.bars)
    assert ranges[0][0] == pytest.approx(0) and ranges[0][1] == pytest.approx(1.05 * tallest)
    assert lab.plots[0].getAxis("left").isVisible()
    assert not any(plot.getAxis("left").isVisible() for plot in lab.plots[1:])
    zeros = [zero_fraction(a) for a in layer_activations("He", "relu")]
    for bars, z in zip(lab.bars, zeros, strict=True):
        assert bars.getData()[1].sum() == pytest.approx(1 - z)  # the exact zeros not drawn
    assert lab.zeros.isVisible()
    assert f"{100 * np.mean(zeros):.1f}\u00a0% of the outputs are exactly 0" in lab.zeros.text()
    assert "not drawn" in lab.zeros.text()
    assert f"{100 * zeros[2]:.1f}\u00a0%" in lab.zeros.text()
    # He keeps the spread in every layer; with std 0.01 layers 2-5 shrink to the first bar
    he = [(bars.getData()[1] > 0.005).sum() for bars in lab.bars]
    assert min(he) >= 8
    choose(lab.init, "std 0.01")
    assert all(r == pytest.approx(y_ranges(lab)[0]) for r in y_ranges(lab))
    small = [bars.getData()[1] for bars in lab.bars]
    assert all(s[0] > 0.99 * s.sum() for s in small[2:])
    choose(lab.activation, "sigmoid")
    assert not lab.zeros.isVisible()  # sigmoid draws everything


def test_controls_have_tooltips(qtbot, lab):
    assert lab.init.toolTip() and lab.activation.toolTip()


def test_screenshot(qtbot, lab, tmp_path):
    """``UPDATE_SCREENSHOTS=1`` rewrites resources/screenshots/lab_init.png."""
    lab.resize(1200, 560)
    qtbot.wait(50)
    image = lab.grab().toImage()
    target = screenshot_target("lab_init.png", tmp_path)
    assert image.save(str(target))
