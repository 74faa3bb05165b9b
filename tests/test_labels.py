"""The label and stance vocabularies (framing.labels): the contract's words, in the order the
shipped model's weights were trained with."""

import framing
from framing.labels import LABELS, STANCES, coded_label, coded_stance

from .conftest import SCHEMA, seed_path


def test_the_vocabularies_are_the_contract_s_in_its_order():
    framing_schema = SCHEMA["properties"]["framing"]["properties"]
    assert LABELS == ("promotional", "neutral", "critical")
    assert list(LABELS) == framing_schema["label"]["enum"]
    assert list(LABELS) == framing_schema["sentences"]["items"]["properties"]["label"]["enum"]
    assert STANCES == ("question", "promise", "none")
    assert list(STANCES) == SCHEMA["properties"]["sovereignty"]["properties"]["stance"]["enum"]


def test_the_model_s_probabilities_are_read_in_the_labels_order(lexicon, model):
    # The model stores weights per class number: class 0 is promotional because LABELS says so.
    # Seed 004 is the press release itself, seed 001 the inquiry that ends critically.
    for seed, label in (("004", "promotional"), ("001", "critical")):
        record = framing.score_text(seed_path(seed).read_text("utf-8"), lexicon=lexicon,
                                    model=model)
        probabilities = record.framing.classifier["probabilities"]
        assert list(probabilities) == list(LABELS)
        assert record.framing.label == label == max(probabilities, key=probabilities.get)


def test_coders_may_write_labels_in_french_in_any_case_with_or_without_accents():
    assert [coded_label(x) for x in ("Promotionnel", "NEUTRE", "critiqué", " critical ")] == [
        "promotional", "neutral", "critical", "critical"]
    assert [coded_stance(x) for x in ("Question", "promesse", "AUCUNE", "promise")] == [
        "question", "promise", "none", "promise"]
    assert coded_label("positif") is None and coded_stance("peut-être") is None
