"""The scoring path (pipeline.Scorer): labels, stances and evidence offsets on the seeds and on
written cases, with and without the trained model and the sources."""

import json
from pathlib import Path

import jsonschema
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import framing

# The contract lives in shared/ beside the checkout; a copy is kept so the tests run anywhere.
SHARED_SCHEMA = Path(__file__).resolve().parents[2] / "shared" / "contract" / "score.schema.json"
LOCAL_SCHEMA = Path(__file__).parent / "data" / "score.schema.json"


def schema():
    return json.loads(LOCAL_SCHEMA.read_text(encoding="utf-8"))


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


def test_records_conform_to_the_contract(seed_records):
    for record in seed_records.values():
        jsonschema.validate(record.to_dict(), schema())
        jsonschema.validate(record.to_dict(sentences=False), schema())


def test_local_schema_copy_matches_the_shared_contract():
    if not SHARED_SCHEMA.exists():
        pytest.skip("shared/contract is not beside this checkout")
    assert schema() == json.loads(SHARED_SCHEMA.read_text(encoding="utf-8"))


def test_to_row_is_flat_and_the_same_shape_for_all(seed_records):
    rows = [r.to_row() for r in seed_records.values()]
    assert all(set(row) == set(rows[0]) for row in rows)
    for row in rows:
        assert all(v is None or isinstance(v, (str, int, float, bool)) for v in row.values())
        assert row["label"] in ("promotional", "neutral", "critical")


def test_readability_names_its_formula(seed_records):
    fr = seed_records["001"].readability
    en = seed_records["004"].readability
    assert "fr" in fr.formula and fr.lix is not None and fr.grade is None
    assert en.formula.startswith("flesch_reading_ease (") and en.grade is not None
    assert 0 < fr.score < 100 and en.score < 100


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
    jsonschema.validate(record.to_dict(), schema())


def test_french_lexicon_words_inside_typical_sentences(lexicon):
    text = ("Microsoft investira 4 milliards d’euros. « C’est historique », a déclaré M. Smith. "
            "La question reste posée : jusqu’où ira la dépendance aux hyperscalers ?")
    record = framing.score_text(text, lexicon=lexicon)
    contexts = {e.text: e.context for e in record.framing.evidence}
    assert contexts["historique"] == "quoted"
    assert record.sovereignty.stance == "question"
    assert record.framing.sentences[-1].label == "critical"
