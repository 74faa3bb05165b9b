"""framing.tone, rule by rule, on small sentences in French and English. Each expectation is
written by hand from the sentence and the lexicon entry it holds (the cue, its family, its
weight), never computed by framing: if a rule changes (the negation window, "n't", a clause
break, a question, a quote), one of these fails.

Cues used (lexicons/promotional.tsv, critical.tsv): "succès" (fr, promotional, 0.7),
"innovant*" (fr, promotional, 1.0), "breakthrough" (en, promotional, 1.5), "flagship" (en,
promotional, 1.0), "risque" / "risk" (critical, 1.0)."""

import pytest

import framing


def evidence(text, lexicon):
    record = framing.score_text(text, lexicon=lexicon)
    return [(e.text, e.effect, e.context) for e in record.framing.evidence]


def label(text, lexicon):
    (sentence,) = framing.score_text(text, lexicon=lexicon).framing.sentences
    return sentence.label


# --- negation, and how far back it reaches (NEGATION_WINDOW = 4 words, same clause) ---------

@pytest.mark.parametrize("text, cue", [
    ("Ce n'est pas un succès.", "succès"),  # "pas" 2 words before
    ("Ce projet n'est pas innovant.", "innovant"),  # "pas" right before
    ("Ce projet n'est franchement pas innovant.", "innovant"),
    ("The platform is not a breakthrough.", "breakthrough"),
    ("The platform isn't a breakthrough.", "breakthrough"),  # one word: "isn't"
    ("The operator can't guarantee the security of the data.", "guarantee"),
    ("The operator cannot guarantee the security of the data.", "guarantee"),
])
def test_a_negated_promise_is_critical(lexicon, text, cue):
    assert evidence(text, lexicon) == [(cue, "critical", "negated")]
    assert label(text, lexicon) == "critical"


def test_a_negation_four_words_back_still_negates(lexicon):
    """The window's far edge: "pas" / "isn't" is the fourth word before the cue ("pas vraiment
    un grand succès": grand, un, vraiment, pas)."""
    assert ("succès", "critical", "negated") in evidence(
        "Ce n'est pas vraiment un grand succès.", lexicon)
    assert ("breakthrough", "critical", "negated") in evidence(
        "The platform isn't really a true breakthrough.", lexicon)
    assert label("Ce n'est pas vraiment un grand succès.", lexicon) == "critical"
    assert label("The platform isn't really a true breakthrough.", lexicon) == "critical"


def test_a_negation_five_words_back_is_about_something_else(lexicon):
    """"Il n'a pas plu pendant le grand succès" (it did not rain during the great success):
    "pas" is five words before "succès" and negates the rain, not the success."""
    assert evidence("Il n'a pas plu pendant le grand succès du festival.", lexicon) == [
        ("succès", "promotional", "writer")]
    assert evidence("It did not rain once during the flagship festival.", lexicon) == [
        ("flagship", "promotional", "writer")]
    assert label("It did not rain once during the flagship festival.", lexicon) == "promotional"


@pytest.mark.parametrize("text, cue", [
    ("Ce projet n'est pas, hélas, innovant.", "innovant"),
    ("The platform is not, however, a breakthrough.", "breakthrough"),
    ("Sans doute, un succès.", "succès"),
    ("Un succès, sans doute.", "succès"),
])
def test_a_clause_break_stops_the_negation(lexicon, text, cue):
    """A comma between the negation and the cue closes the negation's clause: the cue is the
    writer's own (and "sans doute" after the cue is no negation of it either)."""
    assert evidence(text, lexicon) == [(cue, "promotional", "writer")]
    assert label(text, lexicon) == "promotional"


@pytest.mark.parametrize("text, cue", [
    ("La plateforme est non seulement innovante.", "innovante"),
    ("The platform is not only a breakthrough.", "breakthrough"),
    ("C'est non seulement un succès.", "succès"),
])
def test_not_only_announces_more(lexicon, text, cue):
    assert evidence(text, lexicon) == [(cue, "promotional", "writer")]


@pytest.mark.parametrize("text, cue", [
    ("La plateforme ne présente aucun risque.", "risque"),
    ("The platform carries no risk.", "risk"),
])
def test_a_denied_risk_reassures(lexicon, text, cue):
    """Negated, a critical cue counts promotional at NEGATED_CRITICAL_TO_PROMO (0.5) of its
    weight (1.0): 0.5, which is SENTENCE_MIN, so the sentence is promotional."""
    record = framing.score_text(text, lexicon=lexicon)
    assert [(e.text, e.effect, e.context, e.weight) for e in record.framing.evidence] == [
        (cue, "promotional", "negated", 0.5)]
    assert record.framing.sentences[0].label == "promotional"


@pytest.mark.parametrize("text, cue", [
    ("La plateforme présente un risque.", "risque"),
    ("The platform carries a risk.", "risk"),
])
def test_an_asserted_risk_is_critical(lexicon, text, cue):
    assert evidence(text, lexicon) == [(cue, "critical", "writer")]
    assert label(text, lexicon) == "critical"


# --- questions ------------------------------------------------------------------------------

@pytest.mark.parametrize("asserted, asked, cue, words", [
    ("La plateforme est innovante.", "La plateforme est-elle innovante ?", "innovante",
     "?"),
    ("The platform is a breakthrough.", "Is the platform a breakthrough?", "breakthrough", "?"),
])
def test_a_question_doubts_the_promise_it_names(lexicon, asserted, asked, cue, words):
    """Asserted, the cue is the writer's praise; asked, it is doubted (critical), and the
    question itself is a critical move whose span ends with its mark."""
    assert evidence(asserted, lexicon) == [(cue, "promotional", "writer")]
    assert label(asserted, lexicon) == "promotional"
    found = evidence(asked, lexicon)
    assert found[0] == (cue, "critical", "question")
    assert found[-1][1:] == ("critical", "question") and found[-1][0].endswith(words)
    assert label(asked, lexicon) == "critical"


def test_a_lone_question_without_a_cue_at_the_start_is_not_critical(lexicon):
    """Only the closing part's questions, or questions about a cue, are critical."""
    text = ("Qui a choisi le nom du pont ? Le conseil municipal a voté mardi. "
            "Le pont mesurera 300 mètres. Les travaux dureront deux ans. "
            "La ville a lancé un appel d'offres.")
    record = framing.score_text(text, lexicon=lexicon)
    assert [s.label for s in record.framing.sentences] == ["neutral"] * 5


def test_a_question_mark_inside_a_sentence_does_not_make_a_question(lexicon):
    """"« Pourquoi pas ? » : la plateforme est innovante." ends with a full stop: the writer
    asserts; only the quoted words ask."""
    found = evidence("Le ministre a répondu « pourquoi pas ? » et la plateforme est innovante.",
                     lexicon)
    assert ("innovante", "promotional", "question") not in found
    assert ("innovante", "critical", "question") not in found


# --- whose voice: writer, quoted, reported --------------------------------------------------

@pytest.mark.parametrize("writer, quoted, reported, cue", [
    ("La plateforme est innovante.", "« La plateforme est innovante », a déclaré le PDG.",
     "Selon le PDG, la plateforme est innovante.", "innovante"),
    ("The platform is a breakthrough.",
     "\"The platform is a breakthrough,\" the chief executive said.",
     "According to the chief executive, the platform is a breakthrough.", "breakthrough"),
])
def test_the_writers_praise_counts_a_speakers_weighs_less(lexicon, writer, quoted, reported, cue):
    """The same cue: the writer's own (full weight, promotional sentence), inside quotation
    marks (QUOTED = 0.3 of its weight) or attributed (REPORTED = 0.3): a neutral sentence."""
    weight = {"innovante": 1.0, "breakthrough": 1.5}[cue]
    for text, context, factor, sentence_label in [(writer, "writer", 1.0, "promotional"),
                                                   (quoted, "quoted", 0.3, "neutral"),
                                                   (reported, "reported", 0.3, "neutral")]:
        record = framing.score_text(text, lexicon=lexicon)
        assert [(e.text, e.effect, e.context) for e in record.framing.evidence] == [
            (cue, "promotional", context)], text
        assert record.framing.evidence[0].weight == pytest.approx(weight * factor), text
        assert record.framing.sentences[0].label == sentence_label, text


def test_a_quoted_negation_is_still_a_negation(lexicon):
    """Negation wins over the quote: the speaker denies the claim."""
    assert evidence("« Ce n'est pas un succès », a déclaré le ministre.", lexicon) == [
        ("succès", "critical", "negated")]


# --- the article label ----------------------------------------------------------------------

def test_article_label_from_rates_written_by_hand():
    """article_label takes contributions per 100 words: critical from 0.9 when its boosted rate
    (x1.5) reaches the promotional one; promotional from 0.5."""
    from framing.tone import article_label

    assert article_label(0.0, 0.0) == "neutral"
    assert article_label(0.49, 0.0) == "neutral"
    assert article_label(0.5, 0.0) == "promotional"
    assert article_label(0.0, 0.89) == "neutral"
    assert article_label(0.0, 0.9) == "critical"
    assert article_label(1.35, 0.9) == "critical"  # 0.9 x 1.5 = 1.35: a tie goes to critical
    assert article_label(1.36, 0.9) == "promotional"


def test_sentence_label_thresholds_written_by_hand():
    """Promotional from 0.5 with a 1.2 margin over critical; critical from 0.5, winning ties."""
    from framing.tone import _sentence_label

    assert _sentence_label(0.49, 0.0) == "neutral"
    assert _sentence_label(0.5, 0.0) == "promotional"
    # 1.2 is not above 1.0 x 1.2, and critical 1.0 is below promotional 1.2: neither side wins.
    assert _sentence_label(1.2, 1.0) == "neutral"
    assert _sentence_label(1.21, 1.0) == "promotional"
    assert _sentence_label(0.5, 0.5) == "critical"
    assert _sentence_label(0.0, 0.49) == "neutral"
    assert _sentence_label(0.3, 0.4) == "neutral"


# --- edges found by mutation testing (make mutation) -----------------------------------------

@pytest.mark.parametrize("text, cue", [
    ("Pas un succès pour la ville.", "succès"),  # the negation is the sentence's first word
    ("Not a breakthrough for the city.", "breakthrough"),
])
def test_a_negation_that_opens_the_sentence_negates(lexicon, text, cue):
    assert evidence(text, lexicon) == [(cue, "critical", "negated")]


def test_a_cue_near_the_start_is_not_negated_by_the_sentence_s_last_word(lexicon):
    """"succès" is the second word: nothing before it but "Un"; the "pas" that ends the
    sentence comes after it and negates the doubters' belief, not the success."""
    assert evidence("Un succès pour Lyon, et un bel échec pour ceux qui n'y croyaient pas.",
                    lexicon) == [("succès", "promotional", "writer"),
                                 ("échec", "critical", "writer")]


def test_a_question_closed_by_a_parenthesis_is_a_question(lexicon):
    """"(vraiment ?)": the sentence ends with ")", after its question mark."""
    found = evidence("La plateforme est innovante (vraiment ?)", lexicon)
    assert found[0] == ("innovante", "critical", "question")
    assert found[-1] == ("?", "critical", "question")


def test_a_quoted_question_at_the_end_is_the_speaker_s_not_the_writer_s(lexicon):
    """The closing sentence opens with its quotation mark: the question is quoted, so it is no
    critical move of the writer."""
    text = ("Le conseil municipal a voté mardi. Le pont mesurera 300 mètres. Les travaux "
            "dureront deux ans. La ville a lancé un appel d'offres. « Qui a choisi le nom du "
            "pont ? »")
    record = framing.score_text(text, lexicon=lexicon)
    assert [s.label for s in record.framing.sentences] == ["neutral"] * 5
    assert record.framing.evidence == []


def test_the_closing_part_is_the_last_fifth_and_at_least_one_sentence():
    """CLOSING_SHARE = 0.2: the closing part of 10 sentences is the last 2 (from index 8); of
    8, round(1.6) = 2 (from 6); of 3, round(0.6) = 1 (from 2); of 1, the one (from 0)."""
    from framing.tone import closing_start

    assert [closing_start(n) for n in (1, 2, 3, 5, 8, 10, 20)] == [0, 1, 2, 4, 6, 8, 16]
