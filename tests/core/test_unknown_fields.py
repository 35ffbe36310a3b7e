"""A field this NetCanvas does not know, anywhere in a project file, says what to do: the top
level of project.json said a newer NetCanvas may have written it, while one inside the
settings, a node, an edge, the data, a run or the continuation was named bare ("settings:
unknown field(s) learning_rate"), or not at all ("edge #1 must be an object with exactly 'id',
'src' and 'dst'"). Such fields were refused before and still are; what was ignored still is."""

import pytest

from core.datasets.linked import LinkedFile
from core.training.resume import Continuation
from tests.core.test_project import edited, expect, load_project, trained  # noqa: F401

NEWER = " — if a newer NetCanvas made it, update NetCanvas to open it"


@pytest.mark.parametrize(("change", "message"), [
    (lambda d: d["settings"].update(learning_rate=0.1),
     "the training settings in project.json are not valid: settings has an unknown field: "
     "learning_rate"),
    (lambda d: d["spec"]["nodes"][1].update(colour="red", size=3),
     "the network in project.json is not valid: network file: node #2 has unknown fields: "
     "colour, size"),
    (lambda d: d["spec"]["edges"][0].update(weight=0.5),
     "the network in project.json is not valid: network file: edge #1 has an unknown field: "
     "weight"),
    (lambda d: d["data"].update(origin="classroom"), "data has an unknown field: origin"),
])
def test_an_unknown_field_inside_a_project_says_a_newer_netcanvas_may_have_written_it(
        trained, tmp_path, change, message):  # noqa: F811
    expect(edited(trained, tmp_path, change), message + NEWER)


def test_fields_that_were_ignored_are_still_ignored(trained, tmp_path):  # noqa: F811
    def change(document):
        document["spec"]["layout"] = "grid"  # the network's own extra keys were never read
        document["history"]["notes"] = "kept aside"
    assert load_project(edited(trained, tmp_path, change)).spec == trained.spec


def test_an_unknown_field_of_the_continuation_or_a_linked_file_says_so_too():
    stored = {"optimizer": "adam", "step": 3, "shuffle_rng": [], "network_rng": [],
              "momentum_v2": 1}
    with pytest.raises(ValueError) as caught:
        Continuation.from_stored(stored, {}, {})
    assert str(caught.value) == "'continuation' has an unknown field: momentum_v2" + NEWER
    with pytest.raises(ValueError) as caught:
        LinkedFile.from_dict({"path": "a.csv", "sha256": "0" * 64, "bytes": 3, "mtime": 1})
    assert str(caught.value) == "data: a referenced file has an unknown field: mtime" + NEWER
