"""Data sets for NetCanvas: built-in toy sets, bundled real data, and the user's own files.

Pure NumPy, like the rest of ``core``: no Qt, and no file is ever unpickled.
"""

from .builtin import BUILTIN, BuiltinInfo, load_builtin
from .bundled import load_digits, load_iris
from .dataset import Dataset, FeatureScaling, Task, split, standardize
from .errors import DataError
from .features import FEATURES, FeatureInfo, apply_features, feature_info
from .importers import MAX_FILE_BYTES, load_any, load_csv, load_idx, load_npz

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
