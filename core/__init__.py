"""NetCanvas engine: network specs, a NumPy DAG network with backprop, optimizers, data.

Pure NumPy: nothing here imports Qt (a test enforces it), so scripts and the command line can
use it without a display.
"""

from . import activations, initializers, losses, optimizers
from .errors import SpecError, SpecProblem
from .network import Network, NodeValues, build, param_name
from .spec import EdgeSpec, NetworkSpec, NodeSpec, hidden_node, input_node, output_node

__all__ = [
    "EdgeSpec",
    "Network",
    "NetworkSpec",
    "NodeSpec",
    "NodeValues",
    "SpecError",
    "SpecProblem",
    "activations",
    "build",
    "hidden_node",
    "initializers",
    "input_node",
    "losses",
    "optimizers",
    "output_node",
    "param_name",
]
