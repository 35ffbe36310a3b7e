"""A run in two processes whose helper is killed mid-run (the splits' tests share it)."""

from core.training.outcome import Outcome
from core.training.trainer import Trainer


def run_killing_its_helper(trainer: Trainer, after: int = 5) -> tuple[Outcome, list[bool]]:
    """Run ``trainer`` in two processes, killing the helper after ``after`` steps; returns the
    outcome and, step by step, whether a helper was still at work."""
    helped: list[bool] = []

    def kill(_event) -> None:
        split = trainer._split
        assert split is not None
        if len(helped) == after - 1:
            split.helpers[0].process.kill()
        helped.append(bool(split.helpers))

    return trainer.run(kill, processes=2), helped
