"""The book's generic gradient tools (docs/book.md §5): the numerical gradient and gradient descent.

``numerical_gradient`` is slow but needs nothing except f itself, which makes it the oracle that
backpropagation is checked against; ``gradient_descent`` is the plain method the labs plot.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Literal, overload

import numpy as np
from numpy.typing import ArrayLike


def numerical_gradient(
    f: Callable[[np.ndarray], float], x: np.ndarray, h: float = 1e-4
) -> np.ndarray:
    """∂f/∂x by central differences, (f(x+h) − f(x−h)) / 2h, for each element of ``x``.

    ``x`` is nudged in place, one element at a time, because f usually reads the very array the
    network holds; each element is restored exactly afterwards, even if f raises. Central
    differences are used because their error shrinks with h² rather than h. The result is float64
    whatever x's dtype, so an oracle for float32 parameters does not round its own answer.
    """
    if not np.issubdtype(x.dtype, np.floating):
        # x[i] = 3 + 1e-4 would silently store 3 in an int array and give a zero gradient.
        raise TypeError(f"numerical_gradient needs a float array, got {x.dtype}")
    grad = np.zeros_like(x, dtype=np.float64)
    for index in np.ndindex(x.shape):
        original = x[index]
        try:
            x[index] = original + h
            f_plus = f(x)
            x[index] = original - h
            f_minus = f(x)
        finally:
            x[index] = original
        grad[index] = (f_plus - f_minus) / (2 * h)
    return grad


@overload
def gradient_descent(
    f: Callable[[np.ndarray], float],
    init_x: ArrayLike,
    lr: float = ...,
    step_num: int = ...,
    history: Literal[False] = ...,
) -> np.ndarray: ...


@overload
def gradient_descent(
    f: Callable[[np.ndarray], float],
    init_x: ArrayLike,
    lr: float = ...,
    step_num: int = ...,
    *,
    history: Literal[True],
) -> tuple[np.ndarray, list[np.ndarray]]: ...


def gradient_descent(
    f: Callable[[np.ndarray], float],
    init_x: ArrayLike,
    lr: float = 0.01,
    step_num: int = 100,
    history: bool = False,
) -> np.ndarray | tuple[np.ndarray, list[np.ndarray]]:
    """Repeat x −= lr·∇f(x) ``step_num`` times, with ∇f from :func:`numerical_gradient`.

    Works on a copy (the book's version overwrote ``init_x``). With ``history=True`` also returns
    every point visited, start and end included (``step_num + 1`` copies), for plotting the path.
    """
    x = np.array(init_x, copy=True)
    if not np.issubdtype(x.dtype, np.floating):
        x = x.astype(np.float64)
    points = [x.copy()] if history else []
    for _ in range(step_num):
        x -= lr * numerical_gradient(f, x)
        if history:
            points.append(x.copy())
    return (x, points) if history else x
