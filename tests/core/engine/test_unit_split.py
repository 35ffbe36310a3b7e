"""The first layer's units divided between two processes: which networks it takes, the same
bits whichever way a step goes (side by side or both halves here), weights that match one
process's, and a run that survives its helper's death — also mid-update — with the weights it
would have had."""

import os
import signal

import numpy as np
import pytest

from core import NetworkSpec, build, hidden_node, input_node, output_node
from core.datasets import Dataset
from core.engine import helper_process, optimizers, unit_split
from core.engine.unit_split import UnitSplit
from core.training.prepare import prepare
from core.training.settings import TrainingSettings
from core.training.trainer import Trainer
from tests.core.engine.killed_helper import run_killing_its_helper

RNG = np.random.default_rng(11)
SPEC = NetworkSpec.mlp((36, 64, 5))


def byte_images(rows: int = 480, inputs: int = 36) -> Dataset:
    """MNIST's kind of data: byte pixels divided by 255 as they are read (lazily)."""
    x = RNG.integers(0, 256, (rows, inputs), dtype=np.uint8)
    y = (x[:, :inputs // 2].sum(axis=1) // 600 % 5).astype(np.int64)
    return Dataset(name="bytes", x=x, y=y, task="classification",
                   feature_names=tuple(f"p{i}" for i in range(inputs)),
                   class_names=tuple("abcde"), source="test", x_divisor=255.0)


DATA = byte_images()


def prepared(spec: NetworkSpec = SPEC, dtype: type = np.float32):
    return prepare(DATA, spec, (1.0, 0.0, 0.0), 0, False, dtype)


def settings(**changes) -> TrainingSettings:
    values = dict(optimizer="sgd", lr=0.3, epochs=3, batch_size=48, split=(0.75, 0.25, 0.0),
                  dtype="float32")
    values.update(changes)
    return TrainingSettings(**values)


def test_the_first_layer_is_divided_only_where_it_is_exact_and_most_of_the_work():
    data = prepared().train.x
    net = build(SPEC)
    assert unit_split.head(SPEC) == ("1", "1")  # mlp(): edge "1" from the input to node "1"
    assert unit_split.fits(net, optimizers.SGD(0.1), 1, data)
    assert not unit_split.fits(net, optimizers.Adam(), 1, data)  # its state is per weight
    assert not unit_split.fits(net, optimizers.SGD(0.1), 2, data)  # two helpers: rows
    assert not unit_split.fits(net, optimizers.SGD(0.1), 1, np.zeros((4, 36)))  # no bytes
    decayed = build(SPEC, weight_decay=1e-3)
    assert not unit_split.fits(decayed, optimizers.SGD(0.1), 1, data)
    # too few units to divide, and a first layer that is not most of the weights
    assert not unit_split.fits(build(NetworkSpec.mlp((36, 30, 5))), optimizers.SGD(0.1), 1,
                               data)
    assert not unit_split.fits(build(NetworkSpec.mlp((36, 64, 200, 5))), optimizers.SGD(0.1),
                               1, data)
    # what cannot be divided by units at all
    assert unit_split.head(NetworkSpec.mlp((36, 5))) is None  # the first node is the output
    assert unit_split.head(NetworkSpec.mlp((36, 64, 5), hidden_activation="softmax")) is None
    skip = NetworkSpec((input_node("x", 36), hidden_node("h", 64),
                        output_node("y", 5))).connect("x", "h").connect("h", "y") \
        .connect("x", "y")
    assert unit_split.head(skip) is None
    normed = NetworkSpec((input_node("x", 36), hidden_node("h", 64, batch_norm=True),
                          output_node("y", 5))).connect("x", "h").connect("h", "y")
    assert unit_split.head(normed) is None


@pytest.mark.parametrize(("dtype", "activation"), [(np.float32, "relu"),
                                                   (np.float64, "sigmoid"),
                                                   (np.float32, "identity")])
def test_side_by_side_and_both_halves_here_give_the_same_bits(dtype, activation):
    """Steps alternating between the ways, on one split, against a split that always goes
    side by side: equal to the bit; against one process, equal up to rounding."""
    spec = NetworkSpec.mlp((36, 64, 5), hidden_activation=activation)
    data = prepared(spec, dtype)
    source, t = data.train.x, data.train.t
    nets = [build(spec, dtype=dtype) for _ in range(3)]
    opts = [optimizers.SGD(0.3) for _ in nets]
    rows = np.random.default_rng(2).permutation(data.train.n)
    losses = []
    with UnitSplit(nets[0], 48, source) as mixed, UnitSplit(nets[1], 48, source) as side:
        for step, lo in enumerate(range(0, 480, 48)):
            batch = rows[lo:lo + 48]
            mixed.pace.split, mixed.pace.steps = step % 3 == 0, 0
            side.pace.split, side.pace.steps = True, 0
            losses.append((mixed.train_rows(source, batch, t[batch], opts[0]),
                           side.train_rows(source, batch, t[batch], opts[1]),
                           nets[2].train_step(source[batch], t[batch], opts[2])))
        assert 0 < mixed.pace.split_steps < side.pace.split_steps == 10
    assert all(a == b for a, b, _ in losses)
    assert np.array_equal(nets[0].flat_params, nets[1].flat_params)
    np.testing.assert_allclose([c for _, _, c in losses], [a for a, _, _ in losses], rtol=1e-5)
    np.testing.assert_allclose(nets[0].flat_params, nets[2].flat_params,
                               atol=1e-5 if dtype == np.float32 else 1e-12)
    assert opts[0].t == opts[2].t == 10


def division(trainer: Trainer) -> str | None:
    """How a run in two processes divided its steps."""
    trainer.run(processes=2)
    return trainer.division


def test_a_run_in_two_processes_divides_the_units_and_measures_the_whole_network():
    """Trainer.run picks the division by units for SGD on bytes; what it measures at each
    epoch's end and shows in its snapshots is the whole network (both halves brought in),
    as one process's up to rounding."""
    data = prepared()
    two = Trainer(SPEC, data, settings(), snapshot_every=5)
    snaps = []
    kinds = []

    def seen(event):
        kinds.append(type(two._split).__name__)
        if event.snapshot is not None:
            snaps.append(event.snapshot)

    two.run(seen, processes=2)
    one = Trainer(SPEC, data, settings(), snapshot_every=5)
    one_snaps = []
    one.run(lambda e: e.snapshot is not None and one_snaps.append(e.snapshot))
    assert set(kinds) == {"UnitSplit"} and two.division == "units"
    assert two.helper_cpu_seconds > 0
    for key, values in one.history.epochs.items():  # None: a part the data has not
        assert [v is None for v in values] == [v is None for v in two.history.epochs[key]]
        assert [v for v in two.history.epochs[key] if v is not None] == pytest.approx(
            [v for v in values if v is not None], rel=1e-4), key
    assert [s.step for s in snaps] == [s.step for s in one_snaps]
    for mine, theirs in zip(snaps, one_snaps, strict=True):
        np.testing.assert_allclose(mine.params["W1"], theirs.params["W1"], atol=1e-5)
    np.testing.assert_allclose(two.network.flat_params, one.network.flat_params, atol=1e-5)
    np.testing.assert_allclose(two.network.last_gradients()["W1"],
                               one.network.last_gradients()["W1"], atol=1e-6)
    latest = two.history.latest()  # measured on the weights the run ended with
    assert all(latest[key] == value for key, value in two.evaluate().items())
    assert helper_process.idle() >= 1


def test_other_runs_divide_rows_as_before():
    data = prepared()
    assert division(Trainer(SPEC, data, settings(optimizer="adam"))) == "rows"
    small = NetworkSpec.mlp((36, 30, 5))
    assert division(Trainer(small, prepared(small), settings())) == "rows"


def test_a_run_whose_helper_dies_ends_with_the_same_weights():
    data = prepared()
    undisturbed = Trainer(SPEC, data, settings())
    assert division(undisturbed) == "units"
    killed = Trainer(SPEC, data, settings())
    outcome, helped = run_killing_its_helper(killed)
    assert outcome.kind == "completed" and killed.division == "units"
    # the rest of the run did both halves here
    assert helped == [True] * 5 + [False] * 25
    assert np.array_equal(killed.network.flat_params, undisturbed.network.flat_params)


def test_a_helper_that_dies_before_finishing_its_update_has_it_made_here():
    """A helper killed mid-update leaves its last whole weights (the update writes the other
    copy, then switches): made here again on the rows it was for, the same bits. Such a
    death is made on purpose: the update made, then undone by switching back, then the
    kill."""
    data = prepared()
    source, t = data.train.x, data.train.t
    nets = [build(SPEC) for _ in range(2)]
    opts = [optimizers.SGD(0.3) for _ in nets]
    rows = np.random.default_rng(3).permutation(data.train.n)
    with UnitSplit(nets[0], 48, source) as torn, UnitSplit(nets[1], 48, source) as whole:
        for step, lo in enumerate(range(0, 480, 48)):
            batch = rows[lo:lo + 48]
            for split in (torn, whole):
                split.pace.split, split.pace.steps = True, 0
            torn.train_rows(source, batch, t[batch], opts[0])
            whole.train_rows(source, batch, t[batch], opts[1])
            if step == 4:
                helper = torn.helpers[0]
                torn._settle()  # the update made ...
                state = torn._theirs.state
                state[0] = 1 - state[0]  # ... and undone: the old copy current again
                torn._unanswered = True  # as if it had not answered yet
                os.kill(helper.process.pid, signal.SIGKILL)
                helper.process.join(5)
        assert not torn.helpers and whole.helpers
    assert np.array_equal(nets[0].flat_params, nets[1].flat_params)


def test_rows_of_another_source_are_made_here_and_a_batch_too_large_is_refused():
    data = prepared()
    other = prepare(byte_images(), SPEC, (1.0, 0.0, 0.0), 0, False, np.float32).train
    nets = [build(SPEC) for _ in range(2)]
    opts = [optimizers.SGD(0.3) for _ in nets]
    batch = np.arange(48)
    with UnitSplit(nets[0], 48, data.train.x) as split:
        split.pace.split = True
        loss = split.train_rows(other.x, batch, other.t[batch], opts[0])
        assert split.pace.split_steps == 0  # the helper has another data set's bytes
        with pytest.raises(ValueError, match="made for 48"):
            split.train_rows(other.x, np.arange(49), other.t[:49], opts[0])
    assert loss == pytest.approx(nets[1].train_step(other.x[batch], other.t[batch], opts[1]),
                                 rel=1e-6)
    np.testing.assert_allclose(nets[0].flat_params, nets[1].flat_params, atol=1e-6)


def test_a_step_whose_loss_is_not_finite_changes_no_weight():
    """As Network.train_step: a diverged run keeps its last finite weights, in both halves."""
    data = prepared()
    net = build(SPEC)
    x, t, optimizer = data.train.x, data.train.t, optimizers.SGD(1e30)
    with UnitSplit(net, 48, x) as split:
        split.pace.split = True
        assert np.isfinite(split.train_rows(x, np.arange(48), t[:48], optimizer))
        split.sync()
        overflowed = net.flat_params.copy()
        with np.errstate(all="ignore"):
            assert not np.isfinite(split.train_rows(x, np.arange(48, 96), t[48:96], optimizer))
        assert split.pace.split_steps == 2
    assert np.array_equal(net.flat_params, overflowed, equal_nan=True)


def test_a_helper_that_does_not_answer_is_let_go_and_its_half_made_here(monkeypatch):
    """A helper stopped (or an ask broken off by a second Ctrl+C) would leave this side
    waiting for ever: after ANSWER_SECONDS it is killed and the run goes on here, exactly."""
    monkeypatch.setattr(helper_process, "ANSWER_SECONDS", 0.6)
    data = prepared()
    source, t = data.train.x, data.train.t
    nets = [build(SPEC) for _ in range(2)]
    opts = [optimizers.SGD(0.3) for _ in nets]
    with UnitSplit(nets[0], 48, source) as stopped, UnitSplit(nets[1], 48, source) as running:
        for step, lo in enumerate(range(0, 480, 48)):
            batch = np.arange(lo, lo + 48)
            for split in (stopped, running):
                split.pace.split, split.pace.steps = True, 0
            if step == 3:
                os.kill(stopped.helpers[0].process.pid, signal.SIGSTOP)
            stopped.train_rows(source, batch, t[batch], opts[0])
            running.train_rows(source, batch, t[batch], opts[1])
        assert not stopped.helpers and running.helpers
    assert np.array_equal(nets[0].flat_params, nets[1].flat_params)


def test_closed_twice_or_synced_after_closing_it_keeps_the_weights():
    """After close the helper's block is gone: nothing may read it (a crash, not an error)."""
    data = prepared()
    net = build(SPEC)
    split = UnitSplit(net, 48, data.train.x)
    with split:
        split.train_rows(data.train.x, np.arange(48), data.train.t[:48], optimizers.SGD(0.3))
    after = net.flat_params.copy()
    split.close()
    split.sync()
    assert np.array_equal(net.flat_params, after) and not split.helpers
    with pytest.raises(ZeroDivisionError):  # an empty batch, as one process takes it
        split.train_rows(data.train.x, np.arange(0), data.train.t[:0], optimizers.SGD(0.3))


def test_no_room_for_the_data_sets_copy_divides_the_rows_instead(monkeypatch):
    from core.engine import shared_arrays

    def full(*_args):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(shared_arrays, "shared_source", full)
    assert division(Trainer(SPEC, prepared(), settings())) == "rows"


def test_what_a_run_shows_mid_run_and_after_diverging_is_the_whole_first_layer():
    """A snapshot asked for from a progress callback, and the gradients of a last step whose
    loss was not finite, are those of one process (up to rounding), both halves brought in."""
    data = prepared()
    shown = {}
    for processes in (1, 2):
        trainer = Trainer(SPEC, data, settings(epochs=1))
        seen = []

        def at_fourth(event, trainer=trainer, seen=seen, processes=processes):
            seen.append(event)
            if len(seen) == 4:
                shown[processes] = trainer.snapshot(activations=False, grid=False)

        trainer.run(at_fourth, processes=processes)
    np.testing.assert_allclose(shown[2].params["W1"], shown[1].params["W1"], atol=1e-5)
    np.testing.assert_allclose(shown[2].gradient_norms["1"], shown[1].gradient_norms["1"],
                               rtol=1e-4)
    x, t = data.train.x, data.train.t
    nets = [build(SPEC) for _ in range(2)]
    with UnitSplit(nets[0], 48, x) as split, np.errstate(all="ignore"):
        for net, step in ((nets[0], split.train_rows), (nets[1], None)):
            for lo in (0, 48, 96):  # the second update overflows, the third loss is not finite
                rows = np.arange(lo, lo + 48)
                optimizer = optimizers.SGD(1e30 if lo == 48 else 0.3)
                if step is None:
                    loss = net.train_step(x[rows], t[rows], optimizer)
                else:
                    split.pace.split = True
                    loss = step(x, rows, t[rows], optimizer)
                assert np.isfinite(loss) == (lo < 96)
        split.sync()
    mine, theirs = nets[0].last_gradients(), nets[1].last_gradients()
    for name in ("W1", "b1"):
        assert np.array_equal(np.isfinite(mine[name]), np.isfinite(theirs[name]))
        np.testing.assert_allclose(mine[name], theirs[name], rtol=1e-3, equal_nan=True)
