"""The scoring path (pipeline.Scorer): labels, stances and evidence offsets on the seeds and on
written cases, with and without the trained model and the sources."""

import json

import jsonschema
import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import framing
from framing.cli import main

from .conftest import SCHEMA, SEEDS, seed_path


def test_seed_labels(seed_records):
    assert seed_records["004"].framing.label == "promotional"  # the press release itself
    assert seed_records["000"].framing.label == "promotional"
    assert seed_records["003"].framing.label == "promotional"
    assert seed_records["002"].framing.label != "critical"
    p = {k: r.framing.promotional for k, r in seed_records.items()}
    assert p["004"] > p["002"] and p["000"] > p["002"]


def test_seed_001_critical_part_is_its_ending(seed_records):
    sentences = seed_records["001"].framing.sentences
    critical = [i for i, s in enumerate(sentences) if s.label == "critical"]
    assert critical and max(critical) >= len(sentences) - 6
    assert sum(1 for i in critical if i >= len(sentences) * 0.75) >= 2


def test_every_span_is_the_text_at_its_offsets(seed_records, seed_texts):
    for key, record in seed_records.items():
        text = seed_texts[key]
        spans = record.framing.evidence + record.sovereignty.evidence
        assert spans
        for span in spans:
            assert text[span.start : span.end] == span.text
        for s in record.framing.sentences:
            assert 0 <= s.start < s.end <= len(text)


@pytest.mark.parametrize("text, expected", [
    ("Le projet ne crée pas les emplois promis et rien ne garantit sa rentabilité.", "critical"),
    ("This historic, world-class project will boost jobs and unlock growth for everyone.",
     "promotional"),
    ("The council voted on Tuesday. The bridge will be 300 metres long and open in 2026.",
     "neutral"),
])
def test_written_cases(lexicon, text, expected):
    assert framing.score_text(text, lexicon=lexicon).framing.label == expected


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=400))
def test_any_text_scores_without_error_and_spans_stay_in_bounds(lexicon, text):
    record = framing.score_text(text, lexicon=lexicon)
    for span in record.framing.evidence + record.sovereignty.evidence:
        assert 0 <= span.start < span.end <= len(text)
        assert text[span.start : span.end] == span.text
    starts = [s.start for s in record.framing.sentences]
    assert starts == sorted(starts)
    assert 0 <= record.framing.promotional <= 1 and 0 <= record.framing.critical <= 1
    jsonschema.validate(record.to_dict(), SCHEMA)


def test_french_lexicon_words_inside_typical_sentences(lexicon):
    text = ("Microsoft investira 4 milliards d’euros. « C’est historique », a déclaré M. Smith. "
            "La question reste posée : jusqu’où ira la dépendance aux hyperscalers ?")
    record = framing.score_text(text, lexicon=lexicon)
    contexts = {e.text: e.context for e in record.framing.evidence}
    assert contexts["historique"] == "quoted"
    assert record.sovereignty.stance == "question"
    assert record.framing.sentences[-1].label == "critical"


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


def test_cli_score_with_sources_fills_reuse():
    result = CliRunner().invoke(main, ["score", "--json", "--no-model", str(SEEDS), "--sources",
                                       str(seed_path("004"))])
    out = [json.loads(line) for line in result.stdout.splitlines()]
    for record in out:
        jsonschema.validate(record, SCHEMA)
    kinds = {r["id"][:3]: r["reuse"]["kind"] for r in out}
    assert kinds["001"] == "translated" and kinds["004"] == "verbatim"


def test_a_text_in_neither_french_nor_english_is_not_labelled_by_the_model():
    """The model learned French and English: on a Bengali page (seen in a new user's trial) it
    said promotional 0.99 with no evidence. The lexicon, finding nothing, says neutral."""
    model = framing.load_model()
    bengali = ("বাংলাদেশ সরকার আজ নতুন ডেটা সেন্টারে বিনিয়োগের ঘোষণা দিয়েছে। কোম্পানিটি হাজার "
               "হাজার কর্মসংস্থানের প্রতিশ্রুতি দিয়েছে।")
    record = framing.score_text(bengali, model=model)
    assert (record.language, record.framing.method) == ("unknown", "lexicon")
    assert (record.framing.label, record.framing.promotional, record.framing.critical) == (
        "neutral", 0.0, 0.0)
    french = framing.score_text("Le ministre a salué un investissement formidable.", model=model)
    assert (french.language, french.framing.method) == ("fr", "combined")


def test_score_line_is_the_record_as_score_json_prints_it(model, lexicon, tmp_path):
    """`--json`'s lines are made where the articles are scored (pipeline.score_line): the same
    line as the record's, with or without sentences; an error record is also handed back, for
    the list of failures."""
    from framing.documents import read_documents
    from framing.pipeline import LineScorer, Scorer, score_line

    scorer = Scorer(lexicon, model)
    paths = [str(seed_path("001")), str(tmp_path / "none.txt")]
    for document in read_documents(paths):
        record = scorer.score(document)
        for sentences in (True, False):
            scored = score_line(document, LineScorer(scorer, sentences))
            assert scored.line == json.dumps(record.to_dict(sentences=sentences),
                                             ensure_ascii=False)
            assert scored.failed == (record if record.error is not None else None)
    assert record.error is not None  # the last document could not be read
