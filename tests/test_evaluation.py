"""`framing evaluate` and the coded files it reads (framing.evaluation): agreement with a
researcher's coding, and every row that cannot be used named with its line."""

import csv
import json

import pytest
from click.testing import CliRunner

from framing.cli import main
from framing.evaluation import interval_text, read_coded

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
                                        "promise, none, or question, promesse, aucune)"},
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


# Eight articles' worth of text, coded by hand. The lexicon agrees on all but the last (coded
# critical, read as neutral): accuracy 7/8; kappa (7/8 - 22/64) / (1 - 22/64) = 17/21; alpha
# 1 - 15 * 2 / 166 = 68/83; macro-F1 (1 + 6/7 + 4/5) / 3.
CODED_TEXTS = [
    ("a1", ("Microsoft annonce un investissement historique de 4 milliards d'euros en France, une "
           "formidable opportunité qui va propulser l'innovation et renforcer la souveraineté "
           "numérique du pays."), "promotional", "promise"),
    ("a2", ("Le conseil municipal de Mulhouse a voté mardi le budget du nouveau centre de "
           "données. Les travaux commenceront en septembre."), "neutral", "none"),
    ("a3", ("Cet investissement pose la question de la souveraineté numérique : les données des "
           "Français resteront soumises au Cloud Act américain, s'inquiètent des experts."),
     "critical", "question"),
    ("a4", ("Microsoft va former un million de personnes d'ici 2027 et soutenir 2 500 startups; "
           "selon le communiqué publié lundi."), "neutral", "none"),
    ("a5", ("Une annonce spectaculaire, un engagement colossal et des centres de données "
           "ultra-modernes : la France devient un leader mondial de l'IA."), "promotional", "none"),
    ("a6", ("Des associations dénoncent une dépendance accrue aux géants américains et "
            "critiquent l'opacité des contrats signés avec l'État."), "critical", "none"),
    ("a7", ("Le sommet Choose France s'est tenu lundi au château de Versailles en présence de "
           "dirigeants d'entreprises étrangères."), "neutral", "none"),
    ("a8", ("Brad Smith a présenté le programme lors d'un entretien au Figaro, sans donner le "
           "calendrier des travaux."), "critical", "none"),
]
# How a French coder writes the same labels: any case, accents or not.
IN_FRENCH = {"promotional": "Promotionnel", "neutral": "NEUTRE", "critical": "critiqué",
             "promise": "Promesse", "question": "question", "none": "aucune"}


def coded_csv(path, delimiter: str, names: dict | None = None):
    """CODED_TEXTS as a CSV with this delimiter, labels renamed through `names`."""
    names = names or {}
    with path.open("w", newline="", encoding="utf-8") as f:
        writer = csv.writer(f, delimiter=delimiter)
        writer.writerow(["id", "text", "label", "sovereignty"])
        for row_id, text, label, stance in CODED_TEXTS:
            writer.writerow([row_id, text, names.get(label, label), names.get(stance, stance)])
    return path


def test_french_labels_in_a_semicolon_csv_agree_like_english_ones_in_a_comma_csv(tmp_path):
    english = coded_csv(tmp_path / "english.csv", ",")
    french = coded_csv(tmp_path / "french.csv", ";", IN_FRENCH)
    assert "Promotionnel;Promesse" in french.read_text("utf-8")
    runs = [CliRunner().invoke(main, ["evaluate", str(f), "--json", "--no-model"])
            for f in (english, french)]
    assert [r.exit_code for r in runs] == [0, 0], runs[1].output
    en, fr = (json.loads(r.stdout) for r in runs)
    assert fr["rows_used"] == 8 and fr["rows_skipped"] == []
    assert fr["framing"] == en["framing"] and fr["sovereignty"] == en["sovereignty"]
    figures = {name: fr["framing"][name]["value"] for name in
               ("accuracy", "cohen_kappa", "krippendorff_alpha", "macro_f1")}
    assert figures == pytest.approx({"accuracy": 7 / 8, "cohen_kappa": 17 / 21,
                                     "krippendorff_alpha": 68 / 83,
                                     "macro_f1": (1 + 6 / 7 + 4 / 5) / 3})
    assert fr["framing"]["confusion"]["critical"] == {"promotional": 0, "neutral": 1,
                                                      "critical": 2}
    assert fr["sovereignty"]["accuracy"]["value"] == 1.0


def test_a_label_in_neither_language_is_not_used_and_named(tmp_path):
    coded = write_csv(tmp_path / "coded.csv", ["id", "text", "label"],
                      [["a", "Un texte.", "positif"], ["b", "Un texte.", "Neutre"]])
    rows, skipped = read_coded(coded)
    assert [(r.id, r.label) for r in rows] == [("b", "neutral")]
    assert skipped[0]["reason"] == ("unknown label 'positif' (expected one of promotional, "
                                    "neutral, critical, or promotionnel, neutre, critique)")


def test_one_row_prints_no_interval_rather_than_a_zero_width_one(tmp_path):
    coded = write_csv(tmp_path / "coded.csv", ["id", "text", "label"], [list(CODED_TEXTS[1][:3])])
    result = CliRunner().invoke(main, ["evaluate", str(coded), "--no-model"])
    assert result.exit_code == 0
    accuracy = next(x for x in result.stdout.splitlines() if x.strip().startswith("accuracy"))
    assert accuracy.split() == ["accuracy", "1.000", "(n=1,", "no", "interval)"]
    assert "1.000–1.000" not in result.stdout and "95% CI" not in result.stdout


def test_an_interval_is_printed_only_when_the_resamples_differ():
    assert interval_text(8, 0.625, 1.0) == "95% CI 0.625–1.000"
    assert interval_text(8, 1.0, 1.0) == "n=8, no interval: every resample gives 1.000"
    assert interval_text(1, 1.0, 1.0) == "n=1, no interval"
