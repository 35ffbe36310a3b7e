"""Korean particles: "(으)로", "을(를)", "이(가)" … stand only after a word that varies (a
placeholder). After a fixed word the particle is written out: the export titles read
"NumPy 스크립트로 내보내기", not "NumPy 스크립트(으)로 내보내기"."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
KO = ROOT / "resources" / "i18n" / "ko"

#: a particle with its alternative in brackets: (으)로, (이)라, 을(를), 이(가), 은(는), 와(과) …
PARTICLE = re.compile(r"\((?:으|을|이|은|와)\)(?:로|를|가|는|과|라)"
                      r"|(?:을|이|은|와)\((?:를|가|는|과)\)")
#: what may stand right before one: a placeholder, then closing brackets, quotes or a tag
AFTER_PLACEHOLDER = re.compile(r"(?:\{(\w*)(?:![rsa])?(?::[^}]*)?\}|%\(\w+\)[rs]|%[rs])"
                               r"(?:[)”\"'`]|\\\"|&\w+;|&lt;/\w+&gt;|\s*\(\S[^()]*\))*$")
#: placeholders whose every value is known, so their particle is written out
FIXED_VALUES = {
    "format": "PyTorch, ONNX, NumPy 스크립트 (in the window and on the command line)",
    "save_as": "파일 ▸ 다른 이름으로 저장…",
    "button": "CSV / NPZ / IDX 가져오기…",
}


def translations() -> list[tuple[str, str]]:
    """(file, text) of every Korean translation, .ts and .po alike."""
    found = []
    for path in sorted(KO.glob("*.ts")):
        found += [(path.name, text) for text in re.findall(
            r"<translation[^>]*>(.*?)</translation>", path.read_text(encoding="utf-8"), re.S)]
    for path in sorted(KO.glob("*.po")):
        for block in path.read_text(encoding="utf-8").split("\nmsgstr")[1:]:
            message = block.split("\n\n")[0]  # up to the next entry
            found.append((path.name, "".join(re.findall(r'"(.*)"', message))))
    return found


def test_a_bracketed_particle_follows_only_a_word_that_varies():
    wrong = []
    for name, text in translations():
        for match in PARTICLE.finditer(text):
            before = AFTER_PLACEHOLDER.search(text[:match.start()])
            if before is None or before.group(1) in FIXED_VALUES:
                wrong.append(f"{name}: …{text[max(0, match.start() - 30):match.end()]}")
    assert wrong == []


def test_the_rule_catches_a_fixed_word():
    text = "NumPy 스크립트(으)로 내보내기"
    match = PARTICLE.search(text)
    assert match and AFTER_PLACEHOLDER.search(text[:match.start()]) is None
    text = "{format}(으)로 내보내기"
    match = PARTICLE.search(text)
    assert AFTER_PLACEHOLDER.search(text[:match.start()]).group(1) in FIXED_VALUES
