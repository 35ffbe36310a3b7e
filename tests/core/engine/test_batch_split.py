"""A mini-batch split between processes: the parts' gradients add up to the batch's, a step
gives the same bits whichever way it went (side by side or one after another here), and a
run survives its helper's death with the weights it would have had."""


import numpy as np
import pytest

from core import NetworkSpec, build, hidden_node, input_node, output_node
from core.datasets import Dataset
from core.engine import batch_split, helper_process, optimizers, shared_arrays
from core.engine.batch_split import BatchSplit, Pace
from core.training.settings import TrainingSettings
from core.training.trainer import Trainer
from tests.core.engine.killed_helper import run_killing_its_helper

RNG = np.random.default_rng(7)


@pytest.fixture
def made_blocks(monkeypatch):
    """The names of the shared memory blocks this test makes (other processes on the machine
    make their own, so /dev/shm as a whole says nothing)."""
    names = []
    original = shared_arrays.created

    def recorded(size):
        memory = original(size)
        names.append(memory.name)
        return memory

    monkeypatch.setattr(shared_arrays, "created", recorded)
    return names


def left_over(names):
    """Those of ``names`` still in shared memory."""
    from multiprocessing import shared_memory

    alive = []
    for name in names:
        try:
            memory = shared_memory.SharedMemory(name=name)
        except FileNotFoundError:
            continue
        memory.close()
        alive.append(name)
    return alive


def dag(loss: str = "cross_entropy", output: str = "softmax") -> NetworkSpec:
    """Two inputs, a hidden node fed by one, the output fed by both and by a skip edge."""
    return NetworkSpec((
        input_node("a", 5), input_node("b", 3),
        hidden_node("h", 6, activation="tanh", init="xavier"),
        output_node("y", 4, activation=output, loss=loss, init="xavier"),
    )).connect("a", "h").connect("h", "y").connect("b", "y").connect("a", "y")


def batch(rows: int = 12, loss: str = "cross_entropy") -> tuple[np.ndarray, np.ndarray]:
    x = RNG.standard_normal((rows, 8))
    if loss == "cross_entropy":
        return x, RNG.integers(0, 4, rows)
    if loss == "binary_cross_entropy":
        return x, RNG.integers(0, 2, (rows, 4)).astype(float)
    return x, RNG.standard_normal((rows, 4))


@pytest.mark.parametrize(("loss", "output"), [("cross_entropy", "softmax"),
                                              ("mse", "identity"),
                                              ("binary_cross_entropy", "sigmoid")])
def test_parts_add_up_to_the_batch_gradient_and_loss(loss, output):
    net = build(dag(loss, output), seed=2, dtype=np.float64, weight_decay=0.05, l1=0.01)
    x, t = batch(loss=loss)
    whole_loss = net.loss(x, t, train=True)
    whole = {k: v.copy() for k, v in net.gradient(x, t).items()}
    loss_sum = net.part_pass(x[5:], t[5:], 12, decay=False)  # the decay belongs to one part
    later = {k: v.copy() for k, v in net.last_gradients().items()}
    loss_sum += net.part_pass(x[:5], t[:5], 12)
    total = {name: g + later[name] for name, g in net.last_gradients().items()}
    assert loss_sum + net.regularization() == pytest.approx(whole_loss, rel=1e-12)
    for name, g in whole.items():
        np.testing.assert_allclose(total[name], g, rtol=1e-10, atol=1e-14, err_msg=name)


def fresh(spec: NetworkSpec, dtype: type):
    return build(spec, seed=3, dtype=dtype, weight_decay=0.01)


@pytest.mark.parametrize("dtype", [np.float32, np.float64])
@pytest.mark.parametrize("optimizer", ["sgd", "adam"])
def test_side_by_side_equals_one_after_another_to_the_bit(dtype, optimizer):
    spec = NetworkSpec.mlp((8, 16, 3))
    x, t = RNG.standard_normal((40, 8)).astype(dtype), RNG.integers(0, 3, 40)
    nets = [fresh(spec, dtype) for _ in range(3)]
    opts = [optimizers.create(optimizer, lr=0.05) for _ in nets]
    with BatchSplit(nets[0], 40, 1) as side, BatchSplit(nets[1], 40, 1) as here:
        side_ways, here_ways = [], []
        for _ in range(20):
            for split, (s, o) in ((True, (side, opts[0])),
                                     (False, (here, opts[1]))):
                s.pace.split, s.pace.steps = split, 0  # no probe: always this way
                (side_ways if split else here_ways).append(s.train_step(x, t, o))
            nets[2].train_step(x, t, opts[2])
        assert side.helpers and here.pace.split is False
    assert side_ways == here_ways
    assert np.array_equal(nets[0].flat_params, nets[1].flat_params)
    # the same update as one process, up to the order the rows' sums are added in
    tolerance = 1e-5 if dtype == np.float32 else 1e-12
    np.testing.assert_allclose(nets[0].flat_params, nets[2].flat_params, atol=tolerance)


def test_a_batch_too_small_to_split_trains_as_one():
    net, alone = fresh(NetworkSpec.mlp((4, 5, 2)), np.float64), fresh(
        NetworkSpec.mlp((4, 5, 2)), np.float64)
    x, t = RNG.standard_normal((1, 4)), np.array([1])
    with BatchSplit(net, 8, 1) as split:
        assert split.train_step(x, t, optimizers.SGD(0.1)) == alone.train_step(
            x, t, optimizers.SGD(0.1))
    assert np.array_equal(net.flat_params, alone.flat_params)


def test_pace_keeps_to_the_faster_way_and_tries_the_other_again():
    pace = Pace()
    ways = []
    steps, back = batch_split.PROBE_STEPS, batch_split.PROBE_BACK
    for _ in range(back + 2 * steps):
        split = pace.next_split()
        ways.append(split)
        pace.took(split, 2.0 if split else 1.0)  # here is faster
    first, probe = ways[:steps], ways[steps:2 * steps]
    assert all(first) and not any(probe)
    assert pace.split is False
    assert not any(ways[2 * steps:back])
    # while not split, every PROBE_BACK steps, PROBE_STEPS steps of the split
    assert all(ways[back + steps:back + 2 * steps])
    # the split faster again: taken, and the other way tried every PROBE_EVERY steps
    pace = Pace()
    ways = []
    for _ in range(batch_split.PROBE_EVERY + 2 * steps):
        split = pace.next_split()
        ways.append(split)
        pace.took(split, 1.0 if split else 2.0)
    assert all(ways[:steps]) and not any(ways[steps:2 * steps])
    assert all(ways[2 * steps:batch_split.PROBE_EVERY + steps])
    assert not any(ways[batch_split.PROBE_EVERY + steps:])
    assert Pace(512)._period() == 512


def test_how_many_helpers_a_run_is_worth():
    mnist = build(NetworkSpec.mlp((784, 100, 10)))
    assert batch_split.helpers_for(mnist, 100, 600, None, cores=2) == 1
    assert batch_split.helpers_for(mnist, 100, 600, None, cores=8) == 2  # parts of 32 rows or more
    assert batch_split.helpers_for(mnist, 200, 600, None, cores=8) == batch_split.MAX_PARTS - 1
    assert batch_split.helpers_for(mnist, 100, 600, None, cores=1) == 0
    assert batch_split.helpers_for(mnist, 40, 600, None, cores=2) == 0  # parts under 32 rows
    assert batch_split.helpers_for(build(NetworkSpec.mlp((2, 8, 8, 2))), 100, 10**6,
                                   cores=2) == 0
    assert batch_split.helpers_for(mnist, 100, 1, processes=3) == 2  # asked for: given
    for spec in (NetworkSpec.mlp((784, 100, 10), batch_norm=True),
                 NetworkSpec.mlp((784, 100, 10), dropout=0.2)):
        assert not batch_split.splits_exactly(spec)
        assert batch_split.helpers_for(build(spec), 100, 600, cores=2) == 0
        assert batch_split.helpers_for(build(spec), 100, 600, processes=2) == 0


def dataset(rows: int = 256) -> Dataset:
    x = RNG.standard_normal((rows, 8))
    y = (x[:, 0] + x[:, 1] > 0).astype(np.int64) + (x[:, 2] > 1)
    return Dataset(name="three", x=x, y=y, task="classification",
                   feature_names=tuple(f"f{i}" for i in range(8)),
                   class_names=("a", "b", "c"), source="test")


def settings() -> TrainingSettings:
    return TrainingSettings(optimizer="sgd", lr=0.1, epochs=4, batch_size=64,
                            split=(0.75, 0.25, 0.0), dtype="float64")


def test_a_run_in_two_processes_matches_one_and_hands_its_helper_back(made_blocks):
    data, spec = dataset(), NetworkSpec.mlp((8, 16, 3))
    two = Trainer(spec, data, settings())
    two.run(processes=2)
    one = Trainer(spec, data, settings())
    one.run()
    np.testing.assert_allclose(two.network.flat_params, one.network.flat_params, atol=1e-12)
    assert two.history.latest()["train_loss"] == pytest.approx(
        one.history.latest()["train_loss"], rel=1e-10)
    assert two.helper_cpu_seconds > 0
    assert helper_process.idle() >= 1  # waiting for the next run
    assert made_blocks and left_over(made_blocks) == []  # every block given back


def test_a_run_whose_helper_dies_ends_with_the_same_weights():
    data, spec = dataset(), NetworkSpec.mlp((8, 16, 3))
    undisturbed = Trainer(spec, data, settings())
    undisturbed.run(processes=2)
    killed = Trainer(spec, data, settings())
    outcome, helped = run_killing_its_helper(killed)
    assert outcome.kind == "completed" and killed.division == "rows"
    assert helped == [True] * 5 + [False] * 7  # the rest of the run did the parts here
    assert np.array_equal(killed.network.flat_params, undisturbed.network.flat_params)


def byte_images(rows: int = 300) -> Dataset:
    """MNIST's kind of data: byte pixels divided by 255 as they are read (lazily)."""
    x = RNG.integers(0, 256, (rows, 16), dtype=np.uint8)
    y = (x[:, :8].sum(axis=1) > x[:, 8:].sum(axis=1)).astype(np.int64)
    return Dataset(name="bytes", x=x, y=y, task="classification",
                   feature_names=tuple(f"p{i}" for i in range(16)), class_names=("a", "b"),
                   source="test", x_divisor=255.0)


def test_helpers_make_their_rows_from_the_bytes_with_the_same_numbers():
    """A split made with a byte source hands over row numbers, not rows: the helper divides
    the bytes itself. Side by side, one after another, and from rows made here, the same
    bits."""
    from core.training.prepare import prepare

    spec = NetworkSpec.mlp((16, 24, 2))
    data = prepare(byte_images(), spec, (1.0, 0.0, 0.0), 0, False, np.float32)
    source = data.train.x
    assert source.byte_rows() is not None
    nets = [fresh(spec, np.float32) for _ in range(3)]
    opts = [optimizers.SGD(0.2) for _ in nets]
    rows = np.random.default_rng(1).permutation(data.train.n)
    with BatchSplit(nets[0], 64, 1, source) as bytes_split, \
            BatchSplit(nets[1], 64, 1) as rows_split:
        assert bytes_split._source is not None and rows_split._source is None
        for step, lo in enumerate(range(0, 256, 64)):
            batch = rows[lo:lo + 64]
            bytes_split.pace.split, bytes_split.pace.steps = step % 2 == 0, 0  # both ways
            rows_split.pace.split, rows_split.pace.steps = step % 2 == 1, 0
            t = data.train.t[batch]
            assert bytes_split.train_rows(source, batch, t, opts[0]) == \
                rows_split.train_step(source[batch], t, opts[1])
            nets[2].train_step(source[batch], t, opts[2])
    assert np.array_equal(nets[0].flat_params, nets[1].flat_params)
    np.testing.assert_allclose(nets[0].flat_params, nets[2].flat_params, atol=1e-5)


def test_the_shared_bytes_go_when_their_data_does():
    import gc

    rows = np.arange(64 * 16, dtype=np.uint8).reshape(64, 16)
    source = shared_arrays.shared_source(rows, 255.0)
    assert shared_arrays.shared_source(rows, 255.0) == source  # copied once
    assert id(rows) in shared_arrays._sources
    del rows
    gc.collect()
    assert all(kept[1].name != source.name for kept in shared_arrays._sources.values())
    assert left_over([source.name]) == []


def test_a_run_without_shared_memory_trains_in_one_process(monkeypatch):
    """Some containers have no /dev/shm: the run goes on in this process, as on one core."""
    from multiprocessing import shared_memory

    def refused(*_args, **_kwargs):
        raise OSError(38, "Function not implemented")

    monkeypatch.setattr(shared_memory, "SharedMemory", refused)
    data, spec = dataset(), NetworkSpec.mlp((8, 16, 3))
    alone = Trainer(spec, data, settings())
    alone.run()
    trainer = Trainer(spec, data, settings())
    assert trainer.run(processes=2).kind == "completed"
    assert trainer.helper_cpu_seconds == 0.0
    assert np.array_equal(trainer.network.flat_params, alone.network.flat_params)


def test_a_step_broken_off_after_the_hand_over_leaves_the_helper_in_step():
    """This process failed between handing out a part and taking it back: the helper's answer
    must not be taken as the next run's (it was: every later step one behind, silently)."""
    spec = NetworkSpec.mlp((8, 16, 3))
    x, t = RNG.standard_normal((40, 8)), RNG.integers(0, 3, 40)
    broken = fresh(spec, np.float64)
    original = broken.part_pass
    broken.part_pass = lambda *a, **k: (_ for _ in ()).throw(MemoryError("no room"))
    with pytest.raises(MemoryError), BatchSplit(broken, 40, 1) as split:
        split.train_step(x, t, optimizers.SGD(0.1))
    broken.part_pass = original
    assert helper_process.idle() >= 1
    side, here = fresh(spec, np.float64), fresh(spec, np.float64)
    o_side, o_here = optimizers.SGD(0.1), optimizers.SGD(0.1)
    with BatchSplit(side, 40, 1) as s_side, BatchSplit(here, 40, 1) as s_here:
        for _ in range(5):
            s_side.pace.split, s_side.pace.steps = True, 0
            s_here.pace.split, s_here.pace.steps = False, 0
            assert s_side.train_step(x, t, o_side) == s_here.train_step(x, t, o_here)
    assert np.array_equal(side.flat_params, here.flat_params)


def test_a_helper_that_cannot_build_is_left_waiting_for_the_next():
    (helper,) = helper_process.helpers(1)
    try:
        with pytest.raises(RuntimeError, match="could not build"):
            helper.build(NetworkSpec.mlp((4, 5, 2)), np.dtype(np.float64), "no-such-block", 8)
        helper.park()  # returns at once: the helper waits on its pipe, not in a run
        assert helper.process.is_alive() and not helper.busy
    finally:
        helper.busy = False
    net = fresh(NetworkSpec.mlp((4, 5, 2)), np.float64)
    with BatchSplit(net, 8, 1) as split:  # and it builds the next network
        assert split.helpers
        split.train_step(RNG.standard_normal((8, 4)), RNG.integers(0, 2, 8), optimizers.SGD(0.1))


def test_helpers_that_will_not_start_leave_no_shared_memory(monkeypatch, made_blocks):

    def will_not_start():
        raise OSError(11, "Resource temporarily unavailable")

    monkeypatch.setattr(helper_process, "Helper", will_not_start)
    for helper in list(helper_process._pool):  # none idle: a new one must start
        helper.busy = True
    try:
        net = fresh(NetworkSpec.mlp((4, 5, 2)), np.float64)
        with batch_split.opened(net, 8, 1) as split:
            assert split is None
    finally:
        for helper in helper_process._pool:
            helper.busy = False
    assert made_blocks and left_over(made_blocks) == []


def test_one_helper_dying_hands_the_others_back_alive_and_a_dead_idle_one_is_replaced():
    net = fresh(NetworkSpec.mlp((8, 16, 3)), np.float64)
    x, t = RNG.standard_normal((60, 8)), RNG.integers(0, 3, 60)
    with BatchSplit(net, 60, 2) as split:
        first, second = split.helpers
        split.train_step(x, t, optimizers.SGD(0.1))
        first.process.kill()
        first.process.join()
        split.pace.split, split.pace.steps = True, 0
        split.train_step(x, t, optimizers.SGD(0.1))  # notices, and does the parts here
        assert split.helpers == []
        assert first not in helper_process._pool
        assert second in helper_process._pool and second.process.is_alive()
        assert not second.busy
    second.process.kill()
    second.process.join()
    idle_before = helper_process.idle()
    with BatchSplit(fresh(NetworkSpec.mlp((8, 16, 3)), np.float64), 60, 1) as again:
        assert again.helpers and again.helpers[0] is not second
        assert again.helpers[0].process.is_alive()
    assert second not in helper_process._pool
    assert helper_process.idle() >= idle_before


def test_rows_of_another_source_are_handed_over_and_a_batch_too_large_is_refused():
    from core.training.prepare import prepare

    spec = NetworkSpec.mlp((16, 24, 2))
    made = prepare(byte_images(), spec, (1.0, 0.0, 0.0), 0, False, np.float32)
    other = prepare(byte_images(), spec, (1.0, 0.0, 0.0), 0, False, np.float32)
    split_net, alone = fresh(spec, np.float32), fresh(spec, np.float32)
    rows = np.arange(64)
    t = other.train.t[rows]
    with BatchSplit(split_net, 64, 1, made.train.x) as split:
        split.train_rows(other.train.x, rows, t, optimizers.SGD(0.1))
        with pytest.raises(ValueError, match="65 rows"):
            split.train_step(np.zeros((65, 16), np.float32), np.zeros(65, int),
                             optimizers.SGD(0.1))
    alone.train_step(other.train.x[rows], t, optimizers.SGD(0.1))
    np.testing.assert_allclose(split_net.flat_params, alone.flat_params, atol=1e-6)
