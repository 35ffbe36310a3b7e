"""A hidden node fed by pixels shows its units' weights as a mosaic of small images. For 2,000
units the mosaic was built whole (2,000 × 29 × 29 pixels, coloured) and then scaled down to
the 192-pixel thumbnail: 35–160 ms of the GUI thread each time the predictions arrived. Now a
mosaic much bigger than the picture is sampled at the picture's pixels: the work follows the
picture's size, and every tile still shows its own unit."""

from __future__ import annotations

import numpy as np

import gui.inspector.heatmap as heatmap
from gui.inspector.heatmap import MOSAIC_PIXELS, weight_mosaic
from gui.theme import diverging_rgb

UNITS, SIDE = 2000, 28


class CountingNumpy:
    """numpy, with the size of every array ``clip`` is given remembered."""

    def __init__(self) -> None:
        self.clipped: list[int] = []

    def __getattr__(self, name: str):
        return getattr(np, name)

    def clip(self, values, *args, **kwargs):
        self.clipped.append(np.size(values))
        return np.clip(values, *args, **kwargs)


def colour(image, x: int, y: int) -> tuple[int, int, int]:
    c = image.pixelColor(x, y)
    return c.red(), c.green(), c.blue()


def test_a_big_mosaic_is_drawn_at_the_pictures_size(qapp, monkeypatch):
    # unit k: all weights +1 (blue) for even k, -1 (orange) for odd k
    signs = np.where(np.arange(UNITS) % 2 == 0, 1.0, -1.0)
    images = np.broadcast_to(signs[:, None, None], (UNITS, SIDE, SIDE)).copy()
    counting = CountingNumpy()
    monkeypatch.setattr(heatmap, "np", counting)
    image = weight_mosaic(images)
    assert max(counting.clipped) <= MOSAIC_PIXELS * MOSAIC_PIXELS  # not 2,000 × 28 × 28
    assert (image.width(), image.height()) == (MOSAIC_PIXELS, MOSAIC_PIXELS)
    assert image.text("tooltip")

    blue = tuple(int(v) for v in diverging_rgb(np.array([1.0]), 1.0).round()[0])
    orange = tuple(int(v) for v in diverging_rgb(np.array([-1.0]), 1.0).round()[0])
    per_row = int(np.ceil(np.sqrt(UNITS)))  # 45 tiles a row, each of 29 mosaic pixels
    tile = MOSAIC_PIXELS / per_row
    for unit in (0, 1, 2, 45, 46, 1999):
        x = int((unit % per_row + 0.6) * tile)  # inside the tile, past its white line
        y = int((unit // per_row + 0.6) * tile)
        assert colour(image, x, y) == (blue if unit % 2 == 0 else orange), unit
    # the tiles after the last unit are white (the table's middle colour, weight 0)
    white = tuple(int(v) for v in heatmap._WEIGHT_COLOURS[128])
    assert colour(image, MOSAIC_PIXELS - 2, MOSAIC_PIXELS - 2) == white


def test_a_small_mosaic_is_still_every_weight(qapp):
    rng = np.random.default_rng(0)
    images = rng.uniform(-1, 1, (4, 3, 3))
    image = weight_mosaic(images, pixels=8)  # 2 × 2 tiles of 4 × 4: exactly the mosaic
    expected = diverging_rgb(np.rint((images + 1) * 127.5) / 127.5 - 1, 1.0).round()
    for unit in range(4):
        for r in range(3):
            for c in range(3):
                x, y = (unit % 2) * 4 + 1 + c, (unit // 2) * 4 + 1 + r
                assert colour(image, x, y) == tuple(int(v) for v in expected[unit, r, c])
