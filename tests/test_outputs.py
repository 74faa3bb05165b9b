"""framing.outputs: result files written atomically (a temporary file beside the target, then a
rename), the score files written as the records come, CSV with every row's columns, and
partitioned Parquet."""

import os
from dataclasses import replace

import pytest
from click.testing import CliRunner

from framing.cli import main
from framing.documents import DocumentError
from framing.outputs import csv_text, write_atomic, write_bytes_atomic, write_parquet

from .conftest import SEEDS, seed_path


def run(*args, input=None):
    return CliRunner().invoke(main, list(map(str, args)), input=input, catch_exceptions=False)


def test_out_files_written_as_records_come_hold_what_is_printed(tmp_path):
    from framing import score_paths
    from framing.outputs import ScoreFiles, csv_text

    printed = run("score", SEEDS, "--json", "--out", tmp_path / "run").stdout
    assert (tmp_path / "run" / "scores.jsonl").read_text("utf-8") == printed
    records = list(score_paths([seed_path(n) for n in ("001", "002", "003")]))
    records.append(replace(records[0], id="broken", error=DocumentError("empty", "no text")))
    with ScoreFiles(tmp_path / "api", ("csv",)) as files:
        for record in records:
            files.add(record)
    # Rows spooled to disk (one without scores) give the CSV csv_text makes from rows in memory.
    assert (tmp_path / "api" / "scores.csv").read_text("utf-8") == csv_text(
        [r.to_row() for r in records])
    assert [p.name for p in files.written] == ["scores.csv"]


def test_out_files_of_an_interrupted_run_are_not_written(tmp_path):
    from framing import score_paths
    from framing.outputs import ScoreFiles

    with pytest.raises(KeyboardInterrupt), ScoreFiles(tmp_path, ("jsonl", "csv")) as files:
        files.add(next(iter(score_paths([seed_path("001")]))))
        raise KeyboardInterrupt
    assert list(tmp_path.iterdir()) == []


def test_a_write_that_fails_midway_leaves_the_old_file_and_nothing_else(tmp_path):
    """Text where bytes are due fails inside the write, after the file was opened: the old
    scores.csv is still whole and no temporary file is left beside it."""
    path = tmp_path / "scores.csv"
    write_atomic(path, "id,label\na,critical\n")
    with pytest.raises(TypeError):
        write_bytes_atomic(path, "id,label\nb,neutral\n")
    assert path.read_text("utf-8") == "id,label\na,critical\n"
    assert [p.name for p in tmp_path.iterdir()] == ["scores.csv"]


def test_a_written_file_is_readable_as_the_umask_allows(tmp_path):
    """The temporary file is private (mkstemp); the result is not: mode 0666 less the umask."""
    umask = os.umask(0o022)
    try:
        path = write_atomic(tmp_path / "scores.jsonl", "{}\n")
    finally:
        os.umask(umask)
    assert path.stat().st_mode & 0o777 == 0o644


def test_csv_has_every_row_s_columns_in_first_seen_order():
    rows = [{"id": "a", "label": "critical"},
            {"id": "b", "error_code": "empty", "error_message": "b.txt is empty"}]
    assert csv_text(rows) == ("id,label,error_code,error_message\n"
                              "a,critical,,\n"
                              "b,,empty,b.txt is empty\n")


def test_parquet_parts_read_back_as_one_table_and_mixed_columns_become_text(tmp_path):
    pq = pytest.importorskip("pyarrow.parquet")
    rows = [{"id": f"a{i}", "n_words": 100 + i, "reuse_source": None} for i in range(5)]
    rows[3]["reuse_source"] = "004"
    rows[4]["n_words"] = "unknown"  # a number column with one text value
    folder = write_parquet(rows, tmp_path / "scores.parquet", rows_per_part=2)
    assert sorted(p.name for p in folder.iterdir()) == [
        "part-00000.parquet", "part-00001.parquet", "part-00002.parquet"]
    table = pq.read_table(folder)
    assert table.column("id").to_pylist() == ["a0", "a1", "a2", "a3", "a4"]
    assert table.column("n_words").to_pylist() == ["100", "101", "102", "103", "unknown"]
    assert table.column("reuse_source").to_pylist() == [None, None, None, "004", None]


def test_every_file_of_score_out_is_readable_as_the_umask_allows(tmp_path):
    """`framing score --out` wrote scores.jsonl private (0600) and scores.csv 0644."""
    from click.testing import CliRunner

    from framing.cli import main
    from tests.conftest import seed_path

    umask = os.umask(0o022)
    try:
        result = CliRunner().invoke(main, ["score", "--no-model", "--out", str(tmp_path / "out"),
                                           "--format", "jsonl", "--format", "csv",
                                           str(seed_path("003"))])
    finally:
        os.umask(umask)
    assert result.exit_code == 0, result.output
    modes = {p.name: p.stat().st_mode & 0o777 for p in (tmp_path / "out").iterdir()}
    assert modes == {"scores.jsonl": 0o644, "scores.csv": 0o644}
