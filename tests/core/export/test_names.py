"""The name an export's files are offered under: a project's words joined by "_", a name the
NumPy script can be imported by."""

import pytest

from core.export import file_stem


@pytest.mark.parametrize(("name", "stem"), [
    ("XOR, learned", "XOR_learned"),
    ("my net (v2)", "my_net_v2"),
    ("XOR 학습됨", "XOR_학습됨"),
    ("3-layer net", "net_3_layer_net"),
    ("???", "network"),
])
def test_a_project_name_becomes_a_module_name(name, stem):
    assert file_stem(name) == stem and stem.isidentifier()
