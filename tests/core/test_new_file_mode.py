"""New files get the permissions the user's umask gives any program's new file: the atomic
writer made every new file 0644 whatever the umask (a user who keeps files private, umask
077, had projects and recovery copies readable by everyone), after making them 0600 before
that merge; exports were always 0644. A file replaced keeps its own permissions."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.skipif(os.name == "nt", reason="POSIX permissions")

ROOT = Path(__file__).resolve().parents[2]
WRITE = """
import os, sys
os.umask(int(sys.argv[1], 8))
from core.export import export_project
from core.file_writes import write_atomically
from core.project import load_project, save_project
from resources.examples import example_path
folder = sys.argv[2]
write_atomically(os.path.join(folder, "about.json"), b"{}")
write_atomically(os.path.join(folder, "log.csv"), lambda handle: handle.write(b"a,b\\n"))
project = load_project(example_path("xor_learned"))
save_project(project, os.path.join(folder, "p.netcanvas"))
export_project(project, "numpy", os.path.join(folder, "net.py"))
"""


def modes_written(umask: int, folder: Path) -> dict[str, str]:
    """The permissions of the files a process with ``umask`` writes into ``folder``."""
    folder.mkdir()
    result = subprocess.run([sys.executable, "-c", WRITE, oct(umask), str(folder)],
                            capture_output=True, text=True, cwd=ROOT,
                            env={**os.environ, "PYTHONPATH": str(ROOT)}, timeout=60)
    assert result.returncode == 0, result.stderr
    return {p.name: oct(p.stat().st_mode & 0o777) for p in sorted(folder.iterdir())}


@pytest.mark.parametrize(("umask", "mode"), [(0o077, 0o600), (0o022, 0o644), (0o002, 0o664)])
def test_a_new_file_has_the_mode_the_umask_gives(umask, mode, tmp_path):
    assert modes_written(umask, tmp_path / "files") == {
        "about.json": oct(mode), "log.csv": oct(mode), "net.py": oct(mode), "net.npz": oct(mode),
        "p.netcanvas": oct(mode)}


def test_a_replaced_file_keeps_its_mode(tmp_path):
    from core.file_writes import write_atomically

    path = tmp_path / "shared.json"
    path.write_text("{}")
    path.chmod(0o640)
    write_atomically(path, json.dumps({"a": 1}).encode())
    assert json.loads(path.read_text()) == {"a": 1}
    assert oct(path.stat().st_mode & 0o777) == oct(0o640)
