"""Random search: log-scale draws, ranking by validation accuracy, parallel equal to serial,
progress and cancellation (which also stops the running trials, promptly)."""

import threading

import numpy as np
import pytest

from core import NetworkSpec
from core.datasets import load_builtin, load_iris
from core.training.prepare import prepare
from core.training.search import (
    STOPPED,
    SearchSpace,
    random_search,
    rank,
    run_trial,
    trial_settings,
)
from core.training.settings import TrainingSettings

SPEC = NetworkSpec.mlp([4, 8, 3])
BASE = TrainingSettings(optimizer="adam", batch_size=16, standardize=True, seed=5)
SPACE = SearchSpace(lr=(-3.0, -1.0), weight_decay=(-6.0, -2.0))


def search(**options):
    return random_search(SPEC, load_iris(), BASE, n_trials=6, epochs=4, space=SPACE, seed=11,
                         **options)


def as_plain_data(result):
    return [(t.index, t.settings.to_dict(), t.history.to_dict(), t.outcome_kind, t.score,
             t.val_loss) for t in result.trials]


def test_draws_are_log_uniform_and_depend_only_on_seed_and_index():
    draws = np.array([SearchSpace().draw(seed=0, index=i) for i in range(400)])
    lr, decay = np.log10(draws[:, 0]), np.log10(draws[:, 1])
    assert lr.min() >= -6 and lr.max() <= -2 and decay.min() >= -8 and decay.max() <= -4
    assert abs(lr.mean() - -4) < 0.2 and abs(decay.mean() - -6) < 0.2
    assert SearchSpace().draw(3, 7) == SearchSpace().draw(3, 7) != SearchSpace().draw(3, 8)


def test_trial_settings_fill_in_lr_decay_and_seed():
    settings = trial_settings(BASE, SPACE, seed=11, index=2, epochs=4)
    lr, decay = SPACE.draw(11, 2)
    assert (settings.lr, settings.weight_decay, settings.seed, settings.epochs) == (
        lr, decay, 13, 4)
    assert settings.optimizer == "adam" and settings.batch_size == 16


def test_trials_are_ranked_by_validation_accuracy_with_their_curves():
    result = search(workers=1)
    assert not result.cancelled and len(result.trials) == 6
    assert sorted(t.index for t in result.trials) == list(range(6))
    scores = [t.score for t in result.trials]
    assert scores == sorted(scores, reverse=True)
    for trial in result.trials:
        assert trial.history.n_epochs == 4
        assert trial.score == trial.history.latest()["val_accuracy"]
        assert trial.val_loss == trial.history.latest()["val_loss"]
        assert 1e-3 <= trial.lr <= 1e-1 and 1e-6 <= trial.weight_decay <= 1e-2
    assert result.best is result.trials[0]


def test_parallel_search_gives_exactly_the_serial_results():
    serial = search(workers=1)
    parallel = search(workers=2)
    assert as_plain_data(parallel) == as_plain_data(serial)


def test_progress_reports_every_trial_and_cancel_stops_further_trials():
    calls = []
    cancel = threading.Event()

    def progress(done, total, trial):
        calls.append((done, total, trial.index))
        if done == 2:
            cancel.set()

    result = search(workers=1, progress=progress, cancel=cancel)
    assert calls == [(1, 6, 0), (2, 6, 1)]
    assert result.cancelled and len(result.trials) == 2


def test_cancel_stops_a_parallel_search_too():
    cancel = threading.Event()
    reported = []

    def progress(done, total, trial):
        reported.append(trial.index)
        cancel.set()  # the other trial in flight is stopped: it is neither reported nor ranked

    result = search(workers=2, progress=progress, cancel=cancel)
    assert result.cancelled and 1 <= len(result.trials) < 6
    assert sorted(t.index for t in result.trials) == sorted(reported)
    assert all(t.outcome_kind != STOPPED for t in result.trials)


LONG_EPOCHS = 200_000  # minutes per trial: only a cancel of the running trials ends it soon


@pytest.mark.parametrize(("workers", "after"), [(1, 0.3), (2, 1.0)])
def test_cancel_stops_the_running_trials_promptly(workers, after):
    """A closing window must not wait for trials to end: cancel stops them mid-way, and a
    trial stopped half-way is partial, so it is left out of the ranking. A trial here lasts
    minutes, so an empty ranking proves the cancel cut them short (no time bound asserted)."""
    cancel = threading.Event()
    reported = []
    timer = threading.Timer(after, cancel.set)  # with workers, after the processes started
    timer.start()
    try:
        result = random_search(SPEC, load_iris(), BASE, n_trials=4, epochs=LONG_EPOCHS,
                               space=SPACE, seed=11, workers=workers, cancel=cancel,
                               progress=lambda done, total, trial: reported.append(trial))
    finally:
        timer.cancel()
    assert result.cancelled and result.trials == [] and reported == []


def test_a_stopped_trial_is_partial_and_has_no_score():
    data = prepare(load_iris(), SPEC.check(), BASE.split, BASE.seed, BASE.standardize,
                   BASE.dtype)
    stop = threading.Event()
    stop.set()
    trial = run_trial(SPEC, data, trial_settings(BASE, SPACE, 11, 0, 4), 0, stop)
    assert trial.outcome_kind == STOPPED and trial.score is None and trial.val_loss is None
    assert trial.history.n_epochs < 4


def test_diverged_trials_rank_last_and_regression_ranks_by_r2():
    plane = load_builtin("plane", n_samples=200, noise=0.01)
    result = random_search(NetworkSpec.mlp([2, 1], output_activation="identity"), plane,
                           TrainingSettings(optimizer="sgd", batch_size=20), n_trials=6,
                           epochs=5, space=SearchSpace(lr=(-1.5, 1)), seed=1, workers=1)
    kinds = [t.outcome_kind for t in result.trials]
    assert kinds.count("diverged") >= 1 and kinds.count("completed") >= 2, kinds
    first_diverged = kinds.index("diverged")
    assert set(kinds[first_diverged:]) == {"diverged"}
    assert all(t.score is None for t in result.trials[first_diverged:])
    assert [t.score for t in result.trials[:first_diverged]] == [
        t.history.latest()["val_r2"] for t in result.trials[:first_diverged]]
    assert rank(list(reversed(result.trials))) == result.trials


@pytest.mark.parametrize(("options", "message"), [
    ({"n_trials": 0}, "n_trials: 0 must be a whole number of at least 1"),
    ({"workers": 0}, "workers: 0 must be a whole number of at least 1"),
])
def test_bad_search_options(options, message):
    with pytest.raises(ValueError, match=message):
        random_search(SPEC, load_iris(), BASE, **options)


def test_a_backwards_range_is_refused():
    with pytest.raises(ValueError, match=r"lr: the range -2\.0\.\.-6\.0 must be"):
        SearchSpace(lr=(-2.0, -6.0))
