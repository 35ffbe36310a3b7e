"""A wide table (a CSV of 100,000 columns) imported: each selection of the input node filled
the Inspector's feature list with a check box per column and froze the window for 3 s. Past
FEATURE_LIST_LIMIT columns no list is offered (nobody ticks 100,000 boxes)."""

from gui.inspector.node_form import NodeForm

WIDE = 5000  # columns: more than FEATURE_LIST_LIMIT


def wide_csv(path, columns: int):
    header = ",".join(f"c{k}" for k in range(columns)) + ",label"
    rows = [",".join(str((k * r) % 7) for k in range(columns)) + f",{r % 2}" for r in range(4)]
    path.write_text("\n".join([header, *rows]) + "\n")
    return path


def test_a_wide_table_offers_no_list_of_its_columns(qtbot, window, tmp_path):
    window.files.open_example("xor_learned")
    with qtbot.waitSignal(window.data_picker.import_finished, timeout=60000) as finished:
        window.data_picker.import_path(str(wide_csv(tmp_path / "wide.csv", WIDE)))
    assert finished.args == [True]
    window.scene.select_only(["0"])
    form = window.inspector.findChild(NodeForm)
    qtbot.waitUntil(lambda: form.node_id == "0")
    assert form.features_list.count() == 0 and not form.features_list.isVisible()
    assert form.units_spin.isVisible()


def test_a_table_within_the_limit_lists_its_columns_and_derived_features(qtbot, window, tmp_path):
    window.files.open_example("xor_learned")
    with qtbot.waitSignal(window.data_picker.import_finished, timeout=60000):
        window.data_picker.import_path(str(wide_csv(tmp_path / "narrow.csv", 3)))
    window.scene.select_only(["0"])
    form = window.inspector.findChild(NodeForm)
    qtbot.waitUntil(lambda: form.node_id == "0")
    assert form.features_list.isVisible()
    names = [form.features_list.item(k).text() for k in range(form.features_list.count())]
    assert names[:3] == ["X₁", "X₂", "X₃"] and "X₁²" in names
