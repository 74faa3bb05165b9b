"""The `framing` command, run as a user runs it: exit codes, stdin, errors, outputs."""

import json
import shutil
import subprocess
import sys
from pathlib import Path

import jsonschema
import pytest
from click.testing import CliRunner

from framing.cli import main

from .conftest import SCHEMA, SEEDS, seed_path


def run(*args, input=None):
    return CliRunner().invoke(main, list(map(str, args)), input=input, catch_exceptions=False)


def records(output):
    return [json.loads(line) for line in output.splitlines() if line.strip()]


def test_score_one_seed_prints_a_summary():
    result = run("score", seed_path("003"))
    assert result.exit_code == 0
    assert "003_6c9814ce4a1dd87c" in result.output
    assert "sovereignty  none" in result.output
    assert "readability" in result.output and "evidence" in result.output


def test_json_lines_conform_to_the_contract_in_input_order():
    result = run("score", "--json", seed_path("004"), SEEDS)
    out = records(result.stdout)
    assert [r["id"][:3] for r in out] == ["004", "000", "001", "002", "003", "004"]
    for record in out:
        jsonschema.validate(record, SCHEMA)
    assert all(r["reuse"] is None for r in out[:5])
    assert out[5]["error"]["code"] == "duplicate_id"  # 004 was given twice
    assert result.exit_code == 1


def test_stdin():
    text = "Rien ne garantit que les données de santé resteront à l’abri du CLOUD Act."
    result = run("score", "--json", "-", input=text.encode("utf-8"))
    (record,) = records(result.stdout)
    assert result.exit_code == 0
    assert record["id"] == "stdin"
    assert record["sovereignty"]["stance"] == "question"
    assert record["sovereignty"]["laws"] == ["CLOUD Act"]


def test_bad_inputs_are_reported_and_the_batch_goes_on(tmp_path):
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "image.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    (tmp_path / "latin.txt").write_bytes("Le député a été élu à l’unanimité.".encode("cp1252"))
    (tmp_path / "rows.csv").write_text('id,text\na,"Un texte correct."\nb,"x",extra\n', "utf-8")
    (tmp_path / "nocol.jsonl").write_text('{"body": "pas de colonne text"}\n{broken\n', "utf-8")
    result = run("score", "--json", tmp_path, tmp_path / "missing.txt")
    out = records(result.stdout)
    assert result.exit_code == 1
    assert len(out) == 8  # five files; the csv and the jsonl hold two rows each; one missing path
    codes = {r["id"]: r.get("error", {}).get("code") for r in out}
    assert codes["empty"] == "empty" and codes["image"] == "binary"
    assert codes["latin"] is None and codes["a"] is None
    assert codes["rows:2"] == "malformed_row"  # a broken row keeps no id of its own
    assert sorted(c for i, c in codes.items() if i.startswith("nocol")) == [
        "malformed_row", "missing_column"]
    assert codes["missing"] == "unreadable"
    for record in out:
        jsonschema.validate(record, SCHEMA)
    latin = next(r for r in out if r["id"] == "latin")
    assert latin["meta"]["encoding"] == "cp1252"
    assert "failed" in result.stderr and "missing.txt" in result.stderr


def test_reuse_prints_an_unreadable_input_as_score_does(tmp_path):
    (tmp_path / "empty.txt").write_bytes(b"")
    inputs = [tmp_path / "empty.txt", tmp_path / "missing.txt"]
    scored = run("score", "--json", "--no-model", *inputs)
    compared = run("reuse", "--json", *inputs, "--sources", seed_path("004"))
    assert scored.exit_code == compared.exit_code == 1
    assert compared.stdout == scored.stdout
    assert [r["error"]["code"] for r in records(compared.stdout)] == ["empty", "unreadable"]


def test_reuse_gives_a_repeated_id_its_error_and_the_first_its_reuse():
    article = seed_path("001")
    compared = run("reuse", "--json", article, article, "--sources", seed_path("004"))
    first, second = records(compared.stdout)
    assert compared.exit_code == 1
    assert first["reuse"]["kind"] == "translated" and "error" not in first
    assert second["error"]["code"] == "duplicate_id" and "reuse" not in second


def test_usage_errors_exit_2():
    assert run("score").exit_code == 2
    assert run("score", "--lang", "de", seed_path("001")).exit_code == 2


def test_out_writes_jsonl_and_csv(tmp_path):
    result = run("score", SEEDS, "--out", tmp_path / "seeds")
    assert result.exit_code == 0
    lines = (tmp_path / "seeds" / "scores.jsonl").read_text("utf-8").splitlines()
    csv_lines = (tmp_path / "seeds" / "scores.csv").read_text("utf-8").splitlines()
    assert len(lines) == 5 and len(csv_lines) == 6
    assert csv_lines[0].startswith("id,path,title,error_code")
    assert not [p for p in (tmp_path / "seeds").iterdir() if p.name.endswith(".tmp")]


def test_lexicon_check_passes_on_the_project_and_reports_file_and_line(tmp_path):
    assert run("lexicon", "check").exit_code == 0
    (tmp_path / "bad.tsv").write_text(
        "# header\nhistorique\tfr\tpromotional.superlative\t1\tok\n"
        "re:(unclosed\tany\tcritical.doubt\t1\t\n"
        "historique\tfr\tpromotional.superlative\t2\tduplicate\n"
        "historique\tfr\tcritical.doubt\t1\tconflict\n"
        "truc\tde\tpromotional.self\t1\t\n", "utf-8")
    result = run("lexicon", "check", tmp_path)
    assert result.exit_code == 1
    assert "bad.tsv:3: error: bad pattern" in result.output
    assert "bad.tsv:4: warning: duplicate of bad.tsv:2" in result.output
    assert "bad.tsv:5: warning: conflict" in result.output
    assert "bad.tsv:6: error: language 'de'" in result.output


def test_help_is_fast_and_imports_no_heavy_library():
    code = ("import sys; from click.testing import CliRunner; from framing.cli import main; "
            "r = CliRunner().invoke(main, ['--help']); assert r.exit_code == 0; "
            "print([m for m in ('matplotlib', 'sklearn', 'nltk', 'textstat') if m in sys.modules])")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_the_command_line_collects_garbage_as_a_batch_run():
    import gc

    from framing.engines import BATCH_GC_THRESHOLD

    before = gc.get_threshold()
    try:
        gc.set_threshold(700, 10, 10)  # Python's default
        assert run("score", seed_path("003")).exit_code == 0
        assert gc.get_threshold()[0] == BATCH_GC_THRESHOLD
    finally:
        gc.set_threshold(*before)


def test_outputs_are_byte_identical_across_runs(tmp_path):
    for name in ("a", "b"):
        assert run("score", SEEDS, "--out", tmp_path / name).exit_code == 0
    for file in ("scores.jsonl", "scores.csv"):
        assert (tmp_path / "a" / file).read_bytes() == (tmp_path / "b" / file).read_bytes()


def test_cli_reuse_reports_bad_sources_and_goes_on(tmp_path):
    (tmp_path / "empty.txt").write_text("", encoding="utf-8")
    (tmp_path / "binary.txt").write_bytes(b"\x00\x01\x02PK\x03\x04" * 50)
    result = CliRunner().invoke(main, ["reuse", "--json", str(seed_path("001")), "--sources",
                                       str(tmp_path), "--sources", str(seed_path("004"))])
    assert result.exit_code == 1
    assert "empty.txt" in result.stderr and "binary.txt" in result.stderr
    (record,) = [json.loads(line) for line in result.stdout.splitlines()]
    assert record["reuse"]["kind"] == "translated"


ROOT = SEEDS.parent


@pytest.mark.skipif(shutil.which("make") is None, reason="no make on this machine")
def test_make_test_says_why_tests_were_skipped_and_make_report_is_a_real_study():
    """`make test` runs pytest with -rs (the reason of every skip is printed), and CI runs
    `make test`; `make report` compares the four articles with the release, not the release
    with itself."""
    dry = subprocess.run(["make", "-n", "-C", str(ROOT), "report", "test", "STAMP=Makefile"],
                         capture_output=True, text=True, check=True).stdout.splitlines()
    (pytest_line,) = [x for x in dry if " -m pytest " in x]
    assert " -rs " in f"{pytest_line} "
    (report_line,) = [x for x in dry if " report " in x]
    inputs, sources = report_line.split(" --sources ")
    assert sorted(Path(x).name[:3] for x in inputs.split()[2:]) == ["000", "001", "002", "003"]
    assert sources.split()[0] == "seeds/" + seed_path("004").name
    ci = (ROOT / ".ci" / "run").read_text("utf-8").strip().splitlines()
    assert ci[-1] == "make test"


def test_the_readme_python_example_runs_as_written_and_prints_what_it_says():
    """Every line of README.md's Python example, run from the clone as a user pastes it (no
    pandas needed); each `expression  # value` line gives that value."""
    readme = (ROOT / "README.md").read_text("utf-8")
    block = readme.split("From Python (")[1].split("```python\n")[1].split("```")[0]
    checks = [line.split("  #") for line in block.splitlines() if "  # (" in line]
    script = block + "".join(f"assert repr(({code.strip()})) == {value.strip()!r}\n"
                             for code, value in checks)
    result = subprocess.run([sys.executable, "-"], input=script, cwd=ROOT, text=True,
                            capture_output=True, check=False)
    assert result.returncode == 0, result.stderr
    assert len(checks) == 2 and "import pandas" not in block


def test_reuse_says_which_comparison_to_choose():
    both = run("reuse", seed_path("001"), "--among", "--sources", seed_path("004"))
    assert both.exit_code == 2
    assert "--among and --sources are two different comparisons" in both.output
    assert "Give one of them (run framing reuse twice for both)" in both.output
    neither = run("reuse", seed_path("001"))
    assert neither.exit_code == 2 and "Give --sources PATH" in neither.output
