"""Data sets for NetCanvas: built-in toy sets, bundled real data, MNIST and Fashion-MNIST
(downloaded once into the cache folder), and the user's own files.

No Qt, like the rest of ``core``, and no file is ever unpickled. NumPy only, except for the
downloads: pooch and platformdirs, imported when a set is fetched or its cache looked up.
"""

from core.datasets.builtin import BUILTIN, BuiltinInfo, load_builtin
from core.datasets.bundled import load_digits, load_iris
from core.datasets.dataset import Dataset, Task, split
from core.datasets.download import FetchError, Progress, fetch
from core.datasets.errors import DataError
from core.datasets.features import FEATURES, FeatureInfo, apply_features, feature_info
from core.datasets.importers import MAX_FILE_BYTES, load_any, load_csv, load_idx, load_npz
from core.datasets.mnist import load_mnist
from core.datasets.remote import REMOTE
from core.datasets.scaling import FeatureScaling, feature_scaling, standardize

__all__ = [
    "BUILTIN",
    "FEATURES",
    "MAX_FILE_BYTES",
    "REMOTE",
    "BuiltinInfo",
    "DataError",
    "Dataset",
    "FeatureInfo",
    "FeatureScaling",
    "FetchError",
    "Progress",
    "Task",
    "apply_features",
    "feature_info",
    "feature_scaling",
    "fetch",
    "load_any",
    "load_builtin",
    "load_csv",
    "load_digits",
    "load_idx",
    "load_iris",
    "load_mnist",
    "load_npz",
    "split",
    "standardize",
]
