"""The softmax-and-loss lab's numbers: softmax computed naively and the stable way, the
softmax-with-loss a network trains with, and the book's two loss functions on y1 and y2.

The naive softmax is the book's first try, exp(a) / Σ exp(a): exp(1010) is beyond the
largest float (about 1.8e308), so it is inf and inf / inf is nan. The engine's softmax
subtracts the row's max first, so every exponent is ≤ 0 and nothing overflows. The rest is
what the engine computes: its softmax, its book loss functions, and the gradient a network
with a softmax output sends back, (y − t)/N.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from core.engine import activations, losses
from core.engine.network import build
from core.engine.params import bias_name, weight_name
from core.i18n import _
from core.spec import NetworkSpec, input_node, output_node

#: the book's scores, and its overflow example
BOOK_SCORES = (0.3, 2.9, 4.0)
OVERFLOW_SCORES = (1010.0, 1000.0, 990.0)
#: the class the scores' softmax-with-loss counts as right (the book's t = [0, 0, 1])
BOOK_SCORE_TARGET = 2
#: the book's loss example: ten classes, the right one is 2; y1 is sure of it, y2 of 7
CLASSES = 10
BOOK_TARGET = 2
BOOK_Y1 = (0.1, 0.05, 0.6, 0.0, 0.05, 0.1, 0.0, 0.1, 0.0, 0.0)
BOOK_Y2 = (0.1, 0.05, 0.1, 0.0, 0.05, 0.1, 0.0, 0.6, 0.0, 0.0)
#: how many scores the lab takes
MIN_SCORES, MAX_SCORES = 2, 10
#: the largest score the lab takes, either sign: a − max of scores within ±LARGEST is a
#: float (up to 2e300), so the stable softmax never overflows
LARGEST = 1e300


def parse_scores(text: str) -> np.ndarray:
    """The numbers in ``text`` (separated by commas, semicolons, spaces or any mix; brackets
    allowed, as in the book's ``np.array([0.3, 2.9, 4.0])``). ValueError, in words, otherwise:
    the first word that is not a number, too few or too many, inf or nan, or beyond
    ±:data:`LARGEST`."""
    for mark in "[];,":
        text = text.replace(mark, " ")
    words = text.split()
    numbers = []
    for word in words:
        try:
            numbers.append(float(word))
        except ValueError:
            raise ValueError(_("“{word}” is not a number: type numbers separated by commas, "
                               "such as 0.3, 2.9, 4.0.").format(word=word)) from None
    if not MIN_SCORES <= len(words) <= MAX_SCORES:
        raise ValueError(_("Type {low} to {high} numbers separated by commas, such as "
                           "0.3, 2.9, 4.0 ({count} given).").format(
                               low=MIN_SCORES, high=MAX_SCORES, count=len(words)))
    scores = np.array(numbers)
    if not np.isfinite(scores).all():
        raise ValueError(_("Type finite numbers (not inf or nan)."))
    for word, score in zip(words, numbers, strict=True):
        if abs(score) > LARGEST:
            raise ValueError(_("“{word}” is out of range: type scores from −1e300 to 1e300. "
                               "Beyond that even a − max can overflow, and no softmax "
                               "can be computed.").format(word=word))
    return scores


@dataclass(frozen=True)
class Softmax:
    """Softmax of the scores ``a`` both ways. Naive: ``exp`` = exp(a) and ``naive`` =
    exp / Σ exp (inf and nan where they overflow). Stable, as the engine computes it:
    ``shifted`` = a − max(a), ``shifted_exp`` = exp(a − max), ``y`` = softmax(a)."""

    a: np.ndarray
    exp: np.ndarray
    naive: np.ndarray
    shifted: np.ndarray
    shifted_exp: np.ndarray
    y: np.ndarray

    @property
    def overflowed(self) -> bool:
        """Did exp(a) overflow to inf (NumPy's "overflow encountered in exp")?"""
        return bool(np.isinf(self.exp).any())

    @property
    def naive_failed(self) -> bool:
        """Is any naive probability nan ("invalid value encountered in divide")?"""
        return bool(np.isnan(self.naive).any())


def softmax(a: np.ndarray) -> Softmax:
    """The naive and the stable softmax of ``a``, without NumPy's warnings: the lab says in
    words what they say."""
    a = np.asarray(a, dtype=np.float64)
    with np.errstate(over="ignore", invalid="ignore"):
        exp = np.exp(a)
        naive = exp / np.sum(exp)
    shifted = a - a.max()
    return Softmax(a, exp, naive, shifted, np.exp(shifted), activations.apply("softmax", a))


@dataclass(frozen=True)
class SoftmaxWithLoss:
    """One sample's softmax-with-loss: ``book_loss`` = −log(y_t + 1e-7) (the book's
    cross_entropy_error), ``training_loss`` the network's own (logsumexp(a) − a_t, no 1e-7),
    and ``gradient`` = dL/da the network's backward pass sends back: (y − t)/N."""

    t: np.ndarray
    book_loss: float
    training_loss: float
    gradient: np.ndarray


def softmax_with_loss(a: np.ndarray, target: int) -> SoftmaxWithLoss:
    """Feed ``a`` as the pre-activation of a softmax output node (weights I, bias 0) with the
    right class ``target``, and read the network's loss and its gradient at the node."""
    a = np.asarray(a, dtype=np.float64).reshape(1, -1)
    n = a.shape[1]
    spec = NetworkSpec((input_node("a", n), output_node("y", n, activation="softmax",
                                                       loss="cross_entropy"))).connect("a", "y")
    net = build(spec, dtype=np.float64)
    net.params[weight_name(spec.edges[0].id)][:] = np.eye(n)
    t = np.eye(n)[[target]]
    gradient = net.gradient(a, t)[bias_name("y")]  # with W = I, dL/db is dL/da
    return SoftmaxWithLoss(t[0], losses.cross_entropy_error(softmax(a[0]).y, t),
                           net.loss(a, t), gradient)


@dataclass(frozen=True)
class LossRow:
    """One prediction ``y`` against the one-hot ``t``: the book's two losses and Σy."""

    y: np.ndarray
    squares: float
    cross_entropy: float

    @property
    def total(self) -> float:
        return float(self.y.sum())


def one_hot(target: int, classes: int = CLASSES) -> np.ndarray:
    """The target as the book writes it: ``classes`` numbers, 1 at ``target`` and 0
    elsewhere (one_hot(2, 4) is [0, 0, 1, 0])."""
    return np.eye(classes)[target]


def loss_row(y: np.ndarray, target: int) -> LossRow:
    """½Σ(y − t)² and −Σ t·log(y + 1e-7) of ``y`` for the right class ``target``, by the
    engine's book loss functions."""
    y = np.asarray(y, dtype=np.float64)
    t = one_hot(target, y.size)
    return LossRow(y, losses.sum_squares_error(y, t), losses.cross_entropy_error(y, t))


def smaller(losses: dict[str, float]) -> str | None:
    """The name of the smaller of two ``losses``, or None when they are equal (to 12
    significant digits: rounding noise is no difference)."""
    (first, a), (second, b) = losses.items()
    if np.isclose(a, b, rtol=1e-12, atol=1e-15):
        return None
    return first if a < b else second


def as_printed(values: np.ndarray) -> list[str]:
    """``values`` each as NumPy prints the whole array (and so as the book shows it): eight
    decimals, or scientific notation for all when they span too many powers of ten; nan
    and inf as NumPy writes them."""
    text = np.array2string(np.asarray(values, dtype=np.float64), separator="|",
                           max_line_width=10**6, threshold=10**6)
    return [part.strip() for part in text.strip("[]").split("|")]
