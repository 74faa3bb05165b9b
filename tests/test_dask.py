"""--engine dask: the same records as the local engine, whatever the number of workers, and no
document lost when a worker dies. One LocalCluster of 2 worker processes serves the module
(closed by its fixture); one test starts its own through the CLI, as a user's run does."""

from __future__ import annotations

import json
import os
import pickle
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from framing.cli import main

from .conftest import SEEDS, seed_path
from .corpus_generator import make_corpus

distributed = pytest.importorskip("distributed")


@pytest.fixture(scope="module")
def cluster():
    # No Client is kept open here: each run makes its own, as a user's does.
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                  dashboard_address=None) as local:
        yield local.scheduler_address, local


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    """2,000 generated articles as 8 JSONL partitions, and 50 releases as files."""
    releases, articles = make_corpus(2000, 50)
    root = tmp_path_factory.mktemp("corpus")
    (root / "articles").mkdir()
    (root / "releases").mkdir()
    for part in range(8):
        lines = [json.dumps({"id": i, "text": t}, ensure_ascii=False)
                 for i, t, _ in articles[part * 250:(part + 1) * 250]]
        (root / "articles" / f"part-{part:05d}.jsonl").write_text("\n".join(lines) + "\n",
                                                                  encoding="utf-8")
    for rid, text in releases:
        (root / "releases" / f"{rid}.txt").write_text(text, encoding="utf-8")
    return root


def run(*args) -> str:
    result = CliRunner().invoke(main, list(map(str, args)), catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return result.stdout


def by_id(jsonl: str) -> list[str]:
    return sorted(jsonl.splitlines(), key=lambda line: json.loads(line)["id"])


def test_seeds_on_a_local_cluster_give_the_local_records():
    args = ["score", SEEDS, "--json", "--sources", seed_path("004")]
    local = run(*args)
    on_dask = run(*args, "--engine", "dask", "--workers", "2")
    assert by_id(on_dask) == by_id(local)
    assert on_dask == local  # in input order too


def test_2000_articles_scored_with_reuse_are_the_same_on_2_workers(cluster, corpus):
    address, _ = cluster
    # Lexicon scores: the model runs the same code on either engine; leaving it out keeps
    # the test short.
    args = ["score", corpus / "articles", "--json", "--no-model", "--no-sentences",
            "--sources", corpus / "releases"]
    local = run(*args)
    on_dask = run(*args, "--engine", "dask", "--scheduler", address)
    lines = by_id(on_dask)
    assert len(lines) == 2000
    assert lines == by_id(local)
    reused = [json.loads(line)["reuse"]["kind"] for line in lines]
    assert sum(kind != "none" for kind in reused) > 1000  # the index works on the workers


def test_reuse_and_report_on_dask(cluster, corpus, tmp_path):
    address, _ = cluster
    articles = sorted((corpus / "articles").glob("*.jsonl"))[:2]
    args = ["reuse", *articles, "--json", "--sources", corpus / "releases"]
    assert by_id(run(*args, "--engine", "dask", "--scheduler", address)) == by_id(run(*args))
    reports = {}
    for engine in ("local", "dask"):
        out = tmp_path / engine
        extra = ["--scheduler", address] if engine == "dask" else []
        run("report", articles[0], "--sources", corpus / "releases", "--out", out, "--no-charts",
            "--title", "t", "--engine", engine, "--format", "parquet", *extra)
        reports[engine] = out
    for name in ("scores.jsonl", "scores.csv", "records.jsonl", "passages.csv", "errors.csv",
                 "index.html"):
        assert (reports["dask"] / name).read_bytes() == (reports["local"] / name).read_bytes()
    import pyarrow.parquet as pq

    table = pq.read_table(reports["dask"] / "scores.parquet")
    rows = [json.loads(line) for line in (reports["dask"] / "scores.jsonl").read_text().split("\n")
            if line]
    assert table.column("id").to_pylist() == [r["id"] for r in rows]


def test_duplicate_ids_and_errors_across_partitions(cluster, tmp_path):
    address, _ = cluster
    for i in range(150):  # three partitions
        (tmp_path / f"a{i:03d}.txt").write_text(f"Article {i}. Le gouvernement a salué l'accord.",
                                                encoding="utf-8")
    (tmp_path / "a149.md").write_text("Same id as a149.txt, in the last partition.")
    (tmp_path / "empty.txt").write_text("")
    args = ["score", tmp_path, "missing.txt", "--json", "--no-model"]
    local = CliRunner().invoke(main, list(map(str, args)))
    on_dask = CliRunner().invoke(main, list(map(str, [*args, "--engine", "dask",
                                                      "--scheduler", address])))
    assert local.exit_code == on_dask.exit_code == 1
    assert on_dask.stdout == local.stdout
    assert '"duplicate_id"' in on_dask.stdout


def test_one_big_jsonl_file_is_read_as_several_partitions(cluster, corpus, tmp_path, monkeypatch):
    from framing import engines
    from framing.documents import plan_inputs, splitting

    address, _ = cluster
    big = tmp_path / "big.jsonl"  # 500 articles, 1.4 MB
    parts = sorted((corpus / "articles").glob("*.jsonl"))[:2]
    big.write_bytes(b"".join(part.read_bytes() for part in parts))
    # Parts and partitions of 200 kB rather than 1 MB: the same cuts, in a file small enough to
    # score twice.
    monkeypatch.setattr(splitting, "PART_BYTES", 200_000)
    monkeypatch.setattr(engines, "PARTITION_BYTES", 200_000)
    assert len(engines._partitions(plan_inputs([str(big)])[1])) >= 6
    args = ["score", big, "--json", "--no-model", "--no-sentences"]
    local = run(*args)
    assert run(*args, "--engine", "dask", "--scheduler", address) == local
    assert len(local.splitlines()) == 500


def test_parquet_input_gives_the_records_of_the_same_jsonl(cluster, corpus, tmp_path):
    import pyarrow as pa
    import pyarrow.parquet as pq

    address, _ = cluster
    lines = (corpus / "articles" / "part-00000.jsonl").read_text(encoding="utf-8").splitlines()
    (tmp_path / "articles.jsonl").write_text("\n".join(lines[:100]) + "\n", encoding="utf-8")
    rows = pa.Table.from_pylist([json.loads(line) for line in lines[:100]])
    pq.write_table(rows, tmp_path / "articles.parquet", row_group_size=20)
    args = ["--json", "--no-model", "--no-sentences"]
    local = run("score", tmp_path / "articles.parquet", *args)
    assert run("score", tmp_path / "articles.parquet", *args, "--engine", "dask",
               "--scheduler", address) == local

    def as_read_from_anywhere(line):
        record = json.loads(line)
        record["path"] = None
        meta = record["meta"]
        record["meta"] = {k: v for k, v in meta.items() if k not in ("format", "encoding")}
        return record

    from_jsonl = run("score", tmp_path / "articles.jsonl", *args)
    assert list(map(as_read_from_anywhere, local.splitlines())) == list(
        map(as_read_from_anywhere, from_jsonl.splitlines()))


def test_parquet_output_of_score(cluster, tmp_path):
    address, _ = cluster
    run("score", SEEDS, "--no-model", "--out", tmp_path, "--format", "parquet", "--format", "csv",
        "--engine", "dask", "--scheduler", address)
    import pyarrow.parquet as pq

    table = pq.read_table(tmp_path / "scores.parquet")
    assert sorted(table.column("id").to_pylist()) == sorted(p.stem for p in SEEDS.glob("*.txt"))
    assert (tmp_path / "scores.csv").exists() and not (tmp_path / "scores.jsonl").exists()


def test_engine_usage_errors(monkeypatch):
    runner = CliRunner()
    result = runner.invoke(main, ["score", str(SEEDS), "--scheduler", "tcp://127.0.0.1:1"])
    assert result.exit_code == 2 and "--engine dask" in result.output
    monkeypatch.setitem(sys.modules, "distributed", None)  # as if Dask were not installed
    result = runner.invoke(main, ["score", str(SEEDS), "--engine", "dask"])
    assert result.exit_code == 2 and "pip install 'framing[dask]'" in result.output


def test_reuse_among_on_dask_gives_the_local_output(cluster, tmp_path):
    """Seeds (French and English: translations), a reprint under another name, an empty file."""
    address, _ = cluster
    for path in SEEDS.glob("*.txt"):
        (tmp_path / path.name).write_bytes(path.read_bytes())
    (tmp_path / "reprint.txt").write_bytes(seed_path("004").read_bytes())
    (tmp_path / "empty.txt").write_text("")
    for extra in ([], ["--json"]):
        args = ["reuse", tmp_path, "--among", *extra]
        local = CliRunner().invoke(main, list(map(str, args)))
        on_dask = CliRunner().invoke(main, list(map(str, [*args, "--engine", "dask",
                                                          "--scheduler", address])))
        assert local.exit_code == on_dask.exit_code == 1  # empty.txt
        assert on_dask.stdout == local.stdout
    records = {r["id"]: r["reuse"] for r in map(json.loads, on_dask.stdout.splitlines())
               if "reuse" in r}
    assert records["reprint"]["identical_to"] == seed_path("004").stem
    assert records[seed_path("001").stem]["kind"] == "translated"


@pytest.fixture(scope="module")
def copies(tmp_path_factory):
    """300 generated articles as files (5 partitions), most reprinting passages of 20 releases:
    more than half share passages with other articles."""
    _, articles = make_corpus(300, 20)
    root = tmp_path_factory.mktemp("copies")
    for article_id, text, _ in articles:
        (root / f"{article_id}.txt").write_text(text, encoding="utf-8")
    return root


def test_reuse_among_of_300_articles_on_dask_is_the_local_output(cluster, copies):
    address, _ = cluster
    args = ["reuse", copies, "--among", "--json"]
    local = run(*args)
    assert run(*args, "--engine", "dask", "--scheduler", address) == local
    clusters = [json.loads(line)["reuse"]["cluster"] for line in local.splitlines()]
    assert sum(c is not None for c in clusters) > 150


def test_no_task_of_reuse_among_holds_the_whole_corpus(cluster, copies):
    from framing.documents import read_documents
    from framing.reuse import among, prepare, shingles
    from framing.reuse.shuffle import among_on_dask

    address, _ = cluster
    documents = list(read_documents([str(copies)]))
    sizes = {}
    _, found = among_on_dask([copies], {}, scheduler=address, group_texts=60, sizes=sizes)
    assert found == among([(d.id, d.text) for d in documents])
    n = len(documents)
    # Workers read partitions, a bucket holds its share of the shingles, and an align task
    # receives at most 60 prepared articles: the articles it compares and their partners.
    assert len(sizes["read"]) == 5 and max(sizes["read"]) <= 64
    distinct = {h for d in documents for _, h in shingles(prepare(d.id, d.text).keys)}
    assert len(sizes["reduce"]) >= 5 and sum(sizes["reduce"]) == len(distinct)
    assert max(sizes["reduce"]) < len(distinct) / 3
    assert max(sizes["align"]) <= 60 < n and len(sizes["align"]) > n // 30  # 10 ranges


def test_a_source_index_unpickled_with_another_hash_seed_finds_the_same_reuse(tmp_path):
    from framing.reuse import SourceIndex

    release = seed_path("004").read_text(encoding="utf-8")
    article = seed_path("001").read_text(encoding="utf-8")
    index = SourceIndex([("release", release), ("other", article[:400])])
    (tmp_path / "index.pickle").write_bytes(pickle.dumps(index))
    (tmp_path / "article.txt").write_text(article, encoding="utf-8")
    code = ("import json, pickle, sys; d = sys.argv[1]; "
            "index = pickle.load(open(d + '/index.pickle', 'rb')); "
            "print(json.dumps(index.compare(open(d + '/article.txt').read(), 'a').to_dict()))")
    seed = "2" if os.environ.get("PYTHONHASHSEED") == "1" else "1"
    out = subprocess.run([sys.executable, "-c", code, str(tmp_path)], capture_output=True,
                         text=True, check=True, env={**os.environ, "PYTHONHASHSEED": seed})
    found = json.loads(out.stdout)
    assert found == index.compare(article, "a").to_dict() and found["passages"]


def test_relative_paths_are_read_by_workers_running_in_another_folder(cluster, tmp_path,
                                                                      monkeypatch):
    import shutil

    address, _ = cluster
    (tmp_path / "in").mkdir()
    for n in ("001", "003"):
        shutil.copy(seed_path(n), tmp_path / "in")
    monkeypatch.chdir(tmp_path)  # the workers stay in the folder they started in
    local = run("score", "in", "--json")
    on_dask = run("score", "in", "--json", "--engine", "dask", "--scheduler", address)
    assert on_dask == local
    assert '"error"' not in local and local.count('"path": "in/') == 2


def _group_alive(pgid: int) -> list[int]:
    """The processes of process group `pgid` that have not ended (zombies have), from /proc."""
    alive = []
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                with open(f"/proc/{entry}/stat") as f:
                    fields = f.read().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if int(fields[2]) == pgid and fields[0] != "Z":
                alive.append(int(entry))
    return alive


@pytest.mark.parametrize("stop", ["ctrl-c", "sigterm"])
def test_a_dask_report_stopped_by_ctrl_c_or_sigterm_leaves_the_last_report_and_no_worker(
        tmp_path, stop):
    """`framing report --engine dask` over a report, while its LocalCluster's 2 workers score:
    a real SIGINT to the whole process group (Ctrl-C), or a real SIGTERM to the command alone
    (`kill PID`). Status 130 / 143, framing's one line on stderr and nothing of the stop
    before it (the workers leave Ctrl-C to the command, and do not log the tasks cancelled), the last report whole, its lock released, no staging
    folder, and no process of the run (workers, nannies, helpers) alive soon after."""
    from framing.report_folder import CHECKPOINT, LOCK

    from .corpus_generator import sentence_articles
    from .test_faults_writer import _framing, _snapshot, _wait

    corpus = sentence_articles(tmp_path / "corpus", 600)
    out = tmp_path / "report"
    assert CliRunner().invoke(main, ["report", str(seed_path("001")), "--out", str(out),
                                     "--quiet"]).exit_code == 0
    before = _snapshot(out)
    process = _framing("report", corpus, "--out", out, "--quiet", "--engine", "dask",
                       "--workers", "2")
    checkpoint = out / CHECKPOINT

    def scoring():  # records coming back from the workers
        try:
            return checkpoint.read_bytes().count(b"\n") > 10
        except OSError:
            return False

    _wait(lambda: scoring() or process.poll() is not None, "the workers' first records", 60)
    assert process.poll() is None, process.communicate()
    assert len(_group_alive(process.pid)) >= 3  # the command and its 2 worker processes
    if stop == "ctrl-c":
        os.killpg(process.pid, signal.SIGINT)
    else:
        os.kill(process.pid, signal.SIGTERM)
    _, stderr = process.communicate(timeout=60)
    status, word = (130, "interrupted") if stop == "ctrl-c" else (143, "terminated")
    assert process.returncode == status, stderr
    assert "Traceback" not in stderr, stderr
    lines = stderr.strip().splitlines()
    assert lines[-1].startswith(f"framing: {word}"), stderr
    # Before it, only what a run prints as it starts (Dask's warning that port 8787 is taken,
    # when another cluster runs here, as this module's does): nothing of the stop.
    assert not [line for line in lines[:-1] if "Traceback" in line or "Interrupt" in line
                or "Cancelled" in line or " - WARNING - " in line], stderr
    _wait(lambda: not _group_alive(process.pid), "the end of every process of the run", 15)
    assert _snapshot(out) == before
    assert not (out / LOCK).exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["corpus", "report"]
    assert not list(out.rglob("*.tmp"))


# How long the kill test's function takes over each document: long enough that the test sees a
# worker inside a partition and kills it there, short enough that the test stays quick.
PER_DOCUMENT_S = 0.05


def marked_slowly(document, markers: str) -> int:
    """The kill test's function (module level: the workers import it): leaves a marker named
    (document id, worker pid, time) as it starts a document, takes PER_DOCUMENT_S over it, and
    returns the pid, so that the test knows who computed the result it kept."""
    pid = os.getpid()
    Path(markers, f"{document.id}.{pid}.{time.time_ns()}").touch()
    time.sleep(PER_DOCUMENT_S)
    return pid


def kill_mid_partition(markers: Path, received: list, killed: dict, done: threading.Event
                       ) -> None:
    """SIGKILL the first worker seen starting its fourth document less than a quarter PER_DOCUMENT_S
    ago: it is then inside that document, so inside a partition's task, with work done."""
    while not done.is_set():
        names = [name.split(".") for name in os.listdir(markers)]
        for doc_id, pid, started in names:
            mine = [d for d, p, _ in names if p == pid]
            if len(mine) >= 4 and time.time_ns() - int(started) < PER_DOCUMENT_S / 4 * 1e9:
                arrived = set(received)
                os.kill(int(pid), signal.SIGKILL)
                killed.update(pid=int(pid), doc=doc_id, started=mine, arrived=arrived,
                              inside_for=(time.time_ns() - int(started)) / 1e9)
                return
        time.sleep(0.002)


def test_a_killed_worker_loses_no_document(cluster, tmp_path):
    """Last: it kills one of the module cluster's worker processes in the middle of a partition
    (its nanny restarts it); the partition is computed again, and every input still has exactly
    one result."""
    from framing.engines import map_documents

    address, local = cluster
    markers = tmp_path / "markers"
    markers.mkdir()
    inputs = tmp_path / "inputs"
    inputs.mkdir()
    ids = [f"doc{i:03d}" for i in range(128)]  # two partitions of 64 files
    for doc_id in ids:
        (inputs / f"{doc_id}.txt").write_text(f"Article {doc_id}.", encoding="utf-8")
    workers = [nanny.process.pid for nanny in local.workers.values()]
    received, kept, killed, done = [], {}, {}, threading.Event()
    killer = threading.Thread(target=kill_mid_partition, args=(markers, received, killed, done))
    started = time.monotonic()
    killer.start()
    try:
        for document, pid in map_documents(marked_slowly, [inputs], {}, str(markers),
                                           engine="dask", scheduler=address):
            received.append(document.id)
            kept[document.id] = pid
    finally:
        done.set()
        killer.join()
    assert killed, "no worker was seen inside a partition"
    assert killed["pid"] in workers
    # The worker died inside the document it had started, before its partition's results came.
    assert killed["inside_for"] < PER_DOCUMENT_S
    assert killed["doc"] not in killed["arrived"]
    # What it had started and not delivered was computed again by another process, and only
    # that result was kept.
    lost = [d for d in killed["started"] if d not in killed["arrived"]]
    assert killed["doc"] in lost
    for doc_id in lost:
        computed_by = {int(m.split(".")[1]) for m in os.listdir(markers)
                       if m.startswith(doc_id + ".")}
        assert killed["pid"] in computed_by and len(computed_by) >= 2
        assert kept[doc_id] != killed["pid"]
    assert received == ids  # each once, in reading order
    assert time.monotonic() - started < 30

