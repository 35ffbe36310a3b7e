"""Export as a folder a PyTorch user can run: model.py, train.py, weights.npz, data.npz and a
README.md saying how.

model.py and train.py are ``templates/torch_model.py`` and ``templates/torch_train.py`` with the
project's network and settings filled in; nothing here imports torch (only the generated files
do), so NetCanvas itself never depends on it.
"""

from __future__ import annotations

from pathlib import Path

from core.export.common import (
    ExportPlan,
    check_target,
    evaluation_config,
    staged,
    write_npz,
)
from core.export.render import TEMPLATES, render_template


def readme(plan: ExportPlan) -> str:
    """The folder's README.md: what is in it and the commands, with this project's numbers."""
    s = plan.settings
    text = (TEMPLATES / "torch_readme.md").read_text(encoding="utf-8")
    # The README belongs with the exported code, which stays in English like the code itself.
    weights = (
        "trained in NetCanvas" if plan.trained  # i18n: not ui
        else f"the initial weights drawn from seed {s['seed']} "  # i18n: not ui
             "(the project was not trained yet)")
    return text.format(title=plan.title, weights=weights, optimizer=s["optimizer"], lr=s["lr"],
                       batch_size=s["batch_size"], epochs=s["epochs"],
                       rows=plan.raw["x_train"].shape[0], columns=plan.raw_columns,
                       eval_rows=evaluation_config()["EVAL_ROWS"])


def export_pytorch(plan: ExportPlan, out: Path, force: bool = False) -> list[Path]:
    """Write the folder ``out`` (new, empty, or replaced with ``force``); returns its files."""
    check_target(out, force, folder=True)
    files = {
        "model.py": render_template("torch_model.py", NETWORK=plan.network),
        "train.py": render_template("torch_train.py", SETTINGS=plan.settings,
                                    **evaluation_config(), EPOCHS_DONE=plan.epochs_done,
                                    RESUME=plan.resume),
        "README.md": readme(plan),
    }
    with staged([out], folder=True) as (folder,):
        for name, text in files.items():
            (folder / name).write_text(text, encoding="utf-8")
        write_npz(folder / "weights.npz", {**plan.params, **plan.state})
        write_npz(folder / "data.npz", {**plan.raw, **plan.measured_targets})
        if plan.optimizer_state:
            write_npz(folder / "optimizer.npz", plan.optimizer_state)
    arrays = ("weights.npz", "data.npz") + (("optimizer.npz",) if plan.optimizer_state else ())
    return [out / name for name in (*files, *arrays)]
