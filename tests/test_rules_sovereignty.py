"""framing.sovereignty, rule by rule: each sentence's stance (a doubt at least as heavy as the
praise makes it a question), a shield and its negation, a speaker's words at half weight, and
the article's decision between question and promise (question from half the promise weight
up). Expectations are written by hand from the sentences and the constants' documented values."""

import pytest

import framing
from framing.sovereignty import Sovereignty, stance_in


def sovereignty(text, lexicon):
    return framing.score_text(text, lexicon=lexicon).sovereignty


@pytest.mark.parametrize("text, words", [
    # "formidable" (promotional 1.0) and "menacée" (critical 1.0): a tie, which doubt wins.
    ("La souveraineté numérique est formidable mais menacée.", "souveraineté numérique"),
    # "flagship" (promotional 1.0) and "threat" (critical 1.0).
    ("Digital sovereignty is a flagship but under threat.", "Digital sovereignty"),
])
def test_praise_and_an_equal_doubt_make_a_question(lexicon, text, words):
    found = sovereignty(text, lexicon)
    assert found.stance == "question"
    assert [(e.text, e.effect) for e in found.evidence] == [(words, "question")]
    assert (found.question_weight, found.promise_weight) == (1.0, 0.0)


@pytest.mark.parametrize("text, words", [
    # "formidable" + "innovante" (2.0) outweigh "menacée" (1.0): the sentence sells.
    ("La souveraineté numérique est formidable, innovante mais menacée.",
     "souveraineté numérique"),
    ("Digital sovereignty is a breakthrough.", "Digital sovereignty"),
    ("La souveraineté numérique est formidable.", "souveraineté numérique"),
])
def test_praise_heavier_than_the_doubt_is_a_promise(lexicon, text, words):
    found = sovereignty(text, lexicon)
    assert found.stance == "promise"
    assert [(e.text, e.effect) for e in found.evidence] == [(words, "promise")]
    assert (found.question_weight, found.promise_weight) == (0.0, 1.0)


@pytest.mark.parametrize("text", [
    "La souveraineté numérique est menacée.",
    "Digital sovereignty is at risk.",
])
def test_sovereignty_threatened_is_a_question(lexicon, text):
    found = sovereignty(text, lexicon)
    assert (found.stance, found.question_weight, found.promise_weight) == ("question", 1.0, 0.0)


@pytest.mark.parametrize("text, stance", [
    ("Les données sont à l'abri du CLOUD Act.", "promise"),
    ("Les données ne sont pas à l'abri du CLOUD Act.", "question"),
    ("The data are immune from the CLOUD Act.", "promise"),
    ("The data are not immune from the CLOUD Act.", "question"),
])
def test_a_shield_promises_a_negated_shield_asks(lexicon, text, stance):
    found = sovereignty(text, lexicon)
    assert (found.stance, found.laws, found.extraterritorial_law) == (stance, ["CLOUD Act"], True)


def test_a_speakers_doubt_weighs_half(lexicon):
    """QUOTED_FACTOR = 0.5: the minister's words, quoted, weigh 0.5, the writer's own 1.0."""
    quoted = sovereignty("« La souveraineté numérique est menacée », a déclaré le ministre.",
                         lexicon)
    own = sovereignty("La souveraineté numérique est menacée.", lexicon)
    assert (quoted.stance, quoted.question_weight) == ("question", 0.5)
    assert (own.stance, own.question_weight) == ("question", 1.0)


def raised(question, promise):
    return Sovereignty(True, "none", False, [], question_weight=question, promise_weight=promise)


def test_a_neutral_article_asks_from_half_the_promise_weight_up():
    """QUESTION_OVER_PROMISE = 0.5: one doubt (1.0) against two assurances (2.0) is a question,
    a little less doubt is not; no doubt at all is never a question."""
    assert stance_in(raised(1.0, 2.0), "neutral") == "question"
    assert stance_in(raised(0.99, 2.0), "neutral") == "promise"
    assert stance_in(raised(0.5, 0.0), "neutral") == "question"
    assert stance_in(raised(0.0, 0.0), "neutral") == "promise"
    assert stance_in(raised(0.0, 1.0), "neutral") == "promise"


def test_the_articles_own_label_decides_when_it_takes_a_side():
    assert stance_in(raised(0.0, 3.0), "critical") == "question"
    assert stance_in(raised(3.0, 0.0), "promotional") == "promise"
    not_raised = Sovereignty(False, "none", False, [], question_weight=3.0)
    assert stance_in(not_raised, "critical") == "none"
    assert stance_in(not_raised, "neutral") == "none"


@pytest.mark.parametrize("text", [
    "La souveraineté alimentaire de la France passe par ses agriculteurs.",
    "Energy sovereignty depends on new reactors.",
])
def test_other_sovereignties_raise_nothing(lexicon, text):
    found = sovereignty(text, lexicon)
    assert (found.raised, found.stance, found.evidence) == (False, "none", [])


# --- edges found by mutation testing (make mutation) -----------------------------------------

def effects(found):
    return [(e.text, e.effect, e.weight) for e in found.evidence]


def test_a_foreign_law_named_plainly_is_a_question(lexicon):
    found = sovereignty("Les données seront soumises au CLOUD Act.", lexicon)
    assert (found.question_weight, found.promise_weight) == (1.0, 0.0)
    assert effects(found) == [("CLOUD Act", "question", 1.0)]


def test_sovereignty_named_plainly_is_a_weak_promise(lexicon):
    """Neither sold nor doubted, a sentence that names sovereignty weighs NAMED_SIGNAL (0.5)."""
    found = sovereignty("La souveraineté numérique est un enjeu.", lexicon)
    assert (found.stance, found.question_weight, found.promise_weight) == ("promise", 0.0, 0.5)
    assert effects(found) == [("souveraineté numérique", "promise", 0.5)]


def test_a_speakers_promise_weighs_half(lexicon):
    found = sovereignty("« La souveraineté numérique est formidable », a déclaré le ministre.",
                        lexicon)
    assert (found.stance, found.question_weight, found.promise_weight) == ("promise", 0.0, 0.5)


def test_a_shield_that_holds_its_own_negation_is_not_negated_by_it(lexicon):
    """"pas soumises au", "not subject to": the negation is the shield's own words."""
    for text in ("Les données ne sont pas soumises au CLOUD Act.",
                 "The data are not subject to the CLOUD Act."):
        found = sovereignty(text, lexicon)
        assert (found.stance, found.question_weight, found.promise_weight) == (
            "promise", 0.0, 1.0), text


def test_next_to_a_shield_the_risks_are_shielded_from_but_a_doubt_still_counts(lexicon):
    """"à l'abri des risques" (the risk is what the shield holds off) and then "rien ne
    garantit" (doubt, 2.0): the doubt after the shielded risk makes the sentence a question."""
    found = sovereignty("Les données sont à l'abri des risques, mais rien ne garantit la "
                        "souveraineté numérique.", lexicon)
    assert (found.question_weight, found.promise_weight) == (1.0, 0.0)


def test_every_doubt_of_the_sentence_adds_up(lexicon):
    """Praise 2.0 (formidable, innovante) against doubt 2.0 (menacée, risque): a question."""
    found = sovereignty("La souveraineté numérique est formidable et innovante, mais menacée et "
                        "à risque.", lexicon)
    assert (found.question_weight, found.promise_weight) == (1.0, 0.0)


def test_a_guide_question_naming_a_risk_still_doubts(lexicon):
    """"Qu'est-ce que … ?" asks what something is: the question doubts nothing, but the risk it
    names does."""
    found = sovereignty("Qu'est-ce que le risque pour la souveraineté numérique ?", lexicon)
    assert (found.question_weight, found.promise_weight) == (1.0, 0.0)


def test_the_bare_word_counts_in_a_digital_context_only(lexicon):
    digital = sovereignty("Le cloud, les données et leur hébergement posent la question de la "
                          "souveraineté.", lexicon)
    assert (digital.raised, digital.stance, digital.promise_weight) == (True, "promise", 0.5)
    farming = sovereignty("La souveraineté de la France passe par ses agriculteurs et une "
                          "solution non souveraine.", lexicon)
    assert (farming.raised, farming.stance) == (False, "none")
