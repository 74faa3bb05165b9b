"""framing.sovereignty: whether an article raises digital sovereignty and extraterritorial law,
and whether as a question or a promise: on the seeds, on written cases, and on sentences as the
news writes them."""

import pytest

import framing
from framing.analysis import analyse_text


@pytest.mark.parametrize("seed, stance, law", [
    ("001", "question", True),
    ("000", "promise", False),
    ("004", "promise", False),
    ("002", "none", False),
    ("003", "none", False),
])
def test_seed_sovereignty_stances(seed_records, seed, stance, law):
    s = seed_records[seed].sovereignty
    assert s.stance == stance
    assert s.raised == (stance != "none")
    assert s.extraterritorial_law == law


def test_seed_001_names_the_extraterritorial_laws_in_its_closing_question(seed_records, seed_texts):
    s = seed_records["001"].sovereignty
    assert [law.lower() for law in s.laws] == ["lois extraterritoriales"]
    question = [e for e in s.evidence if e.effect == "question"]
    closing = seed_texts["001"].index("Souveraineté avec Microsoft")
    assert question and all(e.start >= closing for e in question)


@pytest.mark.parametrize("text, stance, law", [
    (("Vos données restent en France, hébergées dans un cloud de confiance qualifié "
      "SecNumCloud, à l’abri du CLOUD Act."), "promise", True),
    (("Le ministère confie ses données de santé à un hébergeur américain soumis au CLOUD Act : "
      "qui pourra y accéder ?"), "question", True),
    ("La souveraineté alimentaire de la France passe par ses agriculteurs, a dit le ministre.",
     "none", False),
    ("The new stadium opens in May with 40,000 seats.", "none", False),
])
def test_sovereignty_written_cases(lexicon, text, stance, law):
    s = framing.score_text(text, lexicon=lexicon).sovereignty
    assert (s.stance, s.extraterritorial_law) == (stance, law)


def stance(text, model=None):
    return framing.score_text(text, model=model).sovereignty


@pytest.mark.parametrize("text", [
    # A foreign owner, a foreign company, a size word: the topic is not raised.
    "Le groupe américain a inauguré mardi son nouvel entrepôt logistique près de Lyon.",
    "The US tech giant said the hyperscale campus would draw 300 MW from the grid.",
    "Les entreprises étrangères ont annoncé 15 milliards d'euros d'investissements en France.",
])
def test_a_foreign_name_or_a_size_word_does_not_raise_sovereignty(text):
    assert stance(text).stance == "none"


def test_one_passing_mention_does_not_raise_sovereignty():
    text = ("Le site accueillera des activités d'hébergement de données et de logistique. "
            "Les travaux commenceront au printemps, a indiqué le maire.")
    assert stance(text).stance == "none"


@pytest.mark.parametrize("text", [
    # One plain sentence that names sovereignty itself, in a digital context, is enough:
    # the real articles coded this way (a strategy "pour la souveraineté numérique" named
    # once in a report on data centres) carry a stance.
    ("Le plan prévoit trois centres de données et un volet consacré à la souveraineté "
     "numérique. Les travaux commenceront au printemps, a indiqué le maire."),
    ("The plan includes three data centres and a chapter on tech sovereignty. "
     "Work will start in the spring, the mayor said."),
])
def test_one_plain_sentence_naming_sovereignty_raises_it(text):
    found = stance(text)
    named = [e.text.lower() for e in found.evidence if e.category != "sovereignty.context"]
    assert found.raised and found.stance == "promise"
    assert named in (["souveraineté numérique"], ["tech sovereignty"])


def test_an_offer_claiming_immunity_from_a_foreign_law_is_a_promise():
    text = ("Notre cloud souverain, qualifié SecNumCloud, est immunisé contre le CLOUD Act. "
            "Vos données de santé restent en France, hébergées dans nos centres de Lille.")
    found = stance(text)
    assert found.stance == "promise" and found.laws == ["CLOUD Act"]


def test_a_doubted_sovereignty_programme_is_a_question():
    text = ("Le gouvernement présente ce cloud souverain comme la réponse à la dépendance "
            "numérique. Mais rien ne garantit que les données échapperont au CLOUD Act, et le "
            "projet accumule les retards.")
    assert stance(text).stance == "question"


def test_the_article_framing_decides_between_question_and_promise():
    """stance_in: a critical article questions what its sentences sell, a promotional one sells
    what its sentences doubt, a neutral one follows its sentences; never raised stays none."""
    from framing.sovereignty import Sovereignty, stance_in

    selling = Sovereignty(True, "promise", False, [], question_weight=0.0, promise_weight=3.0)
    doubting = Sovereignty(True, "question", True, ["CLOUD Act"], question_weight=2.0,
                           promise_weight=0.4)
    assert stance_in(selling, "critical") == "question"
    assert stance_in(doubting, "promotional") == "promise"
    assert (stance_in(selling, "neutral"), stance_in(doubting, "neutral")) == ("promise",
                                                                               "question")
    assert stance_in(Sovereignty(False, "none", False, []), "critical") == "none"


def test_sovereignty_both_praised_and_threatened_is_a_question(lexicon):
    """A sentence that sells sovereignty and doubts it as much is a question: the doubt wins a
    tie. (The article is critical too, so its stance alone would not show the sentence's.)"""
    found = framing.score_text("La souveraineté numérique est formidable mais menacée.",
                               lexicon=lexicon).sovereignty
    assert found.stance == "question"
    assert [(e.text, e.effect) for e in found.evidence] == [("souveraineté numérique",
                                                             "question")]
    assert found.promise_weight == 0


def test_a_denied_foreign_dependence_is_a_promise_an_asserted_one_a_question(lexicon):
    """Both articles are neutral: the stance comes from their one sentence."""
    denied = framing.score_text(
        "La souveraineté numérique de nos hôpitaux est assurée : leurs données ne dépendront "
        "d'aucun fournisseur américain.", lexicon=lexicon)
    asserted = framing.score_text(
        "La souveraineté numérique de nos hôpitaux est en jeu : leurs données dépendront d'un "
        "fournisseur américain.", lexicon=lexicon)
    assert denied.framing.label == asserted.framing.label == "neutral"
    assert denied.sovereignty.stance == "promise"
    assert asserted.sovereignty.stance == "question"
    assert {e.effect for e in denied.sovereignty.evidence} == {"promise"}


# The stance read from the sentence (issue 20, point 4): immunity claims, risks shielded from,
# guide questions, sovereignty harmed or doubted, data kept in the country. Sentences written
# for these tests, expected values by hand; each reads the sentence rules alone (a neutral
# article label), so the article model's label cannot decide for them.


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
    # A shield against a risk: the risk is what it protects from, not a doubt about sovereignty.
    "La qualification SecNumCloud met les données à l'abri des risques d'ingérence liés au CLOUD Act.",
    "Le label permettra de se prémunir des risques d'application des lois extraterritoriales.",
    "The sovereign cloud is protected against the risks of FISA surveillance.",
])
def test_an_immunity_claim_or_a_shield_against_a_risk_is_a_promise(text):
    found = sentences(text)
    assert found.raised and side(found) == "promise"
    assert found.question_weight == 0 and found.promise_weight > 0


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
