"""The one executor: where the documents are analysed. Here (one process, or `jobs=N` forked
processes), or on a Dask cluster (`--engine dask`: a LocalCluster on this machine, or
`--scheduler tcp://HOST:8786`).

    map_documents(func, paths, read_options, shared, engine=..., jobs=..., scheduler=...,
                  workers=...)

yields `(document, func(document, shared))` for every document `read_documents` would read, in
the same order, with the same documents, whatever the engine: the results do not depend on where
they were computed. With more than one process the inputs are planned here (paths, and where a
big CSV/JSONL/Parquet file may be cut: see documents.plan_inputs), cut into partitions of files
and parts of files, and each worker reads its partitions itself (on Dask the workers must see the
same paths: one machine, or a shared file system). `shared` (a pipeline.Scorer: lexicon, model,
source index) reaches each worker once, not with each task: forked processes inherit it; on Dask
it is pickled once here and sent once to every worker, and each worker unpickles it once. The LocalCluster
framing starts has Dask's monitoring quieted (LOCAL_CLUSTER_CONFIG): it would take CPU from the
analysis. A worker that dies has its partitions run again elsewhere, and each partition's
results are taken once, so no document is lost or doubled. The LocalCluster's workers leave
Ctrl-C to the command, which closes the cluster (dask_setup).

Dask is imported only when asked for (`pip install 'framing[dask]'`).
"""

from __future__ import annotations

import os
import pickle
import threading
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from framing.documents.planning import Unit
    from framing.documents.source import ReadOptions

ENGINES = ("local", "dask")
# A partition: at most this many files, or this many bytes, whichever comes first. Small enough
# that a worker's memory does not depend on the corpus, large enough that the scheduler's cost
# per task (about a millisecond) is small beside the work.
PARTITION_FILES = 64
PARTITION_BYTES = 1_000_000
# Dask's own monitoring, which framing never reads, set quieter on the LocalCluster framing
# starts: on a small machine it takes CPU from the analysis. Each process checks its event loop
# every 20 ms and polls psutil every 0.5 s, and each worker stops its computing thread every
# 10 ms to walk its stack for the dashboard's profile (measured on 2 cores: about a tenth of a
# worker's time on framing's deep Python stacks).
LOCAL_CLUSTER_CONFIG = {
    "distributed.worker.profile.enabled": False,
    "distributed.admin.tick.interval": "1s",
    "distributed.admin.system-monitor.interval": "5s",
}
# The command line's cyclic garbage collector scans the young generation every 10,000 net new
# containers, not Python's 700: a Dask client unpickles every partition's records (thousands of
# small objects each) while holding the source index, and one pass in ten at 700 walks the older
# objects too. Unpickling 1,000 records took 0.23 s, now 0.07 s; the scoring itself is no faster
# (benchmarks/gc_threshold.py). Cycles are still collected, less often.
BATCH_GC_THRESHOLD = 10_000

def batch_gc() -> None:
    """BATCH_GC_THRESHOLD for this process: the command line's, not a library caller's."""
    import gc

    _, older, oldest = gc.get_threshold()
    gc.set_threshold(BATCH_GC_THRESHOLD, older, oldest)


class EngineError(ValueError):
    """Engine options that do not go together, or Dask missing (the command line's usage
    error, exit status 2)."""


def check_engine(engine: str, scheduler: str | None, workers: int | None = None,
                 jobs: int = 1) -> None:
    """Refuse --scheduler/--workers without --engine dask, --jobs with it (the cluster has its
    workers), and --engine dask without Dask."""
    if engine == "dask" and jobs > 1:
        raise EngineError("--jobs counts local processes; on Dask, size the cluster with "
                          "--workers")
    if engine != "dask":
        if scheduler or workers:
            raise EngineError("--scheduler and --workers need --engine dask")
        return
    if scheduler and workers:
        raise EngineError("--workers sizes a LocalCluster; an existing cluster (--scheduler) "
                          "has the workers it has")
    try:
        import dask  # noqa: F401
        import distributed  # noqa: F401
    except ImportError as err:
        raise EngineError("--engine dask needs Dask: pip install 'framing[dask]'") from err


def map_documents(func: Callable, paths: Iterable[str | os.PathLike], read_options: dict,
                  shared: object = None, *,
                  engine: str = "local", jobs: int = 1, scheduler: str | None = None,
                  workers: int | None = None, progress: Callable[[int], None] | None = None,
                  progress_length: Callable[[int], None] | None = None) -> Iterator[tuple]:
    """(document, func(document, shared)) for each document of `paths`, in reading order.

    `func` must be a module-level function (it is pickled for other processes). `jobs`: local
    processes. `progress(n)` is called as n more files are done; `progress_length(total)` once
    the number of files is known."""
    from framing.documents import flag_duplicates, plan_inputs, read_unit

    options, units = plan_inputs(list(paths), **read_options)
    if progress_length:
        progress_length(len(units))
    flag = flag_duplicates()
    if engine == "dask" or jobs > 1:
        options, partitions = worker_plan(options, units)
        if engine == "dask":
            results = _dask_results(partitions, options, func, shared, scheduler, workers,
                                    progress)
        else:
            results = _pool_results(partitions, options, func, shared, jobs, progress)
        for partition_results in results:
            for document, result in partition_results:
                yield _checked(flag, document, result, func, shared)
        return
    for unit in units:
        for document in read_unit(unit, options):
            document = flag(document)
            yield document, func(document, shared)
        if progress:
            progress(1)


def _checked(flag, document, result, func, shared):
    """A worker cannot know that an id came earlier in another partition: a duplicate is flagged
    here, in reading order, and gets the error record a local run gives it."""
    flagged = flag(document)
    if flagged is not document:
        return flagged, func(flagged, shared)
    return document, result


def _partitions(units: list) -> list[list]:
    partitions: list[list] = []
    current: list = []
    size = 0
    for unit in units:
        unit_size = _size(unit)
        if current and (len(current) >= PARTITION_FILES or size + unit_size > PARTITION_BYTES):
            partitions.append(current)
            current, size = [], 0
        current.append(unit)
        size += unit_size
    if current:
        partitions.append(current)
    return partitions


def _size(unit) -> int:
    if hasattr(unit, "size"):  # a part of a big file
        return unit.size
    path = getattr(unit, "path", None)
    if path is None or not hasattr(unit, "fmt"):
        return len(getattr(unit, "text", "")) + 1
    try:
        return os.path.getsize(path)
    except OSError:
        return 1


@dataclass(frozen=True)
class Batch:
    """A task's result sent in one piece: distributed sends a list, tuple, set or dict result
    item by item, about 50 microseconds each."""

    items: object


def run_partition(units: list[Unit], options: ReadOptions, func: Callable,
                  shared: tuple[str, bytes]) -> Batch:
    """On a worker: read the partition's files and apply `func` to each document. `shared` is
    (key, pickled shared state): unpickled by the worker's first partition of the run."""
    from framing.documents import read_unit

    state = _unpickled(*shared)
    return Batch([(document, func(document, state))
                  for unit in units for document in read_unit(unit, options)])


# On a worker: the shared state of the current run, by key (one run at a time is kept).
_SHARED: dict = {}
_SHARED_LOCK = threading.Lock()


def _unpickled(key: str, pickled: bytes):
    with _SHARED_LOCK:
        if key not in _SHARED:
            _SHARED.clear()
            _SHARED[key] = pickle.loads(pickled)
        return _SHARED[key]


def _pool_results(partitions, options, func, shared, jobs: int, progress):
    """Each partition's results, in partition order, from `jobs` processes (_forked_pool). The
    shared state is put where run_partition finds it before the processes start: forked ones
    inherit it, those from a fork server unpickle it once."""
    import uuid

    key = uuid.uuid4().hex
    with _SHARED_LOCK:
        _SHARED.clear()
        _SHARED[key] = shared
    try:
        if len(partitions) < 2:  # nothing to share out
            yield from (_run_task((p, options, func, (key, b""))).items for p in partitions)
            return
        with _forked_pool(min(jobs, len(partitions)), (key, shared)) as pool:
            tasks = [(partition, options, func, (key, b"")) for partition in partitions]
            for partition, batch in zip(partitions, pool.imap(_run_task, tasks)):
                if progress:
                    progress(len(partition))
                yield batch.items
    finally:
        with _SHARED_LOCK:
            _SHARED.pop(key, None)


def start_method() -> str:
    """How the workers of `jobs=N` start: forked from this process when it runs one thread (they
    inherit the shared state, nothing is pickled); from a fork server when other threads run
    (Jupyter's, a Dask client's, a library's): a fork copies the locks those threads hold, and
    a worker needing one would wait forever."""
    return "fork" if threading.active_count() == 1 else "forkserver"


@contextmanager
def _forked_pool(processes: int, shared: tuple) -> Iterator:
    """A Pool (see start_method) whose workers hold the run's `shared` state (key, value) and
    leave Ctrl-C and SIGTERM to the parent (which stops the pool).
    A worker killed by a signal sent to the whole process group could die holding the pool's
    task-queue lock, and stopping the pool would then wait for it forever: so a worker ends on
    SIGTERM only once the parent is stopping the pool (`stopping`, shared memory), when the pool
    itself sends it. SIGINT and SIGTERM are held back while the workers are forked: one arriving
    during a fork would be raised in Python's at-fork hooks, where it is printed and lost (the
    run would go on), or in a worker before it ignores it."""
    import multiprocessing
    import signal

    method = start_method()
    context = multiprocessing.get_context(method)
    stopping = context.RawValue("b", 0)
    # A forked worker inherits the shared state; one from the fork server unpickles it once.
    key, value = shared
    pickled = b"" if method == "fork" else pickle.dumps(value, pickle.HIGHEST_PROTOCOL)
    pool, finished = None, False
    try:
        held = signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT, signal.SIGTERM})
        try:
            pool = context.Pool(processes, initializer=_start_worker,
                                initargs=(stopping, key, pickled))
        finally:
            signal.pthread_sigmask(signal.SIG_SETMASK, held)  # a held signal is raised here
        yield pool
        # At the end, each worker takes its stop sentinel and exits. Pool.terminate() then
        # would first take the task queue's lock, which an idle worker holds while it waits
        # for a task: under load the run sometimes hung there for good.
        pool.close()
        pool.join()
        finished = True
    finally:  # (also when a held signal is raised: the workers are stopped all the same)
        stopping.value = 1
        if pool is not None and not finished:
            _stop(pool)


# How long stopping a pool may take before its workers are killed (seconds).
STOP_WAIT = 5.0


def _stop(pool) -> None:
    """Pool.terminate(), bounded. Stopped as its workers start (Ctrl-C, SIGTERM), terminate()
    can wait for ever: a worker it ends while that worker holds the task queue's lock leaves
    another worker, and terminate()'s join of it, waiting for that lock (a fresh-clone run of
    the Ctrl-C test hung there). So terminate() runs in a thread; past STOP_WAIT the workers
    left are killed, which ends the join, and the run goes on to exit either way."""
    import signal
    import threading

    stopper = threading.Thread(target=pool.terminate, name="framing-pool-stop", daemon=True)
    stopper.start()
    stopper.join(STOP_WAIT)
    if stopper.is_alive():
        for process in list(pool._pool):  # the pool's worker processes (no public name)
            if process.exitcode is None:
                try:
                    os.kill(process.pid, signal.SIGKILL)
                except ProcessLookupError:
                    pass
        stopper.join(STOP_WAIT)


def _start_worker(stopping, key: str, pickled: bytes) -> None:
    _leave_signals_to_parent(stopping)
    if pickled:
        _unpickled(key, pickled)


def _leave_signals_to_parent(stopping) -> None:
    """In a forked worker: Ctrl-C and `kill -- -PGID` reach the whole process group, but only
    the parent acts on them (it stops the pool); workers would each print a traceback. The
    pool's own SIGTERM, once `stopping` is set, ends the worker."""
    import signal

    def terminate(signum, frame):
        if stopping.value:
            os._exit(128 + signum)

    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, terminate)
    signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGINT, signal.SIGTERM})


def _run_task(task: tuple) -> Batch:
    return run_partition(*task)


def _dask_results(partitions, options, func, shared, scheduler, workers, progress):
    """Each partition's results, in partition order, as the cluster finishes them."""
    import uuid

    import cloudpickle
    from distributed import as_completed

    with dask_client(scheduler, workers) as client:
        # Once to every worker, pickled here: Dask would unpickle an object on the first worker
        # and pickle it again there for the next, one after the other, while the others wait.
        # Bytes are passed on as they are and unpickled by each worker at once. (A list:
        # scatter would send a tuple's items one by one.)
        pickled = (uuid.uuid4().hex, cloudpickle.dumps(shared, protocol=pickle.HIGHEST_PROTOCOL))
        [shared_future] = client.scatter([pickled], broadcast=True, hash=False)
        futures = [client.submit(run_partition, partition, options, func, shared_future,
                                 pure=False) for partition in partitions]
        position = {future.key: i for i, future in enumerate(futures)}
        done: dict[int, list] = {}
        following = 0
        for future in as_completed(futures):
            i = position[future.key]
            done[i] = future.result().items
            futures[i] = None  # the cluster may forget it once it is taken
            future.release()
            if progress:
                progress(len(partitions[i]))
            while following in done:
                yield done.pop(following)
                following += 1


class dask_client:
    """A distributed.Client on `scheduler`, or on a LocalCluster of `workers` processes (one
    thread each) that is closed on exit."""

    def __init__(self, scheduler: str | None = None, workers: int | None = None):
        self.scheduler, self.workers = scheduler, workers
        self.cluster = self.client = None

    def __enter__(self):
        import logging

        import dask
        from distributed import Client, LocalCluster

        if self.scheduler:
            self.client = Client(self.scheduler, timeout="30s")
        else:
            # Dask's own logs would cover the progress bar; its warnings still show.
            logging.getLogger("distributed").setLevel(logging.ERROR)
            # Each worker runs this module's dask_setup as it starts (a preload): see there.
            with dask.config.set(LOCAL_CLUSTER_CONFIG):  # the workers take it at start
                self.cluster = LocalCluster(n_workers=self.workers or os.cpu_count() or 1,
                                            threads_per_worker=1, processes=True,
                                            dashboard_address=None, preload=[__name__])
            self.client = Client(self.cluster)
        return self.client

    def __exit__(self, *exc):
        if self.client is not None:
            self.client.close()
        if self.cluster is not None:
            self.cluster.close()
        return False


def dask_setup(worker: object) -> None:
    """In each worker of the LocalCluster framing starts (Dask runs a preload module's
    dask_setup as the worker starts): Ctrl-C reaches the whole process group, but only the
    command acts on it (it closes the cluster, which stops its workers), as with --jobs; a
    worker would print a traceback. A worker still starting (before this runs) does not yet
    ignore it. A worker logs nothing below CRITICAL: a task's error reaches the command through
    the client anyway, and a stopped run's workers would each log, under framing's one line,
    the tasks cancelled and, when the scheduler has gone first, a heartbeat traceback (ERROR)."""
    import logging
    import signal
    import threading

    logging.getLogger("distributed").setLevel(logging.CRITICAL)
    if threading.current_thread() is threading.main_thread():
        signal.signal(signal.SIGINT, signal.SIG_IGN)


def plan_partitions(paths: Iterable[str | os.PathLike],
                    read_options: dict) -> tuple[ReadOptions, list[list[Unit]]]:
    """(reading options for the workers, partitions of input units): the inputs planned and cut
    as map_documents does it, for a Dask computation that runs its own tasks on them."""
    from framing.documents import plan_inputs

    return worker_plan(*plan_inputs(list(paths), **read_options))


def worker_plan(options: ReadOptions,
                units: list[Unit]) -> tuple[ReadOptions, list[list[Unit]]]:
    """(the reading options workers get, the units cut into partitions)."""
    return replace(options, stdin=None), _partitions(units)  # stdin was read here, into units
