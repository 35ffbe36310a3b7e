"""Weight initialisers: the standard deviation of the Gaussian a weight matrix is drawn from.

``n`` is the receiving node's total fan-in over all its incoming edges (docs/book.md §8).
Biases always start at 0.
"""

from __future__ import annotations

import math

from core.i18n import N_, _

#: Tooltips, marked only: show them with ``_()`` (:func:`describe` does)
DESCRIPTIONS: dict[str, str] = {
    "std": N_("Gaussian with a fixed standard deviation (the book's 0.01): small nets only."),
    "xavier": N_("Gaussian with std √(1/n), n = fan-in: keeps sigmoid/tanh layers spread out."),
    "he": N_("Gaussian with std √(2/n), n = fan-in: keeps ReLU layers alive layer after layer."),
    "zeros": N_("All weights 0: every unit of a layer stays identical (the symmetry problem)."),
}
NAMES: tuple[str, ...] = tuple(DESCRIPTIONS)
#: The names the window shows (``_()`` where shown: :func:`title`); Xavier and He stay Latin
TITLES: dict[str, str] = {"std": N_("Fixed std"), "xavier": N_("Xavier"), "he": N_("He"),
                          "zeros": N_("Zeros")}


def title(name: str) -> str:
    """The initialiser's display name in the current language (``name`` itself if unknown)."""
    return _(TITLES[name]) if name in TITLES else name


def describe(name: str) -> str:
    """The one-line tooltip of initialiser ``name`` in the current language ("" if unknown)."""
    return _(DESCRIPTIONS[name]) if name in DESCRIPTIONS else ""


def scale(name: str, fan_in: int, std: float = 0.01) -> float:
    """The standard deviation that initialiser ``name`` uses for a node with this fan-in."""
    if name == "std":
        return float(std)
    if name == "xavier":
        return math.sqrt(1.0 / max(fan_in, 1))
    if name == "he":
        return math.sqrt(2.0 / max(fan_in, 1))
    if name == "zeros":
        return 0.0
    raise ValueError(_("unknown initialiser {name}; choose one of {names}").format(
        name=repr(name), names=", ".join(NAMES)))
