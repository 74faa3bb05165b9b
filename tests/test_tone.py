"""framing.tone: a cue counts for the writer only when the writer asserts it. Quoted or reported
cues weigh less; negation and questions turn a promise into doubt; a clause break or "non
seulement" stops a negation; a question the writer leaves at the end is critical."""

import framing


def test_a_company_quote_is_not_the_writers_praise(lexicon):
    quoted = framing.score_text(
        "« C’est un projet historique, exceptionnel et sans précédent », a déclaré le PDG. "
        "Le chantier commencera en mars et durera deux ans.", lexicon=lexicon)
    asserted = framing.score_text(
        "C’est un projet historique, exceptionnel et sans précédent. "
        "Le chantier commencera en mars et durera deux ans.", lexicon=lexicon)
    assert quoted.framing.promotional < asserted.framing.promotional
    assert {e.context for e in quoted.framing.evidence} == {"quoted"}
    assert asserted.framing.label == "promotional"


def test_negation_and_questions_turn_promises_into_doubt(lexicon):
    negated = framing.score_text("L’opérateur ne garantit pas la sécurité des données.", lexicon=lexicon)
    asked = framing.score_text("Can the operator really guarantee the security of the data?",
                               lexicon=lexicon)
    for record in (negated, asked):
        assert record.framing.sentences[0].label == "critical"
        assert any(e.effect == "critical" and e.context in ("negated", "question")
                   for e in record.framing.evidence)


def evidence(record) -> list[tuple[str, str, str]]:
    """(words, effect, context) of each framing cue of a record."""
    return [(e.text, e.effect, e.context) for e in record.framing.evidence]


def test_an_english_n_t_negates_the_promise_that_follows(lexicon):
    """"doesn't" is one word: the rule that reads "not" must read "n't" too."""
    asserted = framing.score_text("The operator guarantees the security of the data.",
                                  lexicon=lexicon)
    denied = framing.score_text("The operator doesn't guarantee the security of the data.",
                                lexicon=lexicon)
    assert evidence(asserted) == [("guarantees", "promotional", "writer")]
    assert evidence(denied) == [("guarantee", "critical", "negated")]
    assert denied.framing.sentences[0].label == "critical"


def test_a_clause_break_ends_a_negation(lexicon):
    """"Sans doute, un succès.": the comma closes the clause that "sans" opened, so the success
    is asserted; without the break, "sans succès" denies it."""
    after_comma = framing.score_text("Sans doute, un succès.", lexicon=lexicon)
    denied = framing.score_text("Un projet sans succès.", lexicon=lexicon)
    assert evidence(after_comma) == [("succès", "promotional", "writer")]
    assert after_comma.framing.sentences[0].label == "promotional"
    assert evidence(denied) == [("succès", "critical", "negated")]


def test_non_seulement_announces_more_not_less(lexicon):
    record = framing.score_text("C'est non seulement un succès.", lexicon=lexicon)
    assert evidence(record) == [("succès", "promotional", "writer")]


def test_a_denied_risk_is_a_weak_promise(lexicon):
    """"sans risque": a critical cue negated reassures; it counts promotional, at less than a
    plain promotional cue's weight."""
    record = framing.score_text("Le projet est sans risque.", lexicon=lexicon)
    assert evidence(record) == [("risque", "promotional", "negated")]
    assert 0 < record.framing.evidence[0].weight < 1
    assert record.framing.sentences[0].label == "promotional"


FACTS = ["Le conseil municipal a voté mardi.", "Le pont mesurera 300 mètres.",
         "Les travaux dureront deux ans.", "La ville a lancé un appel d'offres."]
QUESTION = "Qui a choisi le nom du pont ?"  # no cue, no negation


def test_a_question_left_at_the_end_is_critical_one_at_the_start_is_not(lexicon):
    closing = framing.score_text(" ".join([*FACTS, QUESTION]), lexicon=lexicon)
    opening = framing.score_text(" ".join([QUESTION, *FACTS]), lexicon=lexicon)
    assert [s.label for s in closing.framing.sentences] == ["neutral"] * 4 + ["critical"]
    assert evidence(closing) == [("le nom du pont ?", "critical", "question")]
    assert [s.label for s in opening.framing.sentences] == ["neutral"] * 5
    assert evidence(opening) == []
