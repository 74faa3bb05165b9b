"""The sovereignty stance read from the sentence (issue 20, point 4): immunity claims, risks
shielded from, guide questions, sovereignty harmed or doubted, data kept in the country.

Sentences written for these tests; expected values written by hand. Each test reads the
sentence rules alone (`score_sovereignty` with a neutral article label), so the article model's
label cannot decide for them."""

from __future__ import annotations

import pytest

import framing
from framing.analysis import analyse_text


def sentences(text: str):
    """The sovereignty the sentence rules find, before any article label takes a side."""
    return analyse_text(text, framing.load_lexicon()).sovereignty


def side(found) -> str:
    from framing.sovereignty import stance_in

    return stance_in(found, "neutral")


@pytest.mark.parametrize("text", [
    "La société est de droit français, garantissant son immunité aux lois extraterritoriales.",
    "Les données restent non soumises au Patriot Act.",
    "Le service est protégé contre toute réglementation extracommunautaire comme le CLOUD Act.",
    "The provider offers protection against the CLOUD Act and other extraterritorial laws.",
    "Customer data stays free from US jurisdiction.",
])
def test_an_immunity_claim_is_a_promise(text):
    found = sentences(text)
    assert found.raised and side(found) == "promise"
    assert found.question_weight == 0 and found.promise_weight > 0


@pytest.mark.parametrize("text", [
    # The risk is what the shield protects from: it is not a doubt about sovereignty.
    "La qualification SecNumCloud met les données à l'abri des risques d'ingérence liés au CLOUD Act.",
    "Le label permettra de se prémunir des risques d'application des lois extraterritoriales.",
    "The sovereign cloud is protected against the risks of FISA surveillance.",
])
def test_a_shield_against_a_risk_is_a_promise(text):
    found = sentences(text)
    assert side(found) == "promise" and found.question_weight == 0


@pytest.mark.parametrize("text", [
    "Les données ne sont pas à l'abri du CLOUD Act.",
    "Rien ne garantit que les données resteront à l'abri du CLOUD Act.",
    "The data is not immune from the CLOUD Act.",
])
def test_a_denied_or_doubted_shield_is_a_question(text):
    assert side(sentences(text)) == "question"


@pytest.mark.parametrize("text", [
    "L'hébergement de données de santé : qu'est-ce que c'est et comment ça marche ?",
    "Cloud souverain : que retenir ?",
    "What does the sovereign cloud provide?",
])
def test_a_guide_question_does_not_doubt_sovereignty(text):
    found = sentences(text)
    assert found.question_weight == 0


@pytest.mark.parametrize("text", [
    "Qui contrôle réellement ces données hébergées en France ?",
    "Can a sovereign cloud run on Microsoft software really be sovereign?",
])
def test_a_writer_question_still_doubts_sovereignty(text):
    assert sentences(text).question_weight > 0


@pytest.mark.parametrize("text", [
    "Le ministère demande d'exclure tout logiciel non souverain pour les données des élèves.",
    "Il faut travailler avec des fournisseurs de logiciels américains, ce qui nuit à notre souveraineté numérique.",
    "Le contrat est contradictoire avec les discours sur l'autonomie stratégique.",
    "Bleu, pas encore labellisé SecNumCloud, signe un nouveau client.",
    "Gaia-X is turning into a cautionary tale about Europe's digital sovereignty.",
])
def test_sovereignty_harmed_or_doubted_is_a_question(text):
    found = sentences(text)
    assert found.raised and side(found) == "question"


def test_a_harm_word_without_sovereignty_raises_nothing():
    # "nuit à" is read only in a sentence that names sovereignty.
    text = "Le bruit du chantier nuit à la tranquillité des riverains du centre de données."
    assert sentences(text).stance == "none"


@pytest.mark.parametrize("text, cue", [
    # Two plain mentions: one alone is a passing mention (test_real.py).
    (("Chinese rules require subsidiaries to store their data within the country. The new "
      "data centre will store data locally."), "store their data within the country"),
    (("Les données des patients seront hébergées sur le territoire national, dans un cloud "
      "souverain."), "hébergées sur le territoire national"),
])
def test_data_kept_in_the_country_is_a_sovereignty_cue(text, cue):
    found = sentences(text)
    assert found.raised and cue in [e.text for e in found.evidence]


@pytest.mark.parametrize("text", [
    "The plan aims to reduce reliance on U.S. and Chinese infrastructure for AI.",
    "Startups will compute on home soil rather than stay reliant on American clouds.",
])
def test_foreign_infrastructure_named_as_a_dependence_is_a_question(text):
    found = sentences(text)
    assert found.raised and side(found) == "question"
