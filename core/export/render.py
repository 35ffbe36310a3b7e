"""The exporters' templates turned into files: a template from ``templates/`` is readable,
lintable Python (or Markdown) with a config block the project's numbers replace, and may include
another template's code, so that the student still gets one file."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

TEMPLATES = Path(__file__).with_name("templates")
CONFIG_START = "# <netcanvas:config>"  # i18n: not ui
CONFIG_END = "# </netcanvas:config>"  # i18n: not ui
#: a template's stand-in for another template's code, replaced by that code when written out
INCLUDE = re.compile(r"^# <netcanvas:include ([\w.]+)>\n.*?^# </netcanvas:include>\n",
                     re.MULTILINE | re.DOTALL)
PART_START = "# <netcanvas:part>\n"  # i18n: not ui


def render_template(template: str, **config: Any) -> str:
    """A template from ``templates/`` with its config block replaced by ``NAME = literal``
    lines: the generated file is the readable template plus this project's numbers. A block
    ``# <netcanvas:include OTHER.py>`` … ``# </netcanvas:include>`` (an import, so that the
    template itself reads and lints as Python) becomes OTHER.py's code after its
    ``# <netcanvas:part>`` line: the student still gets one file."""
    text = INCLUDE.sub(lambda m: _included(m.group(1)),
                       (TEMPLATES / template).read_text(encoding="utf-8"))
    start, end = text.index(CONFIG_START), text.index(CONFIG_END)
    lines = [CONFIG_START]
    for name, value in config.items():
        lines.append(f"{name} = {_literal(value)}")
    return text[:start] + "\n".join(lines) + "\n" + text[end:]


def _included(template: str) -> str:
    """The code of ``template`` that another one includes: everything after its part line."""
    text = (TEMPLATES / template).read_text(encoding="utf-8")
    return text[text.index(PART_START) + len(PART_START):]


def _literal(value: Any) -> str:
    """A value as Python source. A dict: a key per line, a list of dicts (the layers) an item
    per line; an int from 10,000 up with its thousands marked (``10_000``); the rest as
    ``repr`` (exact for floats, so the scaling survives the round trip)."""
    if isinstance(value, int) and not isinstance(value, bool) and abs(value) >= 10_000:
        return f"{value:_d}"
    if not isinstance(value, dict):
        return repr(value)
    lines = ["{"]
    for key, item in value.items():
        if isinstance(item, list) and item and all(isinstance(i, dict) for i in item):
            lines.append(f"    {key!r}: [")
            lines += [f"        {i!r}," for i in item]
            lines.append("    ],")
        else:
            lines.append(f"    {key!r}: {item!r},")
    return "\n".join(lines) + "\n}"
