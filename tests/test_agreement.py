"""Agreement figures, checked against values computed by hand, and `framing evaluate`."""

import csv
import json

import pytest
from click.testing import CliRunner

from framing.agreement import agreement, cohen_kappa, krippendorff_alpha, macro_f1
from framing.cli import main

from .conftest import seed_path


def test_kappa_and_alpha_match_hand_computed_values():
    # 10 units; coder A: 5 P, 5 N; coder B agrees on 8 (4 P, 4 N), swaps one each way.
    a = ["P"] * 5 + ["N"] * 5
    b = ["P"] * 4 + ["N"] + ["N"] * 4 + ["P"]
    # observed 0.8; expected (5*5 + 5*5) / 100 = 0.5 -> kappa (0.8 - 0.5) / 0.5 = 0.6
    assert cohen_kappa(a, b) == pytest.approx(0.6)
    # alpha: n = 20 values (10 P, 10 N); disagreements 2 units x 2 = 4; expected 10*10*2 = 200
    # -> 1 - 19 * 4 / 200 = 0.62
    assert krippendorff_alpha(a, b) == pytest.approx(0.62)


def test_perfect_and_chance_agreement():
    labels = ["a", "b", "c", "a"]
    m = agreement(labels, labels, ["a", "b", "c"])
    assert m["accuracy"]["value"] == 1 and m["cohen_kappa"]["value"] == 1
    assert m["accuracy"]["ci95"] == [1.0, 1.0]
    assert cohen_kappa(["a", "b"] * 10, ["a"] * 20) == pytest.approx(0.0)
    assert macro_f1(["a", "b"], ["b", "a"], ["a", "b"]) == 0.0


def test_bootstrap_interval_is_deterministic_and_contains_the_value():
    gold = ["a", "b", "c"] * 10
    predicted = ["a", "b", "b"] * 10
    first = agreement(gold, predicted, ["a", "b", "c"])
    second = agreement(gold, predicted, ["a", "b", "c"])
    assert first == second
    low, high = first["macro_f1"]["ci95"]
    assert low <= first["macro_f1"]["value"] <= high


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
