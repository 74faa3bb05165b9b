"""framing.engines: the executor knows nothing of the command line; locally it gives every
document and its result in reading order, and it cuts the inputs into partitions for Dask
(which tests/test_dask.py runs)."""

import subprocess
import sys

import pytest

from framing.engines import EngineError, check_engine

from .conftest import ROOT


def test_engines_imports_no_command_line_library():
    code = "import sys, framing.engines; print('click' in sys.modules)"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          check=True)
    assert done.stdout.strip() == "False"


def test_engine_options_that_do_not_go_together_are_a_plain_error_for_library_callers():
    with pytest.raises(EngineError, match="need --engine dask"):
        check_engine("local", "tcp://127.0.0.1:8786")
    with pytest.raises(ValueError, match="has the workers it has"):
        check_engine("dask", "tcp://127.0.0.1:8786", workers=2)
    check_engine("local", None)  # nothing to refuse


def test_jobs_with_dask_is_refused_since_the_cluster_has_its_own_workers():
    with pytest.raises(EngineError, match="--workers"):
        check_engine("dask", None, jobs=2)


def _process(document, shared):
    """What a worker knows: its process id, and the shared state it was given."""
    import os

    return os.getpid(), shared


def test_local_jobs_share_the_documents_out_and_keep_the_reading_order(tmp_path):
    import os

    from framing.engines import PARTITION_FILES, map_documents

    n = 2 * PARTITION_FILES + 3  # three partitions: the pool has work for two processes
    for i in range(n):
        (tmp_path / f"a{i:03d}.txt").write_text(f"Article {i}.", encoding="utf-8")
    (tmp_path / "a000 copy.txt").write_text("Same id? no: another stem.", encoding="utf-8")
    serial = list(map_documents(_process, [tmp_path], {}, "state"))
    pooled = list(map_documents(_process, [tmp_path], {}, "state", jobs=2))
    assert [d.id for d, _ in pooled] == [d.id for d, _ in serial]
    assert [d.text for d, _ in pooled] == [d.text for d, _ in serial]
    assert len(pooled) == n + 1
    # Run in the pool's processes, not here (which of the two takes which partition is theirs
    # to decide: one may take all three).
    pids = {pid for _, (pid, _) in pooled}
    assert os.getpid() not in pids
    assert {state for _, (_, state) in pooled} == {"state"}


def test_score_jobs_prints_the_same_records_as_one_process(tmp_path):
    from click.testing import CliRunner

    from framing.cli import main
    from tests.corpus_generator import sentence_articles

    sentence_articles(tmp_path, 140)  # three partitions: both processes get work
    runner = CliRunner()
    one = runner.invoke(main, ["score", "--json", "--no-model", str(tmp_path)])
    two = runner.invoke(main, ["score", "--json", "--no-model", "--jobs", "2", str(tmp_path)])
    assert one.exit_code == two.exit_code == 0
    assert two.output == one.output and one.output.count("\n") == 140


def word_count(document, shared):
    """map_documents' function in the tests: the shared value and the document's words, or its
    error code."""
    return document.error.code if document.error else (shared, len(document.text.split()))


def test_the_local_engine_gives_each_document_and_its_result_in_reading_order(tmp_path):
    from framing.documents import read_documents
    from framing.engines import map_documents

    (tmp_path / "a.txt").write_text("Le conseil a voté mardi.", encoding="utf-8")
    (tmp_path / "b.txt").write_text("Le pont ouvrira en mai.", encoding="utf-8")
    (tmp_path / "c.txt").write_text("", encoding="utf-8")
    paths = [str(tmp_path), str(tmp_path / "a.txt")]  # a.txt twice: a duplicate id
    lengths, done = [], []
    results = list(map_documents(word_count, paths, {}, "lexicon", progress=done.append,
                                 progress_length=lengths.append))
    assert [(d.id, r) for d, r in results] == [
        ("a", ("lexicon", 5)), ("b", ("lexicon", 5)), ("c", "empty"), ("a", "duplicate_id")]
    assert [d for d, _ in results] == list(read_documents(paths))
    assert lengths == [4] and sum(done) == 4  # four files planned, four done


def test_partitions_hold_at_most_64_files_or_1_mb(tmp_path):
    from framing.engines import plan_partitions

    small = tmp_path / "small"
    small.mkdir()
    for i in range(130):
        (small / f"a{i:03d}.txt").write_text(f"Article {i}.", encoding="utf-8")
    _, partitions = plan_partitions([str(small)], {})
    assert [len(p) for p in partitions] == [64, 64, 2]
    big = tmp_path / "big"
    big.mkdir()
    for i in range(5):
        (big / f"b{i}.txt").write_text("mot " * 100_000, encoding="utf-8")  # 400 kB each
    _, partitions = plan_partitions([str(big)], {})
    assert [len(p) for p in partitions] == [2, 2, 1]


def test_batch_gc_raises_only_the_young_generation_threshold():
    import gc

    from framing.engines import batch_gc

    before = gc.get_threshold()
    try:
        gc.set_threshold(700, 7, 9)
        batch_gc()
        assert gc.get_threshold() == (10_000, 7, 9)
    finally:
        gc.set_threshold(*before)


def _parent(document, shared):
    """map_documents' function: the worker's parent process and the shared value."""
    import os

    return os.getppid(), shared


def _two_partitions(folder) -> None:
    from framing.engines import PARTITION_FILES

    for i in range(PARTITION_FILES + 1):
        (folder / f"a{i:03d}.txt").write_text(f"Article {i}.", encoding="utf-8")


def test_workers_are_forked_from_this_process_when_it_runs_one_thread(tmp_path):
    """In a fresh process (this one may hold an earlier test's threads), with one thread: the
    workers' parent is that process."""
    _two_partitions(tmp_path)
    script = ("import os, sys\n"
              "from framing.engines import map_documents, start_method\n"
              "from tests.test_engines import _parent\n"
              "assert start_method() == 'fork'\n"
              "done = map_documents(_parent, [sys.argv[1]], {}, 's', jobs=2)\n"
              "assert {parent for _, (parent, _) in done} == {os.getpid()}\n")
    result = subprocess.run([sys.executable, "-c", script, str(tmp_path)], cwd=ROOT,
                            capture_output=True, text=True, timeout=120, check=False)
    assert result.returncode == 0, result.stderr


def test_workers_start_from_a_fork_server_when_other_threads_run(tmp_path):
    """A fork copies the locks other threads hold (Jupyter's, a Dask client's), and a worker
    needing one waits forever: a run of the suite hung so in `--jobs` after the Dask tests. With
    a second thread alive, the workers come from a fork server (their parent is not this
    process), get the shared state all the same, and give the same results as one process."""
    import os
    import threading

    from framing.engines import PARTITION_FILES, map_documents, start_method

    _two_partitions(tmp_path)
    stop = threading.Event()
    other = threading.Thread(target=stop.wait)
    other.start()
    try:
        assert start_method() == "forkserver"
        served = list(map_documents(_parent, [tmp_path], {}, {"lexicon": "x"}, jobs=2))
    finally:
        stop.set()
        other.join()
    assert os.getpid() not in {parent for _, (parent, _) in served}
    assert [state for _, (_, state) in served] == [{"lexicon": "x"}] * (PARTITION_FILES + 1)
