"""A project kept behind a symbolic link (a synced folder, a course folder linked into one's
home): Save wrote a new file in the link's place, so the link was gone and the file it pointed
at — the one the user keeps — still held the old work."""

import os

from tests.gui.test_file_troubles import delete_node, node_ids, saved_example


def test_a_project_opened_through_a_link_is_saved_into_the_file_it_points_at(
        window, dialogs, tmp_path):
    (tmp_path / "course").mkdir()
    real = tmp_path / "course" / "net.netcanvas"
    saved_example(window, real)
    link = tmp_path / "net.netcanvas"
    link.symlink_to(os.path.join("course", "net.netcanvas"))
    assert window.files.load(str(link))
    delete_node(window, "1")
    window.save_action.trigger()
    assert window.files.finish_writing()
    assert dialogs.shown == []
    assert link.is_symlink() and link.resolve() == real
    assert "1" not in node_ids(real)  # the work is in the file the link points at
    assert sorted(os.listdir(tmp_path / "course")) == ["net.netcanvas"]  # no temporary left
    assert not window.doc.is_modified() and window.doc.path == str(link)
