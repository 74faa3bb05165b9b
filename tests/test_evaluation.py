"""`framing evaluate` and the coded files it reads (framing.evaluation): agreement with a
researcher's coding, and every row that cannot be used named with its line."""

import csv
import json

import pytest
from click.testing import CliRunner

from framing.cli import main
from framing.evaluation import read_coded

from .conftest import seed_path, write_csv


def test_framing_evaluate_scores_with_the_model_like_framing_score(model_dir, tmp_path):
    coded = tmp_path / "coded.csv"
    rows = f"s001,{seed_path('001')},critical\ns004,{seed_path('004')},promotional\n"
    coded.write_text("id,file,label\n" + rows, encoding="utf-8")
    result = CliRunner().invoke(main, ["evaluate", str(coded), "--json", "--model", str(model_dir)])
    out = json.loads(result.stdout)
    assert result.exit_code == 0 and out["labels_from"] == "combined"
    assert out["framing"]["accuracy"]["value"] == 1.0  # both seeds, as test_score_with_the_model


@pytest.mark.parametrize("header, missing", [
    (["id", "text", "stance"], "'label'"),
    (["id", "body", "label"], "'text' or 'file'"),
    (["name", "text", "label"], "'id' or 'path'"),
])
def test_missing_columns_are_a_usage_error_naming_them(tmp_path, header, missing):
    coded = write_csv(tmp_path / "coded.csv", header, [["a", "Un texte.", "neutral"]])
    result = CliRunner().invoke(main, ["train", str(coded), "--out", str(tmp_path / "model")])
    assert result.exit_code == 2
    assert f"{coded}:1: missing column {missing}" in result.output
    assert not (tmp_path / "model").exists()
    evaluated = CliRunner().invoke(main, ["evaluate", str(coded), "--no-model"])
    assert evaluated.exit_code == 2 and f"missing column {missing}" in evaluated.output


def test_unreadable_files_are_named_with_their_row(tmp_path):
    (tmp_path / "folder").mkdir()
    (tmp_path / "binary.txt").write_bytes(b"\x00\x01\x02" * 50)
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "ok.txt").write_text("Le conseil a voté le budget.", encoding="utf-8")
    coded = write_csv(tmp_path / "coded.csv", ["path", "file", "label"], [
        ["a", "folder", "neutral"],
        ["b", "binary.txt", "neutral"],
        ["c", "empty.txt", "neutral"],
        ["d", "ok.txt", "neutral"],
        ["e", "ok.txt", "Neutral"],
    ])
    rows, skipped = read_coded(coded)
    assert [(r.id, r.line, r.label) for r in rows] == [("d", 5, "neutral"), ("e", 6, "neutral")]
    assert [s["line"] for s in skipped] == [2, 3, 4]
    assert skipped[0]["reason"].startswith("file 'folder' is not a file")
    assert skipped[1]["reason"].startswith("file 'binary.txt': ") and "binary" in skipped[1]["reason"]
    assert skipped[2]["reason"].startswith("file 'empty.txt': ")


def test_lines_are_counted_in_the_file_across_multi_line_texts(tmp_path):
    coded = write_csv(tmp_path / "coded.csv", ["id", "text", "label", "sovereignty"], [
        ["a", "Titre\nUne phrase.\nUne autre.", "neutral", ""],
        ["a", "Texte", "critical", ""],
        ["b", "Texte", "critical", "maybe"],
        ["", "Texte", "critical", ""],
        ["c", "Texte", "", ""],
    ])
    rows, skipped = read_coded(coded)
    assert [r.id for r in rows] == ["a"]
    assert skipped == [
        {"row": 2, "line": 5, "reason": "duplicate id 'a' (first at line 2)"},
        {"row": 3, "line": 6, "reason": "unknown sovereignty stance 'maybe' (expected question, "
                                        "promise, none)"},
        {"row": 4, "line": 7, "reason": "empty id"},
        {"row": 5, "line": 8, "reason": "no 'label'"},
    ]


def test_framing_evaluate_reports_agreement_and_every_skipped_row(tmp_path):
    coded = tmp_path / "coded.csv"
    with coded.open("w", newline="", encoding="utf-8") as f:
        writer = csv.writer(f)
        writer.writerow(["id", "text", "file", "label", "sovereignty"])
        writer.writerow(["s003", "", str(seed_path("003")), "promotional", "none"])
        writer.writerow(["s001", seed_path("001").read_text("utf-8"), "", "critical", "question"])
        writer.writerow(["x", "Un texte.", "", "positive", ""])
        writer.writerow(["y", "", "", "neutral", ""])
    result = CliRunner().invoke(main, ["evaluate", str(coded), "--json", "--no-model"])
    out = json.loads(result.stdout)
    assert result.exit_code == 1  # some rows were skipped, and said so
    assert out["rows_used"] == 2 and out["labels_from"] == "lexicon"
    assert [s["row"] for s in out["rows_skipped"]] == [3, 4]
    assert out["framing"]["n"] == 2 and out["sovereignty"]["n"] == 2
    assert out["sovereignty"]["accuracy"]["value"] == 1.0


def test_framing_evaluate_refuses_a_file_without_labels(tmp_path):
    coded = tmp_path / "coded.csv"
    coded.write_text("id,text\na,Un texte.\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["evaluate", str(coded)])
    assert result.exit_code == 2 and "label" in result.output
