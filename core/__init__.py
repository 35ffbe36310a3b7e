"""NetCanvas engine: network specs, a NumPy DAG network with backprop, optimizers, data.

Pure NumPy: nothing here imports Qt (a test enforces it), so scripts and the command line can
use it without a display.
"""

from . import activations, initializers, losses, optimizers
from .errors import SpecError, SpecProblem
from .network import Network, NodeValues, build, param_name
from .project import Project, ProjectError, load_project, save_project
from .settings import TrainingSettings
from .spec import EdgeSpec, NetworkSpec, NodeSpec, hidden_node, input_node, output_node
from .trainer import Outcome, Trainer, TrainingEvent

__all__ = [
    "EdgeSpec",
    "Network",
    "NetworkSpec",
    "NodeSpec",
    "NodeValues",
    "Outcome",
    "Project",
    "ProjectError",
    "SpecError",
    "SpecProblem",
    "Trainer",
    "TrainingEvent",
    "TrainingSettings",
    "activations",
    "build",
    "hidden_node",
    "initializers",
    "input_node",
    "load_project",
    "losses",
    "optimizers",
    "output_node",
    "param_name",
    "save_project",
]
