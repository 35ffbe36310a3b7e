"""Choosing a downloadable data set in the window, as a user does."""

from __future__ import annotations


def choose(window, name: str) -> None:
    """Pick ``name`` in the data combo as a user does (the combo's own index change)."""
    combo = window.data_picker.data_combo
    index = next(k for k in range(combo.count())
                 if combo.itemData(k).kind == "downloaded" and combo.itemData(k).name == name)
    combo.setCurrentIndex(index)


