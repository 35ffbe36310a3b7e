"""The colour scales built from the theme's hex colours: white at 0, the weight colours at the
limits, one colour per class."""

import numpy as np

from gui import theme


def test_diverging_scale_runs_from_orange_through_white_to_blue():
    rgb = theme.diverging_rgb(np.array([-2.0, -1.0, 0.0, 0.5, 1.0, 3.0]), limit=1.0)
    np.testing.assert_array_equal(rgb[2], [255, 255, 255])
    np.testing.assert_array_equal(rgb[4], [28, 126, 214])  # #1c7ed6
    np.testing.assert_array_equal(rgb[5], rgb[4])  # clipped at the limit
    np.testing.assert_array_equal(rgb[1], [247, 103, 7])  # #f76707
    np.testing.assert_array_equal(rgb[0], rgb[1])
    np.testing.assert_allclose(rgb[3], [141.5, 190.5, 234.5])  # half-way to blue
    softened = theme.diverging_rgb(np.array(1.0), 1.0, soft=0.5)  # the strongest is lighter
    np.testing.assert_allclose(softened, rgb[3])


def test_class_colours_start_with_the_weight_colours_and_cycle():
    colours = theme.class_colors(12)
    np.testing.assert_array_equal(colours[0], theme.rgb(theme.NEGATIVE))
    np.testing.assert_array_equal(colours[1], theme.rgb(theme.POSITIVE))
    np.testing.assert_array_equal(colours[10], colours[0])
    assert len({tuple(c) for c in colours[:10]}) == 10


def test_a_sigmoid_output_is_coloured_by_its_probability():
    rgb = theme.grid_rgb(np.array([[0.5], [1.0], [0.0]]), classification=True)
    np.testing.assert_array_equal(rgb[0], [255, 255, 255])  # unsure: white
    np.testing.assert_allclose(rgb[1], 255 + (np.array([28, 126, 214]) - 255) * 0.55)
    np.testing.assert_allclose(rgb[2], 255 + (np.array([247, 103, 7]) - 255) * 0.55)


def test_a_translucent_theme_colour_keeps_its_rgb():
    assert theme.rgba(theme.POSITIVE, 38) == (28, 126, 214, 38)
    assert theme.rgba(theme.KIND_COLORS["hidden"], 70) == (76, 110, 245, 70)
    assert all(isinstance(c, int) for c in theme.rgba(theme.SHADE, 40))


def test_an_unknown_node_kind_is_grey():
    assert theme.kind_color("hidden") == "#4c6ef5"
    assert theme.kind_color("recurrent") == theme.NEUTRAL == "#868e96"


def test_coloured_text_is_plain_words_in_a_colour():
    assert theme.coloured("a < b & 'c'", theme.ERROR_TEXT) == (
        "<span style='color:#c92a2a'>a &lt; b &amp; 'c'</span>")


def test_a_regression_plane_is_coloured_on_its_own_range():
    """Across 0: white at 0, full blue/orange only at the larger end in size. Of one sign: a
    tint at the end nearer 0, the full colour at the other, however small the spread."""
    from gui.theme import WHITE, plane_range, regression_rgb

    across = np.array([-1.0, 0.0, 2.0])
    rgb = regression_rgb(across, *plane_range(across))
    np.testing.assert_allclose(rgb[1], WHITE)
    assert rgb[2][2] > rgb[2][0] and rgb[0][0] > rgb[0][2]  # blue above 0, orange below
    assert rgb[0].sum() > rgb[2].sum()  # −1 is paler than 2: one scale for both signs
    close = np.array([0.311, 0.316, 0.321])
    low, mid, high = regression_rgb(close, *plane_range(close))
    assert low[0] - high[0] > 100 and low[0] > mid[0] > high[0]
    near, _, far = regression_rgb(-close, *plane_range(-close))  # all below 0: orange
    assert far[0] > far[2] and near[2] - far[2] > 100  # full orange far from 0, a tint near it
    np.testing.assert_allclose(regression_rgb(np.zeros(3), 0.0, 0.0), [WHITE] * 3)
