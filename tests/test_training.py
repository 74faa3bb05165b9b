"""Training (framing.training): `framing train` on the labelled corpus, whose model card hashes
what it read, and `framing train CODED.csv`, where a researcher retrains on a hand-coded sample
and a sample too small to train on is refused, naming its rows (file:line)."""

import csv
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from framing.cli import main

from .conftest import seed_path, write_csv

ROOT = Path(__file__).resolve().parent.parent
CHECKSET = [json.loads(line) for line in
            (ROOT / "tests" / "data" / "checkset.jsonl").read_text("utf-8").splitlines()]


def relabelled_sample(folder: Path) -> list[list[str]]:
    """Half the check set (24 articles, FR and EN), coded by a researcher who counts
    promotional copy as neutral; every fourth article given as a file beside the CSV."""
    rows = []
    for i, r in enumerate(CHECKSET[::2]):
        label = "neutral" if r["label"] == "promotional" else r["label"]
        if i % 4 == 0:
            (folder / f"{r['id']}.txt").write_text(r["text"], encoding="utf-8")
            rows.append([r["id"], "", f"{r['id']}.txt", label, r["sovereignty"]])
        else:
            rows.append([r["id"], r["text"], "", label, r["sovereignty"]])
    return rows


@pytest.fixture(scope="module")
def trained(tmp_path_factory):
    """One training run on the relabelled sample plus four unusable rows."""
    folder = tmp_path_factory.mktemp("coded")
    rows = relabelled_sample(folder) + [
        ["bad-label", "Un texte.", "", "positive", ""],
        [CHECKSET[0]["id"], "Un autre texte.", "", "neutral", ""],
        ["empty", "  ", "", "critical", ""],
        ["gone", "", "missing.txt", "neutral", ""],
    ]
    coded = write_csv(folder / "coded.csv", ["id", "text", "file", "label", "sovereignty"], rows)
    result = CliRunner().invoke(main, ["train", str(coded), "--out", str(folder / "model")])
    return coded, folder / "model", result


def test_train_on_coded_sample_prints_cross_validated_agreement(trained):
    coded, _, result = trained
    out = result.stdout
    assert f"{coded}: 24 rows used, 4 not used; 5-fold cross-validation by article" in out
    for system in ("lexicon", "classifier", "combined"):
        assert f"== framing label, {system} (n=24)" in out
    assert "krippendorff_alpha" in out and "== sovereignty stance" in out
    assert "macro-F1 by language: lexicon fr" in out and " en " in out


def test_train_names_every_row_it_did_not_use(trained):
    coded, model_dir, result = trained
    assert result.exit_code == 1  # rows were left out, and said so; the model is still written
    lines = [x.strip() for x in result.stdout.splitlines() if x.strip().startswith("not used:")]
    last = len(coded.read_text("utf-8").splitlines())  # the four bad rows end the file
    expected = [
        ("unknown label 'positive' (expected one of promotional, neutral, critical, or "
        "promotionnel, neutre, critique)"),
        f"duplicate id '{CHECKSET[0]['id']}' (first at line 2)",
        "empty text and no 'file'",
        f"file 'missing.txt' does not exist (looked for {coded.parent / 'missing.txt'})",
    ]
    assert lines == [f"not used: {coded}:{last - 3 + i}: {reason}"
                     for i, reason in enumerate(expected)]
    info = json.loads((model_dir / "model.json").read_text("utf-8"))
    assert info["article_model"]["rows_used"] == 24 and info["article_model"]["rows_not_used"] == 4
    assert info["article_model"]["labels"] == {"promotional": 0, "neutral": 16, "critical": 8}
    assert info["sentence_model"]["articles"] >= 150


def test_score_with_the_retrained_model_follows_the_researchers_coding(trained):
    _, model_dir, _ = trained
    runner = CliRunner()
    default = runner.invoke(main, ["score", "--json", str(seed_path("003"))])
    retrained = runner.invoke(main, ["score", "--json", "--model", str(model_dir),
                                     str(seed_path("003")), str(seed_path("001"))])
    assert json.loads(default.stdout)["framing"]["label"] == "promotional"
    seed3, seed1 = (json.loads(x)["framing"] for x in retrained.stdout.splitlines())
    # This researcher codes promotional copy as neutral: the retrained model does too, while the
    # lexicon's own label (and the critical seed) stay as they were.
    assert seed3["method"] == "combined" and seed3["label"] == "neutral"
    assert seed3["lexicon_label"] == "promotional"
    assert seed1["label"] == "critical"


def test_train_on_a_coded_file_needs_out(tmp_path):
    result = CliRunner().invoke(main, ["train", "--help"])
    assert result.exit_code == 0 and "CODED" in result.output
    coded = write_csv(tmp_path / "c.csv", ["id", "text", "label"], [["a", "t", "neutral"]])
    no_out = CliRunner().invoke(main, ["train", str(coded)])
    assert no_out.exit_code == 2 and "--out" in no_out.output


def run_train(tmp_path: Path, header: list[str], rows: list[list[str]]):
    coded = write_csv(tmp_path / "coded.csv", header, rows)
    result = CliRunner().invoke(main, ["train", str(coded), "--out", str(tmp_path / "model")])
    return coded, result


def sample_rows(n: int, labels=("promotional", "neutral", "critical")) -> list[list[str]]:
    chosen = [r for r in CHECKSET if r["label"] in labels][:n]
    return [[r["id"], r["text"].replace("\n", " "), r["label"]] for r in chosen]  # one line each


def test_too_few_rows_to_train_is_a_usage_error(tmp_path):
    coded, result = run_train(tmp_path, ["id", "text", "label"], sample_rows(6))
    assert result.exit_code == 2
    assert f"{coded}: 6 usable rows; training needs at least 10 coded articles" in result.output
    assert not (tmp_path / "model").exists()


def test_too_few_usable_rows_says_why_the_others_were_not_used(tmp_path):
    rows = sample_rows(9) + [["x", "Un texte.", "positif"], ["y", "", "neutral"]]
    coded, result = run_train(tmp_path, ["id", "text", "label"], rows)
    assert result.exit_code == 2 and "9 usable rows" in result.output
    assert f"{coded}:11: unknown label 'positif'" in result.output
    assert f"{coded}:12: empty text" in result.output


def test_a_single_label_is_a_usage_error(tmp_path):
    _, result = run_train(tmp_path, ["id", "text", "label"], sample_rows(12, ("critical",)))
    assert result.exit_code == 2
    assert "every usable row is labelled 'critical'; training needs two labels" in result.output


def test_a_label_with_one_row_is_named_with_its_line(tmp_path):
    rows = sample_rows(12, ("neutral", "critical")) + sample_rows(1, ("promotional",))
    _, result = run_train(tmp_path, ["id", "text", "label"], rows)
    assert result.exit_code == 2
    assert "too few rows for label 'promotional' (1: line 14)" in result.output


def small_corpus(tmp_path: Path) -> Path:
    """A folder with 24 articles of the written corpus (12 from each end of part 1)."""
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    lines = (ROOT / "framing" / "data" / "corpus" / "part1.jsonl").read_text("utf-8").splitlines()
    (corpus / "small.jsonl").write_text("\n".join(lines[:12] + lines[-12:]) + "\n", "utf-8")
    return corpus


def test_framing_train_command_writes_a_usable_model(tmp_path):
    corpus = small_corpus(tmp_path)
    result = CliRunner().invoke(main, ["train", "--corpus", str(corpus), "--no-real", "--out",
                                       str(tmp_path / "model")])
    assert result.exit_code == 0 and "trained on 24 articles" in result.output
    scored = CliRunner().invoke(main, ["score", "--json", "--model", str(tmp_path / "model"),
                                       str(seed_path("002"))])
    assert json.loads(scored.stdout)["framing"]["method"] == "combined"


def test_the_model_card_hashes_the_lexicons_it_was_trained_with(tmp_path, monkeypatch):
    """$FRAMING_LEXICONS chooses the lexicons training reads; model.json must hash that folder,
    not the project's default one (a card could otherwise vouch for lexicons never used)."""
    import shutil

    from framing.lexicon import LEXICON_DIR
    from framing.training import files_sha256

    lexicons = tmp_path / "lexicons"
    shutil.copytree(LEXICON_DIR, lexicons)
    with (lexicons / "promotional.tsv").open("a", encoding="utf-8") as extra:
        extra.write("mirifique\tfr\tpromotional.superlative\t1.0\n")
    corpus = small_corpus(tmp_path)
    monkeypatch.setenv("FRAMING_LEXICONS", str(lexicons))
    result = CliRunner().invoke(main, ["train", "--corpus", str(corpus), "--no-real", "--out",
                                       str(tmp_path / "model")])
    assert result.exit_code == 0, result.output
    info = json.loads((tmp_path / "model" / "model.json").read_text("utf-8"))
    assert info["lexicons_sha256"] == files_sha256(lexicons, "*.tsv")
    assert info["lexicons_sha256"] != files_sha256(LEXICON_DIR, "*.tsv")


def test_framing_train_names_the_bad_line(tmp_path):
    (tmp_path / "bad.jsonl").write_text('{"id": "a", "lang": "fr"}\n', "utf-8")
    result = CliRunner().invoke(main, ["train", "--corpus", str(tmp_path), "--out",
                                       str(tmp_path / "m")])
    assert result.exit_code == 2 and "bad.jsonl:1" in result.output


FRENCH = {"promotional": "Promotionnel", "neutral": "neutre", "critical": "CRITIQUE"}


def test_french_labels_in_a_semicolon_csv_train_like_english_ones(tmp_path):
    """The same twelve coded articles, once as an English comma CSV, once as a French
    spreadsheet saves them (semicolons, French label names): the same sample, the same figures."""
    rows = sample_rows(12)
    runs = {}
    for name, delimiter, names in (("en", ",", {}), ("fr", ";", FRENCH)):
        coded = tmp_path / f"{name}.csv"
        with coded.open("w", newline="", encoding="utf-8") as f:
            writer = csv.writer(f, delimiter=delimiter)
            writer.writerow(["id", "text", "label"])
            writer.writerows([[i, text, names.get(label, label)] for i, text, label in rows])
        runs[name] = CliRunner().invoke(main, ["train", str(coded), "--json",
                                               "--out", str(tmp_path / f"model-{name}")])
        assert runs[name].exit_code == 0, runs[name].output
    en, fr = (json.loads(runs[name].stdout) for name in ("en", "fr"))
    assert fr["rows_used"] == 12 and fr["rows_skipped"] == []
    assert fr["framing"] == en["framing"] and fr["folds"] == en["folds"] == 3
    info = json.loads((tmp_path / "model-fr" / "model.json").read_text("utf-8"))
    assert info["article_model"]["labels"] == {"promotional": 3, "neutral": 3, "critical": 6}
