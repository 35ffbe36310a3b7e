"""NetCanvas engine: network specs, a NumPy DAG network with backprop, optimizers, data.

Pure NumPy: nothing here imports Qt (a test enforces it), so scripts and the command line can
use it without a display.
"""

from core.engine import activations, initializers, losses, optimizers
from core.engine.network import Network, NodeValues, build
from core.engine.params import param_name
from core.project import Project, ProjectError, load_project, save_project
from core.spec import EdgeSpec, NetworkSpec, NodeSpec, hidden_node, input_node, output_node
from core.spec_problems import SpecError, SpecProblem
from core.training.events import TrainingEvent
from core.training.outcome import Outcome
from core.training.settings import TrainingSettings
from core.training.trainer import Trainer

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
