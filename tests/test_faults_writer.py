"""The writer's side of the fault suite (issue 14): what framing writes stays safe and whole when
the input is hostile, the run is interrupted, the disk is full or two runs share one folder.
Each test plants the real fault: a real signal to a real process, a write that really fails,
two real processes."""

from __future__ import annotations

import csv
import errno
import json
import os
import re

import pytest
from click.testing import CliRunner

from framing.cli import main
from framing.outputs import FORMULA_PREFIXES, csv_cell, plain_cell
from framing.report_folder import CHECKPOINT, LOCK

from .conftest import ROOT, SEEDS, seed_path
from .corpus_generator import sentence_articles

RELEASE = seed_path("004")


def run(*args):
    return CliRunner().invoke(main, list(map(str, args)), catch_exceptions=False)


# --- CSV cells -------------------------------------------------------------------------------


def test_a_carriage_return_inside_a_cell_does_not_end_the_row(tmp_path):
    """A title or outlet holding a bare CR: every CSV reader (Python, pandas, spreadsheets)
    reads scores.csv back with one row per article and the CR inside its cell."""
    from framing.charts import load_rows

    text = seed_path("001").read_text("utf-8")
    rows = [{"id": "a", "title": "one\rtwo", "outlet": "x\r", "text": text},
            {"id": "b", "title": "three\r\nfour", "text": text}]
    corpus = tmp_path / "cr.jsonl"
    corpus.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    out = tmp_path / "report"
    assert run("report", corpus, "--out", out, "--no-charts", "--quiet").exit_code == 0
    with (out / "scores.csv").open(encoding="utf-8", newline="") as f:
        read = list(csv.DictReader(f))
    assert [(r["id"], r["title"]) for r in read] == [("a", "one\rtwo"), ("b", "three\r\nfour")]
    assert [r["meta_outlet"] for r in load_rows(out / "scores.csv")] == ["x\r", None]


# --- spreadsheet formula injection ---------------------------------------------------------

FORMULAS = ["=1+1", "+SUM(A1)", "-2+3", "@SUM(1)", "\tx", "\rx", "'=already"]


def _cells(path):
    with path.open(encoding="utf-8", newline="") as f:
        return [cell for row in csv.reader(f) for cell in row]


def _runs_no_formula(path):
    for cell in _cells(path):
        assert cell[:1] not in FORMULA_PREFIXES or re.fullmatch(r"-\d+\.\d+", cell), (
            path.name, cell)


def test_no_csv_framing_writes_starts_a_formula_and_json_stays_exact(tmp_path):
    """Ids, titles, outlets and error rows starting with = + - @ tab CR reach every CSV as text
    (a leading apostrophe); scores.jsonl and records.jsonl keep them exactly; numbers stay
    numbers; a CSV read back (framing chart --from scores.csv) gives the JSONL's rows."""
    from framing.charts import load_rows

    release = RELEASE.read_text("utf-8")
    rows = [{"id": f"{f}{i}", "title": f, "outlet": f, "rating": -0.5,
             "text": release if i == 3 else seed_path("001").read_text("utf-8")}
            for i, f in enumerate(FORMULAS)]
    rows.append({"id": "=HYPERLINK(\"http://x\")", "text": ""})  # an error row
    corpus = tmp_path / "hostile.jsonl"
    corpus.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    out = tmp_path / "report"
    result = run("report", corpus, "--sources", RELEASE, "--out", out, "--no-charts",
                 "--quiet")
    assert result.exit_code == 1  # the empty row
    for name in ("scores.csv", "errors.csv", "passages.csv"):
        _runs_no_formula(out / name)
    with (out / "passages.csv").open(encoding="utf-8") as f:
        assert {"'@SUM(1)3", "'=1+10", "''=already6"} <= {r["id"] for r in csv.DictReader(f)}
    with (out / "errors.csv").open(encoding="utf-8") as f:
        assert [r["id"] for r in csv.DictReader(f)] == ["'=HYPERLINK(\"http://x\")"]
    records = [json.loads(line) for line in (out / "records.jsonl").open(encoding="utf-8")]
    assert [r["id"] for r in records] == [r["id"].strip() for r in rows]  # ids are stripped
    assert {r["title"] for r in records[:-1]} == set(FORMULAS)
    jsonl = load_rows(out / "scores.jsonl")
    assert [r["id"] for r in jsonl] == [r["id"] for r in records]
    assert load_rows(out / "scores.csv")[:-1] == jsonl[:-1]  # (the error row has no outlet)
    with (out / "scores.csv").open(encoding="utf-8") as f:
        assert {r["meta_rating"] for r in csv.DictReader(f) if r["meta_rating"]} == {"-0.5"}
    scored = tmp_path / "score"
    assert run("score", corpus, "--out", scored).exit_code == 1
    _runs_no_formula(scored / "scores.csv")


def test_classroom_csv_cells_do_not_start_a_formula(tmp_path):
    corpus = tmp_path / "lesson.jsonl"
    corpus.write_text(json.dumps({"id": "=cmd|' /C calc'!A0", "text": seed_path("003")
                                  .read_text("utf-8")}) + "\n", encoding="utf-8")
    lesson = tmp_path / "lesson"
    assert run("exercise", corpus, "--out", lesson).exit_code == 0
    _runs_no_formula(lesson / "responses.csv")
    # The template filled in as it was written: the article's id comes back as it was.
    with (lesson / "responses.csv").open(encoding="utf-8") as f:
        template = list(csv.reader(f))
    filled = [template[0]] + [["=evil()", row[1], row[2], "P", ""] for row in template[1:4]]
    responses = tmp_path / "filled.csv"
    with responses.open("w", encoding="utf-8", newline="") as f:
        csv.writer(f).writerows(filled)
    result = run("exercise", "grade", lesson, responses)
    assert result.exit_code == 0, result.output
    _runs_no_formula(lesson / "grade" / "grades.csv")
    with (lesson / "grade" / "grades.csv").open(encoding="utf-8") as f:
        assert [r["student"] for r in csv.DictReader(f)] == ["'=evil()"]


def test_a_neutralised_cell_reads_back_as_it_was():
    for value in FORMULAS + ["'", "''", "'x", "''x", "''=x", "", "plain", "-", "-1", "'-1"]:
        assert plain_cell(csv_cell(value)) == value, value
    assert [csv_cell(v) for v in ("-0.5", "+3", "-1e5", "-1-1", "-")] == [
        "-0.5", "+3", "-1e5", "'-1-1", "'-"]
    assert csv_cell(-0.5) == -0.5 and csv_cell(None) is None and csv_cell(True) is True


# --- exit status: interrupted, output not written -------------------------------------------


def _corpus(folder, n):
    """n articles, one .txt file each (the four seed articles, each made unique)."""
    texts = [seed_path(k).read_text("utf-8") for k in ("000", "001", "002", "003")]
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(n):
        (folder / f"a{i:04d}.txt").write_text(f"{texts[i % 4]}\n\nNote {i}.", encoding="utf-8")
    return folder


def _framing(*args, limit_bytes=None, prelude="", **popen):
    """`framing ARGS` in a new process (and process group), this tree first on its path.
    `limit_bytes`: no file it writes may grow past this (RLIMIT_FSIZE: a write past it fails
    with EFBIG, as one on a full disk fails with ENOSPC)."""
    import subprocess
    import sys

    limit = ("import resource, signal; signal.signal(signal.SIGXFSZ, signal.SIG_IGN); "
             f"resource.setrlimit(resource.RLIMIT_FSIZE, ({limit_bytes}, {limit_bytes})); "
             if limit_bytes else "")
    env = {**os.environ, "PYTHONPATH": str(ROOT), "PYTHONDONTWRITEBYTECODE": "1"}
    return subprocess.Popen(
        [sys.executable, "-c", limit + prelude + "from framing.cli import main; main()",
         *map(str, args)],
        env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
        start_new_session=True, **popen)


def _children(pid):
    try:
        with open(f"/proc/{pid}/task/{pid}/children") as f:
            return f.read().split()
    except OSError:
        return []


def _wait(condition, what, timeout=120):
    import time

    end = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < end, f"timed out waiting for {what}"
        time.sleep(0.05)


def _snapshot(folder, working=False):
    """The files of a folder and their bytes; `working`: with a run's lock and checkpoint,
    which are not part of a report."""
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*"))
            if p.is_file() and (working or p.name not in (LOCK, CHECKPOINT))}


def test_ctrl_c_while_scoring_exits_130_and_leaves_the_last_report_whole(tmp_path):
    """A real SIGINT to the process group (what Ctrl-C sends) while the --jobs 2 workers score:
    status 130, one line and no traceback, and the report already in --out untouched."""
    import signal

    corpus = _corpus(tmp_path / "corpus", 600)
    out = tmp_path / "report"
    assert run("report", seed_path("001"), "--out", out, "--quiet").exit_code == 0
    before = _snapshot(out)
    process = _framing("report", corpus, "--out", out, "--quiet", "--jobs", "2")
    _wait(lambda: _children(process.pid) or process.poll() is not None, "the workers")
    os.killpg(process.pid, signal.SIGINT)
    _, stderr = process.communicate(timeout=60)
    assert process.returncode == 130, stderr
    assert "Traceback" not in stderr and "interrupted" in stderr, stderr
    assert len(stderr.strip().splitlines()) == 1, stderr
    assert _snapshot(out) == before


def _alive(pid):
    """A process that has not ended (a zombie has)."""
    try:
        with open(f"/proc/{pid}/stat") as f:
            return f.read().rsplit(")", 1)[1].split()[0] != "Z"
    except OSError:
        return False


@pytest.mark.parametrize("previous", [True, False], ids=["over-a-report", "first-report"])
def test_sigterm_stops_a_report_like_ctrl_c_and_exits_143(tmp_path, previous):
    """A real SIGTERM to the command's process (`kill PID`, what a job scheduler or `docker
    stop` sends; over a report), then to its process group (over none), while its --jobs 2
    workers score: status 143, one line and no traceback, the workers gone, --out the last
    report (or only the checkpoint --resume reads), no lock, staging folder or temporary file
    left."""
    import signal

    corpus = sentence_articles(tmp_path / "corpus", 400)
    out = tmp_path / "report"
    if previous:
        assert run("report", seed_path("001"), "--out", out, "--quiet").exit_code == 0
    before = _snapshot(out) if previous else {}
    process = _framing("report", corpus, "--out", out, "--quiet", "--jobs", "2")
    _wait(lambda: len(_children(process.pid)) >= 2 or process.poll() is not None, "the workers")
    workers = _children(process.pid)
    (os.kill if previous else os.killpg)(process.pid, signal.SIGTERM)
    _, stderr = process.communicate(timeout=60)
    assert process.returncode == 143, stderr
    assert "Traceback" not in stderr and "terminated" in stderr, stderr
    assert len(stderr.strip().splitlines()) == 1, stderr
    _wait(lambda: not any(_alive(int(pid)) for pid in workers), "the workers' end", 10)
    assert _snapshot(out) == before
    assert set(_snapshot(out, working=True)) - {CHECKPOINT} == set(before)  # no lock
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []
    assert not list(out.rglob("*.tmp"))


def test_ctrl_c_while_the_workers_are_forked_is_not_lost(tmp_path):
    """A SIGINT that arrives while a --jobs worker is being forked (sent here from the parent's
    at-fork hook, the moment Python would print it as "Exception ignored" and go on)."""
    corpus = _corpus(tmp_path / "corpus", 200)
    prelude = ("import os, signal; os.register_at_fork(after_in_parent=lambda: "
               "os.kill(os.getpid(), signal.SIGINT)); ")
    process = _framing("report", corpus, "--out", tmp_path / "out", "--quiet", "--jobs", "2",
                       prelude=prelude)
    _, stderr = process.communicate(timeout=120)
    assert process.returncode == 130, stderr
    assert "Traceback" not in stderr and "Exception ignored" not in stderr, stderr


def test_a_write_that_fails_exits_3_with_one_line(tmp_path):
    """A real failing write: the process may not grow a file past 30 kB (EFBIG, as disk full
    gives ENOSPC). Status 3 (not 1, "some inputs failed"), one line naming the file, no
    traceback, no temporary file left."""
    out = tmp_path / "report"
    assert run("report", seed_path("002"), "--out", out, "--quiet").exit_code == 0
    before = _snapshot(out)
    process = _framing("report", SEEDS, "--out", out, "--quiet", "--no-charts",
                       limit_bytes=30_000)
    _, stderr = process.communicate(timeout=120)
    assert process.returncode == 3, stderr
    assert _snapshot(out) == before
    assert "Traceback" not in stderr
    assert stderr.startswith("framing: could not write ") and "File too large" in stderr, stderr
    assert len(stderr.strip().splitlines()) == 1, stderr
    assert not list(out.rglob("*.tmp")) and not list(out.rglob(".*.tmp"))


def test_disk_full_in_score_out_exits_3(tmp_path, monkeypatch):
    import errno

    def full(*args, **kwargs):
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(os, "replace", full)
    result = CliRunner().invoke(main, ["score", str(seed_path("001")), "--out",
                                       str(tmp_path / "out")])
    assert result.exit_code == 3, result.output
    assert "could not write" in result.stderr and "No space left on device" in result.stderr
    assert result.exception is None or isinstance(result.exception, SystemExit)
    assert not [p for p in (tmp_path / "out").iterdir()]


def test_score_out_files_are_committed_as_one_unit(tmp_path, monkeypatch):
    """`score --out` over an earlier run's files: the disk is full when scores.csv is renamed,
    after scores.jsonl was: both stay the earlier run's (status 3), nothing is left beside
    them. Killed between the renames (the journal left, scores.csv's temporary not renamed),
    the next run finishes that commit first."""

    from framing.outputs import JOURNAL

    out = tmp_path / "out"
    assert run("score", seed_path("001"), "--out", out, "--format", "jsonl", "--format", "csv",
               "--format", "parquet").exit_code == 0
    before = _snapshot(out)
    disk_full_when_replacing("scores.csv", monkeypatch)
    result = CliRunner().invoke(main, ["score", str(SEEDS), "--out", str(out), "--format",
                                       "jsonl", "--format", "parquet", "--format", "csv"])
    assert result.exit_code == 3 and "scores.csv: No space left" in result.stderr, result.output
    assert _snapshot(out, working=True) == before
    monkeypatch.undo()
    # A kill between the renames: scores.jsonl renamed, scores.csv's temporary left.
    (out / ".scores.csv.x.tmp").write_bytes(b"id\r\nkilled\r\n")
    (out / JOURNAL).write_text(json.dumps([[str(out / ".scores.jsonl.y.tmp"),
                                            str(out / "scores.jsonl")],
                                           [str(out / ".scores.csv.x.tmp"),
                                            str(out / "scores.csv")]]), encoding="utf-8")
    (out / ".scores.jsonl.z.tmp").write_text("half", encoding="utf-8")  # another leftover
    from framing.outputs import recover_commit

    recover_commit(out)  # what the next `score --out` does first, under the lock
    assert (out / "scores.csv").read_bytes() == b"id\r\nkilled\r\n"
    assert sorted(p.name for p in out.iterdir()) == ["scores.csv", "scores.jsonl",
                                                     "scores.parquet"]


# What a run is made to do in its own process (`prelude` of _framing): SIGKILL itself right after
# the first result file of `score --out` is renamed into OUT (scores.jsonl over the last run's).
KILL_AFTER_FIRST_RENAME = """
import os, signal
_replace = os.replace
def _replace_then_die(source, target, *args, **kwargs):
    _replace(source, target, *args, **kwargs)
    if os.path.basename(target).startswith("scores.") and os.path.dirname(
            os.path.abspath(target)) == os.path.abspath(OUT):
        os.kill(os.getpid(), signal.SIGKILL)
os.replace = _replace_then_die
"""
# ... and SIGKILL itself right after the next run's recovery of a killed commit, before it
# writes anything of its own: what the folder is then is what that recovery made of it.
KILL_AFTER_RECOVERY = """
import os, signal, framing.outputs as outputs
_recover = outputs.recover_commit
def _recover_then_die(out_dir):
    _recover(out_dir)
    os.kill(os.getpid(), signal.SIGKILL)
outputs.recover_commit = _recover_then_die
"""


def _score_set(out):
    """(ids of scores.jsonl, of scores.csv, of scores.parquet/) in OUT."""
    import pyarrow.parquet as pq

    jsonl = [json.loads(line)["id"] for line in
             (out / "scores.jsonl").read_text("utf-8").splitlines()]
    with (out / "scores.csv").open(encoding="utf-8", newline="") as f:
        in_csv = [row["id"] for row in csv.DictReader(f)]
    parquet = pq.read_table(out / "scores.parquet").column("id").to_pylist()
    return jsonl, in_csv, parquet


def test_a_real_sigkill_between_the_renames_of_score_out_is_finished_by_the_next_run(tmp_path):
    """`score --out OUT` over a complete earlier run of other articles, SIGKILLed by itself
    right after scores.jsonl is renamed into OUT (scores.csv and scores.parquet/ still the
    earlier run's): the next run, before anything else, makes OUT the killed run's whole set
    (its scores.jsonl, scores.csv and scores.parquet/ name the same articles), never a mix;
    once a run completes, OUT holds its files and nothing else (no temporary, no lock)."""
    import signal

    out = tmp_path / "out"
    formats = ["--format", "jsonl", "--format", "csv", "--format", "parquet"]
    old = ["001_d61afefeb5640952", "002_4e93a61c3192b17b"]
    new = ["000_f983667cf156ffad", "003_6c9814ce4a1dd87c", "004_f1608429cd902174"]
    assert run("score", seed_path("001"), seed_path("002"), "--out", out, "--no-model",
               *formats).exit_code == 0
    assert _score_set(out) == (old, old, old)
    prelude = f"OUT = {str(out)!r}\n" + KILL_AFTER_FIRST_RENAME
    killed = _framing("score", seed_path("000"), seed_path("003"), seed_path("004"), "--out",
                      out, "--no-model", *formats, prelude=prelude)
    _, stderr = killed.communicate(timeout=120)
    assert killed.returncode == -signal.SIGKILL, stderr
    # Killed mid-commit: scores.jsonl is the new run's, scores.csv still the old one's.
    assert _score_set(out)[:2] == (new, old)
    recovering = _framing("score", seed_path("001"), "--out", out, "--no-model", *formats,
                          prelude=KILL_AFTER_RECOVERY)
    _, stderr = recovering.communicate(timeout=120)
    assert recovering.returncode == -signal.SIGKILL, stderr
    assert _score_set(out) == (new, new, new)
    assert sorted(p.name for p in out.iterdir()) == [
        LOCK, "scores.csv", "scores.jsonl", "scores.parquet"]  # (the killed run's lock)
    assert run("score", seed_path("003"), "--out", out, "--no-model", *formats).exit_code == 0
    assert _score_set(out) == (["003_6c9814ce4a1dd87c"],) * 3
    assert sorted(p.name for p in out.iterdir()) == ["scores.csv", "scores.jsonl",
                                                     "scores.parquet"]
    assert [p.name for p in tmp_path.iterdir()] == ["out"]


# --- one run at a time, the report as one unit --------------------------------------------


def _second_run_refused(first_args: list, second_args: list, out) -> None:
    """Start `framing FIRST_ARGS`; once it holds `out`'s lock, `framing SECOND_ARGS` must be
    refused (status 3, one line naming the first run's pid and host, no traceback); the first
    run must then finish with status 0."""
    import socket

    first = _framing(*first_args)
    _wait(lambda: (out / LOCK).exists() or first.poll() is not None, "the first run's lock")
    second = _framing(*second_args)
    _, stderr = second.communicate(timeout=120)
    assert second.returncode == 3, stderr
    assert f"pid {first.pid} on {socket.gethostname()}" in stderr, stderr
    assert "Traceback" not in stderr and len(stderr.strip().splitlines()) == 1
    _, first_err = first.communicate(timeout=300)
    assert first.returncode == 0, first_err


def test_a_second_run_into_the_same_folder_is_refused_and_names_the_first(tmp_path):
    """Two real processes: while the first scores, the second is refused (status 3, a line
    naming the first run's pid and host); the folder ends as the first run's report alone."""

    corpus = _corpus(tmp_path / "corpus", 400)
    out = tmp_path / "report"
    _second_run_refused(["report", corpus, "--out", out, "--quiet", "--no-charts"],
                        ["report", seed_path("001"), "--out", out, "--quiet"], out)
    manifest = json.loads((out / "manifest.json").read_text("utf-8"))
    assert len(manifest["inputs"]) == 400
    assert len((out / "scores.jsonl").read_text("utf-8").splitlines()) == 400
    assert len(list((out / "articles").iterdir())) == 400
    assert not (out / LOCK).exists()


def test_score_out_and_exercise_out_are_one_run_at_a_time(tmp_path):
    """Two real `framing score --out` processes into one folder: while the first scores, the
    second is refused (status 3, naming the first), and the folder ends as the first run's
    scores alone, unlocked. `framing exercise --out` into a folder a live run holds (this
    test's process) is refused the same way, and writes nothing."""
    import socket

    corpus = sentence_articles(tmp_path / "corpus", 400)
    out = tmp_path / "scores"
    _second_run_refused(["score", corpus, "--out", out], ["score", seed_path("001"), "--out", out],
                        out)
    assert len((out / "scores.jsonl").read_text("utf-8").splitlines()) == 400
    assert sorted(p.name for p in out.iterdir()) == ["scores.csv", "scores.jsonl"]
    lesson = tmp_path / "lesson"
    lesson.mkdir()
    holder = {"pid": os.getpid(), "host": socket.gethostname(),
              "started": "2026-01-01T00:00:00Z", "command": ["framing", "exercise"]}
    (lesson / LOCK).write_text(json.dumps(holder), encoding="utf-8")
    result = CliRunner().invoke(main, ["exercise", str(seed_path("003")), "--out", str(lesson)])
    assert result.exit_code == 3 and f"pid {os.getpid()} on" in result.stderr, result.output
    assert [p.name for p in lesson.iterdir()] == [LOCK]


def _responses(lesson, path, student, label):
    """The lesson's responses.csv template (its student1's rows) filled in by one student,
    `label` everywhere."""
    with (lesson / "responses.csv").open(encoding="utf-8") as f:
        template = list(csv.reader(f))
    with path.open("w", encoding="utf-8", newline="") as f:
        csv.writer(f).writerows([template[0]] + [[student, row[1], row[2], label, ""]
                                                 for row in template[1:] if row[0] == "student1"])
    return path


def test_exercise_grade_is_one_run_at_a_time_and_writes_its_folder_as_one_unit(
        tmp_path, monkeypatch):
    """`framing exercise grade` into a grade folder a live run holds (this test's process) is
    refused (status 3, naming it) and changes nothing; a grading whose last file cannot be
    written (the disk full for summary.html) leaves the last grading whole, byte for byte (not
    its grades.csv beside an old summary.html), and no staging folder or lock."""
    import socket

    lesson = tmp_path / "lesson"
    assert run("exercise", seed_path("003"), "--out", lesson).exit_code == 0
    first = _responses(lesson, tmp_path / "first.csv", "alice", "P")
    second = _responses(lesson, tmp_path / "second.csv", "bob", "N")
    grades = lesson / "grade"
    assert run("exercise", "grade", lesson, first).exit_code == 0
    before = _snapshot(grades, working=True)
    assert {"grades.csv", "sentences.csv", "summary.html"} <= set(before)
    assert b"alice" in before["grades.csv"] and b"bob" not in before["grades.csv"]
    holder = {"pid": os.getpid(), "host": socket.gethostname(),
              "started": "2026-01-01T00:00:00Z", "command": ["framing", "exercise", "grade"]}
    (grades / LOCK).write_text(json.dumps(holder), encoding="utf-8")
    result = CliRunner().invoke(main, ["exercise", "grade", str(lesson), str(second)])
    assert result.exit_code == 3 and f"pid {os.getpid()} on" in result.stderr, result.output
    assert "Traceback" not in result.output
    assert _snapshot(grades) == before
    (grades / LOCK).unlink()
    disk_full_when_replacing("summary.html", monkeypatch)
    result = CliRunner().invoke(main, ["exercise", "grade", str(lesson), str(second)])
    assert result.exit_code == 3 and "summary.html: No space left" in result.stderr, \
        result.output
    assert _snapshot(grades, working=True) == before
    assert sorted(p.name for p in lesson.iterdir()) == [
        "answers.html", "exercise.json", "grade", "responses.csv", "worksheet.html"]
    monkeypatch.undo()
    assert run("exercise", "grade", lesson, second).exit_code == 0
    assert b"bob" in (grades / "grades.csv").read_bytes()
    assert b"alice" not in (grades / "grades.csv").read_bytes()
    assert not (grades / LOCK).exists()


def test_a_lock_left_by_a_dead_run_is_taken_over_one_of_another_host_is_not(tmp_path):
    import socket
    import subprocess
    import sys

    dead = subprocess.Popen([sys.executable, "-c", "pass"])
    dead.wait()
    out = tmp_path / "report"
    out.mkdir()
    lock = {"pid": dead.pid, "host": socket.gethostname(), "started": "2026-01-01T00:00:00Z",
            "command": ["framing", "report"]}
    (out / LOCK).write_text(json.dumps(lock), encoding="utf-8")
    assert run("report", seed_path("001"), "--out", out, "--quiet").exit_code == 0
    assert (out / "index.html").exists() and not (out / LOCK).exists()
    (out / LOCK).write_text(json.dumps({**lock, "host": "elsewhere"}), encoding="utf-8")
    result = CliRunner().invoke(main, ["report", str(seed_path("002")), "--out", str(out)])
    assert result.exit_code == 3 and "on elsewhere" in result.stderr, result.output
    assert "Traceback" not in result.output


def test_a_write_that_fails_midway_leaves_the_last_report_whole(tmp_path, monkeypatch):
    """scores.jsonl and scores.csv are written, then the disk is full for records.jsonl: the
    folder is still the last report, byte for byte, with no staging folder or temporary file
    left, and the command says so with status 3."""

    out = tmp_path / "report"
    assert run("report", seed_path("001"), "--out", out, "--quiet").exit_code == 0
    before = _snapshot(out)
    disk_full_when_replacing("records.jsonl", monkeypatch)
    result = CliRunner().invoke(main, ["report", str(SEEDS), "--out", str(out), "--quiet"])
    assert result.exit_code == 3 and "records.jsonl: No space left" in result.stderr, result.output
    assert _snapshot(out) == before
    assert [p.name for p in tmp_path.iterdir()] == ["report"]
    assert not (out / LOCK).exists()


def _killed_in(phase, tmp_path):
    """SIGKILL a report run over a report already in --out, in `phase` (scoring: its workers
    are running; writing: its staging folder exists): the folder must be the last report."""
    import signal

    corpus = _corpus(tmp_path / "corpus", 600)
    out = tmp_path / "report"
    assert run("report", seed_path("001"), seed_path("002"), "--out", out,
               "--quiet").exit_code == 0
    before = _snapshot(out)
    process = _framing("report", corpus, "--out", out, "--quiet", "--jobs", "2")
    if phase == "scoring":
        _wait(lambda: _children(process.pid) or process.poll() is not None, "the workers")
    else:
        _wait(lambda: list(tmp_path.glob(".report.staging-*")) or process.poll() is not None,
              "the staging folder")
    os.killpg(process.pid, signal.SIGKILL)
    process.wait(timeout=60)
    assert process.returncode == -signal.SIGKILL
    after = _snapshot(out, working=True)
    assert after.pop(LOCK)  # the dead run's lock is left, and its checkpoint...
    after.pop(CHECKPOINT, None)
    assert after == before  # ...and nothing else changed
    return out


def test_a_kill_in_each_phase_leaves_the_last_report_and_the_next_run_cleans_up(tmp_path):
    for phase in ("scoring", "writing"):
        out = _killed_in(phase, tmp_path / phase)
        (out / "articles" / ".x.html.abc.tmp").write_text("half", encoding="utf-8")
        assert run("report", seed_path("003"), "--out", out, "--quiet").exit_code == 0
        fresh = tmp_path / phase / "fresh"
        assert run("report", seed_path("003"), "--out", fresh, "--quiet").exit_code == 0
        again, new = _snapshot(out), _snapshot(fresh)
        assert sorted(again) == sorted(new)  # no page, chart, lock or temporary file of before
        for name in ("scores.csv", "scores.jsonl", "records.jsonl", "passages.csv"):
            assert again[name] == new[name]
        assert sorted(p.name for p in (tmp_path / phase).iterdir()) == [
            "corpus", "fresh", "report"]


def test_stale_pages_charts_and_temporary_files_go_files_of_the_user_stay(tmp_path):
    out = tmp_path / "report"
    assert run("report", SEEDS, "--out", out, "--quiet").exit_code == 0
    assert len(list((out / "articles").iterdir())) == 5 and (out / "charts").is_dir()
    (out / ".scores.csv.abc123.tmp").write_text("half", encoding="utf-8")
    (out / "notes.txt").write_text("mine", encoding="utf-8")
    assert run("report", seed_path("001"), "--out", out, "--quiet",
               "--no-charts").exit_code == 0
    assert [p.name[:4] for p in (out / "articles").iterdir()] == ["001_"]
    assert not (out / "charts").exists()
    assert not list(out.rglob("*.tmp"))
    assert (out / "notes.txt").read_text("utf-8") == "mine"


# --- --out inside an input folder ------------------------------------------------------------


def test_an_out_folder_inside_the_corpus_is_not_read_back(tmp_path):
    """Run after run into a folder inside the corpus (a folder, then a glob): always the same
    articles, never the report's own pages, CSV and JSONL."""
    corpus = _corpus(tmp_path / "corpus", 4)
    scored = _corpus(tmp_path / "scored", 4)
    for _ in range(2):
        assert run("report", corpus, "--out", corpus / "report", "--quiet",
                   "--no-charts").exit_code == 0
        assert len((corpus / "report" / "records.jsonl").read_text("utf-8").splitlines()) == 4
        result = run("score", f"{scored}/**", "--out", scored / "scores")
        assert result.exit_code == 0, result.output
        assert len((scored / "scores" / "scores.jsonl").read_text("utf-8").splitlines()) == 4
    # A file of --out named on the command line is read: it was asked for.
    result = run("score", scored / "scores" / "scores.csv", "--text-column", "id", "--json")
    assert len(result.stdout.splitlines()) == 4


# --- resume from the checkpoint ------------------------------------------------------------


def _lines(path):
    try:
        return path.read_bytes().count(b"\n")
    except OSError:
        return 0


def test_a_run_killed_while_scoring_resumes_without_rescoring_and_gives_a_fresh_run_s_report(
        tmp_path):
    """SIGKILL once 250 of 600 articles are scored (the checkpoint holds them); --resume takes
    them (a line cut by the kill dropped) and gives, byte for byte, the report of a fresh run;
    a checkpoint of other lexicons or model is not taken."""
    import re
    import signal

    corpus = _corpus(tmp_path / "corpus", 600)
    out = tmp_path / "report"
    checkpoint = out / CHECKPOINT
    process = _framing("report", corpus, "--out", out, "--quiet", "--no-charts", "--title", "T")
    _wait(lambda: _lines(checkpoint) > 250 or process.poll() is not None, "250 records")
    os.killpg(process.pid, signal.SIGKILL)
    process.wait(timeout=60)
    assert process.returncode == -signal.SIGKILL and not (out / "records.jsonl").exists()
    kept = _lines(checkpoint) - 1
    with checkpoint.open("a", encoding="utf-8") as f:
        f.write('{"id": "a0599", "cut by the ki')  # the kill cut a line in half
    resumed = run("report", corpus, "--out", out, "--quiet", "--no-charts", "--title", "T", "--resume")
    assert resumed.exit_code == 0, resumed.output
    assert int(re.search(r"\((\d+) resumed\)", resumed.stderr).group(1)) == kept >= 250
    fresh = tmp_path / "fresh"
    assert run("report", corpus, "--out", fresh, "--quiet", "--no-charts", "--title", "T").exit_code == 0
    again, new = _snapshot(out), _snapshot(fresh)
    assert sorted(again) == sorted(new) and CHECKPOINT not in again
    for name in new:
        if name != "manifest.json":  # (its time and command)
            assert again[name] == new[name], name
    # Another model: the checkpoint's records are not taken.
    process = _framing("report", corpus, "--out", out, "--quiet", "--no-charts", "--title", "T", "--jobs", "2")
    _wait(lambda: _lines(checkpoint) > 100 or process.poll() is not None, "100 records")
    os.killpg(process.pid, signal.SIGKILL)
    process.wait(timeout=60)
    result = run("report", corpus, "--out", out, "--quiet", "--no-charts", "--title", "T", "--resume",
                 "--no-model")
    assert "(0 resumed)" in result.stderr


def disk_full_when_replacing(name: str, monkeypatch) -> None:
    """os.replace fails as on a full disk when it would put a file named `name` in place."""

    replace = os.replace

    def full(source, target, *args, **kwargs):
        if os.path.basename(target) == name:
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        return replace(source, target, *args, **kwargs)

    monkeypatch.setattr(os, "replace", full)
