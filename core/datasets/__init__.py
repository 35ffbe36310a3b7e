"""Data sets for NetCanvas: built-in toy sets, bundled real data, and the user's own files.

Pure NumPy, like the rest of ``core``: no Qt, and no file is ever unpickled.
"""

from core.datasets.builtin import BUILTIN, BuiltinInfo, load_builtin
from core.datasets.bundled import load_digits, load_iris
from core.datasets.dataset import Dataset, FeatureScaling, Task, split, standardize
from core.datasets.errors import DataError
from core.datasets.features import FEATURES, FeatureInfo, apply_features, feature_info
from core.datasets.importers import MAX_FILE_BYTES, load_any, load_csv, load_idx, load_npz

__all__ = [
    "BUILTIN",
    "FEATURES",
    "MAX_FILE_BYTES",
    "BuiltinInfo",
    "DataError",
    "Dataset",
    "FeatureInfo",
    "FeatureScaling",
    "Task",
    "apply_features",
    "feature_info",
    "load_any",
    "load_builtin",
    "load_csv",
    "load_digits",
    "load_idx",
    "load_iris",
    "load_npz",
    "split",
    "standardize",
]
