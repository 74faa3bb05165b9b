"""The trained classifier: deterministic training, held-out agreement, use by `framing score`."""

import json
import subprocess
import sys
from pathlib import Path

import jsonschema
import numpy as np
import pytest
from click.testing import CliRunner

import framing
from framing.classifier import FramingClassifier
from framing.cli import main
from framing.corpus import build_text, load_corpus, parse_article
from framing.model_files import load
from framing.training import SHIPPED_MODEL_DIR

from .conftest import SEEDS, seed_path

ROOT = Path(__file__).resolve().parent.parent
SCHEMA = json.loads((ROOT / "tests" / "data" / "score.schema.json").read_text("utf-8"))


@pytest.fixture(scope="session")
def model_dir():
    """The model that ships with framing (trained on the written corpus and the real articles,
    some of whose texts are not in git: tests read it, `make model` rebuilds it)."""
    return SHIPPED_MODEL_DIR


@pytest.fixture(scope="session")
def model(model_dir, lexicon):
    return load(model_dir, lexicon)


def test_corpus_meets_its_size_and_balance():
    articles = load_corpus()
    assert len(articles) >= 150 and sum(len(a.sentences) for a in articles) >= 2500
    langs = [a.lang for a in articles]
    assert abs(langs.count("fr") - langs.count("en")) <= 10
    assert len({a.subject for a in articles}) >= 30
    for a in articles[:20]:
        for s in a.sentences:
            assert a.text[s.start : s.end].strip() and "\n" not in a.text[s.start : s.end]


def test_corpus_rows_are_checked():
    text, spans = build_text(["Titre", "Une phrase.", "Une autre."])
    assert text == "Titre\nUne phrase. Une autre." and spans[1] == (6, 17)
    with pytest.raises(ValueError, match="x.jsonl:3"):
        parse_article({"id": "a", "lang": "fr", "label": "positive", "sovereignty": "none",
                       "sentences": [{"text": "t", "label": "neutral"}]}, "x.jsonl:3")


def test_training_is_deterministic(lexicon):
    articles = load_corpus()[:40]
    first = FramingClassifier(lexicon).fit(articles)
    second = FramingClassifier(lexicon).fit(articles)
    text = seed_path("001").read_text("utf-8")
    assert np.array_equal(first.predict(text)[2], second.predict(text)[2])


def test_held_out_check_set_agreement(model):
    sys.path.insert(0, str(ROOT / "benchmarks"))
    from accuracy import evaluate

    results = evaluate(ROOT / "tests" / "data" / "checkset.jsonl", model)
    combined = results["framing label"]["all"]
    lexicon_alone = results["framing label, lexicon alone"]["all"]
    assert combined["macro_f1"]["value"] >= 0.80  # measured 0.807 on the 48 held-out articles
    assert combined["macro_f1"]["value"] >= lexicon_alone["macro_f1"]["value"] + 0.10


def test_score_with_the_model_keeps_the_lexicon_view(model, lexicon):
    records = framing.score_paths([str(SEEDS)], lexicon=lexicon, model=model)
    by_seed = {r.id[:3]: r for r in records}
    assert by_seed["004"].framing.label == "promotional"
    assert by_seed["001"].framing.label == "critical"
    text = seed_path("001").read_text("utf-8")
    f = by_seed["001"].framing
    assert f.method == "combined" and f.lexicon_label in ("promotional", "neutral", "critical")
    assert abs(sum(f.classifier["probabilities"].values()) - 1) < 1e-3
    for s in f.classifier["sentences"]:
        assert 0 <= s["start"] < s["end"] <= len(text) and s["label"] == "critical"


def test_cli_uses_the_model_only_when_asked_or_found(model_dir):
    runner = CliRunner()
    with_model = runner.invoke(main, ["score", "--json", "--model", str(model_dir),
                                      str(seed_path("003"))])
    without = runner.invoke(main, ["score", "--json", "--no-model", str(seed_path("003"))])
    (a,), (b,) = ([json.loads(x) for x in r.stdout.splitlines()] for r in (with_model, without))
    jsonschema.validate(a, SCHEMA)
    assert a["framing"]["method"] == "combined" and a["framing"]["classifier"]
    assert b["framing"]["method"] == "lexicon" and b["framing"]["classifier"] is None
    info = json.loads((model_dir / "model.json").read_text("utf-8"))
    assert info["articles"] >= 150 and len(info["corpus_sha256"]) == 64


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


def test_framing_evaluate_scores_with_the_model_like_framing_score(model_dir, tmp_path):
    coded = tmp_path / "coded.csv"
    rows = f"s001,{seed_path('001')},critical\ns004,{seed_path('004')},promotional\n"
    coded.write_text("id,file,label\n" + rows, encoding="utf-8")
    result = CliRunner().invoke(main, ["evaluate", str(coded), "--json", "--model", str(model_dir)])
    out = json.loads(result.stdout)
    assert result.exit_code == 0 and out["labels_from"] == "combined"
    assert out["framing"]["accuracy"]["value"] == 1.0  # both seeds, as test_score_with_the_model


def test_sentence_terms_weigh_as_tfidf_would(model, lexicon):
    """The per-article cells equal TF-IDF computed the plain way from the terms' strings:
    sublinear tf, the fitted idf, L2 norm per sentence in each block (words and pairs, stems)."""
    from collections import Counter

    from framing.analysis import analyse_text

    terms = model.terms
    text = seed_path("002").read_text("utf-8") + "\nUn mot inconnu : zorglubesque, zorglubesques !"
    analysis = analyse_text(text, lexicon)
    rows, cols, values = terms.weights(analysis)
    got = {(int(r), int(c)): v for r, c, v in zip(rows, cols, values)}
    expected = {}
    for i, sentence in enumerate(analysis.text.sentences):
        counts = Counter(t for t in terms._terms(sentence) if t in terms.vocabulary)
        for stems in (False, True):
            cells = {terms.vocabulary[t]: (1 + np.log(n)) * terms.idf[terms.vocabulary[t]]
                     for t, n in counts.items() if t.startswith("~") == stems}
            norm = np.sqrt(sum(v * v for v in cells.values()))
            expected.update({(i, c): v / norm for c, v in cells.items()})
    assert got.keys() == expected.keys() and len(got) > 200
    assert all(abs(got[k] - expected[k]) < 1e-12 for k in got)
    assert any(c >= terms.split for _, c in got) and any("|" in t for t in terms.vocabulary)


def test_fast_prediction_equals_the_fitted_models(model, lexicon):
    """predict_sentences sums the weights itself; it must give what scikit-learn's logistic
    regression gives on the sparse matrix, and the saved Softmax what the estimator gives."""
    from sklearn.linear_model import LogisticRegression

    from framing.analysis import analyse_text
    from framing.classifier import Softmax, _full_proba

    analysis = analyse_text(seed_path("001").read_text("utf-8"), lexicon)
    fast = model.predict_sentences(analysis)
    plain = _full_proba(model.sentence_model,
                        model._sentence_matrix([analysis], model._cues([analysis])))
    assert np.allclose(fast, plain, atol=1e-12) and np.allclose(fast.sum(axis=1), 1)
    rng = np.random.default_rng(0)
    X = rng.normal(size=(60, 5))
    for classes in (2, 3):
        y = np.arange(60) % classes
        estimator = LogisticRegression(max_iter=500).fit(X, y)
        assert np.allclose(Softmax(estimator).predict_proba(X), estimator.predict_proba(X))


def test_loading_a_model_imports_neither_scikit_learn_nor_scipy(model_dir):
    code = ("import sys, framing; m = framing.load_model(sys.argv[1]); "
            "assert m is not None; print(' '.join(x for x in ('sklearn', 'scipy', 'joblib') "
            "if x in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code, str(model_dir)], check=True,
                         capture_output=True, text=True)
    assert out.stdout.split() == []


def test_sentence_labels_are_weighed_by_the_article_label():
    from framing.classifier import sentence_labels

    sentence_p = np.array([[0.45, 0.40, 0.15], [0.10, 0.30, 0.60]])
    # In an article the model calls promotional, a sentence leaning promotional stays so and a
    # critical-leaning one is pulled to neutral; in a neutral article both are neutral.
    assert sentence_labels(sentence_p, np.array([0.9, 0.05, 0.05])) == ["promotional", "neutral"]
    assert sentence_labels(sentence_p, np.array([0.1, 0.8, 0.1])) == ["neutral", "neutral"]
    assert sentence_labels(sentence_p, np.array([0.05, 0.05, 0.9])) == ["neutral", "critical"]


def test_scored_sentences_carry_the_model_label_and_the_lexicon_label(model, lexicon):
    record = framing.score_text(seed_path("001").read_text("utf-8"), lexicon=lexicon,
                                model=model).to_dict()
    sentences = record["framing"]["sentences"]
    assert all(s["lexicon_label"] in ("promotional", "neutral", "critical") for s in sentences)
    # The model relabels some sentences the lexicon left neutral (and the reverse).
    assert any(s["label"] != s["lexicon_label"] for s in sentences)
    lexicon_only = framing.score_text(seed_path("001").read_text("utf-8"),
                                      lexicon=lexicon).to_dict()
    assert [s["label"] for s in lexicon_only["framing"]["sentences"]] == \
        [s["lexicon_label"] for s in sentences]
    assert all("lexicon_label" not in s for s in lexicon_only["framing"]["sentences"])
