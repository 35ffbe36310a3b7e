"""The optimizers of the plain-NumPy export: each update rule as the book writes it, the same
numbers NetCanvas's own optimizers compute — in the same order and precision: in float32 a
product or quotient taken in another order, or an ``np.float64`` step size (``np.sqrt`` of a
Python number) that lifts the update to float64, rounds differently, and AdaGrad, RMSprop and
Adam blow those last bits up (784-100-10 on MNIST, Adam: validation accuracy 80.2 % against
NetCanvas's 80.4 % after one epoch). ``numpy_net.py`` includes this file's part below
in the script it writes (where it says ``netcanvas:include``), so the student still gets one
file; it is kept apart only so that each template stays short enough to read.
"""

from __future__ import annotations

import numpy as np


# <netcanvas:part>
# ----------------------------------------------------------------------------- optimizers
class SGD:
    """p −= lr·g, with one multiplication per weight fewer, as NetCanvas does it: training
    starts backpropagation from (y − t)·lr/N instead of (y − t)/N (``gradient_scale``), so
    every gradient comes out as lr·g already (rounded as NetCanvas rounds it), and the step
    is a subtraction."""

    def __init__(self, lr):
        self.lr = lr
        self.gradient_scale = lr  # train() asks Network.gradient for lr·g

    def update(self, params, lr_grads):
        for key in params:
            params[key] -= lr_grads[key]


class Momentum:
    def __init__(self, lr, momentum=0.9):
        self.lr, self.momentum, self.v = lr, momentum, {}

    def update(self, params, grads):
        for key in params:
            v = self.v.setdefault(key, np.zeros_like(params[key]))
            v *= self.momentum
            v -= self.lr * grads[key]
            params[key] += v


class Nesterov:
    def __init__(self, lr, momentum=0.9):
        self.lr, self.momentum, self.v = lr, momentum, {}

    def update(self, params, grads):
        m = self.momentum
        for key in params:
            v = self.v.setdefault(key, np.zeros_like(params[key]))
            params[key] += m * m * v
            params[key] -= (1 + m) * self.lr * grads[key]
            v *= m
            v -= self.lr * grads[key]


class AdaGrad:
    def __init__(self, lr):
        self.lr, self.h = lr, {}

    def update(self, params, grads):
        for key in params:
            h = self.h.setdefault(key, np.zeros_like(params[key]))
            h += grads[key] * grads[key]
            params[key] -= grads[key] / (np.sqrt(h) + 1e-7) * self.lr


class RMSprop:
    def __init__(self, lr, decay_rate=0.99):
        self.lr, self.decay_rate, self.h = lr, decay_rate, {}

    def update(self, params, grads):
        for key in params:
            h = self.h.setdefault(key, np.zeros_like(params[key]))
            h *= self.decay_rate
            h += grads[key] * grads[key] * (1 - self.decay_rate)
            params[key] -= grads[key] / (np.sqrt(h) + 1e-7) * self.lr


class Adam:
    def __init__(self, lr, beta1=0.9, beta2=0.999):
        self.lr, self.beta1, self.beta2, self.t, self.m, self.v = lr, beta1, beta2, 0, {}, {}

    def update(self, params, grads):
        self.t += 1
        # float(): a Python number, so the update stays in the weights' precision
        lr_t = self.lr * float(np.sqrt(1.0 - self.beta2 ** self.t)) / (1.0 - self.beta1 ** self.t)
        for key in params:
            m = self.m.setdefault(key, np.zeros_like(params[key]))
            v = self.v.setdefault(key, np.zeros_like(params[key]))
            m += (1 - self.beta1) * (grads[key] - m)
            v += (1 - self.beta2) * (grads[key] ** 2 - v)
            params[key] -= m / (np.sqrt(v) + 1e-7) * lr_t


OPTIMIZERS = {"sgd": SGD, "momentum": Momentum, "nesterov": Nesterov, "adagrad": AdaGrad,
              "rmsprop": RMSprop, "adam": Adam}


def resume(optimizer, arrays, step):
    """Give ``optimizer`` the memory NetCanvas's last run left it: ``arrays`` holds it as
    ``optim/<slot>/<parameter>`` (Momentum's and Nesterov's v, AdaGrad's and RMSprop's h,
    Adam's m and v), and Adam counts its ``step``s for its bias correction."""
    for key, array in arrays.items():
        if key.startswith("optim/"):
            _, slot, name = key.split("/")
            getattr(optimizer, slot)[name] = array.copy()
    optimizer.t = step
