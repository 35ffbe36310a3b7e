"""Every string a user may read is marked for translation, folder by folder (see scan.py)."""

from __future__ import annotations

import pytest

from tests.i18n.scan import ROOT, unmarked

FOLDERS = sorted({p.parent for top in ("gui", "core") for p in (ROOT / top).rglob("*.py")
                  if "templates" not in p.parts})


@pytest.mark.parametrize("folder", FOLDERS, ids=lambda f: "_".join(f.relative_to(ROOT).parts))
def test_user_visible_strings_are_marked_for_translation(folder):
    found = [line for file in sorted(folder.glob("*.py")) for line in unmarked(file)]
    assert not found, (f"{len(found)} strings read as UI text but are not marked for "
                       "translation (wrap them in tr/translate/_; see tests/i18n/scan.py):\n"
                       + "\n".join(found))


def test_the_scan_finds_unmarked_text_and_accepts_marked_text(tmp_path):
    sample = tmp_path / "sample.py"
    sample.write_text(
        'from core.i18n import _\n'
        'label.setText("Train the network")\n'               # unmarked: found
        'label.setText(f"Epoch {n} of {total}")\n'           # f-string prose: found
        'label.setText(self.tr("Train the network"))\n'      # marked
        'label.setText(_("Cannot read {p}").format(p=p))\n'  # marked
        'key = settings.value("canvas/neuron limit")\n'      # not UI
        'activation = "relu"\n'                              # identifier
        'shape = "Spiral arms"  # i18n: not ui\n',           # said so
        encoding="utf-8")
    found = [line.split(": ", 1)[1] for line in unmarked_at(sample)]
    assert found == ["'Train the network'", "'Epoch  of '"]


def unmarked_at(path):
    import tests.i18n.scan as scan

    original = scan.ROOT
    scan.ROOT = path.parent
    try:
        return scan.unmarked(path)
    finally:
        scan.ROOT = original
