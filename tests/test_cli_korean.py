"""The command line in Korean (``NETCANVAS_LANG=ko``): its help, argparse's own words, its output
and its errors, each checked line by line in a fresh process, as a user would run it."""

from __future__ import annotations

import argparse
import ast
import os
import subprocess
import sys
from pathlib import Path

from core import i18n
from core.datasets.remote import CACHE_ENV, MIRROR_ENV, REMOTE
from gui import cli_i18n
from resources.examples import example_path

ROOT = Path(__file__).resolve().parents[1]


def netcanvas(*argv: str, lang: str = "ko", **env: str) -> subprocess.CompletedProcess:
    environ = {k: v for k, v in os.environ.items() if k not in (CACHE_ENV, MIRROR_ENV)}
    environ.update({"NETCANVAS_LANG": lang, "COLUMNS": "100", **env})
    return subprocess.run([sys.executable, "-m", "gui.cli", *argv], cwd=ROOT, env=environ,
                          capture_output=True, text=True, timeout=120)


def test_help_is_korean_down_to_argparse_s_own_words():
    result = netcanvas("--help", COLUMNS="80")
    assert result.returncode == 0 and result.stderr == ""
    lines = result.stdout.splitlines()
    assert lines[0] == "사용법: netcanvas [-h] [--version] COMMAND ..."
    assert lines[2:4] == [
        "신경망을 직접 만들고 학습하는 모습을 지켜봅니다. 명령 없이 실행하면 창을",
        "엽니다."]
    assert "위치 인수:" in lines and "옵션:" in lines
    assert "    check         프로젝트 파일이 올바른지 확인" in lines
    assert "  -h, --help      이 도움말을 보여 주고 끝냅니다" in lines
    assert lines[-10:] == [
        "종료 코드:",
        "  0    성공",
        "  1    학습 실패(손실이 NaN 또는 무한대가 됨), 창을 시작할 수 없음, 또는 자체",
        "       점검에서 문제를 찾음",
        "  2    잘못된 입력: 읽을 수 없거나 올바르지 않은 프로젝트 파일, 데이터, 설정,",
        "       가중치; 이미 있는 대상(--force 없이) 또는 쓸 수 없는 대상; 잘못된",
        "       사용법; 내려받을 수 없는 데이터셋(없음, 오프라인, 연결 끊김, 체크섬",
        "       불일치)",
        "  130  중단됨 (Ctrl+C)",
        "  141  출력을 읽던 쪽이 먼저 멈춤(예: | head): 나머지는 출력하지 않음",
    ]


def test_export_help_is_korean():
    result = netcanvas("export", "--help")
    assert result.returncode == 0
    lines = result.stdout.splitlines()
    assert lines[0] == ("사용법: netcanvas export [-h] --format {pytorch,onnx,numpy} --out PATH "
                        "[--force] project")
    assert ("  --force               PATH가 있으면 바꾸기(폴더는 이전에 내보낸 파일만 들어 있을 "
            "때만)" in lines)
    out_help = lines.index("  --out PATH            쓸 폴더(pytorch; .py, .pt, .pth 확장자는 뗌) "
                           "또는 파일(onnx: .onnx, numpy:")
    assert lines[out_help + 1].strip() == (".py; 확장자가 없으면 붙임; 폴더를 주면 그 안에 "
                                           "프로젝트 이름으로 씀)")
    assert "형식:" in lines
    assert "  onnx     .onnx 파일 하나 (opset 17): 입력 x = 원래 데이터 행, 출력 y" in lines
    assert lines[-1] == "종료 코드: netcanvas --help를 보세요." and "종료 코드:" not in lines


def test_check_prints_korean_lines():
    result = netcanvas("check", str(example_path("spiral")))
    assert result.returncode == 0 and result.stderr == ""
    lines = result.stdout.splitlines()
    assert lines[0] == "정상: 나선"  # a built-in example's title, as the window shows it
    assert lines[1] == "  신경망: 노드 4개, 연결 3개, 매개변수 1,218개; 아직 학습하지 않음"
    assert lines[2].startswith("  데이터: ")
    assert lines[2].endswith(" (분류; 훈련 280, 검증 60, 시험 60)")


def test_check_names_data_and_dismissed_warnings_in_korean():
    result = netcanvas("check", str(example_path("overfitting")))
    assert result.returncode == 0 and result.stderr == ""
    assert result.stdout.splitlines()[2:] == [
        "  데이터: 손글씨 숫자 8×8 (분류; 훈련 300, 검증 90, 시험 1,407)",
        "  일부러 그대로 두어 경고하지 않음: 훈련 데이터 300행에 매개변수 58,010개, 규제 없음: "
        "오버피팅이 예상됩니다"]


def test_a_mistyped_command_is_said_in_korean():
    result = netcanvas("chek", str(example_path("xor_learned")))
    assert (result.returncode, result.stdout, result.stderr) == (
        2, "", "netcanvas: 알 수 없는 명령 'chek' ('check'을(를) 뜻했습니까?)\n")


def test_a_corrupt_project_is_a_korean_one_line_error(tmp_path):
    corrupt = tmp_path / "broken.netcanvas"
    corrupt.write_text("{ not json", encoding="utf-8")
    result = netcanvas("check", str(corrupt))
    assert result.returncode == 2 and result.stdout == ""
    assert result.stderr == ("netcanvas: 오류: broken.netcanvas 프로젝트를 열 수 없습니다: "
                             "NetCanvas 프로젝트 파일이 아닙니다(zip 압축 파일이 아닙니다)\n")
    assert result.stderr.count("\n") == 1


def test_usage_errors_speak_korean():
    result = netcanvas("train")
    assert result.returncode == 2
    assert result.stderr.splitlines() == [
        "사용법: netcanvas train [-h] [--epochs N] [--lr RATE] [--out FILE] [--force] [--log CSV] "
        "[--fresh]",
        "                     [--quiet] [--processes N]",
        "                     project",
        "netcanvas train: 오류: 다음 인수가 필요합니다: project"]
    result = netcanvas("data", "fetch", "cifar")
    assert result.returncode == 2
    # Python 3.10 writes "argument NAME: …" without gettext; 3.11 on translate it too.
    argument = "인수" if sys.version_info >= (3, 11) else "argument"
    assert result.stderr.splitlines()[-1].startswith(
        f"netcanvas data fetch: 오류: {argument} name: 잘못된 선택: 'cifar' "
        "(다음 중에서 고르세요: ")
    result = netcanvas("train", str(example_path("and_gate")), "--epochs", "0")
    assert (result.returncode, result.stderr) == (
        2, "netcanvas: 오류: --epochs은(는) 0이(가) 아니라 1부터 10,000,000까지의 정수여야 "
           "합니다\n")


def test_data_list_speaks_korean(tmp_path):
    result = netcanvas("data", "list", **{CACHE_ENV: str(tmp_path)})
    assert result.returncode == 0
    lines = result.stdout.splitlines()
    assert lines[0] == f"캐시 폴더: {tmp_path}"
    mnist = REMOTE["mnist"]
    assert lines[1].startswith("mnist ")
    assert lines[1].endswith(f": 캐시에 없음; `netcanvas data fetch mnist`로 약 "
                             f"{mnist.download_mb:g} MB를 내려받습니다")


def test_english_is_unchanged():
    result = netcanvas("train", lang="en")
    assert result.stderr.splitlines()[-1] == ("netcanvas train: error: the following arguments "
                                              "are required: project")
    lines = netcanvas("--help", lang="en").stdout.splitlines()
    assert lines[0] == "usage: netcanvas [-h] [--version] COMMAND ..."
    assert "positional arguments:" in lines and "options:" in lines
    assert "  -h, --help      show this help message and exit" in lines
    assert "exit codes:" in lines


def _argparse_messages(path: Path) -> set[str]:
    """Every constant message argparse passes to ``_`` or ``ngettext`` (singular) in ``path``."""
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if (isinstance(node, ast.Call) and isinstance(node.func, ast.Name)
                and node.func.id in ("_", "ngettext") and node.args
                and isinstance(node.args[0], ast.Constant)
                and isinstance(node.args[0].value, str)):
            found.add(node.args[0].value)
    return found


def test_every_argparse_message_of_this_python_is_in_the_catalogue():
    marked = set(cli_i18n.MESSAGES) | set(cli_i18n.plural_messages(1))
    missing = _argparse_messages(Path(argparse.__file__)) - marked
    assert not missing, f"argparse {sys.version_info[:2]} has new messages: {sorted(missing)}"



def test_argparse_follows_a_switch_in_the_same_process(korean):
    cli_i18n.use_catalogue()
    parser = argparse.ArgumentParser(prog="demo")
    assert parser.format_usage() == "사용법: demo [-h]\n"
    assert cli_i18n.plural_messages(3) == ("인수 %s개가 필요합니다", "충돌하는 옵션 문자열: %s")
    i18n.set_language("en")
    assert parser.format_usage() == "usage: demo [-h]\n"


def test_korean_argument_help_wraps_by_terminal_columns():
    """A Hangul syllable takes two columns: the options' help is wrapped by columns, so the
    help of --out breaks before the terminal's edge instead of running past it."""
    lines = netcanvas("train", "--help", COLUMNS="80").stdout.splitlines()
    options = lines[lines.index("옵션:") + 1:lines.index("사용 예:") - 1]
    assert options[4:6] == [
        "  --out FILE     학습한 프로젝트를 여기에 저장하고 이번 실행을 실행 기록에",
        "                 추가 (프로젝트 파일 자체를 주면 그 파일을 갱신)"]
    assert max(cli_i18n.display_width(line) for line in options) <= 78


def test_korean_descriptions_and_epilogs_wrap_by_columns_under_their_own_start():
    lines = netcanvas("export", "--help", COLUMNS="80").stdout.splitlines()
    assert lines[3:6] == [
        "프로젝트의 신경망을 가중치(학습하지 않았으면 초깃값)와 함께 써서 NetCanvas",
        "없이 실행할 수 있게 합니다. 모든 형식은 데이터셋의 원래 열을 받아 NetCanvas와",
        "똑같이 답합니다."]
    formats = lines[lines.index("형식:") + 1:len(lines) - 2]
    assert formats == [
        "  pytorch  model.py(load_model()), train.py(python 또는 torchrun),",
        "           weights.npz, data.npz, optimizer.npz(학습한 뒤: train.py가 여기서",
        "           이어 갑니다), README.md가 든 새 폴더",
        "  onnx     .onnx 파일 하나 (opset 17): 입력 x = 원래 데이터 행, 출력 y",
        "  numpy    책의 스타일로 쓴 순수 NumPy .py 파일 하나, 가중치와 데이터는 같은",
        "           이름의 .npz에"]
    # (argparse lays out the usage lines itself, counting "사용법:" as 4 columns.)
    assert max(cli_i18n.display_width(line) for line in lines[2:]) <= 78


def test_wrapping_by_columns():
    assert cli_i18n.wrap_columns("가나 다라 마바", 5) == ["가나", "다라", "마바"]
    assert cli_i18n.wrap_columns("가나 다라 마바", 11) == ["가나 다라", "마바"]
    assert cli_i18n.wrap_columns("", 10) == []


def test_train_and_runs_speak_korean_in_the_same_process(korean, tmp_path, capsys):
    from gui import cli

    out_path = tmp_path / "xor.netcanvas"
    assert cli.main(["train", str(example_path("xor_learned")), "--epochs", "3",
                     "--out", str(out_path), "--quiet"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[1].startswith("에폭 3 · 훈련: 손실 ") and ", 정확도 " in lines[1]
    assert lines[2] == f"저장했습니다: {out_path}"
    assert cli.main(["runs", str(out_path)]) == 0
    assert "  에폭 3회  " in capsys.readouterr().out
    assert cli.main(["runs", str(example_path("xor_learned"))]) == 0
    assert capsys.readouterr().out == "아직 기록된 학습 실행이 없습니다\n"
    assert cli.main(["explain", str(example_path("xor_learned")), "--sample", "x"]) == 2
    assert capsys.readouterr().err == ("netcanvas: 오류: --sample은 행 번호여야 합니다: "
                                       "'x'은(는) 행 번호가 아닙니다\n")


def test_korean_help_keeps_example_command_lines_whole():
    """The Hangul epilog is wrapped by columns, but a command line in it is kept as typed."""
    lines = netcanvas("train", "--help", COLUMNS="60").stdout.splitlines()
    start = lines.index("사용 예:")
    assert lines[start + 1:start + 4] == [
        "  netcanvas train spiral.netcanvas --epochs 50 --out trained.netcanvas",
        "  netcanvas train trained.netcanvas --out trained.netcanvas",
        "  netcanvas train spiral.netcanvas --quiet --log log.csv"]
    assert lines[start + 4:] == ["", "종료 코드: netcanvas --help를 보세요."]


def test_the_korean_progress_bar_fits_an_80_column_terminal(korean, monkeypatch, capsys):
    """The bar is redrawn with a carriage return: a line as wide as the terminal wraps and each
    redraw then starts a row lower; a redraw shorter than the last left its tail (the last
    "남은 시간 0:00") on screen. The loss is the last batch's and says so."""
    import io

    from gui import cli

    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    terminal = Terminal()
    monkeypatch.setenv("COLUMNS", "80")
    monkeypatch.setattr("sys.stderr", terminal)
    assert cli.main(["train", str(example_path("spiral")), "--epochs", "30"]) == 0
    assert capsys.readouterr().out.splitlines()[1].startswith("에폭 30 · 훈련: 손실 ")
    redraws = terminal.getvalue().removesuffix("\n").split("\r")[1:]
    assert redraws and all("  배치 손실 " in line for line in redraws), redraws
    widths = [cli_i18n.display_width(line) for line in redraws]
    assert max(widths) < 80 and widths == sorted(widths), redraws  # each covers the last
    assert redraws[-1].startswith("[") and "에폭 30/30" in redraws[-1]


def test_a_diverged_run_says_the_command_line_s_words_in_korean(korean, tmp_path, capsys):
    from dataclasses import replace

    from core.project import load_project, save_project
    from gui import cli

    project, hot = load_project(example_path("spiral")), tmp_path / "sgd.netcanvas"
    save_project(replace(project, settings=replace(project.settings, optimizer="sgd",
                                                   lr=1000.0, epochs=5)), hot)
    assert cli.main(["train", str(hot), "--quiet"]) == 1
    assert capsys.readouterr().out.splitlines()[1] == (
        "  명령줄에서는: --lr RATE로 더 낮은 학습률을 주고, --fresh로 새 가중치에서 시작합니다")
