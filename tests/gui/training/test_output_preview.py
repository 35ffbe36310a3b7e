"""Before any run the Output panel shows what the network's current weights answer: an example
with weights set by hand fills the big plots, not only the node's thumbnail, and they follow
every edit of a weight (undo too) until a run's frames take over; after the run, an edit of the
weights (typed, undo, redo) makes the current weights what the Output and Weights panels draw
again, while the timeline pulled back to an earlier epoch shows that epoch's frame."""

import numpy as np
import pytest
from PySide6.QtCore import QPointF, Qt

from core import build
from tests.gui.training.test_docks_before_a_run import drawn, shows_weights_of, weights_panel
from tests.gui.training_support import open_example, train_to_end

CORNERS = [(0.0, 0.0), (1.0, 0.0), (0.0, 1.0), (1.0, 1.0)]


def document_classes(window) -> list[int]:
    """The classes the document's weights give the four corners, worked out independently: a
    fresh network with those weights."""
    network = build(window.doc.spec, dtype=np.float64)
    arrays = window.doc.arrays
    network.load_params({k: v for k, v in arrays.items() if k in network.params},
                        {k: v for k, v in arrays.items() if k in network.state})
    return [int(c) for c in network.classify(np.array(CORNERS))]


def plane_classes(panel) -> list[int]:
    """The class the big plot's colour says at each corner: blue is class 1, orange class 0
    (one step output unit)."""
    item = panel.boundary.image
    image = item.image
    assert image is not None and image.size, "the output over the inputs is empty"
    classes = []
    for x, y in CORNERS:
        pixel = item.mapFromParent(QPointF(x, y))  # data → the image's own pixel coordinates
        r, _, b = (int(v) for v in image[int(pixel.y()), int(pixel.x())])
        assert abs(b - r) > 60, f"no clear class colour at {(x, y)}: {(r, b)}"
        classes.append(int(b > r))
    return classes


def confusion(panel):
    shown = panel.confusion.shown
    return None if shown is None else shown.tolist()


def test_xor_by_hand_fills_the_output_panel_from_its_weights(qtbot, window, canvas):
    open_example(window, "xor_by_hand")
    panel = window.training.output
    qtbot.waitUntil(lambda: confusion(panel) == [[2, 0], [0, 2]])
    assert document_classes(window) == [0, 1, 1, 0]
    assert plane_classes(panel) == [0, 1, 1, 0]
    assert panel.confusion.labels.counts.tolist() == [[2, 0], [0, 2]]  # written in the cells
    assert panel.note.text() == "training accuracy 100.0 % with the current weights"

    # the output's bias typed by hand: 0.5 with weights 1, 1 → every corner is class 1
    output = canvas.scene.node_item("2")
    canvas.type_value(output.mapToScene(output.neuron_center(0)), "0.5")
    qtbot.waitUntil(lambda: confusion(panel) == [[0, 2], [0, 2]])
    assert document_classes(window) == [1, 1, 1, 1]
    assert plane_classes(panel) == [1, 1, 1, 1]
    assert panel.note.text() == "training accuracy 50.0 % with the current weights"

    qtbot.keyClick(window.view.viewport(), Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: confusion(panel) == [[2, 0], [0, 2]])
    assert plane_classes(panel) == [0, 1, 1, 0]


def test_a_runs_frames_take_over_from_the_current_weights(qtbot, window):
    open_example(window, "xor_by_hand")
    panel = window.training.output
    qtbot.waitUntil(lambda: confusion(panel) == [[2, 0], [0, 2]])
    train_to_end(qtbot, window)
    # the run's frame kept and drawn (the panel draws a kept frame on a later turn)
    qtbot.waitUntil(lambda: panel.frame is not None and not panel.stale)
    assert not panel.note.text().endswith("with the current weights")
    assert panel.note.text().startswith("training accuracy")


def document_outputs(window):
    """The document's network answering every row of the data set, worked out independently."""
    network = build(window.doc.spec, dtype=np.float64)
    arrays = window.doc.arrays
    network.load_params({k: v for k, v in arrays.items() if k in network.params},
                        {k: v for k, v in arrays.items() if k in network.state})
    return network.predict(window.data.dataset.x)


def test_a_network_with_two_outputs_is_scored_and_plotted_on_both(qtbot, window):
    """The book's three-layer example answers (0.317, 0.696) for the target (0, 1): its RMSE is
    √((0.317² + 0.304²) / 2) = 0.310, over both outputs, and the plot has a dot for each (it
    said 0.3168, the first output's error alone, with one dot)."""
    open_example(window, "forward_pass_3layer")
    panel = window.training.output
    qtbot.waitUntil(lambda: "RMSE" in panel.note.text())
    outputs, targets = document_outputs(window), window.data.dataset.y
    assert outputs.shape == (1, 2) and np.asarray(targets).tolist() == [[0.0, 1.0]]
    rmse = float(np.sqrt(np.mean((outputs - targets) ** 2)))
    assert rmse == pytest.approx(0.3103, abs=1e-4)
    assert panel.note.text() == f"training RMSE {rmse:.4g} with the current weights"
    x, y = panel.confusion.scatter.getData()
    np.testing.assert_allclose(sorted(zip(x, y, strict=True)),
                               [(0.0, outputs[0, 0]), (1.0, outputs[0, 1])])

    train_to_end(qtbot, window)
    qtbot.waitUntil(lambda: panel.frame is not None and not panel.stale)
    outputs = document_outputs(window)  # the run's last weights, in its last frame
    rmse = float(np.sqrt(np.mean((outputs - targets) ** 2)))
    assert panel.note.text() == f"training RMSE {rmse:.4g}"
    x, y = panel.confusion.scatter.getData()
    np.testing.assert_allclose(sorted(zip(x, y, strict=True)),
                               [(0.0, outputs[0, 0]), (1.0, outputs[0, 1])], rtol=1e-5)


UNDO = (Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
REDO = (Qt.Key.Key_Y, Qt.KeyboardModifier.ControlModifier)
CURRENT = " with the current weights"


def type_output_bias(canvas, text: str) -> None:
    output = canvas.scene.node_item("2")
    canvas.type_value(output.mapToScene(output.neuron_center(0)), text)


def test_an_edit_after_a_run_redraws_output_and_weights_from_the_current_weights(
        qtbot, window, canvas):
    """After training, a typed weight changed the canvas and Predictions, but the Output and
    Weights panels kept the run's last frame."""
    open_example(window, "xor_by_hand")  # step units: training leaves these weights as they are
    output, weights = window.training.output, weights_panel(window)
    train_to_end(qtbot, window)
    qtbot.waitUntil(lambda: output.frame is not None and not output.stale)
    qtbot.waitUntil(lambda: weights.frame is not None and not weights.stale)
    assert output.note.text() == "training accuracy 100.0 %"

    type_output_bias(canvas, "99999")  # every corner is class 1 now
    qtbot.waitUntil(lambda: confusion(output) == [[0, 2], [0, 2]])
    assert output.frame is None and document_classes(window) == [1, 1, 1, 1]
    assert plane_classes(output) == [1, 1, 1, 1]
    assert output.note.text() == "training accuracy 50.0 %" + CURRENT

    canvas.type_value(window.scene.edge_item("1").weight_point(0, 0), "7.5")
    qtbot.waitUntil(lambda: shows_weights_of(window, weights, "1"))
    assert drawn(weights)[0][-1] == 7.5
    # the run's trail is what the run did: it stays; the last step's gradient norms go
    assert weights.frame is not None and weights.trail_image.image is not None
    assert weights.norm_bars.opts["height"] is None or len(weights.norm_bars.opts["height"]) == 0
    assert weights.empty_note.text == ""  # not "Train (F5) to fill these plots"

    qtbot.keyClick(window.view.viewport(), *UNDO)  # the weight 7.5
    qtbot.keyClick(window.view.viewport(), *UNDO)  # the bias: the run's weights again
    qtbot.waitUntil(lambda: confusion(output) == [[2, 0], [0, 2]])
    qtbot.waitUntil(lambda: not weights.edited and shows_weights_of(window, weights, "1"))
    assert drawn(weights)[0][-1] < 7.5 and plane_classes(output) == [0, 1, 1, 0]
    assert len(weights.norm_bars.opts["height"]) == 2  # the run's frame whole again
    qtbot.keyClick(window.view.viewport(), *REDO)
    qtbot.waitUntil(lambda: confusion(output) == [[0, 2], [0, 2]])
    assert output.note.text() == "training accuracy 50.0 %" + CURRENT


def test_the_timeline_shows_an_earlier_epoch_and_its_right_end_the_edited_weights(
        qtbot, window, canvas):
    open_example(window, "xor_by_hand")
    output = window.training.output
    train_to_end(qtbot, window)
    qtbot.waitUntil(lambda: output.frame is not None and not output.stale)
    type_output_bias(canvas, "99999")
    qtbot.waitUntil(lambda: confusion(output) == [[0, 2], [0, 2]] and output.frame is None)

    timeline = window.training.timeline
    slider = timeline.bar.slider
    slider.setFocus()
    for _ in range(7):
        qtbot.keyPress(slider, Qt.Key.Key_Left)  # epoch 3 of 10: the weights before the edit
    qtbot.waitUntil(lambda: output.frame is not None and output.frame.snapshot.epoch == 3)
    qtbot.waitUntil(lambda: confusion(output) == [[2, 0], [0, 2]])
    qtbot.wait(150)  # the predictions follow the epoch shown: its frame stays
    assert output.frame is not None and output.frame.snapshot.epoch == 3
    assert not output.note.text().endswith(CURRENT)

    qtbot.keyPress(slider, Qt.Key.Key_End)  # the present: the weights as edited
    qtbot.waitUntil(lambda: output.frame is None and confusion(output) == [[0, 2], [0, 2]])
    assert output.note.text() == "training accuracy 50.0 %" + CURRENT



def test_a_regression_plane_is_coloured_on_its_own_range_with_a_colour_bar(qtbot, window):
    """The book's three-layer example: its first output varies by only about 0.01 over the
    plane, and on a scale from 0 to the largest output the plane was one flat blue (the blue
    channel spread over 3 of 255). It is now coloured from its lowest to its highest value,
    which a colour bar beside it says; a classification plane has no bar."""
    open_example(window, "forward_pass_3layer")
    panel = window.training.output
    qtbot.waitUntil(lambda: "RMSE" in panel.note.text() and panel.boundary.image.image is not None)
    grid = panel.weights.grid
    network = build(window.doc.spec, dtype=np.float64)  # the plane's values, worked out again
    network.load_params(dict(window.doc.arrays))
    xs, ys = np.meshgrid(grid.xs, grid.ys)
    first = network.predict(np.column_stack([xs.ravel(), ys.ravel()]))[:, 0]
    low, high = float(first.min()), float(first.max())
    assert 0.005 < high - low < 0.03 and low > 0.3  # a small spread, far from 0
    image = panel.boundary.image.image.astype(int)
    assert np.ptp(image[..., 0]) > 100  # light to full blue across the plane (it was 3)
    assert image[..., 0].ravel()[np.argmax(first)] < image[..., 0].ravel()[np.argmin(first)]
    scale = panel.boundary.scale
    assert scale.isVisible()
    assert scale.labels == {f"{high:.3g}": 1.0, f"{low:.3g}": 0.0}

    open_example(window, "xor_by_hand")  # classification: class colours, no bar
    qtbot.waitUntil(lambda: confusion(panel) == [[2, 0], [0, 2]])
    assert not scale.isVisible()
