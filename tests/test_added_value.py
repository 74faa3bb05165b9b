"""What the newsroom added (framing.added_value): the taken and own parts, their voices, the
shift of the taken wording and the verdict, on the seeds and on small texts whose expected
values are written from the text."""

import jsonschema
import pytest

from framing.added_value import (
    COMMENTARY_WORDS,
    REPRINT_SHARE,
    REWRITE_SHARE,
    AddedValue,
    Part,
    _verdict,
)
from framing.documents import Document
from framing.pipeline import Scorer
from framing.record import Record
from framing.reuse import SourceIndex
from framing.voices import attribution, role_of, voices

from .conftest import SCHEMA


@pytest.fixture(scope="module")
def seed_added(lexicon, model, seed_texts):
    """Seeds 000-003 scored against the release 004 through the scoring path, with the model."""
    scorer = Scorer(lexicon, model, SourceIndex([("004", seed_texts["004"])]))
    return {k: scorer.score(Document(k, None, seed_texts[k], {}))
            for k in ("000", "001", "002", "003")}


def scored(lexicon, release: str, article: str) -> Record:
    scorer = Scorer(lexicon, None, SourceIndex([("release", release)]))
    return scorer.score(Document("article", None, article, {}))


# --- the seeds ---------------------------------------------------------------------------------

def test_seed_001_is_a_translated_reprint_with_a_critical_sovereignty_coda(seed_added, seed_texts):
    record = seed_added["001"]
    text, added = seed_texts["001"], record.added_value
    assert record.reuse.kind == "translated"
    assert added.verdict == "reprint with commentary" and added.commentary == "critical"
    assert added.own.label == "critical" and added.own.stance == "question"
    assert added.reused.share >= REPRINT_SHARE and added.independent_voices == 0
    # The coda ("Souveraineté avec Microsoft, ou pas ?" to the end) is the newsroom's own part;
    # Brad Smith's translated quote is in the taken part.
    coda = text.index("Souveraineté avec Microsoft, ou pas ?")
    smith = text.index("« Nous construisons une infrastructure Cloud")
    assert any(a <= coda < b for a, b in added.own.spans)
    assert not any(a <= coda < b for a, b in added.reused.spans)
    assert any(a <= smith < b for a, b in added.reused.spans)
    assert added.reused.voices == {"company": 1, "official": 1, "unknown": 1}


def test_seeds_000_and_003_are_originals_and_002_a_rewrite_none_with_independent_voices(
        seed_added):
    for seed in ("000", "003"):
        added = seed_added[seed].added_value
        assert added.verdict == "original" and added.reused.words == 0
        assert added.own.share == 1.0 and added.independent_voices == 0
        assert added.shift is None
    added = seed_added["002"].added_value
    assert added.verdict == "rewrite" and added.independent_voices == 0
    assert REWRITE_SHARE <= added.reused.share < REPRINT_SHARE


def test_the_record_keeps_the_contract_and_reads_back(seed_added):
    record = seed_added["001"]
    out = record.to_dict()
    jsonschema.validate(out, SCHEMA)
    assert Record.from_dict(out).to_dict() == out
    row = record.to_row()
    assert row["added_verdict"] == "reprint with commentary"
    assert row["own_part_label"] == "critical" and row["own_part_stance"] == "question"
    # Without sources there is no added value, and the columns are there, empty.
    plain = Record.from_dict({k: v for k, v in out.items() if k != "added_value"})
    assert plain.added_value is None and plain.to_row()["added_verdict"] is None


# --- the shift of the taken wording ------------------------------------------------------------

RELEASE = ("Acme could create up to 400 jobs at its new plant in Lyon, which will produce "
           "batteries for the European market from 2026, the company said on Monday. The site "
           "may also host a research centre that could employ 50 engineers over the next five "
           "years.")
ARTICLE = ("Acme will create 400 jobs at its new plant in Lyon, which will produce world-class "
           "batteries for the European market from 2026, the company said on Monday. The site "
           "will also host a research centre that will employ 50 engineers over the next five "
           "years.")


def test_dropping_hedges_and_adding_a_superlative_amplifies(lexicon):
    shift = scored(lexicon, RELEASE, ARTICLE).added_value.shift
    assert shift.direction == "amplified"
    changes = {(c.change, c.category, c.article_text, c.source_text) for c in shift.changes}
    assert ("added", "promotional.superlative", "world-class", None) in changes
    assert ("removed", "hedging", None, "may") in changes  # "may also host" -> "will also host"
    assert ("removed", "hedging", None, "could") in changes  # "that could employ" -> "will"
    world = ARTICLE.index("world-class")
    (added,) = [c for c in shift.changes if c.change == "added"]
    assert (added.article_start, added.article_end) == (world, world + len("world-class"))
    may = RELEASE.index("may also")
    (removed_may,) = [c for c in shift.changes if c.source_text == "may"]
    assert (removed_may.source_start, removed_may.source_end) == (may, may + 3)


def test_the_same_passage_taken_the_other_way_round_is_toned_down(lexicon):
    shift = scored(lexicon, ARTICLE, RELEASE).added_value.shift
    assert shift.direction == "toned down"
    changes = {(c.change, c.article_text, c.source_text) for c in shift.changes}
    assert ("removed", None, "world-class") in changes
    assert ("added", "may", None) in changes


def test_a_passage_taken_word_for_word_keeps_its_tone(lexicon):
    shift = scored(lexicon, RELEASE, RELEASE).added_value.shift
    assert shift.direction == "kept"
    assert {c.change for c in shift.changes} == {"kept"}
    assert shift.promotional_source == shift.promotional_article


# --- voices ----------------------------------------------------------------------------------

@pytest.mark.parametrize("text, name, role", [
    (("« Nous sommes très fiers de ce projet pour la région », a déclaré Marie Dupont, PDG "
      "d’Acme."), "Marie Dupont", "company"),
    (("« Ce projet est une erreur coûteuse pour les contribuables », estime Paul Martin, "
      "économiste à l’université de Lyon."), "Paul Martin", "independent"),
    (("« La France doit rester maîtresse de ses données publiques », a affirmé Claire Morel, "
      "ministre du Numérique."), "Claire Morel", "official"),
    (("\"These data centres will drain the local water supply,\" said Tom Reed, a spokesman "
      "for the Friends of the Valley campaign group."), "Tom Reed", "independent"),
    (("\"Nobody has shown that the jobs will materialise here,\" said Ana Lopez, a researcher "
      "at the University of Leeds."), "Ana Lopez", "independent"),
    (("« Avec ce projet d’envergure, la région devient une référence », selon Franck Leroy, "
      "président du Conseil régional du Grand-Est."), "Franck Leroy", "official"),
    ("\"We will keep investing in Britain for the long term,\" said Sam Hill of Acme.",
     "Sam Hill", "company"),
])
def test_each_speaker_gets_the_role_the_text_gives(text, name, role):
    found = voices(text, attribution(text), ("Acme",))
    assert [(v.name, v.role) for v in found] == [(name, role)]


def test_a_role_is_read_around_the_name_not_anywhere_in_the_text():
    text = ("Le ministre a visité le site lundi. « Nous embaucherons quatre cents personnes d’ici "
            "deux ans », a déclaré Léa Roux, directrice du site.")
    assert role_of(text, "Léa Roux") == "company"
    assert role_of("« Rien n’est joué pour le moment », a dit Jean Petit.", "Jean Petit") \
        == "unknown"


# --- the verdict -----------------------------------------------------------------------------

def part(share: float, words: int = 100, label: str = "neutral", stance: str = "none") -> Part:
    return Part([(0, 1)], words, share, label, 0.0, 0.0, stance)


@pytest.mark.parametrize("reused, own, independent, quoted, verdict", [
    (part(0.67), part(0.33, 300), 0, 0.0, "reprint"),  # two thirds taken, a neutral rest
    (part(0.67), part(0.33, 300, "critical"), 0, 0.0, "reprint with commentary"),
    (part(0.8), part(0.2, COMMENTARY_WORDS - 1, "critical"), 0, 0.0, "reprint"),  # too short
    (part(0.8), part(0.2, COMMENTARY_WORDS, "critical"), 0, 0.0, "reprint with commentary"),
    (part(0.8), part(0.2, 60, "neutral", "question"), 0, 0.0, "reprint with commentary"),
    (part(0.8), part(0.2, 60, "neutral"), 1, 0.0, "reprint with commentary"),  # a new voice
    (part(0.66), part(0.34, 300, "critical"), 0, 0.0, "rewrite"),
    (part(0.5), part(0.5, 300, "critical"), 0, 0.0, "rewrite"),
    (part(0.15), part(0.85), 0, 0.0, "rewrite"),
    (part(0.14, 14), part(0.86), 0, 0.9, "original with quotes"),
    (part(0.3, 30), part(0.7), 0, 0.9, "original with quotes"),  # only the release's quotes
    (part(0.3, 30), part(0.7), 0, 0.4, "rewrite"),
    (part(0.14, 14), part(0.86), 0, 0.4, "original"),
    (part(0.0, 0), part(1.0), 0, 0.0, "original"),
])
def test_the_verdict_follows_the_documented_thresholds(reused, own, independent, quoted,
                                                      verdict):
    assert _verdict(reused, own, independent, quoted) == verdict


def test_an_article_that_takes_only_the_release_quote_is_original_with_quotes(lexicon):
    quote = ("“We are proud to bring four hundred skilled jobs to Lyon and to build the "
             "batteries that Europe needs for its cars,” said Jane Doe, chief executive of Acme.")
    release = ("Acme today announced a new battery plant in Lyon, its first in France. " + quote
               + " Production is due to start in 2026. About Acme: Acme makes batteries.")
    article = (
        "Lyon’s eastern suburbs have waited a decade for an industrial project of this size. "
        "The site chosen by Acme, a former refinery, still needs to be cleaned up, and the "
        "regional council has not said who will pay for it. Local residents met on Tuesday to "
        "ask about lorry traffic and water use, which the company has not yet published. "
        "Unions welcomed the jobs but asked for guarantees on training and local hiring. "
        "Several elected officials pointed out that two earlier battery projects in the region "
        "were abandoned before production began. " + quote + " The prefecture will rule on "
        "the environmental permit in the spring, after a public inquiry.")
    added = scored(lexicon, release, article).added_value
    assert 0 < added.reused.share < REPRINT_SHARE
    assert added.verdict == "original with quotes"
    assert added.reused.voices == {"company": 1}  # Jane Doe, chief executive of Acme


def test_added_value_reads_back_from_its_dict(lexicon):
    added = scored(lexicon, RELEASE, ARTICLE).added_value
    assert AddedValue.from_dict(added.to_dict()) == added


def test_same_language_cues_pair_by_their_words_not_their_category(lexicon):
    release = ("Acme will build a plant in Lyon that will produce world-class batteries for the "
               "European market from 2026, the company said on Monday.")
    article = release.replace("world-class", "cutting-edge")
    shift = scored(lexicon, release, article).added_value.shift
    assert [(c.change, c.article_text, c.source_text) for c in shift.changes] == [
        ("removed", None, "world-class"), ("added", "cutting-edge", None)]
    assert shift.direction == "kept"  # one superlative for another


def test_a_sentence_is_taken_when_half_its_words_lie_in_passages(lexicon):
    release = ("Acme will build a plant in Lyon that will employ 400 people and produce "
               "batteries for electric cars. About Acme: Acme makes batteries.")
    first = ("Acme will build a plant in Lyon that will employ 400 people and produce batteries "
             "for electric cars, which critics call a gamble.")  # 17 of its 21 words taken
    second = ("In a statement on Monday the firm repeated that Acme will build a plant in Lyon "
              "that will employ 400 people, but the unions, the mayors of three nearby towns "
              "and many residents now doubt every figure the company has given them so far.")
    article = first + " " + second  # the second takes 12 of its 44 words
    added = scored(lexicon, release, article).added_value
    assert added.reused.spans == [(0, len(first))]
    assert added.own.spans == [(len(first) + 1, len(article))]
