"""The softmax-and-loss lab's numbers: the book's softmax, its overflow example both ways,
softmax-with-loss from a real network, and the y1/y2 loss table."""

import numpy as np
import pytest

from core.labs.softmax_loss import (
    BOOK_Y1,
    BOOK_Y2,
    OVERFLOW_SCORES,
    as_printed,
    loss_row,
    parse_scores,
    softmax,
    softmax_with_loss,
)


def test_the_overflow_example_naive_and_stable_without_warnings():
    with np.errstate(all="raise"):  # the lab says in words what NumPy would warn
        shown = softmax(np.array(OVERFLOW_SCORES))
    assert shown.overflowed and shown.naive_failed
    assert as_printed(shown.naive) == ["nan", "nan", "nan"]
    assert as_printed(shown.y) == ["9.99954600e-01", "4.53978686e-05", "2.06106005e-09"]


def test_softmax_with_loss_is_the_networks():
    result = softmax_with_loss(np.array([0.3, 2.9, 4.0]), 2)
    assert result.book_loss == pytest.approx(0.3057143290530003, abs=1e-12)
    assert result.training_loss == pytest.approx(0.3057143290530003, abs=1e-6)
    np.testing.assert_allclose(result.gradient, [0.01821127, 0.24519181, -0.26340309],
                               atol=1e-8)


def test_the_books_loss_table():
    assert (loss_row(BOOK_Y1, 2).squares, loss_row(BOOK_Y1, 2).cross_entropy) == pytest.approx(
        (0.0975, 0.510825457099338), abs=1e-12)
    assert (loss_row(BOOK_Y2, 2).squares, loss_row(BOOK_Y2, 2).cross_entropy) == pytest.approx(
        (0.5975, 2.302584092994546), abs=1e-12)


def test_scores_are_read_as_the_book_writes_them_or_refused_in_words():
    np.testing.assert_array_equal(parse_scores("[0.3, 2.9, 4.0]"), [0.3, 2.9, 4.0])
    np.testing.assert_array_equal(parse_scores("1010 1000,990"), OVERFLOW_SCORES)
    with pytest.raises(ValueError, match="“x” is not a number"):
        parse_scores("1, x")
    with pytest.raises(ValueError, match="Type 2 to 10 numbers"):
        parse_scores("1")
    with pytest.raises(ValueError, match="finite"):
        parse_scores("1, inf")
