"""``netcanvas export`` and ``netcanvas import-weights``: what they write, and every bad input
refused with one line, exit code 2 and nothing half-written."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from core.export import common
from core.export.common import pytorch_model_mark
from core.project import load_project, save_project
from gui import cli
from resources.examples import example_path

ROOT = Path(__file__).resolve().parents[1]
TARGETS = {"pytorch": "out", "onnx": "out.onnx", "numpy": "out.py"}
#: how the output names each format: as the window's File ▸ Export does
NAMES = {"pytorch": "PyTorch", "onnx": "ONNX", "numpy": "NumPy script"}
MODEL_FIRST_LINE = pytorch_model_mark()


def run(argv, capsys):
    code = cli.main([str(a) for a in argv])
    out, err = capsys.readouterr()
    return code, out, err


def refused(code: int, out: str, err: str) -> str:
    """The single error line of a refusal (exit code 2, nothing on stdout)."""
    assert code == 2 and out == ""
    lines = err.splitlines()
    assert len(lines) == 1 and lines[0].startswith("netcanvas: error: ")
    return lines[0]


@pytest.mark.parametrize("fmt", TARGETS)
def test_an_untrained_project_exports_its_initial_weights_and_says_so(fmt, tmp_path, capsys):
    out_path = tmp_path / TARGETS[fmt]
    code, out, err = run(["export", example_path("spiral"), "--format", fmt, "--out",
                          out_path], capsys)
    assert code == 0 and err == ""
    assert out.splitlines()[0] == ("note: spiral.netcanvas is untrained: exported its initial "
                                   "weights, drawn from seed 0")
    assert out.splitlines()[1].startswith(f"exported {NAMES[fmt]} to {out_path}")
    if fmt == "pytorch":
        assert sorted(p.name for p in out_path.iterdir()) == [
            "README.md", "data.npz", "model.py", "train.py", "weights.npz"]
    elif fmt == "numpy":
        assert out_path.with_suffix(".npz").is_file()
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []


def test_a_trained_project_exports_without_a_note(tmp_path, capsys):
    code, out, _ = run(["export", example_path("xor_by_hand"), "--format", "onnx", "--out",
                        tmp_path / "xor.onnx"], capsys)
    assert code == 0 and not out.startswith("note")


def test_the_help_names_every_file_of_a_trained_project_s_pytorch_folder(tmp_path, capsys):
    """A trained project's folder holds optimizer.npz too (train.py goes on from it): the
    help's list of what the folder holds names it."""
    assert run(["train", example_path("xor_learned"), "--epochs", "2", "--quiet", "--out",
                tmp_path / "trained.netcanvas"], capsys)[0] == 0
    assert run(["export", tmp_path / "trained.netcanvas", "--format", "pytorch", "--out",
                tmp_path / "torch"], capsys)[0] == 0
    written = sorted(path.name for path in (tmp_path / "torch").iterdir())
    assert written == ["README.md", "data.npz", "model.py", "optimizer.npz", "train.py",
                       "weights.npz"]
    code, out, _ = run(["export", "--help"], capsys)
    listed = " ".join(out.split())
    assert code == 0
    assert all(name in listed for name in written)


@pytest.mark.parametrize(("fmt", "asked", "written"), [("onnx", "d.txt", "d.txt.onnx"),
                                                       ("onnx", "d", "d.onnx"),
                                                       ("numpy", "n.txt", "n.txt.py"),
                                                       ("pytorch", "p.txt", "p.txt")])
def test_a_file_format_s_ending_is_added_when_missing(fmt, asked, written, tmp_path, capsys):
    """As the window's save dialog does: ``--out d.txt`` of ONNX writes d.txt.onnx."""
    code, out, _ = run(["export", example_path("xor_by_hand"), "--format", fmt, "--out",
                        tmp_path / asked], capsys)
    assert code == 0 and out.startswith(f"exported {NAMES[fmt]} to {tmp_path / written}")
    assert (tmp_path / written).exists()
    assert fmt == "pytorch" or not (tmp_path / asked).exists()


@pytest.mark.parametrize("fmt", ["onnx", "numpy"])
@pytest.mark.parametrize("exists", [True, False])
def test_a_file_format_given_a_folder_writes_inside_it(fmt, exists, tmp_path, capsys):
    """``--out exports/`` wrote exports.onnx beside the folder; the file now goes inside it,
    named after the project (a folder that exists needs no trailing separator)."""
    folder = tmp_path / "exports"
    folder.mkdir() if exists else None
    asked = str(folder) if exists else f"{folder}/"
    if not exists:  # a folder that is not there is refused as a missing one
        line = refused(*run(["export", example_path("spiral"), "--format", fmt, "--out",
                             asked], capsys))
        assert f"the folder {folder} does not exist" in line
        assert list(tmp_path.iterdir()) == []
        return
    code, out, _ = run(["export", example_path("spiral"), "--format", fmt, "--out", asked],
                       capsys)
    written = folder / f"spiral{'.onnx' if fmt == 'onnx' else '.py'}"
    assert code == 0 and out.splitlines()[-1].startswith(f"exported {NAMES[fmt]} to {written}")
    assert written.is_file() and sorted(p.name for p in tmp_path.iterdir()) == ["exports"]


@pytest.mark.parametrize("fmt", TARGETS)
def test_an_existing_target_needs_force(fmt, tmp_path, capsys):
    out_path = tmp_path / TARGETS[fmt]
    mine = f"{MODEL_FIRST_LINE}\nmine" if fmt == "pytorch" else "mine"
    if fmt == "pytorch":  # an earlier export's folder
        out_path.mkdir()
        (out_path / "model.py").write_text(mine)
    else:
        out_path.write_text(mine)
    line = refused(*run(["export", example_path("spiral"), "--format", fmt, "--out", out_path],
                        capsys))
    assert "exists already; use --force" in line
    kept = out_path / "model.py" if fmt == "pytorch" else out_path
    assert kept.read_text() == mine
    code, _, _ = run(["export", example_path("spiral"), "--format", fmt, "--out", out_path,
                      "--force"], capsys)
    assert code == 0 and kept.read_bytes() != mine.encode()


def test_a_folder_holding_more_than_an_export_is_never_replaced(tmp_path, capsys):
    """``--out . --force`` (or any folder of one's own) deleted the whole folder to put the
    export in its place."""
    (tmp_path / "notes.txt").write_text("mine")
    (tmp_path / "model.py").write_text("an earlier export")
    line = refused(*run(["export", example_path("spiral"), "--format", "pytorch", "--out",
                         tmp_path, "--force"], capsys))
    assert line == (f"netcanvas: error: {tmp_path} holds files that are not an export's "
                    "(notes.txt), so it is never replaced; give a new folder name")
    assert (tmp_path / "notes.txt").read_text() == "mine"
    assert (tmp_path / "model.py").read_text() == "an earlier export"


def test_a_students_own_model_py_is_not_taken_for_an_earlier_export(tmp_path, capsys):
    """model.py, train.py and README.md are the commonest names in anyone's PyTorch folder:
    recognised by their names alone, a student's own folder was replaced with --force."""
    for name in ("model.py", "train.py", "README.md"):
        (tmp_path / name).write_text("mine")
    line = refused(*run(["export", example_path("spiral"), "--format", "pytorch", "--out",
                         tmp_path, "--force"], capsys))
    assert line == (f"netcanvas: error: {tmp_path} holds files that are not an export's "
                    "(model.py), so it is never replaced; give a new folder name")
    assert all((tmp_path / n).read_text() == "mine" for n in ("model.py", "train.py"))


def test_an_earlier_export_a_file_manager_has_shown_is_replaced(tmp_path, capsys):
    """A folder Finder or Explorer has shown holds .DS_Store or Thumbs.db: an earlier export
    there was refused for ever."""
    out = tmp_path / "export"
    assert run(["export", example_path("spiral"), "--format", "pytorch", "--out", out],
               capsys)[0] == 0
    (out / ".DS_Store").write_bytes(b"\0")
    code, _, err = run(["export", example_path("xor_learned"), "--format", "pytorch", "--out",
                        out, "--force"], capsys)
    assert (code, err) == (0, "") and "XOR" in (out / "README.md").read_text()


def test_the_folder_one_is_in_is_never_replaced(tmp_path, capsys, monkeypatch):
    """``cd export; netcanvas export P --format pytorch --out . --force`` emptied the earlier
    export, then failed to rename onto "." ("Invalid argument"): nothing was left."""
    out = tmp_path / "export"
    assert run(["export", example_path("spiral"), "--format", "pytorch", "--out", out],
               capsys)[0] == 0
    before = sorted(p.name for p in out.iterdir())
    monkeypatch.chdir(out)
    line = refused(*run(["export", example_path("spiral"), "--format", "pytorch", "--out", ".",
                         "--force"], capsys))
    assert line == (f"netcanvas: error: {out} is the folder you are in (or holds it), so it "
                    "is never replaced; give a new folder name")
    assert sorted(p.name for p in out.iterdir()) == before


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes are a POSIX thing")
def test_an_export_onto_a_named_pipe_is_refused_and_the_pipe_stays(tmp_path, capsys):
    """``mkfifo net.onnx`` then an export with --force: the pipe was replaced by a file, its
    reader getting nothing."""
    pipe = tmp_path / "net.onnx"
    os.mkfifo(pipe)
    line = refused(*run(["export", example_path("spiral"), "--format", "onnx", "--out", pipe,
                         "--force"], capsys))
    assert line == f"netcanvas: error: {pipe} is a pipe or a device; give a file name"
    assert pipe.is_fifo()


def test_an_empty_folder_is_a_fine_target(tmp_path, capsys):
    (tmp_path / "out").mkdir()
    code, _, _ = run(["export", example_path("spiral"), "--format", "pytorch", "--out",
                      tmp_path / "out"], capsys)
    assert code == 0 and (tmp_path / "out" / "model.py").is_file()


@pytest.mark.parametrize("fmt", TARGETS)
def test_an_unwritable_path_is_refused(fmt, tmp_path, capsys):
    blocker = tmp_path / "a_file"
    blocker.write_text("")
    line = refused(*run(["export", example_path("spiral"), "--format", fmt, "--out",
                         blocker / TARGETS[fmt]], capsys))
    assert "is a file, not a folder" in line
    line = refused(*run(["export", example_path("spiral"), "--format", fmt, "--out",
                         tmp_path / "missing" / TARGETS[fmt]], capsys))
    assert "does not exist" in line


def test_a_project_with_problems_is_refused_naming_them(tmp_path, capsys):
    project = load_project(example_path("spiral"))
    project.spec = project.spec.without_edge("3")  # the output is no longer reached
    path = tmp_path / "broken.netcanvas"
    save_project(project, path)
    line = refused(*run(["export", path, "--format", "numpy", "--out", tmp_path / "n.py"],
                        capsys))
    assert "the network has problems" in line and "output" in line
    assert not (tmp_path / "n.py").exists()


def test_a_network_that_does_not_fit_its_data_is_refused(tmp_path, capsys):
    project = load_project(example_path("spiral"))
    project.spec = project.spec.with_node_changed("0", units=3)
    path = tmp_path / "misfit.netcanvas"
    save_project(project, path)
    line = refused(*run(["export", path, "--format", "onnx", "--out", tmp_path / "m.onnx"],
                        capsys))
    assert "2 feature columns" in line


def test_nothing_is_half_written_when_writing_fails(tmp_path, capsys, monkeypatch):
    def broken(path, arrays):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr("core.export.pytorch.write_npz", broken)
    monkeypatch.setattr("core.export.numpy_script.write_npz", broken)
    for fmt in ("pytorch", "numpy"):
        line = refused(*run(["export", example_path("spiral"), "--format", fmt, "--out",
                             tmp_path / TARGETS[fmt]], capsys))
        assert line.endswith(": the disk is full")  # in words, translated
    assert list(tmp_path.iterdir()) == []


def test_onnx_missing_is_said_in_words(tmp_path, capsys, monkeypatch):
    monkeypatch.setitem(sys.modules, "onnx", None)
    line = refused(*run(["export", example_path("spiral"), "--format", "onnx", "--out",
                         tmp_path / "x.onnx"], capsys))
    assert "needs the onnx package" in line


def test_an_unknown_format_is_a_usage_error(tmp_path, capsys):
    code, _, err = run(["export", example_path("spiral"), "--format", "keras", "--out",
                        tmp_path / "x"], capsys)
    assert code == 2 and "invalid choice" in err


# ----------------------------------------------------------------------------- import-weights
@pytest.fixture
def exported_weights(tmp_path, capsys):
    run(["export", example_path("spiral"), "--format", "pytorch", "--out", tmp_path / "t"],
        capsys)
    with np.load(tmp_path / "t" / "weights.npz", allow_pickle=False) as archive:
        return {k: archive[k] for k in archive.files}


def test_import_weights_puts_them_on_the_network(tmp_path, capsys, exported_weights):
    weights = {k: v + 0.5 for k, v in exported_weights.items()}
    np.savez(tmp_path / "w.npz", **weights)
    code, out, err = run(["import-weights", example_path("spiral"), tmp_path / "w.npz",
                          "--out", tmp_path / "new.netcanvas"], capsys)
    assert code == 0 and err == ""
    assert out == f"saved {tmp_path / 'new.netcanvas'} with the weights of w.npz\n"
    project = load_project(tmp_path / "new.netcanvas")
    assert project.history is None
    for name, array in weights.items():
        assert np.array_equal(project.params[name], array.astype(np.float32))


def test_import_weights_keeps_an_existing_file_unless_force(tmp_path, capsys,
                                                           exported_weights):
    """--out over a file of the user's replaced it without a word (export and train refuse
    without --force, and import-weights had no --force); over the project itself, its training
    history was dropped though the help says the input is left unchanged."""
    np.savez(tmp_path / "w.npz", **exported_weights)
    mine = tmp_path / "mine.netcanvas"
    mine.write_bytes(b"a project of mine")
    project = tmp_path / "spiral.netcanvas"
    project.write_bytes(example_path("spiral").read_bytes())
    for target in (mine, project):
        argv = ["import-weights", project, tmp_path / "w.npz", "--out", target]
        assert run(argv, capsys) == (
            2, "", f"netcanvas: error: {target} exists already; use --force to replace it\n")
    assert mine.read_bytes() == b"a project of mine"
    assert project.read_bytes() == example_path("spiral").read_bytes()
    assert run([*argv, "--force"], capsys) == (
        0, f"saved {project} with the weights of w.npz\n", "")
    assert load_project(project).history is None


@pytest.mark.parametrize(("change", "expected"), [
    (lambda w: {**w, "W9": w["W1"]}, "no parameter called W9"),
    (lambda w: {k: v for k, v in w.items() if k != "b2"}, "weight b2 (shape (32,)) is missing"),
    (lambda w: {**w, "W1": w["W1"].T}, "W1 has shape (32, 2) but the network needs (2, 32)"),
    (lambda w: {**w, "b1": w["b1"].astype(np.int64)},
     "b1 holds whole numbers, not decimal numbers"),
    (lambda w: {**w, "W1": np.full(w["W1"].shape, 1e308)},  # float64: no float32 holds it
     "W1 holds a value of 1e308; weights, biases, γ and β are taken up to 1e6 in size: "
     "training never makes them that large, and a few layers of products of such weights "
     "overflow float32 (at most 3.4e38)"),
    (lambda w: {**w, "b2": np.full_like(w["b2"], np.inf)}, "b2 holds NaN or infinite values"),
])
def test_import_weights_explains_a_mismatch(change, expected, tmp_path, capsys,
                                            exported_weights):
    np.savez(tmp_path / "w.npz", **change(exported_weights))
    line = refused(*run(["import-weights", example_path("spiral"), tmp_path / "w.npz",
                         "--out", tmp_path / "new.netcanvas"], capsys))
    assert "w.npz does not fit the network" in line and expected in line
    assert not (tmp_path / "new.netcanvas").exists()


@pytest.mark.parametrize(("array", "words"), [
    (np.array(["a", "b"]), "W1 holds text, not decimal numbers"),
    (np.array([1, 2]), "W1 holds whole numbers, not decimal numbers"),
    (np.array([True]), "W1 holds true/false values, not decimal numbers")])
def test_import_weights_says_what_an_array_holds_in_words(array, words, tmp_path, capsys,
                                                          exported_weights):
    # an array of strings was said to hold "<U1 values"
    np.savez(tmp_path / "w.npz", **{**exported_weights, "W1": array})
    line = refused(*run(["import-weights", example_path("spiral"), tmp_path / "w.npz",
                         "--out", tmp_path / "new.netcanvas"], capsys))
    assert words in line and "<U1" not in line and "int64" not in line


def test_import_weights_calls_an_npz_without_arrays_empty(tmp_path, capsys):
    np.savez(tmp_path / "w.npz")  # NumPy writes a zip of nothing
    line = refused(*run(["import-weights", example_path("spiral"), tmp_path / "w.npz",
                         "--out", tmp_path / "new.netcanvas"], capsys))
    assert "w.npz is an empty .npz file: it holds no arrays" in line
    assert "not an .npz file" not in line


def test_import_weights_never_unpickles(tmp_path, capsys, exported_weights):
    objects = np.empty(2, dtype=object)
    objects[:] = [{"a": 1}, None]
    np.savez(tmp_path / "w.npz", **{**exported_weights, "W1": objects})
    line = refused(*run(["import-weights", example_path("spiral"), tmp_path / "w.npz",
                         "--out", tmp_path / "new.netcanvas"], capsys))
    assert "Python objects" in line


@pytest.mark.parametrize(("content", "expected"), [
    (b"not a zip", "w.npz is not an .npz file"), (None, "w.npz does not exist"),
    (b"PK\x03\x04broken", "w.npz is damaged or incomplete: it starts as an .npz file does")])
def test_import_weights_refuses_a_file_that_is_not_weights(content, expected, tmp_path,
                                                           capsys):
    path = tmp_path / "w.npz"
    if content is not None:
        path.write_bytes(content)
    line = refused(*run(["import-weights", example_path("spiral"), path, "--out",
                         tmp_path / "new.netcanvas"], capsys))
    assert expected in line


def test_netcanvas_never_imports_torch_or_onnx_to_run():
    code = ("import sys, pkgutil, importlib, core, gui.cli\n"
            "from core.export import export_project\n"
            "for m in pkgutil.walk_packages(core.__path__, 'core.'):\n"
            "    importlib.import_module(m.name)\n"
            "print([m for m in sys.modules if m.split('.')[0] in "
            "('torch', 'onnx', 'onnxruntime')])\n")
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True,
                            text=True, timeout=120)
    assert result.stdout.strip() == "[]", result.stderr


def test_staged_leaves_no_temporary_behind_on_success(tmp_path):
    with common.staged([tmp_path / "a.txt"]) as (temporary,):
        temporary.write_text("x")
    assert [p.name for p in tmp_path.iterdir()] == ["a.txt"]


def test_import_weights_of_the_books_pickle_says_how_to_convert_it(tmp_path, capsys):
    # chapter 3's sample_weight.pkl was refused as "not an .npz file", and nothing said what
    # to do with the file the book hands out
    import pickle

    path = tmp_path / "sample_weight.pkl"
    path.write_bytes(pickle.dumps({"W1": np.zeros((2, 3)), "b1": np.zeros(3)}, protocol=4))
    line = refused(*run(["import-weights", example_path("spiral"), path, "--out",
                         tmp_path / "new.netcanvas"], capsys))
    assert f"{path} is a Python pickle" in line and "never loads pickles" in line
    assert 'np.savez("weights.npz", **pickle.load(open("sample_weight.pkl", "rb")))' in line
    assert not (tmp_path / "new.netcanvas").exists()


@pytest.mark.parametrize("fmt", ["onnx", "numpy"])
def test_a_read_only_target_is_refused_even_with_force(fmt, tmp_path, capsys):
    """``--force`` replaced a file someone had made read-only; ``netcanvas train --out`` and
    Save refuse one, and so does an export."""
    target = tmp_path / TARGETS[fmt]
    target.write_text("the teacher's version")
    target.chmod(0o444)
    line = refused(*run(["export", example_path("spiral"), "--format", fmt, "--out", target,
                         "--force"], capsys))
    assert line == (f"netcanvas: error: cannot write {target}: {target.name} is read-only, so "
                    "it is not replaced")
    assert target.read_text() == "the teacher's version"


def test_a_missing_or_unwritable_folder_is_said_as_a_save_says_it(tmp_path, capsys):
    blocker = tmp_path / "a_file"
    blocker.write_text("")
    for out, reason in ((blocker / "out.onnx", f"{blocker} is a file, not a folder"),
                        (tmp_path / "missing" / "out.onnx",
                         f"the folder {tmp_path / 'missing'} does not exist")):
        line = refused(*run(["export", example_path("spiral"), "--format", "onnx", "--out",
                             out], capsys))
        assert line == f"netcanvas: error: cannot write {out}: {reason}"
