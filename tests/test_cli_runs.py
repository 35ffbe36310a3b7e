"""``netcanvas runs PROJECT`` lists the recorded runs, one line each starting with the run's
number; ``netcanvas train … --out`` adds one run to the project it writes."""

from dataclasses import replace

from core.engine.optimizers import title
from core.project import load_project, save_project
from core.training.runs import local_time
from gui import cli
from resources.examples import example_path


def run(argv, capsys):
    code = cli.main(argv)
    out, err = capsys.readouterr()
    return code, out, err


def test_train_out_appends_one_run_and_runs_lists_them(tmp_path, capsys):
    first, second = tmp_path / "one.netcanvas", tmp_path / "two.netcanvas"
    code, _, _ = run(["train", str(example_path("xor_learned")), "--epochs", "20", "--out",
                      str(first), "--quiet"], capsys)
    assert code == 0
    project = load_project(first)
    project.settings = replace(project.settings, lr=project.settings.lr / 10)
    save_project(project, first)  # the student lowers the learning rate, then trains on
    code, _, _ = run(["train", str(first), "--epochs", "30", "--out", str(second), "--quiet"],
                     capsys)
    assert code == 0
    runs = load_project(second).runs
    assert [(r.number, r.epochs, r.first_epoch, r.ended) for r in runs] == [
        (1, 20, 0, "finished"), (2, 30, 20, "finished")]
    assert runs[1].history.to_dict() == load_project(second).history
    assert len(load_project(first).runs) == 1  # the input file keeps its one run

    code, out, err = run(["runs", str(second)], capsys)
    assert code == 0 and err == ""
    lines = out.splitlines()
    assert [line.split()[0] for line in lines] == ["1", "2"]
    lr = runs[0].settings.lr
    loss, accuracy = (runs[1].metrics[k] for k in ("train_loss", "train_accuracy"))
    assert lines[1] == (f"2  {local_time(runs[1].started_at)}  lr {lr:g} → {lr / 10:g}, "
                        f"epochs 20 → 30  30 epochs (21–50), goes on from run 1  finished  "
                        f"loss {loss:.4g} accuracy {100 * accuracy:.1f} %")
    assert lines[0].startswith(f"1  {local_time(runs[0].started_at)}  first run  20 epochs  "
                               "finished  loss ")


def test_runs_of_an_untrained_project(capsys):
    code, out, _ = run(["runs", str(example_path("spiral"))], capsys)
    assert (code, out) == (0, "no training runs recorded yet\n")


def test_runs_of_a_bad_file_says_why_and_exits_2(tmp_path, capsys):
    path = tmp_path / "broken.netcanvas"
    path.write_text("not a project")
    code, out, err = run(["runs", str(path)], capsys)
    assert code == 2 and out == ""
    assert err == ("netcanvas: error: broken.netcanvas: this is not a NetCanvas project file "
                   "(it is not a zip archive)\n")
    code, _, err = run(["runs", str(tmp_path / "missing.netcanvas")], capsys)
    assert code == 2 and "the file does not exist" in err


def test_runs_in_korean_says_how_it_ended_and_the_accuracy_as_the_window_does(
        tmp_path, capsys, korean):
    """The walkthrough saw ``… 에폭 230회  finished  손실 0.04651 정확도 1``: the raw ending
    and the accuracy as a fraction; the Runs list says 완료 and the window 100.0 %."""
    out_file = tmp_path / "one.netcanvas"
    code, _, _ = run(["train", str(example_path("xor_learned")), "--epochs", "20", "--out",
                      str(out_file), "--quiet"], capsys)
    assert code == 0
    first = load_project(out_file).runs[0]
    code, out, err = run(["runs", str(out_file)], capsys)
    assert code == 0 and err == ""
    accuracy = first.metrics["train_accuracy"]
    assert out == (f"1  {local_time(first.started_at)}  첫 실행  에폭 20회  완료  "
                   f"손실 {first.metrics['train_loss']:.4g} 정확도 {100 * accuracy:.1f}%\n")
    assert "finished" not in out


def test_what_a_run_changed_is_said_in_korean(tmp_path, capsys, korean):
    # a Korean list said "epochs 2 → 1" and "seed 0 → 3": only four settings had words
    first, second = tmp_path / "one.netcanvas", tmp_path / "two.netcanvas"
    code, _, _ = run(["train", str(example_path("xor_learned")), "--epochs", "20", "--out",
                      str(first), "--quiet"], capsys)
    assert code == 0
    project = load_project(first)
    project.settings = replace(project.settings, lr=0.5, seed=3, optimizer="sgd")
    save_project(project, first)
    code, _, _ = run(["train", str(first), "--epochs", "30", "--out", str(second), "--quiet"],
                     capsys)
    assert code == 0
    code, out, _ = run(["runs", str(second)], capsys)
    assert code == 0
    changed = out.splitlines()[1].split("  ")[2]
    before = load_project(first).runs[0].settings
    assert changed == (f"갱신 방법 {title(before.optimizer)} → SGD, 학습률 {before.lr:g} → 0.5, "
                       "에폭 20 → 30, 시드 0 → 3")


def test_a_run_of_one_epoch_names_that_epoch_not_a_range(tmp_path, capsys):
    # the walkthrough saw "1 epoch (3–3)" for a run that trained on for one epoch
    first, second = tmp_path / "one.netcanvas", tmp_path / "two.netcanvas"
    for argv in (["train", str(example_path("xor_learned")), "--epochs", "2", "--out",
                  str(first), "--quiet"],
                 ["train", str(first), "--epochs", "1", "--out", str(second), "--quiet"]):
        code, _, _ = run(argv, capsys)
        assert code == 0
    code, out, _ = run(["runs", str(second)], capsys)
    assert code == 0
    assert out.splitlines()[1].split("  ")[3] == "1 epoch (epoch 3), goes on from run 1"


def test_a_run_of_one_epoch_in_korean(tmp_path, capsys, korean):
    first, second = tmp_path / "one.netcanvas", tmp_path / "two.netcanvas"
    for argv in (["train", str(example_path("xor_learned")), "--epochs", "2", "--out",
                  str(first), "--quiet"],
                 ["train", str(first), "--epochs", "1", "--out", str(second), "--quiet"]):
        code, _, _ = run(argv, capsys)
        assert code == 0
    code, out, _ = run(["runs", str(second)], capsys)
    assert code == 0
    assert out.splitlines()[1].split("  ")[3] == "에폭 1회 (에폭 3), 실행 1에서 이어 감"


def test_runs_in_korean_says_which_run_a_run_went_on_from_as_the_runs_list_does(
        tmp_path, capsys, korean):
    """The Runs list said "4–6, goes on from run 1"; ``netcanvas runs`` never said it."""
    first, second = tmp_path / "one.netcanvas", tmp_path / "two.netcanvas"
    for source, out in ((example_path("xor_learned"), first), (first, second)):
        code, _, _ = run(["train", str(source), "--epochs", "5", "--out", str(out), "--quiet"],
                         capsys)
        assert code == 0
    code, out, _ = run(["runs", str(second)], capsys)
    assert code == 0
    lines = out.splitlines()
    assert "  에폭 5회 (6–10), 실행 1에서 이어 감  완료  " in lines[1]
    assert "이어 감" not in lines[0]
